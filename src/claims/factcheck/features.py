"""What a fact-checker weighs beyond shared words, as numbers for the re-ranker: the claimant
against the statement's speaker (surnames, titles dropped), the dates, the numbers and the
names both mention, negation on one side only.

>>> surname("PRESIDENT OBAMA"), surname("Mr. Romney"), surname("Donald J. Trump Jr.")
('obama', 'romney', 'trump')
>>> sorted(numbers("down $4,300 and 23 million, 10%"))
['10', '23000000', '4300']
>>> sorted(names("He met Vladimir Putin in Samarkand."))
['putin', 'samarkand', 'vladimir']
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TITLES = _words(
    "mr mrs ms miss dr president vice senator sen gov governor rep representative secretary former "
    "speaker mayor sir madam the hon honorable jr sr ii iii prime minister candidate moderator")
_NEGATIONS = _words(
    "not no never none nobody nothing neither nor cannot didn't doesn't don't isn't wasn't weren't "
    "won't wouldn't haven't hasn't hadn't can't couldn't shouldn't aren't")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_NUMBER = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)\s*(percent|%|million|billion|trillion|thousand)?",
                     re.IGNORECASE)
_SCALE = {"million": 1e6, "billion": 1e9, "trillion": 1e12, "thousand": 1e3}
_CAPITAL = re.compile(r"\b([A-Z][a-z]+(?:['’][a-z]+)?|[A-Z]{2,})\b")
_COMMON_CAPS = _words(
    "i a the we it he she they you this that there these those and but so if in on at for of to my "
    "our your his her their its what when where who why how as or all some many most one two yes no "
    "well now then also because let look said says just very here says i'm it's that's we're")
_NON_PERSON = re.compile(r"\b(posts?|users?|image|video|websites?|blog|bloggers?|chain|email|tweets?|"
                         r"memes?|social media|viral|ads?|pac|committee|party)\b", re.IGNORECASE)


@lru_cache(maxsize=65_536)
def surname(name: str | None) -> str | None:
    """The family name of a speaker or claimant as written (titles and suffixes dropped), lower case."""
    if not name:
        return None
    words = [w.strip(".'’").lower() for w in _WORD.findall(name)]
    words = [w for w in words if w and w not in _TITLES and len(w) > 1]
    return words[-1] if words else None


def non_person(name: str | None) -> bool:
    """A claimant that is no person ("Facebook posts", "Viral image", "Chain email")."""
    return bool(name and _NON_PERSON.search(name))


def numbers(text: str) -> frozenset[str]:
    """The numbers a text gives, as plain values (``$4,300`` -> ``4300``, ``23 million`` -> ``23000000``);
    years and small counts included."""
    out = set()
    for digits, unit in _NUMBER.findall(text):
        try:
            value = float(digits.replace(",", ""))
        except ValueError:
            continue
        value *= _SCALE.get(unit.lower(), 1.0) if unit else 1.0
        out.add(f"{value:.6g}" if value < 1e6 else str(round(value)))
    return frozenset(out)


def names(text: str) -> frozenset[str]:
    """Capitalised words that are not sentence openers or function words: the names a text mentions."""
    return frozenset(w.lower() for w in _CAPITAL.findall(text) if w.lower() not in _COMMON_CAPS)


_STOP = _words(
    "a an the and or but if of to in on at by for with from as is are was were be been being it its this "
    "that these those there here we you he she they i me my our your his her their them us do does did "
    "have has had not no will would can could should may might must shall so than then too very just "
    "about into over after before up down out what which who whom when where why how all any both each "
    "few more most other some such only own same says said say")


@lru_cache(maxsize=65_536)
def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content(text: str) -> frozenset[str]:
    """A text's content words, crudely stemmed: what the coverage features compare.

    >>> sorted(content("The attempts to create a unipolar world"))
    ['attempt', 'create', 'unipolar', 'world']
    """
    words = re.findall(r"[a-z0-9]+", text.lower())
    return frozenset(_stem(w) for w in words if w not in _STOP and len(w) > 1)


def negated(text: str) -> bool:
    return any(w.lower().replace("’", "'") in _NEGATIONS or w.lower().endswith("n't")
               for w in re.findall(r"[A-Za-z'’]+", text))


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Side:
    """What the features read of a statement or a fact-check, computed once."""

    text: str
    person: str | None
    day: date | None
    numbers: frozenset[str]
    names: frozenset[str]
    negated: bool
    non_person: bool
    content: frozenset[str]

    @classmethod
    def of(cls, text: str, person: str | None = None, day: str | None = None) -> Side:
        return cls(text, surname(person), _day(day), numbers(text), names(text), negated(text),
                   non_person(person), content(text))


# The pairwise features, in the order of the re-ranker's weights (besides the retrieval scores).
PAIR_FEATURES = ("query_coverage", "doc_coverage", "same_person", "claimant_not_person", "speaker_named",
                 "log_days", "after",
                 "no_dates", "shared_numbers", "numbers_missing", "shared_names", "names_jaccard",
                 "negation_differs", "same_day", "days_3", "days_30", "days_365", "days_older",
                 "days_after", "same_person_recent")

# How long before the statement the fact-checked claim was made, in days (``days_after``: made
# later): most claims are checked again when repeated within the year, or the same day in a debate.
_GAPS = ((0, 0), (-3, -1), (-30, -4), (-365, -31), (-1_000_000, -366), (1, 1_000_000))


def pair(query: Side, doc: Side) -> list[float]:
    """The pairwise features of a statement and a fact-check."""
    same = float(bool(query.person and doc.person and query.person == doc.person))
    named = float(bool(query.person and query.person in doc.names))
    gap: int | None = None
    if query.day and doc.day:
        gap = (doc.day - query.day).days
        log_days, after, no_dates = math.log1p(abs(gap)) / 10, float(gap >= 0), 0.0
    else:
        log_days, after, no_dates = 0.0, 0.0, 1.0
    buckets = [float(gap is not None and low <= gap <= high) for low, high in _GAPS]
    recent = same * float(gap is not None and -365 <= gap <= 0)
    shared_n = len(query.numbers & doc.numbers)
    missing_n = float(bool(query.numbers) and not shared_n)
    shared = len(query.names & doc.names)
    union = len(query.names | doc.names)
    common = len(query.content & doc.content)
    return [common / len(query.content) if query.content else 0.0,
            common / len(doc.content) if doc.content else 0.0, same, float(doc.non_person), named,
            log_days, after, no_dates, math.log1p(shared_n),
            missing_n, math.log1p(shared), shared / union if union else 0.0,
            float(query.negated != doc.negated), *buckets, recent]
