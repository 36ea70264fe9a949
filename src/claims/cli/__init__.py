"""The ``claims`` command: one command per public function, errors turned into messages here.

``--store`` (or ``CLAIMS_STORE``) picks the store for every command; ``--format`` picks
table, csv or json output where a command prints rows. Each module of this package holds
one group of commands (``COMMANDS``); shared options live in :mod:`claims.cli._common`.
"""

from __future__ import annotations

import click

from claims.cli import (
    articles,
    check,
    factchecks,
    index,
    layers,
    link,
    migrate,
    queries,
    review,
    serve,
    track,
)
from claims.cli._common import FullHelpGroup


@click.group(cls=FullHelpGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claims")
def cli() -> None:
    """Quotations, reported speech and figures from news, as a SPARQL knowledge base."""


for _module in (articles, queries, review, index, layers, link, serve, migrate, track, check, factchecks):
    for _command in _module.COMMANDS:
        if type(_command) is click.Group:  # every group lists whole first sentences
            _command.__class__ = FullHelpGroup
        cli.add_command(_command)


def main() -> None:
    cli()
