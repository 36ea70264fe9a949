"""Editorial review: append-only verdict and rating events, current status as a query.

Every decision is a new ``prov:Activity`` in the reviews graph
(:func:`claims.model.iris.reviews_graph_iri`), apart from the article graphs, so
re-ingesting an article never touches it. An event names the statement it ``prov:used``,
the reviewer, the UTC time, and ``claims:supersedes`` the event of its kind that was
current; nothing is ever updated or deleted. The current status is the latest event of
each kind (attribution verdict, claim rating).

>>> from claims.store import MemoryStore
>>> store = MemoryStore()
>>> record(store, "kb:statement/nope", "confirmed", reviewer="Ana")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
claims.review.UnknownStatement: [unknown-statement] ...statement/nope: ...
>>> Verdict("not-a-quotation").label
'not a quotation'
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import pandas as pd
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV

from claims.config import base_iri
from claims.errors import ReviewError
from claims.model import iris
from claims.model.mapping import bind_prefixes
from claims.query import expand, run, select
from claims.store.base import Store, Table, Term
from claims.vocab import CLAIMS, SCHEMA

VERDICT_NS = "https://w3id.org/claims/verdict/"
RATING_NS = "https://w3id.org/claims/rating/"

__all__ = [
    "Rating", "ReviewEvent", "Status", "Verdict", "history", "orphans", "queue", "rate",
    "record", "status",
]


class UnknownVerdict(ReviewError):
    code = "unknown-verdict"
    hint = "use one of: " + ", ".join(
        ("confirmed", "misattributed", "misquoted", "not-a-quotation", "unverifiable"))


class UnknownRating(ReviewError):
    code = "unknown-rating"
    hint = "use one of: true, mostly-true, mixture, mostly-false, false, unverifiable"


class MissingReviewer(ReviewError):
    code = "no-reviewer"
    hint = "give the reviewer's name"


class UnknownStatement(ReviewError):
    code = "unknown-statement"
    hint = "no article graph holds this statement; list statements with 'claims review list'"


class BadCorrection(ReviewError):
    code = "bad-correction"


class BadUrl(ReviewError):
    code = "bad-url"
    hint = "give an absolute http(s) URL"


class Verdict(StrEnum):
    """An editor's verdict on an attribution (the ``claims:Verdicts`` SKOS scheme)."""

    CONFIRMED = "confirmed"
    MISATTRIBUTED = "misattributed"
    MISQUOTED = "misquoted"
    NOT_A_QUOTATION = "not-a-quotation"
    UNVERIFIABLE = "unverifiable"

    @property
    def iri(self) -> URIRef:
        return URIRef(VERDICT_NS + self.value)

    @property
    def label(self) -> str:
        return self.value.replace("-", " ")


class Rating(StrEnum):
    """A claim's rating on the normalised scale (the ``claims:Ratings`` SKOS scheme)."""

    TRUE = "true"
    MOSTLY_TRUE = "mostly-true"
    MIXTURE = "mixture"
    MOSTLY_FALSE = "mostly-false"
    FALSE = "false"
    UNVERIFIABLE = "unverifiable"

    @property
    def iri(self) -> URIRef:
        return URIRef(RATING_NS + self.value)

    @property
    def label(self) -> str:
        return self.value.replace("-", " ")

    @property
    def value_of_5(self) -> int | None:
        """5 for true down to 1 for false; None for unverifiable."""
        order = list(Rating)
        return None if self is Rating.UNVERIFIABLE else 5 - order.index(self)


@dataclass(frozen=True, slots=True)
class ReviewEvent:
    """One stored review event: a verdict (``verdict`` set) or a rating (``rating`` set)."""

    iri: str
    statement: str
    reviewer: str
    time: datetime
    verdict: Verdict | None = None
    rating: Rating | None = None
    note: str | None = None
    corrected_speaker: str | None = None
    corrected_text: str | None = None
    rating_text: str | None = None
    fact_check_url: str | None = None
    evidence: tuple[str, ...] = ()
    supersedes: str | None = None

    @property
    def kind(self) -> str:
        return "rating" if self.rating is not None else "verdict"


