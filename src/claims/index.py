"""The statement index: one SQLite row per statement, beside the store, for fast list views.

The store stays the single source of truth; the index is a cache of what its article
graphs and review events say, one row per statement (kind, text, current speaker, status,
article metadata, spans, extractor), with the SQLite indexes that the list views need: a
speaker's quotations, one article's statements, the review queue, counts per speaker, and
the explorer's filters, each a page (``limit``, ``offset``) at a time.

For an embedded store at directory ``P`` the index is the file ``P.index.sqlite``; for
other stores it is an in-memory database built when it is opened. It is kept fresh:

- :meth:`StatementIndex.rebuild` reads everything from the store into a fresh file (or
  database) and swaps it in, so a failure leaves the old index as it was;
- :meth:`StatementIndex.sync` compares the articles' content hashes (their commit markers)
  and the number of review events with what the index last saw, and re-reads only what
  changed;
- :func:`claims.pipeline.ingest` and :mod:`claims.review` update an existing index in the
  same operation as each batch written and each event recorded (:func:`attached`).

It holds nothing the store does not: a corrupt index (:class:`~claims.errors.IndexCorrupt`)
is fixed by a rebuild. Only articles with their commit marker are indexed; an article
re-extracted with ``force`` (same content hash) by a process that did not see the index
is caught by a rebuild, not by a sync.

>>> from claims.store import MemoryStore
>>> index = StatementIndex.open(MemoryStore())
>>> len(index), index.queue().columns[:3].tolist()
(0, ['statement', 'graph', 'kind'])
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import pyoxigraph as ox
from rdflib import URIRef

from claims.bulk import MARKER
from claims.config import base_iri
from claims.document import Document
from claims.errors import IndexCorrupt, IndexMissing, IndexUnreadable
from claims.model import iris
from claims.model.mapping import date_literal
from claims.query import PREFIXES, expand, select, shorten
from claims.statements import Statement
from claims.store.base import Store, Table
from claims.store.oxigraph import OxigraphStore

if TYPE_CHECKING:
    from claims.review import ReviewEvent

__all__ = ["Filters", "IndexStatus", "StatementIndex", "attached", "index_path"]

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
SUFFIX = ".index.sqlite"
UNREVIEWED = "unreviewed"
KINDS = {"claims:Quotation": "quotation", "claims:ReportedSpeech": "reported_speech",
         "claims:Figure": "figure"}
# Row columns, in the order every read method returns them (the statement IRI first).
COLUMNS = ("statement", "graph", "kind", "text", "speaker", "extracted_speaker", "role", "cue",
           "confidence", "status", "verdict", "rating", "title", "outlet", "date", "url",
           "article", "start", "end", "mention_start", "mention_end", "method", "extractor")
SORTABLE = ("date", "speaker", "kind", "confidence", "status", "text", "outlet", "article")

# The rows of every statement: one query, ?g bound to re-read one article graph.
STATEMENTS = """
PREFIX claims: <https://w3id.org/claims#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?g ?statement ?kind ?text ?speaker ?role ?cue ?confidence ?title ?outlet ?date ?url
       ?article ?start ?end ?mention_start ?mention_end ?method ?extractor ?version
