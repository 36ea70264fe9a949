from __future__ import annotations

from datetime import date

import pandas as pd

from claims.store import Store
from claims.widgets.table import Filters, StatementTable, frame

from .conftest import UNIPOLAR


def test_one_row_per_statement_keyed_by_iri(store: Store, statements: pd.DataFrame) -> None:
    table = StatementTable(store)
    assert sorted(table.df.index) == sorted(statements["statement"])
    assert table.df.index.is_unique


def test_spans_match_the_stored_article_text(store: Store) -> None:
    table = StatementTable(store)
    for _iri, row in table.df.iterrows():
        text = table.article_text(str(row["article"]))
        assert text[int(row["start"]):int(row["end"])] == row["text"]


def test_filters(store: Store, statements: pd.DataFrame) -> None:
    table = StatementTable(store)
    putin = statements[statements["speaker"] == "Vladimir Putin"]
    assert sorted(table.filter(Filters(speaker="Vladimir Putin")).index) == sorted(putin["statement"])
    quotes = statements[statements["kind"] == "claims:Quotation"]
    assert sorted(table.filter(Filters(kind="quotation")).index) == sorted(quotes["statement"])
    found = table.filter(Filters(text="UNIPOLAR world"))
    assert found["text"].tolist() == [UNIPOLAR]
    assert len(table.filter(Filters(outlet="NewsClick"))) == len(statements)
    assert len(table.filter(Filters(since=date(2022, 9, 15), until=date(2022, 9, 15)))) == len(statements)
    assert len(table.filter(Filters(since=date(2022, 9, 16)))) == 0
    assert len(table.filter(Filters(status="unreviewed"))) == len(statements)
    assert len(table.filter(Filters(status="confirmed"))) == 0


def test_export_csv_has_the_filtered_rows(store: Store) -> None:
    table = StatementTable(store)
    text = table.export_csv(Filters(speaker="Vladimir Putin"))
    lines = text.splitlines()
    assert lines[0].startswith("statement,kind,text,speaker,role,cue,confidence,status,")
    assert "_search" not in lines[0]
    assert len(pd.read_csv(__import__("io").StringIO(text))) == len(
        table.filter(Filters(speaker="Vladimir Putin")))


def test_frame_from_synthetic_rows() -> None:
    rows = pd.DataFrame({
        "statement": ["kb:statement/a", "kb:statement/b", "kb:statement/a"],
        "kind": ["claims:Quotation", "claims:Figure", "claims:Quotation"],
        "text": ["Yes.", "eight", "Yes."], "speaker": ["Ana", None, "Ana"],
        "confidence": [0.9, 0.7, 0.9], "date": ["2024-01-02", "2024-01-03T10:00:00Z", "2024-01-02"],
        "article": ["kb:article/x"] * 3, "start": [1, 5, 1], "end": [5, 10, 5]})
    df = frame(rows)
    assert df.index.tolist() == ["kb:statement/b", "kb:statement/a"]
    assert df["kind"].tolist() == ["figure", "quotation"]
    assert df["date"].tolist() == [pd.Timestamp("2024-01-03"), pd.Timestamp("2024-01-02")]
    assert df["status"].tolist() == ["unreviewed", "unreviewed"]
    assert df["_search"].tolist() == ["eight\n\n", "yes.\nana\n"]
