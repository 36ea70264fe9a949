"""``claims check``: figures about countries and groups checked against reference statistics,
and editors' verdicts on the checks."""

from __future__ import annotations

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

_COLUMNS = ["check", "phrase", "measure", "entity", "year", "claimed", "computed", "verdict",
            "misstatement", "outlet", "date", "detail"]
_HINT = "give one JSON object a line: id, sentence, date, optional context"



def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.6g}" if abs(value) < 1e6 else f"{value:.0f}"


@click.group("check", invoke_without_command=True)
@click.option("--sentences", type=click.File("r", encoding="utf-8"), default=None,
              help="A JSON Lines file (or - for standard input), one sentence a line: id, "
                   "sentence, date, optional context; prints each figure found, tab-separated.")
@click.option("--article", default=None, help="Only this article's checks (its IRI or kb:article/…).")
@click.option("--verdict", default=None,
              help="Only this verdict: accurate, roughly_right, inaccurate, ambiguous, uncheckable.")
@click.option("--outlet", default=None, help="Only this outlet's articles (its name, exactly).")
@store_option
@format_option
@click.pass_context
@coded_errors
def check_group(ctx: click.Context, sentences: TextIO | None, article: str | None,
                verdict: str | None, outlet: str | None, store_spec: str | None, fmt: str) -> None:
    """Is the figure right? Without a subcommand: the stored checks as a table (worst first);
    with --sentences FILE.jsonl: id, phrase, measure, entity, year, claimed value, computed
    value and verdict of each figure, tab-separated, through the code ingestion uses."""
    if ctx.invoked_subcommand is not None:
        return
    if sentences is not None:
        from claims.check import check_records

        for ident, found in check_records(jsonl.objects(sentences, ("sentence",), _HINT)):
            r = found.reading
            click.echo("\t".join([ident, r.phrase, r.measure, r.entity.label if r.entity else "",
                                  str(r.year or ""), _number(r.claimed), _number(found.computed),
                                  found.verdict]))
        return
    from claims.check import checked

    with open_shared(store_spec) as store:
        frame = checked(store, verdict=verdict, outlet=outlet, article=article)
    echo_frame(frame[[c for c in _COLUMNS if c in frame.columns]], fmt)


@check_group.command("set")
@click.argument("check")
@click.argument("verdict")
@reviewer_option
@note_option
@store_option
@coded_errors
def check_set(check: str, verdict: str, reviewer: str, note: str | None, store_spec: str | None) -> None:
    """An editor's VERDICT on CHECK (kb:check/…): accurate, roughly_right, inaccurate,
    ambiguous or uncheckable. It wins over the checker's on every recomputation."""
    from claims.check import override

    with open_shared(store_spec) as store:
        made = override(store, check, verdict, reviewer=reviewer, note=note)
    click.echo(f"{query.shorten(made.iri)} {verdict} {made.time.isoformat()}")


@check_group.command("status")
@store_option
@coded_errors
def check_status(store_spec: str | None) -> None:
    """Articles whose checks are missing, older than their text, or made with other
    reference tables (fix: claims layers rebuild check)."""
    from claims.check import status

    with open_shared(store_spec) as store:
        found = status(store)
    click.echo(f"{found.checked} of {found.articles} articles checked; missing {len(found.missing)}, "
               f"outdated {len(found.outdated)}, other reference data {len(found.other_reference)}")


COMMANDS = (check_group,)
