"""Two editors at once: two processes each record 100 verdicts on one on-disk store.

Oxigraph's on-disk store admits one writing process at a time, so review code opens it
with ``shared=True``: every operation takes a file lock, opens the store, works, and
closes it again; a busy store is retried (see docs/review.md).
"""

from __future__ import annotations

import multiprocessing as mp
from collections import Counter
from pathlib import Path

import pytest

from claims import review
from claims.store import OxigraphStore, open_store
from graphs import write_graphs
from test_review import article, statement_iri, statements

PER_PROCESS = 100


def editor(path: str, reviewer: str, targets: list[str], start: mp.synchronize.Barrier) -> None:
    """Record PER_PROCESS verdicts, cycling over the statements, through a shared store."""
    store = open_store(path, shared=True)
    verdicts = ["confirmed", "unverifiable", "not-a-quotation"]
    start.wait()
    for i in range(PER_PROCESS):
        review.record(store, targets[i % len(targets)], verdicts[i % len(verdicts)],
                      reviewer=reviewer, note=f"{reviewer} #{i}")
    store.close()


@pytest.mark.slow
def test_two_processes_record_200_verdicts_and_none_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "kb"
    doc, sts = article(), statements()
    with OxigraphStore(path) as setup:
        write_graphs(setup, [(doc, sts)])
    targets = [statement_iri(doc, st) for st in sts]
    context = mp.get_context("spawn")
    start = context.Barrier(2)
    workers = [context.Process(target=editor, args=(str(path), name, targets, start))
               for name in ("Ana", "Bo")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=300)
    assert [w.exitcode for w in workers] == [0, 0]

    with open_store(str(path), shared=True) as store:
        found = review.events(store)
        assert len(found) == 2 * PER_PROCESS
        assert len({e.iri for e in found}) == 2 * PER_PROCESS
        assert Counter(e.reviewer for e in found) == {"Ana": PER_PROCESS, "Bo": PER_PROCESS}
        for name in ("Ana", "Bo"):
            notes = sorted(int(e.note.split("#")[1]) for e in found  # type: ignore[union-attr]
                           if e.reviewer == name)
            assert notes == list(range(PER_PROCESS))
        # the two editors really worked at the same time: their events interleave
        ana = [e.time for e in found if e.reviewer == "Ana"]
        bo = [e.time for e in found if e.reviewer == "Bo"]
        assert min(ana) < max(bo) and min(bo) < max(ana)
        # every statement's history holds all its events, and its status is the latest one
        for target in targets:
            events = review.history(store, target)
            assert len(events) == sum(1 for e in found if e.statement == target)
            assert review.status(store, target).verdict == max(events,
                                                               key=lambda e: (e.time, e.iri))
