"""The bulk write path: payloads, the bulk and transactional branches, and commit markers."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from claims.document import Document
from claims.model.mapping import to_graph
from claims.statements import Kind, Span, Speaker, Statement
from claims.store import MemoryStore, OxigraphStore, Store, bulk
from claims.vocab import CLAIMS, SCHEMA
from graphs import named_graphs

TEXT = 'Officials met on Monday. "We will win," Jane Doe said. Prices rose 5 percent.'


def article(n: int, *, text: str = TEXT) -> tuple[Document, Graph]:
    doc = Document(id=f"a{n}", text=f"{text} Item {n}.", title=f"Story {n}", publisher="Daily",
                   url=f"https://news.example/{n}", date=f"2024-05-0{1 + n % 9}")
    start = doc.text.index("We will")
    quote = Statement(Kind.QUOTATION, "We will win,", Span(start, start + 12),
                      speaker=Speaker("Jane Doe", "Jane Doe", Span(start + 15, start + 23)),
                      cue="said", confidence=0.9)
    return doc, to_graph(doc, [quote])


def plain(graph: Graph) -> Graph:
    """``graph`` as Oxigraph stores it (it keeps xsd:nonNegativeInteger as xsd:integer)."""
    with tempfile.TemporaryDirectory() as folder, OxigraphStore(folder) as store:
        store.replace_graphs([graph])  # the ordinary, transactional path
        return named_graphs(store)[str(graph.identifier)]


@pytest.fixture
def ox_store(tmp_path: Path) -> OxigraphStore:
    store = OxigraphStore(tmp_path / "store")
    yield store  # type: ignore[misc]
    store.close()


def test_payload_splits_the_commit_marker_from_the_body() -> None:
    doc, graph = article(1)
    p = bulk.graph_payload(graph)
    assert p.graph == str(graph.identifier)
    assert p.quads == len(graph)
    subject = graph.value(predicate=CLAIMS.contentHash, object=Literal(doc.content_hash))
    assert p.marker == f'<{subject}> <{CLAIMS.contentHash}> "{doc.content_hash}" .\n'
    assert str(CLAIMS.contentHash) not in p.body
    assert len(p.body.splitlines()) + 1 == len(graph)
    assert all(line.endswith(f" <{p.graph}> .") for line in p.nquads().splitlines())


@pytest.mark.parametrize("mode", [True, False, None])
def test_write_stores_the_same_graphs_as_replace_graphs(ox_store: OxigraphStore, mode: bool | None) -> None:
    graphs = [article(n)[1] for n in range(5)]
    assert bulk.write(ox_store, [bulk.graph_payload(g) for g in graphs], bulk=mode) == sum(map(len, graphs))
    got = named_graphs(ox_store)
    assert got.keys() == {str(g.identifier) for g in graphs}
    assert all(isomorphic(got[str(g.identifier)], plain(g)) for g in graphs)


def test_existing_graphs_are_replaced_not_merged(ox_store: OxigraphStore) -> None:
    _, old = article(1)
    bulk.write(ox_store, [bulk.graph_payload(old)], bulk=True)
    doc, new = article(1, text='Something else. "We will win," Jane Doe said.')
    assert new.identifier == old.identifier  # same URL, new text
    bulk.write(ox_store, [bulk.graph_payload(new)], bulk=True)
    assert isomorphic(named_graphs(ox_store)[str(new.identifier)], plain(new))
    assert bulk.stored_hashes(ox_store, [str(new.identifier)]) == {str(new.identifier): doc.content_hash}


def test_the_last_payload_of_a_graph_in_a_batch_wins(ox_store: OxigraphStore) -> None:
    _, first = article(1)
    _, second = article(1, text='A later version. "We will win," Jane Doe said.')
    bulk.write(ox_store, [bulk.graph_payload(first), bulk.graph_payload(second)], bulk=True)
    assert isomorphic(named_graphs(ox_store)[str(second.identifier)], plain(second))


@pytest.mark.parametrize("make", [MemoryStore, "oxigraph"])
def test_stored_hashes_reads_the_commit_markers(make: object, tmp_path: Path) -> None:
    store: Store = MemoryStore() if make is MemoryStore else OxigraphStore(tmp_path / "s")
    docs = [article(n) for n in range(3)]
    store.replace_graphs(g for _, g in docs[:2])
    names = [str(g.identifier) for _, g in docs]
    assert bulk.stored_hashes(store, names) == {names[0]: docs[0][0].content_hash,
                                               names[1]: docs[1][0].content_hash}
    assert bulk.stored_hashes(store, []) == {}
    store.close()


def test_a_graph_loaded_without_its_marker_counts_as_not_stored(ox_store: OxigraphStore) -> None:
    """What an interrupted bulk batch leaves behind is found, and rewritten whole."""
    _, graph = article(1)
    p = bulk.graph_payload(graph)
    bulk.load_nquads(ox_store, p.nquads(marker=False))  # the body landed, the marker did not
    assert bulk.stored_hashes(ox_store, [p.graph]) == {}
    bulk.write(ox_store, [p], bulk=True)
    assert isomorphic(named_graphs(ox_store)[p.graph], plain(graph))
    assert len(ox_store) == len(graph)


def test_write_falls_back_to_one_update_on_other_stores() -> None:
    store, reference = MemoryStore(), MemoryStore()
    graphs = [article(n)[1] for n in range(2)]
    bulk.write(store, [bulk.graph_payload(g) for g in graphs])
    reference.replace_graphs(graphs)
    got, want = named_graphs(store), named_graphs(reference)
    assert got.keys() == want.keys()
    assert all(isomorphic(got[k], want[k]) for k in want)
    assert not bulk.supports(store)


def test_shared_and_read_only_stores_do_not_take_the_fast_path(tmp_path: Path) -> None:
    shared = OxigraphStore(tmp_path / "s", shared=True)
    assert not bulk.supports(shared)
    bulk.write(shared, [bulk.graph_payload(article(1)[1])])
    assert len(shared.graphs()) == 1


def test_literals_with_newlines_quotes_and_unicode_survive(ox_store: OxigraphStore) -> None:
    doc, graph = article(2, text='Line one.\n\nLine "two" — ünïcödé .\nend "We will win," Jane Doe said.')
    bulk.write(ox_store, [bulk.graph_payload(graph)], bulk=True)
    stored = named_graphs(ox_store)[str(graph.identifier)]
    assert isomorphic(stored, plain(graph))
    assert Literal(doc.text) in set(stored.objects(None, SCHEMA.articleBody))


# Reading results back: claims.select's fast path on Oxigraph gives exactly the values of
# the general path (rdflib terms, then to_python).

ODD = """
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://w3id.org/claims/kb/x/> .
GRAPH <https://w3id.org/claims/kb/graph/odd> {
  ex:a ex:p "plain", "chaîne"@fr, "3"^^xsd:integer, "0.50"^^xsd:decimal, "true"^^xsd:boolean,
      "2024-05-01"^^xsd:date, "2024-05-01T10:00:00Z"^^xsd:dateTime, "abc"^^xsd:integer,
      "1e3"^^xsd:double, "x"^^<https://example.org/custom>, "7"^^xsd:nonNegativeInteger,
      "-0012"^^xsd:integer, "INF"^^xsd:double, "2.5"^^xsd:float, "+1"^^xsd:int, "12"^^xsd:long,
      " 5"^^xsd:integer, "1_000"^^xsd:integer, "1.5e"^^xsd:decimal,
      <https://schema.org/Person>, <http://example.org/other>, [ ex:q ex:r ] .
}
"""


def cells(frame: object) -> list[list[tuple[type, object]]]:
    return [[(type(x), x) for x in row] for row in frame.itertuples(index=False)]  # type: ignore[attr-defined]


def test_select_fast_path_gives_the_same_values_as_the_general_path(ox_store: OxigraphStore) -> None:
    from claims.query import run, select, to_frame

    ox_store.load(ODD.encode(), format="trig")
    bulk.write(ox_store, [bulk.graph_payload(article(n)[1]) for n in range(2)])
    for sparql in ["SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g ?s ?p ?o",
                   "SELECT ?o ?none WHERE { GRAPH ?g { ?s ?p ?o } OPTIONAL { ?o ?x ?none } } ORDER BY ?o",
                   "SELECT (COUNT(*) AS ?n) (SUM(?c) AS ?sum) WHERE { GRAPH ?g { ?s ?p ?c } "
                   "FILTER isNumeric(?c) }",
                   "quotations_by_speaker"]:
        fast, slow = select(ox_store, sparql), to_frame(run(ox_store, sparql))  # type: ignore[arg-type]
        assert fast.columns.tolist() == slow.columns.tolist()
        assert len(fast) == len(slow) > 0
        assert cells(fast.fillna("NA")) == cells(slow.fillna("NA"))


def test_the_bulk_payload_holds_exactly_the_mapped_graphs(founding_article: Path) -> None:
    """The bulk path serialises the mapping's triples itself; rdflib's graphs must agree."""
    from claims.extract import extract
    from claims.model.mapping import article_triples, to_graphs
    from claims.reader import read

    (doc,) = read(founding_article)
    assert isinstance(doc, Document)
    found = extract(doc)
    graph, people = to_graphs(doc, found)
    p = bulk.article_payload(article_triples(doc, found))
    assert p.graph == str(graph.identifier)
    assert p.quads == len(graph) > 300
    assert isomorphic(Graph().parse(data=p.body + p.marker, format="nt"), graph)
    assert isomorphic(Graph().parse(data=p.entities, format="nt"), people) and len(people) > 10


@pytest.mark.parametrize("mode", [True, False])
def test_articles_and_their_entities_land_as_the_transactional_path_writes_them(
        ox_store: OxigraphStore, tmp_path: Path, mode: bool) -> None:
    from claims.model.mapping import article_triples
    from graphs import write_graphs

    articles = [(doc, [quote]) for doc, quote in (statement(n) for n in range(3))]
    bulk.write(ox_store, [bulk.article_payload(article_triples(d, s)) for d, s in articles], bulk=mode)
    with OxigraphStore(tmp_path / "reference") as reference:
        write_graphs(reference, articles)
        want = named_graphs(reference)
    got = named_graphs(ox_store)
    assert got.keys() == want.keys() and len(want) == 4  # three articles and the entities graph
    assert all(isomorphic(got[k], want[k]) for k in want)


def statement(n: int) -> tuple[Document, Statement]:
    doc, _ = article(n)
    start = doc.text.index("We will")
    speaker = Speaker(f"Jane Doe {n % 2}", "Jane Doe", Span(start + 15, start + 23))
    return doc, Statement(Kind.QUOTATION, "We will win,", Span(start, start + 12), speaker=speaker)


def test_an_article_url_that_is_not_an_iri_is_a_coded_input_error() -> None:
    from claims.errors import InvalidUrl
    from claims.model.mapping import article_triples

    doc = Document(id="a", text="Prices rose 5 percent.", url="https://news.example/a story")
    with pytest.raises(InvalidUrl, match=r"\[invalid-url\] a: 'https://news.example/a story'"):
        article_triples(doc, [])
