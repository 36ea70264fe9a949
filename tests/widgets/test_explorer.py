from __future__ import annotations

import base64
import re

import pandas as pd
import pytest

from claims import review
from claims.errors import NotFound
from claims.store import Store
from claims.widgets._errors import ErrorPanel
from claims.widgets.explorer import Explorer
from claims.widgets.table import Filters

from .conftest import UNIPOLAR


def _iri_of(statements: pd.DataFrame, text: str) -> str:
    return str(statements.loc[statements["text"] == text, "statement"].iloc[0])


def test_filter_by_speaker_lists_only_his_statements(store: Store, statements: pd.DataFrame) -> None:
    explorer = Explorer(store)
    total = len(statements)
    assert explorer.count.value == f"{total} of {total} statements"
    explorer.speaker.value = "Vladimir Putin"
    putin = sorted(statements.loc[statements["speaker"] == "Vladimir Putin", "statement"])
    assert explorer.count.value == f"{len(putin)} of {total} statements"
    assert sorted(row["iri"] for row in explorer.grid.rows) == putin
    assert set(explorer.rows["speaker"]) == {"Vladimir Putin"} and explorer.total == len(putin)


def test_selecting_a_row_shows_its_provenance(store: Store, statements: pd.DataFrame) -> None:
    explorer = Explorer(store)
    explorer.text.value = "unipolar"
    iri = _iri_of(statements, UNIPOLAR)
    assert [row["iri"] for row in explorer.grid.rows] == [iri]
    assert explorer.details.html == ""
    explorer.grid.selected = iri  # what a click on the row does
    details = explorer.details.html
    assert f'<mark class="claims-quote">{UNIPOLAR}</mark>' in details
    assert '<mark class="claims-speaker">Putin</mark>' in details
    for fact in ("Xi and Putin Meet in Uzbekistan for Security Summit", "NewsClick", "2022-09-15",
                 "<td>Vladimir Putin</td>", "<td>said</td>", "<td>0.90</td>", "claims-rules",
                 "<td>unreviewed</td>", "Not reviewed yet."):
        assert fact in details


def test_review_status_and_history_after_refresh(store: Store, statements: pd.DataFrame) -> None:
    explorer = Explorer(store)
    iri = _iri_of(statements, UNIPOLAR)
    review.record(store, iri, "confirmed", reviewer="Ana", note="checked the video")
    explorer.refresh.click()
    explorer.status.value = "confirmed"
    assert explorer.rows.index.tolist() == [iri]
    explorer.grid.selected = iri
    assert "Ana" in explorer.details.html and "checked the video" in explorer.details.html
    assert "<td>confirmed</td>" in explorer.details.html


def test_export_csv_link_holds_the_filtered_rows(store: Store, statements: pd.DataFrame) -> None:
    explorer = Explorer(store)
    explorer.kind.value = "quotation"
    explorer.export.click()
    data = re.search(r"base64,([^\"]+)", explorer.download.value)
    assert data is not None
    csv = base64.b64decode(data[1]).decode("utf-8")
    quotes = statements[statements["kind"] == "claims:Quotation"]
    assert len(csv.splitlines()) == len(quotes) + 1  # no quotation in this article spans lines
    assert set(pd.read_csv(__import__("io").StringIO(csv))["statement"]) == set(quotes["statement"])


def test_pages_and_sorting(store: Store, statements: pd.DataFrame) -> None:
    explorer = Explorer(store, page_size=5)
    total = len(statements)
    assert explorer.prev.disabled and not explorer.next.disabled
    explorer.next.click()
    assert explorer.count.value == f"{total} of {total} statements (rows 6–10)"
    explorer.sort.value = "confidence"
    explorer.descending.value = False
    assert explorer.page == 0
    pages = [explorer.rows]
    while not explorer.next.disabled:
        explorer.next.click()
        pages.append(explorer.rows)
    assert [len(p) for p in pages[:-1]] == [5] * (len(pages) - 1) and explorer.page == len(pages) - 1
    shown = pd.concat(pages)
    assert shown.index.is_unique and sorted(shown.index) == sorted(statements["statement"])
    assert shown["confidence"].tolist() == sorted(statements["confidence"])
    explorer.kind.value = "quotation"  # a filter change goes back to the first page
    assert explorer.page == 0 and explorer.prev.disabled


