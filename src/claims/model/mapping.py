"""Map a document and its statements to one rdflib graph: the article's named graph.

Vocabularies: schema.org (article, people, claims, quantities), PROV-O (derivation,
attribution, activity), Web Annotation (selectors), the project's ``claims:`` terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from rdflib import OWL, RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV

from claims.config import base_iri
from claims.document import Document
from claims.model import iris
from claims.statements import Kind, Speaker, Statement
from claims.vocab import CLAIMS, OA, SCHEMA, WD

CONTEXT_CHARS = 32
_CLASSES = {Kind.QUOTATION: CLAIMS.Quotation, Kind.REPORTED_SPEECH: CLAIMS.ReportedSpeech,
            Kind.FIGURE: CLAIMS.Figure}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, ns in (("claims", CLAIMS._NS), ("schema", SCHEMA), ("prov", PROV), ("oa", OA),
                       ("wd", WD), ("kb", base_iri())):
        graph.bind(prefix, ns, override=True)
    return graph


def date_literal(value: str) -> Literal:
    if _DATE.match(value):
        return Literal(value, datatype=XSD.date)
    if _DATETIME.match(value):
        return Literal(value, datatype=XSD.dateTime)
    return Literal(value)


def _decimal(value: float) -> Literal:
    return Literal(Decimal(repr(value)).normalize(), datatype=XSD.decimal)


def _organization(graph: Graph, name: str) -> URIRef:
    org = iris.organization_iri(name)
    graph.add((org, RDF.type, SCHEMA.Organization))
    graph.add((org, SCHEMA.name, Literal(name)))
    return org


def _selectors(graph: Graph, node: URIRef, article: URIRef, text: str, start: int, end: int) -> None:
    quote, position = URIRef(f"{node}-quote"), URIRef(f"{node}-position")
    graph.add((node, OA.hasSource, article))
    graph.add((node, OA.hasSelector, quote))
    graph.add((node, OA.hasSelector, position))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, Literal(text[start:end])))
    graph.add((quote, OA.prefix, Literal(text[max(0, start - CONTEXT_CHARS):start])))
    graph.add((quote, OA.suffix, Literal(text[end:end + CONTEXT_CHARS])))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, Literal(start, datatype=XSD.nonNegativeInteger)))
    graph.add((position, OA.end, Literal(end, datatype=XSD.nonNegativeInteger)))


def _article(graph: Graph, doc: Document, article: URIRef) -> URIRef | None:
    graph.add((article, RDF.type, CLAIMS.Article))
    graph.add((article, SCHEMA.articleBody, Literal(doc.text)))
    graph.add((article, CLAIMS.contentHash, Literal(doc.content_hash)))
    graph.add((article, CLAIMS.sourceId, Literal(doc.id)))
    if doc.title:
        graph.add((article, SCHEMA.headline, Literal(doc.title)))
    if doc.url:
        graph.add((article, SCHEMA.url, URIRef(doc.url)))
    if doc.date:
        graph.add((article, SCHEMA.datePublished, date_literal(doc.date)))
    if doc.author:
        graph.add((article, SCHEMA.author, Literal(doc.author)))
    if doc.language:
        graph.add((article, SCHEMA.inLanguage, Literal(doc.language)))
    publisher = _organization(graph, doc.publisher) if doc.publisher else None
    if publisher is not None:
        graph.add((article, SCHEMA.publisher, publisher))
    if doc.derived_from:
        original = URIRef(f"{article}-original")
        graph.add((article, PROV.wasDerivedFrom, original))
        graph.add((original, RDF.type, SCHEMA.NewsArticle))
        graph.add((original, SCHEMA.publisher, _organization(graph, doc.derived_from)))
    return publisher


def _speaker(graph: Graph, speaker: Speaker) -> URIRef:
    if speaker.is_organization:
        return _organization(graph, speaker.name)
    person = iris.person_iri(speaker.name)
    graph.add((person, RDF.type, SCHEMA.Person))
    graph.add((person, SCHEMA.name, Literal(speaker.name)))
    if speaker.role:
        graph.add((person, SCHEMA.jobTitle, Literal(speaker.role)))
    if speaker.affiliation:
        graph.add((person, SCHEMA.affiliation, _organization(graph, speaker.affiliation)))
    if speaker.qid:
        graph.add((person, OWL.sameAs, WD[speaker.qid]))
    return person


def _statement(graph: Graph, doc: Document, article: URIRef, activity: URIRef,
               publisher: URIRef | None, st: Statement) -> None:
    node = iris.statement_iri(doc.content_hash, st.kind, st.span)
    graph.add((node, RDF.type, CLAIMS.Statement))
    graph.add((node, RDF.type, _CLASSES[st.kind]))
    graph.add((node, SCHEMA.text, Literal(st.text)))
    graph.add((node, PROV.wasDerivedFrom, article))
    if st.kind is Kind.QUOTATION:
        graph.add((node, PROV.wasQuotedFrom, article))
        graph.add((node, CLAIMS.partial, Literal(st.partial)))
    graph.add((node, PROV.wasGeneratedBy, activity))
    graph.add((node, CLAIMS.confidence, _decimal(round(st.confidence, 3))))
    _selectors(graph, node, article, doc.text, st.span.start, st.span.end)
    if publisher is not None:
        graph.add((node, CLAIMS.reportedBy, publisher))
    if st.cue:
        graph.add((node, CLAIMS.cue, Literal(st.cue)))
    if st.speaker is not None:
        graph.add((node, CLAIMS.speaker, _speaker(graph, st.speaker)))
        if st.speaker.mention_span is not None:
            mention = URIRef(f"{node}-speaker")
            graph.add((node, CLAIMS.speakerMention, mention))
            graph.add((mention, RDF.type, CLAIMS.Mention))
            graph.add((mention, CLAIMS.attributionMethod, Literal(st.speaker.method)))
            if st.speaker.role:
                graph.add((mention, CLAIMS.role, Literal(st.speaker.role)))
            span = st.speaker.mention_span
            _selectors(graph, mention, article, doc.text, span.start, span.end)
    if st.quantity is not None:
        q, value = URIRef(f"{node}-quantity"), st.quantity
        graph.add((node, CLAIMS.quantity, q))
        graph.add((q, RDF.type, SCHEMA.QuantitativeValue))
        graph.add((q, CLAIMS.quantityKind, Literal(value.kind)))
        graph.add((q, CLAIMS.approximate, Literal(value.approximate)))
        for prop, item in ((SCHEMA.value, value.value), (SCHEMA.maxValue, value.upper)):
            if item is not None:
                graph.add((q, prop, _decimal(item)))
        for prop, text in ((SCHEMA.unitText, value.unit), (CLAIMS.qualifier, value.qualifier),
                           (CLAIMS.measures, value.measures)):
            if text:
                graph.add((q, prop, Literal(text)))


def to_graph(doc: Document, statements: Iterable[Statement]) -> Graph:
    """The article's named graph (``graph.identifier`` is its IRI), ready to store."""
    graph = bind_prefixes(Graph(identifier=iris.graph_iri(doc)))
    article = iris.article_iri(doc)
    publisher = _article(graph, doc, article)
    activities: dict[tuple[str, str], URIRef] = {}
    for st in statements:
        key = (st.extractor, st.extractor_version)
        if key not in activities:
            agent = iris.extractor_iri(*key)
            activity = URIRef(f"{article}-extraction-{iris.slug(key[0])}-{iris.slug(key[1])}")
            graph.add((agent, RDF.type, CLAIMS.Extractor))
            graph.add((agent, SCHEMA.name, Literal(key[0])))
            graph.add((agent, SCHEMA.softwareVersion, Literal(key[1])))
            graph.add((activity, RDF.type, CLAIMS.Extraction))
            graph.add((activity, PROV.used, article))
            graph.add((activity, PROV.wasAssociatedWith, agent))
            activities[key] = activity
        _statement(graph, doc, article, activities[key], publisher, st)
    return graph
