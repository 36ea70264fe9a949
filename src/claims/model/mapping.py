"""Map a document and its statements to triples: the article's own named graph, and the
shared descriptions (people, organisations, extractors) it names, for the entities graph.

Vocabularies: schema.org (article, people, claims, quantities), PROV-O (derivation,
attribution, activity), the project's ``claims:`` terms (spans as code-point offsets, and
the one-hop shortcuts ``claims:date``, ``claims:reportedBy``, ``claims:speakerName``
that ontology/claims.ttl declares as property chains). Each triple belongs to one graph:
the union of the graphs holds it once (see ontology/claims.ttl, "Where the triples live").
Web Annotation selectors are not stored; :mod:`claims.export` derives them from the text
and the offsets.

:func:`article_triples` is the one mapping; it builds pyoxigraph terms (made and checked in
Rust, about 1 ms an article), which the bulk path serialises to N-Triples without touching
rdflib. :func:`to_graphs` turns the same triples into rdflib graphs for the other paths
(SHACL, the in-memory store, SPARQL endpoints).

>>> from claims.statements import Span, Speaker
>>> doc = Document(id="a", text='"We will win," Jane Doe said.', publisher="Daily")
>>> quote = Statement(Kind.QUOTATION, "We will win,", Span(1, 13),
...                   speaker=Speaker("Jane Doe", "Jane Doe", Span(15, 23)), cue="said")
>>> found = article_triples(doc, [quote])
>>> len(found.article), len(found.entities)
(25, 7)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache

import pyoxigraph as ox
from rdflib import OWL, RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV

from claims.config import base_iri
from claims.document import Document
from claims.errors import InvalidUrl
from claims.model import iris
from claims.statements import Kind, Speaker, Statement
from claims.vocab import CLAIMS, OA, SCHEMA, WD

MODEL_VERSION = 2  # of the article model: ontology/claims.ttl, "Where the triples live"
CONTEXT_CHARS = 32  # characters of prefix and suffix in an exported TextQuoteSelector
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
_STRING = str(XSD.string)

Object = ox.NamedNode | ox.Literal


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, ns in (("claims", CLAIMS._NS), ("schema", SCHEMA), ("prov", PROV), ("oa", OA),
                       ("wd", WD), ("kb", base_iri())):
        graph.bind(prefix, ns, override=True)
    return graph


def valid_date(value: str) -> bool:
    """Whether ``value`` is a real ISO 8601 date or date-time (``2020-13-45`` is not)."""
    if not (_DATE.match(value) or _DATETIME.match(value)):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00")) if "T" in value \
            else date.fromisoformat(value)
    except ValueError:
        return False
    return True


def date_literal(value: str) -> Literal:
    """``value`` typed ``xsd:date`` or ``xsd:dateTime`` when it is a valid one, else plain text."""
    if _DATE.match(value) and valid_date(value):
        return Literal(value, datatype=XSD.date)
    if _DATETIME.match(value) and valid_date(value):
        return Literal(value, datatype=XSD.dateTime)
    return Literal(value)


class _Terms:
    """A vocabulary's terms as pyoxigraph nodes, each made on first use and then kept."""

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> ox.NamedNode:
        node = ox.NamedNode(str(getattr(self._namespace, name)))
        setattr(self, name, node)
        return node


# claims:, schema:, prov:, oa:, rdf:, owl:, xsd: — short, as the mapping below reads best
C, S, P, A, R, W, X = (_Terms(ns) for ns in (CLAIMS, SCHEMA, PROV, OA, RDF, OWL, XSD))
_CLASSES = {Kind.QUOTATION: C.Quotation, Kind.REPORTED_SPEECH: C.ReportedSpeech, Kind.FIGURE: C.Figure}


def _text(value: str) -> ox.Literal:
    return ox.Literal(value)


def _decimal(value: float) -> ox.Literal:
    return ox.Literal(format(Decimal(repr(value)).normalize(), "f"), datatype=X.decimal)


def _boolean(value: bool) -> ox.Literal:
    return ox.Literal("true" if value else "false", datatype=X.boolean)


def _date(value: str) -> ox.Literal:
    literal = date_literal(value)
    return ox.Literal(value, datatype=ox.NamedNode(literal.datatype or XSD.string))


_ISO_TYPES = {4: X.gYear, 7: X.gYearMonth, 10: X.date}


