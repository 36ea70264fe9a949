"""The figure-check layer: every figure about a country or group checked, in named graphs of
its own, kept fresh by ingestion, editors' verdicts and rebuilds.

``<{base}graph/check/{article}>`` holds the ``claims:Checking`` activity (the article and its
content hash, the World Bank series it read, the reference tables' digest) and a
``claims:FigureCheck`` per figure (``<{base}check/{digest of the statement}>``) with its
``claims:Computation`` nodes (series, year, the members' ``claims:CountedValue``, the sum,
the world's total, the result, the relative error and verdict). Editors decide a verdict with
:data:`SCHEME` (``decision:figure-check/…``) on the check's IRI; the latest decision always
wins, ``claims:computedVerdict`` keeps the checker's. A batch is written in one transaction.
:func:`status` tells which articles' checks are missing, older than their text, or computed
from other reference tables (then ``claims layers rebuild check``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from claims import decisions
from claims.check.compute import VERDICTS, Check, Part
from claims.check.reading import readings
from claims.config import base_iri
from claims.decisions import DecisionScheme
from claims.document import Document
from claims.model import iris
from claims.query import expand, select, shorten
from claims.reference import directory
from claims.reference.countries import country
from claims.reference.statistics import SERIES, SOURCE
from claims.statements import Decision, Kind, Statement
from claims.store.base import Store
from claims.vocab import CLAIMS, SCHEMA, WD

__all__ = ["LAYER", "SCHEME", "VERSION", "FigureChecks", "Status", "check_iri", "checks_of",
           "graph_iri", "reference_version", "status"]

VERSION = "1"
SCHEME = DecisionScheme("figure-check", VERDICTS)
INDICATOR = "https://data.worldbank.org/indicator/"


def check_iri(doc: Document, check: Check) -> URIRef:
    """``{base}check/{digest}`` of the figure's statement IRI (of its span, for a rank)."""
    statement = str(iris.statement_iri(doc.content_hash, Kind.FIGURE, check.reading.span))
    return URIRef(f"{base_iri()}check/{statement.rsplit('/', 1)[-1]}")


def graph_iri(article_key: str) -> URIRef:
    return URIRef(f"{base_iri()}graph/check/{article_key}")


def agent_iri() -> URIRef:
    return URIRef(f"{base_iri()}software/claims-check/{VERSION}")


@cache
def reference_version() -> str:
    """A digest of the reference tables the checker reads (statistics and groups)."""
    digest = hashlib.sha256()
    for name in ("statistics.csv.gz", "groups.csv"):
        path = directory() / name
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()[:16]


def checks_of(doc: Document, statements: Sequence[Statement] | None = None) -> list[Check]:
    """The checks of an article's figures (``statements``: the extractor's, as ingestion
    has them; extracted afresh when None)."""
    if statements is None:
        from claims.extract import extract

        statements = extract(doc)
    return [c for c in _computed(doc, [s for s in statements if s.kind is Kind.FIGURE])
            if c.reading.entity is not None]  # a figure tied to no country is not a statistic


def _computed(doc: Document, figures: list[Statement]) -> list[Check]:
    from claims.check.compute import compute

    return [compute(r) for r in readings(doc, figures)]


def _decimal(value: float) -> Literal:
    return Literal(Decimal(f"{value:.6g}") if abs(value) < 1e6 else Decimal(round(value)),
                   datatype=XSD.decimal)


def _verdict(value: str) -> URIRef:
    return SCHEME.iri(value)


def _part(graph: Graph, node: URIRef, part: Part) -> None:
    graph.add((node, RDF.type, CLAIMS.Computation))
    graph.add((node, CLAIMS.measureCode, Literal(part.measure)))
    series = SERIES.get(part.series)
    if series is not None:
        graph.add((node, CLAIMS.series, URIRef(INDICATOR + series.code)))
    graph.add((node, CLAIMS.referenceYear, Literal(str(part.year), datatype=XSD.gYear)))
    graph.add((node, CLAIMS.summedValue, _decimal(part.total)))
    if part.world is not None:
        graph.add((node, CLAIMS.worldTotal, _decimal(part.world)))
    graph.add((node, CLAIMS.computedValue, _decimal(part.computed)))
    graph.add((node, CLAIMS.relativeError, _decimal(part.rel_error)))
    graph.add((node, CLAIMS.figureVerdict, _verdict(part.verdict)))
    graph.add((node, CLAIMS.checkDetail, Literal(part.detail)))
    for code, value in (*part.values, *((c, None) for c in part.missing)):
        counted = URIRef(f"{node}/{code}")
        graph.add((node, CLAIMS.countedValue, counted))
        graph.add((counted, RDF.type, CLAIMS.CountedValue))
        graph.add((counted, CLAIMS.memberCode, Literal(code)))
        land = country(code)
        if land is not None and land.qid:
            graph.add((counted, SCHEMA.sameAs, WD[land.qid]))
            graph.add((counted, SCHEMA.name, Literal(land.name)))
        if value is not None:
            graph.add((counted, RDF.value, _decimal(value)))