def test_plots_count_the_filtered_rows(store: Store, statements: pd.DataFrame) -> None:
    explorer = Explorer(store)
    speakers = statements["speaker"].dropna().nunique()
    per_speaker = explorer.plots.value.split("</svg>")[0]
    assert per_speaker.count("<rect") == min(speakers, 15)
    assert "Statements over time" in explorer.plots.value
    explorer.kind.value = "quotation"
    quotes = statements[statements["kind"] == "claims:Quotation"]
    expected = quotes["speaker"].value_counts()
    found = explorer.table.index.per_speaker(explorer.filters, limit=100)
    assert dict(found) == expected.to_dict()
    assert [n for _, n in found] == sorted(expected, reverse=True)
    for speaker, n in found[:15]:
        assert f"<title>{speaker}: {n}</title>" in explorer.plots.value
    # one day (the article's date): bars per day, counting every dated row that passes
    assert explorer.table.index.over_time(explorer.filters) == [("2022-09-15", len(quotes))]
    assert f"<title>2022-09-15: {len(quotes)}</title>" in explorer.plots.value


def test_select_by_iri_turns_to_its_page(store: Store, statements: pd.DataFrame) -> None:
    explorer = Explorer(store, page_size=3)
    everything, total = explorer.table.page(explorer.filters, limit=None)
    iri = everything.index[-1]
    explorer.select(iri)
    assert explorer.grid.selected == iri and iri in explorer.rows.index
    assert explorer.page == (len(statements) - 1) // 3 == (total - 1) // 3
    explorer.kind.value = "figure" if everything.loc[iri, "kind"] != "figure" else "quotation"
    with pytest.raises(NotFound):
        explorer.select(iri)


def test_error_panel_shows_claims_errors_and_reraises_others() -> None:
    panel = ErrorPanel()
    panel.guard(lambda: (_ for _ in ()).throw(NotFound("kb:x", hint="ingest it first")))()
    assert panel.message == "[not-found] kb:x: ingest it first"
    assert panel.outputs[0]["text"] == "[not-found] kb:x: ingest it first\n"

    def broken() -> None:
        raise KeyError("x")

    with pytest.raises(KeyError):
        panel.guard(broken)()
    assert panel.message == "[internal-error] KeyError: 'x'"
    panel.guard(lambda: None)()
    assert panel.message == "" and panel.outputs == ()


def test_a_page_turn_reads_only_the_page_and_a_review_updates_the_counts(
        store: Store, statements: pd.DataFrame) -> None:
    explorer = Explorer(store, page_size=5)
    confirmed, index = Filters(status="confirmed"), explorer.table.index
    assert (index.count(confirmed), index.per_speaker(confirmed)) == (0, [])  # now kept
    ran: list[str] = []
    index.db.set_trace_callback(ran.append)
    explorer.next.click()
    explorer.sort.value = "confidence"
    assert explorer.page == 0 and explorer.total == len(statements)
    assert [sql for sql in ran if "count(" in sql] == []  # the count and charts are kept
    iri = _iri_of(statements, UNIPOLAR)
    review.record(store, iri, "confirmed", reviewer="Ana")
    explorer.refresh.click()
    explorer.status.value = "confirmed"
    assert explorer.total == 1 and explorer.rows.index.tolist() == [iri]
    assert "<title>Vladimir Putin: 1</title>" in explorer.plots.value


def test_arrow_keys_past_the_last_row_select_on_the_next_page(store: Store,
                                                               statements: pd.DataFrame) -> None:
    explorer = Explorer(store, page_size=4)
    first_page = [row["iri"] for row in explorer.grid.rows]
    explorer.grid.selected = first_page[-1]
    explorer.grid.turn(1)  # ↓ on the last row (the browser sends {"turn": 1})
    second_page = [row["iri"] for row in explorer.grid.rows]
    assert explorer.page == 1 and explorer.grid.selected == second_page[0] != first_page[-1]
    assert explorer.details.iri == second_page[0]
    explorer.grid.turn(-1)  # ↑ on the first row: back, its last row selected
    assert explorer.page == 0 and explorer.grid.selected == first_page[-1]
    explorer.grid.turn(-1)  # nothing before the first page
    assert explorer.page == 0 and explorer.grid.selected == first_page[-1]