def iso_literal(iso: str) -> ox.Literal:
    """A year or date in ISO 8601 typed by its form: ``2018`` xsd:gYear, ``2018-10``
    xsd:gYearMonth, ``2018-10-14`` xsd:date; ``--10-14`` (no year written) stays a string:
    owlrl, loaded with pyshacl, cannot read an xsd:gMonthDay and logs a warning for each."""
    return ox.Literal(iso, datatype=_ISO_TYPES.get(len(iso), X.string) if iso[:1] != "-" else X.string)


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=X.integer)


@dataclass(frozen=True, slots=True)
class ArticleTriples:
    """One article's triples: those of its named graph (``graph``), and the descriptions of
    the people, organisations and extractors it names, for the entities graph."""

    graph: str
    article: tuple[ox.Triple, ...]
    entities: tuple[ox.Triple, ...]


class _Graph:
    """The triples of one article graph, and of the descriptions it names, as they are built."""

    def __init__(self) -> None:
        self.triples: list[ox.Triple] = []
        self.shared: list[ox.Triple] = []

    def add(self, subject: str, predicate: ox.NamedNode, obj: Object) -> None:
        self.triples.append(ox.Triple(ox.NamedNode(subject), predicate, obj))

    def describe(self, subject: str, predicate: ox.NamedNode, obj: Object) -> None:
        self.shared.append(ox.Triple(ox.NamedNode(subject), predicate, obj))

    def organization(self, name: str) -> ox.NamedNode:
        org = iris.organization_iri(name)
        self.describe(org, R.type, S.Organization)
        self.describe(org, S.name, _text(name))
        return ox.NamedNode(org)

    def article(self, doc: Document, article: str) -> ox.NamedNode | None:
        self.add(article, R.type, C.Article)
        self.add(article, S.articleBody, _text(doc.text))
        self.add(article, C.contentHash, _text(doc.content_hash))
        self.add(article, C.sourceId, _text(doc.id))
        if doc.title:
            self.add(article, S.headline, _text(doc.title))
        if doc.url:
            if not doc.url.lower().startswith(("http://", "https://")):
                raise InvalidUrl(doc.source or doc.id,
                                 hint=f"{doc.url[:200]!r} is not an http(s) URL")
            try:
                url = ox.NamedNode(doc.url)
            except ValueError:
                raise InvalidUrl(doc.source or doc.id, hint=f"{doc.url!r} is not a valid IRI") from None
            self.add(article, S.url, url)
        if doc.date:
            self.add(article, S.datePublished, _date(doc.date))
        if doc.author:
            self.add(article, S.author, _text(doc.author))
        if doc.language:
            self.add(article, S.inLanguage, _text(doc.language))
        publisher = self.organization(doc.publisher) if doc.publisher else None
        if publisher is not None:
            self.add(article, S.publisher, publisher)
        if doc.derived_from:
            original = f"{article}-original"
            self.add(article, P.wasDerivedFrom, ox.NamedNode(original))
            self.add(original, R.type, S.NewsArticle)
            self.add(original, S.publisher, self.organization(doc.derived_from))
        return publisher

    def speaker(self, speaker: Speaker) -> ox.NamedNode:
        if speaker.is_organization:
            return self.organization(speaker.name)
        if speaker.method == "descriptive":  # "media reports": not a schema:Person
            source = iris.source_iri(speaker.name)
            self.describe(source, R.type, C.DescribedSource)
            self.describe(source, S.name, _text(speaker.name))
            return ox.NamedNode(source)
        person = iris.person_iri(speaker.name)
        self.describe(person, R.type, S.Person)
        self.describe(person, S.name, _text(speaker.name))
        if speaker.role:
            self.describe(person, S.jobTitle, _text(speaker.role))
        if speaker.affiliation:
            self.describe(person, S.affiliation, self.organization(speaker.affiliation))
        if speaker.qid:
            self.describe(person, W.sameAs, ox.NamedNode(WD[speaker.qid]))
        return ox.NamedNode(person)

    def statement(self, doc: Document, article: ox.NamedNode, activity: ox.NamedNode,
                  publisher: ox.NamedNode | None, st: Statement) -> None:
        node = iris.statement_iri(doc.content_hash, st.kind, st.span)
        self.add(node, R.type, C.Statement)
        self.add(node, R.type, _CLASSES[st.kind])
        self.add(node, S.text, _text(st.text))
        self.add(node, P.wasDerivedFrom, article)
        if st.kind is Kind.QUOTATION:
            self.add(node, P.wasQuotedFrom, article)
            self.add(node, C.partial, _boolean(st.partial))
        self.add(node, P.wasGeneratedBy, activity)
        self.add(node, C.confidence, _decimal(round(st.confidence, 3)))
        self.add(node, C.start, _integer(st.span.start))
        self.add(node, C.end, _integer(st.span.end))
        if publisher is not None:  # the shortcuts, as the chains they stand for give them
            self.add(node, C.reportedBy, publisher)
        if doc.date:
            self.add(node, C.date, _date(doc.date))
        if st.cue:
            self.add(node, C.cue, _text(st.cue))
        if st.speaker is not None:
            self.add(node, C.speaker, self.speaker(st.speaker))
            self.add(node, C.speakerName, _text(st.speaker.name))
            span = st.speaker.mention_span
            if span is not None:
                self.add(node, C.mentionStart, _integer(span.start))
                self.add(node, C.mentionEnd, _integer(span.end))
                self.add(node, C.attributionMethod, _text(st.speaker.method))
                if st.speaker.role:
                    self.add(node, C.role, _text(st.speaker.role))
        if st.quantity is not None:
            q, value = f"{node}-quantity", st.quantity
            self.add(node, C.quantity, ox.NamedNode(q))
            self.add(q, R.type, S.QuantitativeValue)
            self.add(q, C.quantityKind, _text(value.kind))
            self.add(q, C.approximate, _boolean(value.approximate))
            for prop, item in ((S.value, value.value), (S.maxValue, value.upper)):
                if item is not None:
                    self.add(q, prop, _decimal(item))
            for prop, text in ((S.unitText, value.unit), (C.qualifier, value.qualifier),
                               (C.measures, value.measures)):
                if text:
                    self.add(q, prop, _text(text))
            if value.iso:
                self.add(q, C.dateValue, iso_literal(value.iso))


