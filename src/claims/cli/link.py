"""``claims link``: speakers linked to Wikidata people, and editors' corrections of the links."""

from __future__ import annotations

from typing import TextIO

import click

from claims import jsonl, layers, query
from claims.cli._common import (
    coded_errors,
    echo_frame,
    format_option,
    note_option,
    open_shared,
    reviewer_option,
    store_option,
)


@click.group("link", invoke_without_command=True)
@click.option("--mentions", "mentions", type=click.File("r", encoding="utf-8"), default=None,
              help="A JSON Lines file (or - for standard input), one mention a line: "
                   "id, mention, context (the sentence or paragraph around it), date.")
@click.pass_context
@coded_errors
def link_group(ctx: click.Context, mentions: TextIO | None) -> None:
    """Who is speaking: link mentions to Wikidata people (--mentions FILE.jsonl prints id,
    QID or empty for NIL, method and confidence, tab-separated), or correct the links of
    stored statements."""
    if ctx.invoked_subcommand is not None:
        return
    if mentions is None:
        click.echo(ctx.get_help())
        return
    from claims.link import link_mentions

    for ident, found in link_mentions(jsonl.objects(
            mentions, ("mention",), "give one JSON object a line: id, mention, context, date")):
        click.echo(f"{ident}\t{found.qid or ''}\t{found.method}\t{found.confidence:.2f}")



@link_group.command("show")
@click.argument("statement")
@store_option
@format_option
@coded_errors
def link_show(statement: str, store_spec: str | None, fmt: str) -> None:
    """The link of STATEMENT's speaker: person, QID, offices held that day, how and why."""
    from claims.link import views

    with open_shared(store_spec) as store:
        echo_frame(views.link_of(store, statement), fmt)


@link_group.command("relink")
@click.argument("statement")
@click.argument("qid")
@reviewer_option
@note_option
@store_option
@coded_errors
def link_relink(statement: str, qid: str, reviewer: str, note: str | None,
                store_spec: str | None) -> None:
    """Link the speaker of STATEMENT to the person QID (e.g. Q7747): the correction wins."""
    from claims.link import relink

    with open_shared(store_spec) as store:
        made = relink(store, statement, qid, reviewer=reviewer, note=note)
    click.echo(f"{query.shorten(made.iri)} relinked {made.time.isoformat()}")


@link_group.command("unlink")
@click.argument("statement")
@reviewer_option
@note_option
@store_option
@coded_errors
def link_unlink(statement: str, reviewer: str, note: str | None, store_spec: str | None) -> None:
    """Unlink the speaker of STATEMENT: no person of the tables (NIL)."""
    from claims.link import unlink

    with open_shared(store_spec) as store:
        made = unlink(store, statement, reviewer=reviewer, note=note)
    click.echo(f"{query.shorten(made.iri)} unlinked {made.time.isoformat()}")


@link_group.command("confirm")
@click.argument("statement")
@reviewer_option
@note_option
@store_option
@coded_errors
def link_confirm(statement: str, reviewer: str, note: str | None, store_spec: str | None) -> None:
    """Confirm the link the linker found for the speaker of STATEMENT."""
    from claims.link import confirm

    with open_shared(store_spec) as store:
        made = confirm(store, statement, reviewer=reviewer, note=note)
    click.echo(f"{query.shorten(made.iri)} confirmed {made.time.isoformat()}")


@link_group.command("status")
@store_option
@coded_errors
def link_status(store_spec: str | None) -> None:
    """Whether every article's links are there and computed from its current text."""
    from claims.link import status

    with open_shared(store_spec) as store:
        found = status(store)
    click.echo(f"articles {found.articles}, linked {found.linked}, missing {len(found.missing)}, "
               f"outdated {len(found.outdated)}, orphaned {len(found.orphaned)}")
    if not found.fresh:
        click.echo("run 'claims link rebuild' to bring the links up to date")


@link_group.command("rebuild")
@store_option
@coded_errors
def link_rebuild(store_spec: str | None) -> None:
    """Recompute every speaker link from the stored articles (editors' decisions kept)."""
    with open_shared(store_spec) as store:
        layers.rebuild(store, "link")
    click.echo("rebuilt link")


COMMANDS = (link_group,)
