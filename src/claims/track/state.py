"""The claim-tracking layer's working state: a SQLite file beside the store.

It keeps what matching a new article against the whole knowledge base needs, so that
ingestion never re-reads the store nor re-clusters everything:

- ``quotes``: every tracked statement (text, speaker, article, outlet, date, its claim, its
  kind: a quotation, or reported speech);
- ``keys``: the candidate index, one row per (word 4-shingle hash, quote), and ``keyfreq``
  its postings a key: a new quotation's candidates are the quotes sharing a run of four
  words with it (the shortest run :func:`~claims.track.compare.compare` accepts), through
  shingles rare enough to block on (:data:`COMMON` postings at most), found in one SQL
  aggregate; candidates whose speaker has the same surname come first;
- ``articles``: content hash, outlet, credit and date of every article seen, and
  ``bodykeys``: a sample of each body's word 8-shingles, to find syndicated copies;
- ``claims``: the claims merged into others (``replaced_by``);
- ``decisions``: the editors' current decisions of the layer's schemes (a copy of the
  reviews graph's, kept fresh by the layer).

For an embedded store at directory ``P`` the file is ``P.track.sqlite``; other stores keep
it in memory for as long as the store object lives. It holds nothing the store does not:
``claims track rebuild`` recreates it (and must, when it was lost).
"""

from __future__ import annotations

import hashlib
import sqlite3
import weakref
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from claims.store.base import Store
from claims.store.oxigraph import OxigraphStore
from claims.track.compare import OTHER_SPEAKER, canon, surname
from claims.track.wording import expanded, tokens, words

SUFFIX = ".track.sqlite"
COMMON = 100  # a shingle's postings read at most (its latest): a stock run of words
BUDGET = 200  # postings read for one quotation at most, rarest shingles first
SHARE = 0.3  # share of the shorter quotation's shingles a candidate must have
_SHARE_TENTHS = round(SHARE * 10)
LIMIT = 20  # candidates compared, at most
SCHEMA_VERSION = "5"  # 2: 4-shingle keys, keyfreq, quotes.who; 3: bodyfreq; 4: quotes.toks;
# 5: quotes.kind (reported speech tracked)
QUOTATION, REPORTED = "quotation", "reported_speech"  # the kinds of statement tracked

TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS quotes (
  id INTEGER PRIMARY KEY, statement TEXT UNIQUE NOT NULL, graph TEXT NOT NULL,
  article TEXT NOT NULL, outlet TEXT, date TEXT, speaker TEXT, text TEXT NOT NULL,
  words INTEGER NOT NULL, claim TEXT NOT NULL, who TEXT, toks INTEGER,
  kind TEXT NOT NULL DEFAULT 'quotation');
