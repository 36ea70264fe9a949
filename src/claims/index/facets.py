"""The derived layers' facets in the index: one row per (facet, value, statement).

A facet (:class:`claims.extensions.Facet`) is read from the store by its own function and
kept here, so that the explorer filters and shows it like a built-in column. The table is
a cache like the rest of the index: refilled on a rebuild, for changed articles on a sync,
whole when the facet's stamp changes, and on demand (:func:`claims.index.after_layer`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

from claims.extensions import Facet, facets
from claims.store.base import Store

TABLE = """
CREATE TABLE facets (facet TEXT NOT NULL, value TEXT NOT NULL, statement TEXT NOT NULL,
  PRIMARY KEY (facet, value, statement)) WITHOUT ROWID;
CREATE INDEX facets_of ON facets (statement, facet, value);
"""
_CHUNK = 5_000  # statements per call of a facet's values()


def stamp_key(facet: Facet) -> str:
    return f"facet:{facet.name}"


def _stamp(facet: Facet, store: Store) -> str:
    return facet.stamp(store) if facet.stamp is not None else ""


def fill(db: sqlite3.Connection, store: Store, facet: Facet,
         statements: Sequence[str] | None = None) -> None:
    """Replace ``facet``'s values for ``statements`` (None: all) with what the store says.

    Runs inside the caller's transaction.
    """
    if statements is None:
        db.execute("DELETE FROM facets WHERE facet = ?", (facet.name,))
        db.executemany("INSERT OR IGNORE INTO facets VALUES (?, ?, ?)",
                       ((facet.name, str(v), s) for s, v in facet.values(store, None)))
        db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (stamp_key(facet), _stamp(facet, store)))
        return
    for i in range(0, len(statements), _CHUNK):
        chunk = list(statements[i:i + _CHUNK])
        db.execute("DELETE FROM facets WHERE facet = ? AND statement IN "
                   "(SELECT value FROM json_each(?))", (facet.name, json.dumps(chunk)))
        db.executemany("INSERT OR IGNORE INTO facets VALUES (?, ?, ?)",
                       ((facet.name, str(v), s) for s, v in facet.values(store, chunk)))


def fill_all(db: sqlite3.Connection, store: Store) -> None:
    """Every registered facet, whole (a rebuild)."""
    for facet in facets():
        fill(db, store, facet)


def stale(db: sqlite3.Connection, store: Store) -> list[Facet]:
    """The facets whose stamp differs from the one stored with their values."""
    seen = dict(db.execute("SELECT key, value FROM meta WHERE key LIKE 'facet:%'").fetchall())
    return [f for f in facets() if seen.get(stamp_key(f)) != _stamp(f, store)]


def drop(db: sqlite3.Connection, statements: Iterable[str]) -> None:
    """Forget every facet value of ``statements`` (they left the index)."""
    db.execute("DELETE FROM facets WHERE statement IN (SELECT value FROM json_each(?))",
               (json.dumps(list(statements)),))


def of(db: sqlite3.Connection, statements: Sequence[str]) -> dict[str, dict[str, list[str]]]:
    """``{statement: {facet: [values, sorted]}}`` for ``statements`` (a page)."""
    found: dict[str, dict[str, list[str]]] = {}
    rows = db.execute("SELECT statement, facet, value FROM facets WHERE statement IN "
                      "(SELECT value FROM json_each(?)) ORDER BY statement, facet, value",
                      (json.dumps(list(statements)),)).fetchall()
    for statement, facet, value in rows:
        found.setdefault(statement, {}).setdefault(facet, []).append(value)
    return found


def where(pairs: Sequence[tuple[str, str | None]]) -> tuple[list[str], list[object]]:
    """SQL terms (and parameters) for facet filters: ``(name, value)`` keeps the statements
    with that value, ``(name, None)`` those with any value.

    >>> where([("office", "President"), ("fact_checked", None)])[0]  # doctest: +NORMALIZE_WHITESPACE
    ['statement IN (SELECT statement FROM facets WHERE facet = ? AND value = ?)',
     'statement IN (SELECT statement FROM facets WHERE facet = ?)']
    """
    terms: list[str] = []
    params: list[object] = []
    for name, value in pairs:
        if value is None:
            terms.append("statement IN (SELECT statement FROM facets WHERE facet = ?)")
            params.append(name)
        else:
            terms.append("statement IN (SELECT statement FROM facets WHERE facet = ? AND value = ?)")
            params.extend((name, value))
    return terms, params
