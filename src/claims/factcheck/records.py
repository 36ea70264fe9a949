"""Published fact-checks as value types, read from the forms fact-checkers publish them in.

:func:`from_claimreview` reads one schema.org ``ClaimReview`` object (JSON-LD, either form of
``itemReviewed``: the legacy ``CreativeWork`` or ``Claim``), :func:`from_google` one
``claims[]`` item of the Google Fact Check Tools API (one fact-check per ``claimReview``),
:func:`from_row` one row of JSON Lines / CSV with the fields of CheckThat!'s ``vclaims``
(``id, claim, title, date, stated, speaker, rating, url``). Each raises a coded error
(:mod:`claims.errors`) that names what is wrong; the importer adds the file and record.

>>> fc = from_row({"claim": "Says the moon is cheese.", "speaker": "Jane Doe", "rating": "pants-fire",
...                "url": "https://www.politifact.com/factchecks/2020/x/", "date": "2020-01-02"})
>>> fc.publisher, fc.rating, fc.claimant, fc.claim_date
('PolitiFact', 'false', 'Jane Doe', '2020-01-02')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from claims.errors import MalformedFactCheck, MissingFactCheckRating, NotAClaimReview
from claims.factcheck.ratings import normalise

__all__ = ["FactCheck", "from_claimreview", "from_google", "from_row", "parse_date", "publisher_of"]


@dataclass(frozen=True, slots=True)
class FactCheck:
    """One published fact-check: the claim it rates, who made the claim and when, the rating as
    published and normalised (a notation of ``claims:Ratings``, None when the label is not in
    ``ontology/ratings.ttl``), the publisher and the language."""

    url: str
    claim: str
    rating_text: str
    rating: str | None
    publisher: str
    publisher_url: str | None = None
    claimant: str | None = None
    claim_date: str | None = None
    review_date: str | None = None
    title: str | None = None
    language: str | None = None
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    appearances: tuple[str, ...] = ()
    record_id: str | None = None

    @property
    def source(self) -> str:
        """The key of the source's named graph: the publisher's host (``politifact.com``)."""
        return source_key(self.publisher_url or self.url)


@lru_cache(maxsize=65_536)
def source_key(url: str) -> str:
    host = (urlsplit(url).hostname or "unknown").lower()
    return host.removeprefix("www.")


# Well-known publishers by host, for records that give only a URL.
_PUBLISHERS = {"politifact.com": "PolitiFact", "fullfact.org": "Full Fact", "factcheck.org": "FactCheck.org",
               "snopes.com": "Snopes", "factcheck.afp.com": "AFP Fact Check",
               "washingtonpost.com": "The Washington Post", "leadstories.com": "Lead Stories"}


def publisher_of(url: str) -> str:
    """A publisher's name from a URL: a known one, else the host."""
    key = source_key(url)
    return _PUBLISHERS.get(key, key)


# ---------------------------------------------------------------- dates

_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                       "sep", "oct", "nov", "dec"), start=1)}
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_DMY = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")  # 11 Mar 2020
_MDY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b")  # October 22, 2019
_SLASH = re.compile(r"^\s*(\d{4})/(\d{1,2})/(\d{1,2})\b")


def parse_date(value: object) -> str | None:
    """The calendar day of a date as publishers write it, ISO ``YYYY-MM-DD`` (None if none is
    there); the day as written, no time-zone conversion.

    >>> parse_date("Wed, 11 Mar 2020 01:05:52 UTC +00:00"), parse_date("October 22, 2019")
    ('2020-03-11', '2019-10-22')
    >>> parse_date("2023-08-18T10:00:00Z"), parse_date("Sun, 23 Feb 2020"), parse_date("soon")
    ('2023-08-18', '2020-02-23', None)
    """
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    found: tuple[int, int, int] | None = None
    if m := _ISO.match(text) or _SLASH.match(text):
        found = (int(m[1]), int(m[2]), int(m[3]))
    elif (m := _DMY.search(text)) and m[2][:3].lower() in _MONTHS:
        found = (int(m[3]), _MONTHS[m[2][:3].lower()], int(m[1]))
    elif (m := _MDY.search(text)) and m[1][:3].lower() in _MONTHS:
        found = (int(m[3]), _MONTHS[m[1][:3].lower()], int(m[2]))
    if found is None:
        return None
    try:
        return date(*found).isoformat()
    except ValueError:
        return None