WHERE {
  GRAPH ?g {
    ?statement a ?kind ; schema:text ?text ; claims:confidence ?confidence ;
               prov:wasDerivedFrom ?article ; oa:hasSelector ?position .
    ?position a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
    FILTER (?kind IN (claims:Quotation, claims:ReportedSpeech, claims:Figure))
    ?article a claims:Article .
    OPTIONAL { ?statement claims:speaker/schema:name ?speaker }
    OPTIONAL { ?statement claims:cue ?cue }
    OPTIONAL {
      ?statement claims:speakerMention ?mention .
      ?mention oa:hasSelector ?mp .
      ?mp a oa:TextPositionSelector ; oa:start ?mention_start ; oa:end ?mention_end .
      OPTIONAL { ?mention claims:role ?role }
      OPTIONAL { ?mention claims:attributionMethod ?method }
    }
    OPTIONAL { ?statement prov:wasGeneratedBy/prov:wasAssociatedWith ?agent .
               ?agent schema:name ?extractor ; schema:softwareVersion ?version }
    OPTIONAL { ?article schema:headline ?title }
    OPTIONAL { ?article schema:publisher/schema:name ?outlet }
    OPTIONAL { ?article schema:datePublished ?date }
    OPTIONAL { ?article schema:url ?url }
  }
}
"""

# Every verdict and rating event, with what the index keeps of it ({reviews}: the reviews
# graph, filled in by the code: Oxigraph binds only variables that are projected).
EVENTS = """
PREFIX claims: <https://w3id.org/claims#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?event ?statement ?time ?verdict ?rating ?corrected
WHERE {
  GRAPH {reviews} {
    ?event prov:used ?statement ; a ?class ; prov:endedAtTime ?time .
    FILTER (?class IN (claims:AttributionReview, claims:ClaimRating))
    OPTIONAL { ?event claims:verdict ?verdict }
    OPTIONAL { ?event claims:rating ?rating }
    OPTIONAL { ?event claims:correctedSpeaker ?person }
    BIND (COALESCE(?person, <urn:claims:none>) AS ?person_or_none)
    OPTIONAL { ?person_or_none schema:name ?corrected }
  }
}
"""
EVENT_COUNT = """
PREFIX claims: <https://w3id.org/claims#>
SELECT (COUNT(?event) AS ?n) WHERE {{ GRAPH {reviews} {{ ?event a claims:ReviewEvent }} }}
"""
MARKERS = f"SELECT ?g ?hash WHERE {{ GRAPH ?g {{ ?article <{MARKER}> ?hash }} }}"

_SCHEMA = f"""
CREATE TABLE statements (
  statement TEXT PRIMARY KEY, graph TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
  speaker TEXT, extracted_speaker TEXT, role TEXT, cue TEXT, confidence REAL,
  status TEXT NOT NULL, verdict TEXT, rating TEXT, title TEXT, outlet TEXT, date TEXT,
  url TEXT, article TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  mention_start INTEGER, mention_end INTEGER, method TEXT, extractor TEXT,
  search TEXT NOT NULL);
CREATE TABLE graphs (graph TEXT PRIMARY KEY, hash TEXT NOT NULL);
CREATE TABLE reviews (statement TEXT PRIMARY KEY, verdict TEXT, verdict_key TEXT,
  rating TEXT, rating_key TEXT, corrected_speaker TEXT, fix_key TEXT);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
PRAGMA user_version = {SCHEMA_VERSION};
"""
# Created after the bulk insert of a rebuild. by_speaker serves a speaker's quotations in
# date order and the counts per speaker (covering); queue holds only unreviewed rows.
_INDEXES = """
CREATE INDEX by_speaker ON statements (speaker, kind, date DESC, article, statement);
CREATE INDEX by_article ON statements (article, start, "end", kind);
CREATE INDEX by_graph ON statements (graph);
CREATE INDEX by_date ON statements (date DESC, article, start);
CREATE INDEX queue ON statements (article, start)
  WHERE verdict IS NULL AND kind IN ('quotation', 'reported_speech');
"""
_QUEUE = "verdict IS NULL AND kind IN ('quotation', 'reported_speech')"
_SELECT = "SELECT " + ", ".join(f'"{c}"' for c in COLUMNS) + " FROM statements"
_INSERT = ("INSERT OR IGNORE INTO statements VALUES ("
           + ", ".join("?" for _ in (*COLUMNS, "search")) + ")")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_TIME = "%Y-%m-%dT%H:%M:%S.%fZ"

Row = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Filters:
    """What the explorer filters by; ``None`` or empty means "any"."""

    speaker: str | None = None
    kind: str | None = None
    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    status: str | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class Review:
    """A statement's current review state, each part with the (time, event) key that won."""

    verdict: str | None = None
    verdict_key: str | None = None
    rating: str | None = None
    rating_key: str | None = None
    corrected_speaker: str | None = None
    fix_key: str | None = None

    def status(self) -> str:
        return self.verdict or (f"rated {self.rating}" if self.rating else UNREVIEWED)

    def fold(self, key: str, verdict: str | None, rating: str | None, corrected: str | None) -> Review:
        """This state after one more event (in any order: the latest key wins each part)."""
        state = self
        if verdict and (state.verdict_key is None or key > state.verdict_key):
            state = _replace(state, verdict=verdict, verdict_key=key)
        if rating and (state.rating_key is None or key > state.rating_key):
            state = _replace(state, rating=rating, rating_key=key)
        if corrected and (state.fix_key is None or key > state.fix_key):
            state = _replace(state, corrected_speaker=corrected, fix_key=key)
        return state


