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
    assert sorted(value for _, value in explorer.choice.options) == putin
    assert sorted(re.findall(r'data-iri="([^"]+)"', explorer.grid.value)) == putin
    assert set(explorer.rows["speaker"]) == {"Vladimir Putin"} and explorer.total == len(putin)


def test_selecting_a_row_shows_its_provenance(store: Store, statements: pd.DataFrame) -> None:
    explorer = Explorer(store)
    explorer.text.value = "unipolar"
    iri = _iri_of(statements, UNIPOLAR)
    assert [value for _, value in explorer.choice.options] == [iri]
    explorer.choice.value = iri
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
    explorer.choice.value = iri
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
    assert explorer.choice.value == iri and iri in explorer.rows.index
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