# ---------------------------------------------------------------- languages

_SCRIPTS = (("SINHALA", "si"), ("TAMIL", "ta"), ("DEVANAGARI", "hi"), ("BENGALI", "bn"),
            ("ARABIC", "ar"), ("CYRILLIC", "ru"), ("GREEK", "el"), ("HEBREW", "he"),
            ("THAI", "th"), ("HANGUL", "ko"), ("MALAYALAM", "ml"), ("TELUGU", "te"),
            ("GUJARATI", "gu"), ("GURMUKHI", "pa"), ("KANNADA", "kn"), ("GEORGIAN", "ka"))


_NON_LATIN = re.compile(r"[^\W\x00-\u036f]")  # a letter beyond Latin and IPA


def script_language(text: str) -> str | None:
    """The language a text's script tells without doubt (Sinhala, Tamil, …), else None: a
    Latin-script text is not guessed.

    >>> script_language("කාන්තාරයක තිබූ"), script_language("Hello")
    ('si', None)
    """
    if not _NON_LATIN.search(text):  # Latin (and IPA) letters only: nothing to tell
        return None
    counts: dict[str, int] = {}
    letters = 0
    for ch in text:
        if not ch.isalpha():
            continue
        letters += 1
        name = unicodedata.name(ch, "")
        for script, code in _SCRIPTS:
            if name.startswith(script):
                counts[code] = counts.get(code, 0) + 1
                break
    if not counts or not letters:
        return None
    code, n = max(counts.items(), key=lambda kv: kv[1])
    return code if n * 2 > letters else None


def _language(value: object) -> str | None:
    if isinstance(value, Mapping):
        value = value.get("alternateName") or value.get("name")
    if isinstance(value, str) and re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", value.strip()):
        return value.strip().lower()
    return None


# ---------------------------------------------------------------- JSON-LD ClaimReview


def _text(value: object) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if _text(v)), None)
    if isinstance(value, Mapping):
        value = value.get("name") or value.get("@value")
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = " ".join(str(value).split())
        return text or None
    return None


def _first(value: object) -> Mapping[str, Any] | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, Mapping)), None)
    return value if isinstance(value, Mapping) else None


def _number(value: object, what: str) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise MalformedFactCheck(f"{what} is {value!r}, not a number")
    try:
        return float(str(value).strip())
    except ValueError:
        raise MalformedFactCheck(f"{what} is {value!r}, not a number") from None


def _types(obj: Mapping[str, Any]) -> set[str]:
    kind = obj.get("@type", ())
    kinds = [kind] if isinstance(kind, str) else list(kind) if isinstance(kind, list) else []
    return {str(k).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for k in kinds}


def _url(value: object, what: str) -> str:
    text = _text(value) if not isinstance(value, Mapping) else _text(value.get("url") or value.get("@id"))
    if not text or urlsplit(text).scheme not in ("http", "https") or not urlsplit(text).hostname \
            or re.search(r"[\s<>\"{}|\\^`]", text):
        raise MalformedFactCheck(f"{what} {text!r} is not an absolute http(s) URL")
    return text


