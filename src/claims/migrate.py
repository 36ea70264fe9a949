"""Bring a knowledge base written by an earlier article model up to the current one (2).

Model 1 (before issue 17) stored about 34 quads a statement: Web Annotation selectors
(with prefix and suffix) for every statement and speaker mention, and the description of
every person, outlet and extractor inside each article graph, so the union of the graphs
held those triples once per article. :func:`migrate` reads each model-1 article graph
back into its :class:`~claims.document.Document` and :class:`~claims.statements.Statement`
objects and writes them again through the current mapping (the same path as ingestion:
each graph replaced in one transaction, its people, outlets and extractors added to the
entities graph), then moves the corrected speakers that review events name from the
reviews graph to the entities graph. Statement IRIs do not change (they derive from the
content hash, kind and span), so every review event keeps its statement; no event is
touched. Running it again finds nothing to do. The statement index is kept fresh.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from rdflib import OWL, RDF, Graph, Literal, URIRef
from rdflib.namespace import PROV
from rdflib.term import Node

from claims import pipeline
from claims.document import Document
from claims.errors import StoreError
from claims.model import iris
from claims.statements import Kind, Quantity, Span, Speaker, Statement
from claims.store.base import Store, Table
from claims.vocab import CLAIMS, OA, SCHEMA

__all__ = ["MigrationReport", "migrate", "pending", "read_article"]

_KINDS = {CLAIMS.Quotation: Kind.QUOTATION, CLAIMS.ReportedSpeech: Kind.REPORTED_SPEECH,
          CLAIMS.Figure: Kind.FIGURE}
_MENTION = URIRef(str(CLAIMS) + "speakerMention")  # model 1 only: no longer in the vocabulary


@dataclass(frozen=True, slots=True)
class MigrationReport:
    """What :func:`migrate` rewrote: article graphs, and corrected speakers moved."""

    graphs: tuple[str, ...]
    statements: int
    people_moved: int


def pending(store: Store) -> list[str]:
    """The article graphs still in model 1 (they hold Web Annotation selectors)."""
    table = store.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s <{OA.hasSelector}> ?x }} }}")
    assert isinstance(table, Table)
    return sorted(str(row[0]) for row in table.rows)


def _text(graph: Graph, node: Node | None, prop: URIRef) -> str | None:
    value = graph.value(node, prop) if node is not None else None
    return str(value) if value is not None else None


def _name(graph: Graph, node: Node | None) -> str | None:
    return _text(graph, node, SCHEMA.name)


def _span(graph: Graph, node: Node | None) -> Span | None:
    """The TextPositionSelector's offsets of a statement or mention node (model 1)."""
    for selector in graph.objects(node, OA.hasSelector) if node is not None else ():
        start, end = graph.value(selector, OA.start), graph.value(selector, OA.end)
        if start is not None and end is not None:
            return Span(int(str(start)), int(str(end)))
    return None


def _speaker(graph: Graph, node: URIRef, text: str) -> Speaker | None:
    who = graph.value(node, CLAIMS.speaker)
    name = _name(graph, who)
    if who is None or name is None:
        return None
    mention = graph.value(node, _MENTION)
    span = _span(graph, mention) if mention is not None else None
    titles = sorted(str(t) for t in graph.objects(who, SCHEMA.jobTitle))
    role = (_text(graph, mention, CLAIMS.role) if mention is not None else None) or (
        titles[0] if len(titles) == 1 else None)
    same = [str(o) for o in graph.objects(who, OWL.sameAs)]
    qid = next((o.rsplit("/", 1)[1] for o in same if o.startswith("http://www.wikidata.org/entity/")), None)
    return Speaker(name, mention=span.of(text) if span else None, mention_span=span, role=role,
                   affiliation=_name(graph, graph.value(who, SCHEMA.affiliation)), qid=qid,
                   is_organization=(who, RDF.type, SCHEMA.Organization) in graph,
                   method=(_text(graph, mention, CLAIMS.attributionMethod) if mention is not None
                           else None) or "explicit")


def _quantity(graph: Graph, node: URIRef) -> Quantity | None:
    q = graph.value(node, CLAIMS.quantity)
    if q is None:
        return None

    def number(prop: URIRef) -> float | None:
        value = graph.value(q, prop)
        return float(Decimal(str(value))) if value is not None else None

    return Quantity(number(SCHEMA.value), _text(graph, q, SCHEMA.unitText),
                    _text(graph, q, CLAIMS.quantityKind) or "number",
                    str(graph.value(q, CLAIMS.approximate)) == "true",
                    _text(graph, q, CLAIMS.qualifier), number(SCHEMA.maxValue),
                    _text(graph, q, CLAIMS.measures), _text(graph, q, CLAIMS.dateValue))


