"""``claims index``: the statement index beside the store."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

import click

from claims.cli._common import coded_errors, open_shared, store_option
from claims.index import IndexStatus, StatementIndex


@click.group("index")
def index_group() -> None:
    """The statement index beside the store (SQLite): fast list views, rebuilt at any time."""


def _index_line(status: IndexStatus) -> str:
    return (f"{status.path}: {status.rows} statements, {status.graphs} articles, "
            f"{status.events} review events")


@contextmanager
def _index(store_spec: str | None, *, build: bool = False) -> Iterator[StatementIndex]:
    """The store's index, built afresh (``build``) or as it is (never created here)."""
    with open_shared(store_spec) as store:
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
@click.option("--quick", is_flag=True,
              help="Compare only the articles' content hashes and the number of review events "
                   "(what opening the index does), not every row with the store.")
@store_option
@coded_errors
def index_sync(quick: bool, store_spec: str | None) -> None:
    """Catch the index up with the store: compare every row and review state with the store
    and re-read what differs (changed articles, statements deleted or changed in the store,
    review events added or swapped)."""
    began = time.perf_counter()
    with _index(store_spec) as index:
        done = index.sync(deep=not quick)
        status = index.check()
    what = ("rebuilt (too much had changed)" if done["rebuilt"] else
            f"{done['changed']} articles re-indexed, {done['vanished']} dropped, "
            f"{done['events']} new review events")
    if done["differing"]:
        what += f"; {done['differing']} articles or review states differed from the store"
    click.echo(f"synced {_index_line(status)}: {what} in {time.perf_counter() - began:.2f} s")


@index_group.command("status")
@click.option("--deep", is_flag=True, help="Also compare every row and review state with the store.")
@store_option
@coded_errors
def index_status(deep: bool, store_spec: str | None) -> None:
    """Rows, last sync, and whether the index is stale (the store has changed since), after
    an integrity check of the index file."""
    with _index(store_spec) as index:
        status = index.check(integrity=True, deep=deep)
    click.echo(_index_line(status))
    click.echo(f"last sync: {status.synced_at or 'never'}; last rebuild: {status.rebuilt_at or 'never'}")
    if status.stale:
        click.echo(f"stale: {status.changed_graphs} articles changed or added, "
                   f"{status.vanished_graphs} removed, {status.new_events} new review events "
                   "(run 'claims index sync')")
        if status.differing_graphs or status.differing_reviews:
            click.echo(f"differing from the store: {status.differing_graphs} articles, "
                       f"{status.differing_reviews} review states (run 'claims index sync')")
    else:
        click.echo("up to date")


COMMANDS = (index_group,)
