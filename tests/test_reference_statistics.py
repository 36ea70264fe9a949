"""The World Bank indicators the figure checker reads (claims.reference.statistics)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from claims.reference import build, statistics
from claims.reference.statistics import SERIES, latest, value


def test_values_by_series_economy_and_year() -> None:
    assert value("population", "WLD", 2022) == 7_988_550_201
    assert value("population", "CHN", 2022) is not None
    assert value("gdp_usd", "USA", 2022) is not None and value("gdp_usd", "USA", 2022) > 2e13
    assert value("surface_km2", "RUS", 2020) is not None and value("surface_km2", "RUS", 2020) > 1.7e7


def test_no_data_is_none_not_zero() -> None:
    assert value("population", "TWN", 2022) is None  # Taiwan is not in the WDI
    assert value("population", "WLD", 1980) is None  # the table starts in 1990
    assert value("gdp_ppp", "WLD", latest("gdp_ppp") + 1) is None


def test_every_series_names_its_world_bank_code() -> None:
    assert {s.code for s in SERIES.values()} >= {"SP.POP.TOTL", "NY.GDP.MKTP.CD", "AG.SRF.TOTL.K2"}
    assert latest("population") >= 2023


def test_rebuild_gives_the_same_bytes_and_the_same_numbers(tmp_path: Path) -> None:
    if not build.SHARED.is_dir():
        pytest.skip("no ../shared/reference")
    (written,) = statistics.build(build.SHARED, tmp_path)
    shipped = build._REPO / "statistics.csv.gz"
    assert written.read_bytes() == shipped.read_bytes()
    with open(build.SHARED / "wb_population.csv", encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["iso3"] == "IND" and r["year"] == "2016"]
    assert value("population", "IND", 2016) == float(rows[0]["value"])
