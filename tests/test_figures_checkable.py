"""Figures a fact-checker could check (issue 11, item 5): fractions valued, ranges sharing a
magnitude, spelled numbers, negatives only with a sign, units that are nouns, numbers in
names and fixed phrases left alone, years and dates in ISO 8601. Sentences written here."""

from __future__ import annotations

import pytest

from claims.document import Document
from claims.extract._numbers import iso_date, parse_number, unit_word
from claims.extract.figures import find_figures

Row = tuple[str, float | None, float | None, str, str | None]


def _rows(text: str) -> list[Row]:
    return [(s.text, s.quantity.value, s.quantity.upper, s.quantity.kind, s.quantity.unit)
            for s in find_figures(Document.from_text(text, id="t")) if s.quantity]


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("A two-thirds majority is needed.", "two-thirds", 2 / 3),
    ("The tax was cut by a third last year.", "a third", 1 / 3),
    ("Three-quarters of the staff were let go.", "Three-quarters of the staff", 0.75),
    ("One-fifth of the land burned.", "One-fifth of the land", 0.2),
])
def test_fractions_are_valued_as_fractions(text: str, phrase: str, value: float) -> None:
    rows = _rows(text)
    assert [(r[0], r[3]) for r in rows] == [(phrase, "proportion")]
    assert rows[0][1] == pytest.approx(value)


def test_a_fraction_at_the_end_of_the_text() -> None:
    for text in ("They took half of the", "They took half of the budget", "a third of its"):
        for fig in find_figures(Document.from_text(text, id="t")):
            assert text[fig.span.start:fig.span.end] == fig.text


def test_an_ordinal_is_no_fraction() -> None:
    assert _rows("She won a third term and a quarter century of rule.") == []


def test_a_magnitude_written_once_is_shared() -> None:
    assert _rows("The two plans cost $5 and $7 billion.") == [
        ("$5", 5e9, None, "money", "USD"), ("$7 billion", 7e9, None, "money", "USD")]
    assert _rows("It will cost between $5 and $7 billion.") == [
        ("$5 and $7 billion", 5e9, 7e9, "range", "USD")]
    assert _rows("Estimates run from 5 to 7 million.")[0][1:3] == (5e6, 7e6)


def test_spelled_numbers_of_any_length() -> None:
    assert _rows("There were two hundred and six delegates.") == [
        ("two hundred and six delegates", 206.0, None, "count", "delegates")]
    assert _rows("Nineteen thousand four hundred twelve votes were cast.")[0][1] == 19412.0
    assert _rows("They waited for fifty years.") == [("fifty years", 50.0, None, "duration", "years")]
    assert parse_number("one hundred thousand") == 100000.0
    assert parse_number("and") is None


