"""How ingestion and review keep the index fresh: in the same operation as each write,
and never at the cost of the write (a failure leaves the index stale, the next sync or
rebuild catches up)."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from claims.document import Document
from claims.errors import IndexCorrupt, IndexUnreadable
from claims.index.schema import index_path
from claims.index.statement_index import OPEN, StatementIndex
from claims.statements import ReviewEvent, Statement
from claims.store.base import Store

log = logging.getLogger(__name__)


def attached(store: Store) -> StatementIndex | None:
    """The index to keep fresh when writing to ``store``: the one open for it in this
    process, else its file if one exists (opened without a sync); None if it has none."""
    index = OPEN.get(store)
    if index is not None:
        return index
    path = index_path(store)
    if path is None or not path.exists():
        return None
    try:
        index = StatementIndex.at(store, path)
        if not index.current():
            index.close()
            return None
    except (IndexCorrupt, IndexUnreadable) as exc:
        log.warning("statement index not updated: %s", exc)
        return None
    OPEN[store] = index
    return index


def after_write(index: StatementIndex | None,
                articles: Sequence[tuple[Document, Sequence[Statement]]]) -> None:
    """Ingestion's hook: index the articles just stored."""
    if index is None or not articles:
        return
    try:
        index.written(articles)
    except (IndexCorrupt, IndexUnreadable) as exc:
        log.warning("statement index not updated: %s", exc)


def after_review(store: Store, event: ReviewEvent) -> None:
    """Review's hook: apply the event just stored to the index of ``store``, if it has one."""
    index = attached(store)
    if index is None:
        return
    try:
        index.reviewed(event)
    except (IndexCorrupt, IndexUnreadable) as exc:
        log.warning("statement index not updated: %s", exc)


def after_layer(store: Store, facet: str, statements: Sequence[str] | None = None) -> None:
    """A derived layer's hook, called after it wrote: re-read ``facet`` for ``statements``
    (None: all) into the index of ``store``, if it has one. See :mod:`claims.extensions`."""
    index = attached(store)
    if index is None:
        return
    try:
        index.refresh_facet(facet, statements)
    except (IndexCorrupt, IndexUnreadable) as exc:
        log.warning("statement index not updated: %s", exc)
