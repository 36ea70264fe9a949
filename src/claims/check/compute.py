"""The check: the reference value of a figure, its relative error and a verdict.

- ``accurate``: within 10% of the reference value; ``roughly_right``: within 25%;
  ``inaccurate``: beyond. The relative error is ``|claimed - computed| / computed``; 0 when
  a bound holds ("more than 628 million" and 648 million), else the distance to the bound; a
  range is judged by its nearest end. A rank or a member count is judged the same way.
- ``ambiguous``: the sentence does not say nominal or PPP GDP ("the global economy") and the
  two give different verdicts (both are kept); when they agree, that verdict, nominal first.
- ``uncheckable``: the data cannot answer (a series not in it, a forecast beyond it, no
  country or group found, no member with data).

Each check keeps its arithmetic: the series and year, the members counted with their values
(members without data listed apart), the world total for a share, the result, the verdict
and whether the figure over- or understates.

>>> from claims.check.reading import Reading
>>> from claims.check.entities import group_entity
>>> from claims.statements import Span
>>> r = Reading("half of the world's population", Span(0, 30), "pop_share",
...             group_entity("SCO", "2022-09-15", "named"), 2022, "stated", 50.0, "%", "approx")
>>> c = compute(r)
>>> round(c.computed, 2), c.verdict, c.direction
(41.28, 'roughly_right', 'overstated')
"""

from __future__ import annotations

from dataclasses import dataclass

from claims.check.reading import Reading
from claims.reference import statistics
from claims.reference.statistics import SERIES

__all__ = ["VERDICTS", "Check", "Part", "compute", "verdict_of"]

VERDICTS = ("accurate", "roughly_right", "inaccurate", "ambiguous", "uncheckable")
ACCURATE, ROUGHLY = 0.10, 0.25

_SERIES = {"pop": "population", "gdp": "gdp_usd", "ppp": "gdp_ppp", "surface": "surface_km2",
           "exports": "exports_usd"}


@dataclass(frozen=True, slots=True)
class Part:
    """One computation: the measure, series and year, the values of the members counted (ISO3,
    value), the members without data, the denominator (the world's value) for a share, the
    computed value, its relative error and verdict."""

    measure: str
    series: str
    year: int
    values: tuple[tuple[str, float], ...]
    missing: tuple[str, ...]
    total: float
    world: float | None
    computed: float
    rel_error: float
    verdict: str

    @property
    def detail(self) -> str:
        """The arithmetic, as a fact-checker writes it."""
        gap = f"; no data: {' '.join(self.missing)}" if self.missing else ""
        if self.measure.startswith("rank"):
            top = "; ".join(f"{c} {v:,.0f}" for c, v in self.values[:3])
            return f"rank {self.computed:.0f}: {top} ({self.series}, {self.year}{gap})"
        if self.world is not None:
            return (f"{self.total:,.0f} / WLD {self.world:,.0f} = {self.computed:.3f}% "
                    f"({self.series}, {self.year}{gap})")
        if self.measure == "member_count":
            return f"{self.computed:.0f} members"
        if self.measure == "gdp_growth":
            return f"{self.computed:.2f}% real GDP growth ({self.series}, {self.year})"
        return f"{self.computed:,.0f} ({self.series}, {self.year}{gap})"


@dataclass(frozen=True, slots=True)
class Check:
    """A figure checked: the reading, the computations (two when nominal and PPP GDP are both
    computed), the verdict, whether it over- or understates, and why it is uncheckable."""

    reading: Reading
    parts: tuple[Part, ...]
    verdict: str
    direction: str | None = None
    reason: str = ""

    @property
    def computed(self) -> float | None:
        return self.parts[0].computed if self.parts else None

    @property
    def rel_error(self) -> float | None:
        return self.parts[0].rel_error if self.parts else None

    @property
    def detail(self) -> str:
        return " || ".join(f"{p.measure}: {p.detail}" if len(self.parts) > 1 else p.detail
                           for p in self.parts)


def verdict_of(rel_error: float) -> str:
    return "accurate" if rel_error <= ACCURATE else "roughly_right" if rel_error <= ROUGHLY else "inaccurate"