def from_claimreview(obj: object) -> FactCheck:
    """One ClaimReview object, as fact-checkers publish it."""
    if not isinstance(obj, Mapping):
        raise MalformedFactCheck(f"a {type(obj).__name__}, not a JSON object")
    if "ClaimReview" not in _types(obj):
        kinds = ", ".join(sorted(_types(obj))) or "no @type"
        raise NotAClaimReview(f"@type is {kinds}")
    url = _url(obj.get("url") or obj.get("@id"), "url")
    item = _first(obj.get("itemReviewed")) or {}
    claim = _text(obj.get("claimReviewed")) or _text(item.get("name")) or _text(obj.get("name"))
    if not claim:
        raise MalformedFactCheck("no claimReviewed (nor itemReviewed.name): nothing says what was checked")
    rating = _first(obj.get("reviewRating"))
    if rating is None:
        raise MissingFactCheckRating("no reviewRating")
    value = _number(rating.get("ratingValue"), "ratingValue")
    best = _number(rating.get("bestRating"), "bestRating")
    worst = _number(rating.get("worstRating"), "worstRating")
    label = _text(rating.get("alternateName")) or _text(rating.get("name"))
    if label is None and value is None:
        raise MissingFactCheckRating("reviewRating has neither alternateName nor ratingValue")
    author = _first(obj.get("author")) or {}
    publisher_url = _text(author.get("url"))
    publisher = _text(author.get("name")) or publisher_of(publisher_url or url)
    claimant = _first(item.get("author")) or {}
    appearances = [a for a in (item.get("appearance") or []) if isinstance(a, Mapping)] \
        if isinstance(item.get("appearance"), list) else [_first(item.get("appearance")) or {}]
    language = _language(obj.get("inLanguage")) or _language(item.get("inLanguage")) \
        or script_language(claim)
    return FactCheck(
        url=url, claim=claim, rating_text=label or _scale_text(value, best, worst),
        rating=normalise(label, value, best, worst), publisher=publisher,
        publisher_url=publisher_url, claimant=_text(claimant.get("name")) or _text(item.get("author")),
        claim_date=parse_date(item.get("datePublished")) or parse_date(claimant.get("datePublished")),
        review_date=parse_date(obj.get("datePublished")), title=_text(obj.get("headline")),
        language=language, rating_value=value, best_rating=best, worst_rating=worst,
        appearances=tuple(u for a in appearances if (u := _text(a.get("url")))))


def _scale_text(value: float | None, best: float | None, worst: float | None) -> str:
    def num(x: float | None) -> str:
        return "?" if x is None else f"{x:g}"
    return f"{num(value)} (best {num(best)}, worst {num(worst)})"


# ---------------------------------------------------------------- Google Fact Check Tools


def from_google(item: object) -> list[FactCheck]:
    """The fact-checks of one ``claims[]`` item of the Fact Check Tools API (``claimReview[]``)."""
    if not isinstance(item, Mapping):
        raise MalformedFactCheck(f"a {type(item).__name__}, not a claims[] object")
    claim = _text(item.get("text"))
    if not claim:
        raise MalformedFactCheck("a claims[] item without text")
    reviews = item.get("claimReview")
    if not isinstance(reviews, list) or not reviews:
        raise MissingFactCheckRating("a claims[] item without claimReview")
    out = []
    for review in reviews:
        if not isinstance(review, Mapping):
            raise MalformedFactCheck("a claimReview that is not an object")
        url = _url(review.get("url"), "claimReview url")
        label = _text(review.get("textualRating"))
        if not label:
            raise MissingFactCheckRating(f"claimReview {url} has no textualRating")
        publisher = _first(review.get("publisher")) or {}
        site = _text(publisher.get("site"))
        out.append(FactCheck(
            url=url, claim=claim, rating_text=label, rating=normalise(label),
            title=_text(review.get("title")),
            publisher=_text(publisher.get("name")) or publisher_of(url),
            publisher_url=f"https://{site}" if site and "://" not in site else site,
            claimant=_text(item.get("claimant")), claim_date=parse_date(item.get("claimDate")),
            review_date=parse_date(review.get("reviewDate")),
            language=_language(review.get("languageCode")) or script_language(claim)))
    return out


# ---------------------------------------------------------------- rows (JSON Lines, CSV)


def from_row(row: object) -> FactCheck:
    """One row with the fields of CheckThat!'s vclaims (``rating`` as the publisher's slug or
    label; ``publisher`` and ``language`` optional)."""
    if not isinstance(row, Mapping):
        raise MalformedFactCheck(f"a {type(row).__name__}, not an object")
    if "@type" in row:
        return from_claimreview(row)
    url = _url(row.get("url"), "url")
    claim = _text(row.get("claim"))
    if not claim:
        raise MalformedFactCheck("no claim")
    label = _text(row.get("rating"))
    if not label:
        raise MissingFactCheckRating("no rating")
    return FactCheck(
        url=url, claim=claim, rating_text=label, rating=normalise(label), title=_text(row.get("title")),
        publisher=_text(row.get("publisher")) or publisher_of(url), claimant=_text(row.get("speaker")),
        claim_date=parse_date(row.get("date")) or parse_date(row.get("stated")),
        review_date=parse_date(row.get("review_date")),
        language=_language(row.get("language")) or script_language(claim),
        record_id=_text(row.get("id")))
