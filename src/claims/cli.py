"""The ``claims`` command: one command per public function, errors turned into messages here.

``--store`` (or ``CLAIMS_STORE``) picks the store for every command; ``--format`` picks
table, csv or json output where a command prints rows.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
import pandas as pd

from claims import export as exporting
from claims import pipeline, query
from claims.errors import ClaimsError
from claims.extract import extract as extract_statements
from claims.index import IndexStatus, StatementIndex
from claims.model import iris
from claims.model.shapes import check
from claims.statements import Statement
from claims.store import Store, open_store
from claims.store.base import Table

F = TypeVar("F", bound=Callable[..., Any])

store_option = click.option("--store", "store_spec", envvar="CLAIMS_STORE", default=None,
                            help="Store: a directory (embedded Oxigraph, default kb/store), "
                                 "'memory:', or a SPARQL endpoint URL.  [env: CLAIMS_STORE]")
format_option = click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]),
                             default="table", show_default=True, help="Output format.")


def coded_errors(func: F) -> F:
    """Turn a ClaimsError into a one-line message and exit code 1: the only place it happens."""
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ClaimsError as exc:
            raise click.ClickException(exc.message) from exc
    return wrapper  # type: ignore[return-value]


def echo_frame(frame: pd.DataFrame, fmt: str) -> None:
    if fmt == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
    elif fmt == "json":
        click.echo(frame.to_json(orient="records", force_ascii=False, date_format="iso"))
    elif frame.empty:
        click.echo("(no rows)")
    else:
        with pd.option_context("display.max_rows", None, "display.max_columns", None,
                               "display.width", 200, "display.max_colwidth", 60):
            click.echo(frame.to_string(index=False))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claims")
def cli() -> None:
    """Quotations, reported speech and figures from news, as a SPARQL knowledge base."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--no-validate", is_flag=True, help="Skip the SHACL check before writing.")
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
    for analysis in report.analyses:
        click.echo(f"stored {analysis.document.id}: {len(analysis.statements)} statements")
    for failure in report.failures:
        click.echo(f"failed {failure.source}: {failure.message}", err=True)
    click.echo(f"{len(report.analyses)} articles, {report.statements} statements, "
               f"{len(report.failures)} failed, {len(report.skipped)} already stored")
    if report.failures:
        sys.exit(2 if report.analyses else 1)


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
                              "measures": q.measures}
    return record


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl",
              show_default=True)
@coded_errors
def extract(paths: tuple[Path, ...], fmt: str) -> None:
    """Extract statements without storing them: one JSON object a line."""
    failed = False
    for item in pipeline.documents(paths):
        if isinstance(item, ClaimsError):
            click.echo(item.message, err=True)
            failed = True
            continue
        records = [statement_record(item.id, item.content_hash, st)
                   for st in extract_statements(item)]
        if fmt == "jsonl":
            for record in records:
                click.echo(json.dumps(record, ensure_ascii=False))
        else:
            echo_frame(pd.DataFrame(records, columns=["doc", "kind", "speaker", "text", "start",
                                                      "end", "cue", "confidence"]), "table")
    if failed:
        sys.exit(1)


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise click.BadParameter(f"{pair!r} is not key=value", param_hint="--param")
        params[key.strip()] = value
    return params


@cli.command("query")
@click.argument("name", required=False)
@click.option("--param", "-p", "pairs", multiple=True, help="key=value, bound as an RDF term.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries.")
@store_option
@format_option
@coded_errors
def query_cmd(name: str | None, pairs: tuple[str, ...], list_queries: bool,
              store_spec: str | None, fmt: str) -> None:
    """Run a named query (see --list) with parameters."""
    if list_queries or not name:
        rows = [{"name": q.name, "parameters": ", ".join(p.name for p in q.params),
                 "purpose": q.purpose} for q in query.named_queries().values()]
        echo_frame(pd.DataFrame(rows), fmt)
        return
    query.get_query(name)
    with open_store(store_spec) as store:
        echo_frame(query.select(store, name, **_params(pairs)), fmt)