def _error(r: Reading, computed: float) -> float:
    claimed = r.claimed if r.claimed is not None else 0.0
    if computed == 0:
        return 0.0 if claimed == 0 else float("inf")
    if r.comparator == "at_least" and computed >= claimed:
        return 0.0
    if r.comparator == "at_most" and computed <= claimed:
        return 0.0
    if r.comparator == "range" and r.upper is not None:
        lo, hi = sorted((claimed, r.upper))
        if lo <= computed <= hi:
            return 0.0
        claimed = lo if computed < lo else hi
    return abs(claimed - computed) / abs(computed)


def compute(r: Reading) -> Check:
    """Check one reading against the reference data."""
    if r.uncheckable:
        return Check(r, (), "uncheckable", reason=r.uncheckable)
    if r.entity is None or not r.entity.members:
        return Check(r, (), "uncheckable", reason="no country or group with members found")
    if r.claimed is None:
        return Check(r, (), "uncheckable", reason="no value claimed")
    if r.measure == "member_count":
        n = float(len(r.entity.members))
        err = _error(r, n)
        part = Part("member_count", "membership", int((r.day or "0")[:4]), (), (), n, None, n, err,
                    verdict_of(err))
        return _finish(r, (part,))
    measures = r.measure.split("|")
    parts: list[Part] = []
    for measure in measures:
        done = _part(r, measure)
        if isinstance(done, str):
            return Check(r, (), "uncheckable", reason=done)
        parts.append(done)
    return _finish(r, tuple(parts))


def _finish(r: Reading, parts: tuple[Part, ...]) -> Check:
    verdicts = {p.verdict for p in parts}
    verdict = parts[0].verdict if len(verdicts) == 1 else "ambiguous"
    first = parts[0]
    direction = None
    if r.claimed is not None and first.rel_error > 0 and len(verdicts) == 1:
        direction = "overstated" if r.claimed > first.computed else "understated"
        if r.measure.startswith("rank"):
            direction = None
    reason = ("nominal and PPP GDP give different verdicts: "
              + ", ".join(f"{p.measure} {p.verdict}" for p in parts)) if verdict == "ambiguous" else ""
    return Check(r, parts, verdict, direction, reason)


def _part(r: Reading, measure: str) -> Part | str:
    kind, _, what = measure.partition("_")
    if measure in ("rank_gdp", "rank_pop"):
        kind, what = ("gdp" if measure == "rank_gdp" else "pop"), "rank"
    if measure == "pop_diff":
        kind, what = "pop", "diff"
    series = "gdp_growth_pct" if measure == "gdp_growth" else _SERIES.get(kind)
    if series is None or r.year is None or r.entity is None:
        return f"{measure} is not a series of the reference data"
    year = r.year
    world = statistics.value(series, "WLD", year)
    if world is None:
        last = statistics.latest(series)
        return (f"no {SERIES[series].label} for {year} in the reference data (last: {last}); "
                "a forecast or a year not yet published")
    values = [(c, statistics.value(series, c, year)) for c in r.entity.members]
    have = tuple((c, v) for c, v in values if v is not None)
    missing = tuple(c for c, v in values if v is None)
    if not have:
        return f"no {SERIES[series].label} for {r.entity.label} in {year}"
    total = sum(v for _, v in have)
    share: float | None = None
    if what == "rank":
        ranked = tuple(sorted(have, key=lambda cv: -cv[1]))
        place = next((i + 1 for i, (c, _) in enumerate(ranked) if c == r.subject), None)
        if place is None:
            return f"no {SERIES[series].label} for {r.subject} in {year}"
        computed, have = float(place), ranked
        err = 0.0 if place == r.claimed else 1.0
        return Part(measure, series, year, have, missing, total, None, computed, err,
                    "accurate" if err == 0 else "inaccurate")
    if what == "growth":
        if len(have) != 1:
            return "the growth of a group is not the sum of its members' growth"
        computed = have[0][1]
    elif what == "diff":
        a, b = (statistics.value(series, c, year) for c in r.entity.members[:2])
        if a is None or b is None:
            return f"no {SERIES[series].label} for {r.entity.label} in {year}"
        computed = a - b
    elif what == "share":
        share = world
        computed = total / world * 100
    else:
        computed = total
    err = _error(r, computed)
    return Part(measure, series, year, have, missing, total, share, computed, err, verdict_of(err))
