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
claims.errors.UnknownStatement: [unknown-statement] ...statement/nope: ...
>>> Verdict("not-a-quotation").label
'not a quotation'
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import pandas as pd
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV

from claims import index as statement_index
from claims.config import base_iri
from claims.errors import (
    BadCorrection,
    BadUrl,
    MissingReviewer,
    ReviewError,
    UnknownRating,
    UnknownStatement,
    UnknownVerdict,
)
from claims.model import iris
from claims.model.mapping import bind_prefixes
from claims.query import expand, run, select
from claims.statements import Rating, ReviewEvent, Verdict
from claims.store.base import Store, Table, Term
from claims.vocab import CLAIMS, SCHEMA

__all__ = [
    "Rating", "ReviewEvent", "Status", "Verdict", "events", "history", "orphans", "queue",
    "rate", "record", "status", "statuses",
]


@dataclass(frozen=True, slots=True)
class Status:
    """A statement's latest verdict and rating, and its latest corrected speaker if any."""

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
    """A UTC ``xsd:dateTime`` (microseconds kept) for ``prov:endedAtTime``."""
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
    text = _clean(value)
    if not text:
        raise error(f"empty {what}")
    return text


def _previous(store: Store, statement: URIRef, cls: URIRef) -> URIRef | None:
    """The current event of class ``cls`` on ``statement``; UnknownStatement if it is gone."""
    table = run(store, "review_current", statement=statement, **{"class": cls})
    assert isinstance(table, Table)
    if not table.rows:
        raise UnknownStatement(str(statement))
    previous = table.rows[0][2]
    return previous if isinstance(previous, URIRef) else None


def to_graph(event: ReviewEvent, *, person: URIRef | None = None) -> Graph:
    """The event as RDF for the reviews graph: a prov:Activity and its reviewer (the
    corrected speaker, ``person``, is described in the entities graph: :func:`speaker_graph`)."""
    graph = bind_prefixes(Graph(identifier=iris.reviews_graph_iri()))
    node, agent = URIRef(event.iri), reviewer_iri(event.reviewer)
    cls = CLAIMS.ClaimRating if event.rating is not None else CLAIMS.AttributionReview
    for p, o in ((RDF.type, CLAIMS.ReviewEvent), (RDF.type, cls),  # stated: no inference needed
                 (PROV.used, URIRef(event.statement)), (PROV.wasAssociatedWith, agent),
                 (PROV.endedAtTime, time_literal(event.time))):
        graph.add((node, p, o))
    graph.add((agent, RDF.type, SCHEMA.Person))
    graph.add((agent, RDF.type, PROV.Agent))
    graph.add((agent, SCHEMA.name, Literal(event.reviewer)))
    if event.corrected_speaker:
        graph.add((node, CLAIMS.correctedSpeaker, person or iris.person_iri(event.corrected_speaker)))
    for prop, value in ((CLAIMS.verdict, event.verdict and event.verdict.iri),
                        (CLAIMS.rating, event.rating and event.rating.iri),
                        (CLAIMS.supersedes, event.supersedes and URIRef(event.supersedes)),
                        (CLAIMS.factCheckUrl, event.fact_check_url and URIRef(event.fact_check_url)),
                        (RDFS.comment, event.note and Literal(event.note)),
                        (CLAIMS.correctedText, event.corrected_text and Literal(event.corrected_text)),
                        (CLAIMS.ratingText, event.rating_text and Literal(event.rating_text))):
        if value:
            graph.add((node, prop, value))
    for item in event.evidence:
        graph.add((node, CLAIMS.evidence, Literal(item)))
    return graph


def speaker_graph(event: ReviewEvent, *, person: URIRef | None = None) -> Graph:
    """The corrected speaker of ``event`` (if any) as the entities graph describes people,
    beside the speakers that articles name: each triple in one graph only."""
    graph = bind_prefixes(Graph(identifier=iris.entities_graph_iri()))
    if event.corrected_speaker:
        person = person or iris.person_iri(event.corrected_speaker)
        graph.add((person, RDF.type, SCHEMA.Person))
        graph.add((person, SCHEMA.name, Literal(event.corrected_speaker)))
    return graph


def corrected_person(store: Store, name: str) -> URIRef:
    """The person node for a corrected speaker ``name``: :func:`~claims.model.iris.person_iri`,
    unless that node already names someone else whose name has the same slug ("Ana Muller"
    for "Ana Müller"): then a node of this exact name (slug and digest), so that distinct
    names stay distinct people and no event reads two names."""
    iri = iris.person_iri(name)
    # ?person is projected: Oxigraph binds only projected variables
    table = store.query("SELECT ?person ?name WHERE { GRAPH ?g { ?person <https://schema.org/name> ?name } }",
                        {"person": iri})
    names = {str(row[1]) for row in table.rows} if isinstance(table, Table) else set()
    if not names or name in names:
        return iri
    return URIRef(f"{iri}-{_digest(name)[:8]}")