@dataclass(frozen=True, slots=True)
class Status:
    """A statement's current review state: its latest verdict and latest rating events.

    ``speaker`` is the corrected speaker of the latest misattributed verdict, if any.
    """

    statement: str
    verdict: ReviewEvent | None
    rating: ReviewEvent | None
    corrected_speaker: str | None
    events: int


def _now(at: datetime | None) -> datetime:
    if at is None:
        return datetime.now(UTC)
    if at.tzinfo is None:
        raise ReviewError("review times must be timezone-aware", hint="pass a UTC datetime")
    return at.astimezone(UTC)


def time_literal(at: datetime) -> Literal:
    """A UTC ``xsd:dateTime`` with microseconds and a ``Z``: sorts the same as text."""
    text = at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return Literal(text, datatype=XSD.dateTime)


def _digest(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:24]


def reviewer_iri(name: str) -> URIRef:
    return URIRef(f"{base_iri()}reviewer/{iris.slug(name)}-{_digest(name)[:8]}")


def event_iri(statement: str, at: datetime, reviewer: str) -> URIRef:
    """Unique per event: statement, time and reviewer, plus a random part for same-instant calls."""
    key = _digest(statement, time_literal(at), reviewer, uuid.uuid4().hex)
    return URIRef(f"{base_iri()}review/{key}")


def _statement_iri(statement: str) -> URIRef:
    text = expand(str(statement).strip())
    if ":" not in text or any(c in text for c in ' <>"{}|\\^`'):
        raise UnknownStatement(str(statement), hint="give a statement IRI (or kb:statement/…)")
    return URIRef(text)


def _name(value: str | None, error: type[ReviewError], what: str) -> str:
    text = " ".join((value or "").split())
    if not text:
        raise error(f"empty {what}")
    return text


_PREVIOUS = """
PREFIX claims: <https://w3id.org/claims#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?statement ?previous WHERE {
  GRAPH ?g { ?statement a claims:Statement }
  OPTIONAL {
    GRAPH ?r { ?previous a ?class ; prov:used ?statement ; prov:endedAtTime ?t .
      FILTER NOT EXISTS { ?later a ?class ; prov:used ?statement ; prov:endedAtTime ?t2 .
        FILTER (?t2 > ?t || (?t2 = ?t && STR(?later) > STR(?previous))) } }
  }
}"""


def _previous(store: Store, statement: URIRef, cls: URIRef) -> URIRef | None:
    """The current event of class ``cls`` on ``statement``; UnknownStatement if it is gone."""
    table = store.query(_PREVIOUS.replace("?class", cls.n3()), {"statement": statement})
    assert isinstance(table, Table)
    if not table.rows:
        raise UnknownStatement(str(statement))
    previous = table.rows[0][1]
    return previous if isinstance(previous, URIRef) else None


def _event_graph(event: URIRef, cls: URIRef, statement: URIRef, reviewer: str, at: datetime,
                 note: str | None, previous: URIRef | None) -> Graph:
    graph = bind_prefixes(Graph(identifier=iris.reviews_graph_iri()))
    agent = reviewer_iri(reviewer)
    graph.add((event, RDF.type, CLAIMS.ReviewEvent))  # stated, so queries need no inference
    graph.add((event, RDF.type, cls))
    graph.add((event, PROV.used, statement))
    graph.add((event, PROV.wasAssociatedWith, agent))
    graph.add((event, PROV.endedAtTime, time_literal(at)))
    graph.add((agent, RDF.type, SCHEMA.Person))
    graph.add((agent, RDF.type, PROV.Agent))
    graph.add((agent, SCHEMA.name, Literal(reviewer)))
    if note and note.strip():
        graph.add((event, RDFS.comment, Literal(note.strip())))
    if previous is not None:
        graph.add((event, CLAIMS.supersedes, previous))
    return graph


