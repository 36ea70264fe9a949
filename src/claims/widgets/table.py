"""The explorer's derived table: one row per statement, read from the statement index.

The store stays the source of truth. The rows come from :class:`claims.index.StatementIndex`
(SQLite beside the store, kept fresh by every ingest and review, synced with the store
when the table is created or reloaded), and are held here as a DataFrame so that
filtering answers while the user types (pandas boolean masks: a few milliseconds at
100,000 rows, see ``benchmarks/explorer.py``). Rows are indexed by the statement's
(shortened) IRI, never by position.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import pandas as pd
from rdflib import URIRef

from claims.index import KINDS, Filters, StatementIndex
from claims.query import expand, shorten
from claims.store.base import Store, Table
from claims.widgets import _reviews

__all__ = ["COLUMNS", "Filters", "StatementTable", "frame"]

COLUMNS = ["kind", "text", "speaker", "role", "cue", "confidence", "status", "title", "outlet",
           "date", "url", "article", "start", "end", "mention_start", "mention_end", "method",
           "extractor", "extracted_speaker"]

ARTICLE_TEXT = """
PREFIX schema: <https://schema.org/>
SELECT ?article ?text WHERE { GRAPH ?g { ?article schema:articleBody ?text } } LIMIT 1
"""


def _dates(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values.map(lambda v: str(v)[:10] if v is not None else None),
                          errors="coerce", format="%Y-%m-%d")


def frame(rows: pd.DataFrame) -> pd.DataFrame:
    """Normalise a statements result (or synthetic rows) into the derived table."""
    df = rows.copy()
    if "version" in df and "extractor" in df:
        df["extractor"] = [f"{e} {v}" if isinstance(e, str) else None
                           for e, v in zip(df["extractor"], df["version"], strict=True)]
    df["kind"] = df["kind"].map(lambda k: KINDS.get(k, k))
    df["date"] = _dates(df["date"])
    if "status" not in df:
        df["status"] = "unreviewed"
    df = df.drop_duplicates("statement").set_index("statement")
    if "extracted_speaker" not in df:
        df["extracted_speaker"] = df.get("speaker")
    for column in COLUMNS:
        if column not in df:
            df[column] = None
    df = df[COLUMNS]
    df["_search"] = (df["text"].fillna("") + "\n" + df["speaker"].fillna("") + "\n"
                     + df["title"].fillna("")).str.lower()
    for column in ("speaker", "kind", "outlet", "status"):
        df[column] = df[column].astype("category")
    return df.sort_values(["date", "article", "start"], ascending=[False, True, True], kind="stable")


class StatementTable:
    """One row per statement, from the statement index; ``filter()`` answers in milliseconds.

    ``df`` gives the rows directly (tests, benchmarks); the index is then opened only on
    the first :meth:`reload` or :meth:`refresh_statuses`.
    """

    def __init__(self, store: Store, df: pd.DataFrame | None = None) -> None:
        self.store = store
        self._index: StatementIndex | None = None
        self.df = df if df is not None else self._load()
        self._texts: dict[str, str] = {}
        self._listeners: list[Callable[[], None]] = []

    @property
    def index(self) -> StatementIndex:
        """The store's statement index (opened, and built or synced, on first use)."""
        if self._index is None:
            self._index = StatementIndex.open(self.store, repair=True)
        return self._index

    def _load(self) -> pd.DataFrame:
        return frame(self.index.rows())

    @staticmethod
    def _with_statuses(df: pd.DataFrame, statuses: dict[str, _reviews.Current]) -> pd.DataFrame:
        """Set ``status`` (and the corrected speaker, once recorded) from the review events."""
        df = df.copy()
        status = [statuses[i].status if i in statuses else _reviews.UNREVIEWED for i in df.index]
        speaker = [statuses[i].speaker or s if i in statuses else s
                   for i, s in zip(df.index, df["extracted_speaker"], strict=True)]
        df["status"] = pd.Categorical(status)
        df["speaker"] = pd.Categorical(speaker)
        return df

    def on_change(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` after every reload or status update (the explorer re-filters)."""
        self._listeners.append(callback)

    def _changed(self) -> None:
        for callback in self._listeners:
            callback()

    def reload(self) -> None:
        """Catch the index up with the store and re-read every row (after an ingest)."""
        self.index.sync()
        self.df = self._load()
        self._texts.clear()
        self._changed()

    def refresh_statuses(self) -> None:
        """Re-read the review statuses only (after a review); everything if articles changed."""
        done = self.index.sync()
        if done["changed"] or done["vanished"] or done["rebuilt"]:
            self.reload()
            return
        reviewed = self.index.reviewed_rows()
        statuses = {str(s): _reviews.Current(str(status), c if isinstance(c, str) else None)
                    for s, status, c in zip(reviewed["statement"], reviewed["status"],
                                            reviewed["corrected_speaker"], strict=True)}
        self.df = self._with_statuses(self.df, statuses)
        self._changed()

    def __len__(self) -> int:
        return len(self.df)

    def row(self, iri: str) -> pd.Series:
        """The row of one statement, by IRI (full or shortened)."""
        return cast(pd.Series, self.df.loc[shorten(expand(iri))])

    def choices(self, column: str) -> list[str]:
        """The distinct values of a column, sorted, for a filter's dropdown."""
        return sorted(str(v) for v in self.df[column].dropna().unique())

    def filter(self, filters: Filters) -> pd.DataFrame:
        df, mask = self.df, pd.Series(True, index=self.df.index)
        for column in ("speaker", "kind", "outlet", "status"):
            value = getattr(filters, column)
            if value:
                mask &= df[column] == value
        if filters.since is not None:
            mask &= df["date"] >= pd.Timestamp(filters.since)
        if filters.until is not None:
            mask &= df["date"] <= pd.Timestamp(filters.until)
        if filters.text.strip():
            mask &= df["_search"].str.contains(filters.text.strip().lower(), regex=False)
        return df[mask]

    def article_text(self, article: str) -> str:
        """The stored text of an article (cached)."""
        if article not in self._texts:
            result = self.store.query(ARTICLE_TEXT, {"article": URIRef(expand(article))})
            rows = result.rows if isinstance(result, Table) else ()
            self._texts[article] = str(rows[0][1]) if rows and rows[0][1] is not None else ""
        return self._texts[article]

    def export_csv(self, filters: Filters) -> str:
        """The filtered rows as CSV (statement IRI first, no internal columns)."""
        out = self.filter(filters).drop(columns=["_search"]).reset_index()
        text: str = out.to_csv(index=False)
        return text
