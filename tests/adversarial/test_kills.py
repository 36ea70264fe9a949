"""``kill -9`` at random points of every write path: ingest, review recording, index rebuild.

After each kill the store opens, no article graph is half-written, no review event is
partial, no acknowledged review is lost, and a rerun ends with exactly the baseline's quads
(or index rows). Short by default (a few kills a path); ``CLAIMS_ADVERSARIAL=long`` runs 20
a path. The kill times come from a seeded generator: a failure names its seed and delay.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from contextlib import suppress
from pathlib import Path

import pytest

from claims.errors import StatementIndexError
from claims.index.statement_index import StatementIndex
from claims.pipeline import ingest
from claims.query import select
from claims.store import OxigraphStore
from hostile_http import scale
from summit_articles import summit_article

CLAIMS = str(Path(sys.executable).parent / "claims")
ARTICLES = scale(24, 60)
KILLS = scale(3, 20)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for i in range(ARTICLES):
        (folder / f"article-{i:03}.txt").write_text(summit_article(i), "utf-8")
    return folder


@pytest.fixture(scope="module")
def baseline(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("baseline") / "kb"
    with pytest.MonkeyPatch.context() as patch, OxigraphStore(path) as store:
        patch.setenv("CLAIMS_LAYERS", "none")  # as every test here runs (tests/conftest.py)
        assert ingest([corpus], store).ok
    return path


def _sizes(path: Path) -> dict[str, int]:
    with OxigraphStore(path) as store:
        table = select(store, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return dict(zip(table["g"], table["n"], strict=True))


def _kill_after(argv: list[str], delay: float, env: dict[str, str] | None = None
                ) -> subprocess.CompletedProcess[bytes] | None:
    """Run ``argv`` in its own process group and SIGKILL the group after ``delay`` seconds;
    None when it was killed, else its result (it finished first)."""
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True, env={**os.environ, **(env or {})})
    try:
        out, err = process.communicate(timeout=delay)
        return subprocess.CompletedProcess(argv, process.returncode, out, err)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return None


@pytest.mark.parametrize("workers", [1, 2])
def test_kill_during_ingest_loses_nothing(corpus: Path, baseline: Path, tmp_path: Path,
                                          workers: int) -> None:
    expected = _sizes(baseline)
    rng = random.Random(1800 + workers)
    for round_ in range(KILLS):
        store = tmp_path / f"kb-{round_}"
        delay = rng.uniform(1.0, 5.0)
        _kill_after([CLAIMS, "ingest", str(corpus), "--store", str(store), "--workers", str(workers)],
                    delay)
        found = _sizes(store) if store.exists() else {}
        articles = {g for g in expected if g.startswith("kb:graph/")} - {"kb:graph/entities"}
        assert len(articles) == ARTICLES
        half = {g: n for g, n in found.items() if g in articles and n != expected[g]}
        assert half == {}, f"round {round_} (delay {delay:.2f} s): half-written article graphs"
        with OxigraphStore(store) as reopened:
            assert ingest([corpus], reopened).ok
        assert _sizes(store) == expected, f"round {round_} (delay {delay:.2f} s)"
        leftovers = list(store.glob("bulk-*.sst"))
        assert leftovers == [], f"round {round_}: bulk files left behind"


RECORDER = """
import sys
from claims import review
from claims.store import open_store
store = open_store(sys.argv[1], shared=True)
statements = sys.argv[2:]
for i in range(10_000):
    review.record(store, statements[i % len(statements)], "confirmed", reviewer=f"editor {i}",
                  note=f"note {i}")
    print(i, flush=True)
"""

PARTIAL_EVENTS = """
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX claims: <https://w3id.org/claims#>
SELECT (COUNT(?e) AS ?n) WHERE { GRAPH ?g { ?e a claims:ReviewEvent }
  FILTER NOT EXISTS { GRAPH ?g { ?e prov:used ?s ; prov:endedAtTime ?t ; prov:wasAssociatedWith ?a ;
                                   claims:verdict ?v } } }