def test_type_ahead_speaker_filters_once_a_known_name_is_typed(store: Store,
                                                               statements: pd.DataFrame) -> None:
    explorer = Explorer(store)
    total = len(statements)
    speakers = sorted(statements["speaker"].dropna().unique())
    assert list(explorer.speaker.options) == speakers
    explorer.speaker.value = "Vladimir P"  # half typed: no filter yet
    assert explorer.total == total
    explorer.speaker.value = "vladimir putin"  # case does not matter
    putin = statements.loc[statements["speaker"] == "Vladimir Putin", "statement"]
    assert explorer.total == len(putin) < total
    explorer.speaker.value = ""
    assert explorer.total == total


def test_free_text_matches_statement_and_speaker_and_titles_only_when_asked(
        store: Store, statements: pd.DataFrame) -> None:
    explorer = Explorer(store)
    total = len(statements)
    # every statement comes from one article whose title names Putin
    explorer.text.value = "Putin"
    by_putin = statements[(statements["speaker"] == "Vladimir Putin")
                          | statements["text"].str.contains("Putin")]
    assert explorer.total == len(by_putin) < total
    explorer.titles.value = True
    assert explorer.total == total
    explorer.titles.value = False
    explorer.text.value = "unipol"  # a word's beginning
    assert explorer.rows.index.tolist() == [_iri_of(statements, UNIPOLAR)]
    explorer.text.value = '"ugly form" UNACCEPTABLE'  # a phrase and a word, any case
    assert explorer.rows.index.tolist() == [_iri_of(statements, UNIPOLAR)]
    explorer.text.value = '"form ugly"'  # a phrase keeps its order
    assert explorer.total == 0


def test_a_corrected_speaker_is_found_by_free_text(store: Store, statements: pd.DataFrame) -> None:
    explorer = Explorer(store)
    iri = _iri_of(statements, UNIPOLAR)
    review.record(store, iri, "misattributed", reviewer="Ana", corrected_speaker="Ximena Quispe")
    explorer.refresh.click()
    explorer.text.value = "quispe"
    assert explorer.rows.index.tolist() == [iri]
    explorer.text.value = "unipolar putin"  # the speaker it had is no longer its speaker
    assert explorer.total == 0


def test_columns_show_confidence_and_figures(store: Store, statements: pd.DataFrame) -> None:
    explorer = Explorer(store)
    names = [name for name, _ in explorer.grid.columns]
    assert names[:5] == ["speaker", "kind", "text", "figure", "confidence"]
    cells = {row["iri"]: dict(zip(names, row["cells"], strict=True)) for row in explorer.grid.rows}
    for _, row in statements.iterrows():
        assert cells[row["statement"]]["confidence"] == f"{row['confidence']:.2f}"
    explorer.kind.value = "figure"
    figures = [dict(zip(names, row["cells"], strict=True)) for row in explorer.grid.rows]
    assert figures and all(f["figure"] for f in figures)  # a value or at least its kind
    assert all(f["speaker"] == "" and f["kind"] == "figure" for f in figures)


def test_a_search_matching_more_than_the_cap_shows_its_page_then_counts_in_a_thread(
        store: Store, statements: pd.DataFrame, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    explorer = Explorer(store, cap=3, page_size=2)
    index = explorer.table.index
    gate, tallied = threading.Event(), []
    real = index.tally

    def held(filters: Filters, **kwargs: int) -> object:  # the real count, once the gate opens
        gate.wait(timeout=60)
        tallied.append(filters.text)
        return real(filters, **kwargs)

    monkeypatch.setattr(index, "tally", held)
    total = len(explorer.table)
    explorer.text.value = "the"  # a word of many statements
    assert explorer.total is None
    assert explorer.count.value == f"more than 3 of {total} statements (rows 1–2) · counting…"
    assert "Counting the statements" in explorer.plots.value and not explorer.next.disabled
    shown = explorer.rows.index.tolist()
    explorer.text.value = "ugly"  # a new search (at most the cap) while the first is counted
    assert explorer.total == 1 and explorer.count.value == f"1 of {total} statements"
    explorer.text.value = "the"  # again: its count is still held
    assert explorer.total is None and explorer.rows.index.tolist() == shown
    gate.set()
    explorer.wait()  # the thread shows what it counted
    matching, count = explorer.table.page(explorer.filters, limit=None)  # the exact path
    assert count > 3 and shown == matching.index.tolist()[:2] and "the" in tallied
    assert explorer.total == count
    assert explorer.count.value == f"{count} of {total} statements (rows 1–2)"
    assert "<svg" in explorer.plots.value and "Counting" not in explorer.plots.value
    explorer.text.value = "ugly"
    explorer.wait()
    assert explorer.total == 1  # a count of an earlier search never shows
