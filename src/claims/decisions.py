"""Editors' decisions on derived facts: append-only events that always win over computation.

Derived layers (claim tracking, fact-check matching, speaker linking, figure checks) compute
facts across articles; an editor confirms, rejects, dismisses, splits, merges or relinks them.
Each decision is a review event (a ``claims:Decision``, a ``prov:Activity`` in the reviews
graph beside attribution verdicts and ratings) on the fact's IRI, with reviewer, UTC time and
the decision it supersedes; nothing is updated or deleted. The current decision on a fact is
the latest, and a layer reads the current decisions whenever it recomputes, so a rejected
match never comes back and a corrected link survives any rebuild.

A layer declares what editors may decide about its facts as a :class:`DecisionScheme` (a
SKOS concept scheme in ``ontology/claims.ttl``, concepts ``decision:SCHEME/VALUE``).

>>> from claims.store import MemoryStore
>>> MATCH = DecisionScheme("example", ("confirmed", "rejected"))
>>> store = MemoryStore()
>>> made = decide(store, "kb:match/1", MATCH, "rejected", reviewer="Ana", note="other claim")
>>> current(store, MATCH)["https://w3id.org/claims/kb/match/1"].value
'rejected'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV

from claims.errors import MissingReviewer, ReviewError, UnknownDecision
from claims.model import iris
from claims.model.mapping import bind_prefixes
from claims.query import expand, select
from claims.review import event_iri, reviewer_iri, time_literal
from claims.statements import Decision
from claims.store.base import Store
from claims.vocab import CLAIMS, SCHEMA

DECISION_NS = "https://w3id.org/claims/decision/"
_IRI = re.compile(r"^[a-zA-Z][\w+.-]*:[^\s<>\"{}|\\^`]*$")

__all__ = ["DECISION_NS", "Decision", "DecisionScheme", "current", "decide", "history"]


@dataclass(frozen=True, slots=True)
class DecisionScheme:
    """The decisions editors can take on one kind of derived fact.

    >>> DecisionScheme("match", ("confirmed", "rejected")).iri("rejected")
    rdflib.term.URIRef('https://w3id.org/claims/decision/match/rejected')
    """

    name: str
    values: tuple[str, ...]

    def iri(self, value: str) -> URIRef:
        return URIRef(f"{DECISION_NS}{self.name}/{value}")


def _iri(value: str, what: str) -> URIRef:
    text = expand(str(value).strip())
    if not _IRI.match(text):
        raise ReviewError(f"{value!r} is not an IRI", hint=f"give the {what} as an IRI (or kb:…)")
    return URIRef(text)


def to_graph(decision: Decision) -> Graph:
    """The decision as RDF for the reviews graph."""
    graph = bind_prefixes(Graph(identifier=iris.reviews_graph_iri()))
    node, agent = URIRef(decision.iri), reviewer_iri(decision.reviewer)
    concept = URIRef(f"{DECISION_NS}{decision.scheme}/{decision.value}")
    for p, o in ((RDF.type, CLAIMS.ReviewEvent), (RDF.type, CLAIMS.Decision),
                 (PROV.used, URIRef(decision.subject)), (CLAIMS.decision, concept),
                 (PROV.wasAssociatedWith, agent), (PROV.endedAtTime, time_literal(decision.time))):
        graph.add((node, p, o))
    graph.add((agent, RDF.type, SCHEMA.Person))
    graph.add((agent, RDF.type, PROV.Agent))
    graph.add((agent, SCHEMA.name, Literal(decision.reviewer)))
    for prop, value in ((CLAIMS.decisionTarget, decision.target and URIRef(decision.target)),
                        (RDFS.comment, decision.note and Literal(decision.note)),
                        (CLAIMS.supersedes, decision.supersedes and URIRef(decision.supersedes))):
        if value:
            graph.add((node, prop, value))
    return graph


def decide(store: Store, subject: str, scheme: DecisionScheme, value: str, *, reviewer: str,
           target: str | None = None, note: str | None = None,
           at: datetime | None = None) -> Decision:
    """Record an editor's decision on the derived fact ``subject``; returns the stored event.

    ``value`` must be one of the scheme's values; ``target`` (an IRI) is what the decision
    points the subject to, where it names something. The time is now (UTC) unless ``at``
    (timezone-aware) is given. Layers are told (:func:`claims.layers.decided`).
    """
    if value not in scheme.values:
        raise UnknownDecision(f"{value!r} is not a {scheme.name} decision",
                              hint=f"use one of: {', '.join(scheme.values)}")
    who = " ".join((reviewer or "").split())
    if not who:
        raise MissingReviewer("empty reviewer")
    if at is not None and at.tzinfo is None:
        raise ReviewError("review times must be timezone-aware", hint="pass a UTC datetime")
    when = (at or datetime.now(UTC)).astimezone(UTC)
    fact = _iri(subject, "fact")
    previous = current(store, scheme, subject=str(fact)).get(str(fact))
    made = Decision(str(event_iri(str(fact), when, who)), str(fact), scheme.name, value, who, when,
                    target=str(_iri(target, "target")) if target else None,
                    note=(note or "").strip() or None,
                    supersedes=previous.iri if previous else None)
    from claims import layers  # late: layers import the modules that import this one

    mark = layers.begin(store)  # a kill before the layers follow leaves them marked stale
    store.add(to_graph(made))
    layers.end(store, mark, layers.decided(store, made))
    return made


def history(store: Store, *, subject: str | None = None) -> tuple[Decision, ...]:
    """Every decision (on ``subject`` only, when given), oldest first."""
    frame = select(store, "decisions", subject=_iri(subject, "fact") if subject else None)
    out = []
    for row in frame.to_dict("records"):
        time = row["time"]
        when = time if isinstance(time, datetime) else datetime.fromisoformat(str(time))
        out.append(Decision(
            iri=expand(str(row["event"])), subject=expand(str(row["subject"])),
            scheme=str(row["scheme"]), value=str(row["decision"]), reviewer=str(row["reviewer"]),
            time=when.astimezone(UTC), target=_optional(row["target"], expand),
            note=_optional(row["note"]), supersedes=_optional(row["supersedes"], expand)))
    return tuple(out)


def _optional(value: object, convert: Callable[[str], str] = str) -> str | None:
    return convert(value) if isinstance(value, str) and value else None


def current(store: Store, scheme: DecisionScheme, *,
            subject: str | None = None) -> dict[str, Decision]:
    """The current (latest) decision of ``scheme`` on each subject, by subject IRI."""
    latest: dict[str, Decision] = {}
    for made in history(store, subject=subject):
        if made.scheme == scheme.name:
            latest[made.subject] = made  # oldest first: the last one wins
    return latest
