"""Words about numbers for :mod:`claims.extract.figures`: spelled numbers of any length,
the words that can never be a figure's unit, units glued to digits, clock-time words and
calendar dates in ISO 8601.

>>> parse_number("twenty-eight thousand six hundred forty-two")
28642.0
>>> unit_word("people"), unit_word("must"), unit_word("during"), unit_word("started")
(True, False, False, False)
>>> iso_date(2018, "Oct.", 14), iso_date(None, "March", 9)
('2018-10-14', '--03-09')
"""

from __future__ import annotations

import re

from claims.extract._lexicon import NUMBER_WORDS

_LARGE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_WORDS = sorted(NUMBER_WORDS, key=len, reverse=True)
_NW = "|".join(_WORDS)
# the first word may be capitalised ("Seven bedrooms"); a character class per word, not
# (?i:...), keeps the regex engine's fast scan (about three times faster on news)
_NW_FIRST = "|".join(f"[{w[0]}{w[0].upper()}]{w[1:]}" for w in _WORDS)
_W = rf"(?:{_NW})(?:-(?:{_NW}))?"
_H = rf"{_W}(?:[\s-]+hundred(?:[\s-]+(?:and\s+)?{_W})?)?"
_H_FIRST = rf"(?:{_NW_FIRST})(?:-(?:{_NW}))?(?:[\s-]+hundred(?:[\s-]+(?:and\s+)?{_W})?)?"
# a spelled number: "forty-two", "six hundred forty-two", "twenty-eight thousand six hundred
# forty-two"; a magnitude that ends it ("five million") is left to the caller's magnitude
SPELLED = rf"(?:{_H_FIRST}(?:,?\s+(?:thousand|million|billion)(?:,?\s+|\s+and\s+){_H})*)"
# where a number may start: a digit or a number word (a look-ahead on its first letter first)
NUMBER_START = rf"\d|\b(?=[{''.join(sorted({w[0] + w[0].upper() for w in _WORDS}))}])(?:{_NW_FIRST})\b"


def parse_number(token: str) -> float | None:
    """A number in digits or words.

    >>> parse_number("1,250.5"), parse_number("twenty-five"), parse_number("two hundred and six")
    (1250.5, 25.0, 206.0)
    """
    t = token.strip().lower().replace(",", "")
    try:
        return float(t)
    except ValueError:
        pass
    total = current = 0.0
    for part in re.split(r"[\s-]+", t):
        if part in NUMBER_WORDS:
            current += NUMBER_WORDS[part]
        elif part == "hundred":
            current = (current or 1) * 100
        elif part in _LARGE:
            total, current = total + (current or 1) * _LARGE[part], 0.0
        elif part != "and" or not (total or current):
            return None
    return total + current


# Words that follow a number and are never what it counts: function words, modal and
# auxiliary verbs, pronouns, prepositions, conjunctions and adverbs ("36 must face trial",
# "the bottom three during a run", "one will"). A unit is a noun.
NOT_UNIT = frozenset([
    "of", "and", "or", "nor", "to", "the", "a", "an", "in", "on", "at", "for", "with", "by", "from",
    "as", "than", "is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "that",
    "which", "who", "whom", "whose", "what", "this", "these", "those", "it", "its", "per", "if", "but",
    "not", "so", "yet", "when", "where", "while", "whether", "because", "although", "though", "unless",
    "until", "since", "after", "before", "during", "into", "onto", "upon", "over", "under", "about",
    "above", "below", "among", "amongst", "between", "through", "throughout", "against", "via",
    "within", "without", "including", "across", "behind", "beside", "besides", "despite", "toward",
    "towards", "near", "off", "out", "up", "down", "around", "along", "amid", "must", "will", "would",
    "can", "could", "should", "may", "might", "shall", "do", "does", "did", "am", "he", "she", "they",
    "we", "i", "you", "him", "her", "them", "us", "me", "his", "our", "their", "my", "your", "there",
    "here", "then", "now", "also", "only", "just", "still", "even", "already", "ever", "never",
    "again", "too", "very", "respectively", "apiece", "each", "every", "all", "both", "either",
    "neither", "another", "other", "such", "no", "any", "some", "same", "own", "last", "next", "later",
    "earlier", "ago", "back", "away", "ahead", "instead", "rather", "almost", "nearly", "roughly",
    "well", "much", "many", "most", "least",
    "year", "years"])
# -ing and -ed words that are nouns after a number ("two buildings" is plural anyway)
_NOUN_ING_ED = frozenset(["building", "meeting", "thing", "king", "wing", "ring", "string",
                          "evening", "morning", "offering", "listing", "filing", "holding",
                          "sibling", "shilling", "ceiling", "seedling", "being", "hundred",
                          "bed", "seed", "speed", "feed", "shed", "sled", "red", "breed", "reed"])


def unit_word(word: str) -> bool:
    """Whether ``word`` can be the noun a number counts or measures."""
    w = word.lower().strip("’'-")
    if not w or w in NOT_UNIT:
        return False
    if w in _NOUN_ING_ED:
        return True
    if (w.endswith("ing") and len(w) > 5) or (w.endswith("ed") and len(w) > 3):
        return False  # "4 started", "30 remaining": a verb or participle
    return not (w.endswith("ly") and len(w) > 4 and w not in ("family", "supply", "ally", "assembly"))


# units written against the digits: "2.4GHz", "100kg", "550MW" (never "5G", "4K", "100m")
GLUED_UNIT = (r"(?:[GMk]?[Hh]z|GHZ|kg|km|cm|mm|mg|ml|mph|kph|km/h|[kMGT]Wh?|mAh|[GTM]B|lbs?|ft|"
              r"b?hp|nm|μm|sq\s?km)(?![\w/])")
# measurement units a number may be written with after a name ("Energy's 550 megawatt plant")
MEASURE = re.compile(r"\s+(?:(?:mega|kilo|giga|tera)?watts?|hp|horsepower|miles?|kilomet(?:er|re)s?|"
                     r"met(?:er|re)s?|feet|foot|inch(?:es)?|tonnes?|tons?|barrels?|acres?|hectares?|"
                     r"lit(?:er|re)s?|gallons?|kilograms?|grams?|ounces?|degrees?|yards?|mph|km)\b")
# words after a number that make it a clock time ("0401 GMT", "9 pm", "10 o'clock")
CLOCK = re.compile(r"\s*(?:[ap]\.?m\b\.?|GMT\b|UTC\b|[ECMP][SD]T\b|BST\b|CET\b|CEST\b|ET\b|PT\b|"
                   r"o[’']clock\b|hours?\s+(?:GMT|UTC|local\s+time)\b|local\s+time\b)")

MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
          "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
          "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
          "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def iso_date(year: int | None, month: str | int, day: int | None = None) -> str | None:
    """ISO 8601 for a calendar date as written: ``2018-10-14``, ``--10-14`` (no year:
    XML Schema's gMonthDay), ``2018-10`` (no day); None when it is no real date."""
    m = month if isinstance(month, int) else month_number(month)
    if m is None or not 1 <= m <= 12:
        return None
    if day is None:
        return f"{year:04d}-{m:02d}" if year else None
    if not 1 <= day <= _DAYS[m - 1] or (m == 2 and day == 29 and year and not _leap(year)):
        return None
    return f"{year:04d}-{m:02d}-{day:02d}" if year else f"--{m:02d}-{day:02d}"


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
