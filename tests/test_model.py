"""The article model (version 2): each triple in one graph, shortcuts that agree with the
chains they stand for, and the size of a statement."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, Graph, Literal, URIRef
from rdflib.collection import Collection

import claims
from claims import review
from claims.config import ontology_dir
from claims.document import Document
from claims.model import iris
from claims.model.mapping import article_triples, to_graphs
from claims.model.shapes import check
from claims.statements import Kind, Quantity, Span, Speaker, Statement
from claims.store import OxigraphStore, Store, Table
from claims.vocab import CLAIMS, SCHEMA

TEXT = ('Kremlin adviser Yuri Ushakov said: "We will talk." Prices rose about 5 percent. '
        'Ushakov said that the talks would go on.')


def article(n: int = 0, *, publisher: str = "TASS", date: str | None = "2024-05-01") -> Document:
    return Document(id=f"a{n}", text=TEXT + f" ({n})", title=f"Talks {n}", publisher=publisher,
                    date=date, url=f"https://news.example/{n}", derived_from="DW" if n else None)


def statements(doc: Document) -> list[Statement]:
    text = doc.text
    quote, clause, figure = (text.index(s) for s in ("We will talk.", "the talks", "about 5 percent"))
    mention = text.index("Yuri Ushakov")
    ushakov = Speaker("Yuri Ushakov", "Yuri Ushakov", Span(mention, mention + 12),
                      role="Kremlin adviser", affiliation="Kremlin", qid="Q4526063")
    return [
        Statement(Kind.QUOTATION, "We will talk.", Span(quote, quote + 13), speaker=ushakov,
                  cue="said", confidence=0.9, extractor="rules", extractor_version="2"),
        Statement(Kind.REPORTED_SPEECH, "the talks would go on", Span(clause, clause + 21),
                  speaker=Speaker("Yuri Ushakov", method="previous"), cue="said"),
        Statement(Kind.FIGURE, "about 5 percent", Span(figure, figure + 15),
                  quantity=Quantity(5, "percent", "percentage", True, "about")),
    ]


@pytest.fixture
def store(tmp_path: Path, founding_article: Path) -> Store:
    kb = OxigraphStore(tmp_path / "kb")
    claims.ingest([founding_article], kb)
    claims.pipeline.write(kb, [(article(n), statements(article(n))) for n in range(3)])
    quote = next(s for s in statements(article(1)) if s.kind is Kind.QUOTATION)
    target = str(iris.statement_iri(article(1).content_hash, quote.kind, quote.span))
    review.record(kb, target, "misattributed", reviewer="Ana", corrected_speaker="Vladimir Putin")
    return kb


def test_each_triple_is_stated_in_one_graph(store: Store) -> None:
    """So the union default graph (a bag on Oxigraph and Virtuoso) holds each triple once."""
    graphs: dict[tuple[object, object, object], set[str]] = {}
    for quad in ox.parse(store.dump(format="nquads"), format=ox.RdfFormat.N_QUADS):
        graphs.setdefault((quad.subject, quad.predicate, quad.object), set()).add(str(quad.graph_name))
    assert len(graphs) > 500
    shared = {t: g for t, g in graphs.items() if len(g) > 1}
    assert not shared, list(shared.items())[:3]
    named = store.query('SELECT (COUNT(*) AS ?n) WHERE { ?p <https://schema.org/name> "Vladimir Putin" }')
    assert isinstance(named, Table) and [int(str(r[0])) for r in named.rows] == [1]


def test_the_entities_graph_describes_the_people_outlets_and_extractors(store: Store) -> None:
    people = to_graphs(article(1), statements(article(1)))[1]
    assert people.identifier == iris.entities_graph_iri()
    ushakov = iris.person_iri("Yuri Ushakov")
    assert set(people.predicate_objects(ushakov)) >= {
        (RDF.type, SCHEMA.Person), (SCHEMA.name, Literal("Yuri Ushakov")),
        (OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q4526063"))}
    assert {str(o) for o in people.objects(None, SCHEMA.name)} >= {"TASS", "DW", "Kremlin", "rules"}
    article_graph = to_graphs(article(1), statements(article(1)))[0]
    assert not set(article_graph.subjects()) & set(people.subjects())


def chains() -> dict[URIRef, list[URIRef]]:
    """Every shortcut the ontology declares, with the chain of properties it stands for."""
    ontology = Graph().parse(ontology_dir() / "claims.ttl")
    return {prop: list(Collection(ontology, head))  # type: ignore[misc]
            for prop, head in ontology.subject_objects(OWL.propertyChainAxiom)}


def test_the_shortcuts_agree_with_their_chains(store: Store) -> None:
    found = chains()
    assert set(found) == {CLAIMS.date, CLAIMS.reportedBy, CLAIMS.speakerName}
    for shortcut, (first, second) in found.items():
        direct = store.query(f"SELECT ?s ?v WHERE {{ ?s <{shortcut}> ?v }}")
        chained = store.query(f"SELECT ?s ?v WHERE {{ ?s <{first}> ?x . ?x <{second}> ?v . "
                              f"?s a <{CLAIMS.Statement}> }}")
        pairs = {tuple(row) for row in direct.rows}  # type: ignore[union-attr]
        assert pairs and pairs == {tuple(row) for row in chained.rows}, shortcut  # type: ignore[union-attr]


def test_a_statement_costs_about_twenty_triples() -> None:
    found = article_triples(article(0), statements(article(0)))
    subjects = Counter(str(t.subject.value) for t in found.article)
    quote, reported, figure = (str(iris.statement_iri(article(0).content_hash, s.kind, s.span))
                               for s in statements(article(0)))
    # type x2, text, derived, quoted, partial, generated, confidence, start, end, outlet, date,
    # cue, speaker, speaker name, mention start and end, method, role
    assert subjects[quote] == 19
    assert subjects[reported] == 13  # no quotation triples; no mention, so no span, method, role
    assert subjects[figure] + subjects[figure + "-quantity"] == 11 + 6


def test_the_shapes_catch_a_shortcut_out_of_step(store: Store) -> None:
    graph, people = to_graphs(article(2), statements(article(2)))
    assert check(graph, entities=people).conforms
    quote = next(graph.subjects(RDF.type, CLAIMS.Quotation))
    graph.set((quote, CLAIMS.date, Literal("1999-01-01", datatype=URIRef(
        "http://www.w3.org/2001/XMLSchema#date"))))
    report = check(graph, entities=people)
    assert not report.conforms and "claims:date is not the date" in report.text
    assert check(graph, entities=people, spans=False).conforms  # ingestion trusts the mapping


def test_an_undated_article_has_no_date_shortcut() -> None:
    doc = article(4, date=None)
    graph, people = to_graphs(doc, statements(doc))
    assert not list(graph.objects(None, CLAIMS.date))
    assert check(graph, entities=people).conforms
