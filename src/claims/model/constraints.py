"""The shapes' SPARQL constraints (``ontology/shapes.ttl``, ``shapes:Statement``), checked in
Python over an rdflib graph: the span and the three shortcuts.

pyshacl runs a SPARQL constraint through rdflib's SPARQL engine once per focus node, which
was nearly all of what ``claims validate`` cost (about 0.8 s an article); these functions
give the same results (focus node, value, message: ``tests/test_constraints.py`` compares
them with pyshacl's on broken graphs) in a few milliseconds. The SPARQL in the shapes stays
the definition, for any other SHACL processor.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV
from rdflib.term import Node

from claims.vocab import CLAIMS, SCHEMA

SPAN = "The statement's text is not the article text between its start and end."
DATE = ("claims:date is not the date of the article the statement was derived from "
        "(prov:wasDerivedFrom / schema:datePublished).")
OUTLET = ("claims:reportedBy is not the publisher of the article the statement was derived "
          "from (prov:wasDerivedFrom / schema:publisher).")
SPEAKER = "claims:speakerName is not a name of the statement's speaker (claims:speaker / schema:name)."


@dataclass(frozen=True, slots=True)
class Violation:
    """One result of a constraint: the statement, the offending value, the shape's message."""

    focus: Node
    value: Node
    message: str


def subclasses(graph: Graph, cls: URIRef) -> set[Node]:
    """``cls`` and every class below it (``rdfs:subClassOf*``) in ``graph``."""
    found: set[Node] = {cls}
    todo: list[Node] = [cls]
    while todo:
        for sub in graph.subjects(RDFS.subClassOf, todo.pop()):
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return found


def statements(data: Graph, hierarchy: Graph) -> set[Node]:
    """The focus nodes of ``shapes:Statement``: instances of ``claims:Statement`` or of a
    subclass (in the hierarchy or in the data)."""
    classes = subclasses(hierarchy, CLAIMS.Statement) | subclasses(data, CLAIMS.Statement)
    return {s for cls in classes for s in data.subjects(RDF.type, cls)}


def _integer(node: Node) -> int | None:
    if isinstance(node, Literal) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    return None


def _span(data: Graph, focus: Node) -> Iterator[Violation]:
    """``FILTER (SUBSTR(?body, ?start + 1, ?end - ?start) != ?text)`` for every binding; a
    binding SPARQL cannot evaluate (a number that is not one, a text that is no literal) gives
    no result, as in SPARQL (``sh:datatype`` reports such values)."""
    for article in data.objects(focus, PROV.wasDerivedFrom):
        for body in data.objects(article, SCHEMA.articleBody):
            for text in data.objects(focus, SCHEMA.text):
                for start_node in data.objects(focus, CLAIMS.start):
                    for end_node in data.objects(focus, CLAIMS.end):
                        start, end = _integer(start_node), _integer(end_node)
                        if start is None or end is None or not isinstance(body, Literal) \
                                or not isinstance(text, Literal):
                            continue
                        # SUBSTR's 1-based positions [start + 1, end + 1) within the body
                        if str(body)[max(start, 0):max(end, 0)] != str(text):
                            yield Violation(focus, focus, SPAN)
                            return


def _shortcut(data: Graph, focus: Node, shortcut: URIRef, chained: URIRef,
              message: str) -> Iterator[Violation]:
    """The shortcut's values and those of ``prov:wasDerivedFrom / chained``, which must be
    the same terms."""
    mine = set(data.objects(focus, shortcut))
    for article in data.objects(focus, PROV.wasDerivedFrom):
        theirs = set(data.objects(article, chained))
        for value in sorted(mine - theirs, key=str) + sorted(theirs - mine, key=str):
            yield Violation(focus, value, message)


def _speaker(data: Graph, focus: Node) -> Iterator[Violation]:
    speakers = list(data.objects(focus, CLAIMS.speaker))
    names = {n for s in speakers for n in data.objects(s, SCHEMA.name)}
    given = sorted(data.objects(focus, CLAIMS.speakerName), key=str)
    for value in given:
        if value not in names:
            yield Violation(focus, value, SPEAKER)
    if not given:
        for speaker in speakers:
            yield Violation(focus, speaker, SPEAKER)


def violations(data: Graph, hierarchy: Graph) -> list[Violation]:
    """What the four SPARQL constraints of ``shapes:Statement`` report on ``data``."""
    found: list[Violation] = []
    for focus in sorted(statements(data, hierarchy), key=str):
        found += _span(data, focus)
        found += _shortcut(data, focus, CLAIMS.date, SCHEMA.datePublished, DATE)
        found += _shortcut(data, focus, CLAIMS.reportedBy, SCHEMA.publisher, OUTLET)
        found += _speaker(data, focus)
    return found
