"""Free-text searches that match a large share of the statements, paged without reading
every match.

A search that matches at most a cap of statements (:func:`cap_for`: 10,000 at a million,
2,500 at 100,000; :data:`CAP` at most) is answered exactly and at once from
a copy of its matches (``StatementIndex._hits``). One that matches more (a common word, a
phrase such as "we will", a word's first letters) would have to read every match to count
it, chart it and sort it, about 3 µs a match: over a second at a million statements. Its
first page instead comes from reading the rows in the order shown, through the index that
serves that order, and matching each batch against the search in a small full-text table
of the same tokenizer (``temp.probe``): the matches are dense, so a page is found within a
few hundred rows. The exact count and the charts are computed apart
(:meth:`~claims.index.StatementIndex.tally`), and until then the count is "more than"
the cap, never a guess.
"""

from __future__ import annotations

import math
import sqlite3

from claims.index.schema import TOKENIZE

CAP = 20_000  # matches above which a search's page is found by walking the rows in order
STEPS = (1_000, 2_500, 5_000, 10_000, 20_000)  # the caps a table's size chooses from (cap_for)
MOST = 50_000  # rows a walk reads at most before leaving the page to the exact path
FIRST = 256  # rows the first batch of a walk reads at least
PROBE = "temp.probe"


def cap_for(rows: int, cap: int = CAP) -> int:
    """The cap for a table of ``rows`` statements: the largest of :data:`STEPS` up to
    11·√rows, ``cap`` at most. Near that many matches, walking to a page and copying every
    match cost about the same (measured at 100k and 1M statements: walking wins above about
    3% of the rows at 100k, 1% at 1M); below, the copy is cheaper and exact at once.

    >>> cap_for(997_284), cap_for(99_422), cap_for(5_000), cap_for(10**7), cap_for(10**6, 3)
    (10000, 2500, 1000, 20000, 3)
    """
    fits = [step for step in STEPS if step <= 11 * math.isqrt(max(rows, 0))]
    return min(cap, max(fits, default=STEPS[0]))


def density(db: sqlite3.Connection, expression: str, cap: int = CAP) -> float | None:
    """None when FTS5 ``expression`` matches at most ``cap`` statements; else an estimate of
    the share of rows it matches (from the rowid of its ``cap + 1``-th match), to size the
    walk's first batch."""
    found, last = db.execute("SELECT count(*), max(r) FROM (SELECT rowid AS r FROM words "
                             "WHERE words MATCH ? LIMIT ?)", (expression, cap + 1)).fetchone()
    if found <= cap:
        return None
    first = db.execute("SELECT min(rowid) FROM statements").fetchone()[0] or 1
    return min(1.0, int(found) / max(int(last) - int(first) + 1, 1))


def walkable(db: sqlite3.Connection, where: str, params: tuple[object, ...], order: str) -> bool:
    """Whether SQLite reads the rows passing ``where`` in ``order`` through an index, so a
    batch of the first rows costs only those rows (not a sort of every passing row)."""
    plan = db.execute(f"EXPLAIN QUERY PLAN SELECT rowid FROM statements{where} ORDER BY {order} "
                      "LIMIT 1", params).fetchall()
    return not any("TEMP B-TREE" in str(step[-1]) for step in plan)


def walk(db: sqlite3.Connection, expression: str, where: str, params: tuple[object, ...],
         order: str, need: int, share: float, *, titles: bool = False) -> list[int] | None:
    """The rowids of the first ``need`` rows passing ``where`` in ``order`` that match FTS5
    ``expression`` (fewer when fewer match); None when that takes more than :data:`MOST`
    rows (the matches are too sparse among the rows the other filters pass). ``share``:
    the expected share of matching rows (:func:`density`); ``titles``: the expression may
    match the title too."""
    _probe(db)
    hits: list[int] = []
    start, size = 0, max(FIRST, int(need / max(share, 1e-3) * 1.25))
    title = "title" if titles else "NULL"
    own = not db.in_transaction  # one transaction: FTS5 writes its segment once, at the end
    if own:
        db.execute("BEGIN")
    try:
        while len(hits) < need:
            if start >= MOST:
                return None
            rows = db.execute(f"SELECT rowid, text, speaker, {title} FROM statements{where} "
                              f"ORDER BY {order} LIMIT ? OFFSET ?", (*params, size, start)).fetchall()
            db.execute(f"DELETE FROM {PROBE}")
            db.executemany(f"INSERT INTO {PROBE}(rowid, text, speaker, title) VALUES (?, ?, ?, ?)",
                           rows)
            found = {r for (r,) in db.execute(f"SELECT rowid FROM {PROBE} WHERE probe MATCH ?",
                                              (expression,))}
            hits.extend(row[0] for row in rows if row[0] in found)
            if len(rows) < size:  # the last passing row read
                break
            start, size = start + size, size * 2
    finally:
        if own:
            db.execute("COMMIT")
    return hits[:need]


def _probe(db: sqlite3.Connection) -> None:
    """The connection's probe table: the columns of ``words``, its tokenizer."""
    db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {PROBE} USING fts5(text, speaker, title, "
               f"tokenize='{TOKENIZE}', columnsize=0)")
