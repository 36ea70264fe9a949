"""The claim-tracking layer's candidate index: bounded postings, popular quotations still
matched, an older state migrated in place."""

from __future__ import annotations

import sqlite3

from claims.track.matching import ArticleInfo, Row, Tracker
from claims.track.state import COMMON, State

LINE = "We are going to rebuild every bridge in this state before the winter comes"


def _article(tracker: Tracker, n: int, text: str, speaker: str | None = "Ana Lopez") -> None:
    graph, article = f"urn:test:graph/{n}", f"urn:test:article/{n}"
    info = ArticleInfo(graph, article, f"hash{n}", f"Outlet {n % 7}", None, f"2024-01-{1 + n % 28:02d}",
                       f"Article {n}. {text}")
    tracker.add_article(info, [Row(f"urn:test:statement/{n}", graph, article, text, speaker,
                                   f"Outlet {n % 7}", info.date)])


def test_a_quotation_reported_more_often_than_a_shingle_is_read_still_joins_its_claim() -> None:
    state = State(sqlite3.connect(":memory:", isolation_level=None))
    tracker = Tracker(state)
    with state.transaction():
        for n in range(COMMON + 20):  # every shingle of the line now has more postings than are read
            _article(tracker, n, LINE)
        _article(tracker, 9998, "going to rebuild every bridge in this state")
        _article(tracker, 9999, "We are going to rebuild every school in this county next year", "Ben Okafor")
    claim = state.quote("urn:test:statement/0").claim  # type: ignore[union-attr]
    assert state.size(claim) == COMMON + 21
    assert state.quote("urn:test:statement/9998").claim == claim  # type: ignore[union-attr]
    assert state.quote("urn:test:statement/9999").claim != claim  # type: ignore[union-attr]


def test_an_older_state_is_migrated_in_place() -> None:
    db = sqlite3.connect(":memory:", isolation_level=None)
    state = State(db)
    tracker = Tracker(state)
    with state.transaction():
        _article(tracker, 1, LINE)
    # as the first version left it: 3-shingle keys, no frequencies, no surnames
    db.execute("UPDATE meta SET value = '1' WHERE key = 'version'")
    db.execute("DROP TABLE keyfreq")
    db.execute("DROP TABLE bodyfreq")
    db.execute("DROP INDEX IF EXISTS quotes_who")
    db.execute("ALTER TABLE quotes DROP COLUMN who")
    db.execute("DELETE FROM keys")
    again = State(db)  # reopened: the index is derived again from the quotations
    assert db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()[0] != "1"
    assert [q.statement for q in again.candidates(LINE[:40], "Lopez")] == ["urn:test:statement/1"]
    assert db.execute("SELECT who FROM quotes").fetchone()[0] == "lopez"


def test_a_statement_given_twice_in_an_article_is_tracked_once() -> None:
    # the extractor can give two reported-speech statements of one span (one IRI)
    state = State(sqlite3.connect(":memory:", isolation_level=None))
    tracker = Tracker(state)
    graph, article = "urn:test:graph/1", "urn:test:article/1"
    row = Row("urn:test:statement/1", graph, article, LINE, "Ana Lopez", "Outlet", "2024-01-02",
              "reported_speech")
    with state.transaction():
        tracker.add_article(ArticleInfo(graph, article, "hash1", "Outlet", None, "2024-01-02",
                                        f"Article. {LINE}"), [row, row])
    assert len(state) == 1