@cli.command()
@click.argument("text")
@click.option("--param", "-p", "pairs", multiple=True, help="key=value, bound as a literal.")
@store_option
@format_option
@coded_errors
def sparql(text: str, pairs: tuple[str, ...], store_spec: str | None, fmt: str) -> None:
    """Run SPARQL given as text or as a file (SELECT, ASK, CONSTRUCT, DESCRIBE)."""
    path = Path(text)
    sparql_text = path.read_text("utf-8") if len(text) < 500 and path.is_file() else text
    with open_store(store_spec) as store:
        result = query.run(store, sparql_text, **_params(pairs))
    if isinstance(result, Table):
        echo_frame(query.to_frame(result), fmt)
    elif isinstance(result, bool):
        click.echo("true" if result else "false")
    else:
        click.echo(result.serialize(format="turtle"))


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(exporting.FORMATS), default="trig",
              show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to a file instead of standard output.")
@click.option("--since", default=None, metavar="DATE",
              help="Only reviews at or after DATE (YYYY-MM-DD or ISO date-time, UTC): "
                   "claimreview, annotations, csv; trig/nquads then hold the review events.")
@store_option
@coded_errors
def export_cmd(fmt: str, output: Path | None, since: str | None, store_spec: str | None) -> None:
    """Dump the knowledge base, or export reviews for fact-checking tools."""
    with open_store(store_spec) as store:
        data = exporting.export(store, fmt, since=since)
    if output:
        output.write_bytes(data)
        click.echo(f"wrote {output} ({len(data):,} bytes)")
    else:
        sys.stdout.buffer.write(data)


@cli.command()
@store_option
@coded_errors
def validate(store_spec: str | None) -> None:
    """Check every article graph in the store against the SHACL shapes."""
    with open_store(store_spec) as store:
        failed = 0
        for name in store.graphs():
            graph = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
            assert not isinstance(graph, Table | bool)
            report = check(graph)
            if not report.conforms:
                failed += 1
                click.echo(f"{name}: does not conform\n{report.text}", err=True)
        click.echo(f"{len(store.graphs()) - failed} graphs conform, {failed} do not")
    if failed:
        sys.exit(1)


@cli.command()
@store_option
@format_option
@coded_errors
def stats(store_spec: str | None, fmt: str) -> None:
    """Counts of articles, statements by kind, speakers and triples."""
    with open_store(store_spec) as store:
        echo_frame(query.select(store, "stats"), fmt)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; loopback unless you mean to share it on a network.")
@click.option("--port", default=7878, show_default=True, type=int)
@click.option("--writable", is_flag=True, help="Accept SPARQL Update (default: read-only).")
@store_option
@coded_errors
def serve(host: str, port: int, writable: bool, store_spec: str | None) -> None:
    """Serve the embedded store as a SPARQL endpoint (Oxigraph's server)."""
    from claims.store.serve import serve as run_server
    from claims.store.serve import serve_command

    command = serve_command(store_spec, host=host, port=port, writable=writable)
    click.echo(f"SPARQL endpoint: {command.query_url}"
               + (f"  update: {command.update_url}" if command.update_url else "  (read-only)"),
               err=True)
    click.echo(f"point the project at it: CLAIMS_STORE={command.query_url}", err=True)
    sys.exit(run_server(store_spec, host=host, port=port, writable=writable))


# ---------------------------------------------------------------- review (issue 5)

reviewer_option = click.option("--reviewer", "-r", envvar="CLAIMS_REVIEWER", required=True,
                               help="Your name, kept with the event.  [env: CLAIMS_REVIEWER]")


def _open_shared(spec: str | None) -> Store:
    """Review commands open an on-disk store per operation under a lock (shared=True), so
    several editors can record at the same time."""
    return open_store(spec, shared=True)


@cli.group()
def review() -> None:
    """Editorial review: verdicts on attributions, ratings of claims, their history."""


@review.command("list")
@click.option("--reviewed", "show", flag_value="reviewed",
              help="The current status of every reviewed statement.")
@click.option("--orphaned", "show", flag_value="orphaned",
              help="Events whose statement no longer exists.")
@store_option
@format_option
@coded_errors
def review_list(show: str | None, store_spec: str | None, fmt: str) -> None:
    """The review queue: quotations and reported speech with no verdict yet."""
    from claims import review as reviewing

    name = {"reviewed": "review_status", "orphaned": "orphaned_reviews"}.get(show or "")
    with _open_shared(store_spec) as store:
        echo_frame(query.select(store, name) if name else reviewing.queue(store), fmt)


@review.command("record")
@click.argument("statement")
@click.argument("verdict", type=click.Choice(["confirmed", "misattributed", "misquoted",
                                              "not-a-quotation", "unverifiable"]))
