"""The command line mirrors the library; errors become messages and exit codes only here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Dataset

from claims.cli import cli
from claims.vocab import CLAIMS


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("CLAIMS_STORE", str(tmp_path / "store"))
    return CliRunner()


@pytest.fixture
def built(runner: CliRunner, founding_article: Path) -> CliRunner:
    result = runner.invoke(cli, ["ingest", str(founding_article)])
    assert result.exit_code == 0, result.output
    return runner


def test_extract_jsonl_contract(runner: CliRunner, founding_article: Path) -> None:
    result = runner.invoke(cli, ["extract", str(founding_article), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    keys = {"doc", "kind", "text", "start", "end", "speaker", "speaker_mention", "cue",
            "confidence", "iri"}
    assert all(keys <= r.keys() for r in records)
    assert {r["doc"] for r in records} == {"sco-summit-samarkand"}
    assert {r["kind"] for r in records} == {"quotation", "reported_speech", "figure"}
    half = next(r for r in records if "half of the world" in r["text"])
    assert half["quantity"]["value"] == 0.5 and half["quantity"]["approximate"] is False
    ushakov = [r for r in records if r["speaker"] == "Yuri Ushakov" and r["kind"] == "quotation"]
    assert len(ushakov) == 3
    rerun = runner.invoke(cli, ["extract", str(founding_article)])
    assert [json.loads(x)["iri"] for x in rerun.output.splitlines()] == [r["iri"] for r in records]


def test_ingest_query_and_formats(built: CliRunner) -> None:
    table = built.invoke(cli, ["query", "quotations_by_speaker", "-p", "speaker=Ebrahim Raisi"])
    assert table.exit_code == 0 and "The Americans think" in table.output
    rows = json.loads(built.invoke(cli, ["query", "speakers", "--format", "json"]).output)
    assert {"Vladimir Putin", "Yuri Ushakov", "Ebrahim Raisi", "Andrew Small"} <= {
        r["speaker"] for r in rows}
    csv = built.invoke(cli, ["query", "figures", "--format", "csv"]).output
    assert csv.splitlines()[0].startswith("statement,text,value")


def test_query_list_and_unknown(built: CliRunner) -> None:
    listing = built.invoke(cli, ["query", "--list"])
    assert "quotations_by_speaker" in listing.output and "unreviewed" in listing.output
    unknown = built.invoke(cli, ["query", "nope"])
    assert unknown.exit_code == 1 and "[unknown-query]" in unknown.output
    bad = built.invoke(cli, ["query", "speakers", "-p", "nobody=1"])
    assert bad.exit_code == 1 and "[bad-parameter]" in bad.output


def test_injection_through_the_cli(built: CliRunner) -> None:
    before = built.invoke(cli, ["stats", "--format", "json"]).output
    result = built.invoke(cli, ["query", "quotations_by_speaker", "-p",
                                'speaker=Putin" } ; DROP ALL ; #'])
    assert result.exit_code == 1 and "[not-found] speaker 'Putin\" } ; DROP ALL ; #'" in result.output
    assert built.invoke(cli, ["stats", "--format", "json"]).output == before


def test_the_speaker_parameter_takes_a_surname_or_alias(built: CliRunner) -> None:
    full = built.invoke(cli, ["query", "quotations_by_speaker", "-p", "speaker=Ebrahim Raisi",
                              "--format", "json"]).output
    assert json.loads(full)
    for typed in ("Raisi", "ebrahim raisi", "Ebrahim Raeisi"):  # surname, case, the table's alias
        found = built.invoke(cli, ["query", "quotations_by_speaker", "-p", f"speaker={typed}",
                                   "--format", "json"])
        assert found.exit_code == 0 and found.output == full
    typo = built.invoke(cli, ["query", "quotations_by_speaker", "-p", "speaker=Ebrahim Raissi"])
    assert typo.exit_code == 1
    assert "[not-found] speaker 'Ebrahim Raissi': no such speaker; did you mean Ebrahim Raisi?" in typo.output


def test_tables_fit_the_terminal(built: CliRunner) -> None:
    for args in (["query", "--list"], ["query", "quotations_by_speaker"], ["review", "list"]):
        out = built.invoke(cli, args, env={"COLUMNS": "90"}).output
        lines = out.splitlines()
        assert len(lines) > 3 and max(len(line) for line in lines) <= 90, args
        assert "…" in out  # long text is cut, not wrapped across the screen
        if args != ["query", "quotations_by_speaker"]:
            assert set(lines[1]) <= {"-", " "}  # a table: the header's rule
        else:  # twelve columns: a block per row
            assert lines[0].startswith("-[ 1 ]---") and lines[2].startswith("speaker  ")
    listing = built.invoke(cli, ["query", "--list"], env={"COLUMNS": "90"}).output.splitlines()
    assert listing[2].startswith("article_statements  ")  # text left-aligned


def test_sparql_text_file_and_errors(built: CliRunner, tmp_path: Path) -> None:
    ask = built.invoke(cli, ["sparql", "ASK { GRAPH ?g { ?s a <https://w3id.org/claims#Quotation> } }"])
    assert ask.output.strip() == "true"
    query = tmp_path / "q.rq"
    query.write_text("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a <https://w3id.org/claims#Article> } }")
    assert built.invoke(cli, ["sparql", str(query), "--format", "csv"]).output == "n\n1\n"
    broken = built.invoke(cli, ["sparql", "SELECT ?x WHERE { ?x ?y"])
    assert broken.exit_code == 1 and "[query-rejected]" in broken.output


def test_sparql_declares_prefixes_explains_errors_and_hints_at_unknown_terms(built: CliRunner) -> None:
    count = built.invoke(cli, ["sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s a claims:Article }",
                               "--format", "csv"])
    assert count.output == "n\n1\n"
    unknown = built.invoke(cli, ["sparql", "SELECT ?t WHERE { ?s claims:text ?t }"])
    assert unknown.exit_code == 0, unknown.output
    assert unknown.stdout == "(no rows)\n"
    assert unknown.stderr == "note: claims:text is not a term of the model — did you mean schema:text?\n"
    # last: a failed query's traceback keeps the embedded store open in this process
    limit = built.invoke(cli, ["sparql", "SELECT * WHERE { ?s ?p ?o }\nLIMIT x"])
    assert limit.exit_code == 1
    assert limit.output.splitlines()[-3:] == [
        "Error: [query-rejected] unexpected `x` at line 2, column 7: expected `HAVING`, `OFFSET`, "
        "`OPTIONAL`, `VALUES`", "  LIMIT x", "        ^"]


def test_sparql_sees_the_union_unless_strict(built: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/claims#Article> }"
    assert built.invoke(cli, ["sparql", count, "--format", "csv"]).output == "n\n1\n"
    assert built.invoke(cli, ["sparql", count, "--strict", "--format", "csv"]).output == "n\n0\n"
    monkeypatch.setenv("CLAIMS_DATASET", "strict")
    assert built.invoke(cli, ["sparql", count, "--format", "csv"]).output == "n\n0\n"
    assert built.invoke(cli, ["sparql", count, "--union", "--format", "csv"]).output == "n\n1\n"
    monkeypatch.setenv("CLAIMS_DATASET", "both")
    wrong = built.invoke(cli, ["sparql", count])
    assert wrong.exit_code == 1 and "CLAIMS_DATASET" in wrong.output


def test_export_validate_stats(built: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "kb.trig"
    assert built.invoke(cli, ["export", "--format", "trig", "-o", str(out)]).exit_code == 0
    dataset = Dataset(default_union=True)
    dataset.parse(out, format="trig")
    assert len(set(dataset.subjects(RDF.type, CLAIMS.Quotation))) >= 9
    turtle = built.invoke(cli, ["export", "--format", "turtle"]).output
    assert "@prefix" in turtle
    jsonld = json.loads(built.invoke(cli, ["export", "--format", "jsonld"]).output)
    assert jsonld
    reviews = built.invoke(cli, ["export", "--format", "claimreview"])  # nothing rated yet
    assert reviews.exit_code == 0 and json.loads(reviews.stdout).get("@graph") == []
    assert reviews.stderr.startswith("note: no ratings to export (rate a claim with")
    valid = built.invoke(cli, ["validate"])
    assert valid.exit_code == 0 and "2 graphs conform, 0 do not" in valid.output  # article, entities
    stats = json.loads(built.invoke(cli, ["stats", "--format", "json"]).output)
    counts = {r["item"]: r["count"] for r in stats}
    assert counts["articles"] == 1 and counts["quotations"] >= 9


def test_ingest_reports_bad_files(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(cli, ["ingest", str(empty)])
    assert result.exit_code == 1 and "[empty-input]" in result.output


def test_help_is_whole_and_json_is_plain(built: CliRunner) -> None:
    for args in ([], ["review"], ["index"]):
        listing = built.invoke(cli, [*args, "--help"], env={"COLUMNS": "100"}).output
        commands = listing.split("Commands:")[1]
        cut = [line for line in commands.splitlines() if line.rstrip().endswith("...")]
        assert cut == [], args  # click cuts first sentences at 45 characters with "..."
    rows = built.invoke(cli, ["query", "articles", "--format", "json"]).output
    assert "\\/" not in rows and '"date": "' in rows
    [article] = json.loads(rows)
    assert len(article["date"]) == 10  # 2022-09-15, not 2022-09-15T00:00:00.000
    assert all(value is None or value == value for value in article.values())  # no NaN


@pytest.mark.parametrize(("command", "good", "missing"), [
    (["link", "--mentions"], '{"id": "1", "mention": "Putin"}', "no mention"),
    (["check", "--sentences"], '{"id": "1", "sentence": "Half of all people."}', "no sentence"),
])
def test_a_bad_json_lines_record_is_a_coded_error_naming_its_line(
        runner: CliRunner, tmp_path: Path, command: list[str], good: str, missing: str) -> None:
    lines = tmp_path / "in.jsonl"
    lines.write_text(f"{good}\n\n{{\"id\": \"2\"}}\n", encoding="utf-8")
    result = runner.invoke(cli, [*command, str(lines)])
    assert result.exit_code == 1
    assert f"[malformed-batch] line 3: {missing}" in result.output
    lines.write_text(f"{good}\nnot json\n", encoding="utf-8")
    assert "[malformed-batch] line 2: Expecting value" in runner.invoke(cli, [*command, str(lines)]).output


def test_rows_go_to_a_file_with_output(built: CliRunner, tmp_path: Path,
                                       founding_article: Path) -> None:
    shown = built.invoke(cli, ["query", "speakers", "--format", "csv"]).output
    target = tmp_path / "speakers.csv"
    written = built.invoke(cli, ["query", "speakers", "--format", "csv", "-o", str(target)])
    assert written.exit_code == 0 and "Vladimir Putin" not in written.output
    assert target.read_text("utf-8") == shown and f"wrote {target}" in written.output
    table = tmp_path / "speakers.txt"  # a table in a file keeps every value whole
    built.invoke(cli, ["query", "quotations_by_speaker", "-o", str(table)], env={"COLUMNS": "40"})
    piped = built.invoke(cli, ["query", "quotations_by_speaker"], env={"COLUMNS": None}).output
    narrow = built.invoke(cli, ["query", "quotations_by_speaker"], env={"COLUMNS": "40"}).output
    assert table.read_text("utf-8") == piped != narrow
    for args in (["sparql", "ASK { ?s a claims:Quotation }"], ["stats"], ["review", "list"],
                 ["extract", "--format", "json", str(founding_article)]):
        out = tmp_path / "out"
        result = built.invoke(cli, [*args, "-o", str(out)])
        assert result.exit_code == 0, (args, result.output)
        assert out.read_text("utf-8").strip() and f"wrote {out}" in result.output, args


def test_extract_prints_rows_as_every_command(runner: CliRunner, founding_article: Path) -> None:
    lines = runner.invoke(cli, ["extract", str(founding_article)]).output.splitlines()
    records = [json.loads(line) for line in lines]
    as_json = runner.invoke(cli, ["extract", str(founding_article), "--format", "json"])
    assert json.loads(as_json.output) == records
    csv = runner.invoke(cli, ["extract", str(founding_article), "--format", "csv"]).output
    header = csv.splitlines()[0].split(",")
    assert {"doc", "kind", "speaker", "text", "quantity.value", "quantity.unit"} <= set(header)
    table = runner.invoke(cli, ["extract", str(founding_article), "--format", "table"],
                          env={"COLUMNS": "100"}).output.splitlines()
    assert table[0].split()[:3] == ["doc", "kind", "speaker"] and len(table) == len(records) + 2


def test_sparql_and_query_parameters_bind_alike(built: CliRunner) -> None:
    article = json.loads(built.invoke(cli, ["query", "articles", "--format", "json"]).output)[0]["article"]
    named = json.loads(built.invoke(cli, ["query", "article_statements", "-p", f"article={article}",
                                          "--format", "json"]).output)
    bracketed = built.invoke(cli, ["query", "article_statements", "-p", f"article=<{article}>",
                                   "--format", "json"])
    assert json.loads(bracketed.output) == named and len(named) > 10
    free = "SELECT DISTINCT ?s WHERE { ?s prov:wasDerivedFrom ?article ; claims:start ?at }"
    as_iri = json.loads(built.invoke(cli, ["sparql", free, "-p", f"article=<{article}>",
                                           "--format", "json"]).output)
    assert sorted(r["s"] for r in as_iri) == sorted(r["statement"] for r in named)
    as_text = built.invoke(cli, ["sparql", free, "-p", f"article={article}"]).output
    assert as_text.strip() == "(no rows)"  # unbracketed: the text "kb:article/…", no IRI
    text = named[0]["text"]  # a variable bound without being selected
    found = json.loads(built.invoke(cli, ["sparql", "SELECT ?s WHERE { ?s schema:text ?t }",
                                          "-p", f"t={text}", "--format", "json"]).output)
    assert [r["s"] for r in found] == [named[0]["statement"]]
    listing = built.invoke(cli, ["query", "--list", "--format", "json"]).output
    assert {"name": "article_statements", "parameters": "article (iri)"}.items() <= next(
        r for r in json.loads(listing) if r["name"] == "article_statements").items()


def test_no_validate_is_kept_but_not_shown(runner: CliRunner, founding_article: Path) -> None:
    assert "--no-validate" not in runner.invoke(cli, ["ingest", "--help"]).output
    result = runner.invoke(cli, ["ingest", "--no-validate", str(founding_article)])
    assert result.exit_code == 0 and "1 articles" in result.output
