"""Commands over articles: ingest, extract, export, validate, stats."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
import pandas as pd
from rdflib import Graph

from claims import export as exporting
from claims import pipeline, query
from claims.cli._common import (
    coded_errors,
    echo_frame,
    emit,
    format_option,
    output_option,
    store_option,
)
from claims.errors import ClaimsError
from claims.extract import extract as extract_statements
from claims.language import english_rules
from claims.model import iris
from claims.model.shapes import check, quiet_literals
from claims.statements import Statement
from claims.store import Store, open_store


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--no-validate", is_flag=True, hidden=True,
              help="The same as --validate none (kept for older scripts).")
@click.option("--validate", "validate", type=click.Choice(["auto", "all", "sample", "none"]),
              default="auto", show_default=True,
              help="Which articles get the SHACL check: auto = the first 10, then 1 in 1000.")
@click.option("--workers", type=click.IntRange(min=0), default=1, show_default=True,
              help="Processes that extract in parallel (0: one a CPU).")
@click.option("--force", is_flag=True, help="Re-extract articles already stored unchanged.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@store_option
@coded_errors
def ingest(paths: tuple[Path, ...], no_validate: bool, validate: str, workers: int, force: bool,
           progress: bool | None, store_spec: str | None) -> None:
    """Read articles (files, directories, JSON Lines) and store their statements.

    Articles already stored with the same content are skipped, so an interrupted run
    can simply be run again.
    """
    mode: pipeline.Validate = "none" if no_validate else validate  # type: ignore[assignment]
    with open_store(store_spec) as store:
        report = pipeline.ingest(paths, store, validate=mode, workers=workers, force=force,
                                 progress=progress)
        _print_report(report)  # before closing the store, which may fail too when the disk is full
    if report.failures or report.stopped is not None:
        sys.exit(2 if report.analyses else 1)


def _print_report(report: pipeline.IngestReport) -> None:
    for analysis in report.analyses:
        lang = analysis.document.language
        note = "" if english_rules(lang) else f" ({lang}: quotations only, no English rules)"
        click.echo(f"stored {analysis.document.id}: {len(analysis.statements)} statements{note}")
    stopped = report.stopped.message if report.stopped is not None else None
    unwritten = [f for f in report.failures if f.message == stopped]
    for failure in report.failures:
        if failure.message != stopped:  # the articles the stop left unwritten: counted below
            click.echo(f"failed {failure.source}: {failure.message}", err=True)
    click.echo(f"{len(report.analyses)} articles, {report.statements} statements, "
               f"{len(report.failures)} failed, {len(report.skipped)} already stored")
    for name in report.stale_layers:
        click.echo(f"derived layer {name} not updated: rebuild it ('claims layers rebuild {name}')",
                   err=True)
    if stopped is not None:
        click.echo(f"stopped before the end: {stopped}", err=True)
        click.echo(f"{len(unwritten)} articles read but not stored, and the rest not read: "
                   "run the same command again once there is room", err=True)


def statement_record(doc_id: str, content_hash: str, st: Statement) -> dict[str, Any]:
    """A statement as one line of ``claims extract --format jsonl`` (field names are stable)."""
    record: dict[str, Any] = {
        "doc": doc_id, "kind": st.kind.value, "text": st.text,
        "start": st.span.start, "end": st.span.end,
        "speaker": st.speaker.name if st.speaker else None,
        "speaker_mention": st.speaker.mention if st.speaker else None,
        "speaker_antecedent": st.speaker.antecedent if st.speaker else None,
        "cue": st.cue, "confidence": round(st.confidence, 3),
        "iri": str(iris.statement_iri(content_hash, st.kind, st.span)),
        "partial": st.partial,
    }
    if st.speaker:
        record["speaker_role"] = st.speaker.role
        record["attribution"] = st.speaker.method
    if st.quantity:
        q = st.quantity
        record["quantity"] = {"value": q.value, "unit": q.unit, "approximate": q.approximate,
                              "kind": q.kind, "upper": q.upper, "qualifier": q.qualifier,
                              "measures": q.measures, "iso": q.iso}
    return record


_EXTRACT_COLUMNS = ["doc", "kind", "speaker", "text", "start", "end", "cue", "confidence"]


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table", "csv", "json"]),
              default="jsonl", show_default=True,
              help="jsonl: one JSON object a statement, written as each article is read; "
                   "table, csv, json: every statement, as the other commands print rows "
                   "(csv flattens the figure's fields to quantity.value, quantity.unit, ...).")
@output_option
@coded_errors
def extract(paths: tuple[Path, ...], fmt: str) -> None:
    """Extract statements without storing them: one JSON object a line (--format jsonl),
    or a table, CSV or a JSON array."""
    failed = False
    records: list[dict[str, Any]] = []
    for item in pipeline.documents(paths):
        if isinstance(item, ClaimsError):
            click.echo(item.message, err=True)
            failed = True
            continue
        found = [statement_record(item.id, item.content_hash, st)
                 for st in extract_statements(item)]
        if fmt == "jsonl":
            for record in found:
                emit(json.dumps(record, ensure_ascii=False))
        else:
            records += found
    if fmt == "table":
        echo_frame(pd.DataFrame(records, columns=_EXTRACT_COLUMNS), fmt)
    elif fmt == "json":
        emit(json.dumps(records, ensure_ascii=False))
    elif fmt == "csv":
        frame = pd.json_normalize(records) if records else pd.DataFrame(columns=_EXTRACT_COLUMNS)
        echo_frame(frame, fmt)
    if failed:
        sys.exit(1)


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(exporting.FORMATS), default="trig",
              show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to a file instead of standard output.")
@click.option("--since", default=None, metavar="DATE",
              help="Only reviews at or after DATE (YYYY-MM-DD or ISO date-time, UTC): "
                   "claimreview, annotations, csv; trig/nquads then hold the review events.")
@click.option("--imported", is_flag=True,
              help="claimreview: include the fact-checks imported with 'claims factchecks import'.")
@store_option
@coded_errors
def export_cmd(fmt: str, output: Path | None, since: str | None, imported: bool,
               store_spec: str | None) -> None:
    """Dump the knowledge base, or export reviews for fact-checking tools."""
    with open_store(store_spec) as store:
        data = exporting.export(store, fmt, since=since, imported=imported)
    if fmt == "claimreview" and not json.loads(data or b"{}").get("@graph"):
        click.echo("note: no ratings to export (rate a claim with 'claims review rate'"
                   + (" or widen --since" if since else "") + "): the document's @graph is empty",
                   err=True)
    if output:
        output.write_bytes(data)
        click.echo(f"wrote {output} ({len(data):,} bytes)")
    else:
        sys.stdout.buffer.write(data)


@click.command()
@store_option
@coded_errors
def validate(store_spec: str | None) -> None:
    """Check every graph in the store against the SHACL shapes (each article graph and the
    reviews graph read with the entities graph, which describes the people they name)."""
    with open_store(store_spec) as store, quiet_literals():  # ill-typed literals: in the reports
        names = store.graphs()
        people = str(iris.entities_graph_iri())
        entities = _named_graph(store, people) if people in names else None
        failed = 0
        for name in names:
            report = check(_named_graph(store, name), entities=None if name == people else entities)
            if not report.conforms:
                failed += 1
                click.echo(f"{name}: does not conform\n{report.text}", err=True)
        click.echo(f"{len(names) - failed} graphs conform, {failed} do not")
    if failed:
        sys.exit(1)


def _named_graph(store: Store, name: str) -> Graph:
    graph = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
    assert isinstance(graph, Graph)
    return graph


@click.command()
@store_option
@format_option
@coded_errors
def stats(store_spec: str | None, fmt: str) -> None:
    """Counts of articles, statements by kind, speakers and triples."""
    with open_store(store_spec) as store:
        echo_frame(query.select(store, "stats"), fmt)


COMMANDS = (ingest, extract, export_cmd, validate, stats)