def _replace(state: Review, **changes: str | None) -> Review:
    values = {name: getattr(state, name) for name in Review.__slots__}
    values.update(changes)
    return Review(**values)


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

    @property
    def stale(self) -> bool:
        return bool(self.changed_graphs or self.vanished_graphs or self.new_events)


def index_path(store: Store) -> Path | None:
    """Where the index of ``store`` lives: ``<store dir>.index.sqlite``; None: in memory."""
    if isinstance(store, OxigraphStore):
        return store.path.with_name(store.path.name + SUFFIX)
    return None


def _now() -> str:
    return datetime.now(UTC).strftime(_TIME)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _date(value: object) -> str | None:
    text = str(value)[:10] if value is not None else ""
    return text if _DATE.match(text) else None


def _search(text: str, speaker: str | None, title: str | None) -> str:
    return f"{text}\n{speaker or ''}\n{title or ''}".lower()


def _last(iri: object) -> str | None:
    return str(iri).rsplit("/", 1)[-1] if iri else None


def _time_key(value: object, event: str) -> str:
    when = value.astimezone(UTC).strftime(_TIME) if isinstance(value, datetime) else str(value)
    return f"{when} {shorten(str(event))}"


def _row(values: dict[str, Any], review: Review | None) -> Row:
    """A row in COLUMNS order (plus ``search``), with the review state applied."""
    state = review or Review()
    speaker = state.corrected_speaker or values["extracted_speaker"]
    row = {**values, "speaker": speaker, "status": state.status(), "verdict": state.verdict,
           "rating": state.rating}
    return (*(row[c] for c in COLUMNS), _search(row["text"], speaker, row["title"]))


def rows_from_store(store: Store, graph: str | None = None) -> Iterator[dict[str, Any]]:
    """The statements' row values (no review state) from the store, of one graph or all."""
    params = {"g": URIRef(expand(graph))} if graph else {}
    c = _columns(select(store, STATEMENTS, **params))
    return ({
        "statement": c["statement"][i], "graph": c["g"][i],
        "kind": KINDS.get(c["kind"][i], c["kind"][i]), "text": c["text"][i],
        "extracted_speaker": _text(c["speaker"][i]), "role": _text(c["role"][i]),
        "cue": _text(c["cue"][i]), "confidence": float(c["confidence"][i]),
        "title": _text(c["title"][i]), "outlet": _text(c["outlet"][i]),
        "date": _date(c["date"][i]), "url": _text(c["url"][i]), "article": c["article"][i],
        "start": int(c["start"][i]), "end": int(c["end"][i]),
        "mention_start": _int(c["mention_start"][i]), "mention_end": _int(c["mention_end"][i]),
        "method": _text(c["method"][i]),
        "extractor": (f"{c['extractor'][i]} {c['version'][i]}"
                      if isinstance(c["extractor"][i], str) else None),
    } for i in range(len(c["statement"])))


def _columns(df: pd.DataFrame) -> dict[str, list[Any]]:
    """A result's columns as lists, missing values as None."""
    return {str(name): df[name].astype(object).where(df[name].notna(), None).tolist()
            for name in df.columns}