def article_graph(doc: Document, checks: Sequence[Check], current: dict[str, Decision]) -> Graph:
    """The checks of one article, the editors' latest verdicts applied."""
    key = iris.article_key(doc)
    graph = Graph(identifier=graph_iri(key), bind_namespaces="none")  # written as N-Triples: no prefixes
    activity = URIRef(f"{graph_iri(key)}/checking")
    graph.add((activity, RDF.type, CLAIMS.Checking))
    graph.add((activity, PROV.used, iris.article_iri(doc)))
    graph.add((activity, CLAIMS.articleHash, Literal(doc.content_hash)))
    graph.add((activity, CLAIMS.referenceVersion, Literal(reference_version())))
    graph.add((activity, PROV.wasAssociatedWith, agent_iri()))
    graph.add((agent_iri(), RDF.type, PROV.SoftwareAgent))
    graph.add((agent_iri(), SCHEMA.name, Literal("claims figure checker")))
    graph.add((agent_iri(), SCHEMA.softwareVersion, Literal(VERSION)))
    for check in checks:
        node = check_iri(doc, check)
        r = check.reading
        graph.add((node, RDF.type, CLAIMS.FigureCheck))
        graph.add((node, PROV.wasGeneratedBy, activity))
        if r.figure:
            graph.add((node, CLAIMS.checkOf, iris.statement_iri(doc.content_hash, Kind.FIGURE, r.span)))
        graph.add((node, CLAIMS.checkedPhrase, Literal(r.phrase)))
        graph.add((node, CLAIMS.measureCode, Literal(r.measure)))
        if r.entity is not None:
            graph.add((node, CLAIMS.entityLabel, Literal(r.entity.label)))
            graph.add((node, CLAIMS.entityRule, Literal(r.entity.how)))
        if r.day:
            graph.add((node, CLAIMS.memberOn, Literal(r.day, datatype=XSD.date)))
        if r.year is not None:
            graph.add((node, CLAIMS.referenceYear, Literal(str(r.year), datatype=XSD.gYear)))
        graph.add((node, CLAIMS.yearRule, Literal(r.year_rule)))
        if r.claimed is not None:
            graph.add((node, CLAIMS.claimedValue, _decimal(r.claimed)))
        if r.upper is not None:
            graph.add((node, CLAIMS.claimedUpper, _decimal(r.upper)))
        graph.add((node, CLAIMS.comparator, Literal(r.comparator)))
        if check.computed is not None:
            graph.add((node, CLAIMS.computedValue, _decimal(check.computed)))
        if check.rel_error is not None:
            graph.add((node, CLAIMS.relativeError, _decimal(check.rel_error)))
        if check.direction:
            graph.add((node, CLAIMS.misstatement, Literal(check.direction)))
        if check.detail:
            graph.add((node, CLAIMS.checkDetail, Literal(check.detail)))
        graph.add((node, CLAIMS.computedVerdict, _verdict(check.verdict)))
        decided = current.get(str(node))
        verdict = decided.value if decided else check.verdict
        graph.add((node, CLAIMS.figureVerdict, _verdict(verdict)))
        graph.add((node, CLAIMS.verdictCode, Literal(verdict)))
        reason = check.reason
        if decided:
            note = f": {decided.note}" if decided.note else ""
            checker = f" (checker: {reason})" if reason else ""
            reason = f"{decided.value} by {decided.reviewer}{note}{checker}"
        if reason:
            graph.add((node, CLAIMS.checkReason, Literal(reason)))
        for part in check.parts:
            pnode = URIRef(f"{node}/{part.measure}")
            graph.add((node, CLAIMS.computation, pnode))
            graph.add((pnode, PROV.wasGeneratedBy, activity))
            _part(graph, pnode, part)
            series = SERIES.get(part.series)
            if series is not None:
                graph.add((activity, PROV.used, URIRef(INDICATOR + series.code)))
                graph.add((URIRef(INDICATOR + series.code), DCTERMS.title, Literal(series.label)))
                graph.add((URIRef(INDICATOR + series.code), DCTERMS.source, Literal(SOURCE)))
    return graph


