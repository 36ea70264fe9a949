"""``kill -9`` with the derived layers on (link, factcheck, check, track): during ingestion
and during ``claims layers rebuild``.

A writer marks the layers it will update before it writes (``claims.layer_runs``); a kill
leaves that mark, the layers are then stale (``claims layers list`` says so), and the next
ingestion rebuilds them. After each kill the store opens, no article graph is half-written,
and rerunning the same ingestion ends with exactly the baseline's quads in every graph,
articles and layers alike, and no mark left. Short by default (two kills a path);
``CLAIMS_ADVERSARIAL=long`` runs 20 a path. The kill times come from a seeded generator.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims import factcheck, layer_runs, layers
from claims.cli import cli
from claims.pipeline import ingest
from claims.query import select
from claims.store import OxigraphStore
from hostile_http import scale
from summit_articles import summit_article

pytestmark = pytest.mark.layers()  # every layer

CLAIMS = str(Path(sys.executable).parent / "claims")
OUTLETS = ["TASS", "Reuters", "DW", "Xinhua"]
ARTICLES = 16
KILLS = scale(2, 20)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for i in range(ARTICLES):
        (folder / f"article-{i:03}.txt").write_text(summit_article(i, figure=True), "utf-8")
        sidecar = {"date": str(date(2024, 1, 1) + timedelta(days=i)), "publisher": OUTLETS[i % 4]}
        (folder / f"article-{i:03}.json").write_text(json.dumps(sidecar), "utf-8")
    return folder


def _factchecks(folder: Path) -> Path:
    """A fact-check written for this test, of a quotation of the corpus (the factcheck layer
    matches statements against it)."""
    path = folder / "checks.json"
    path.write_text(json.dumps([
        {"@context": "https://schema.org", "@type": "ClaimReview",
         "url": "https://checkers.example/2024/01/trade-talks",
         "claimReviewed": "The talks on trade will go on for another winter, says Vladimir Putin.",
         "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Vladimir Putin"},
                          "datePublished": "2024-01-01"},
         "author": {"@type": "Organization", "name": "Checkers"}, "datePublished": "2024-01-05",
         "reviewRating": {"@type": "Rating", "alternateName": "Misleading"}}]), "utf-8")
    return path


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the fact-check and no article, which every ingestion starts from."""
    folder = tmp_path_factory.mktemp("seed")
    path = folder / "kb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CLAIMS_LAYERS", "all")
        with OxigraphStore(path) as store:
            assert factcheck.import_paths(store, [_factchecks(folder)]).stale == {}
    return path


