"""The index's rows and review states, read from the store (SPARQL) or built from what
ingestion holds in memory (Documents and Statements): both give the same values."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import astuple, dataclass, replace
from datetime import UTC, datetime
from typing import Any

import pandas as pd
import pyoxigraph as ox
from rdflib import URIRef

from claims.config import base_iri
from claims.document import Document
from claims.index.schema import COLUMNS
from claims.model import iris
from claims.model.mapping import date_literal
from claims.query import PREFIXES, expand, select, shorten
from claims.statements import Statement
from claims.store.base import Store, Table
from claims.store.bulk import MARKER
from claims.store.oxigraph import OxigraphStore

UNREVIEWED = "unreviewed"
KINDS = {"claims:Quotation": "quotation", "claims:ReportedSpeech": "reported_speech",
         "claims:Figure": "figure"}
TIME = "%Y-%m-%dT%H:%M:%S.%fZ"

# The rows of every statement: one query, ?g bound to re-read one article graph. Names of
# outlets and extractors live in the entities graph (the placeholder keeps an unbound IRI
# from matching every name).
STATEMENTS = """
PREFIX claims: <https://w3id.org/claims#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?g ?statement ?kind ?text ?speaker ?role ?cue ?confidence ?title ?outlet ?date ?url
       ?article ?start ?end ?mention_start ?mention_end ?method ?extractor ?version
       ?value ?upper ?unit ?quantity ?measures (STR(?iso_value) AS ?iso)
WHERE {
  GRAPH ?g {
    ?statement a ?kind ; schema:text ?text ; claims:confidence ?confidence ;
               prov:wasDerivedFrom ?article ; claims:start ?start ; claims:end ?end .
    FILTER (?kind IN (claims:Quotation, claims:ReportedSpeech, claims:Figure))
    ?article a claims:Article .
    OPTIONAL { ?statement claims:speakerName ?speaker }
    OPTIONAL { ?statement claims:cue ?cue }
    OPTIONAL { ?statement claims:mentionStart ?mention_start }
    OPTIONAL { ?statement claims:mentionEnd ?mention_end }
    OPTIONAL { ?statement claims:role ?role }
    OPTIONAL { ?statement claims:attributionMethod ?method }
    OPTIONAL { ?statement claims:quantity ?q .
               OPTIONAL { ?q schema:value ?value } OPTIONAL { ?q schema:maxValue ?upper }
               OPTIONAL { ?q schema:unitText ?unit } OPTIONAL { ?q claims:quantityKind ?quantity }
               OPTIONAL { ?q claims:measures ?measures } OPTIONAL { ?q claims:dateValue ?iso_value } }
    OPTIONAL { ?statement prov:wasGeneratedBy/prov:wasAssociatedWith ?agent }
    OPTIONAL { ?article schema:headline ?title }
    OPTIONAL { ?article schema:publisher ?publisher }
    OPTIONAL { ?article schema:datePublished ?date }
    OPTIONAL { ?article schema:url ?url }
  }
  BIND (COALESCE(?agent, <urn:claims:none>) AS ?agent_or_none)
  BIND (COALESCE(?publisher, <urn:claims:none>) AS ?publisher_or_none)
  OPTIONAL { GRAPH ?agents { ?agent_or_none schema:name ?extractor } }
  OPTIONAL { GRAPH ?versions { ?agent_or_none schema:softwareVersion ?version } }
  OPTIONAL { GRAPH ?outlets { ?publisher_or_none schema:name ?outlet } }
}
"""

# Every verdict and rating event, with what the index keeps of it ({reviews}: the reviews
# graph, filled in by the code: Oxigraph binds only variables that are projected).
EVENTS = """
PREFIX claims: <https://w3id.org/claims#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?event ?statement ?time ?verdict ?rating ?corrected
WHERE {
  GRAPH {reviews} {
    ?event prov:used ?statement ; a ?class ; prov:endedAtTime ?time .
    FILTER (?class IN (claims:AttributionReview, claims:ClaimRating))
    OPTIONAL { ?event claims:verdict ?verdict }
    OPTIONAL { ?event claims:rating ?rating }
    OPTIONAL { ?event claims:correctedSpeaker ?person }
  }
  BIND (COALESCE(?person, <urn:claims:none>) AS ?person_or_none)
  OPTIONAL { GRAPH ?people { ?person_or_none schema:name ?corrected } }
}
"""
EVENT_COUNT = """
PREFIX claims: <https://w3id.org/claims#>
SELECT (COUNT(?event) AS ?n) WHERE {
  GRAPH {reviews} { ?event a ?class FILTER (?class IN (claims:AttributionReview, claims:ClaimRating)) }
}
"""
MARKERS = f"SELECT ?g ?hash WHERE {{ GRAPH ?g {{ ?article <{MARKER}> ?hash }} }}"

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")

Row = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Review:
    """A statement's current review state, each part with the (time, event) key that won."""

    verdict: str | None = None
    verdict_key: str | None = None
    rating: str | None = None
    rating_key: str | None = None
    corrected_speaker: str | None = None
    fix_key: str | None = None

    def status(self) -> str:
        return self.verdict or (f"rated {self.rating}" if self.rating else UNREVIEWED)

    def fold(self, key: str, verdict: str | None, rating: str | None, corrected: str | None) -> Review:
        """This state after one more event (in any order: the latest key wins each part).

        >>> Review().fold("2", "confirmed", None, None).fold("1", "misquoted", "false", None)
        Review(verdict='confirmed', verdict_key='2', rating='false', rating_key='1', \
corrected_speaker=None, fix_key=None)
        """
        state = self
        if verdict and (state.verdict_key is None or key > state.verdict_key):
            state = replace(state, verdict=verdict, verdict_key=key)
        if rating and (state.rating_key is None or key > state.rating_key):
            state = replace(state, rating=rating, rating_key=key)
        if corrected and (state.fix_key is None or key > state.fix_key):
            state = replace(state, corrected_speaker=corrected, fix_key=key)
        return state

    def values(self) -> tuple[str | None, ...]:
        """The state as the columns of the ``reviews`` table (after ``statement``)."""
        return astuple(self)


