"""The index's SQLite layout: where the file lives, its tables and indexes, the columns
every read returns, and how a SQLite error becomes a coded error."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from claims.errors import IndexCorrupt, IndexUnreadable
from claims.index.facets import TABLE as FACETS
from claims.store.base import Store
from claims.store.oxigraph import OxigraphStore

SCHEMA_VERSION = 5  # 2: by_outlet, by_status, status in by_speaker; 3: facets;
# 4: full-text index (words), figure value, upper bound, unit and quantity kind;
# 5: what a figure measures, a year's or date's ISO 8601 form
SUFFIX = ".index.sqlite"
# Row columns, in the order every read method returns them (the statement IRI first).
COLUMNS = ("statement", "graph", "kind", "text", "speaker", "extracted_speaker", "role", "cue",
           "confidence", "status", "verdict", "rating", "title", "outlet", "date", "url",
           "article", "start", "end", "mention_start", "mention_end", "method", "extractor",
           "value", "upper", "unit", "quantity", "measures", "iso")
TOKENIZE = "unicode61 remove_diacritics 2"  # the free-text tables' tokenizer (words, temp.probe)
SORTABLE = ("date", "speaker", "kind", "confidence", "status", "text", "outlet", "article")

TABLES = f"""
CREATE TABLE statements (
  statement TEXT PRIMARY KEY, graph TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
  speaker TEXT, extracted_speaker TEXT, role TEXT, cue TEXT, confidence REAL,
  status TEXT NOT NULL, verdict TEXT, rating TEXT, title TEXT, outlet TEXT, date TEXT,
  url TEXT, article TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  mention_start INTEGER, mention_end INTEGER, method TEXT, extractor TEXT,
  value REAL, upper REAL, unit TEXT, quantity TEXT, measures TEXT, iso TEXT);
-- The free-text filter's index (docs/frontend.md, "Free text"): the statement, its current
-- speaker and its article's title, kept in step with the table by the triggers (WORDS).
CREATE VIRTUAL TABLE words USING fts5(text, speaker, title, content='statements',
  content_rowid='rowid', tokenize='{TOKENIZE}');
CREATE TABLE graphs (graph TEXT PRIMARY KEY, hash TEXT NOT NULL);
CREATE TABLE reviews (statement TEXT PRIMARY KEY, verdict TEXT, verdict_key TEXT,
  rating TEXT, rating_key TEXT, corrected_speaker TEXT, fix_key TEXT);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
{FACETS}PRAGMA user_version = {SCHEMA_VERSION};
"""
# Created after the bulk insert of a rebuild. by_speaker serves a speaker's quotations in
# date order and the counts per speaker (covering, also under a status filter); by_outlet and
# by_status serve the explorer's filters: a page in date order, the count and the charts'
# aggregates (covering); queue holds only unreviewed rows. Then the full-text index is
# filled in one pass and its triggers keep it in step from then on.
INDEXES = """
CREATE INDEX by_speaker ON statements (speaker, kind, date DESC, article, statement, status);
CREATE INDEX by_outlet ON statements (outlet, date DESC, article, start, speaker);
CREATE INDEX by_status ON statements (status, date DESC, article, start, speaker);
CREATE INDEX by_article ON statements (article, start, "end", kind);
CREATE INDEX by_graph ON statements (graph);
CREATE INDEX by_date ON statements (date DESC, article, start);
CREATE INDEX queue ON statements (article, start)
  WHERE verdict IS NULL AND kind IN ('quotation', 'reported_speech');
INSERT INTO words(words) VALUES ('rebuild');
CREATE TRIGGER words_insert AFTER INSERT ON statements BEGIN
  INSERT INTO words(rowid, text, speaker, title) VALUES (new.rowid, new.text, new.speaker, new.title);
END;
CREATE TRIGGER words_delete AFTER DELETE ON statements BEGIN
  INSERT INTO words(words, rowid, text, speaker, title)
    VALUES ('delete', old.rowid, old.text, old.speaker, old.title);
END;
CREATE TRIGGER words_update AFTER UPDATE OF text, speaker, title ON statements BEGIN
  INSERT INTO words(words, rowid, text, speaker, title)
    VALUES ('delete', old.rowid, old.text, old.speaker, old.title);
  INSERT INTO words(rowid, text, speaker, title) VALUES (new.rowid, new.text, new.speaker, new.title);
END;
"""
QUEUE = "verdict IS NULL AND kind IN ('quotation', 'reported_speech')"
SELECT = "SELECT " + ", ".join(f'"{c}"' for c in COLUMNS) + " FROM statements"
INSERT = "INSERT OR IGNORE INTO statements VALUES (" + ", ".join("?" * len(COLUMNS)) + ")"


def index_path(store: Store) -> Path | None:
    """Where the index of ``store`` lives: ``<store dir>.index.sqlite``; None: in memory."""
    if isinstance(store, OxigraphStore):
        return store.path.with_name(store.path.name + SUFFIX)
    return None


def connect(target: str) -> sqlite3.Connection:
    db = sqlite3.connect(target, timeout=30, isolation_level=None, check_same_thread=False)
    # A cache of the store: an OS crash at the wrong moment may damage it (a rebuild fixes
    # that); in exchange a commit does not wait for the disk twice.
    with suppress(sqlite3.DatabaseError):  # a damaged file shows on first use, not here
        db.execute("PRAGMA synchronous = NORMAL")
    return db


@contextmanager
def errors(where: str) -> Iterator[None]:
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