def test_negatives_only_with_a_sign() -> None:
    assert _rows("Markets: Dow -1.3%, Nikkei -0.6%.") == [
        ("-1.3%", -1.3, None, "percentage", "%"), ("-0.6%", -0.6, None, "percentage", "%")]
    assert _rows("It was minus-30 degrees at night.")[0][1] == -30.0
    assert _rows("No-one takes the blame; the last-16 tie; a COVID-19 ward.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The court said 36 must face trial.", [("36", 36.0, None, "number", None)]),
    ("They finished in the bottom three during a bad run.", []),
    ("He thinks one will do.", []),
    ("Police held 12 after the march.", [("12", 12.0, None, "number", None)]),
    ("Some 40 started the race.", [("Some 40", 40.0, None, "number", None)]),
])
def test_a_unit_is_a_noun_never_a_verb_or_a_preposition(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


def test_unit_word() -> None:
    assert unit_word("soldiers") and unit_word("buildings") and unit_word("meeting")
    assert not any(unit_word(w) for w in ("must", "will", "during", "reportedly", "fled"))


@pytest.mark.parametrize("text", [
    "The two leaders met.", "The shop is open 24/7.", "The G7 and the G20 met.",
    "The Boeing 787 Dreamliner landed.", "He lives at 10 Downing Street.",
    "The S&P 500 index closed.", "It began at 0400 GMT.", "It starts at 9 pm.",
    "Both three met again.", "On 9/11 the towers fell.", "It is the 21st century.",
    "Under resolution 2259 and Act No. 3846, up to week 22.",
])
def test_numbers_in_names_phrases_and_clock_times_are_not_figures(text: str) -> None:
    assert [r for r in _rows(text) if r[3] not in ("year", "date")] == []


def test_units_glued_to_digits_and_measures_after_names() -> None:
    assert _rows("The 2.4GHz radio and a 100kg load.") == [
        ("2.4GHz", 2.4, None, "count", "GHz"), ("100kg", 100.0, None, "count", "kg")]
    assert _rows("Acme Energy's 550 megawatt plant opened.")[0][:2] == ("550 megawatt", 550.0)


def test_two_units_or_a_change_and_a_level_are_two_figures() -> None:
    assert _rows("Exports fell 7% to $2.3 billion.") == [
        ("7%", 7.0, None, "percentage", "%"), ("$2.3 billion", 2.3e9, None, "money", "USD")]
    rows = _rows("The deficit rose by $43.6 billion to $419.2 billion.")
    assert [r[1] for r in rows] == [4.36e10, 4.192e11]
    assert _rows("Fees range from 1 per cent to 1.5 per cent.")[0][1:4] == (1.0, 1.5, "range")


def test_from_one_figure_to_another_is_a_range() -> None:
    assert _rows("He went from 208 kilograms to 193 in a year.")[0][:4] == (
        "208 kilograms to 193", 208.0, 193.0, "range")


@pytest.mark.parametrize(("text", "phrase", "iso"), [
    ("It happened on October 14.", "October 14", "--10-14"),
    ("It happened on October 14, 2018.", "October 14, 2018", "2018-10-14"),
    ("It happened on 3 March 2019.", "3 March 2019", "2019-03-03"),
    ("Dated Mar 9 2018, the memo said so.", "Mar 9 2018", "2018-03-09"),
    ("Sales fell in October 2018.", "October 2018", "2018-10"),
    ("Set up in 2001, it grew.", "2001", "2001"),
])
def test_years_and_dates_keep_their_kind_and_an_iso_value(text: str, phrase: str, iso: str) -> None:
    (fig,) = find_figures(Document.from_text(text, id="t"))
    assert fig.text == phrase and fig.quantity is not None and fig.quantity.iso == iso
    assert fig.quantity.kind == ("year" if len(iso) == 4 else "date")
    if fig.quantity.kind == "date":
        assert fig.quantity.value is None  # never the day of the month


def test_no_date_that_is_not_one() -> None:
    assert iso_date(2019, "February", 29) is None and iso_date(2020, "Feb.", 29) == "2020-02-29"
    assert [r[3] for r in _rows("It was June 31, somewhere.")] != ["date"]


def test_a_year_before_a_singular_noun_is_a_year_and_a_count_stays_a_count() -> None:
    assert _rows("The 2019 ruling stands, and 1500 troops stay.") == [
        ("2019", 2019.0, None, "year", None), ("1500 troops", 1500.0, None, "count", "troops")]
    assert _rows("A 1000 hp engine.") == [("1000 hp", 1000.0, None, "count", "hp")]
    assert [r[3] for r in _rows("Before the 2018 elections, a 2005 law held.")] == ["year", "year"]


def test_a_date_is_stored_typed_and_read_back_by_the_figures_query() -> None:
    from claims.pipeline import analyse, write
    from claims.query import select
    from claims.store import MemoryStore

    text = ("The ministry said on October 14, 2018 that 36 people were hurt. "
            "The law passed in March 2019 and took effect on May 2.")
    store = MemoryStore()
    analysis = analyse(Document.from_text(text, id="dates"))
    write(store, [(analysis.document, analysis.statements)])
    rows = select(store, "figures")
    dates = {t: str(d) for t, d in zip(rows["text"], rows["date"], strict=True)}
    assert dates["October 14, 2018"] == "2018-10-14"
    assert dates["March 2019"] == "2019-03"
    assert dates["May 2"] == "--05-02"
    people = rows[rows["text"] == "36 people"].iloc[0]
    assert people["value"] == 36 and people["measures"] == "people"
