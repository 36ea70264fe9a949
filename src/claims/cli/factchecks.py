"""``claims factchecks``: import published fact-checks, match sentences against them, list them,
and confirm or reject a statement's match."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

import click

from claims import jsonl, query
from claims.cli._common import (
    coded_errors,
    echo_frame,
    format_option,
    note_option,
    open_shared,
    reviewer_option,
    store_option,
)
from claims.store.base import Store

_HINT = "give one JSON object a line: id, text, and optionally speaker and date"


@click.group("factchecks")
def factchecks_group() -> None:
    """Has this been fact-checked already? Published fact-checks and the statements they match."""


@factchecks_group.command("import")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@store_option
@coded_errors
def import_command(paths: tuple[Path, ...], store_spec: str | None) -> None:
    """Import ClaimReview JSON-LD (.json), Fact Check Tools responses (.json), vclaims rows
    (.jsonl, .csv). Bad records are reported (coded errors) and the rest imported."""
    from claims.factcheck import import_paths

    with open_shared(store_spec) as store:
        report = import_paths(store, paths)
    for error in report.errors:
        click.echo(str(error), err=True)
    for graph, n in sorted(report.sources.items()):
        click.echo(f"{graph}\t{n}")
    click.echo(f"imported {report.imported} fact-checks in {report.seconds:.2f} s "
               f"({report.rate:,.0f}/s); {len(report.errors)} refused")
    for layer, why in report.stale.items():
        click.echo(f"layer {layer} is stale ({why}); run 'claims layers rebuild {layer}'", err=True)


@factchecks_group.command("match")
@click.option("--text", default=None, help="A sentence to match (need not be in the knowledge base).")
@click.option("--speaker", default=None, help="Who said it (with --text).")
@click.option("--date", "day", default=None, help="When, YYYY-MM-DD (with --text).")
@click.option("--queries", type=click.File("r", encoding="utf-8"), default=None,
              help="A JSON Lines file (or - for standard input): id, text, optional speaker and date.")
@click.option("--top", default=20, show_default=True, help="Fact-checks a sentence.")
@store_option
@coded_errors
def match_command(text: str | None, speaker: str | None, day: str | None, queries: TextIO | None,
                  top: int, store_spec: str | None) -> None:
    """Rank the stored fact-checks for sentences: prints query id, the fact-check's URL, rank and
    score, tab-separated (best first)."""
    from claims.factcheck import match_queries
    from claims.factcheck.layer import collection

    if (text is None) == (queries is None):
        raise click.UsageError("give --text or --queries")
    records = ([{"id": "text", "text": text, "speaker": speaker, "date": day}] if text is not None
               else jsonl.objects(queries or (), ("id", "text"), _HINT))
    with open_shared(store_spec) as store:
        urls = _urls(store)
        collection(store)
        for ident, m in match_queries(store, records, top=top):
            click.echo(f"{ident}\t{urls.get(m.doc, m.doc)}\t{m.rank}\t{m.score:.4f}")


def _urls(store: Store) -> dict[str, str]:
    frame = query.select(store, "factchecks")
    return {query.expand(str(f)): str(u) for f, u in zip(frame["factcheck"], frame["url"], strict=True)}



@factchecks_group.command("list")
@click.option("--rating", default=None, help="Only this normalised rating (true … false, unverifiable).")
@click.option("--publisher", default=None, help="Only this publisher's.")
@click.option("--statements", is_flag=True, help="List the matched statements instead.")
@store_option
@format_option
@coded_errors
def list_command(rating: str | None, publisher: str | None, statements: bool, store_spec: str | None,
                 fmt: str) -> None:
    """The imported fact-checks (or, with --statements, the statements they match)."""
    with open_shared(store_spec) as store:
        frame = (query.select(store, "statements_factchecked") if statements
                 else query.select(store, "factchecks", publisher=publisher))
    if rating:
        frame = frame[frame["rating"].astype(str).str.rsplit("/", n=1).str[-1] == rating]
    echo_frame(frame, fmt)


@factchecks_group.command("reject")
@click.argument("statement")
@click.argument("factcheck")
@reviewer_option
@note_option
@store_option
@coded_errors
def reject_command(statement: str, factcheck: str, reviewer: str, note: str | None,
                   store_spec: str | None) -> None:
    """STATEMENT was not checked by FACTCHECK (IRIs): the pair never comes back."""
    from claims.factcheck import reject

    with open_shared(store_spec) as store:
        made = reject(store, statement, factcheck, reviewer=reviewer, note=note)
    click.echo(made.iri)


@factchecks_group.command("confirm")
@click.argument("statement")
@click.argument("factcheck")
@reviewer_option
@note_option
@store_option
@coded_errors
def confirm_command(statement: str, factcheck: str, reviewer: str, note: str | None,
                    store_spec: str | None) -> None:
    """FACTCHECK did check STATEMENT (IRIs)."""
    from claims.factcheck import confirm

    with open_shared(store_spec) as store:
        made = confirm(store, statement, factcheck, reviewer=reviewer, note=note)
    click.echo(made.iri)


COMMANDS = [factchecks_group]