def article_triples(doc: Document, statements: Iterable[Statement]) -> ArticleTriples:
    """The triples of the article's named graph (:func:`claims.model.iris.graph_iri`) and
    of the descriptions it names (:func:`claims.model.iris.entities_graph_iri`).

    Raises :class:`~claims.errors.InvalidUrl` when the document's URL is not a valid IRI.
    """
    out = _Graph()
    article_iri = iris.article_iri(doc)
    article = ox.NamedNode(article_iri)
    publisher = out.article(doc, article_iri)
    activities: dict[tuple[str, str], ox.NamedNode] = {}
    for st in statements:
        key = (st.extractor, st.extractor_version)
        if key not in activities:
            agent = iris.extractor_iri(*key)
            activity = f"{article_iri}-extraction-{iris.slug(key[0])}-{iris.slug(key[1])}"
            out.describe(agent, R.type, C.Extractor)
            out.describe(agent, S.name, _text(key[0]))
            out.describe(agent, S.softwareVersion, _text(key[1]))
            out.add(activity, R.type, C.Extraction)
            out.add(activity, P.used, article)
            out.add(activity, P.wasAssociatedWith, ox.NamedNode(agent))
            activities[key] = ox.NamedNode(activity)
        out.statement(doc, article, activities[key], publisher, st)
    # people and outlets recur: each triple once
    return ArticleTriples(str(iris.graph_iri(doc)), tuple(dict.fromkeys(out.triples)),
                          tuple(dict.fromkeys(out.shared)))


def _rdflib(term: object) -> URIRef | Literal:
    if isinstance(term, ox.NamedNode):
        return str.__new__(URIRef, term.value)  # checked by Oxigraph already
    assert isinstance(term, ox.Literal)
    datatype = term.datatype.value
    return Literal(term.value) if datatype == _STRING else Literal(term.value, datatype=_datatype(datatype))


@cache
def _datatype(iri: str) -> URIRef:
    return URIRef(iri)


def rdflib_graph(identifier: str, triples: Iterable[ox.Triple]) -> Graph:
    """pyoxigraph ``triples`` as the rdflib graph ``identifier``, with the usual prefixes."""
    graph = bind_prefixes(Graph(identifier=URIRef(identifier)))
    graph.addN((_rdflib(t.subject), _rdflib(t.predicate), _rdflib(t.object), graph) for t in triples)
    return graph


def to_graphs(doc: Document, statements: Iterable[Statement]) -> tuple[Graph, Graph]:
    """The article's named graph and its part of the entities graph, as rdflib graphs."""
    found = article_triples(doc, statements)
    return (rdflib_graph(found.graph, found.article),
            rdflib_graph(str(iris.entities_graph_iri()), found.entities))


def to_graph(doc: Document, statements: Iterable[Statement]) -> Graph:
    """The article's named graph as an rdflib graph (``graph.identifier`` is its IRI)."""
    return to_graphs(doc, statements)[0]
