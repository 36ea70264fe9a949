"""One contract for every store backend: memory, embedded Oxigraph, ``oxigraph serve`` and
Virtuoso (the servers are real processes; see ``tests/servers.py``)."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest
import samples
from pandas.testing import assert_frame_equal
from rdflib import XSD, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from claims import query as q
from claims.config import base_iri
from claims.errors import ClaimsError
from claims.store import MemoryStore, Store, Table

pytestmark = pytest.mark.remote
INJECTION = 'Putin" } ; DROP ALL ; #'
INTEGERS = {XSD.integer, XSD.nonNegativeInteger, XSD.positiveInteger, XSD.int, XSD.long, XSD.short}
EX = URIRef(f"{base_iri()}graph/extra")


def plain(graph: Graph) -> Graph:
    """``graph`` with literals in canonical form: ``"x"^^xsd:string`` as ``"x"`` (the same
    term in RDF 1.1; rdflib tells them apart and pyoxigraph always gives the datatype), and
    decimals without trailing zeros (rdflib's Turtle writer turns ``8`` into ``8.0``), and
    integers as decimals (Oxigraph 0.5 stores derived integer types as ``xsd:integer``;
    Virtuoso may give an integral ``xsd:decimal`` back as ``xsd:integer`` after a reload)."""
    out = Graph(identifier=graph.identifier)
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.string:
            o = Literal(str(o))
        elif isinstance(o, Literal) and o.datatype in INTEGERS:
            o = Literal(str(o), datatype=XSD.decimal)
        elif isinstance(o, Literal) and o.datatype == XSD.decimal:
            o = Literal(f"{Decimal(str(o)).normalize():f}", datatype=XSD.decimal)
        out.add((s, p, o))
    return out


def same(left: Graph, right: Graph) -> bool:
    return isomorphic(plain(left), plain(right))


def construct(store: Store, graph: str) -> Graph:
    result = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    assert isinstance(result, Graph)
    return result


def snapshot(store: Store) -> dict[str, int]:
    return {g: len(construct(store, g)) for g in store.graphs()}


@pytest.fixture
def kb(store: Store) -> Store:
    return samples.write(store)


def test_replace_graphs_is_idempotent(store: Store) -> None:
    graphs = samples.graphs()
    store.replace_graphs(graphs)
    first = snapshot(store)
    store.replace_graphs(samples.graphs())
    assert snapshot(store) == first
    assert store.graphs() == sorted(str(g.identifier) for g in graphs)
    assert len(store) == sum(len(g) for g in graphs)
    for graph in graphs:
        assert same(construct(store, str(graph.identifier)), graph)


def test_replace_graphs_replaces_the_whole_graph(kb: Store) -> None:
    graph = samples.graphs()[0]
    smaller = Graph(identifier=graph.identifier)
    for triple in list(graph)[:10]:
        smaller.add(triple)
    kb.replace_graph(smaller)
    assert same(construct(kb, str(graph.identifier)), smaller)
    assert len(kb.graphs()) == 4


def test_a_failed_replace_changes_nothing(kb: Store) -> None:
    if isinstance(kb, MemoryStore):
        pytest.skip("rdflib's Dataset accepts any IRI: this failure cannot be provoked")
    before = snapshot(kb)
    good = Graph(identifier=URIRef(samples.graphs()[0].identifier))
    bad = Graph(identifier=URIRef(f"{base_iri()}graph/bad iri"))
    bad.add((URIRef("urn:a"), URIRef("urn:b"), Literal(1)))
    with pytest.raises(Exception):  # noqa: B017 - each backend has its own way to refuse
        kb.replace_graphs([good, bad])
    assert snapshot(kb) == before


def test_write_replaces_some_graphs_and_adds_to_others(kb: Store) -> None:
    graph = samples.graphs()[0]
    people = Graph(identifier=samples.entities().identifier)
    people.add((URIRef("urn:someone"), URIRef("https://schema.org/name"), Literal("Someone")))
    before = construct(kb, str(people.identifier))
    kb.write(replace=[graph], add=[people])
    after = construct(kb, str(people.identifier))
    assert len(after) == len(before) + 1 and same(construct(kb, str(graph.identifier)), graph)
    kb.write(add=[people])  # adding what is there changes nothing
    assert len(construct(kb, str(people.identifier))) == len(after)


def test_add_appends_and_remove_graph_removes(kb: Store) -> None:
    extra = Graph(identifier=EX)
    extra.add((URIRef("urn:a"), URIRef("urn:p"), Literal("one")))
    kb.add(extra)
    more = Graph(identifier=EX)
    more.add((URIRef("urn:a"), URIRef("urn:p"), Literal("two", lang="en")))
    kb.add(more)
    assert len(construct(kb, str(EX))) == 2
    assert str(EX) in kb.graphs()
    kb.remove_graph(str(EX))
    kb.remove_graph(str(EX))  # absent: nothing happens
    assert str(EX) not in kb.graphs()
    assert len(kb.graphs()) == 4


def test_select_ask_construct(kb: Store) -> None:
    table = kb.query("PREFIX schema: <https://schema.org/> SELECT ?name WHERE "
                     "{ GRAPH ?g { ?p a schema:Person ; schema:name ?name } } ORDER BY ?name")
    assert isinstance(table, Table)
    assert sorted({str(row["name"]) for row in table}) == [
        "Andrew Small", "Ebrahim Raisi", "Vladimir Putin"]
    assert kb.query("ASK { GRAPH ?g { ?s <https://schema.org/name> \"Andrew Small\" } }") is True
    assert kb.query("ASK { GRAPH ?g { ?s <https://schema.org/name> \"Nobody\" } }") is False
    described = kb.query(f"DESCRIBE <{base_iri()}person/andrew-small> WHERE {{ GRAPH ?g {{ "
                         f"<{base_iri()}person/andrew-small> ?p ?o }} }}")
    assert isinstance(described, Graph)


QUOTATIONS = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/claims#Quotation> }"


def _count(store: Store, sparql: str, **options: bool) -> int:
    table = store.query(sparql, **options)
    assert isinstance(table, Table)
    return int(str(table.rows[0][0]))


def test_a_query_without_graph_sees_the_union(kb: Store, request: pytest.FixtureRequest) -> None:
    assert _count(kb, QUOTATIONS) == 5  # the sample articles' quotations, each counted once
    assert kb.query("ASK { ?s a <https://w3id.org/claims#Figure> }") is True
    in_graphs = QUOTATIONS.replace("{ ?s a <https://w3id.org/claims#Quotation> }",
                                   "{ GRAPH ?g { ?s a <https://w3id.org/claims#Quotation> } }")
    assert _count(kb, in_graphs, union=False) == 5  # GRAPH answers the same in both settings
    if request.node.callspec.params["store"] == "virtuoso":
        return  # Virtuoso's default graph is always the union: no strict dataset there
    assert _count(kb, QUOTATIONS, union=False) == 0
    kb.union = False  # the store's setting (CLAIMS_DATASET=strict, open_store(union=False))
    assert _count(kb, QUOTATIONS) == 0
    assert _count(kb, QUOTATIONS, union=True) == 5


def test_bindings_are_terms_not_text(kb: Store) -> None:
    before = snapshot(kb)
    for speaker in (INJECTION, "Putin\"}", "x' } DROP ALL #", "\\", "a\nb"):
        frame = q.select(kb, "quotations_by_speaker", speaker=speaker)
        assert frame.empty
    assert snapshot(kb) == before
    putin = q.select(kb, "quotations_by_speaker", speaker="Vladimir Putin")
    assert sorted(putin["text"]) == ["Attempts to create a unipolar world are unacceptable.",
                                     "balanced"]


def test_bindings_in_queries_with_prefixes_subqueries_and_groups(kb: Store) -> None:
    sparql = """# a comment with { braces } and WHERE
    PREFIX schema: <https://schema.org/>
    PREFIX claims: <https://w3id.org/claims#>
    SELECT ?name (COUNT(?s) AS ?n) WHERE {
      { SELECT DISTINCT ?p WHERE { GRAPH ?h { ?p a schema:Person } } }
      GRAPH ?g { ?s claims:speaker ?p . FILTER (?s != <urn:x>) }
      GRAPH ?people { ?p schema:name ?name }
    } GROUP BY ?name ORDER BY ?name"""
    table = kb.query(sparql, {"name": Literal("Ebrahim Raisi")})
    assert isinstance(table, Table)
    assert [(str(r["name"]), int(r["n"].toPython())) for r in table] == [  # type: ignore[union-attr]
        ("Ebrahim Raisi", 2)]
    assert kb.query("ASK { GRAPH ?g { ?s ?p ?o } }", {"o": Literal(INJECTION)}) is False
    start = URIRef("https://w3id.org/claims#start")
    offset = min(o for g in samples.graphs() for o in g.objects(None, start))  # an xsd:integer
    assert isinstance(offset, Literal) and offset.datatype == XSD.integer
    typed = kb.query(f"SELECT ?s ?o WHERE {{ GRAPH ?g {{ ?s <{start}> ?o }} }}", {"o": offset})
    expected = {s for g in samples.graphs() for s in g.subjects(start, offset)}
    assert isinstance(typed, Table) and {row["s"] for row in typed} == expected and expected


def test_a_bound_variable_need_not_be_selected(kb: Store) -> None:
    text = "Attempts to create a unipolar world are unacceptable."
    sparql = ("SELECT ?s WHERE { GRAPH ?g { ?s <https://schema.org/text> ?t } }")
    table = kb.query(sparql, {"t": Literal(text)})
    expected = {s for g in samples.graphs() for s in g.subjects(URIRef("https://schema.org/text"),
                                                                   Literal(text))}
    assert isinstance(table, Table) and {row["s"] for row in table} == expected and expected
    assert kb.query("ASK { GRAPH ?g { ?s <https://schema.org/text> ?t } }", {"t": Literal(text)})


def test_update(kb: Store) -> None:
    kb.update(f'INSERT DATA {{ GRAPH <{EX}> {{ <urn:a> <urn:p> "x", 3 }} }}')
    assert len(construct(kb, str(EX))) == 2
    kb.update(f'DELETE WHERE {{ GRAPH <{EX}> {{ <urn:a> <urn:p> "x" }} }}')
    assert len(construct(kb, str(EX))) == 1
    with pytest.raises(ClaimsError) as error:
        kb.update("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:p> } }")
    assert error.value.code == "query-rejected"


def test_syntax_errors_are_coded(kb: Store) -> None:
    with pytest.raises(ClaimsError) as error:
        kb.query("SELECT ?s WHERE {\n  ?s ?p ?o ?? }")
    assert error.value.code == "query-rejected"


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_load_dump_round_trip(kb: Store, fmt: str) -> None:
    data = kb.dump(format=fmt)
    dumped = Dataset(default_union=False)
    dumped.parse(data=data, format=fmt)
    for graph in samples.all_graphs():
        assert same(dumped.graph(graph.identifier), graph)
    for name in kb.graphs():
        kb.remove_graph(name)
    assert kb.graphs() == []
    kb.load(data, format=fmt)
    assert kb.graphs() == sorted(str(g.identifier) for g in samples.all_graphs())
    for graph in samples.all_graphs():
        assert same(construct(kb, str(graph.identifier)), graph)


def test_large_result_is_not_truncated(store: Store) -> None:
    big = Graph(identifier=EX)
    for i in range(12_000):
        big.add((URIRef(f"urn:s{i}"), URIRef("urn:p"), Literal(i)))
    store.replace_graph(big)
    table = store.query(f"SELECT ?s ?o WHERE {{ GRAPH <{EX}> {{ ?s ?p ?o }} }}")
    assert isinstance(table, Table) and len(table) == 12_000
    assert {int(o.toPython()) for _, o in table.rows} == set(range(12_000))  # type: ignore[union-attr]


PARAMS: dict[str, dict[str, str]] = {
    "quotations_by_speaker": {"speaker": "Ebrahim Raisi"},
    "article_statements": {"article": str(samples.graphs()[0].identifier).replace("/graph/",
                                                                                  "/article/")},
    "figures": {"article": str(samples.graphs()[2].identifier).replace("/graph/", "/article/")},
    "outlet_statements": {"outlet": "Example News", "start": "2022-09-15", "end": "2022-09-16"},
    "quotations_containing": {"word": "Unipolar"},
}
FOUNDATION_QUERIES = {"article_statements", "articles", "figures", "quotations_by_speaker",
                      "speakers", "stats", "unreviewed", "outlet_statements", "quotations_per_month"}
LOCAL_QUERIES = sorted(n for n, nq in q.named_queries().items() if "SERVICE" not in nq.text)


def _frame(store: Store, name: str, params: dict[str, str]) -> pd.DataFrame:
    frame = q.select(store, name, **params)
    if "ORDER BY" not in q.get_query(name).text:  # no order asked: compare as sets
        frame = frame.sort_values(list(frame.columns)).reset_index(drop=True)
    return frame


@pytest.mark.parametrize("name", LOCAL_QUERIES)
@pytest.mark.parametrize("with_params", [False, True])
def test_named_queries_agree_with_memory(kb: Store, name: str, with_params: bool) -> None:
    params = PARAMS.get(name, {}) if with_params else {}
    reference = samples.write(MemoryStore())
    expected = _frame(reference, name, params)
    if name in FOUNDATION_QUERIES:
        assert not expected.empty, f"{name} finds nothing in the sample knowledge base"
    assert_frame_equal(_frame(kb, name, params), expected, check_exact=False)