"""
EVENTS = """
PREFIX claims: <https://w3id.org/claims#>
SELECT (COUNT(?e) AS ?n) WHERE { GRAPH ?g { ?e a claims:ReviewEvent } }
"""


def test_kill_during_review_loses_no_acknowledged_event(baseline: Path, tmp_path: Path) -> None:
    store = tmp_path / "kb"
    shutil.copytree(baseline, store)
    with OxigraphStore(store) as opened:
        statements = list(select(opened, "article_statements")["statement"][:10])
    rng = random.Random(1833)
    for round_ in range(KILLS):
        with OxigraphStore(store) as opened:
            before = int(select(opened, EVENTS)["n"][0])
        delay = rng.uniform(2.0, 6.0)
        process = subprocess.Popen([sys.executable, "-c", RECORDER, str(store), *statements],
                                   stdout=subprocess.PIPE, start_new_session=True)
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGKILL)
        out, _ = process.communicate()
        acknowledged = len(out.split(b"\n")) - 1
        with OxigraphStore(store) as opened:
            after = int(select(opened, EVENTS)["n"][0])
            partial = int(select(opened, PARTIAL_EVENTS)["n"][0])
        assert partial == 0, f"round {round_} (delay {delay:.2f} s): partial events"
        assert after - before >= acknowledged, f"round {round_} (delay {delay:.2f} s): events lost"
        assert after - before <= acknowledged + 1  # at most the one being written


def test_kill_during_index_rebuild_then_rebuild_gives_the_same_rows(baseline: Path,
                                                                     tmp_path: Path) -> None:
    store = tmp_path / "kb"
    shutil.copytree(baseline, store)
    with OxigraphStore(store) as opened:
        expected = StatementIndex.build(opened).rows().sort_values("statement").reset_index(drop=True)
    rng = random.Random(1866)
    for round_ in range(KILLS):
        delay = rng.uniform(1.5, 5.0)
        _kill_after([CLAIMS, "index", "rebuild", "--store", str(store)], delay)
        with OxigraphStore(store) as opened, suppress(StatementIndexError):
            StatementIndex.open(opened).close()  # damage is reported as such, never a traceback
        with OxigraphStore(store) as opened:
            index = StatementIndex.build(opened)
            rows = index.rows().sort_values("statement").reset_index(drop=True)
            index.close()
        assert rows.equals(expected), f"round {round_} (delay {delay:.2f} s)"


def test_bulk_staging_files_left_by_a_kill_are_removed_on_the_next_open(tmp_path: Path) -> None:
    store = tmp_path / "kb"
    OxigraphStore(store).close()
    leftover = store / "bulk-1f2e3d.sst"
    leftover.write_bytes(b"\0" * 1024)  # as a killed bulk load leaves them (23 MB each)
    with OxigraphStore(store, read_only=True):
        assert leftover.exists()  # a reader never touches the directory
    with OxigraphStore(store) as opened:
        assert not leftover.exists()
        assert opened.graphs() == []


def _descendants(pid: int) -> set[int]:
    found: set[int] = set()
    with suppress(FileNotFoundError, ProcessLookupError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                found |= {int(child)} | _descendants(int(child))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


def test_ingest_workers_die_with_their_parent(corpus: Path, tmp_path: Path) -> None:
    process = subprocess.Popen([CLAIMS, "ingest", str(corpus), "--store", str(tmp_path / "kb"),
                                "--workers", "2"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline and process.poll() is None:
        workers = {p for p in _descendants(process.pid)
                   if "spawn_main" in Path(f"/proc/{p}/cmdline").read_text(errors="replace")}
        time.sleep(0.05)
    if len(workers) < 2:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.skip("the ingest finished before its workers could be seen")
    process.kill()  # the parent alone, as an OOM killer would
    process.wait()
    deadline = time.monotonic() + 30
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    alive = [p for p in workers if _alive(p)]
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    assert alive == [], "workers outlived the killed ingest"
