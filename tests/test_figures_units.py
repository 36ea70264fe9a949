"""Figures the checker needs read right: fourths, member states, S$, pairs joined by "and",
areas in square kilometres (claims.extract.figures)."""

from __future__ import annotations

import pytest

from claims.document import Document
from claims.extract.figures import find_figures


def _figures(text: str) -> list[tuple[str, float | None, str | None, str]]:
    return [(f.text, f.quantity.value, f.quantity.unit, f.quantity.kind)
            for f in find_figures(Document.from_text(text, id="t")) if f.quantity]


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("One fourth of the voters stayed home.", "One fourth of the voters", 0.25),
    ("Three fourths of the land is desert.", "Three fourths of the land", 0.75),
    ("Two fifths of the budget is debt.", "Two fifths of the budget", 0.4),
])
def test_fractions_in_words(text: str, phrase: str, value: float) -> None:
    (found,) = _figures(text)
    assert found[0] == phrase and found[1] == pytest.approx(value) and found[3] == "proportion"


def test_member_states_is_one_unit() -> None:
    assert _figures("The bloc's 27 member states agreed.") == [
        ("27 member states", 27.0, "member states", "count")]
    assert _figures("The EU's 27 member states agreed.") == [  # a possessive, not "iPhone 12"
        ("27 member states", 27.0, "member states", "count")]


@pytest.mark.parametrize(("text", "unit"), [
    ("worth S$3.4 trillion", "SGD"), ("worth US$3.4 trillion", "USD"), ("worth $3.4 trillion", "USD"),
    ("worth A$3.4 trillion", "AUD"), ("worth HK$3.4 trillion", "HKD"), ("worth C$3.4 trillion", "CAD"),
])
def test_dollars_of_other_countries_are_not_us_dollars(text: str, unit: str) -> None:
    assert _figures(text)[0][2] == unit


def test_two_percentages_joined_by_and_are_two_figures() -> None:
    assert _figures("Their shares of GDP and population are 43% and 9.8%, a gap.") == [
        ("43%", 43.0, "%", "percentage"), ("9.8%", 9.8, "%", "percentage")]


def test_between_and_is_still_a_range() -> None:
    (found,) = find_figures(Document.from_text("It costs between $5 and $7 billion.", id="t"))
    assert found.quantity is not None
    assert (found.quantity.value, found.quantity.upper, found.quantity.kind) == (5e9, 7e9, "range")


@pytest.mark.parametrize(("text", "phrase", "value", "unit"), [
    ("They covered 38.3 million square kilometers in 2020.", "38.3 million square kilometers", 38.3e6, "km2"),
    ("It has 9,600 square miles of forest.", "9,600 square miles", 9600.0, "mi2"),
    ("Russia spans 17.1 million sq km of land.", "17.1 million sq km", 17.1e6, "km2"),
])
def test_areas(text: str, phrase: str, value: float, unit: str) -> None:
    found = _figures(text)[0]
    assert found[:3] == (phrase, value, unit)


def test_a_hyphenated_count_after_the_is_a_figure_but_the_two_leaders_is_not() -> None:
    assert _figures("Leaders of the nine-nation SCO met.") == [("nine-nation", 9.0, "nation", "count")]
    assert _figures("The two leaders met.") == []


@pytest.mark.parametrize(("text", "phrase", "qualifier", "value"), [
    ("More than half of the voters stayed home.", "More than half of the voters", "more than", 0.5),
    ("Nearly two-thirds of the budget is debt.", "Nearly two-thirds of the budget", "nearly", 2 / 3),
    ("It owns about two thirds of the land.", "about two thirds of the land", "about", 2 / 3),
    ("Over a quarter of the seats changed hands.", "Over a quarter of the seats", "over", 0.25),
    ("Two fifths of the budget is debt.", "Two fifths of the budget", None, 0.4),
])
def test_a_fraction_keeps_the_qualifier_before_it(text: str, phrase: str, qualifier: str | None,
                                                   value: float) -> None:
    (found,) = [f for f in find_figures(Document.from_text(text, id="t")) if f.quantity]
    assert found.quantity is not None
    assert (found.text, found.quantity.qualifier, found.quantity.kind) == (phrase, qualifier, "proportion")
    assert found.quantity.value == pytest.approx(value)
