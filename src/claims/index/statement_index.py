"""The :class:`StatementIndex`: open, build, rebuild and sync the index of one store, and
the paged reads over it."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar, cast

import pandas as pd

from claims.csvsafe import safe_cell
from claims.document import Document
from claims.errors import IndexCorrupt, IndexMissing, IndexUnreadable, NotFound
from claims.extensions import facets as registered
from claims.index import facets as _facets
from claims.index import rows as _rows
from claims.index import schema, search
from claims.index.compare import StoreContent, differing_graphs, differing_reviews
from claims.index.filters import Filters, match
from claims.index.rows import Review
from claims.index.schema import connect, errors
from claims.model import iris
from claims.query import expand, shorten
from claims.statements import ReviewEvent, Statement
from claims.store.base import Store

T = TypeVar("T")
ONE_BY_ONE = 16  # changed articles a sync re-reads one query each; more: one read of all
# The index open for each store in this process (shared by every open and by the hooks).
OPEN: weakref.WeakKeyDictionary[Store, StatementIndex] = weakref.WeakKeyDictionary()


@dataclass(frozen=True, slots=True)
class Tally:
    """What the explorer shows besides a page: how many rows pass a filter, the most
    frequent speakers among them and the rows per month (:meth:`StatementIndex.tally`)."""

    count: int
    per_speaker: tuple[tuple[str, int], ...]
    over_time: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class IndexStatus:
    """What the index holds and whether it matches the store (``stale``)."""

    path: str
    rows: int
    graphs: int
    events: int
    synced_at: str | None
    rebuilt_at: str | None
    changed_graphs: int
    vanished_graphs: int
    new_events: int
    differing_graphs: int = 0  # a deep check: articles whose rows differ from the store's
    differing_reviews: int = 0  # ... and review states that differ (events swapped, say)

    @property
    def stale(self) -> bool:
        return bool(self.changed_graphs or self.vanished_graphs or self.new_events
                    or self.differing_graphs or self.differing_reviews)


class StatementIndex:
    """The SQLite index of one store; open it with :meth:`open`."""

    def __init__(self, store: Store, db: sqlite3.Connection, path: Path | None) -> None:
        self.store = store
        self.path = path
        self._db = db
        self._inode = path.stat().st_ino if path is not None and path.exists() else None
        self._writes = 0  # commits through this object: with data_version, when caches expire
        self._seen: tuple[int, ...] = ()
        self._memo: dict[str, object] = {}
        self._hit_tables = 0  # temporary tables of free-text matches made (their names)
        self._side: StatementIndex | None = None  # the connection a tally runs on, if any

    # -- opening, building, syncing -------------------------------------------------------

    @classmethod
    def open(cls, store: Store, *, sync: bool = True, repair: bool = False,
             create: bool = True) -> StatementIndex:
        """The index of ``store``: built if missing (or of an older layout), else synced.

        A corrupt file raises :class:`IndexCorrupt` (run ``claims index rebuild``), unless
        ``repair`` rebuilds it at once. ``create=False``: :class:`IndexMissing` instead of
        building a missing (or outdated) index. An index already open for ``store`` in this
        process is shared (and synced).
        """
        existing = OPEN.get(store)
        if existing is not None:
            if sync:
                existing.sync()
            return existing
        path = schema.index_path(store)
        if path is None:
            index = cls(store, connect(":memory:"), None)
            index.rebuild()
        else:
            fresh = not path.exists()
            index = cls.at(store, path)
            try:
                current = index.current()
            except IndexCorrupt:
                if not repair:
                    raise
                current = False
            if (fresh or not current) and not create:
                index.close()
                if fresh:
                    path.unlink(missing_ok=True)
                raise IndexMissing(str(path))
            if fresh or not current:
                index.rebuild()
            elif sync:
                try:
                    index.sync()
                except IndexCorrupt:
                    if not repair:
                        raise
                    index.rebuild()
        OPEN[store] = index
        return index

    @classmethod
    def build(cls, store: Store) -> StatementIndex:
        """A fresh index of ``store``, replacing any it has (damaged or not)."""
        existing = OPEN.get(store)
        if existing is not None:
            existing.rebuild()
            return existing
        path = schema.index_path(store)
        if path is None or not path.exists():
            return cls.open(store)
        index = cls.at(store, path)
        index.rebuild()
        OPEN[store] = index
        return index

    @classmethod
    def at(cls, store: Store, path: Path) -> StatementIndex:
        """The index file at ``path``, opened as it is (no check, build or sync)."""
        with errors(str(path)):
            return cls(store, connect(str(path)), path)

    def current(self) -> bool:
        """Whether the file has this version's layout (:class:`IndexCorrupt` if unreadable)."""
        with errors(self._where):
            version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
            if version == schema.SCHEMA_VERSION:
                self._db.execute("SELECT count(*) FROM meta").fetchone()
            return version == schema.SCHEMA_VERSION

    @property
    def _where(self) -> str:
        return str(self.path) if self.path else "in-memory index"

    @property
    def db(self) -> sqlite3.Connection:
        """The connection, re-opened when another process has swapped in a rebuilt file."""
        if self.path is not None:
            try:
                inode = self.path.stat().st_ino
            except FileNotFoundError:
                raise IndexUnreadable(f"{self.path}: the index file is gone") from None
            if inode != self._inode:
                self._db.close()
                with errors(self._where):
                    self._db = connect(str(self.path))
                self._inode = inode
        return self._db

    def close(self) -> None:
        self._db.close()
        if OPEN.get(self.store) is self:
            del OPEN[self.store]

    def rebuild(self) -> None:
        """Everything from the store, into a fresh database that replaces the old one only
        once complete (a failure leaves the old index as it was)."""
        # Markers and the event count are read before what they vouch for: a write landing
        # in between makes the index look older than it is (a later sync re-reads), never newer.
        hashes = _rows.store_hashes(self.store)
        events = _rows.event_count(self.store)
        rows = (r for r in _rows.rows_from_store(self.store) if r["graph"] in hashes)
        reviews = _rows.reviews_from_store(self.store)
        temp = self.path.with_name(f"{self.path.name}.tmp-{os.getpid()}") if self.path else None
        if temp is not None:
            temp.unlink(missing_ok=True)
        db = connect(str(temp) if temp else ":memory:")
        try:
            with errors(str(temp or self._where)):
                db.execute("PRAGMA journal_mode = OFF")
                db.execute("PRAGMA synchronous = OFF")
                db.executescript(schema.TABLES)
                db.execute("BEGIN")
                db.executemany(schema.INSERT, (_rows.as_row(r, reviews.get(r["statement"])) for r in rows))
                db.executemany("INSERT INTO graphs VALUES (?, ?)", hashes.items())
                db.executemany("INSERT INTO reviews VALUES (?, ?, ?, ?, ?, ?, ?)",
                               ((s, *v.values()) for s, v in reviews.items()))
                _facets.fill_all(db, self.store)
                now = _now()
                db.executemany("INSERT INTO meta VALUES (?, ?)",
                               [("events", str(events)), ("synced_at", now), ("rebuilt_at", now)])
                db.executescript(schema.INDEXES)  # ends the transaction (executescript commits)
                db.execute("ANALYZE")
            if temp is not None and self.path is not None:
                db.close()
                with open(temp, "rb") as handle:
                    os.fsync(handle.fileno())
                os.replace(temp, self.path)
                old, self._db = self._db, connect(str(self.path))
                self._inode = self.path.stat().st_ino
            else:
                old, self._db = self._db, db
            old.close()
            self._writes += 1
        except BaseException:
            db.close()
            if temp is not None:
                temp.unlink(missing_ok=True)
            raise

    def sync(self, *, deep: bool = False) -> dict[str, int]:
        """Catch up with the store: re-index changed and new article graphs, drop vanished
        ones, re-read review states if the number of events changed. Returns the counts.

        ``deep``: compare content, not markers and counts: every row and review state the
        index holds against what the store says (one read of the whole store, about what a
        rebuild reads), and re-index the articles that differ: a statement deleted or
        changed over HTTP, a review event swapped for another (``differing`` in the counts).
        """
        hashes = _rows.store_hashes(self.store)
        changed, vanished = self._diff(hashes)
        content = StoreContent.read(self.store, hashes) if deep else None
        events = _rows.event_count(self.store)
        differing = 0
        if content is not None:  # review states first: the rows compared carry them
            with self._transaction() as db:
                states = differing_reviews(db, content.reviews)
                self._set_reviews(db, states)
                db.execute("DELETE FROM reviews WHERE statement NOT IN "
                           "(SELECT value FROM json_each(?))", (json.dumps(list(content.reviews)),))
                db.execute("INSERT OR REPLACE INTO meta VALUES ('events', ?)", (str(events),))
                others = set(differing_graphs(db, content)) - set(changed)
            differing = len(others) + len(states)
            changed = [*changed, *sorted(others)]
        if len(changed) > max(500, len(hashes) // 4):
            self.rebuild()
            return {"changed": len(changed), "vanished": len(vanished), "events": -1,
                    "rebuilt": 1, "differing": differing}
        rows = self._fresh_rows(changed, content)
        with self._transaction() as db:
            self._replace_graphs(db, [*changed, *vanished], rows,
                                 {g: hashes[g] for g in changed})
        new_events = events - self._events()
        if new_events:
            self._reread_reviews(events)
        with self._transaction() as db:
            for facet in _facets.stale(db, self.store):
                _facets.fill(db, self.store, facet)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('synced_at', ?)", (_now(),))
        return {"changed": len(changed), "vanished": len(vanished), "events": new_events,
                "rebuilt": 0, "differing": differing}

    def _fresh_rows(self, graphs: Sequence[str], content: StoreContent | None) -> list[dict[str, Any]]:
        """The store's rows of ``graphs``: from a deep read already made, else one query a
        graph when they are few, one query for all when they are many (one read of the
        store costs less than hundreds of queries, each with its own joins)."""
        if content is not None:
            return [r for g in graphs for r in content.graphs.get(g, ())]
        if len(graphs) <= ONE_BY_ONE:
            return [r for g in graphs for r in _rows.rows_from_store(self.store, g)]
        wanted = set(graphs)
        return [r for r in _rows.rows_from_store(self.store) if r["graph"] in wanted]

    def check(self, *, integrity: bool = False, deep: bool = False) -> IndexStatus:
        """What :meth:`sync` would do, without doing it; ``integrity``: first SQLite's own
        integrity check (every page readable, every index entry matching its row: a value
        changed in place or bytes overwritten are found), :class:`IndexCorrupt` if it fails;
        ``deep``: compare every row and review state with the store (see :meth:`sync`)."""
        if integrity:
            self.verify()
        hashes = _rows.store_hashes(self.store)
        changed, vanished = self._diff(hashes)
        with errors(self._where):
            meta = dict(self.db.execute("SELECT key, value FROM meta").fetchall())
        graphs = self._count("SELECT count(*) FROM graphs")
        events = int(meta.get("events", 0))
        rows = reviews = 0
        if deep:
            content = StoreContent.read(self.store, hashes)
            with errors(self._where):
                reviews = len(differing_reviews(self.db, content.reviews))
                rows = len(set(differing_graphs(self.db, content)) - set(changed))
        return IndexStatus(self._where, len(self), graphs, events, meta.get("synced_at"),
                           meta.get("rebuilt_at"), len(changed), len(vanished),
                           _rows.event_count(self.store) - events, rows, reviews)

    def verify(self) -> None:
        """SQLite's ``PRAGMA integrity_check`` on the index file; :class:`IndexCorrupt` unless ok."""
        with errors(self._where):
            found = [str(row[0]) for row in self.db.execute("PRAGMA integrity_check(20)").fetchall()]
        if found != ["ok"]:
            raise IndexCorrupt(f"{self._where}: {'; '.join(found)[:300]}")

    # -- updates from ingest and review (the hooks) ----------------------------------------

    def written(self, articles: Sequence[tuple[Document, Sequence[Statement]]]) -> None:
        """Index articles just stored by ingestion (their graphs replaced as a whole)."""
        rows = [r for doc, sts in articles for r in _rows.rows_from_statements(doc, sts)]
        hashes = {shorten(str(iris.graph_iri(doc))): doc.content_hash for doc, _ in articles}
        with self._transaction() as db:
            self._replace_graphs(db, list(hashes), rows, hashes)

    def reviewed(self, event: ReviewEvent) -> None:
        """Apply one review event just stored (its statement's status and speaker)."""
        statement = shorten(event.statement)
        key = _rows.time_key(event.time, event.iri)
        with self._transaction() as db:
            state = self._reviews(db, [statement]).get(statement, Review()).fold(
                key, event.verdict.value if event.verdict else None,
                event.rating.value if event.rating else None, event.corrected_speaker)
            self._set_reviews(db, {statement: state})
            db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'events'")
            for facet in registered():  # a corrected speaker may change a facet (offices)
                _facets.fill(db, self.store, facet, [statement])

    def refresh_facet(self, name: str, statements: Sequence[str] | None = None) -> None:
        """Re-read facet ``name`` from the store for ``statements`` (shortened or full IRIs;
        None: all of them): a derived layer's hook (:func:`claims.index.after_layer`)."""
        found = [f for f in registered() if f.name == name]
        if not found:
            raise ValueError(f"no facet {name!r} is registered (claims.extensions)")
        chosen = None if statements is None else [shorten(expand(s)) for s in statements]
        with self._transaction() as db:
            _facets.fill(db, self.store, found[0], chosen)

    # -- internals ----------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        db = self.db
        with errors(self._where):
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
            self._writes += 1

    def _cached(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, kept until the index changes: a write through this object, a
        commit by another connection (``PRAGMA data_version``), a rebuilt file swapped in."""
        memo = self._memo_of()
        if key not in memo:
            memo[key] = compute()
        return cast(T, memo[key])

    def _memo_of(self) -> dict[str, object]:
        """What is kept for the index as it is now (emptied when it has changed)."""
        db = self.db
        with errors(self._where):
            version = int(db.execute("PRAGMA data_version").fetchone()[0])
        seen = (id(db), self._inode or 0, self._writes, version)
        if seen != self._seen:
            self._seen, self._memo = seen, {}
        return self._memo

    def _read(self, read: Callable[[sqlite3.Connection], T]) -> T:
        with errors(self._where):
            return read(self.db)

    def _count(self, sql: str, params: Sequence[object] = ()) -> int:
        with errors(self._where):
            return int(self.db.execute(sql, tuple(params)).fetchone()[0])

    def _diff(self, hashes: dict[str, str]) -> tuple[list[str], list[str]]:
        """The graphs changed or added in the store since indexed, and those gone from it."""
        with errors(self._where):
            known = dict(self.db.execute("SELECT graph, hash FROM graphs").fetchall())
        return ([g for g, h in hashes.items() if known.get(g) != h],
                [g for g in known if g not in hashes])

    def _events(self) -> int:
        with errors(self._where):
            found = self.db.execute("SELECT value FROM meta WHERE key = 'events'").fetchone()
        return int(found[0]) if found else 0

    @staticmethod
    def _reviews(db: sqlite3.Connection, statements: Sequence[str]) -> dict[str, Review]:
        found = db.execute(
            "SELECT * FROM reviews WHERE statement IN (SELECT value FROM json_each(?))",
            (json.dumps(list(statements)),)).fetchall()
        return {s: Review(*values) for s, *values in found}

    @staticmethod
    def _set_reviews(db: sqlite3.Connection, states: dict[str, Review]) -> None:
        db.executemany("INSERT OR REPLACE INTO reviews VALUES (?, ?, ?, ?, ?, ?, ?)",
                       ((s, *v.values()) for s, v in states.items()))
        for statement, state in states.items():
            row = db.execute("SELECT text, extracted_speaker, title FROM statements "
                             "WHERE statement = ?", (statement,)).fetchone()
            if row is None:
                continue  # an orphaned event: its statement is no longer in the store
            speaker = state.corrected_speaker or row[1]
            db.execute("UPDATE statements SET speaker = ?, status = ?, verdict = ?, rating = ? "
                       "WHERE statement = ?",
                       (speaker, state.status(), state.verdict, state.rating, statement))

    def _replace_graphs(self, db: sqlite3.Connection, graphs: Sequence[str],
                        rows: Sequence[dict[str, Any]], hashes: dict[str, str]) -> None:
        new = [r["statement"] for r in rows]
        old = [s for (s,) in db.execute(
            "SELECT statement FROM statements WHERE graph IN (SELECT value FROM json_each(?))",
            (json.dumps(list(graphs)),)).fetchall()]
        _facets.drop(db, set(old) - set(new))
        for facet in registered():
            _facets.fill(db, self.store, facet, new)
        db.executemany("DELETE FROM statements WHERE graph = ?", ((g,) for g in graphs))
        db.executemany("DELETE FROM graphs WHERE graph = ?", ((g,) for g in graphs))
        reviews = self._reviews(db, [r["statement"] for r in rows])
        db.executemany(schema.INSERT, (_rows.as_row(r, reviews.get(r["statement"])) for r in rows))
        db.executemany("INSERT INTO graphs VALUES (?, ?)", hashes.items())

    def _reread_reviews(self, events: int) -> None:
        states = _rows.reviews_from_store(self.store)
        with self._transaction() as db:
            old = {s: Review(*v) for s, *v in db.execute("SELECT * FROM reviews").fetchall()}
            gone = {s: Review() for s in old if s not in states}  # the reviews graph was rewritten
            changed = {**gone, **{s: v for s, v in states.items() if old.get(s) != v}}
            self._set_reviews(db, changed)
            for facet in registered():
                _facets.fill(db, self.store, facet, list(changed))
            db.execute("DELETE FROM reviews WHERE statement NOT IN "
                       "(SELECT value FROM json_each(?))", (json.dumps(list(states)),))
            db.execute("INSERT OR REPLACE INTO meta VALUES ('events', ?)", (str(events),))

    def _frame(self, sql: str, params: Sequence[object] = ()) -> pd.DataFrame:
        with errors(self._where):
            cursor = self.db.execute(sql, tuple(params))
            names = [d[0] for d in cursor.description]
            return pd.DataFrame(cursor.fetchall(), columns=names)

    # -- reading --------------------------------------------------------------------------

    def __len__(self) -> int:
        return self._cached("len", lambda: self._count("SELECT count(*) FROM statements"))

    def rows(self, *, limit: int | None = None, offset: int = 0) -> pd.DataFrame:
        """Every row (in no particular order)."""
        return self._frame(f"{schema.SELECT} LIMIT ? OFFSET ?", (_limit(limit), offset))

    def row(self, statement: str) -> pd.Series:
        """One statement's row, by IRI (full or shortened); :class:`NotFound` if not indexed."""
        found = self._frame(f"{schema.SELECT} WHERE statement = ?", (shorten(expand(statement)),))
        if found.empty:
            raise NotFound(statement, hint="not in the statement index (run 'claims index sync')")
        return found.iloc[0]

    def quotations(self, speaker: str, *, limit: int | None = None, offset: int = 0) -> pd.DataFrame:
        """A speaker's quotations (current speaker, i.e. as corrected), newest first."""
        return self._frame(f"{schema.SELECT} WHERE speaker = ? AND kind = 'quotation' "
                           "ORDER BY date DESC, article, statement LIMIT ? OFFSET ?",
                           (speaker, _limit(limit), offset))

    def article(self, article: str, *, limit: int | None = None, offset: int = 0) -> pd.DataFrame:
        """One article's statements in text order (article IRI full or shortened)."""
        return self._frame(f"{schema.SELECT} WHERE article = ? ORDER BY start, \"end\", kind "
                           "LIMIT ? OFFSET ?", (shorten(expand(article)), _limit(limit), offset))

    def queue(self, *, limit: int | None = 50, offset: int = 0) -> pd.DataFrame:
        """The review queue: quotations and reported speech with no verdict, article order."""
        return self._frame(f"{schema.SELECT} WHERE {schema.QUEUE} ORDER BY article, start "
                           "LIMIT ? OFFSET ?", (_limit(limit), offset))

    def queue_size(self) -> int:
        return self._count(f"SELECT count(*) FROM statements WHERE {schema.QUEUE}")

    def speakers(self, *, corrected: bool = True, limit: int | None = None,
                 offset: int = 0) -> pd.DataFrame:
        """Statements, quotations, reported speech and articles per speaker, most first,
        like the ``speakers`` query (``corrected=False``: by the speaker as extracted)."""
        column = "speaker" if corrected else "extracted_speaker"
        return self._frame(
            f"SELECT {column} AS speaker, count(*) AS statements, "
            "sum(kind = 'quotation') AS quotations, sum(kind = 'reported_speech') AS reported, "
            f"count(DISTINCT article) AS articles FROM statements WHERE {column} IS NOT NULL "
            f"GROUP BY {column} ORDER BY statements DESC, speaker LIMIT ? OFFSET ?",
            (_limit(limit), offset))

    # -- the explorer: what passes a filter, a page, a position, counts, CSV -------------------

    def count(self, filters: Filters) -> int:
        """How many rows pass ``filters`` (kept until the index changes: a page turn or a new
        sort does not count again)."""
        table, where, params = self._source(filters)
        return self._cached(f"count {filters!r}", lambda: self._count(
            f"SELECT count(*) FROM {table}{where}", params))

    def filter(self, filters: Filters, *, sort: str = "date", descending: bool = True,
               limit: int | None = 50, offset: int = 0) -> tuple[pd.DataFrame, int]:
        """A page of the rows that pass ``filters``, sorted, and how many pass in all."""
        order = _order(sort, descending)
        table, where, params = self._source(filters, sort=sort)
        if table != "statements":  # a search: the page's rowids from its matches, then the rows
            where, order_by = f" WHERE rowid IN (SELECT id FROM {table}{where} ORDER BY {order} " \
                "LIMIT ? OFFSET ?)", f" ORDER BY {order}"
            page = self._frame(f"{schema.SELECT}{where}{order_by}", (*params, _limit(limit), offset))
        else:
            page = self._frame(f"{schema.SELECT}{where} ORDER BY {order} LIMIT ? OFFSET ?",
                               (*params, _limit(limit), offset))
        return page, self.count(filters)

    def page(self, filters: Filters, *, sort: str = "date", descending: bool = True,
             limit: int = 50, offset: int = 0, cap: int = search.CAP) -> tuple[pd.DataFrame, int | None]:
        """What :meth:`filter` gives, for someone waiting on it: a search whose words match
        more than ``cap`` statements gets its page by reading the rows in the order shown
        and matching them (:mod:`claims.index.search`), and its count is None ("more than
        ``cap``") until a :meth:`tally` or a :meth:`count` of the same filters has counted
        them. Every other page, and a search whose rows the order cannot read through an
        index, comes from :meth:`filter`."""
        expression = match(filters.text, titles=filters.titles)
        if expression:
            order = _order(sort, descending)
            share = self._cached(f"density {cap} {expression}",
                                 lambda: self._read(lambda db: search.density(db, expression, cap)))
            where, params = replace(filters, text="").where()
            if share is not None and self._read(lambda db: search.walkable(db, where, params, order)):
                found = self._read(lambda db: search.walk(db, expression, where, params, order,
                                                          offset + limit, share,
                                                          titles=filters.titles))
                if found is not None:
                    page = self._frame(f"{schema.SELECT} WHERE rowid IN (SELECT value FROM "
                                       f"json_each(?)) ORDER BY {order}", (json.dumps(found[offset:]),))
                    known = self._memo_of().get(f"count {filters!r}")
                    return page, None if known is None else int(cast(int, known))
        return self.filter(filters, sort=sort, descending=descending, limit=limit, offset=offset)

    def tally(self, filters: Filters, *, speakers: int = 15, months: int = 24) -> Tally:
        """The count, the ``speakers`` most frequent speakers (:meth:`per_speaker`) and the
        latest ``months`` (:meth:`over_time`) of the rows passing ``filters``, exact, kept
        like them. For an index on disk they are computed on a connection of their own, so
        another thread may run this while the index pages (:meth:`interrupt` stops it:
        :class:`IndexUnreadable`)."""
        memo = self._memo  # filled whatever happens to the index meanwhile: a change found
        # later by _cached drops this memo with what was put in it
        keys = (f"count {filters!r}", f"per_speaker {speakers} {filters!r}", f"over_time {filters!r}")
        if self.path is None:
            side = self
        else:
            side = StatementIndex.at(self.store, self.path)
            self._side = side
        try:
            found = Tally(side.count(filters), tuple(side.per_speaker(filters, limit=speakers)),
                          tuple(side.over_time(filters, limit=months)))
            computed = {k: side._memo[k] for k in keys if k in side._memo}
        finally:
            if side is not self:
                if self._side is side:
                    self._side = None
                side._db.close()
        memo.update(computed)
        return found

    def interrupt(self) -> None:
        """Stop a :meth:`tally` running in another thread."""
        side = self._side
        if side is not None:
            side._db.interrupt()

    def position(self, filters: Filters, statement: str, *, sort: str = "date",
                 descending: bool = True) -> int | None:
        """Where ``statement`` comes (0: first) among the rows :meth:`filter` pages through
        in the same order; None if it does not pass ``filters``."""
        order = _order(sort, descending)
        table, where, params = self._source(filters, sort=sort)
        with errors(self._where):
            found = self.db.execute(
                f"SELECT n FROM (SELECT statement, row_number() OVER (ORDER BY {order}) AS n "
                f"FROM {table}{where}) WHERE statement = ?",
                (*params, shorten(expand(statement)))).fetchone()
        return None if found is None else int(found[0]) - 1

    def after(self, filters: Filters, statement: str | None) -> str | None:
        """The first statement passing ``filters`` after ``statement`` in article order
        (article, then position in its text), else the first from the start (so
        ``statement`` itself comes last); None if none passes."""
        order = "ORDER BY article, start, statement LIMIT 1"
        if statement is not None:
            where, params = self._clause(filters, "(article, start, statement) > (SELECT article, start, "
                                          "statement FROM statements WHERE statement = ?)")
            with errors(self._where):
                found = self.db.execute(f"SELECT statement FROM statements{where} {order}",
                                        (*params, shorten(expand(statement)))).fetchone()
            if found is not None:
                return str(found[0])
        where, params = self._clause(filters)
        with errors(self._where):
            found = self.db.execute(f"SELECT statement FROM statements{where} {order}", params).fetchone()
        return None if found is None else str(found[0])

    def per_speaker(self, filters: Filters, *, limit: int = 15) -> list[tuple[str, int]]:
        """Rows per (current) speaker among those passing ``filters``, the ``limit`` most
        frequent, most first (ties by name). Kept until the index changes."""
        table, where, params = self._source(filters, "speaker IS NOT NULL")
        return list(self._cached(f"per_speaker {limit} {filters!r}", lambda: self._pairs(
            f"SELECT speaker, count(*) FROM {table}{where} GROUP BY speaker "
            "ORDER BY 2 DESC, 1 LIMIT ?", (*params, _limit(limit)))))

    def over_time(self, filters: Filters, *, limit: int = 24) -> list[tuple[str, int]]:
        """Rows per month (``YYYY-MM``) among those passing ``filters``, the latest ``limit``
        months, oldest first; per day (``YYYY-MM-DD``) when they all fall in one month.
        Rows without a date are not counted. Kept until the index changes."""
        table, where, params = self._source(filters, "date IS NOT NULL")

        def compute() -> list[tuple[str, int]]:
            months = self._pairs(f"SELECT substr(date, 1, 7) AS month, count(*) FROM {table}"
                                 f"{where} GROUP BY month ORDER BY month", params)
            if len(months) == 1:
                return self._pairs(f"SELECT date, count(*) FROM {table}{where} GROUP BY date "
                                   "ORDER BY date", params)
            return months

        return self._cached(f"over_time {filters!r}", compute)[-limit:]

    def choices(self, column: str) -> list[str]:
        """The distinct values of a filter column or a facet, sorted (kept until the index
        changes)."""
        if column not in ("speaker", "kind", "outlet", "status", "quantity"):
            if column not in {f.name for f in registered()}:
                raise ValueError(f"no choices for {column!r}")
            return self._cached(f"choices {column}", lambda: [v for v, _ in self._pairs(
                "SELECT DISTINCT value, 0 FROM facets WHERE facet = ? ORDER BY 1", (column,))])
        return self._cached(f"choices {column}", lambda: [v for v, _ in self._pairs(
            f"SELECT DISTINCT {column}, 0 FROM statements WHERE {column} IS NOT NULL ORDER BY 1")])

    def facets_of(self, statements: Sequence[str]) -> dict[str, dict[str, list[str]]]:
        """The facet values of ``statements`` (a page): ``{statement: {facet: [values]}}``."""
        with errors(self._where):
            return _facets.of(self.db, [shorten(expand(s)) for s in statements])

    def csv(self, filters: Filters, *, columns: Sequence[str] = schema.COLUMNS, sort: str = "date",
            descending: bool = True, rows: int = 10_000) -> Iterator[str]:
        """Every row passing ``filters`` as CSV (header first, ``columns`` of
        :data:`~claims.index.schema.COLUMNS`), in the order of :meth:`filter`, in pieces of
        ``rows`` rows read from SQLite as they are written."""
        unknown = [c for c in columns if c not in schema.COLUMNS]
        if unknown:
            raise ValueError(f"no such columns: {unknown}")
        order = _order(sort, descending)
        where, params = self._clause(filters)
        names = ", ".join(f'"{c}"' for c in columns)
        with errors(self._where):
            cursor = self.db.execute(f"SELECT {names} FROM statements{where} ORDER BY {order}", params)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")

        def written(values: Sequence[Sequence[object]]) -> str:
            buffer.seek(0)
            buffer.truncate()
            writer.writerows([safe_cell(v) for v in row] for row in values)
            return buffer.getvalue()

        yield written([columns])
        while True:
            with errors(self._where):
                found = cursor.fetchmany(rows)
            if not found:
                return
            yield written(found)

    def _clause(self, filters: Filters, *more: str) -> tuple[str, tuple[object, ...]]:
        """``filters.where(*more)`` over ``statements``, with the free text's matches read
        from the full-text index once (:meth:`_hits`)."""
        found = match(filters.text, titles=filters.titles)
        if not found:
            return filters.where(*more)
        table = self._cached(f"hits {found}", lambda: self._hits(found))
        return replace(filters, text="").where(f"rowid IN (SELECT id FROM {table})", *more)

    def _source(self, filters: Filters, *more: str, sort: str = "date"
                ) -> tuple[str, str, tuple[object, ...]]:
        """The table to read and ``filters.where(*more)`` on it: for a search, its matches'
        copy (:meth:`_hits`), so the count, the page's order and both charts read the
        matching rows' few columns from one temporary table instead of each reading the
        rows from ``statements`` again; else ``statements``."""
        found = match(filters.text, titles=filters.titles)
        if not found or sort not in _HIT_COLUMNS:
            return ("statements", *self._clause(filters, *more))
        table = self._cached(f"hits {found}", lambda: self._hits(found))
        return (table, *replace(filters, text="").where(*more))

    def _hits(self, expression: str) -> str:
        """A new temporary table of the rows matching FTS5 ``expression``: their rowid
        (``id``) and the columns the filters, the charts and the orders use
        (:data:`_HIT_COLUMNS`), read once; the tables of earlier versions of the index
        are dropped. Kept until the index changes."""
        db = self.db
        with errors(self._where):
            for (name,) in db.execute("SELECT name FROM temp.sqlite_master WHERE type = 'table' "
                                      "AND name LIKE 'hits_%'").fetchall():
                if f"temp.{name}" not in {v for v in self._memo.values() if isinstance(v, str)}:
                    db.execute(f'DROP TABLE temp."{name}"')
            self._hit_tables += 1
            name = f"hits_{self._hit_tables}"
            columns = ", ".join(_HIT_COLUMNS)
            db.execute(f"CREATE TEMP TABLE {name} (id INTEGER PRIMARY KEY, {columns})")
            db.execute(f"INSERT INTO {name} SELECT rowid, {columns} FROM statements WHERE rowid IN "
                       "(SELECT rowid FROM words WHERE words MATCH ?) ORDER BY rowid", (expression,))
        return f"temp.{name}"

    def _pairs(self, sql: str, params: Sequence[object] = ()) -> list[tuple[str, int]]:
        with errors(self._where):
            return [(str(k), int(n)) for k, n in self.db.execute(sql, tuple(params)).fetchall()]


# What a search's copy of its matching rows holds besides the rowid: the columns of every
# filter (Filters.where, the facets' ``statement IN ...``) and of every order but "text".
# (tests/test_index.py checks that every column Filters.where names is here)
_HIT_COLUMNS = ("statement", "speaker", "kind", "outlet", "status", "verdict", "quantity", "date",
                "article", "start", "confidence")


def _order(sort: str, descending: bool) -> str:
    """The explorer's order: ``sort`` (one of SORTABLE), missing values last, then text order."""
    if sort not in schema.SORTABLE:
        raise ValueError(f"sort must be one of {schema.SORTABLE}, not {sort!r}")
    return f"{sort} {'DESC' if descending else 'ASC'} NULLS LAST, article, start"


def _now() -> str:
    return datetime.now(UTC).strftime(_rows.TIME)


def _limit(limit: int | None) -> int:
    return -1 if limit is None else max(0, int(limit))
