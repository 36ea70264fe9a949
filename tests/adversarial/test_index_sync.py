"""Finding 12: ``claims index sync`` compares content, not counts.

Another writer changes the store without telling the index (an update over HTTP, another
tool): a statement deleted from an article graph (its article's commit marker unchanged), a
statement's text changed in place, a review event swapped for another (the number of events
unchanged), a verdict changed in place. The quick sync (markers and counts, what opening
the index does) cannot see these; ``claims index sync`` compares every row and review state
with the store, and the index then holds exactly what a rebuild gives.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from claims import review
from claims.cli import cli
from claims.index.statement_index import StatementIndex
from claims.model.iris import reviews_graph_iri
from claims.pipeline import ingest
from claims.query import expand
from claims.reader import from_text
from claims.store import OxigraphStore

ARTICLES = [f'Vladimir Putin said: "The talks on item {i} will go on for another winter."\n\n'
            f'"We agree on the plan for {i} years," Xi Jinping said.\n\n'
            f"Narendra Modi told reporters that {i * 7} per cent of the trade was settled."
            for i in range(6)]
REVIEWS = str(reviews_graph_iri())


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "kb"
    with OxigraphStore(path) as opened:
        assert ingest([from_text(t, id=f"a{i}") for i, t in enumerate(ARTICLES)], opened).ok
        index = StatementIndex.open(opened)
        quotations = index.rows()
        quotations = quotations[quotations["kind"] == "quotation"]["statement"].tolist()
        review.record(opened, quotations[0], "confirmed", reviewer="Ana")
        review.record(opened, quotations[1], "misattributed", reviewer="Ana",
                      corrected_speaker="Dmitry Peskov")
        index.close()
    yield path


def _behind_the_index(path: Path, sparql: str) -> None:
    """An update the index is not told of (as over HTTP, or by another tool)."""
    with OxigraphStore(path) as opened:
        opened.update(sparql)


def _rows(path: Path, *, sync: str | None) -> pd.DataFrame:
    with OxigraphStore(path) as opened:
        index = StatementIndex.open(opened, sync=False, create=False)
        try:
            if sync is not None:
                index.sync(deep=sync == "deep")
            return index.rows().sort_values("statement").reset_index(drop=True)
        finally:
            index.close()


def _rebuilt(path: Path) -> pd.DataFrame:
    with OxigraphStore(path) as opened:
        index = StatementIndex.build(opened)
        try:
            return index.rows().sort_values("statement").reset_index(drop=True)
        finally:
            index.close()


def _first(path: Path, kind: str) -> str:
    rows = _rows(path, sync=None)
    return str(rows[rows["kind"] == kind]["statement"].iloc[0])


def test_a_statement_deleted_behind_the_index(store: Path) -> None:
    gone = expand(_first(store, "figure"))
    _behind_the_index(store, f"DELETE WHERE {{ GRAPH ?g {{ <{gone}> ?p ?o }} }}")
    assert len(_rows(store, sync="quick")) == len(_rows(store, sync=None))  # markers unchanged
    after = _rows(store, sync="deep")
    assert gone not in {expand(s) for s in after["statement"]}
    pd.testing.assert_frame_equal(after, _rebuilt(store))


def test_a_text_changed_in_place_behind_the_index(store: Path) -> None:
    changed = expand(_first(store, "quotation"))
    _behind_the_index(store, f"""
        PREFIX schema: <https://schema.org/>
        DELETE {{ GRAPH ?g {{ <{changed}> schema:text ?t }} }}
        INSERT {{ GRAPH ?g {{ <{changed}> schema:text "The talks will never end." }} }}
        WHERE {{ GRAPH ?g {{ <{changed}> schema:text ?t }} }}""")
    after = _rows(store, sync="deep")
    assert "The talks will never end." in after["text"].tolist()
    pd.testing.assert_frame_equal(after, _rebuilt(store))


def test_a_review_event_swapped_for_another(store: Path) -> None:
    """The confirmed event goes; an event of the same shape saying "not a quotation" on
    another statement comes: the number of events is the same."""
    target = expand(_first(store, "reported_speech"))
    _behind_the_index(store, f"""
        PREFIX claims: <https://w3id.org/claims#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        DELETE {{ GRAPH <{REVIEWS}> {{ ?e ?p ?o }} }}
        INSERT {{ GRAPH <{REVIEWS}> {{ ?swap ?p ?new }} }}
        WHERE {{ GRAPH <{REVIEWS}> {{
            ?e claims:verdict ?verdict ; ?p ?o .
            FILTER (STRENDS(STR(?verdict), "confirmed"))
            BIND (IRI(CONCAT(STR(?e), "-swapped")) AS ?swap)
            BIND (IF(?p = prov:used, <{target}>,
                     IF(?p = claims:verdict, IRI(REPLACE(STR(?o), "confirmed$", "not-a-quotation")),
                        ?o)) AS ?new)
        }} }}""")
    before = _rows(store, sync="quick")  # the count is the same: the quick sync sees nothing
    assert "not-a-quotation" not in before["status"].tolist()
    after = _rows(store, sync="deep")
    assert "confirmed" not in after["status"].tolist()
    status = dict(zip(after["statement"].map(expand), after["status"], strict=True))
    assert status[target] == "not-a-quotation"
    pd.testing.assert_frame_equal(after, _rebuilt(store))


def test_a_verdict_changed_in_place(store: Path) -> None:
    _behind_the_index(store, f"""
        PREFIX claims: <https://w3id.org/claims#>
        DELETE {{ GRAPH <{REVIEWS}> {{ ?e claims:verdict ?v }} }}
        INSERT {{ GRAPH <{REVIEWS}> {{ ?e claims:verdict ?w }} }}
        WHERE {{ GRAPH <{REVIEWS}> {{ ?e claims:verdict ?v }}
                 FILTER (STRENDS(STR(?v), "confirmed"))
                 BIND (IRI(REPLACE(STR(?v), "confirmed$", "unverifiable")) AS ?w) }}""")
    after = _rows(store, sync="deep")
    assert "unverifiable" in after["status"].tolist() and "confirmed" not in after["status"].tolist()
    pd.testing.assert_frame_equal(after, _rebuilt(store))


def test_the_cli_sync_and_status_say_what_differed(store: Path) -> None:
    gone = expand(_first(store, "figure"))
    _behind_the_index(store, f"DELETE WHERE {{ GRAPH ?g {{ <{gone}> ?p ?o }} }}")
    runner = CliRunner()
    status = runner.invoke(cli, ["index", "status", "--deep", "--store", str(store)])
    assert status.exit_code == 0 and "differing from the store: 1 articles" in status.output
    quick = runner.invoke(cli, ["index", "status", "--store", str(store)])
    assert "up to date" in quick.output  # what the markers and counts alone say
    synced = runner.invoke(cli, ["index", "sync", "--store", str(store)])
    assert synced.exit_code == 0 and "1 articles or review states differed" in synced.output
    again = runner.invoke(cli, ["index", "status", "--deep", "--store", str(store)])
    assert "up to date" in again.output