def _store_event(store: Store, graph: Graph) -> None:
    # Inputs are checked above; the shapes (ontology/shapes.ttl) are checked over the whole
    # reviews graph by `claims validate` and the tests: one event alone cannot satisfy them,
    # since the event it supersedes is inferred to be a ReviewEvent without its triples.
    store.add(graph)


def record(store: Store, statement: str, verdict: Verdict | str, *, reviewer: str,
           note: str | None = None, corrected_speaker: str | None = None,
           corrected_text: str | None = None, at: datetime | None = None) -> ReviewEvent:
    """Record an editor's verdict on a statement's attribution; returns the stored event.

    ``misattributed`` needs ``corrected_speaker``, ``misquoted`` needs ``corrected_text``;
    the time is now (UTC) unless ``at`` is given (for imports of earlier reviews).
    """
    try:
        kind = Verdict(str(verdict).strip().lower().replace(" ", "-").replace("_", "-"))
    except ValueError:
        raise UnknownVerdict(repr(verdict)) from None
    who = _name(reviewer, MissingReviewer, "reviewer")
    speaker = " ".join((corrected_speaker or "").split()) or None
    wording = (corrected_text or "").strip() or None
    if kind is Verdict.MISATTRIBUTED and not speaker:
        raise BadCorrection("misattributed", hint="name the corrected speaker")
    if kind is Verdict.MISQUOTED and not wording:
        raise BadCorrection("misquoted", hint="give the wording the source actually has")
    if speaker and kind is not Verdict.MISATTRIBUTED:
        raise BadCorrection(kind.value, hint="only a misattributed verdict has a corrected speaker")
    if wording and kind is not Verdict.MISQUOTED:
        raise BadCorrection(kind.value, hint="only a misquoted verdict has a corrected text")
    iri = _statement_iri(statement)
    when = _now(at)
    previous = _previous(store, iri, CLAIMS.AttributionReview)
    event = event_iri(str(iri), when, who)
    graph = _event_graph(event, CLAIMS.AttributionReview, iri, who, when, note, previous)
    graph.add((event, CLAIMS.verdict, kind.iri))
    if speaker:
        person = iris.person_iri(speaker)
        graph.add((event, CLAIMS.correctedSpeaker, person))
        graph.add((person, RDF.type, SCHEMA.Person))
        graph.add((person, SCHEMA.name, Literal(speaker)))
    if wording:
        graph.add((event, CLAIMS.correctedText, Literal(wording)))
    _store_event(store, graph)
    return ReviewEvent(str(event), str(iri), who, when, verdict=kind,
                       note=(note or "").strip() or None, corrected_speaker=speaker,
                       corrected_text=wording, supersedes=str(previous) if previous else None)


def rate(store: Store, statement: str, rating: Rating | str, *, reviewer: str,
         rating_text: str | None = None, url: str | None = None,
         evidence: Sequence[str] = (), note: str | None = None,
         at: datetime | None = None) -> ReviewEvent:
    """Record a fact-checker's rating of the claim a statement makes; returns the event.

    ``rating`` is normalised (true … false, unverifiable); ``rating_text`` keeps the
    fact-checker's own wording; ``url`` is the published fact-check.
    """
    try:
        kind = Rating(str(rating).strip().lower().replace(" ", "-").replace("_", "-"))
    except ValueError:
        raise UnknownRating(repr(rating)) from None
    who = _name(reviewer, MissingReviewer, "reviewer")
    link = (url or "").strip() or None
    if link and (not link.startswith(("http://", "https://")) or any(c in link for c in ' <>"')):
        raise BadUrl(repr(url))
    wording = (rating_text or "").strip() or None
    items = tuple(e.strip() for e in ([evidence] if isinstance(evidence, str) else evidence)
                  if e.strip())
    iri = _statement_iri(statement)
    when = _now(at)
    previous = _previous(store, iri, CLAIMS.ClaimRating)
    event = event_iri(str(iri), when, who)
    graph = _event_graph(event, CLAIMS.ClaimRating, iri, who, when, note, previous)
    graph.add((event, CLAIMS.rating, kind.iri))
    if wording:
        graph.add((event, CLAIMS.ratingText, Literal(wording)))
    if link:
        graph.add((event, CLAIMS.factCheckUrl, URIRef(link)))
    for item in items:
        graph.add((event, CLAIMS.evidence, Literal(item)))
    _store_event(store, graph)
    return ReviewEvent(str(event), str(iri), who, when, rating=kind,
                       note=(note or "").strip() or None, rating_text=wording,
                       fact_check_url=link, evidence=items,
                       supersedes=str(previous) if previous else None)


