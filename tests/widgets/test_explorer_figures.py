"""The explorer's figures: value, unit, kind and what a figure measures in its cell; a filter
by figure kind; dates left out unless asked for."""

from __future__ import annotations

from claims.document import Document
from claims.extract import extract
from claims.pipeline import write
from claims.store import Store
from claims.widgets.explorer import Explorer

DATED = ("The ministry said on October 14, 2018 that about 80 people were hurt. "
         "Half of the budget went to the army, and the law took effect on May 2.")


def _with_dates(store: Store) -> None:
    doc = Document.from_text(DATED, id="dated", title="Dated", date="2018-10-15")
    write(store, [(doc, extract(doc))])


def test_dates_are_hidden_unless_asked_and_figures_filter_by_kind(store: Store) -> None:
    _with_dates(store)
    explorer = Explorer(store)
    assert ("date", "date") in explorer.quantity.options
    shown = set(explorer.table.page(explorer.filters, limit=None)[0]["text"])
    assert "about 80 people" in shown and "October 14, 2018" not in shown and "May 2" not in shown
    explorer.dates.value = True
    shown = set(explorer.table.page(explorer.filters, limit=None)[0]["text"])
    assert {"October 14, 2018", "May 2", "about 80 people"} <= shown
    explorer.dates.value = False
    explorer.quantity.value = "date"
    rows = explorer.table.page(explorer.filters, limit=None)[0]
    assert set(rows["text"]) == {"October 14, 2018", "May 2"} and explorer.total == 2
    explorer.quantity.value = "proportion"
    assert explorer.total >= 2  # "Half of the budget" here, "half of the world's population" in kb


def _cells(explorer: Explorer) -> dict[str, str]:
    """The grid's rows: the statement's text -> its figure cell."""
    names = [c for c, _ in explorer.grid.columns]
    rows = [dict(zip(names, r["cells"], strict=True)) for r in explorer.grid.rows]
    return {r["text"]: r["figure"] for r in rows}


def test_the_figure_cell_shows_value_unit_kind_measures_and_iso(store: Store) -> None:
    _with_dates(store)
    explorer = Explorer(store)
    explorer.dates.value = True
    explorer.text.value = "Half of the budget"
    cells = _cells(explorer)
    assert cells["Half of the budget"] == "0.5 · proportion of budget"
    explorer.text.value = ""
    explorer.quantity.value = "date"
    cells = _cells(explorer)
    assert cells == {"October 14, 2018": "2018-10-14 · date", "May 2": "--05-02 · date"}
    explorer.quantity.value = "count"
    cells = _cells(explorer)
    assert cells["about 80 people"] == "80 people · count"
