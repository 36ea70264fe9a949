"""``claims migrate``: bring a store written by an earlier article model up to the current one."""

from __future__ import annotations

import click

from claims import migrate as migration
from claims.cli._common import coded_errors, store_option
from claims.model.mapping import MODEL_VERSION
from claims.store import open_store


@click.command()
@click.option("--check", is_flag=True, help="Only count the article graphs still to migrate.")
@click.option("--batch-size", default=256, show_default=True, help="Article graphs a transaction.")
@store_option
@coded_errors
def migrate(check: bool, batch_size: int, store_spec: str | None) -> None:
    """Rewrite article graphs of an earlier model with the current mapping (reviews kept)."""
    with open_store(store_spec) as store:
        if check:
            count = len(migration.pending(store))
            click.echo(f"{count} article graphs to migrate to model {MODEL_VERSION}")
            return
        report = migration.migrate(store, batch_size=batch_size)
    click.echo(f"migrated {len(report.graphs)} article graphs ({report.statements} statements) "
               f"and {report.people_moved} corrected speakers to model {MODEL_VERSION}")


COMMANDS = (migrate,)