CREATE INDEX IF NOT EXISTS quotes_claim ON quotes (claim);
CREATE INDEX IF NOT EXISTS quotes_graph ON quotes (graph);
CREATE TABLE IF NOT EXISTS keys (key INTEGER NOT NULL, quote INTEGER NOT NULL,
  PRIMARY KEY (key, quote)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS keyfreq (key INTEGER PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS bodyfreq (key INTEGER PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS claims (claim TEXT PRIMARY KEY, replaced_by TEXT);
CREATE TABLE IF NOT EXISTS articles (
  graph TEXT PRIMARY KEY, article TEXT NOT NULL, hash TEXT NOT NULL, outlet TEXT,
  credit TEXT, date TEXT, keys INTEGER NOT NULL DEFAULT 0, original TEXT,
  containment REAL);
CREATE TABLE IF NOT EXISTS bodykeys (key INTEGER NOT NULL, graph TEXT NOT NULL,
  PRIMARY KEY (key, graph)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS shown (claim TEXT PRIMARY KEY, canonical TEXT);
CREATE TABLE IF NOT EXISTS decisions (subject TEXT NOT NULL, scheme TEXT NOT NULL,
  value TEXT NOT NULL, target TEXT, PRIMARY KEY (subject, scheme));
"""


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big", signed=True)


RUN = 4  # words a blocking key spans


def compared_tokens(text: str) -> int:
    """The tokens :func:`~claims.track.compare.compare` aligns (contractions written out,
    marks kept): no two quotations share more words in order than the shorter has."""
    return len(expanded(tokens(text)))


def quote_keys(text: str) -> list[int]:
    """The blocking keys of a quotation: hashes of its folded word 4-shingles (its one
    "shingle" when shorter: a quotation of three words is matched only with the same words).

    >>> quote_keys("We will win.") == quote_keys("we WILL win")
    True
    >>> len(quote_keys("we will win it all")), len(quote_keys("we will win"))
    (2, 1)
    """
    return list(_quote_keys(text))


@lru_cache(maxsize=4096)
def _quote_keys(text: str) -> tuple[int, ...]:  # a quotation is indexed and looked up
    toks = [canon(t) for t in words(expanded(tokens(text)))]
    if len(toks) < RUN:
        return (_hash(" ".join(toks)),) if toks else ()
    return tuple(sorted({_hash(" ".join(toks[i:i + RUN])) for i in range(len(toks) - RUN + 1)}))


BODY_SAMPLE = 4  # keep one body 8-shingle in this many (by hash)
BODY_COMMON = 100  # a body shingle in more articles than this is boilerplate
BODY_BUDGET = 400  # body postings read to find an article's candidate originals, at most
BODY_LIMIT = 10  # candidate originals whose shared keys are counted, at most


def body_keys(text: str) -> list[int]:
    """A sample of an article body's word 8-shingles (hashes), to find near-identical bodies."""
    toks = [canon(t) for t in words(expanded(tokens(text)))]
    keys = {_hash(" ".join(toks[i:i + 8])) for i in range(max(0, len(toks) - 7))}
    return sorted(k for k in keys if k % BODY_SAMPLE == 0)


@dataclass(frozen=True, slots=True)
class Quote:
    """A tracked statement as the state holds it."""

    id: int
    statement: str
    graph: str
    article: str
    outlet: str | None
    date: str | None
    speaker: str | None
    text: str
    words: int
    claim: str
    kind: str = QUOTATION  # or REPORTED: reported speech carrying a quotation's words


def path_of(store: Store) -> Path | None:
    """Where the state of ``store`` lives; None: in memory."""
    if isinstance(store, OxigraphStore):
        return store.path.with_name(store.path.name + SUFFIX)
    return None


_OPEN: weakref.WeakKeyDictionary[Store, State] = weakref.WeakKeyDictionary()


class State:
    """The SQLite working state of one store (:func:`State.of`)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.merges = 0  # counts changes of claims' replacements (for callers' caches)
        found = db.execute("SELECT name FROM sqlite_master WHERE name = 'meta'").fetchone()
        version = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone() if found else None
        if version is not None and version[0] != SCHEMA_VERSION:
            self._migrate()
        db.executescript(TABLES)
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (SCHEMA_VERSION,))

    def _migrate(self) -> None:
        """An older state: its quotations kept, the index derived from them again (the
        version is written last, so an interrupted migration runs again)."""
        db = self.db
        columns = {str(r[1]) for r in db.execute("PRAGMA table_info(quotes)")}
        if columns and "who" not in columns:
            db.execute("ALTER TABLE quotes ADD COLUMN who TEXT")
        if columns and "toks" not in columns:
            db.execute("ALTER TABLE quotes ADD COLUMN toks INTEGER")
        if columns and "kind" not in columns:
            db.execute("ALTER TABLE quotes ADD COLUMN kind TEXT NOT NULL DEFAULT 'quotation'")
        db.execute("DROP TABLE IF EXISTS keys")
        db.execute("DROP TABLE IF EXISTS keyfreq")
        db.execute("DROP TABLE IF EXISTS bodyfreq")
        db.executescript(TABLES)
        with self.transaction():
            for quote, text, speaker in db.execute("SELECT id, text, speaker FROM quotes").fetchall():
                db.execute("UPDATE quotes SET who = ?, toks = ? WHERE id = ?",
                           (surname(speaker), compared_tokens(str(text)), quote))
                self._index(int(quote), str(text))
            db.execute("INSERT INTO bodyfreq SELECT key, COUNT(*) FROM bodykeys GROUP BY key")

    @classmethod
    def of(cls, store: Store) -> State:
        """The state of ``store``, opened once per store object."""
        found = _OPEN.get(store)
        if found is None:
            path = path_of(store)
            db = sqlite3.connect(str(path) if path else ":memory:", timeout=30,
                                 isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA synchronous = NORMAL")
            if path:
                db.execute("PRAGMA journal_mode = WAL")
            found = cls(db)
            _OPEN[store] = found
        return found

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def clear(self) -> None:
        self.merges += 1
        for table in ("quotes", "keys", "keyfreq", "bodyfreq", "claims", "articles", "bodykeys",
                      "decisions", "shown"):
            self.db.execute(f"DELETE FROM {table}")

    # ------------------------------------------------------------ articles

    def article_hash(self, graph: str) -> str | None:
        row = self.db.execute("SELECT hash FROM articles WHERE graph = ?", (graph,)).fetchone()
        return str(row[0]) if row else None

    def forget_article(self, graph: str) -> tuple[set[str], list[str]]:
        """Drop an article and its quotes; returns the claims they were in and the statements."""
        found = self.db.execute("SELECT claim, statement FROM quotes WHERE graph = ?", (graph,)).fetchall()
        claims = {str(c) for c, _ in found}
        self.db.execute("UPDATE keyfreq SET n = n - 1 WHERE key IN (SELECT k.key FROM keys k "
                        "JOIN quotes q ON q.id = k.quote WHERE q.graph = ?)", (graph,))
        self.db.execute("DELETE FROM keys WHERE quote IN (SELECT id FROM quotes WHERE graph = ?)",
                        (graph,))
        self.db.execute("DELETE FROM quotes WHERE graph = ?", (graph,))
        self.db.execute("UPDATE bodyfreq SET n = n - 1 WHERE key IN (SELECT key FROM bodykeys "
                        "WHERE graph = ?)", (graph,))
        self.db.execute("DELETE FROM bodykeys WHERE graph = ?", (graph,))
        self.db.execute("DELETE FROM articles WHERE graph = ?", (graph,))
        return claims, [str(s) for _, s in found]

    def add_article(self, graph: str, article: str, content_hash: str, outlet: str | None,
                    credit: str | None, date: str | None, keys: Sequence[int]) -> None:
        self.db.execute("INSERT OR REPLACE INTO articles (graph, article, hash, outlet, credit, date, "
                        "keys) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (graph, article, content_hash, outlet, credit, date, len(keys)))
        self.db.executemany("INSERT OR IGNORE INTO bodykeys VALUES (?, ?)", ((k, graph) for k in keys))
        self.db.executemany("INSERT INTO bodyfreq VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET n = n + 1",
                            ((k,) for k in keys))

    def similar_bodies(self, graph: str, keys: Sequence[int]) -> list[tuple[str, int, int]]:
        """``(graph, shared keys, its key count)`` of other articles sharing at least three body
        keys (keys in more than :data:`BODY_COMMON` bodies, boilerplate, not counted).

        In two steps, so that the postings read stay bounded: the articles sharing the body's
        rarest keys (:data:`BODY_BUDGET` postings at most, rarest first; a copy shares its
        rare keys too) are the candidates, :data:`BODY_LIMIT` at most, those sharing the most
        first; then their shared keys are counted over all the body's keys.
        """
        if not keys:
            return []
        usable = sorted((int(n), int(k)) for k, n in self.db.execute(
            "SELECT key, n FROM bodyfreq WHERE key IN (SELECT value FROM json_each(?)) AND n <= ?",
            (_json(keys), BODY_COMMON)))
        probe: list[int] = []
        spent = 0
        for n, key in usable:
            if probe and spent + n > BODY_BUDGET:
                break
            probe.append(key)
            spent += n
        if not probe:
            return []
        found = [str(g) for (g,) in self.db.execute(
            "SELECT graph FROM bodykeys WHERE key IN (SELECT value FROM json_each(?)) AND graph != ? "
            "GROUP BY graph HAVING COUNT(*) >= ? ORDER BY COUNT(*) DESC, graph LIMIT ?",
            (_json(probe), graph, min(2, len(probe)), BODY_LIMIT))]
        if not found:
            return []
        rows = self.db.execute(
            "SELECT b.graph, COUNT(*), a.keys FROM bodykeys b JOIN articles a ON a.graph = b.graph "
            "WHERE b.key IN (SELECT value FROM json_each(?)) AND b.graph IN "
            "(SELECT value FROM json_each(?)) GROUP BY b.graph HAVING COUNT(*) >= 3",
            (_json([k for _, k in usable]), _json(found))).fetchall()
        return [(str(g), int(n), int(k)) for g, n, k in rows]

    def set_original(self, graph: str, original: str | None, containment: float | None) -> None:
        self.db.execute("UPDATE articles SET original = ?, containment = ? WHERE graph = ?",
                        (original, containment, graph))

    def articles(self, graphs: Iterable[str]) -> dict[str, dict[str, object]]:
        rows = self.db.execute(
            "SELECT graph, article, hash, outlet, credit, date, original, containment FROM articles "
            "WHERE graph IN (SELECT value FROM json_each(?))", (_json(list(graphs)),)).fetchall()
        names = ("graph", "article", "hash", "outlet", "credit", "date", "original", "containment")
        return {str(r[0]): dict(zip(names, r, strict=True)) for r in rows}

    def copies_of(self, graph: str) -> list[str]:
        return [str(g) for (g,) in self.db.execute(
            "SELECT graph FROM articles WHERE original = ?", (graph,))]

    # ------------------------------------------------------------ quotes

    def add_quote(self, statement: str, graph: str, article: str, outlet: str | None,
                  date: str | None, speaker: str | None, text: str, claim: str,
                  kind: str = QUOTATION) -> int:
        cur = self.db.execute(
            "INSERT INTO quotes (statement, graph, article, outlet, date, speaker, text, words, claim, "
            "who, toks, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (statement, graph, article, outlet, date, speaker, text, len(words(tokens(text))), claim,
             surname(speaker), compared_tokens(text), kind))
        quote = int(cur.lastrowid or 0)
        self._index(quote, text)
        return quote

    def _index(self, quote: int, text: str) -> None:
        keys = quote_keys(text)
        self.db.executemany("INSERT OR IGNORE INTO keys VALUES (?, ?)", ((k, quote) for k in keys))
        self.db.executemany("INSERT INTO keyfreq VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET n = n + 1",
                            ((k,) for k in keys))

    def candidates(self, text: str, speaker: str | None = None, *, limit: int = LIMIT,
                   quotations: bool = False) -> list[Quote]:
        """The quotes sharing shingles with ``text``: at least :data:`SHARE` of the 4-shingles
        of the shorter of the two (one at least), those whose speaker has the surname of
        ``speaker`` (or no known one) first, then the most shared, ``limit`` at most. A quote
        of another named speaker is no candidate when either side has fewer than
        :data:`~claims.track.compare.OTHER_SPEAKER` compared tokens: the two cannot share
        enough words in order (what ``compare`` asks of two named people). ``quotations``:
        direct quotations only (what reported speech is matched with).

        The postings read are bounded (:data:`BUDGET`): the rarest shingles are probed first,
        a shingle's latest postings only when it is common, and a quote must share what it
        needs less the shingles not probed (a true match shares its rarest shingles too).
        """
        keys = quote_keys(text)
        if not keys:
            return []
        found = dict(self.db.execute("SELECT key, n FROM keyfreq WHERE key IN (SELECT value FROM "
                                     "json_each(?))", (_json(keys),)).fetchall())
        ranked = sorted((int(found[k]), k) for k in keys if k in found)
        if not ranked:
            return []
        probe: list[tuple[int, int]] = []  # (key, postings read)
        spent = 0
        for n, key in ranked:
            if probe and spent + n > BUDGET:
                break
            take = min(n, BUDGET, COMMON)
            probe.append((key, take))
            spent += take
        unprobed = len(keys) - len(probe)
        own = len(words(tokens(text)))
        who = surname(speaker)
        union = " UNION ALL ".join(
            "SELECT * FROM (SELECT quote FROM keys WHERE key = ? ORDER BY quote DESC LIMIT ?)"
            for _ in probe)
        rows = self.db.execute(
            f"WITH shared(quote, n) AS (SELECT quote, COUNT(*) FROM ({union}) GROUP BY quote) "
            f"SELECT {_QUOTE_Q} FROM shared s JOIN quotes q ON q.id = s.quote "
            f"WHERE s.n >= MAX(1, ({_SHARE_TENTHS} * (MIN(?, q.words) - {RUN - 1}) + 9) / 10 - ?) "
            f"AND (? IS NULL OR q.who IS NULL OR q.who = ? OR MIN(?, q.toks) >= {OTHER_SPEAKER}) "
            f"AND (? = 0 OR q.kind = '{QUOTATION}') "
            f"ORDER BY CASE WHEN ? IS NULL OR q.who IS NULL THEN 1 WHEN q.who = ? THEN 0 ELSE 2 END, "
            f"s.n DESC, q.id DESC LIMIT ?",
            (*[v for pair in probe for v in pair], own, unprobed, who, who, compared_tokens(text),
             int(quotations), who, who, limit)).fetchall()
        return [Quote(*r) for r in rows]

    def quotes_by_id(self, ids: Sequence[int]) -> list[Quote]:
        rows = self.db.execute(f"SELECT {_QUOTE} FROM quotes WHERE id IN "
                               "(SELECT value FROM json_each(?))", (_json(list(ids)),)).fetchall()
        return [Quote(*r) for r in rows]

    def quote(self, statement: str) -> Quote | None:
        row = self.db.execute(f"SELECT {_QUOTE} FROM quotes WHERE statement = ?",
                              (statement,)).fetchone()
        return Quote(*row) if row else None

    def members(self, claim: str, *, limit: int = -1) -> list[Quote]:
        """The claim's quotes in the order they were tracked (``limit``: the first ones)."""
        rows = self.db.execute(f"SELECT {_QUOTE} FROM quotes WHERE claim = ? ORDER BY id LIMIT ?",
                               (claim, limit)).fetchall()
        return [Quote(*r) for r in rows]

    def size(self, claim: str) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM quotes WHERE claim = ?", (claim,)).fetchone()[0])

    def claims_of_graphs(self, graphs: Iterable[str]) -> set[str]:
        return {str(c) for (c,) in self.db.execute(
            "SELECT DISTINCT claim FROM quotes WHERE graph IN (SELECT value FROM json_each(?))",
            (_json(list(graphs)),))}

    def move(self, claim: str, into: str) -> list[str]:
        """Every member of ``claim`` joins ``into``; ``claim`` is replaced by it. Returns the
        statements moved."""
        self.merges += 1
        moved = [str(s) for (s,) in self.db.execute("SELECT statement FROM quotes WHERE claim = ?",
                                                    (claim,))]
        self.db.execute("UPDATE quotes SET claim = ? WHERE claim = ?", (into, claim))
        self.db.execute("INSERT OR REPLACE INTO claims VALUES (?, ?)", (claim, into))
        self.db.execute("UPDATE claims SET replaced_by = ? WHERE replaced_by = ?", (into, claim))
        self.db.execute("DELETE FROM claims WHERE claim = ? AND replaced_by IS NULL", (into,))
        return moved

    def rename(self, claim: str, to: str) -> None:
        """The claim takes another IRI (no replacement recorded: ``claim`` never showed)."""
        self.merges += 1
        self.db.execute("UPDATE quotes SET claim = ? WHERE claim = ?", (to, claim))
        self.db.execute("UPDATE claims SET replaced_by = ? WHERE replaced_by = ?", (to, claim))

    def replace(self, claim: str, by: str) -> None:
        """Record that ``claim`` (no longer anyone's) is replaced by ``by``."""
        self.merges += 1
        self.db.execute("INSERT OR REPLACE INTO claims VALUES (?, ?)", (claim, by))

    def set_claim(self, statement: str, claim: str) -> None:
        self.db.execute("UPDATE quotes SET claim = ? WHERE statement = ?", (claim, statement))

    def replaced_by(self, claim: str) -> str | None:
        row = self.db.execute("SELECT replaced_by FROM claims WHERE claim = ?", (claim,)).fetchone()
        return str(row[0]) if row and row[0] else None

    def replaced(self) -> dict[str, str]:
        return {str(c): str(r) for c, r in self.db.execute(
            "SELECT claim, replaced_by FROM claims WHERE replaced_by IS NOT NULL")}

    def sizes(self) -> list[tuple[str, int]]:
        return [(str(c), int(n)) for c, n in self.db.execute(
            "SELECT claim, COUNT(*) FROM quotes GROUP BY claim HAVING COUNT(*) >= 2")]

    def __len__(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM quotes").fetchone()[0])

    def canonical(self, claim: str, statement: str | None = None) -> str | None:
        """The claim's canonical statement as last written (``statement``: record it)."""
        if statement is not None:
            self.db.execute("INSERT OR REPLACE INTO shown VALUES (?, ?)", (claim, statement))
        row = self.db.execute("SELECT canonical FROM shown WHERE claim = ?", (claim,)).fetchone()
        return str(row[0]) if row and row[0] else None

    def head(self, claim: str) -> tuple[int, int, int, str, str | None, str | None]:
        """``(members, outlets, independent sources, first article, first date, first outlet)``:
        a copy counts as its original (one level), else as its credited outlet, else its own."""
        members, outlets, independent = self.db.execute(
            "SELECT COUNT(*), COUNT(DISTINCT COALESCE(q.outlet, q.article)), COUNT(DISTINCT "
            "lower(COALESCE(o.credit, o.outlet, o.graph, a.credit, a.outlet, a.graph))) "
            "FROM quotes q LEFT JOIN articles a ON a.graph = q.graph "
            "LEFT JOIN articles o ON o.graph = a.original WHERE q.claim = ?", (claim,)).fetchone()
        first = self.db.execute(
            "SELECT article, date, outlet FROM quotes WHERE claim = ? "
            "ORDER BY COALESCE(date, '9999'), COALESCE(outlet, ''), statement LIMIT 1",
            (claim,)).fetchone()
        return int(members), int(outlets), int(independent), str(first[0]), first[1], first[2]

    def shown(self, claim: str, now: bool | None = None) -> bool:
        """Whether the claim has a graph in the store (``now``: record that it has, or not)."""
        if now is True:
            self.db.execute("INSERT OR IGNORE INTO shown VALUES (?, NULL)", (claim,))
        elif now is False:
            self.db.execute("DELETE FROM shown WHERE claim = ?", (claim,))
        return self.db.execute("SELECT 1 FROM shown WHERE claim = ?", (claim,)).fetchone() is not None

    # ------------------------------------------------------------ decisions

    def decision(self, subject: str, scheme: str) -> tuple[str, str | None] | None:
        row = self.db.execute("SELECT value, target FROM decisions WHERE subject = ? AND scheme = ?",
                              (subject, scheme)).fetchone()
        return (str(row[0]), row[1]) if row else None

    def decided(self, subject: str, scheme: str, value: str, target: str | None) -> None:
        self.db.execute("INSERT OR REPLACE INTO decisions VALUES (?, ?, ?, ?)",
                        (subject, scheme, value, target))

    def decisions(self, scheme: str) -> dict[str, tuple[str, str | None]]:
        return {str(s): (str(v), t) for s, v, t in self.db.execute(
            "SELECT subject, value, target FROM decisions WHERE scheme = ?", (scheme,))}


_QUOTE = "id, statement, graph, article, outlet, date, speaker, text, words, claim, kind"
_QUOTE_Q = ", ".join(f"q.{c}" for c in _QUOTE.split(", "))


def _json(values: Sequence[object]) -> str:
    if all(type(v) is int for v in values):
        return f"[{','.join(map(str, values))}]"
    import json

    return json.dumps(list(values))