@reviewer_option
@click.option("--note", "-n", default=None, help="Why; kept with the event.")
@click.option("--speaker", default=None, help="misattributed: who actually said it.")
@click.option("--text", "wording", default=None, help="misquoted: the wording the source has.")
@store_option
@coded_errors
def review_record(statement: str, verdict: str, reviewer: str, note: str | None,
                  speaker: str | None, wording: str | None, store_spec: str | None) -> None:
    """Record a VERDICT on STATEMENT (an IRI, or kb:statement/...)."""
    from claims import review as reviewing

    with _open_shared(store_spec) as store:
        event = reviewing.record(store, statement, verdict, reviewer=reviewer, note=note,
                                 corrected_speaker=speaker, corrected_text=wording)
    click.echo(f"{query.shorten(event.iri)} {event.verdict} {event.time.isoformat()}")


@review.command("rate")
@click.argument("statement")
@click.argument("rating", type=click.Choice(["true", "mostly-true", "mixture", "mostly-false",
                                             "false", "unverifiable"]))
@reviewer_option
@click.option("--wording", default=None, help="Your own wording of the rating.")
@click.option("--url", default=None, help="The published fact-check.")
@click.option("--evidence", "-e", multiple=True, help="What the rating rests on (repeatable).")
@click.option("--note", "-n", default=None)
@store_option
@coded_errors
def review_rate(statement: str, rating: str, reviewer: str, wording: str | None,
                url: str | None, evidence: tuple[str, ...], note: str | None,
                store_spec: str | None) -> None:
    """Rate the claim STATEMENT makes, on the normalised scale."""
    from claims import review as reviewing

    with _open_shared(store_spec) as store:
        event = reviewing.rate(store, statement, rating, reviewer=reviewer, rating_text=wording,
                               url=url, evidence=evidence, note=note)
    click.echo(f"{query.shorten(event.iri)} {event.rating} {event.time.isoformat()}")


@review.command("history")
@click.argument("statement", required=False)
@store_option
@format_option
@coded_errors
def review_history(statement: str | None, store_spec: str | None, fmt: str) -> None:
    """Every event on STATEMENT (or on all statements), oldest first."""
    with _open_shared(store_spec) as store:
        echo_frame(query.select(store, "review_history", statement=statement), fmt)


@cli.group("index")
def index_group() -> None:
    """The statement index beside the store (SQLite): fast list views, rebuilt at any time."""


def _index_line(status: IndexStatus) -> str:
    return (f"{status.path}: {status.rows} statements, {status.graphs} articles, "
            f"{status.events} review events")


@contextmanager
def _index(store_spec: str | None, *, build: bool = False) -> Iterator[StatementIndex]:
    """The store's index, built afresh (``build``) or as it is (never created here)."""
    with _open_shared(store_spec) as store:
        index = StatementIndex.build(store) if build else StatementIndex.open(store, sync=False, create=False)
        try:
            yield index
        finally:
            index.close()


@index_group.command("rebuild")
@store_option
@coded_errors
def index_rebuild(store_spec: str | None) -> None:
    """Build the index afresh from the store (also the fix for a damaged index)."""
    began = time.perf_counter()
    with _index(store_spec, build=True) as index:
        status = index.check()
    click.echo(f"rebuilt {_index_line(status)} in {time.perf_counter() - began:.1f} s")


@index_group.command("sync")
@store_option
@coded_errors
def index_sync(store_spec: str | None) -> None:
    """Catch the index up with the store: re-read changed articles and new review events."""
    began = time.perf_counter()
    with _index(store_spec) as index:
        done = index.sync()
        status = index.check()
    what = ("rebuilt (too much had changed)" if done["rebuilt"] else
            f"{done['changed']} articles re-indexed, {done['vanished']} dropped, "
            f"{done['events']} new review events")
    click.echo(f"synced {_index_line(status)}: {what} in {time.perf_counter() - began:.2f} s")


@index_group.command("status")
@store_option
@coded_errors
def index_status(store_spec: str | None) -> None:
    """Rows, last sync, and whether the index is stale (the store has changed since)."""
    with _index(store_spec) as index:
        status = index.check()
    click.echo(_index_line(status))
    click.echo(f"last sync: {status.synced_at or 'never'}; last rebuild: {status.rebuilt_at or 'never'}")
    if status.stale:
        click.echo(f"stale: {status.changed_graphs} articles changed or added, "
                   f"{status.vanished_graphs} removed, {status.new_events} new review events "
                   "(run 'claims index sync')")
    else:
        click.echo("up to date")


def main() -> None:
    cli()
