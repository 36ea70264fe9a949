"""Frozen value types: what extraction produces (spans, speakers, quantities, statements)
and what editors decide about it (review events with their verdicts and ratings).

>>> s = Span(5, 10)
>>> s.of("Yes, right.")
'right'
>>> Kind("quotation") is Kind.QUOTATION
True
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from rdflib import URIRef

VERDICT_NS = "https://w3id.org/claims/verdict/"
RATING_NS = "https://w3id.org/claims/rating/"


class Kind(StrEnum):
    """What a statement is: the three kinds the ontology defines."""

    QUOTATION = "quotation"
    REPORTED_SPEECH = "reported_speech"
    FIGURE = "figure"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open code-point interval ``[start, end)`` into a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def of(self, text: str) -> str:
        return text[self.start:self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a statement is attributed to: the canonical entity and the mention that names it.

    ``method`` says how the attribution was made: ``explicit`` (named next to the cue),
    ``pronoun`` (resolved from he/she/they), ``chain`` (a following "he added"),
    ``previous`` (named in an earlier paragraph), ``according-to``. ``antecedent`` is the
    name as the article last wrote it where the mention is a pronoun or absent ("he" ->
    "Mr. Obama").
    """

    name: str
    mention: str | None = None
    mention_span: Span | None = None
    role: str | None = None
    affiliation: str | None = None
    qid: str | None = None
    is_organization: bool = False
    method: str = "explicit"
    antecedent: str | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure's value. ``kind``: count, proportion, percentage, money, year, date, number,
    duration or range; ``upper`` holds a range's upper bound; ``measures`` what is counted.
    A year or a date also has ``iso``, its ISO 8601 form ("2018", "2018-10-14", "2018-10",
    or "--10-14" when no year is written); a date has no ``value`` (never its day)."""

    value: float | None
    unit: str | None = None
    kind: str = "number"
    approximate: bool = False
    qualifier: str | None = None  # "about", "more than", "nearly", ...
    upper: float | None = None
    measures: str | None = None
    iso: str | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    """One extracted statement with its exact span in the document text.

    For a quotation ``text`` is the quoted words without the marks; for reported speech
    the reported content; for a figure the phrase. ``text == span.of(document.text)``.
    """

    kind: Kind
    text: str
    span: Span
    speaker: Speaker | None = None
    cue: str | None = None
    cue_span: Span | None = None
    confidence: float = 0.5
    quantity: Quantity | None = None
    partial: bool = False  # a quoted fragment inside a paraphrase
    extractor: str = "claims"
    extractor_version: str = "0"


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
class Decision:
    """An editor's decision on a derived fact (a fact-check match, a claim membership or its
    misquote flag, a speaker link): ``subject`` is the fact's IRI, ``scheme`` and ``value``
    name the decision (``match`` / ``rejected``), ``target`` what it points the subject to
    where it names something (the claim to merge into, the entity to relink to).

    Stored like every review event: append-only, with reviewer and UTC time; the current
    decision on a subject is the latest. Derived layers read them on every recomputation,
    so a decision always wins over what a layer computes.
    """

    iri: str
    subject: str
    scheme: str
    value: str
    reviewer: str
    time: datetime
    target: str | None = None
    note: str | None = None
    supersedes: str | None = None
