from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

import claims
from claims.errors import InputError
from claims.store import Store
from claims.widgets.ingest import IngestPanel, fetch
from claims.widgets.table import StatementTable

from .conftest import ARTICLES

PASTED = 'Ministers met on Monday.\nThe minister said: "We will publish every figure tomorrow."'
PAGE = (b"<html><head><title>Talks</title></head><body><article><h1>Talks resume</h1>"
        b'<p>The envoy said: "Nobody wants this war to go on for another winter."</p>'
        b"<p>Officials met for three hours on Tuesday in the capital.</p></article></body></html>")


def _file(name: str, data: bytes) -> dict[str, object]:
    return {"name": name, "type": "text/plain", "size": len(data), "content": memoryview(data),
            "last_modified": datetime(2024, 1, 1, tzinfo=UTC)}


def test_paste_preview_stores_nothing_then_commit_stores(store: Store) -> None:
    table = StatementTable(store)
    before, rows = store.graphs(), len(table)
    panel = IngestPanel(store, table=table)
    panel.text.value = PASTED
    panel.title.value = "Ministers meet"
    panel.preview_button.click()
    assert panel.errors.message == ""
    assert "We will publish every figure tomorrow." in panel.preview.value
    assert "<h4>Ministers meet — " in panel.preview.value
    assert store.graphs() == before and not panel.commit_button.disabled
    added = sum(len(a.statements) for a in panel.analyses)
    panel.commit_button.click()
    assert panel.errors.message == ""
    assert len(store.graphs()) == len(before) + 1
    assert (panel.bar.value, panel.bar.max) == (1, 1)
    assert len(table) == rows + added
    assert panel.commit_button.disabled


def test_empty_paste_and_commit_before_preview_are_reported(store: Store) -> None:
    panel = IngestPanel(store)
    panel.preview_button.click()
    assert panel.errors.message.startswith("[")
    assert panel.preview.value == ""
    with pytest.raises(InputError):
        panel.do_commit()


def test_upload_text_with_metadata_is_idempotent(store: Store) -> None:
    table = StatementTable(store)
    rows = len(table)
    panel = IngestPanel(store, table=table)
    panel.source.selected_index = 1
    panel.upload.value = (_file("sco.txt", (ARTICLES / "sco-summit-samarkand.txt").read_bytes()),
                          _file("sco.json", (ARTICLES / "sco-summit-samarkand.json").read_bytes()))
    panel.preview_button.click()
    assert panel.errors.message == ""
    assert "Xi and Putin Meet in Uzbekistan for Security Summit" in panel.preview.value
    assert panel.analyses[0].document.publisher == "NewsClick"
    panel.commit_button.click()
    assert len(table) == rows  # the same article again is not stored twice
    assert panel.result.value == ("<b>Stored 0 articles, 0 statements. Already stored, unchanged: "
                                  "Xi and Putin Meet in Uzbekistan for Security Summit.</b>")


def test_a_commit_says_what_it_stored_above_the_preview_and_dates_are_read(store: Store) -> None:
    panel = IngestPanel(store)
    panel.text.value = PASTED
    panel.date.value = "14 May 2024"
    panel.preview_button.click()
    assert panel.analyses[0].document.date == "2024-05-14"
    assert "2024-05-14" in panel.preview.value and "padding:3px 8px" in panel.preview.value
    panel.commit_button.click()
    assert panel.result.value.startswith("<b>Stored 1 article, ")
    assert list(panel.children).index(panel.result) < list(panel.children).index(panel.preview)
    panel.date.value = "next Tuesday"
    panel.preview_button.click()
    assert panel.errors.message == ("[bad-input] date 'next Tuesday' not understood: write it as "
                                    "YYYY-MM-DD or 14 May 2024")


def test_upload_a_batch_shows_progress(store: Store, tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"a{i}", "title": f"T{i}",
                         "text": f'The mayor said: "Bridge number {i} opens on Friday, as promised."'})
             for i in range(3)]
    panel = IngestPanel(store)
    panel.source.selected_index = 1
    panel.upload.value = (_file("batch.jsonl", "\n".join(lines).encode()),)
    panel.preview_button.click()
    assert panel.errors.message == ""
    assert len(panel.analyses) == 3
    panel.commit_button.click()
    assert (panel.bar.value, panel.bar.max) == (3, 3)
    titles = set(claims.select(store, "articles")["title"])
    assert {"T0", "T1", "T2"} <= titles


def test_url_is_fetched_only_when_asked(store: Store) -> None:
    calls: list[str] = []

    def fake(url: str) -> bytes:
        calls.append(url)
        return PAGE

    panel = IngestPanel(store, fetcher=fake)
    panel.source.selected_index = 2
    panel.url.value = "https://news.example.org/talks"
    panel.preview_button.click()
    assert panel.errors.message == "[bad-input] nothing fetched yet: enter a URL and press Fetch first"
    assert calls == []
    panel.fetch_button.click()
    assert calls == ["https://news.example.org/talks"]
    panel.preview_button.click()
    assert panel.errors.message == ""
    assert "Nobody wants this war to go on for another winter." in panel.preview.value
    assert panel.analyses[0].document.url == "https://news.example.org/talks"


def test_fetch_rejects_non_http_urls() -> None:
    with pytest.raises(InputError):
        fetch("file:///etc/passwd")
