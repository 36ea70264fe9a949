from __future__ import annotations

import base64
import re
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from rdflib import Graph

import claims
from claims import magic
from claims.query import named_queries
from claims.sparql_text import with_prefixes
from claims.store import Store
from claims.widgets.workbench import Turtle, Workbench, run_sparql

BAD = "SELECT ?s WHERE {\n  GRAPH ?g { ?s ?p  }\n}"


def test_examples_fill_the_editor_without_prefix_lines(store: Store) -> None:
    bench = Workbench(store)
    assert [v for _, v in bench.examples.options][1:] == list(named_queries())
    bench.examples.value = "speakers"
    assert "PREFIX" not in bench.editor.value
    assert "GROUP BY ?speaker ?person" in bench.editor.value


def test_run_shows_table_csv_and_chart(store: Store) -> None:
    bench = Workbench(store)
    bench.examples.value = "speakers"
    bench.run_button.click()
    expected = claims.select(store, "speakers")
    assert bench.errors.message == ""
    assert bench.status.value == f"{len(expected)} rows"
    assert isinstance(bench.result, pd.DataFrame)
    pd.testing.assert_frame_equal(bench.result, expected)
    data = re.search(r"base64,([^\"]+)", bench.download.value)
    assert data is not None
    csv = base64.b64decode(data[1]).decode("utf-8")
    assert csv.splitlines()[0] == "speaker,person,statements,quotations,reported,articles,qid"
    assert bench.chart.value.count("<rect") == len(expected)


def test_syntax_error_names_line_and_column(store: Store) -> None:
    bench = Workbench(store)
    bench.editor.value = BAD
    bench.run_button.click()
    first, source, caret = bench.errors.message.splitlines()
    assert re.fullmatch(r"\[query-rejected\] unexpected `}` at line 2, column \d+: expected .+", first)
    column = int(re.findall(r"column (\d+)", first)[0])
    assert source == "    GRAPH ?g { ?s ?p  }"
    assert caret == "  " + " " * (column - 1) + "^"
    assert bench.result is None
    assert bench.editor.error_line == 2  # the editor marks the line
    bench.editor.value = "ASK {}"
    bench.run_button.click()
    assert bench.editor.error_line == 0 and bench.errors.message == ""


@pytest.mark.parametrize(("text", "expected"), [
    ("SELECT * WHERE {\n  ?s foo:bar ?o }",
     ["unknown prefix `foo:` at line 2, column 6 — declared prefixes are claims:, schema:, prov:, "
      "oa:, dcterms:, skos:, owl:, rdf:, rdfs:, xsd:, wd:", "    ?s foo:bar ?o }", "       ^"]),
    ("SELECT * WHERE { ?s ?p ?o",
     ["the `{` at line 1, column 16 is never closed: add `}`", "  SELECT * WHERE { ?s ?p ?o",
      "                 ^"]),
    ("SELECT * WHERE { FILTER(?s = 1 }",
     ["the `(` at line 1, column 24 is not closed before this `}` (line 1, column 32): add `)`",
      "  SELECT * WHERE { FILTER(?s = 1 }", "                                 ^"]),
    ("SELECT * WHERE { ?s <http://x/a:b> 'b:c' } # d:e }", None),
])
def test_syntax_errors_in_words_on_every_store(store: Store, text: str,
                                               expected: list[str] | None) -> None:
    for kb in (store, claims.open_store("memory:")):
        if expected is None:
            assert isinstance(run_sparql(kb, text), pd.DataFrame)
            continue
        with pytest.raises(claims.ClaimsError) as info:
            run_sparql(kb, text)
        assert info.value.message.splitlines() == [f"[query-rejected] {expected[0]}", *expected[1:]]


def test_ctrl_enter_runs_the_query_and_unknown_terms_get_a_hint(store: Store) -> None:
    bench = Workbench(store)
    bench.editor.run("SELECT ?t WHERE { ?s claims:text ?t }")  # what Ctrl+Enter sends
    assert bench.status.value.startswith("0 rows")
    assert "<code>claims:text</code> is not a term of the model — did you mean " \
        "<code>schema:text</code>?" in bench.status.value
    bench.editor.run("SELECT (COUNT(*) AS ?n) WHERE { ?s a claims:Quotation }")
    assert isinstance(bench.result, pd.DataFrame) and bench.status.value == "1 row"
    assert bench.result["n"].tolist() == [len(claims.select(store, "quotations_by_speaker"))]
    assert 'class="claims-results-wrap"' in bench.table.value and "overflow-x:auto" in bench.table.value