def rows_from_statements(doc: Document, statements: Iterable[Statement]) -> list[dict[str, Any]]:
    """The same row values as :func:`rows_from_store`, from what ingestion has in memory
    (what :func:`claims.model.mapping.to_graph` writes; the tests check they agree)."""
    short = _shortener()
    graph, article = short(str(iris.graph_iri(doc))), short(str(iris.article_iri(doc)))
    day = _date(str(date_literal(doc.date))) if doc.date else None
    out = []
    for st in statements:
        who = st.speaker
        mention = who.mention_span if who is not None else None
        out.append({
            "statement": short(str(iris.statement_iri(doc.content_hash, st.kind, st.span))),
            "graph": graph, "kind": st.kind.value, "text": st.text,
            "extracted_speaker": who.name if who else None,
            "role": (who.role or None) if who and mention else None, "cue": st.cue or None,
            "confidence": float(round(st.confidence, 3)), "title": doc.title or None,
            "outlet": doc.publisher or None, "date": day,
            "url": shorten(doc.url) if doc.url else None, "article": article,
            "start": st.span.start, "end": st.span.end,
            "mention_start": mention.start if mention else None,
            "mention_end": mention.end if mention else None,
            "method": (who.method or None) if who and mention else None,
            "extractor": f"{st.extractor} {st.extractor_version}"})
    return out


def _shortener() -> Callable[[str], str]:
    """:func:`claims.query.shorten`, with the knowledge-base namespace looked up once."""
    base = base_iri()
    if any(base.startswith(ns) or ns.startswith(base) for ns in PREFIXES.values()):
        return shorten
    size = len(base)
    return lambda iri: f"kb:{iri[size:]}" if iri.startswith(base) and len(iri) > size else shorten(iri)


def store_hashes(store: Store) -> dict[str, str]:
    """Every article graph's content hash (commit marker), by shortened graph IRI."""
    short = _shortener()
    if isinstance(store, OxigraphStore):  # pyoxigraph's terms, no rdflib term per cell
        _, found = store.select_ox(MARKERS)
        return {short(g.value): h.value for g, h in found
                if isinstance(g, ox.NamedNode) and isinstance(h, ox.Literal)}
    table = store.query(MARKERS)
    assert isinstance(table, Table)
    return {short(str(g)): str(h) for g, h in table.rows if g is not None and h is not None}


def event_count(store: Store) -> int:
    table = store.query(EVENT_COUNT.format(reviews=iris.reviews_graph_iri().n3()))
    assert isinstance(table, Table)
    value = table.rows[0][0] if table.rows else None
    return int(str(value)) if value is not None else 0


def reviews_from_store(store: Store) -> dict[str, Review]:
    """The current review state of every reviewed statement, folded from its events."""
    c = _columns(select(store, EVENTS.replace("{reviews}", iris.reviews_graph_iri().n3())))
    found: dict[str, Review] = {}
    for event, statement, time, verdict, rating, corrected in zip(
            c["event"], c["statement"], c["time"], c["verdict"], c["rating"], c["corrected"],
            strict=True):
        key = _time_key(time, str(event))
        found[statement] = found.get(statement, Review()).fold(
            key, _last(verdict), _last(rating), _text(corrected))
    return found