@pytest.fixture(scope="module")
def baseline(corpus: Path, seed: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("baseline") / "kb"
    shutil.copytree(seed, path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CLAIMS_LAYERS", "all")
        with OxigraphStore(path) as store:
            report = ingest([corpus], store)
            assert report.ok and report.stale_layers == ()
            assert layer_runs.marks(store) == []
    return path


def _sizes(path: Path) -> dict[str, int]:
    with OxigraphStore(path) as store:
        table = select(store, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return dict(zip(table["g"], table["n"], strict=True))


LAYER_GRAPHS = {"link": "kb:graph/link/", "factcheck": "kb:graph/factcheck-matches/",
                "check": "kb:graph/check/", "track": "kb:graph/track/"}


def _layered(sizes: dict[str, int]) -> set[str]:
    return {g for g in sizes if g.startswith(tuple(LAYER_GRAPHS.values()))}


def _kill_after(argv: list[str], delay: float) -> bool:
    """Run ``argv`` in its own process group and SIGKILL the group after ``delay`` seconds;
    whether it was killed (else it finished first)."""
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        process.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return True


def _rerun_matches(corpus: Path, store_path: Path, expected: dict[str, int], what: str) -> None:
    with OxigraphStore(store_path) as store:
        report = ingest([corpus], store)
        assert report.ok and report.stale_layers == (), what
        assert layer_runs.marks(store) == [], f"{what}: a mark left after the rerun"
    assert _sizes(store_path) == expected, what


def test_baseline_has_every_layer(baseline: Path) -> None:
    layered = _layered(_sizes(baseline))
    assert set(LAYER_GRAPHS) == set(layers.KNOWN)
    assert all(any(g.startswith(prefix) for g in layered) for prefix in LAYER_GRAPHS.values())


def test_kill_during_ingest_with_layers_loses_nothing(corpus: Path, seed: Path, baseline: Path,
                                                      tmp_path: Path) -> None:
    expected = _sizes(baseline)
    articles = {g for g in expected if g.count("/") == 1} - {"kb:graph/entities"}
    assert len(articles) == ARTICLES
    rng = random.Random(1877)
    for round_ in range(KILLS):
        store = tmp_path / f"kb-{round_}"
        shutil.copytree(seed, store)
        delay = rng.uniform(1.5, 14.0)
        what = f"round {round_} (delay {delay:.2f} s)"
        _kill_after([CLAIMS, "ingest", str(corpus), "--store", str(store)], delay)
        found = _sizes(store)
        half = {g: n for g, n in found.items() if g in articles and n != expected[g]}
        assert half == {}, f"{what}: half-written article graphs"
        with OxigraphStore(store) as opened:
            stored = [g for g in found if g in articles]
            behind = any(g not in found for g in _layered(expected))
            if stored and behind:  # the layers did not follow: they say so
                assert layer_runs.abandoned(opened), f"{what}: layers behind, unmarked"
        _rerun_matches(corpus, store, expected, what)


def test_kill_during_layers_rebuild_loses_nothing(corpus: Path, baseline: Path, tmp_path: Path) -> None:
    expected = _sizes(baseline)
    store = tmp_path / "kb"
    shutil.copytree(baseline, store)
    rng = random.Random(1888)
    for round_ in range(KILLS):
        delay = rng.uniform(2.0, 30.0)
        what = f"round {round_} (delay {delay:.2f} s)"
        killed = _kill_after([CLAIMS, "layers", "rebuild", "--store", str(store)], delay)
        found = _sizes(store)
        assert {g: found.get(g) for g in expected if g not in _layered(expected)} == \
            {g: n for g, n in expected.items() if g not in _layered(expected)}, what
        if killed and found != expected:
            listed = CliRunner().invoke(cli, ["layers", "list", "--store", str(store)])
            assert "stale" in listed.output, f"{what}: a half-rebuilt layer not said stale"
        _rerun_matches(corpus, store, expected, what)


def test_a_mark_left_by_a_dead_process_is_stale_and_the_next_ingest_rebuilds(
        corpus: Path, baseline: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store_path = tmp_path / "kb"
    shutil.copytree(baseline, store_path)
    with OxigraphStore(store_path) as store:
        for graph in [g for g in store.graphs() if "/graph/check/" in g][:3]:
            store.remove_graph(graph)  # as a writer killed before it wrote them leaves them
        with monkeypatch.context() as patch:
            patch.setattr(layer_runs, "process", lambda: "nowhere/1/0")  # another host: alive
            layer_runs.begin(store, ["check"])
            patch.setattr(layer_runs, "process", lambda: f"{os.uname().nodename}/999999999/1")
            layer_runs.begin(store, ["check"])  # this host, no such process: dead
        assert [m.alive for m in sorted(layer_runs.marks(store), key=lambda m: m.process)] == [True, False]
    listed = CliRunner().invoke(cli, ["layers", "list", "--store", str(store_path)])
    assert listed.exit_code == 0
    assert "check\ton\tstale" in listed.output and "link\ton\n" in listed.output
    with OxigraphStore(store_path) as store:
        assert ingest([corpus], store).ok
        left = layer_runs.marks(store)
        assert [m.process for m in left] == ["nowhere/1/0"]  # another host's mark is its own
        layer_runs.clear(store, left, ["check"])
    assert _sizes(store_path) == _sizes(baseline)
