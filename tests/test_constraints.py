"""The shapes' SPARQL constraints checked in Python (claims.model.constraints) give what
pyshacl gives running the SPARQL in ontology/shapes.ttl: same focus nodes, values, messages."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pyshacl import validate as shacl_validate
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import SH

from claims.document import Document
from claims.model import shapes
from claims.model.constraints import violations
from claims.model.mapping import to_graphs
from claims.statements import Kind, Quantity, Span, Speaker, Statement
from claims.vocab import CLAIMS, SCHEMA

TEXT = ('Kremlin adviser Yuri Ushakov said: "We will talk." Prices rose about 5 percent. '
        'Ushakov said that the talks would go on.')
DOC = Document(id="c1", text=TEXT, title="Talks", publisher="TASS", date="2024-05-01",
               url="https://news.example/c1")


def _statements() -> list[Statement]:
    quote, clause, figure = (TEXT.index(s) for s in ("We will talk.", "the talks", "about 5 percent"))
    mention = TEXT.index("Yuri Ushakov")
    ushakov = Speaker("Yuri Ushakov", "Yuri Ushakov", Span(mention, mention + 12))
    return [
        Statement(Kind.QUOTATION, "We will talk.", Span(quote, quote + 13), speaker=ushakov, cue="said"),
        Statement(Kind.REPORTED_SPEECH, "the talks would go on", Span(clause, clause + 21),
                  speaker=Speaker("Yuri Ushakov", method="previous"), cue="said"),
        Statement(Kind.FIGURE, "about 5 percent", Span(figure, figure + 15),
                  quantity=Quantity(5, "percent", "percentage", True, "about")),
    ]


def _of(graph: Graph, cls: URIRef) -> URIRef:
    found = next(graph.subjects(RDF.type, cls))
    assert isinstance(found, URIRef)
    return found


def _article(graph: Graph) -> URIRef:
    return _of(graph, CLAIMS.Article)


def _date(value: str) -> Literal:
    return Literal(value, datatype=XSD.date)


Break = Callable[[Graph], None]
BREAKS: dict[str, Break] = {
    "nothing": lambda g: None,
    "start moved": lambda g: g.set((_of(g, CLAIMS.Quotation), CLAIMS.start, Literal(1))),
    "start negative": lambda g: g.set((_of(g, CLAIMS.Quotation), CLAIMS.start, Literal(-3))),
    "end before start": lambda g: g.set((_of(g, CLAIMS.Figure), CLAIMS.end, Literal(2))),
    "end past the body": lambda g: g.set((_of(g, CLAIMS.Figure), CLAIMS.end, Literal(10_000))),
    "text changed": lambda g: g.set((_of(g, CLAIMS.ReportedSpeech), SCHEMA.text,
                                     Literal("the talks would end"))),
    "start not a number": lambda g: g.set((_of(g, CLAIMS.Quotation), CLAIMS.start, Literal("4"))),
    "date changed": lambda g: g.set((_of(g, CLAIMS.Quotation), CLAIMS.date, _date("1999-01-01"))),
    "date dropped": lambda g: g.remove((_of(g, CLAIMS.Figure), CLAIMS.date, None)),
    "article date dropped": lambda g: g.remove((_article(g), SCHEMA.datePublished, None)),
    "date as text": lambda g: g.set((_of(g, CLAIMS.Quotation), CLAIMS.date, Literal("2024-05-01"))),
    "outlet changed": lambda g: g.set((_of(g, CLAIMS.Quotation), CLAIMS.reportedBy,
                                       URIRef("https://w3id.org/claims/kb/org/other"))),
    "outlet dropped": lambda g: g.remove((_of(g, CLAIMS.ReportedSpeech), CLAIMS.reportedBy, None)),
    "speaker name changed": lambda g: g.set((_of(g, CLAIMS.Quotation), CLAIMS.speakerName,
                                             Literal("Yuri Ushakow"))),
    "speaker name dropped": lambda g: g.remove((_of(g, CLAIMS.Quotation), CLAIMS.speakerName, None)),
    "two articles": lambda g: g.add((_of(g, CLAIMS.Quotation), URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"),
                                     URIRef("https://w3id.org/claims/kb/article/other"))),
}

SPARQL = URIRef("http://www.w3.org/ns/shacl#SPARQLConstraintComponent")


def _pyshacl(data: Graph) -> set[tuple[str, str, str]]:
    """What pyshacl reports from the SPARQL constraints themselves."""
    _, results, _ = shacl_validate(data, shacl_graph=shapes._shapes(True), ont_graph=shapes._ontology(),
                                   inference="none", advanced=True, allow_warnings=True)
    found = set()
    for result in results.subjects(SH.sourceConstraintComponent, SPARQL):
        found.add((str(results.value(result, SH.focusNode)), str(results.value(result, SH.value)),
                   str(results.value(result, SH.resultMessage))))
    return found


@pytest.mark.parametrize("name", BREAKS)
def test_python_constraints_agree_with_the_sparql_in_the_shapes(name: str) -> None:
    graph, entities = to_graphs(DOC, _statements())
    BREAKS[name](graph)
    data = graph + entities
    mine = {(str(v.focus), str(v.value), v.message) for v in violations(data, shapes._ontology())}
    assert mine == _pyshacl(data)
    assert (mine == set()) == (name in ("nothing", "start not a number"))


def test_check_reports_the_python_results_as_pyshacl_would() -> None:
    graph, entities = to_graphs(DOC, _statements())
    assert shapes.check(graph, entities=entities).conforms
    quote = _of(graph, CLAIMS.Quotation)
    graph.set((quote, CLAIMS.date, _date("1999-01-01")))
    graph.set((quote, CLAIMS.confidence, Literal(3)))  # and a violation pyshacl finds itself
    report = shapes.check(graph, entities=entities)
    assert not report.conforms
    assert "Results (4):" in report.text  # datatype, maximum, two date values
    assert report.text.count("claims:date is not the date") == 2
    assert "Value is not Literal with datatype xsd:decimal" in report.text
    assert f"Focus Node: <{quote}>" in report.text
    assert shapes.check(graph, entities=entities, spans=False).text.count("Results (2):") == 1
