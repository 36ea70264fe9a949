"""``claims track``: one claim node for the same quotation across articles, misquotes,
syndicated copies (:mod:`claims.track`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TextIO

import click

from claims import query
from claims.cli._common import (
    coded_errors,
    echo_frame,
    format_option,
    note_option,
    open_shared,
    reviewer_option,
    store_option,
)


@click.group("track")
def track_group() -> None:
    """Track claims across sources: compare quotations, show claims and misquotes, record
    editors' decisions, rebuild the layer."""


@track_group.command("compare")
@click.argument("pairs", type=click.File("r", encoding="utf-8"))
@coded_errors
def track_compare(pairs: TextIO) -> None:
    """Label pairs of quotations (PAIRS: JSON Lines, or - for standard input; one object a
    line: pair_id, a and b each {id, text, speaker}); prints one JSON object a line:
    pair_id, label (same, misquote or different), relation, confidence, changes."""
    from claims.track.pairs import label_pairs, read_pairs

    for row in label_pairs(read_pairs(pairs)):
        click.echo(json.dumps(row, ensure_ascii=False))


@track_group.command("show")
@click.argument("claim")
@store_option
@format_option
@coded_errors
def track_show(claim: str, store_spec: str | None, fmt: str) -> None:
    """CLAIM (a claim IRI, kb:claim/…, or a statement IRI): first seen, outlets, independent
    sources, then every member with its wording and misquote flag."""
    from claims.track import claim_of, members, show

    with open_shared(store_spec) as store:
        iri = query.expand(claim)
        if "/statement/" in iri:
            found = claim_of(store, iri)
            if found is None:
                click.echo("(the statement is in no claim)")
                return
            iri = found
        echo_frame(show(store, iri), fmt)
        click.echo()
        echo_frame(members(store, iri)[["statement", "outlet", "date", "wording", "misquote",
                                        "status", "text"]], fmt)


@track_group.command("misquotes")
@click.option("--speaker", default=None, help="Only claims of this speaker.")
@store_option
@format_option
@coded_errors
def track_misquotes(speaker: str | None, store_spec: str | None, fmt: str) -> None:
    """Members flagged as misquotes (not dismissed), with their word changes."""
    with open_shared(store_spec) as store:
        echo_frame(query.select(store, "misquotes", speaker=speaker), fmt)


@track_group.command("top")
@click.option("--since", default=None, help="First seen on or after (YYYY-MM-DD).")
@click.option("--until", default=None, help="First seen on or before (YYYY-MM-DD).")
@store_option
@format_option
@coded_errors
def track_top(since: str | None, until: str | None, store_spec: str | None, fmt: str) -> None:
    """The most-repeated claims first seen in a period (independent sources, members)."""
    with open_shared(store_spec) as store:
        echo_frame(query.select(store, "top_claims", since=since, until=until), fmt)


@track_group.command("syndicated")
@store_option
@format_option
@coded_errors
def track_syndicated(store_spec: str | None, fmt: str) -> None:
    """Syndicated copies: near-identical bodies and credit lines, with their originals."""
    with open_shared(store_spec) as store:
        echo_frame(query.select(store, "syndicated"), fmt)


def _decision(action: str, help_: str) -> Callable[..., None]:
    @click.argument("statement")
    @reviewer_option
    @note_option
    @store_option
    @coded_errors
    def command(statement: str, reviewer: str, note: str | None, store_spec: str | None) -> None:
        import claims.track as track

        with open_shared(store_spec) as store:
            made = getattr(track, action)(store, statement, reviewer=reviewer, note=note)
        click.echo(f"{query.shorten(made.iri)} {made.value} {made.time.isoformat()}")

    command.__doc__ = help_
    return command


for _name, _action, _help in (
        ("split", "split", "A wrong merge: STATEMENT leaves its claim and is never matched again."),
        ("confirm", "confirm_member", "STATEMENT does report its claim."),
        ("confirm-misquote", "confirm_misquote", "STATEMENT's wording does alter its claim's."),
        ("dismiss", "dismiss_misquote", "STATEMENT's misquote flag is wrong: clear it for good.")):
    track_group.command(_name)(_decision(_action, _help))


@track_group.command("merge")
@click.argument("claim")
@click.argument("into")
@reviewer_option
@note_option
@store_option
@coded_errors
def track_merge(claim: str, into: str, reviewer: str, note: str | None,
                store_spec: str | None) -> None:
    """A missed pair: CLAIM is the same as INTO and joins it (CLAIM then points to INTO)."""
    from claims.track import merge

    with open_shared(store_spec) as store:
        made = merge(store, claim, into, reviewer=reviewer, note=note)
    click.echo(f"{query.shorten(made.iri)} merged {made.time.isoformat()}")


@track_group.command("rebuild")
@store_option
@coded_errors
def track_rebuild(store_spec: str | None) -> None:
    """Recompute every claim from the stored articles and the editors' decisions (after a
    rule change, or when the layer's working state was lost); claim IRIs are kept."""
    from claims import layers

    with open_shared(store_spec) as store:
        layers.rebuild(store, "track")
        sizes = query.select(store, "first_reports")
    click.echo(f"{len(sizes)} claims")


COMMANDS = [track_group]