def write(store: Store, articles: Sequence[tuple[Document, list[Check]]]) -> None:
    """Write the checks of ``(document, checks)`` in one transaction."""
    if not articles:
        return
    current = decisions.current(store, SCHEME)
    store.replace_graphs([article_graph(doc, checks, current) for doc, checks in articles])
    _refresh_index(store, [shorten(str(iris.statement_iri(doc.content_hash, Kind.FIGURE, c.reading.span)))
                           for doc, checks in articles for c in checks if c.reading.figure])


def _refresh_index(store: Store, statements: list[str] | None) -> None:
    from claims import index
    from claims.check.views import FACET

    index.after_layer(store, FACET, statements)


# ---------------------------------------------------------------- rebuild from the store

_TEXTS = """
PREFIX claims: <https://w3id.org/claims#>
PREFIX schema: <https://schema.org/>
SELECT ?g ?article ?text ?date ?url WHERE {
  GRAPH ?g { ?article a claims:Article ; schema:articleBody ?text .
             OPTIONAL { ?article schema:datePublished ?date }
             OPTIONAL { ?article schema:url ?url } }
}
"""


def documents(store: Store, graph: str | None = None) -> Iterator[Document]:
    """The stored articles (of one article graph, when given) as documents."""
    bound = {"g": URIRef(graph)} if graph else {}
    for row in select(store, _TEXTS, **bound).to_dict("records"):
        date = row.get("date")
        url = row.get("url")
        day = str(date)[:10] if date is not None and str(date) not in ("", "nan", "NaT", "None") else None
        yield Document(id=str(row["article"]), text=str(row["text"]), date=day,
                       url=str(url) if isinstance(url, str) and url else None)


def _check_graphs(store: Store) -> list[str]:
    prefix = f"{base_iri()}graph/check/"
    return [g for g in store.graphs() if g.startswith(prefix)]


_CHECKED = """
PREFIX claims: <https://w3id.org/claims#>
SELECT ?g ?hash ?version WHERE { GRAPH ?g { ?run a claims:Checking ; claims:articleHash ?hash ;
                                                 claims:referenceVersion ?version } }
"""


@dataclass(frozen=True, slots=True)
class Status:
    """How the layer stands: articles without checks, checks of another text, checks made
    with other reference tables."""

    articles: int
    checked: int
    missing: tuple[str, ...]
    outdated: tuple[str, ...]
    other_reference: tuple[str, ...]

    @property
    def fresh(self) -> bool:
        return not (self.missing or self.outdated or self.other_reference)


def status(store: Store) -> Status:
    from claims.index.rows import store_hashes

    prefix = f"{base_iri()}graph/"
    texts = {expand(g).removeprefix(prefix): h for g, h in store_hashes(store).items()}
    done = {expand(str(g)).removeprefix(prefix + "check/"): (str(h), str(v))
            for g, h, v in select(store, _CHECKED).itertuples(index=False)}
    return Status(len(texts), len(done),
                  tuple(sorted(k for k in texts if k not in done)),
                  tuple(sorted(k for k in texts if k in done and done[k][0] != texts[k])),
                  tuple(sorted(k for k, (_, v) in done.items() if v != reference_version())))


class FigureChecks:
    """The derived layer (``claims.layers.KNOWN["check"]``)."""

    name = "check"

    def articles_written(self, store: Store,
                         articles: Sequence[tuple[Document, Sequence[Statement]]]) -> None:
        write(store, [(doc, checks_of(doc, statements)) for doc, statements in articles])

    def decided(self, store: Store, decision: Decision) -> None:
        if decision.scheme != SCHEME.name:
            return
        found = select(store, "PREFIX claims: <https://w3id.org/claims#>\n"
                       "SELECT ?g ?check WHERE { GRAPH ?g { ?check a claims:FigureCheck } }",
                       check=URIRef(decision.subject))
        if found.empty:
            return  # a decision on a check not (yet) computed: applied when it is
        key = expand(str(found["g"].iloc[0])).rsplit("/", 1)[-1]
        write(store, [(doc, checks_of(doc)) for doc in documents(store, f"{base_iri()}graph/{key}")])

    def rebuild(self, store: Store) -> None:
        for graph in _check_graphs(store):
            store.remove_graph(graph)
        batch: list[tuple[Document, list[Check]]] = []
        for doc in documents(store):
            batch.append((doc, checks_of(doc)))
            if len(batch) >= 256:
                write(store, batch)
                batch = []
        write(store, batch)
        _refresh_index(store, None)


LAYER = FigureChecks()
