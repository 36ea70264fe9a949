"""Figures: digits, words, money, percentages, proportions, ranges, years, durations."""

from __future__ import annotations

import pytest

from claims.document import Document
from claims.extract.figures import find_figures, parse_number
from claims.statements import Quantity


def _figs(text: str) -> list[tuple[str, Quantity | None]]:
    return [(s.text, s.quantity) for s in find_figures(Document.from_text(text, id="t"))]


@pytest.mark.parametrize(("text", "phrase", "value", "kind", "unit"), [
    ("It cost $3 billion.", "$3 billion", 3e9, "money", "USD"),
    ("Shares fell 6.9% on Friday.", "6.9%", 6.9, "percentage", "%"),
    ("Inflation was 2.5 per cent.", "2.5 per cent", 2.5, "percentage", "%"),
    ("An eight-nation group met.", "eight-nation", 8.0, "count", "nation"),
    ("Some 300 residents fled.", "Some 300 residents", 300.0, "count", "residents"),
    ("A one-day visit.", "one-day", 1.0, "duration", "day"),
    ("It rose 1,250 points.", "1,250 points", 1250.0, "count", "points"),
])
def test_values(text: str, phrase: str, value: float, kind: str, unit: str) -> None:
    figs = dict(_figs(text))
    q = figs[phrase]
    assert q is not None and (q.value, q.kind, q.unit) == (value, kind, unit)


def test_approximation_and_range() -> None:
    (_, q), = _figs("They spent about $5 million.")
    assert q is not None and q.approximate and q.qualifier == "about"
    (_, r), = _figs("Temperatures fell by 1 to 1.5 degrees.")
    assert r is not None and (r.value, r.upper, r.kind) == (1.0, 1.5, "range")


def test_proportions_years_and_magnitudes() -> None:
    figs = dict(_figs("Two-thirds of voters agreed in 2016; a multimillion-dollar deal."))
    assert figs["Two-thirds of voters"] is not None
    assert figs["2016"] == Quantity(value=2016.0, kind="year", iso="2016")
    mm = figs["multimillion-dollar"]
    assert mm is not None and mm.value is None and mm.approximate


def test_identifiers_are_not_figures() -> None:
    assert _figs("The G7 met.") == []


def test_parse_number() -> None:
    assert parse_number("twenty-one") == 21.0
    assert parse_number("banana") is None


def test_years_times_and_model_numbers_are_not_quantities() -> None:
    values = [q.value for _, q in _figs(
        "In 2019 many shops closed. The Pixel 7 Pro sold at 9:45 a.m. on the Dax 40 exchange.")
        if q is not None and q.kind not in ("year", "date")]
    assert values == []


def test_negative_and_vague_magnitudes() -> None:
    figs = dict(_figs("It fell to minus 40 degrees and cost tens of millions of dollars."))
    assert figs["minus 40 degrees"] is not None and figs["minus 40 degrees"].value == -40.0
    vague = figs["tens of millions"]
    assert vague is not None and (vague.value, vague.upper) == (1e7, 1e8)


def test_percentage_range_with_both_units() -> None:
    (_, q), = _figs("Fees run from 2 per cent to 3.5 per cent.")
    assert q is not None and (q.value, q.upper, q.kind) == (2.0, 3.5, "range")


def test_a_fraction_of_a_bare_determiner_does_not_crash() -> None:
    assert [s.text for s in find_figures(Document.from_text(
        "Voters backed it by two-thirds of the.", id="t"))] == ["two-thirds of the"]
