"""Assigning statements to claims, one article at a time, against the whole knowledge base.

A new quotation is compared (:func:`claims.track.compare.compare`, with both speakers) with
the candidates the shingle index of :class:`~claims.track.state.State` proposes — never with
every stored quotation. It joins the claim of every candidate it matches; when it matches
members of two claims, they merge into the bigger one (the older IRI on a tie) and the other
IRI is kept as replaced by it. A quotation that matches nothing starts its own claim, whose
IRI is minted from the statement's, so it stays the same as the claim grows.

Syndication is found the same way: an article whose sampled body 8-shingles are at least
:data:`COPY` contained in another's (or the other's in it) is a copy of the earlier one.

Editors' decisions always win: a statement split off a claim is never matched again (a
merge decision can still join it), and a claim merged into another stays merged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from claims.config import base_iri
from claims.track.compare import carries, compare
from claims.track.state import QUOTATION, REPORTED, Quote, State, body_keys
from claims.track.wording import tokens, words

COPY = 0.6  # body containment (sampled 8-shingles) that makes an article a copy
MIN_BODY_KEYS = 12  # bodies with fewer sampled shingles (about 50 words) are too short to call copies

MEMBER_SCHEME = "claim-member"
CLAIM_SCHEME = "claim"
MISQUOTE_SCHEME = "misquote"


def digest(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def claim_iri(statement: str) -> str:
    """The claim a statement founds: ``{base}claim/{the statement IRI's digest}``."""
    return f"{base_iri()}claim/{digest(statement)}"


def member_iri(statement: str) -> str:
    """A statement's membership of its claim (the subject of split and misquote decisions)."""
    return f"{base_iri()}claim-member/{digest(statement)}"


@dataclass(frozen=True, slots=True)
class Row:
    """What matching needs of one statement (from ingestion or from the store)."""

    statement: str  # full IRI
    graph: str
    article: str
    text: str
    speaker: str | None
    outlet: str | None
    date: str | None
    kind: str = QUOTATION  # or REPORTED


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    graph: str
    article: str
    content_hash: str
    outlet: str | None
    credit: str | None
    date: str | None
    text: str


class Tracker:
    """Matching on one :class:`State` (the caller holds its transaction)."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.copies: set[str] = set()  # articles whose syndication changed (graphs)
        self.dirty: set[str] = set()  # statements whose member graph must be written
        self.full: set[str] = set()  # claims whose every member graph must be rewritten
        self.gone: set[str] = set()  # statements no longer tracked (their graphs go)
        self.split_off_now: set[str] = set()  # statements split off (their graphs may go)
        self._split: set[str] | None = None  # digests of statements split off (read once)
        self._roots: dict[str, str] = {}  # claim -> the claim it is now (cleared on merges)
        self._merges = state.merges

    def root(self, claim: str) -> str:
        """The claim ``claim`` is now (following merges; remembered until the next merge)."""
        if self._merges != self.state.merges:
            self._roots.clear()
            self._merges = self.state.merges
        if claim in self._roots:
            return self._roots[claim]
        first = claim
        seen = {claim}
        while (by := self.state.replaced_by(claim)) is not None and by not in seen:
            claim = by
            seen.add(claim)
        self._roots[first] = claim
        return claim

    def split(self, statement: str) -> bool:
        """Whether an editor split the statement off its claim (the decisions are read on
        first use: a tracker lives for one write, after its decisions are recorded)."""
        if self._split is None:
            self._split = {digest(s) for s, (value, _) in self.state.decisions(MEMBER_SCHEME).items()
                           if value == "split"}
        return bool(self._split) and digest(statement) in self._split

    def add_article(self, info: ArticleInfo, rows: Iterable[Row]) -> set[str]:
        """Track one article (new, or replacing the version in the state); returns the claims
        touched (whose graphs must be rewritten)."""
        touched: set[str] = set()
        previous = self.state.article_hash(info.graph)
        if previous == info.content_hash:
            return touched  # re-ingested unchanged: nothing to do
        if previous is not None:
            claims, statements = self.state.forget_article(info.graph)
            touched |= claims
            self.full |= claims
            self.gone.update(statements)
            touched |= self._unlink_copies(info.graph)
        keys = body_keys(info.text)
        self.state.add_article(info.graph, info.article, info.content_hash, info.outlet,
                               info.credit, info.date, keys)
        if info.credit:
            self.copies.add(info.graph)
        touched |= self._syndication(info, keys)
        for row in rows:
            if self.state.quote(row.statement) is not None:
                continue  # one statement twice (the same span and kind; an identical article)
            touched |= self.add_quote(row)
        return touched

    def add_quote(self, row: Row) -> set[str]:
        """Track one statement; returns its claim and the claims merged into it."""
        if self.split(row.statement):
            claim = claim_iri(row.statement)
            self.state.add_quote(row.statement, row.graph, row.article, row.outlet, row.date,
                                 row.speaker, row.text, claim, row.kind)
            self.dirty.add(row.statement)
            return {claim}
        matched: dict[str, str] = {}  # claim -> "same" or "misquote" (its best match)
        reported = row.kind == REPORTED
        for quote in self.state.candidates(row.text, row.speaker, quotations=reported):
            if quote.graph == row.graph:
                continue
            claim = self.root(quote.claim)
            if matched.get(claim) == "same" or self.split(quote.statement):
                continue  # one match a claim is enough to join it
            found = compare(quote.text, row.text, quote.speaker, row.speaker)
            label = found.label
            if label == "different":
                continue
            if reported or quote.kind == REPORTED:
                if not carries(found):
                    continue  # reported speech joins only a quotation whose words it carries
                label = "same"
            if label == "misquote" and (claim in matched or not self._fits(claim, quote, row)):
                continue
            matched[claim] = label
        # claims merge only through a quotation the same as both: a misquote joins one claim
        # (its best-ranked candidate's), so variants of variants never chain claims together
        same = [c for c, label in matched.items() if label == "same"]
        matched = dict.fromkeys(same or list(matched)[:1], "same")
        if not matched:
            claim = claim_iri(row.statement)
        else:
            if len(matched) == 1 and self.state.canonical(next(iter(matched))) is None:
                first = min(matched)
                lone = self.state.members(first, limit=2)
                if len(lone) == 1:  # a claim is born: its canonical wording until rewritten
                    longer = lone[0] if lone[0].kind == QUOTATION and (
                        reported or lone[0].words >= len(words(tokens(row.text)))) else None
                    self.state.canonical(first, longer.statement if longer else row.statement)
            claim = next(iter(matched))
            if len(matched) > 1:
                sizes = {c: self.state.size(c) for c in matched}
                claim = min(sizes, key=lambda c: (-sizes[c], c))
                for other in sizes:
                    if other != claim:
                        self.dirty.update(self.state.move(other, claim))
        self.state.add_quote(row.statement, row.graph, row.article, row.outlet, row.date,
                             row.speaker, row.text, claim, row.kind)
        self.dirty.add(row.statement)
        return {claim, *matched}

    def _fits(self, claim: str, quote: Quote, row: Row) -> bool:
        """A misquote of a member joins its claim only when it is no further from the
        claim's canonical wording (so variants of variants do not chain)."""
        canonical = self.state.canonical(claim)
        if canonical is None or canonical == quote.statement:
            return True
        found = self.state.quote(canonical)
        return found is None or compare(found.text, row.text, found.speaker,
                                        row.speaker).label != "different"

    # ------------------------------------------------------------ syndication

    def _syndication(self, info: ArticleInfo, keys: list[int]) -> set[str]:
        touched: set[str] = set()
        if len(keys) < MIN_BODY_KEYS:
            return touched
        similar = self.state.similar_bodies(info.graph, keys)
        known = self.state.articles([g for g, _, _ in similar])
        best: tuple[float, str] | None = None
        for graph, shared, theirs in similar:
            containment = shared / max(1, min(len(keys), theirs))
            if containment < COPY or theirs < MIN_BODY_KEYS:
                continue
            other = known[graph]
            if _earlier(str(other["date"] or ""), info.date or ""):
                if best is None or containment > best[0]:
                    best = (containment, graph)
            elif other["original"] is None:
                self.state.set_original(graph, info.graph, round(containment, 3))
                self.copies.add(graph)
                touched |= self.state.claims_of_graphs([graph])
        if best is not None:
            self.state.set_original(info.graph, best[1], round(best[0], 3))
            self.copies.add(info.graph)
        return touched

    def _unlink_copies(self, graph: str) -> set[str]:
        copies = self.state.copies_of(graph)
        for copy in copies:
            self.state.set_original(copy, None, None)
            self.copies.add(copy)
        return self.state.claims_of_graphs(copies)

    # ------------------------------------------------------------ decisions

    def split_off(self, statement: str) -> set[str]:
        """Apply a split decision: the statement leaves its claim for one of its own."""
        quote = self.state.quote(statement)
        if quote is None:
            return set()
        old = self.root(quote.claim)
        own = claim_iri(statement)
        new = own if own != old else f"{own}-split"
        self.state.set_claim(statement, new)
        self.full.update((old, new))
        self.dirty.add(statement)
        self.split_off_now.add(statement)
        return {old, new}

    def merge(self, claim: str, into: str) -> set[str]:
        """Apply a merge decision: ``claim`` joins ``into``."""
        a, b = self.root(claim), self.root(into)
        if a == b:
            return {a}
        self.dirty.update(self.state.move(a, b))
        self.state.shown(a, True)  # an editor named it: it keeps a graph pointing on
        return {a, b}


def _earlier(date_a: str, date_b: str) -> bool:
    """Whether article A (stored) is the original of B (new): the earlier date; on a tie (or
    a missing date), the one stored first (A)."""
    if date_a and date_b and date_a[:10] != date_b[:10]:
        return date_a[:10] < date_b[:10]
    return True