def read_article(graph: Graph) -> tuple[Document, list[Statement]]:
    """A model-1 article graph read back into the document and statements that made it."""
    article = graph.value(predicate=RDF.type, object=CLAIMS.Article)
    if article is None:
        raise StoreError(f"{graph.identifier}: no claims:Article in the graph")
    original = graph.value(article, PROV.wasDerivedFrom)
    date = graph.value(article, SCHEMA.datePublished)
    url = graph.value(article, SCHEMA.url)
    doc = Document(id=_text(graph, article, CLAIMS.sourceId) or "",
                   text=_text(graph, article, SCHEMA.articleBody) or "",
                   title=_text(graph, article, SCHEMA.headline), url=str(url) if url else None,
                   publisher=_name(graph, graph.value(article, SCHEMA.publisher)),
                   author=_text(graph, article, SCHEMA.author),
                   date=str(date) if isinstance(date, Literal) else None,
                   language=_text(graph, article, SCHEMA.inLanguage),
                   derived_from=_name(graph, graph.value(original, SCHEMA.publisher))
                   if original is not None else None)
    statements = []
    for node in sorted((s for s in graph.subjects(RDF.type, CLAIMS.Statement) if isinstance(s, URIRef)),
                       key=str):
        kind = next(_KINDS[t] for t in graph.objects(node, RDF.type) if isinstance(t, URIRef) and t in _KINDS)
        span = _span(graph, node)
        if span is None:
            raise StoreError(f"{node}: no span in the model-1 graph")
        agent = graph.value(graph.value(node, PROV.wasGeneratedBy), PROV.wasAssociatedWith)
        statements.append(Statement(
            kind, _text(graph, node, SCHEMA.text) or "", span,
            speaker=_speaker(graph, node, doc.text), cue=_text(graph, node, CLAIMS.cue),
            confidence=float(str(graph.value(node, CLAIMS.confidence) or 0.5)),
            quantity=_quantity(graph, node), partial=str(graph.value(node, CLAIMS.partial)) == "true",
            extractor=_name(graph, agent) or "claims",
            extractor_version=_text(graph, agent, SCHEMA.softwareVersion) or "0"))
        if str(iris.statement_iri(doc.content_hash, kind, span)) != str(node):
            raise StoreError(f"{node}: its IRI does not follow from the stored article",
                             hint="re-ingest this article instead")
    if str(iris.graph_iri(doc)) != str(graph.identifier):
        raise StoreError(f"{graph.identifier}: the stored article names another graph",
                         hint="re-ingest this article instead")
    return doc, statements


def _graph(store: Store, name: str) -> Graph:
    found = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
    assert isinstance(found, Graph)
    graph = Graph(identifier=URIRef(name))
    graph += found
    return graph


def _batches(names: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(names), size):
        yield names[start:start + size]


_MOVE_PEOPLE = """
PREFIX claims: <https://w3id.org/claims#>
PREFIX schema: <https://schema.org/>
INSERT {{ GRAPH <{entities}> {{ ?person a schema:Person ; schema:name ?name }} }}
WHERE {{ GRAPH <{reviews}> {{ ?event claims:correctedSpeaker ?person . ?person schema:name ?name }} }} ;
DELETE {{ GRAPH <{reviews}> {{ ?person a schema:Person ; schema:name ?name }} }}
WHERE {{ GRAPH <{reviews}> {{ ?event claims:correctedSpeaker ?person . ?person schema:name ?name }} }}
"""
_PEOPLE = """
SELECT (COUNT(DISTINCT ?person) AS ?n)
WHERE {{ GRAPH <{reviews}> {{ ?event <https://w3id.org/claims#correctedSpeaker> ?person .
                             ?person <https://schema.org/name> ?name }} }}
"""


def migrate(store: Store, *, batch_size: int = 256) -> MigrationReport:
    """Rewrite every model-1 article graph with the current mapping and move the corrected
    speakers' descriptions to the entities graph; a store already current is left as it is.

    A graph that cannot be read back (its statements' IRIs do not follow from its text, as
    no version of the mapping wrote them) raises :class:`~claims.errors.StoreError` before
    its batch is written: re-ingest that article instead.
    """
    names = pending(store)
    statements = 0
    for batch in _batches(names, max(1, batch_size)):
        items = [read_article(_graph(store, name)) for name in batch]
        pipeline.write(store, items)
        statements += sum(len(found) for _, found in items)
    where = {"entities": iris.entities_graph_iri(), "reviews": iris.reviews_graph_iri()}
    counted = store.query(_PEOPLE.format(**where))
    assert isinstance(counted, Table)
    people = int(str(counted.rows[0][0])) if counted.rows else 0
    if people:
        store.update(_MOVE_PEOPLE.format(**where))
    return MigrationReport(tuple(names), statements, people)
