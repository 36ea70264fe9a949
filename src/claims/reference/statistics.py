"""Country statistics: World Bank indicators by country (or aggregate) and year.

One shipped table, ``statistics.csv.gz`` (built from ``../shared/reference/wb_*.csv``;
World Bank, World Development Indicators, CC BY 4.0): one row per economy or aggregate
(``WLD`` the world) and year since 1990, one column per :data:`SERIES`. Read once, on
first use.

>>> value("population", "WLD", 2022)
7988550201.0
>>> SERIES["gdp_ppp"].code
'NY.GDP.MKTP.PP.CD'
>>> value("population", "TWN", 2022) is None
True
"""

from __future__ import annotations

import csv
import gzip
import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from claims.reference import table

__all__ = ["SERIES", "SOURCE", "Series", "build", "latest", "value"]

SOURCE = "World Bank, World Development Indicators (CC BY 4.0)"


@dataclass(frozen=True, slots=True)
class Series:
    """One indicator: our short name, the World Bank's code, its unit, the source file and
    how it was derived where the World Bank does not publish the total itself."""

    name: str
    code: str
    label: str
    unit: str
    file: str
    derived: str = ""


SERIES: dict[str, Series] = {s.name: s for s in (
    Series("population", "SP.POP.TOTL", "population (mid-year)", "people", "wb_population.csv"),
    Series("gdp_usd", "NY.GDP.MKTP.CD", "GDP, current US$", "US$", "wb_gdp_usd.csv"),
    Series("gdp_ppp", "NY.GDP.MKTP.PP.CD", "GDP, PPP, current international $", "intl$",
           "wb_gdp_ppp_intl.csv", "NY.GDP.PCAP.PP.CD x SP.POP.TOTL"),
    Series("surface_km2", "AG.SRF.TOTL.K2", "surface area (land and inland water)", "km2",
           "wb_surface_area_km2.csv"),
    Series("gdp_growth_pct", "NY.GDP.MKTP.KD.ZG", "GDP growth (annual %, real)", "%",
           "wb_gdp_growth_pct.csv"),
    Series("exports_usd", "NE.EXP.GNFS.CD", "exports of goods and services, current US$", "US$",
           "wb_exports_gs_usd.csv", "NE.EXP.GNFS.ZS / 100 x NY.GDP.MKTP.CD"),
)}


def value(series: str, iso3: str, year: int) -> float | None:
    """The value of ``series`` for ``iso3`` in ``year``, else None (no data)."""
    return _values()[series].get((iso3, year))


def latest(series: str) -> int:
    """The last year the series has a world (``WLD``) value for."""
    return max(y for (code, y) in _values()[series] if code == "WLD")


@cache
def _values() -> dict[str, dict[tuple[str, int], float]]:
    out: dict[str, dict[tuple[str, int], float]] = {name: {} for name in SERIES}
    for row in table("statistics"):
        key = (row["iso3"], int(row["year"]))
        for name in SERIES:
            if row[name]:
                out[name][key] = float(row[name])
    return out


# -- building the shipped table from ../shared/reference ------------------------------------

def build(source: Path, target: Path) -> list[Path]:
    """Write ``statistics.csv.gz``: every series of :data:`SERIES` side by side, one row per
    economy and year (values as the source writes them)."""
    rows: dict[tuple[str, int], dict[str, str]] = {}
    for series in SERIES.values():
        with open(source / series.file, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                if r["value"]:
                    rows.setdefault((r["iso3"], int(r["year"])), {})[series.name] = r["value"]
    path = target / "statistics.csv.gz"
    # mtime 0: the same bytes for the same data
    with gzip.GzipFile(path, "wb", mtime=0) as raw, \
            io.TextIOWrapper(raw, encoding="utf-8", newline="") as text:
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(["iso3", "year", *SERIES])
        for (code, year), values in sorted(rows.items()):
            writer.writerow([code, year, *(values.get(name, "") for name in SERIES)])
    return [path]
