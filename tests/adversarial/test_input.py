"""Hostile input files: each bad file or line is a coded failure in the report, the rest is
stored; wrong JSON types and impossible dates never reach the store as text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.pipeline import IngestReport, ingest
from claims.query import select
from claims.reader import from_text, read_file
from claims.store import MemoryStore

GOOD = 'Vladimir Putin said: "The talks will go on for another winter."\n'


def _ingest(*paths: Path) -> tuple[IngestReport, MemoryStore]:
    store = MemoryStore()
    return ingest(list(paths), store, validate="all"), store


def _codes(report: IngestReport) -> list[str]:
    return sorted(f.code for f in report.failures)


def _jsonl(path: Path, *records: object) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n",
                    "utf-8")
    return path


def test_bad_files_in_a_directory_leave_the_good_ones_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_text(GOOD, "utf-8")
    (folder / "b-bom-garbage.txt").write_bytes(b"\xff\xfe" + b"\x00\xd8\x41" * 101)
    (folder / "c-binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "d-deep.html").write_text("<div>" * 100_000 + "text" + "</div>" * 100_000, "utf-8")
    (folder / "e-good.txt").write_text(GOOD.replace("winter", "summer"), "utf-8")
    report, _ = _ingest(folder)
    assert len(report.analyses) == 2
    assert len(report.failures) == 3 and all(f.code for f in report.failures)


@pytest.mark.parametrize("depth", [300, 500])
def test_an_article_nested_hundreds_of_elements_deep_is_read(tmp_path: Path, depth: int) -> None:
    page = tmp_path / "deep.html"
    paragraphs = [GOOD.strip()] + [f"The delegates met for the {n}th time in the capital on "
                                   "Monday and agreed to meet again before the end of the year."
                                   for n in range(4, 9)]
    page.write_text("<html><head><title>Talks</title></head><body>" + "<div>" * depth
                    + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div>" * depth + "</body></html>",
                    "utf-8")
    document = read_file(page)
    assert "another winter" in document.text and document.title == "Talks"


def test_a_batch_survives_bad_lines(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": "ok1", "text": GOOD}).encode(),
             b'{"id": "bad-utf8", "text": "caf\xe9 said \\"yes\\""}',
             b"[" * 100_000 + b"]" * 100_000,
             json.dumps({"id": "null", "text": None}).encode(),
             json.dumps({"id": "number", "text": 12}).encode(),
             json.dumps({"id": "list", "text": ["a"]}).encode(),
             json.dumps({"id": "dict", "text": {"a": 1}}).encode(),
             json.dumps({"id": "title", "text": GOOD, "title": 3}).encode(),
             json.dumps({"id": "date", "text": GOOD, "date": "2020-13-45"}).encode(),
             json.dumps({"id": "js", "text": GOOD, "url": "javascript:alert(1)"}).encode(),
             json.dumps({"id": "nl", "text": GOOD, "url": "https://a.example/\nb"}).encode(),
             b"not json",
             json.dumps({"id": "ok2", "text": GOOD.replace("winter", "year")}).encode()]
    batch.write_bytes(b"\n".join(lines) + b"\n")
    report, store = _ingest(batch)
    assert sorted(a.document.id for a in report.analyses) == ["ok1", "ok2"]
    assert len(report.failures) == len(lines) - 2
    assert "bad-input" not in _codes(report)  # every failure has its own code
    body = "SELECT ?b WHERE { GRAPH ?g { ?a <https://schema.org/articleBody> ?b } }"
    bodies = set(select(store, body)["b"])
    assert not bodies & {"None", "12", "['a']", "{'a': 1}"}


@pytest.mark.parametrize("content", [
    "\ufeff" + json.dumps({"text": GOOD}) + "\n",  # UTF-8 with BOM: fine
])
def test_a_bom_on_the_first_line_is_fine(tmp_path: Path, content: str) -> None:
    report, _ = _ingest(_jsonl(tmp_path / "b.jsonl", content.rstrip("\n")))
    assert report.ok and len(report.analyses) == 1


def test_utf16_and_binary_batches_are_coded_failures(tmp_path: Path) -> None:
    good = json.dumps({"id": "u16", "text": GOOD}) + "\n"
    (tmp_path / "u16.jsonl").write_bytes(b"\xff\xfe" + good.encode("utf-16-le"))
    (tmp_path / "bad16.jsonl").write_bytes(b"\xff\xfe" + b"\x00\xd8" * 50)
    (tmp_path / "bin.jsonl").write_bytes(b"\x00\x01\xff" * 300)
    report, _ = _ingest(tmp_path / "u16.jsonl", tmp_path / "bad16.jsonl", tmp_path / "bin.jsonl")
    assert [a.document.id for a in report.analyses] == ["u16"]
    assert _codes(report) == ["binary-input", "unknown-encoding"]


def test_sidecar_and_header_metadata_are_checked(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, "utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"date": "2024-02-30"}), "utf-8")
    (tmp_path / "b.txt").write_text("URL: javascript:alert(document.cookie)\n\n" + GOOD, "utf-8")
    (tmp_path / "c.txt").write_text(GOOD, "utf-8")
    (tmp_path / "c.json").write_text(json.dumps({"url": "JavaScript:alert(1)"}), "utf-8")
    (tmp_path / "d.txt").write_text(GOOD, "utf-8")
    (tmp_path / "d.json").write_text(json.dumps({"title": ["x"]}), "utf-8")
    report, store = _ingest(tmp_path)
    assert report.analyses == ()
    assert _codes(report) == ["bad-metadata", "bad-metadata", "invalid-url", "invalid-url"]
    assert len(store) == 0


def test_nul_bytes_anywhere_are_not_stored(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x " * 5000 + "\n\n" + GOOD.replace("talks", "tal\x00ks"), "utf-8")
    report, _ = _ingest(tmp_path / "a.txt")
    assert report.ok and "\x00" not in report.analyses[0].document.text


def test_an_endpoint_down_from_the_start_gives_a_report_not_a_traceback() -> None:
    from claims.store.serve import free_port
    from claims.store.sparql import SparqlStore

    store = SparqlStore(f"http://127.0.0.1:{free_port()}/query", retries=0)
    docs = [from_text(GOOD.replace("winter", f"winter {i}"), id=f"d{i}") for i in range(3)]
    report = ingest(docs, store, batch_size=1)
    assert report.analyses == ()
    assert _codes(report) == ["endpoint-unreachable"] * 3