def _write(store: Store, event: ReviewEvent) -> ReviewEvent:
    """Give ``event`` its time, IRI and predecessor, and append it to the reviews graph.

    Inputs are checked by the callers; ontology/shapes.ttl is checked over the whole
    reviews graph (``claims validate``, the tests): one event alone cannot satisfy it,
    since the event it supersedes is inferred to be a ReviewEvent without its triples.
    """
    iri = _statement_iri(event.statement)
    cls = CLAIMS.ClaimRating if event.rating is not None else CLAIMS.AttributionReview
    previous = _previous(store, iri, cls)
    stored = replace(event, iri=str(event_iri(str(iri), event.time, event.reviewer)),
                     statement=str(iri),
                     supersedes=str(previous) if previous is not None else None)
    person = corrected_person(store, stored.corrected_speaker) if stored.corrected_speaker else None
    store.write(add=[to_graph(stored, person=person), speaker_graph(stored, person=person)])
    statement_index.after_review(store, stored)
    return stored


def _code(value: object) -> str:
    return str(value).strip().lower().replace(" ", "-").replace("_", "-")


def _clean(value: str | None) -> str | None:
    return " ".join((value or "").split()) or None


def record(store: Store, statement: str, verdict: Verdict | str, *, reviewer: str,
           note: str | None = None, corrected_speaker: str | None = None,
           corrected_text: str | None = None, at: datetime | None = None) -> ReviewEvent:
    """Record an editor's verdict on a statement's attribution; returns the stored event.

    ``misattributed`` needs ``corrected_speaker``, ``misquoted`` needs ``corrected_text``;
    the time is now (UTC) unless ``at`` is given (for imports of earlier reviews).
    """
    try:
        kind = Verdict(_code(verdict))
    except ValueError:
        raise UnknownVerdict(repr(verdict)) from None
    who = _name(reviewer, MissingReviewer, "reviewer")
    speaker, wording = _clean(corrected_speaker), (corrected_text or "").strip() or None
    if kind is Verdict.MISATTRIBUTED and not speaker:
        raise BadCorrection("misattributed", hint="name the corrected speaker")
    if kind is Verdict.MISQUOTED and not wording:
        raise BadCorrection("misquoted", hint="give the wording the source actually has")
    if speaker and kind is not Verdict.MISATTRIBUTED:
        raise BadCorrection(kind.value, hint="only a misattributed verdict has a corrected speaker")
    if wording and kind is not Verdict.MISQUOTED:
        raise BadCorrection(kind.value, hint="only a misquoted verdict has a corrected text")
    event = ReviewEvent("", statement, who, _now(at), verdict=kind,
                        note=(note or "").strip() or None, corrected_speaker=speaker,
                        corrected_text=wording)
    return _write(store, event)


def rate(store: Store, statement: str, rating: Rating | str, *, reviewer: str,
         rating_text: str | None = None, url: str | None = None,
         evidence: Sequence[str] = (), note: str | None = None,
         at: datetime | None = None) -> ReviewEvent:
    """Record a fact-checker's rating of the claim a statement makes; returns the event.

    ``rating`` is normalised (true … false, unverifiable); ``rating_text`` keeps the
    fact-checker's own wording; ``url`` is the published fact-check.
    """
    try:
        kind = Rating(_code(rating))
    except ValueError:
        raise UnknownRating(repr(rating)) from None
    who = _name(reviewer, MissingReviewer, "reviewer")
    link = (url or "").strip() or None
    if link and (not link.startswith(("http://", "https://")) or any(c in link for c in ' <>"')):
        raise BadUrl(repr(url))
    items = tuple(e.strip() for e in ([evidence] if isinstance(evidence, str) else evidence)
                  if e.strip())
    event = ReviewEvent("", statement, who, _now(at), rating=kind,
                        note=(note or "").strip() or None,
                        rating_text=(rating_text or "").strip() or None,
                        fact_check_url=link, evidence=items)
    return _write(store, event)


_EVIDENCE = """
PREFIX claims: <https://w3id.org/claims#>
SELECT ?event ?evidence WHERE { GRAPH ?r { ?event claims:evidence ?evidence } }
ORDER BY ?event ?evidence"""


def _text(term: Term | None) -> str | None:
    return None if term is None else str(term)


def _events(store: Store, name: str, **params: Any) -> tuple[ReviewEvent, ...]:
    """The events a named query (review_history, orphaned_reviews) lists, in its order."""
    table = run(store, name, **params)
    assert isinstance(table, Table)
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
    return datetime.fromisoformat(str(term).replace("Z", "+00:00")).astimezone(UTC)


def events(store: Store, *, since: datetime | None = None) -> tuple[ReviewEvent, ...]:
    """Every review event in the store, oldest first (``since``: at or after that time)."""
    found = _events(store, "review_history")
    return found if since is None else tuple(e for e in found if e.time >= _now(since))


def history(store: Store, statement: str) -> tuple[ReviewEvent, ...]:
    """Every event on ``statement``, oldest first (ties broken by event IRI)."""
    return _events(store, "review_history", statement=_statement_iri(statement))


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


QUEUE_KINDS = {"quotation": "claims:Quotation", "reported_speech": "claims:ReportedSpeech"}


def queue(store: Store, kind: str | None = None) -> pd.DataFrame:
    """Quotations and reported speech with no verdict yet, in article order (the review
    widget's queue); ``kind`` ("quotation" or "reported_speech"): that kind only."""
    found = select(store, "unreviewed")
    if kind is None:
        return found
    if kind not in QUEUE_KINDS:
        raise ReviewError(f"no review queue of kind {kind!r}", hint="quotation or reported_speech")
    return found[found["kind"] == QUEUE_KINDS[kind]].reset_index(drop=True)


def orphans(store: Store) -> tuple[ReviewEvent, ...]:
    """Events whose statement no longer exists in any article graph: kept, reported here."""
    return _events(store, "orphaned_reviews")