def as_row(values: dict[str, Any], review: Review | None) -> Row:
    """A row in COLUMNS order, with the review state applied."""
    state = review or Review()
    speaker = state.corrected_speaker or values["extracted_speaker"]
    row = {**values, "speaker": speaker, "status": state.status(), "verdict": state.verdict,
           "rating": state.rating}
    return tuple(row[c] for c in COLUMNS)


def time_key(value: object, event: str) -> str:
    """The order of review events: UTC time, then the event IRI."""
    when = value.astimezone(UTC).strftime(TIME) if isinstance(value, datetime) else str(value)
    return f"{when} {shorten(str(event))}"


def rows_from_store(store: Store, graph: str | None = None) -> Iterator[dict[str, Any]]:
    """The statements' row values (no review state) from the store, of one graph or all."""
    params = {"g": URIRef(expand(graph))} if graph else {}
    c = _columns(select(store, STATEMENTS, **params))
    return ({
        "statement": c["statement"][i], "graph": c["g"][i],
        "kind": KINDS.get(c["kind"][i], c["kind"][i]), "text": c["text"][i],
        "extracted_speaker": _text(c["speaker"][i]), "role": _text(c["role"][i]),
        "cue": _text(c["cue"][i]), "confidence": float(c["confidence"][i]),
        "title": _text(c["title"][i]), "outlet": _text(c["outlet"][i]),
        "date": _date(c["date"][i]), "url": _text(c["url"][i]), "article": c["article"][i],
        "start": int(c["start"][i]), "end": int(c["end"][i]),
        "mention_start": _int(c["mention_start"][i]), "mention_end": _int(c["mention_end"][i]),
        "method": _text(c["method"][i]),
        "extractor": (f"{c['extractor'][i]} {c['version'][i]}"
                      if isinstance(c["extractor"][i], str) else None),
        "value": _float(c["value"][i]), "upper": _float(c["upper"][i]),
        "unit": _text(c["unit"][i]), "quantity": _text(c["quantity"][i]),
        "measures": _text(c["measures"][i]), "iso": _text(c["iso"][i]),
    } for i in range(len(c["statement"])))


