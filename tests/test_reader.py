"""Reading articles: plain text with boilerplate, headers and sidecars, HTML, batches, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims import reader as ingest
from claims.errors import (
    BinaryInput,
    EmptyInput,
    EncodingError,
    InputTooLarge,
    NoArticleText,
)


def test_page_text_loses_boilerplate_and_keeps_credit(seed_path: Path) -> None:
    doc = ingest.read_file(seed_path)
    assert doc.title == "Xi and Putin Meet in Uzbekistan for Security Summit"
    assert doc.derived_from == "DW"
    for junk in ("Skip to main content", "Subscribe", "INDEPENDENT, CRITICAL MEDIA", "Courtesy"):
        assert junk not in doc.text
    standfirst = "The two leaders spearhead the Shanghai Cooperation Organization"
    assert doc.text.count(standfirst) == 1
    assert "\u00a0" not in doc.text
    assert doc.text.endswith("that is of China's own creation,\" Small said.")
    assert len(doc.content_hash) == 64


def test_header_gives_metadata() -> None:
    doc = ingest.from_text("Title: A headline here\nPublisher: DW\nDate: 2022-09-15\n"
                           "URL: https://example.org/a\n\nBody text of the article.", id="a")
    assert (doc.title, doc.publisher, doc.date, doc.url) == (
        "A headline here", "DW", "2022-09-15", "https://example.org/a")
    assert doc.text == "Body text of the article."


def test_sidecar_wins_over_header(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Publisher: Header Outlet\n\nSome body text that is long enough.")
    path.with_suffix(".json").write_text(json.dumps({"publisher": "Sidecar Outlet",
                                                     "credit": "AP"}))
    doc = ingest.read_file(path)
    assert (doc.id, doc.publisher, doc.derived_from) == ("story", "Sidecar Outlet", "AP")
    assert doc.source == str(path)


def test_same_text_same_hash() -> None:
    a = ingest.from_text("One line of news.", id="a")
    b = ingest.from_text("One line of news.\r\n", id="b")
    assert a.content_hash == b.content_hash


def test_html_page(shared_dir: Path) -> None:
    page = shared_dir / "corpus" / "html"
    path = next(p for p in page.iterdir() if p.name.startswith("wikimediafoundation"))
    doc = ingest.read_file(path)
    assert doc.title and doc.title.startswith("Access to Wikipedia restored in Turkey")
    assert doc.date == "2020-01-15"
    assert doc.url and doc.url.startswith("https://wikimediafoundation.org/news/2020/01/15/")
    assert "Katherine Maher" in doc.text
    assert "<" not in doc.text[:200]


def test_batch_reports_bad_lines_and_reads_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a", "text": "First article text.", "publisher": "X"}),
        "{not json",
        json.dumps({"id": "c", "title": "no text"}),
        json.dumps({"id": "d", "text": "Fourth article text.", "date": "2020-01-01"}),
    ]))
    items = list(ingest.read(path))
    docs = [i for i in items if isinstance(i, ingest.Document)]
    errors = [i for i in items if not isinstance(i, ingest.Document)]
    assert [d.id for d in docs] == ["a", "d"]
    assert docs[0].publisher == "X" and docs[1].date == "2020-01-01"
    assert [e.code for e in errors] == ["malformed-batch", "malformed-batch"]


def test_directory_reads_every_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Article one text here.")
    (tmp_path / "b.html").write_text("<html><body><article><p>" + "Article two. " * 30
                                     + "</p></article></body></html>")
    (tmp_path / "notes.csv").write_text("ignored")
    ids = [d.id for d in ingest.read(tmp_path) if isinstance(d, ingest.Document)]
    assert ids == ["a", "b"]


@pytest.mark.parametrize(("data", "error"), [
    (b"", EmptyInput),
    (b"  \n\n ", EmptyInput),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), BinaryInput),
    ("Caf\u00e9 na\u00efve r\u00e9sum\u00e9 d\u00e9j\u00e0 vu".encode("latin-1"), EncodingError),
])
def test_bad_bytes_get_coded_errors(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error) as raised:
        ingest.decode(data, name="x")
    assert str(raised.value).startswith("[")


def test_huge_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_MAX_BYTES", "1000")
    with pytest.raises(InputTooLarge):
        ingest.decode(b"a" * 1001, name="big")


def test_utf16_with_bom_is_read() -> None:
    assert ingest.decode("Hello \u201cworld\u201d".encode("utf-16"), name="x") == "Hello \u201cworld\u201d"


def test_html_without_article_text() -> None:
    with pytest.raises(NoArticleText):
        ingest.from_html("<html><head><title>x</title></head><body><nav>Home</nav></body></html>",
                         id="empty")


@pytest.mark.parametrize(("line", "furniture"), [
    ("Skip to main content", True),
    ("Subscribe Newsclick On Telegram", True),
    ("Share this article", True),
    ("Get the latest reports & analysis ... Subscribe to NewsClick's Telegram channel & get updates.",
     True),
    ("\u201cWe are excited to share this important moment,\u201d said Katherine Maher.", False),
    ("The ministry said it would donate grain to the region over the next three years.", False),
])
def test_boilerplate_lines(line: str, furniture: bool) -> None:
    assert ingest.is_boilerplate(line) is furniture
