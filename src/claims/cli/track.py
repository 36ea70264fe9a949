"""``claims track``: one claim node for the same quotation across articles, misquotes,
syndicated copies (:mod:`claims.track`)."""

from __future__ import annotations

import json
from typing import TextIO

import click

from claims.cli._common import coded_errors


@click.group("track")
def track_group() -> None:
    """Track claims across sources: compare quotations, show a claim, rebuild the layer."""


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


COMMANDS = [track_group]