def rows_from_statements(doc: Document, statements: Iterable[Statement]) -> list[dict[str, Any]]:
    """The same row values as :func:`rows_from_store`, from what ingestion has in memory
    (what :func:`claims.model.mapping.article_triples` writes; the tests check they agree)."""
    short = shortener()
    graph, article = short(str(iris.graph_iri(doc))), short(str(iris.article_iri(doc)))
    day = _date(str(date_literal(doc.date))) if doc.date else None
    out = []
    for st in statements:
        who, q = st.speaker, st.quantity
        mention = who.mention_span if who is not None else None
        out.append({
            "statement": short(str(iris.statement_iri(doc.content_hash, st.kind, st.span))),
            "graph": graph, "kind": st.kind.value, "text": st.text,
            "extracted_speaker": who.name if who else None,
            "role": (who.role or None) if who and mention else None, "cue": st.cue or None,
            "confidence": float(round(st.confidence, 3)), "title": doc.title or None,
            "outlet": doc.publisher or None, "date": day,
            "url": shorten(doc.url) if doc.url else None, "article": article,
            "start": st.span.start, "end": st.span.end,
            "mention_start": mention.start if mention else None,
            "mention_end": mention.end if mention else None,
            "method": (who.method or None) if who and mention else None,
            "extractor": f"{st.extractor} {st.extractor_version}",
            "value": _float(q.value) if q else None, "upper": _float(q.upper) if q else None,
            "unit": (q.unit or None) if q else None, "quantity": (q.kind or None) if q else None,
            "measures": (q.measures or None) if q else None, "iso": (q.iso or None) if q else None})
    return out


def store_hashes(store: Store) -> dict[str, str]:
    """Every article graph's content hash (commit marker), by shortened graph IRI."""
    short = shortener()
    if isinstance(store, OxigraphStore):  # pyoxigraph's terms, no rdflib term per cell
        _, found = store.select_ox(MARKERS)
        return {short(g.value): h.value for g, h in found
                if isinstance(g, ox.NamedNode) and isinstance(h, ox.Literal)}
    table = store.query(MARKERS)
    assert isinstance(table, Table)
    return {short(str(g)): str(h) for g, h in table.rows if g is not None and h is not None}


def event_count(store: Store) -> int:
    """How many review events the store holds."""
    table = store.query(EVENT_COUNT.replace("{reviews}", iris.reviews_graph_iri().n3()))
    assert isinstance(table, Table)
    value = table.rows[0][0] if table.rows else None
    return int(str(value)) if value is not None else 0


def reviews_from_store(store: Store) -> dict[str, Review]:
    """The current review state of every reviewed statement, folded from its events."""
    c = _columns(select(store, EVENTS.replace("{reviews}", iris.reviews_graph_iri().n3())))
    found: dict[str, Review] = {}
    for event, statement, time, verdict, rating, corrected in zip(
            c["event"], c["statement"], c["time"], c["verdict"], c["rating"], c["corrected"],
            strict=True):
        found[statement] = found.get(statement, Review()).fold(
            time_key(time, str(event)), _last(verdict), _last(rating), _text(corrected))
    return found


def shortener() -> Callable[[str], str]:
    """:func:`claims.query.shorten`, with the knowledge-base namespace looked up once."""
    base = base_iri()
    if any(base.startswith(ns) or ns.startswith(base) for ns in PREFIXES.values()):
        return shorten
    size = len(base)
    return lambda iri: f"kb:{iri[size:]}" if iri.startswith(base) and len(iri) > size else shorten(iri)


def _columns(df: pd.DataFrame) -> dict[str, list[Any]]:
    """A result's columns as lists, missing values as None."""
    return {str(name): df[name].astype(object).where(df[name].notna(), None).tolist()
            for name in df.columns}


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _date(value: object) -> str | None:
    text = str(value)[:10] if value is not None else ""
    return text if _DATE.match(text) else None


def _last(iri: object) -> str | None:
    return str(iri).rsplit("/", 1)[-1] if iri else None
