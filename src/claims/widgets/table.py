"""The statements the widgets share, a page at a time from the statement index.

The store stays the source of truth. The rows come from :class:`claims.index.StatementIndex`
(SQLite beside the store, kept fresh by every ingest and review, synced with the store when
the table is opened or reloaded): filtering, sorting, paging, counting and the charts'
aggregates run in SQLite, so nothing here holds more than a page. Rows are indexed by the
statement's (shortened) IRI, never by position.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from rdflib import URIRef

from claims.extensions import facets
from claims.index import Filters, StatementIndex
from claims.index.search import CAP
from claims.query import expand
from claims.store.base import Store, Table

__all__ = ["COLUMNS", "Filters", "StatementTable"]

# The columns of a CSV export, after the statement IRI.
COLUMNS = ("kind", "text", "speaker", "role", "cue", "confidence", "status", "title", "outlet",
           "date", "url", "article", "start", "end", "mention_start", "mention_end", "method",
           "extractor", "extracted_speaker")

ARTICLE_TEXT = """
PREFIX schema: <https://schema.org/>
SELECT ?article ?text WHERE { GRAPH ?g { ?article schema:articleBody ?text } } LIMIT 1
"""


class StatementTable:
    """The statements of a store, shared by the widgets: each sees the others' changes
    (:meth:`reload` tells every listener)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._index: StatementIndex | None = None
        self._texts: dict[str, str] = {}
        self._listeners: list[Callable[[], None]] = []

    @property
    def index(self) -> StatementIndex:
        """The store's statement index (opened, and built or synced, on first use)."""
        if self._index is None:
            self._index = StatementIndex.open(self.store, repair=True)
        return self._index

    def on_change(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` after every reload (the explorer re-queries)."""
        self._listeners.append(callback)

    def reload(self) -> None:
        """Catch the index up with the store (after an ingest or a review elsewhere)."""
        self.index.sync()
        self._texts.clear()
        for callback in self._listeners:
            callback()

    def __len__(self) -> int:
        return len(self.index)

    def row(self, iri: str) -> pd.Series:
        """The row of one statement, by IRI (full or shortened)."""
        return self.index.row(iri)

    def choices(self, column: str) -> list[str]:
        """The distinct values of a column, sorted, for a filter's dropdown."""
        return self.index.choices(column)

    def page(self, filters: Filters, *, sort: str = "date", descending: bool = True,
             limit: int | None = 25, offset: int = 0) -> tuple[pd.DataFrame, int]:
        """A page of the rows that pass ``filters`` (indexed by IRI), and how many pass."""
        rows, total = self.index.filter(filters, sort=sort, descending=descending, limit=limit,
                                        offset=offset)
        return self.with_facets(rows).set_index("statement"), total

    def view(self, filters: Filters, *, sort: str = "date", descending: bool = True,
             limit: int = 25, offset: int = 0, cap: int = CAP) -> tuple[pd.DataFrame, int | None]:
        """A page as :meth:`page` gives it, for someone waiting: a search matching more than
        ``cap`` statements is paged without counting them (the count None: see
        :meth:`claims.index.StatementIndex.page`)."""
        rows, total = self.index.page(filters, sort=sort, descending=descending, limit=limit,
                                      offset=offset, cap=cap)
        return self.with_facets(rows).set_index("statement"), total

    def with_facets(self, rows: pd.DataFrame) -> pd.DataFrame:
        """``rows`` with one column per registered facet (:mod:`claims.extensions`): the
        list of each statement's values (empty when it has none)."""
        registered = facets()
        if not registered:
            return rows
        found = self.index.facets_of(rows["statement"].tolist())
        out = rows.copy()
        for facet in registered:
            out[facet.name] = pd.Series([found.get(s, {}).get(facet.name, []) for s in rows["statement"]],
                                        index=rows.index, dtype=object)
        return out

    def count(self, filters: Filters) -> int:
        return self.index.count(filters)

    def article_text(self, article: str) -> str:
        """The stored text of an article (cached)."""
        if article not in self._texts:
            result = self.store.query(ARTICLE_TEXT, {"article": URIRef(expand(article))})
            rows = result.rows if isinstance(result, Table) else ()
            self._texts[article] = str(rows[0][1]) if rows and rows[0][1] is not None else ""
        return self._texts[article]

    def export_csv(self, filters: Filters, *, sort: str = "date", descending: bool = True) -> str:
        """Every row that passes ``filters`` as CSV, statement IRI first."""
        return "".join(self.index.csv(filters, columns=("statement", *COLUMNS), sort=sort,
                                      descending=descending))
