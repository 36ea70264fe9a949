"""Decisions on derived facts: append-only, latest wins, SHACL-valid, checked inputs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from rdflib import Graph

from claims import decisions
from claims.decisions import DecisionScheme
from claims.errors import MissingReviewer, ReviewError, UnknownDecision
from claims.model import iris
from claims.model.shapes import check
from claims.store import MemoryStore, OxigraphStore, Store
from claims.store.base import Table

MATCH = DecisionScheme("test-match", ("confirmed", "rejected"))
LINK = DecisionScheme("test-link", ("linked", "unlinked"))
FACT = "https://w3id.org/claims/kb/match/abc"
T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(params=["memory", "oxigraph"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    made: Store = MemoryStore() if request.param == "memory" else OxigraphStore(tmp_path / "kb")
    yield made
    made.close()


def test_the_latest_decision_on_a_fact_is_current_and_supersedes_the_one_before(store: Store) -> None:
    first = decisions.decide(store, FACT, MATCH, "confirmed", reviewer="Ana", at=T0)
    second = decisions.decide(store, "kb:match/abc", MATCH, "rejected", reviewer="Ben",
                              note="another claim", at=T0 + timedelta(minutes=5))
    assert second.supersedes == first.iri
    now = decisions.current(store, MATCH)
    assert list(now) == [FACT]
    assert (now[FACT].value, now[FACT].reviewer, now[FACT].note) == ("rejected", "Ben", "another claim")
    assert [d.value for d in decisions.history(store, subject=FACT)] == ["confirmed", "rejected"]


def test_schemes_and_subjects_are_kept_apart(store: Store) -> None:
    decisions.decide(store, FACT, MATCH, "rejected", reviewer="Ana", at=T0)
    decisions.decide(store, FACT, LINK, "linked", reviewer="Ana", target="http://www.wikidata.org/entity/Q7747",
                     at=T0 + timedelta(seconds=1))
    decisions.decide(store, FACT + "2", MATCH, "confirmed", reviewer="Ana", at=T0 + timedelta(seconds=2))
    assert {s: d.value for s, d in decisions.current(store, MATCH).items()} == {
        FACT: "rejected", FACT + "2": "confirmed"}
    link = decisions.current(store, LINK)[FACT]
    assert (link.value, link.target, link.supersedes) == (
        "linked", "http://www.wikidata.org/entity/Q7747", None)


def test_decisions_are_shacl_valid_review_events_beside_nothing_else(store: Store) -> None:
    decisions.decide(store, FACT, MATCH, "confirmed", reviewer="Ana", at=T0)
    decisions.decide(store, FACT, MATCH, "rejected", reviewer="Ana", at=T0 + timedelta(hours=1))
    reviews = iris.reviews_graph_iri()
    graph = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{reviews}> {{ ?s ?p ?o }} }}")
    assert isinstance(graph, Graph)
    report = check(graph)
    assert report.conforms, report.text
    assert [str(g) for g in store.graphs()] == [str(reviews)]


def test_bad_decisions_are_coded_errors_and_store_nothing(store: Store) -> None:
    with pytest.raises(UnknownDecision):
        decisions.decide(store, FACT, MATCH, "maybe", reviewer="Ana")
    with pytest.raises(MissingReviewer):
        decisions.decide(store, FACT, MATCH, "confirmed", reviewer="  ")
    with pytest.raises(ReviewError):
        decisions.decide(store, "not an iri", MATCH, "confirmed", reviewer="Ana")
    with pytest.raises(ReviewError):
        decisions.decide(store, FACT, MATCH, "confirmed", reviewer="Ana", at=datetime(2024, 1, 1))
    found = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert isinstance(found, Table)
    assert int(str(found.rows[0][0])) == 0
