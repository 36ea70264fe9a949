"""Derived layers are told of every write; a failing layer never fails the write."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest

from claims import decisions, layer_runs, layers, pipeline
from claims.decisions import DecisionScheme
from claims.document import Document
from claims.statements import Decision
from claims.store import MemoryStore, Store

pytestmark = pytest.mark.layers("recorder")


@dataclass
class Recorder:
    """A layer that keeps what it was told (and can be made to fail)."""

    name: str = "recorder"
    fail: bool = False
    fail_decided: bool = False
    written: list[str] = field(default_factory=list)
    decided_on: list[str] = field(default_factory=list)
    rebuilt: int = 0

    def articles_written(self, store: Store, articles: Sequence[layers.Written]) -> None:
        if self.fail:
            raise RuntimeError("layer broke")
        self.written += [doc.id for doc, _ in articles]

    def decided(self, store: Store, decision: Decision) -> None:
        if self.fail_decided:
            raise RuntimeError("layer broke")
        self.decided_on.append(decision.value)

    def rebuild(self, store: Store) -> None:
        self.rebuilt += 1


RECORDER = Recorder()


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Iterator[Recorder]:
    monkeypatch.setitem(layers.KNOWN, "recorder", f"{__name__}:RECORDER")
    layers.load.cache_clear()
    RECORDER.__init__()  # type: ignore[misc]
    yield RECORDER
    layers.load.cache_clear()


def docs(n: int) -> list[Document]:
    return [Document(id=f"d{i}", text=f'"We will win number {i}," Jane Doe said.') for i in range(n)]


def test_ingestion_tells_each_layer_of_every_article_stored(recorder: Recorder) -> None:
    report = pipeline.ingest(docs(5), MemoryStore(), batch_size=2, progress=False)
    assert report.ok and recorder.written == ["d0", "d1", "d2", "d3", "d4"]
    assert report.stale_layers == ()


def test_a_failing_layer_is_reported_stale_and_the_articles_are_stored(recorder: Recorder) -> None:
    recorder.fail = True
    store = MemoryStore()
    report = pipeline.ingest(docs(3), store, progress=False)
    assert report.ok and len(report.analyses) == 3
    assert report.stale_layers == ("recorder",)
    stored = [g for g in store.graphs() if "/graph/layers/" not in g]
    assert len(stored) == 4  # three articles and the entities graph they name
    assert [m.layer for m in layer_runs.abandoned(store)] == ["recorder"]  # stale, durably
    recorder.fail = False
    again = pipeline.ingest(docs(3), store, progress=False)  # nothing new: the layer is rebuilt
    assert again.ok and again.stale_layers == () and recorder.rebuilt == 1
    assert layer_runs.marks(store) == [] and len(store.graphs()) == 4


def test_decisions_reach_the_layers_and_rebuild_reaches_one(recorder: Recorder) -> None:
    store = MemoryStore()
    decisions.decide(store, "kb:fact/1", DecisionScheme("x", ("yes", "no")), "no", reviewer="Ana",
                     at=datetime(2024, 1, 1, tzinfo=UTC))
    layers.rebuild(store, "recorder")
    assert (recorder.decided_on, recorder.rebuilt) == (["no"], 1)


def test_claims_layers_picks_the_layers_that_run(recorder: Recorder, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_LAYERS", "none")
    pipeline.ingest(docs(2), MemoryStore(), progress=False)
    assert recorder.written == [] and layers.enabled() == []
    monkeypatch.setenv("CLAIMS_LAYERS", "recorder")
    assert layers.enabled() == ["recorder"]


def test_a_decision_a_layer_failed_to_follow_leaves_it_marked_and_the_next_ingest_rebuilds(
        recorder: Recorder) -> None:
    store = MemoryStore()
    recorder.fail_decided = True
    decisions.decide(store, "kb:fact/1", DecisionScheme("x", ("yes", "no")), "no", reviewer="Ana",
                     at=datetime(2024, 1, 1, tzinfo=UTC))
    assert [m.layer for m in layer_runs.abandoned(store)] == ["recorder"]
    recorder.fail_decided = False
    assert pipeline.ingest(docs(1), store, progress=False).stale_layers == ()
    assert recorder.rebuilt == 1 and layer_runs.marks(store) == []
