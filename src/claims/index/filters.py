"""What the explorer filters by, and its SQL ``WHERE`` clause.

Free text is matched by the index's full-text table (SQLite FTS5, ``words``); the rules,
written down in docs/frontend.md ("Free text"):

- every word typed must occur (in any order) in the statement or its current speaker; with
  ``titles``, also in its article's title;
- a word matches a word that starts with it ("Puti" finds "Putin"), case and accents
  ignored ("sanchez" finds "Sánchez");
- "words in double quotes" must occur together, in that order;
- punctuation separates words ("U.S." is the phrase "u s"); nothing but punctuation: no
  text filter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from claims.index import facets as _facets


@dataclass(frozen=True, slots=True)
class Filters:
    """What the explorer filters by; ``None`` or empty means "any". ``facets`` filters by
    the derived layers' facets (:mod:`claims.extensions`)."""

    speaker: str | None = None
    kind: str | None = None
    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    status: str | None = None
    text: str = ""
    titles: bool = False  # free text also matches the article's title
    kinds: tuple[str, ...] = ()  # any of these kinds (with ``kind``: both must hold)
    pending: bool = False  # only statements with no attribution verdict yet (the review queue)
    facets: tuple[tuple[str, str | None], ...] = ()  # (facet, value); value None: any value
    quantity: str | None = None  # only figures of this quantity kind ("money", "date", ...)
    dates: bool = True  # False: figures of kind "date" left out (the explorer's default)

    def where(self, *more: str) -> tuple[str, tuple[object, ...]]:
        """The ``WHERE`` clause (empty for no filter) and its parameters: fixed column names,
        every value a bound parameter; ``more`` terms (the caller's SQL) come last.

        >>> Filters(speaker="Ana", text=" Peace ").where("date IS NOT NULL")
        (' WHERE speaker = ? AND rowid IN (SELECT rowid FROM words WHERE words MATCH ?) \
AND date IS NOT NULL', ('Ana', '{text speaker}: ("peace"*)'))
        """
        terms: list[str] = []
        params: list[object] = []
        for column in ("speaker", "kind", "outlet", "status"):
            value = getattr(self, column)
            if value:
                terms.append(f"{column} = ?")
                params.append(value)
        if self.kinds:
            terms.append(f"kind IN ({', '.join('?' * len(self.kinds))})")
            params.extend(self.kinds)
        if self.pending:
            terms.append("verdict IS NULL")
        if self.quantity:
            terms.append("quantity = ?")
            params.append(self.quantity)
        if not self.dates:
            terms.append("quantity IS NOT 'date'")
        if self.since is not None:
            terms.append("date >= ?")
            params.append(self.since.isoformat())
        if self.until is not None:
            terms.append("date <= ?")
            params.append(self.until.isoformat())
        found = match(self.text, titles=self.titles)
        if found:
            terms.append("rowid IN (SELECT rowid FROM words WHERE words MATCH ?)")
            params.append(found)
        facet_terms, facet_params = _facets.where(self.facets)
        terms.extend(facet_terms)
        params.extend(facet_params)
        terms.extend(more)
        return (" WHERE " + " AND ".join(terms) if terms else ""), tuple(params)


_PHRASE = re.compile(r'"([^"]*)"?|([^\s"]+)')
_WORD = re.compile(r"\w+")


def match(text: str, *, titles: bool = False) -> str:
    """The FTS5 query for free text ``text`` (the rules above); "" when it has no word.

    >>> match('Putin "special operation" U.S.')
    '{text speaker}: ("putin"* AND "special operation"* AND "u s"*)'
    >>> match("Putin", titles=True), match(" -- ")
    ('("putin"*)', '')
    """
    phrases = []
    for quoted, bare in _PHRASE.findall(text):
        words = _WORD.findall((quoted or bare).lower())
        if words:
            phrases.append(f'"{" ".join(words)}"*')
    if not phrases:
        return ""
    body = "(" + " AND ".join(phrases) + ")"
    return body if titles else "{text speaker}: " + body
