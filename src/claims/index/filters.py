"""What the explorer filters by, and its SQL ``WHERE`` clause."""

from __future__ import annotations

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
    facets: tuple[tuple[str, str | None], ...] = ()  # (facet, value); value None: any value

    def where(self, *more: str) -> tuple[str, tuple[object, ...]]:
        """The ``WHERE`` clause (empty for no filter) and its parameters: fixed column names,
        every value a bound parameter; ``more`` terms (the caller's SQL) come last.

        >>> Filters(speaker="Ana", text=" Peace ").where("date IS NOT NULL")
        (' WHERE speaker = ? AND instr(search, ?) > 0 AND date IS NOT NULL', ('Ana', 'peace'))
        """
        terms: list[str] = []
        params: list[object] = []
        for column in ("speaker", "kind", "outlet", "status"):
            value = getattr(self, column)
            if value:
                terms.append(f"{column} = ?")
                params.append(value)
        if self.since is not None:
            terms.append("date >= ?")
            params.append(self.since.isoformat())
        if self.until is not None:
            terms.append("date <= ?")
            params.append(self.until.isoformat())
        if self.text.strip():
            terms.append("instr(search, ?) > 0")
            params.append(self.text.strip().lower())
        facet_terms, facet_params = _facets.where(self.facets)
        terms.extend(facet_terms)
        params.extend(facet_params)
        terms.extend(more)
        return (" WHERE " + " AND ".join(terms) if terms else ""), tuple(params)
