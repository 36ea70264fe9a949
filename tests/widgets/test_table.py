from __future__ import annotations

import io
from datetime import date

import pandas as pd

from claims.index import KINDS
from claims.store import Store
from claims.widgets.table import Filters, StatementTable

from .conftest import UNIPOLAR

ALL = Filters()


def _iris(table: StatementTable, filters: Filters) -> list[str]:
    rows, total = table.page(filters, limit=None)
    assert len(rows) == total == table.count(filters)
    return sorted(rows.index)


def test_one_row_per_statement_keyed_by_iri(store: Store, statements: pd.DataFrame) -> None:
    table = StatementTable(store)
    rows, total = table.page(ALL, limit=None)
    assert sorted(rows.index) == sorted(statements["statement"])
    assert rows.index.is_unique and total == len(table) == len(statements)


def test_spans_match_the_stored_article_text(store: Store) -> None:
    table = StatementTable(store)
    for _iri, row in table.page(ALL, limit=None)[0].iterrows():
        text = table.article_text(str(row["article"]))
        assert text[int(row["start"]):int(row["end"])] == row["text"]


def test_filters(store: Store, statements: pd.DataFrame) -> None:
    table = StatementTable(store)
    putin = statements[statements["speaker"] == "Vladimir Putin"]
    assert _iris(table, Filters(speaker="Vladimir Putin")) == sorted(putin["statement"])
    quotes = statements[statements["kind"] == "claims:Quotation"]
    assert _iris(table, Filters(kind="quotation")) == sorted(quotes["statement"])
    found, total = table.page(Filters(text="UNIPOLAR world"))
    assert found["text"].tolist() == [UNIPOLAR] and total == 1
    assert table.count(Filters(outlet="NewsClick")) == len(statements)
    assert table.count(Filters(since=date(2022, 9, 15), until=date(2022, 9, 15))) == len(statements)
    assert table.count(Filters(since=date(2022, 9, 16))) == 0
    assert table.count(Filters(status="unreviewed")) == len(statements)
    assert table.count(Filters(status="confirmed")) == 0


def test_pages_add_up_to_the_whole_sorted_set(store: Store, statements: pd.DataFrame) -> None:
    table = StatementTable(store)
    whole, total = table.page(ALL, sort="confidence", descending=False, limit=None)
    pages = [table.page(ALL, sort="confidence", descending=False, limit=4, offset=o)
             for o in range(0, total, 4)]
    assert {t for _, t in pages} == {total} and all(len(p) <= 4 for p, _ in pages)
    assert pd.concat(p for p, _ in pages).index.tolist() == whole.index.tolist()
    assert whole["confidence"].tolist() == sorted(statements["confidence"])


def test_choices_are_the_distinct_values(store: Store, statements: pd.DataFrame) -> None:
    table = StatementTable(store)
    assert table.choices("speaker") == sorted(statements["speaker"].dropna().unique())
    assert table.choices("kind") == sorted({KINDS[k] for k in statements["kind"]})
    assert table.choices("status") == ["unreviewed"]


def test_export_csv_has_every_filtered_row(store: Store, statements: pd.DataFrame) -> None:
    table = StatementTable(store)
    text = table.export_csv(Filters(speaker="Vladimir Putin"))
    lines = text.splitlines()
    assert lines[0].startswith("statement,kind,text,speaker,role,cue,confidence,status,")
    assert "search" not in lines[0]
    exported = pd.read_csv(io.StringIO(text))
    putin = statements[statements["speaker"] == "Vladimir Putin"]
    assert sorted(exported["statement"]) == sorted(putin["statement"])
    assert set(exported["speaker"]) == {"Vladimir Putin"}
