"""The statement index: equal to a rebuild after hooks, in agreement with the named queries,
kept in sync with changes made behind its back, safe to lose.

Inputs are built by hand (Documents and Statements through the RDF mapping, verdicts
through :mod:`claims.review`) on a real Oxigraph store on disk.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from claims import index as index_module
from claims import review
from claims.cli import cli
from claims.document import Document
from claims.errors import IndexCorrupt, IndexMissing
from claims.index import Filters, StatementIndex, Tally, attached, index_path, schema, statement_index
from claims.model import iris
from claims.pipeline import ingest
from claims.query import select, shorten
from claims.review import ReviewEvent, Verdict
from claims.statements import Kind, Quantity, Span, Speaker, Statement
from claims.store import MemoryStore, OxigraphStore, Store
from graphs import write_graphs

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
SAID = [("Vladimir Putin", "Putin"), ("Xi Jinping", "Xi"), ("Vladimir Putin", "The president"),
        ("Ana Lima", "Lima")]


def article(n: int) -> Document:
    """Article ``n``: quotations, reported speech and a figure, speakers from SAID."""
    mention, other_mention = SAID[n % len(SAID)][1], SAID[(n + 1) % len(SAID)][1]
    text = (f'{mention} said: "We agree on point {n} and on everything else." '
            f"{other_mention} said the talks on item {n} went well. "
            f'{mention} added: "Nobody doubts clause {n}." The group has {n + 2} members.')
    return Document(id=f"a{n}", text=text, title=f"Summit day {n}", url=f"https://news.example/a{n}",
                    publisher="Example News" if n % 2 else "Other Times",
                    date=(date(2024, 4, 1) + timedelta(days=n % 3)).isoformat())


def statements(doc: Document) -> list[Statement]:
    text, n = doc.text, int(doc.id[1:])
    who, mention = SAID[n % len(SAID)]
    other, other_mention = SAID[(n + 1) % len(SAID)]

    def span(part: str) -> Span:
        start = text.index(part)
        return Span(start, start + len(part))

    def speaker(name: str, said: str, at: int = 0) -> Speaker:
        start = text.index(said, at)
        return Speaker(name, mention=said, mention_span=Span(start, start + len(said)),
                       role="president" if name == "Vladimir Putin" else None)

    q1, q2 = f"We agree on point {n} and on everything else.", f"Nobody doubts clause {n}."
    reported = f"the talks on item {n} went well"
    figure = f"{n + 2} members"
    return [
        Statement(Kind.QUOTATION, q1, span(q1), speaker=speaker(who, mention), cue="said",
                  confidence=0.9),
        Statement(Kind.REPORTED_SPEECH, reported, span(reported),
                  speaker=speaker(other, other_mention, text.index(q1)), cue="said", confidence=0.7),
        Statement(Kind.QUOTATION, q2, span(q2), speaker=Speaker(who, role="envoy"), cue="added",
                  confidence=0.8123),
        Statement(Kind.FIGURE, figure, span(figure), quantity=Quantity(n + 2.0, kind="count"),
                  confidence=0.6),
    ]


def iri(doc: Document, number: int) -> str:
    st = statements(doc)[number]
    return shorten(str(iris.statement_iri(doc.content_hash, st.kind, st.span)))


def fill(store: Store, docs: list[Document]) -> None:
    write_graphs(store, [(d, statements(d)) for d in docs])


def add_reviews(store: Store, docs: list[Document]) -> None:
    """A confirmation, a misattribution (corrected speaker), a superseded verdict, a rating."""
    review.record(store, iri(docs[0], 0), "confirmed", reviewer="Ana", at=T0)
    review.record(store, iri(docs[1], 0), "misattributed", reviewer="Bo",
                  corrected_speaker="Sergei Lavrov", at=T0)
    review.record(store, iri(docs[2], 1), "confirmed", reviewer="Cy", at=T0)
    review.record(store, iri(docs[2], 1), "not-a-quotation", reviewer="Cy",
                  at=T0 + timedelta(minutes=1))
    review.rate(store, iri(docs[3], 3), "mostly true", reviewer="Dee", at=T0)
    review.rate(store, iri(docs[0], 2), "false", reviewer="Dee", at=T0)


DOCS = [article(n) for n in range(6)]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[OxigraphStore]:
    kb = OxigraphStore(tmp_path / "kb", shared=True)
    fill(kb, DOCS)
    add_reviews(kb, DOCS)
    yield kb
    for found in list(statement_index.OPEN.keys()):
        if found is kb:
            statement_index.OPEN[kb].close()
    kb.close()


@pytest.fixture
def index(store: OxigraphStore) -> StatementIndex:
    return StatementIndex.open(store)


def plain(values: pd.Series) -> list[object]:
    """Cells as Python values, missing ones (None or NaN) as None."""
    return [None if v is None or (isinstance(v, float) and pd.isna(v)) else v for v in values]


def everything(index: StatementIndex) -> pd.DataFrame:
    return index.rows().sort_values("statement").reset_index(drop=True)


def fresh(store: Store) -> pd.DataFrame:
    """The rows of an index rebuilt from ``store`` alone (in memory, beside the one under test)."""
    other = StatementIndex(store, schema.connect(":memory:"), None)
    other.rebuild()
    rows = everything(other)
    other._db.close()
    return rows


# -- where it lives, what it holds ----------------------------------------------------------


def test_file_beside_the_store_and_one_row_per_statement(store: OxigraphStore, index: StatementIndex,
                                                         tmp_path: Path) -> None:
    assert index_path(store) == tmp_path / "kb.index.sqlite"
    assert (tmp_path / "kb.index.sqlite").is_file()
    rows = everything(index)
    assert len(rows) == len(index) == 4 * len(DOCS)
    assert rows["statement"].tolist() == sorted(iri(d, i) for d in DOCS for i in range(4))
    misattributed = rows.set_index("statement").loc[iri(DOCS[1], 0)]
    assert (misattributed["speaker"], misattributed["extracted_speaker"]) == ("Sergei Lavrov", "Xi Jinping")
    assert misattributed["status"] == "misattributed"
    statuses = rows.set_index("statement")["status"]
    assert statuses[iri(DOCS[2], 1)] == "not-a-quotation"  # the later verdict wins
    assert statuses[iri(DOCS[3], 3)] == "rated mostly-true"
    assert statuses[iri(DOCS[0], 2)] == "rated false"
    assert (statuses == "unreviewed").sum() == len(rows) - 5


def test_memory_store_gets_the_same_rows_in_memory(store: OxigraphStore, index: StatementIndex) -> None:
    memory = MemoryStore()
    memory.load(store.dump(format="nquads"), format="nquads")
    in_memory = StatementIndex.open(memory)
    assert in_memory.path is None
    pd.testing.assert_frame_equal(everything(in_memory), everything(index))


# -- the hooks: ingest and review keep it equal to a rebuild -------------------------------------


def test_after_ingest_and_reviews_equals_a_rebuild(tmp_path: Path) -> None:
    kb = OxigraphStore(tmp_path / "kb")
    index = StatementIndex.open(kb)
    assert len(index) == 0
    docs = [Document(id=f"n{n}", title=f"Talks {n}", publisher="Daily", date="2024-03-0" + str(n + 1),
                     url=f"https://daily.example/{n}",
                     text=(f'The minister said: "We will publish every figure by {n + 1} May." '
                           f'Mr Brown told reporters that the budget for item {n} was final. '
                           f'"Nobody will be left behind," said Jane Doe. Prices rose {n + 3} percent.'))
            for n in range(3)]
    report = ingest(docs, kb, batch_size=2, validate="none")
    assert report.ok and report.statements > 0
    assert index.check().stale is False  # the hook did it, no sync
    first = index.article(shorten(str(iris.article_iri(docs[0]))))
    assert len(first) > 0
    review.record(kb, first["statement"][0], "misattributed", reviewer="Ana",
                  corrected_speaker="Someone Else", at=T0)
    review.rate(kb, first["statement"][0], "mixture", reviewer="Bo", at=T0)
    changed = docs[1].__class__(id="n1", title="Talks 1, updated", publisher="Daily",
                                url=docs[1].url, date="2024-03-09",
                                text=docs[1].text + ' Later the minister said: "We stand by it."')
    assert ingest([changed], kb, validate="none").ok  # the same article, replaced
    assert index.check().stale is False
    rows = everything(index)
    assert (rows["statement"] == first["statement"][0]).sum() == 1
    assert rows.set_index("statement").loc[first["statement"][0], "speaker"] == "Someone Else"
    pd.testing.assert_frame_equal(rows, fresh(kb))
    index.close()
    kb.close()


def test_rows_from_ingestion_equal_rows_from_the_store(store: OxigraphStore) -> None:
    """The hook builds rows from what ingestion holds; they must be what the store says."""
    for doc in DOCS:
        graph = shorten(str(iris.graph_iri(doc)))
        by_store = sorted(index_module.rows_from_store(store, graph), key=lambda r: r["statement"])
        assert len(by_store) == 4
        by_hook = sorted(index_module.rows_from_statements(doc, statements(doc)),
                         key=lambda r: r["statement"])
        assert by_hook == by_store


def test_no_index_no_hook_and_no_file(tmp_path: Path) -> None:
    kb = OxigraphStore(tmp_path / "kb")
    assert attached(kb) is None
    assert ingest([DOCS[0]], kb, validate="none").ok
    assert not (tmp_path / "kb.index.sqlite").exists()
    kb.close()


def test_review_through_another_handle_updates_the_shared_file(store: OxigraphStore,
                                                                index: StatementIndex) -> None:
    other = OxigraphStore(store.path, shared=True)  # as another process would open it
    review.record(other, iri(DOCS[4], 0), "confirmed", reviewer="Eve", at=T0)
    assert index.check().stale is False
    assert everything(index).set_index("statement").loc[iri(DOCS[4], 0), "status"] == "confirmed"
    pd.testing.assert_frame_equal(everything(index), fresh(store))


# -- sync: changes made behind its back -----------------------------------------------------------


def test_sync_picks_up_replaced_added_and_removed_graphs(store: OxigraphStore,
                                                          index: StatementIndex) -> None:
    edited = Document(id="a0", text=DOCS[0].text + " Later he said it again.", title="Edited",
                      url=DOCS[0].url, publisher="Third Daily", date="2024-06-01")
    write_graphs(store, [(edited, statements(DOCS[0]))])  # no hook: behind its back
    extra = article(9)
    write_graphs(store, [(extra, statements(extra))])
    store.remove_graph(str(iris.graph_iri(DOCS[5])))
    status = index.check()
    assert (status.stale, status.changed_graphs, status.vanished_graphs) == (True, 2, 1)
    assert index.sync() == {"changed": 2, "vanished": 1, "events": 0, "rebuilt": 0, "differing": 0}
    rows = everything(index)
    pd.testing.assert_frame_equal(rows, fresh(store))
    assert set(rows.loc[rows["graph"] == shorten(str(iris.graph_iri(edited))), "outlet"]) == {"Third Daily"}
    assert index.check().stale is False
    assert index.sync() == {"changed": 0, "vanished": 0, "events": 0, "rebuilt": 0, "differing": 0}


def test_sync_picks_up_a_review_written_without_the_hook(store: OxigraphStore,
                                                          index: StatementIndex) -> None:
    event = ReviewEvent(iri="https://w3id.org/claims/kb/review/elsewhere", reviewer="Far Away",
                        statement=str(iris.statement_iri(DOCS[5].content_hash, Kind.QUOTATION,
                                                         statements(DOCS[5])[0].span)),
                        time=T0, verdict=Verdict.MISATTRIBUTED, corrected_speaker="Ana Lima")
    # e.g. an older version of the code in another process
    store.write(add=[review.to_graph(event), review.speaker_graph(event)])
    assert index.check().new_events == 1
    assert index.sync()["events"] == 1
    row = everything(index).set_index("statement").loc[iri(DOCS[5], 0)]
    assert (row["status"], row["speaker"]) == ("misattributed", "Ana Lima")
    pd.testing.assert_frame_equal(everything(index), fresh(store))


# -- read API against the named queries -----------------------------------------------------------


def test_quotations_agree_with_quotations_by_speaker(store: OxigraphStore, index: StatementIndex) -> None:
    for speaker in ("Vladimir Putin", "Xi Jinping", "Sergei Lavrov", "Ana Lima", "Nobody"):
        expected = select(store, "quotations_by_speaker", speaker=speaker)
        found = index.quotations(speaker)
        assert found["statement"].tolist() == expected["statement"].tolist(), speaker
        assert found["speaker"].tolist() == expected["speaker"].tolist()
        assert plain(found["extracted_speaker"]) == plain(expected["extracted_speaker"])
        assert plain(found["verdict"]) == plain(expected["status"])
        assert found["date"].tolist() == [str(d) for d in expected["date"]]
        assert found["title"].tolist() == expected["title"].tolist()
        assert found["outlet"].tolist() == expected["outlet"].tolist()


def test_article_agrees_with_article_statements(store: OxigraphStore, index: StatementIndex) -> None:
    for doc in DOCS:
        name = str(iris.article_iri(doc))
        expected = select(store, "article_statements", article=name)
        found = index.article(name)
        assert found["statement"].tolist() == expected["statement"].tolist()
        assert plain(found["extracted_speaker"]) == plain(expected["speaker"])
        assert found["kind"].tolist() == [index_module.KINDS[k] for k in expected["kind"]]
        assert found[["start", "end"]].values.tolist() == expected[["start", "end"]].values.tolist()
        assert found["confidence"].tolist() == expected["confidence"].tolist()


def test_queue_agrees_with_unreviewed(store: OxigraphStore, index: StatementIndex) -> None:
    expected = select(store, "unreviewed")
    found = index.queue(limit=None)
    assert found["statement"].tolist() == expected["statement"].tolist()
    assert index.queue_size() == len(expected) == 2 * 6 + 6 - 3  # quotations + reported - verdicts
    assert iri(DOCS[0], 2) in set(found["statement"])  # rated, but no verdict yet: still queued


def test_speakers_agree_with_speakers(store: OxigraphStore, index: StatementIndex) -> None:
    expected = select(store, "speakers").drop(columns=["person", "qid"])  # corrections win
    found = index.speakers()
    pd.testing.assert_frame_equal(found, expected, check_dtype=False)
    assert found.set_index("speaker").loc["Sergei Lavrov", "quotations"] == 1
    extracted = index.speakers(corrected=False)
    assert "Sergei Lavrov" not in set(extracted["speaker"])
    assert extracted["statements"].sum() == expected["statements"].sum()


def test_filters_and_paging(store: OxigraphStore, index: StatementIndex) -> None:
    rows = everything(index)
    page, total = index.filter(Filters(kind="quotation"), limit=5)
    assert total == (rows["kind"] == "quotation").sum() == 12 and len(page) == 5
    assert index.filter(Filters(speaker="Sergei Lavrov"))[1] == 1
    assert index.filter(Filters(outlet="Other Times", kind="figure"))[1] == 3
    assert index.filter(Filters(status="unreviewed"))[1] == len(rows) - 5
    assert index.filter(Filters(since=date(2024, 4, 2), until=date(2024, 4, 2)))[1] == 8
    found, count = index.filter(Filters(text="NOBODY doubts clause 3"))
    assert count == 1 and found["statement"].tolist() == [iri(DOCS[3], 2)]
    assert index.filter(Filters(text="lavrov"))[1] == 1  # the corrected speaker is searched
    # each search's matches are kept while the index does not change: back to an earlier one
    assert index.filter(Filters(text="NOBODY doubts clause 3"))[1] == 1
    assert index.count(Filters(text="lavrov", kind="quotation")) == 1
    assert index.filter(Filters(speaker="x' OR 1=1 --"))[1] == 0  # bound, never pasted
    everything_sorted, _ = index.filter(Filters(), sort="confidence", descending=False, limit=None)
    assert everything_sorted["confidence"].is_monotonic_increasing
    pages = [index.filter(Filters(), limit=7, offset=o)[0] for o in range(0, len(rows), 7)]
    whole_page, _ = index.filter(Filters(), limit=None)
    assert pd.concat(pages)["statement"].tolist() == whole_page["statement"].tolist()
    whole = index.quotations("Vladimir Putin")
    paged = pd.concat([index.quotations("Vladimir Putin", limit=2, offset=o) for o in range(0, 10, 2)])
    assert paged["statement"].tolist() == whole["statement"].tolist() and len(whole) > 2
    assert index.queue(limit=3, offset=3)["statement"].tolist() == \
        index.queue(limit=None)["statement"].tolist()[3:6]
    assert index.speakers(limit=1)["speaker"].tolist() == ["Vladimir Putin"]
    with pytest.raises(ValueError, match="sort"):
        index.filter(Filters(), sort="text; DROP TABLE statements")


# -- losing it is safe ----------------------------------------------------------------------------


def test_corrupt_file_is_a_coded_error_and_rebuild_fixes_it(store: OxigraphStore,
                                                            index: StatementIndex) -> None:
    before = everything(index)
    index.close()
    path = index_path(store)
    assert path is not None
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(IndexCorrupt) as caught:
        StatementIndex.open(store)
    assert caught.value.code == "index-corrupt" and "claims index rebuild" in caught.value.message
    assert attached(store) is None  # the hooks leave a corrupt index alone, the write stands
    review.record(store, iri(DOCS[4], 1), "confirmed", reviewer="Ana", at=T0)
    rebuilt = StatementIndex.build(store)
    rows = everything(rebuilt)
    assert rows.set_index("statement").loc[iri(DOCS[4], 1), "status"] == "confirmed"
    pd.testing.assert_frame_equal(rows.drop(columns=["status", "verdict"]),
                                  before.drop(columns=["status", "verdict"]))


def test_truncated_file_is_corrupt_and_repair_rebuilds(store: OxigraphStore, index: StatementIndex) -> None:
    before = everything(index)
    index.close()
    path = index_path(store)
    assert path is not None
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(IndexCorrupt):
        everything(StatementIndex.open(store, sync=False))
    statement_index.OPEN.clear()
    pd.testing.assert_frame_equal(everything(StatementIndex.open(store, repair=True)), before)


def test_failed_rebuild_leaves_the_old_index(store: OxigraphStore, index: StatementIndex,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    before = everything(index)
    made = []

    def failing(values: dict[str, object], state: object) -> tuple[object, ...]:
        made.append(values)
        if len(made) > 10:
            raise RuntimeError("disk full, say")
        return original(values, state)  # type: ignore[arg-type]

    original = index_module.rows.as_row
    monkeypatch.setattr(index_module.rows, "as_row", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        index.rebuild()
    monkeypatch.undo()
    pd.testing.assert_frame_equal(everything(index), before)
    assert index.check().stale is False
    assert sorted(p.name for p in store.path.parent.iterdir()) == ["kb", "kb.index.sqlite"]


def test_missing_index_is_reported_when_not_to_be_created(tmp_path: Path) -> None:
    kb = OxigraphStore(tmp_path / "kb")
    with pytest.raises(IndexMissing):
        StatementIndex.open(kb, create=False)
    assert not (tmp_path / "kb.index.sqlite").exists()
    kb.close()


def test_cli_rebuild_sync_status(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kb = OxigraphStore(tmp_path / "kb", shared=True)
    fill(kb, DOCS[:2])
    monkeypatch.setenv("CLAIMS_STORE", str(tmp_path / "kb"))
    run = CliRunner()
    missing = run.invoke(cli, ["index", "status"])
    assert missing.exit_code == 1 and "[no-index]" in missing.output
    built = run.invoke(cli, ["index", "rebuild"])
    assert built.exit_code == 0 and "8 statements, 2 articles, 0 review events" in built.output
    fill(kb, DOCS[2:3])
    status = run.invoke(cli, ["index", "status"])
    assert status.exit_code == 0 and "stale: 1 articles changed or added" in status.output
    synced = run.invoke(cli, ["index", "sync"])
    assert synced.exit_code == 0 and "1 articles re-indexed" in synced.output
    assert "up to date" in run.invoke(cli, ["index", "status"]).output
    (tmp_path / "kb.index.sqlite").write_bytes(b"garbage")
    broken = run.invoke(cli, ["index", "sync"])
    assert broken.exit_code == 1 and "[index-corrupt]" in broken.output
    assert run.invoke(cli, ["index", "rebuild"]).exit_code == 0
    assert "12 statements" in run.invoke(cli, ["index", "status"]).output
    kb.close()


# -- the explorer's reads: aggregates, positions, CSV, cached choices ---------------------------


def test_aggregates_agree_with_pandas_over_the_rows(store: OxigraphStore, index: StatementIndex) -> None:
    later = [Document(id=f"m{n}", text=article(n).text, title=f"Later {n}", url=f"https://news.example/m{n}",
                      publisher="Other Times", date=day) for n, day in ((7, "2023-12-30"), (8, "2024-02-01"))]
    write_graphs(store, [(d, statements(article(n))) for d, n in zip(later, (7, 8), strict=True)])
    index.sync()
    rows = everything(index)
    cases = {Filters(): rows["kind"].notna(), Filters(kind="quotation"): rows["kind"] == "quotation",
             Filters(outlet="Other Times", text="clause"):
                 (rows["outlet"] == "Other Times") & rows["text"].str.contains("clause")}
    assert "Sergei Lavrov" in dict(index.per_speaker(Filters()))  # the corrected speaker
    for filters, mask in cases.items():
        passing = rows[mask]
        counts = passing["speaker"].value_counts()
        found = index.per_speaker(filters, limit=100)
        assert dict(found) == counts.to_dict()
        assert found == sorted(found, key=lambda p: (-p[1], p[0]))  # most first, ties by name
        assert index.per_speaker(filters, limit=2) == found[:2]
        months = passing["date"].str[:7].value_counts().sort_index()
        assert index.over_time(filters) == list(months.items())
        assert index.over_time(filters, limit=2) == list(months.items())[-2:]
    april = Filters(since=date(2024, 4, 1), until=date(2024, 4, 30))
    days = rows[rows["date"].str.startswith("2024-04")]["date"].value_counts().sort_index()
    assert len(days) == 3 and index.over_time(april) == list(days.items())  # one month: per day
    assert index.over_time(Filters(speaker="Nobody")) == [] == index.per_speaker(Filters(speaker="Nobody"))


def test_position_after_and_count_follow_the_filter_order(index: StatementIndex) -> None:
    filters = Filters(kind="quotation")
    whole, total = index.filter(filters, sort="speaker", descending=False, limit=None)
    assert index.count(filters) == total == len(whole)
    for n, statement in enumerate(whole["statement"]):
        assert index.position(filters, statement, sort="speaker", descending=False) == n
    assert index.position(filters, iri(DOCS[0], 3)) is None  # a figure
    queue = index.filter(Filters(kind="quotation", status="unreviewed"), sort="article",
                         descending=False, limit=None)[0]["statement"].tolist()
    pending = Filters(kind="quotation", status="unreviewed")
    assert index.after(pending, None) == queue[0]
    assert [index.after(pending, s) for s in queue] == [*queue[1:], queue[0]]  # round again
    assert index.after(pending, iri(DOCS[0], 0)) == queue[0]  # reviewed, first in order
    assert index.after(Filters(speaker="Nobody"), queue[0]) is None


def test_a_search_pages_and_positions_in_the_order_of_the_whole_table(index: StatementIndex) -> None:
    search = Filters(text="putin clause")  # the search's copy of its matches orders the page
    passing = set(index.filter(search, limit=None)[0]["statement"])
    assert 1 < len(passing) < len(index)
    for sort in ("date", "speaker", "kind", "confidence", "status", "text", "outlet", "article"):
        for descending in (True, False):
            whole = index.filter(Filters(), sort=sort, descending=descending, limit=None)[0]
            expected = [s for s in whole["statement"] if s in passing]
            found, total = index.filter(search, sort=sort, descending=descending, limit=None)
            assert found["statement"].tolist() == expected and total == len(expected), sort
            page = index.filter(search, sort=sort, descending=descending, limit=2, offset=1)[0]
            assert page["statement"].tolist() == expected[1:3]
            assert page.columns.tolist() == found.columns.tolist()
            assert [index.position(search, s, sort=sort, descending=descending)
                    for s in expected] == list(range(len(expected)))


def test_a_search_matching_more_than_the_cap_is_paged_by_walking_and_counted_apart(
        index: StatementIndex) -> None:
    search = Filters(text="on")  # "on point", "on everything", "the talks on item": 2 of 4 rows
    # newest first is read through an index (by_date): walked, so its matches are not counted
    first, unknown = index.page(search, limit=3, cap=2)
    total = index.filter(search, limit=None)[1]
    assert unknown is None and first["statement"].tolist() == \
        index.filter(search, limit=3)[0]["statement"].tolist()
    assert 6 <= total < len(index)
    for sort, descending in (("date", True), ("date", False), ("speaker", False), ("text", True)):
        whole = index.filter(search, sort=sort, descending=descending, limit=None)[0]
        for offset in (0, 2, total - 1):
            page, _ = index.page(search, sort=sort, descending=descending, limit=3, offset=offset, cap=2)
            assert page["statement"].tolist() == whole["statement"].tolist()[offset:offset + 3], sort
            assert page.columns.tolist() == whole.columns.tolist()
    assert index.page(search, limit=3, cap=total)[1] == total  # at most the cap: counted at once
    assert index.page(search, limit=3, cap=2)[1] == total  # counted by filter(): kept
    also = replace(search, kind="quotation", titles=True)
    assert index.page(also, limit=50, cap=2)[0]["statement"].tolist() == \
        index.filter(also, limit=50)[0]["statement"].tolist()
    other = Filters(text="on", outlet="Example News")
    assert index.page(other, limit=3, cap=2)[1] is None
    found = index.tally(other, speakers=2)  # on a connection of its own
    assert index.page(other, limit=3, cap=2)[1] == found.count  # kept like count()
    assert found == Tally(index.count(other), tuple(index.per_speaker(other, limit=2)),
                          tuple(index.over_time(other)))
    assert 0 < found.count < total


def test_a_search_copies_every_column_a_filter_names() -> None:
    import dataclasses
    import re

    from claims.index import schema
    from claims.index.statement_index import _HIT_COLUMNS

    every = {f.name: ("x" if f.type == "str | None" else None) for f in dataclasses.fields(Filters)}
    filters = Filters(speaker="a", kind="quotation", outlet="o", since=date(2024, 1, 1),
                      until=date(2024, 2, 1), status="s", kinds=("quotation",), pending=True,
                      **{k: v for k, v in every.items() if k not in {
                          "speaker", "kind", "outlet", "since", "until", "status", "text", "titles",
                          "kinds", "pending", "facets"} and v is not None}, dates=False)
    where, _ = filters.where()
    named = set(re.findall(r"\b(\w+)\b", where)) & set(schema.COLUMNS)
    assert named and named <= set(_HIT_COLUMNS), named - set(_HIT_COLUMNS)


def test_csv_streams_every_passing_row(index: StatementIndex) -> None:
    filters = Filters(kind="quotation")
    pieces = list(index.csv(filters, columns=("statement", "speaker", "confidence"), sort="confidence",
                            rows=5))
    assert len(pieces) == 1 + 3  # the header, then 12 rows in pieces of 5
    found = pd.read_csv(__import__("io").StringIO("".join(pieces)))
    expected = index.filter(filters, sort="confidence", limit=None)[0]
    assert found["statement"].tolist() == expected["statement"].tolist()
    assert found["confidence"].tolist() == expected["confidence"].tolist()
    with pytest.raises(ValueError, match="search"):
        list(index.csv(filters, columns=("statement", "search")))


def test_choices_are_cached_until_the_index_changes(store: OxigraphStore, index: StatementIndex) -> None:
    assert index.choices("status") == ["confirmed", "misattributed", "not-a-quotation", "rated false",
                                       "rated mostly-true", "unreviewed"]
    review.record(store, iri(DOCS[5], 0), "misquoted", reviewer="Ana", corrected_text="x", at=T0)
    assert "misquoted" in index.choices("status")  # a write through the hook
    before, outlets = len(index), index.choices("outlet")
    other = StatementIndex(store, schema.connect(str(index_path(store))), index_path(store))
    eleven = Document(id="a11", text=article(11).text, publisher="Eleventh Post", date="2024-04-11")
    other.written([(eleven, statements(article(11)))])  # another connection's commit
    assert len(index) == before + 4
    assert index.choices("outlet") == sorted([*outlets, "Eleventh Post"])
    other._db.close()


def executed(index: StatementIndex) -> list[str]:
    """The SQL the index runs from now on (appended as it runs)."""
    found: list[str] = []
    index.db.set_trace_callback(found.append)
    return found


def test_counts_and_aggregates_are_kept_until_the_index_changes(store: OxigraphStore,
                                                                 index: StatementIndex) -> None:
    news = Filters(outlet="Example News")
    (page, total), first = index.filter(news, limit=2), (index.per_speaker(news), index.over_time(news))
    ran = executed(index)
    (again, total_again) = index.filter(news, limit=2)
    second = (index.per_speaker(news), index.over_time(news))
    assert [sql for sql in ran if "count(" in sql] == []  # only the page is read again
    assert len(ran) == 1 + 3  # the page, and data_version for each cached value
    pd.testing.assert_frame_equal(again, page)
    assert second == first and total_again == total == 12
    index.filter(news, sort="confidence", limit=2, offset=2)  # a new sort, another page
    assert [sql for sql in ran if "count(" in sql] == []

    def seen(filters: Filters) -> tuple[int, int, list[tuple[str, int]]]:
        per_speaker = index.per_speaker(filters)
        return index.count(filters), sum(n for _, n in per_speaker), index.over_time(filters)

    misquoted = Filters(status="misquoted")
    assert seen(misquoted) == (0, 0, [])
    review.record(store, iri(DOCS[5], 0), "misquoted", reviewer="Ana", corrected_text="x", at=T0)
    assert seen(misquoted) == (1, 1, [("2024-04-03", 1)])  # a review through the hook
    eleven = Filters(outlet="Eleventh Post")
    assert seen(eleven) == (0, 0, [])
    index.written([(Document(id="a11", text=article(11).text, publisher="Eleventh Post",
                             date="2024-04-11"), statements(article(11)))])
    assert seen(eleven) == (4, 3, [("2024-04-11", 4)])  # an ingest (the figure has no speaker)
    twelve = Filters(outlet="Twelfth Post")
    assert seen(twelve) == (0, 0, [])
    other = StatementIndex(store, schema.connect(str(index_path(store))), index_path(store))
    other.written([(Document(id="a12", text=article(12).text, publisher="Twelfth Post",
                             date="2024-04-12"), statements(article(12)))])
    assert seen(twelve) == (4, 3, [("2024-04-12", 4)])  # another connection's commit
    other._db.close()


def plan(index: StatementIndex, sql: str) -> str:
    return " / ".join(row[-1] for row in index.db.execute(f"EXPLAIN QUERY PLAN {sql}"))


def test_outlet_and_status_filters_read_their_indexes(index: StatementIndex) -> None:
    ran = executed(index)
    for filters, name in ((Filters(outlet="Example News"), "by_outlet"),
                          (Filters(status="unreviewed"), "by_status"),
                          (Filters(status="confirmed", outlet="Other Times"), "by_")):
        ran.clear()
        index.filter(filters, limit=5)
        index.per_speaker(filters)
        index.over_time(filters)
        # the page, the count, per speaker, per month and (all in one month) per day; as run,
        # with the values in place
        reads = [sql for sql in ran if sql.startswith("SELECT") and "statements" in sql]
        assert len(reads) == 5
        for sql in reads:
            found = plan(index, sql)
            assert "USING" in found and "INDEX" in found and "SCAN statements" not in found, (sql, found)
            if "GROUP BY speaker" not in sql:  # per speaker: by_speaker (it has status) or theirs
                assert name in found, (sql, found)


def test_an_index_of_an_older_layout_is_rebuilt_on_open(store: OxigraphStore, index: StatementIndex) -> None:
    before = everything(index)
    index.db.executescript(f"DROP INDEX by_outlet; DROP INDEX by_status; "
                           f"PRAGMA user_version = {schema.SCHEMA_VERSION - 1};")
    index.close()
    assert attached(store) is None  # the hooks leave an outdated file alone
    with pytest.raises(IndexMissing):
        StatementIndex.open(store, create=False)
    reopened = StatementIndex.open(store)
    assert reopened.current() and reopened.check().rebuilt_at is not None
    names = {n for (n,) in reopened.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"by_outlet", "by_status", "by_speaker"} <= names
    pd.testing.assert_frame_equal(everything(reopened), before)