_EVIDENCE = """
PREFIX claims: <https://w3id.org/claims#>
SELECT ?event ?evidence WHERE { GRAPH ?r { ?event claims:evidence ?evidence } }
ORDER BY ?event ?evidence"""


def _text(term: Term | None) -> str | None:
    return None if term is None else str(term)


def _events(store: Store, table: Table) -> tuple[ReviewEvent, ...]:
    evidence: dict[str, list[str]] = {}
    if any(str(row["type"]) == "rating" for row in table):
        found = store.query(_EVIDENCE)
        assert isinstance(found, Table)
        for event, item in found.rows:
            evidence.setdefault(str(event), []).append(str(item))
    events = []
    for row in table:
        time = row["time"]
        assert isinstance(time, Literal)
        verdict, rating = _text(row["verdict"]), _text(row["rating"])
        events.append(ReviewEvent(
            iri=str(row["event"]), statement=str(row["statement"]),
            reviewer=str(row["reviewer"]), time=_as_datetime(time),
            verdict=Verdict(verdict) if verdict else None,
            rating=Rating(rating) if rating else None,
            note=_text(row["note"]), corrected_speaker=_text(row["corrected_speaker"]),
            corrected_text=_text(row["corrected_text"]), rating_text=_text(row["rating_text"]),
            fact_check_url=_text(row["fact_check_url"]),
            evidence=tuple(evidence.get(str(row["event"]), ())),
            supersedes=_text(row["supersedes"])))
    return tuple(events)


def _as_datetime(term: Literal) -> datetime:
    value: Any = term.toPython()
    parsed = value if isinstance(value, datetime) else datetime.fromisoformat(
        str(term).replace("Z", "+00:00"))
    return parsed.astimezone(UTC)


def events(store: Store, *, since: datetime | None = None) -> tuple[ReviewEvent, ...]:
    """Every review event in the store, oldest first (``since``: at or after that time)."""
    table = run(store, "review_history")
    assert isinstance(table, Table)
    found = _events(store, table)
    return found if since is None else tuple(e for e in found if e.time >= _now(since))


def history(store: Store, statement: str) -> tuple[ReviewEvent, ...]:
    """Every event on ``statement``, oldest first (ties broken by event IRI)."""
    table = run(store, "review_history", statement=_statement_iri(statement))
    assert isinstance(table, Table)
    return _events(store, table)


def _latest(found: Iterable[ReviewEvent], kind: str) -> ReviewEvent | None:
    of_kind = [e for e in found if e.kind == kind]
    return max(of_kind, key=lambda e: (e.time, e.iri)) if of_kind else None


def status(store: Store, statement: str) -> Status:
    """The current state of ``statement``: its latest verdict and rating (None if none)."""
    found = history(store, statement)
    corrections = [e for e in found if e.verdict is Verdict.MISATTRIBUTED]
    latest_fix = _latest(corrections, "verdict")
    return Status(str(_statement_iri(statement)), _latest(found, "verdict"),
                  _latest(found, "rating"),
                  latest_fix.corrected_speaker if latest_fix else None, len(found))


def statuses(store: Store) -> pd.DataFrame:
    """The current status of every reviewed statement (the ``review_status`` query)."""
    return select(store, "review_status")


def queue(store: Store) -> pd.DataFrame:
    """Quotations and reported speech with no verdict yet, in article order."""
    return select(store, "unreviewed")


def orphans(store: Store) -> tuple[ReviewEvent, ...]:
    """Events whose statement no longer exists in any article graph: kept, reported here."""
    table = run(store, "orphaned_reviews")
    assert isinstance(table, Table)
    return _events(store, table)
