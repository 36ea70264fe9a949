"""The index's content against the store's: which articles' rows and which review states
differ, value by value (a deep sync or status), whatever the markers and counts say.

A statement deleted from an article graph over HTTP leaves the article's commit marker as
it was, and a review event swapped for another leaves the number of events as it was; only
comparing what the index holds with what the store says finds them.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from claims.index import rows as _rows
from claims.index import schema
from claims.index.rows import Review, Row
from claims.store.base import Store


@dataclass(frozen=True, slots=True)
class StoreContent:
    """What the index should hold, read from the store in one pass: each article graph's
    row values (no review state), and every reviewed statement's state."""

    graphs: Mapping[str, tuple[dict[str, Any], ...]]
    reviews: Mapping[str, Review]

    @classmethod
    def read(cls, store: Store, graphs: Iterable[str]) -> StoreContent:
        """The content of ``graphs`` (those with a commit marker) and every review state."""
        wanted = set(graphs)
        grouped: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in _rows.rows_from_store(store):
            if row["graph"] in wanted:
                grouped[row["graph"]].append(row)
        return cls({g: tuple(grouped.get(g, ())) for g in wanted}, _rows.reviews_from_store(store))


def differing_reviews(db: sqlite3.Connection, states: Mapping[str, Review]) -> dict[str, Review]:
    """The statements whose review state in the index is not the store's, with the store's
    (an empty state where the store has none left)."""
    held = {s: Review(*v) for s, *v in db.execute("SELECT * FROM reviews").fetchall()}
    gone = {s: Review() for s in held if s not in states}
    return {**gone, **{s: v for s, v in states.items() if held.get(s) != v}}


def differing_graphs(db: sqlite3.Connection, content: StoreContent) -> list[str]:
    """The article graphs whose rows in the index are not the rows the store gives (with
    the store's review states applied): a statement added, removed or changed."""
    held: defaultdict[str, set[Row]] = defaultdict(set)
    columns = ", ".join(f'"{c}"' for c in schema.COLUMNS)
    for row in db.execute(f"SELECT {columns} FROM statements"):
        held[row[1]].add(tuple(row))
    return sorted(g for g, rows in content.graphs.items()
                  if held.get(g, set()) != {_rows.as_row(r, content.reviews.get(r["statement"]))
                                            for r in rows})
