"""``claims review``: verdicts on attributions, ratings of claims, their history."""

from __future__ import annotations

import click

from claims import query
from claims.cli._common import (
    coded_errors,
    echo_frame,
    format_option,
    open_shared,
    reviewer_option,
    store_option,
)


@click.group()
def review() -> None:
    """Editorial review: verdicts on attributions, ratings of claims, their history."""


@review.command("list")
@click.option("--reviewed", "show", flag_value="reviewed",
              help="The current status of every reviewed statement.")
@click.option("--orphaned", "show", flag_value="orphaned",
              help="Events whose statement no longer exists.")
@click.option("--kind", type=click.Choice(["quotation", "reported_speech"]), default=None,
              help="Only this kind in the queue (default: both, as the review widget).")
@store_option
@format_option
@coded_errors
def review_list(show: str | None, kind: str | None, store_spec: str | None, fmt: str) -> None:
    """The review queue: quotations and reported speech with no verdict yet (the review
    widget's queue, in the same order)."""
    from claims import review as reviewing

    name = {"reviewed": "review_status", "orphaned": "orphaned_reviews"}.get(show or "")
    with open_shared(store_spec) as store:
        echo_frame(query.select(store, name) if name else reviewing.queue(store, kind), fmt)


@review.command("record")
@click.argument("statement")
@click.argument("verdict", type=click.Choice(["confirmed", "misattributed", "misquoted",
                                              "not-a-quotation", "unverifiable"]))
@reviewer_option
@click.option("--note", "-n", default=None, help="Why; kept with the event.")
@click.option("--speaker", default=None, help="misattributed: who actually said it.")
@click.option("--corrected-text", "--text", "wording", default=None,
              help="misquoted: the wording the source actually has (the quotation's own words).")
@store_option
@coded_errors
def review_record(statement: str, verdict: str, reviewer: str, note: str | None,
                  speaker: str | None, wording: str | None, store_spec: str | None) -> None:
    """Record a VERDICT on STATEMENT (an IRI, or kb:statement/...)."""
    from claims import review as reviewing

    with open_shared(store_spec) as store:
        event = reviewing.record(store, statement, verdict, reviewer=reviewer, note=note,
                                 corrected_speaker=speaker, corrected_text=wording)
    click.echo(f"{query.shorten(event.iri)} {event.verdict} {event.time.isoformat()}")


@review.command("rate")
@click.argument("statement")
@click.argument("rating", type=click.Choice(["true", "mostly-true", "mixture", "mostly-false",
                                             "false", "unverifiable"]))
@reviewer_option
@click.option("--rating-text", "--wording", "wording", default=None,
              help="The rating in your own words (\"Misleading\"), as the fact-check publishes it; "
                   "not a quotation's wording (that is 'review record misquoted --corrected-text').")
@click.option("--url", default=None, help="The published fact-check.")
@click.option("--evidence", "-e", multiple=True, help="What the rating rests on (repeatable).")
@click.option("--note", "-n", default=None, help="Why; kept with the event.")
@store_option
@coded_errors
def review_rate(statement: str, rating: str, reviewer: str, wording: str | None,
                url: str | None, evidence: tuple[str, ...], note: str | None,
                store_spec: str | None) -> None:
    """Rate the claim STATEMENT makes, on the normalised scale."""
    from claims import review as reviewing

    with open_shared(store_spec) as store:
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
    with open_shared(store_spec) as store:
        echo_frame(query.select(store, "review_history", statement=statement), fmt)


COMMANDS = (review,)
