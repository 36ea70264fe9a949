"""What the layer says about one claim: canonical wording, members, misquotes, timeline.

**Canonical wording rule.** Among the claim's members, the canonical wording is the
*fullest faithful* one: of the (up to) three members with the most words (at least 0.8 of
the longest's), the one with the fewest material differences
(:attr:`claims.track.compare.Comparison.material`) from the other members, so that a
longer misquote does not become the reference; then the most words, then the earliest
article date, then the smallest statement IRI. Every other member's wording is compared
with it: ``exact``, ``cosmetic``, ``truncated``, ``cut`` or ``misquote`` (with its word
changes); ``indirect`` when the member joined the claim through another member and does
not match the canonical wording directly; ``reported`` for reported speech that carries a
member quotation's words (it joins a claim only so, is never its canonical wording while
a quotation is a member, and is never flagged as a misquote).

**Independent sources.** An article's source is its original's when it is a syndicated
copy of another article in the knowledge base, else the outlet its credit line names
("Courtesy: DW" -> DW), else its own outlet; the claim counts distinct sources, so copies
never count twice. First seen: the earliest member's article date (and its outlet).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claims.track.compare import Change, carries, compare
from claims.track.state import QUOTATION, REPORTED, Quote

CANDIDATES = 3  # longest members tried as the canonical wording
CHECK = 30  # members compared with each candidate (the first ones)


@dataclass(frozen=True, slots=True)
class Member:
    """One statement of a claim and how its wording relates to the canonical."""

    statement: str
    article: str
    outlet: str | None
    date: str | None
    text: str
    wording: str
    confidence: float
    changes: tuple[Change, ...] = ()
    misquote: bool = False
    misquote_status: str | None = None  # flagged, confirmed, dismissed


@dataclass(frozen=True, slots=True)
class Head:
    """A claim as the layer writes it (its members are written one by one)."""

    claim: str
    canonical: Quote
    members: int
    outlets: int
    independent: int
    first_article: str
    first_date: str | None
    first_outlet: str | None


def _order(q: Quote) -> tuple[int, str, str]:
    return (-q.words, q.date or "9999", q.statement)


def canonical(quotes: Sequence[Quote]) -> Quote:
    """The fullest faithful wording (see the module's rule)."""
    direct = [q for q in quotes if q.kind == QUOTATION]
    ordered = sorted(direct or quotes, key=_order)
    tried = [q for q in ordered[:CANDIDATES] if q.words >= 0.8 * ordered[0].words]
    if len(tried) == 1:
        return tried[0]
    checked = ordered[:CHECK]

    def conflicts(c: Quote) -> int:
        return sum(1 for q in checked if q is not c
                   and compare(c.text, q.text, c.speaker, q.speaker).material)
    return min(tried, key=lambda c: (conflicts(c), *_order(c)))


def member(canon: Quote, q: Quote, misquote_decision: str | None, confirmed: bool) -> Member:
    """How member ``q``'s wording relates to the canonical ``canon``, decisions applied."""
    if q.statement == canon.statement:
        return Member(q.statement, q.article, q.outlet, q.date, q.text, "exact", 1.0)
    found = compare(canon.text, q.text, canon.speaker, q.speaker)
    if q.kind == REPORTED:  # reported speech carrying the words: never a misquote
        same = carries(found)
        return Member(q.statement, q.article, q.outlet, q.date, q.text, "reported",
                      1.0 if confirmed else found.confidence if same else 0.5,
                      found.material if same else ())
    wording = found.relation if found.label != "different" else "indirect"
    confidence = 1.0 if confirmed else (found.confidence if found.label != "different" else 0.5)
    flagged = found.label == "misquote"
    status = misquote_decision if misquote_decision in ("confirmed", "dismissed") else (
        "flagged" if flagged else None)
    return Member(q.statement, q.article, q.outlet, q.date, q.text, wording, round(confidence, 3),
                  found.material, misquote=status in ("flagged", "confirmed"), misquote_status=status)
