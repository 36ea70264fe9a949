"""``claims layers``: the derived layers (claims, fact-check matches, speaker links, checks)."""

from __future__ import annotations

import time
from pathlib import Path

import click

from claims import config, layer_runs, layers
from claims.cli._common import coded_errors, open_shared, store_option


@click.group("layers")
def layers_group() -> None:
    """Derived layers: facts computed across articles, kept fresh by ingestion and review."""


@layers_group.command("list")
@store_option
@coded_errors
def layers_list(store_spec: str | None) -> None:
    """The known layers, whether they run (CLAIMS_LAYERS picks them), and whether a writer
    that died left one stale (the next ingestion, or 'claims layers rebuild NAME', rebuilds
    it) or one is being updated now."""
    on = set(layers.enabled())
    spec = store_spec or config.store_spec()
    marks: list[layer_runs.Mark] = []
    if spec.startswith(("http://", "https://", "memory:")) or Path(spec).exists():  # none made
        with open_shared(spec) as store:
            marks = layer_runs.marks(store)
    for name in layers.KNOWN:
        mine = [m for m in marks if m.layer == name]
        state = ("\tstale: left by an interrupted writer (rebuild it)" if any(not m.alive for m in mine)
                 else "\tbeing updated" if mine else "")
        click.echo(f"{name}\t{'on' if name in on else 'off'}{state}")
    if not layers.KNOWN:
        click.echo("(no derived layers)")


@layers_group.command("rebuild")
@click.argument("names", nargs=-1)
@store_option
@coded_errors
def layers_rebuild(names: tuple[str, ...], store_spec: str | None) -> None:
    """Recompute NAMES (every enabled layer when none is given) from the store."""
    unknown = [n for n in names if n not in layers.KNOWN]
    if unknown:
        raise click.BadParameter(f"unknown layer(s) {', '.join(unknown)}; known: "
                                 f"{', '.join(layers.KNOWN) or 'none'}", param_hint="NAMES")
    with open_shared(store_spec) as store:
        for name in names or tuple(layers.enabled()):
            began = time.perf_counter()
            layers.rebuild(store, name)
            click.echo(f"rebuilt {name} in {time.perf_counter() - began:.1f} s")


COMMANDS = (layers_group,)