def test_the_side_panel_lists_prefixes_classes_and_properties(store: Store) -> None:
    groups = dict(Workbench(store).editor.terms)
    assert ["claims:", "claims:", "https://w3id.org/claims#"] in groups["Prefixes"]
    classes = {name: help_ for name, _, help_ in groups["Classes"]}
    assert classes["claims:Quotation"].startswith("Quotation — ")
    properties = {name for name, _, _ in groups["Properties"]}
    assert {"schema:text", "claims:speakerName", "prov:wasDerivedFrom"} <= properties
    assert "claims:text" not in properties


def test_syntax_error_position_on_the_memory_store() -> None:
    with pytest.raises(claims.ClaimsError) as info:
        run_sparql(claims.open_store("memory:"), BAD)
    assert info.value.message.splitlines()[0] == (
        "[query-rejected] unexpected `GRAPH` at line 2, column 3: expected `SELECT`")


def test_construct_is_turtle_and_ask_is_a_bool(store: Store) -> None:
    bench = Workbench(store)
    bench.editor.value = ("CONSTRUCT { ?p schema:name ?n } WHERE { GRAPH ?g { ?p a schema:Person ; "
                          "schema:name ?n } }")
    bench.run_button.click()
    assert isinstance(bench.result, Turtle)
    names = {str(o) for o in Graph().parse(data=bench.result, format="turtle").objects()}
    assert "Vladimir Putin" in names
    assert '<pre class="claims-turtle">' in bench.table.value
    bench.editor.value = "ASK { GRAPH ?g { ?s a claims:Quotation } }"
    bench.run_button.click()
    assert bench.status.value == "ASK: true"


def test_empty_query_is_reported(store: Store) -> None:
    bench = Workbench(store)
    bench.run_button.click()
    assert bench.errors.message == (
        "[query-rejected] the query is empty: type a SPARQL query or pick an example")


def test_declared_prefixes_are_not_repeated() -> None:
    text, added = with_prefixes("PREFIX schema: <https://schema.org/>\nSELECT * {}")
    assert "PREFIX schema:" in text and text.count("PREFIX schema:") == 1
    assert added == text.count("\n") - 1


class FakeShell:
    def __init__(self) -> None:
        self.user_ns: dict[str, Any] = {}
        self.magics: dict[str, Any] = {}

    def register_magic_function(self, func: Any, magic_kind: str, magic_name: str) -> None:
        self.magics[(magic_kind, magic_name)] = func


def test_cell_magic_returns_a_frame_and_stores_it(store: Store) -> None:
    shell = FakeShell()
    claims.load_ipython_extension(shell)
    cell = shell.magics[("cell", "sparql")]
    magic.use_store(store)
    try:
        df = cell("--out speakers", "speakers")
        assert isinstance(df, pd.DataFrame)
        assert shell.user_ns["speakers"] is df
        count = cell("", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a claims:Quotation } }")
        assert count["n"].tolist() == [int((claims.select(store, "quotations_by_speaker")).shape[0])]
    finally:
        magic.use_store(None)


def test_cell_magic_sees_the_union_unless_strict(store: Store) -> None:
    """Issue 16: a query without GRAPH counts the quotations of every article graph."""
    magic.use_store(store)
    try:
        text = "SELECT (COUNT(*) AS ?n) WHERE { ?s a claims:Quotation }"
        expected = len(claims.select(store, "quotations_by_speaker"))
        assert expected > 0
        assert magic.sparql("", text)["n"].tolist() == [expected]
        assert magic.sparql("--strict", text)["n"].tolist() == [0]
        assert run_sparql(store, text, union=False)["n"].tolist() == [0]
    finally:
        magic.use_store(None)


def test_cell_magic_prints_errors(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    magic.use_store(store)
    try:
        assert magic.sparql("--nope x", "ASK {}") is None
        assert capsys.readouterr().err == (
            "[claims-error] unknown option '--nope': usage: %%sparql [--store URL] [--out NAME] "
            "[--strict | --union]\n")
        assert magic.sparql("", BAD) is None
        assert "at line 2, column" in capsys.readouterr().err
    finally:
        magic.use_store(None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.remote
def test_cell_magic_against_a_remote_endpoint(store_path: Path) -> None:
    binary = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "oxigraph"
    if not binary.exists():
        pytest.skip("oxigraph server (PyPI 'oxigraph') is not installed")
    port = _free_port()
    server = subprocess.Popen([str(binary), "serve-read-only", "--location", str(store_path),
                               "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        df = magic.sparql(f"--store {url}", "speakers")
        local = claims.select(claims.open_store(str(store_path), read_only=True), "speakers")
        assert isinstance(df, pd.DataFrame)
        assert sorted(df["speaker"]) == sorted(local["speaker"])
    finally:
        server.terminate()
        server.wait(10)