@contextmanager
def _errors(where: str) -> Iterator[None]:
    """SQLite errors as coded errors: the fix is always a rebuild from the store."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        text = str(exc)
        if "no such" in text or "malformed" in text:
            raise IndexCorrupt(f"{where}: {text}") from exc
        raise IndexUnreadable(f"{where}: {text}") from exc
    except sqlite3.DatabaseError as exc:
        raise IndexCorrupt(f"{where}: {exc}") from exc


def _connect(target: str) -> sqlite3.Connection:
    db = sqlite3.connect(target, timeout=30, isolation_level=None, check_same_thread=False)
    # A cache of the store: an OS crash at the wrong moment may damage it (a rebuild fixes
    # that); in exchange a commit does not wait for the disk twice.
    with suppress(sqlite3.DatabaseError):  # a damaged file shows on first use, not here
        db.execute("PRAGMA synchronous = NORMAL")
    return db


_OPEN: weakref.WeakKeyDictionary[Store, StatementIndex] = weakref.WeakKeyDictionary()


class StatementIndex:
    """The SQLite index of one store; open it with :meth:`open`."""

    def __init__(self, store: Store, db: sqlite3.Connection, path: Path | None) -> None:
        self.store = store
        self.path = path
        self._db = db
        self._inode = path.stat().st_ino if path is not None and path.exists() else None

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
        path = index_path(store)
        existing = _OPEN.get(store)
        if existing is not None:
            if sync:
                existing.sync()
            return existing
        if path is None:
            index = cls(store, _connect(":memory:"), None)
            index.rebuild()
        else:
            fresh = not path.exists()
            with _errors(str(path)):
                index = cls(store, _connect(str(path)), path)
            try:
                version = index._version()
            except IndexCorrupt:
                if not repair:
                    raise
                version = -1
            if (fresh or version != SCHEMA_VERSION) and not create:
                index.close()
                if fresh:
                    path.unlink(missing_ok=True)
                raise IndexMissing(str(path))
            if fresh or version != SCHEMA_VERSION:
                index.rebuild()
            elif sync:
                try:
                    index.sync()
                except IndexCorrupt:
                    if not repair:
                        raise
                    index.rebuild()
        _OPEN[store] = index
        return index

    @classmethod
    def build(cls, store: Store) -> StatementIndex:
        """A fresh index of ``store``, replacing any it has (damaged or not)."""
        path = index_path(store)
        existing = _OPEN.get(store)
        if existing is not None:
            existing.rebuild()
            return existing
        if path is None or not path.exists():
            return cls.open(store)
        with _errors(str(path)):
            index = cls(store, _connect(str(path)), path)
        index.rebuild()
        _OPEN[store] = index
        return index

    def _version(self) -> int:
        with _errors(self._where):
            version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
            if version == SCHEMA_VERSION:
                self._db.execute("SELECT count(*) FROM meta").fetchone()
            return version

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
                with _errors(self._where):
                    self._db = _connect(str(self.path))
                self._inode = inode
        return self._db

    def close(self) -> None:
        self._db.close()
        if _OPEN.get(self.store) is self:
            del _OPEN[self.store]

    def rebuild(self) -> None:
        """Everything from the store, into a fresh database that replaces the old one only
        once complete (a failure leaves the old index as it was)."""
        # Markers and the event count are read before what they vouch for: a write landing
        # in between makes the index look older than it is (a later sync re-reads), never newer.
        hashes = store_hashes(self.store)
        events = event_count(self.store)
        rows = (r for r in rows_from_store(self.store) if r["graph"] in hashes)
        reviews = reviews_from_store(self.store)
        temp = self.path.with_name(f"{self.path.name}.tmp-{os.getpid()}") if self.path else None
        if temp is not None:
            temp.unlink(missing_ok=True)
        db = _connect(str(temp) if temp else ":memory:")
        try:
            with _errors(str(temp or "in-memory index")):
                db.execute("PRAGMA journal_mode = OFF")
                db.execute("PRAGMA synchronous = OFF")
                db.executescript(_SCHEMA)
                db.execute("BEGIN")
                db.executemany(_INSERT, (_row(r, reviews.get(r["statement"])) for r in rows))
                db.executemany("INSERT INTO graphs VALUES (?, ?)", hashes.items())
                db.executemany("INSERT INTO reviews VALUES (?, ?, ?, ?, ?, ?, ?)",
                               ((s, *_review_values(v)) for s, v in reviews.items()))
                now = _now()
                db.executemany("INSERT INTO meta VALUES (?, ?)",
                               [("events", str(events)), ("synced_at", now), ("rebuilt_at", now)])
                db.executescript(_INDEXES)  # ends the transaction (executescript commits)
                db.execute("ANALYZE")
            if temp is not None and self.path is not None:
                db.close()
                with open(temp, "rb") as handle:
                    os.fsync(handle.fileno())
                os.replace(temp, self.path)
                old, self._db = self._db, _connect(str(self.path))
                self._inode = self.path.stat().st_ino
            else:
                old, self._db = self._db, db
            old.close()
        except BaseException:
            db.close()
            if temp is not None:
                temp.unlink(missing_ok=True)
            raise

    def sync(self) -> dict[str, int]:
        """Catch up with the store: re-index changed and new article graphs, drop vanished
        ones, re-read review states if the number of events changed. Returns the counts."""
        hashes = store_hashes(self.store)
        with _errors(self._where):
            known = dict(self.db.execute("SELECT graph, hash FROM graphs").fetchall())
        changed = [g for g, h in hashes.items() if known.get(g) != h]
        vanished = [g for g in known if g not in hashes]
        if len(changed) > max(500, len(hashes) // 4):
            self.rebuild()
            return {"changed": len(changed), "vanished": len(vanished), "events": -1,
                    "rebuilt": 1}
        rows = [r for g in changed for r in rows_from_store(self.store, g)]
        events = event_count(self.store)
        with self._transaction() as db:
            self._replace_graphs(db, [*changed, *vanished], rows,
                                 {g: hashes[g] for g in changed})
        new_events = events - self._events()
        if new_events:
            self._reread_reviews(events)
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta VALUES ('synced_at', ?)", (_now(),))
        return {"changed": len(changed), "vanished": len(vanished), "events": new_events,
                "rebuilt": 0}

    def check(self) -> IndexStatus:
        """What :meth:`sync` would do, without doing it."""
        hashes = store_hashes(self.store)
        with _errors(self._where):
            known = dict(self.db.execute("SELECT graph, hash FROM graphs").fetchall())
            meta = dict(self.db.execute("SELECT key, value FROM meta").fetchall())
            rows = int(self.db.execute("SELECT count(*) FROM statements").fetchone()[0])
        events = int(meta.get("events", 0))
        return IndexStatus(
            self._where, rows, len(known), events, meta.get("synced_at"), meta.get("rebuilt_at"),
            sum(1 for g, h in hashes.items() if known.get(g) != h),
            sum(1 for g in known if g not in hashes), event_count(self.store) - events)

    # -- updates from ingest and review (the hooks) ----------------------------------------

    def written(self, articles: Sequence[tuple[Document, Sequence[Statement]]]) -> None:
        """Index articles just stored by ingestion (their graphs replaced as a whole)."""
        rows = [r for doc, sts in articles for r in rows_from_statements(doc, sts)]
        hashes = {shorten(str(iris.graph_iri(doc))): doc.content_hash for doc, _ in articles}
        with self._transaction() as db:
            self._replace_graphs(db, list(hashes), rows, hashes)

    def reviewed(self, event: ReviewEvent) -> None:
        """Apply one review event just stored (its statement's status and speaker)."""
        statement = shorten(event.statement)
        key = _time_key(event.time, event.iri)
        with self._transaction() as db:
            state = self._reviews(db, [statement]).get(statement, Review()).fold(
                key, event.verdict.value if event.verdict else None,
                event.rating.value if event.rating else None, event.corrected_speaker)
            self._set_reviews(db, {statement: state})
            db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'events'")

    # -- internals ----------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        db = self.db
        with _errors(self._where):
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def _events(self) -> int:
        with _errors(self._where):
            found = self.db.execute("SELECT value FROM meta WHERE key = 'events'").fetchone()
        return int(found[0]) if found else 0

    @staticmethod
    def _reviews(db: sqlite3.Connection, statements: Sequence[str]) -> dict[str, Review]:
        found = db.execute(
            "SELECT * FROM reviews WHERE statement IN (SELECT value FROM json_each(?))",
            (_json_list(statements),)).fetchall()
        return {s: Review(*values) for s, *values in found}

    @staticmethod
    def _set_reviews(db: sqlite3.Connection, states: dict[str, Review]) -> None:
        db.executemany("INSERT OR REPLACE INTO reviews VALUES (?, ?, ?, ?, ?, ?, ?)",
                       ((s, *_review_values(v)) for s, v in states.items()))
        for statement, state in states.items():
            row = db.execute("SELECT text, extracted_speaker, title FROM statements "
                             "WHERE statement = ?", (statement,)).fetchone()
            if row is None:
                continue  # an orphaned event: its statement is no longer in the store
            speaker = state.corrected_speaker or row[1]
            db.execute("UPDATE statements SET speaker = ?, status = ?, verdict = ?, rating = ?, "
                       "search = ? WHERE statement = ?",
                       (speaker, state.status(), state.verdict, state.rating,
                        _search(row[0], speaker, row[2]), statement))

    def _replace_graphs(self, db: sqlite3.Connection, graphs: Sequence[str],
                        rows: Sequence[dict[str, Any]], hashes: dict[str, str]) -> None:
        db.executemany("DELETE FROM statements WHERE graph = ?", ((g,) for g in graphs))
        db.executemany("DELETE FROM graphs WHERE graph = ?", ((g,) for g in graphs))
        reviews = self._reviews(db, [r["statement"] for r in rows])
        db.executemany(_INSERT, (_row(r, reviews.get(r["statement"])) for r in rows))
        db.executemany("INSERT INTO graphs VALUES (?, ?)", hashes.items())

    def _reread_reviews(self, events: int) -> None:
        states = reviews_from_store(self.store)
        with self._transaction() as db:
            old = {s: Review(*v) for s, *v in db.execute("SELECT * FROM reviews").fetchall()}
            db.execute("DELETE FROM reviews WHERE statement NOT IN "
                       "(SELECT value FROM json_each(?))", (_json_list(list(states)),))
            self._set_reviews(db, {s: v for s, v in states.items() if old.get(s) != v})
            for statement in set(old) - set(states):  # only if the reviews graph was rewritten
                self._set_reviews(db, {statement: Review()})
                db.execute("DELETE FROM reviews WHERE statement = ?", (statement,))
            db.execute("INSERT OR REPLACE INTO meta VALUES ('events', ?)", (str(events),))

    def _frame(self, sql: str, params: Sequence[object] = ()) -> pd.DataFrame:
        with _errors(self._where):
            cursor = self.db.execute(sql, tuple(params))
            names = [d[0] for d in cursor.description]
            return pd.DataFrame(cursor.fetchall(), columns=names)

    # -- reading --------------------------------------------------------------------------

    def __len__(self) -> int:
        with _errors(self._where):
            return int(self.db.execute("SELECT count(*) FROM statements").fetchone()[0])

    def rows(self, *, limit: int | None = None, offset: int = 0) -> pd.DataFrame:
        """Every row (in no particular order), for the explorer's in-memory table."""
        return self._frame(f"{_SELECT} LIMIT ? OFFSET ?", (_limit(limit), offset))

    def quotations(self, speaker: str, *, limit: int | None = None, offset: int = 0) -> pd.DataFrame:
        """A speaker's quotations (current speaker, i.e. as corrected), newest first."""
        return self._frame(f"{_SELECT} WHERE speaker = ? AND kind = 'quotation' "
                           "ORDER BY date DESC, article, statement LIMIT ? OFFSET ?",
                           (speaker, _limit(limit), offset))

    def article(self, article: str, *, limit: int | None = None, offset: int = 0) -> pd.DataFrame:
        """One article's statements in text order (article IRI full or shortened)."""
        return self._frame(f"{_SELECT} WHERE article = ? ORDER BY start, \"end\", kind "
                           "LIMIT ? OFFSET ?", (shorten(expand(article)), _limit(limit), offset))

    def queue(self, *, limit: int | None = 50, offset: int = 0) -> pd.DataFrame:
        """The review queue: quotations and reported speech with no verdict, article order."""
        return self._frame(f"{_SELECT} WHERE {_QUEUE} ORDER BY article, start LIMIT ? OFFSET ?",
                           (_limit(limit), offset))

    def queue_size(self) -> int:
        with _errors(self._where):
            return int(self.db.execute(f"SELECT count(*) FROM statements WHERE {_QUEUE}").fetchone()[0])

    def speakers(self, *, corrected: bool = True, limit: int | None = None,
                 offset: int = 0) -> pd.DataFrame:
        """Statements, quotations, reported speech and articles per speaker, most first
        (``corrected=False``: by the speaker as extracted, like the ``speakers`` query)."""
        column = "speaker" if corrected else "extracted_speaker"
        return self._frame(
            f"SELECT {column} AS speaker, count(*) AS statements, "
            "sum(kind = 'quotation') AS quotations, sum(kind = 'reported_speech') AS reported, "
            f"count(DISTINCT article) AS articles FROM statements WHERE {column} IS NOT NULL "
            f"GROUP BY {column} ORDER BY statements DESC, speaker LIMIT ? OFFSET ?",
            (_limit(limit), offset))

    def filter(self, filters: Filters, *, sort: str = "date", descending: bool = True,
               limit: int | None = 50, offset: int = 0) -> tuple[pd.DataFrame, int]:
        """A page of the rows that pass ``filters``, sorted, and how many pass in all."""
        if sort not in SORTABLE:
            raise ValueError(f"sort must be one of {SORTABLE}, not {sort!r}")
        where, params = _where(filters)
        with _errors(self._where):
            total = int(self.db.execute(f"SELECT count(*) FROM statements{where}", params).fetchone()[0])
        order = f"{sort} {'DESC' if descending else 'ASC'} NULLS LAST, article, start"
        page = self._frame(f"{_SELECT}{where} ORDER BY {order} LIMIT ? OFFSET ?",
                           (*params, _limit(limit), offset))
        return page, total

    def reviewed_rows(self) -> pd.DataFrame:
        """Statement, status and current speaker of every reviewed statement."""
        return self._frame("SELECT s.statement, s.status, s.speaker, r.corrected_speaker "
                           "FROM reviews r JOIN statements s USING (statement)")

    def choices(self, column: str) -> list[str]:
        """The distinct values of a filter column, sorted."""
        if column not in ("speaker", "kind", "outlet", "status"):
            raise ValueError(f"no choices for {column!r}")
        with _errors(self._where):
            found = self.db.execute(f"SELECT DISTINCT {column} FROM statements "
                                    f"WHERE {column} IS NOT NULL ORDER BY 1").fetchall()
        return [str(v) for (v,) in found]


def _where(filters: Filters) -> tuple[str, tuple[object, ...]]:
    """The WHERE clause of ``filters``: fixed column names, every value a bound parameter."""
    terms, params = [], []
    for column in ("speaker", "kind", "outlet", "status"):
        value = getattr(filters, column)
        if value:
            terms.append(f"{column} = ?")
            params.append(value)
    if filters.since is not None:
        terms.append("date >= ?")
        params.append(filters.since.isoformat())
    if filters.until is not None:
        terms.append("date <= ?")
        params.append(filters.until.isoformat())
    if filters.text.strip():
        terms.append("instr(search, ?) > 0")
        params.append(filters.text.strip().lower())
    return (" WHERE " + " AND ".join(terms) if terms else ""), tuple(params)


def _limit(limit: int | None) -> int:
    return -1 if limit is None else max(0, int(limit))


def _json_list(values: Sequence[str]) -> str:
    import json

    return json.dumps(list(values))


def _review_values(state: Review) -> tuple[str | None, ...]:
    return (state.verdict, state.verdict_key, state.rating, state.rating_key,
            state.corrected_speaker, state.fix_key)


def attached(store: Store) -> StatementIndex | None:
    """The index to keep fresh when writing to ``store``: the one open for it in this
    process, else its file if one exists (opened without a sync); None if it has none."""
    index = _OPEN.get(store)
    if index is not None:
        return index
    path = index_path(store)
    if path is None or not path.exists():
        return None
    try:
        with _errors(str(path)):
            index = StatementIndex(store, _connect(str(path)), path)
        if index._version() != SCHEMA_VERSION:
            index._db.close()
            return None
    except (IndexCorrupt, IndexUnreadable) as exc:
        log.warning("statement index not updated: %s", exc)
        return None
    _OPEN[store] = index
    return index


def after_write(index: StatementIndex | None,
                articles: Sequence[tuple[Document, Sequence[Statement]]]) -> None:
    """Ingestion's hook: index the articles just stored. A failure only leaves the index
    stale (the next sync or rebuild catches up); the store write stands."""
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
