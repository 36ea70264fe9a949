"""Which year's statistics a figure is checked against — the rule, written down.

In order, the first that applies:

1. **stated**: a year written next to the figure in its sentence ("in 2020", "In 2022, ...",
   "had in 1999"; the nearest after the figure within a few words, else the nearest before
   it), or a relative one ("seven years ago": that many years before the year the rest of
   the rule gives). Years that date something else are skipped: "set up in 2001", "since",
   "founded", "joined", "will join in 2024" (and the years listed with one: "joined in 2023
   and 2024"). A year after the data's last ("by 2050")
   makes the figure a forecast.
2. **article**: one recent year (the publication year or the one before) the article states
   elsewhere for its figures ("In 2022, the G20 economies ...").
3. **projection**: a projection without a year ("is projected to have") is for the
   publication year.
4. **publication year**: a share of the world's population is read for the publication year
   (the World Bank's mid-year estimate of that year; such shares move by well under 1% a
   year, and an article about today's world means today's).
5. **assumed**: the publication year − 1, the last complete year of published statistics a
   journalist could have seen — flagged as assumed.

Group membership is always taken on the article's date, whatever the year of the numbers.

>>> year_of("The five countries covered 38.3 million km2 in 2020.", 28, 45, "2023-08-19", "surface_abs")
(2020, 'stated in the sentence')
>>> year_of("SCO represents half of the world's population.", 15, 46, "2022-09-15", "pop_share")
(2022, 'publication year (population share)')
>>> year_of("Its GDP is US$2.5 trillion.", 11, 26, "2017-08-06", "gdp_abs")
(2016, 'publication year - 1 (assumed)')
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.extract._lexicon import NUMBER_WORDS

__all__ = ["context_year", "year_of"]

_YEAR = re.compile(r"(?<![\w$£€.,])(1[89]\d\d|20\d\d)(?![\w%]|,\d|\.\d)")
_NOT_THE_DATA = re.compile(
    r"(?:set up|founded|established|created|formed|launched|since|join(?:ed|s)?|until|"
    r"before|after|from|signed|became|member since|admitted)(?:\s+in)?\s+$", re.I)
_LISTED_ON = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*")
_AGO = re.compile(r"\b(?P<n>\d+|" + "|".join(NUMBER_WORDS) + r")\s+years?\s+(?:ago|earlier|before)\b",
                  re.I)
_PROJECTION = re.compile(r"\b(?:project(?:ed|s|ion)|forecast|expected|predict(?:ed|s)|would have|"
                         r"will have|estimated to reach)\b", re.I)


def _years(text: str) -> list[tuple[int, int]]:
    """(offset, year) of the years in ``text`` that date statistics."""
    out = []
    skipped = -1  # where the last year that dates something else ended
    for m in _YEAR.finditer(text):
        if _NOT_THE_DATA.search(text[max(0, m.start() - 25):m.start()]) or (
                skipped >= 0 and _LISTED_ON.fullmatch(text, skipped, m.start())):
            skipped = m.end()  # "joined in 2023 and 2024": both date the joining
            continue
        out.append((m.start(), int(m.group(1))))
    return out


@lru_cache(maxsize=8)
def context_year(context: str, published: int) -> int | None:
    """The one recent year (``published`` or the year before) the article states for its
    figures, if it states exactly one of them."""
    found = {y for _, y in _years(context) if y in (published, published - 1)}
    return found.pop() if len(found) == 1 else None


def year_of(sentence: str, start: int, end: int, day: str | None, measure: str, *,
            context: str = "") -> tuple[int | None, str]:
    """The reference year of the figure at ``sentence[start:end]`` and the rule that gave it."""
    published = int(day[:4]) if day and day[:4].isdigit() else None
    stated = _years(sentence)
    after = [y for at, y in stated if end <= at <= end + 40]
    before = [y for at, y in stated if at < start]
    ago = _AGO.match(sentence, end, min(len(sentence), end + 40)) or _AGO.search(sentence[end:end + 40])
    base: tuple[int | None, str]
    if after:
        return after[0], "stated in the sentence"
    if before and not ago:
        return before[-1], "stated in the sentence"
    if published is None:
        return None, "no year stated and no publication date"
    in_article = context_year(context, published) if context else None
    if ago is not None:
        n = ago.group("n").lower()
        back = int(n) if n.isdigit() else int(NUMBER_WORDS[n])
        base = (before[-1], "stated") if before else (in_article or published - 1, "assumed")
        if base[0] is not None:
            return base[0] - back, f"{back} years before the {base[1]} year {base[0]}"
    if in_article is not None:
        return in_article, "stated elsewhere in the article"
    if _PROJECTION.search(sentence):
        return published, "publication year (a projection for the present)"
    if measure == "member_count":
        return published, "membership on the article's date"
    if measure == "pop_share":
        return published, "publication year (population share)"
    return published - 1, "publication year - 1 (assumed)"
