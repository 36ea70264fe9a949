"""Batch ingestion: parallel equals serial, resume without duplicates, failures reported."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib.compare import isomorphic

from claims import pipeline
from claims.document import Document
from claims.errors import ValidationFailed
from claims.model import iris
from claims.pipeline import ingest
from claims.statements import Kind, Span, Statement
from claims.store import MemoryStore, OxigraphStore, Store
from graphs import named_graphs

SPEAKERS = ["Jane Doe", "John Smith", "Maria Garcia", "Wei Chen", "Amina Bello"]



def article_graphs(store: Store) -> list[str]:
    """The store's graphs but the entities graph (which every article adds to)."""
    return [g for g in store.graphs() if g != str(iris.entities_graph_iri())]

def make_docs(n: int) -> list[Document]:
    docs = []
    for i in range(n):
        who, other = SPEAKERS[i % 5], SPEAKERS[(i + 2) % 5]
        text = (f'"We will not accept this plan number {i}," {who} said on Monday.\n\n'
                f"{other} said that the talks had failed. Prices rose {i + 2} percent in {2000 + i}.")
        docs.append(Document(id=f"doc{i}", text=text, title=f"Story {i}", publisher="Daily",
                             date=f"2024-01-{1 + i % 28:02d}", url=f"https://news.example/{i}"))
    return docs


def same_store(left: Store, right: Store) -> bool:
    a, b = named_graphs(left), named_graphs(right)
    return a.keys() == b.keys() and all(isomorphic(a[k], b[k]) for k in a)


@pytest.fixture
def stores(tmp_path: Path) -> Iterator[list[OxigraphStore]]:
    made: list[OxigraphStore] = []

    def make() -> OxigraphStore:
        made.append(OxigraphStore(tmp_path / f"s{len(made)}"))
        return made[-1]

    yield make  # type: ignore[misc]
    for store in made:
        store.close()


def test_serial_ingest_stores_every_article(stores) -> None:  # type: ignore[no-untyped-def]
    store, docs = stores(), make_docs(6)
    report = ingest(docs, store, progress=False, validate="all")  # real SHACL on each
    assert report.ok and len(report.analyses) == 6 and report.statements > 12
    assert article_graphs(store) == sorted(str(iris.graph_iri(d)) for d in docs)


def test_parallel_ingestion_gives_the_same_store_as_serial(stores) -> None:  # type: ignore[no-untyped-def]
    docs = make_docs(40)
    serial, parallel = stores(), stores()
    one = ingest(docs, serial, workers=1, batch_size=7, progress=False, validate="none")
    two = ingest(docs, parallel, workers=2, batch_size=7, progress=False, validate="none", bulk_load=True)
    assert one.ok and two.ok
    assert [a.document.id for a in one.analyses] == [a.document.id for a in two.analyses]
    assert same_store(serial, parallel)


def test_bulk_and_transactional_writes_give_the_same_store(stores) -> None:  # type: ignore[no-untyped-def]
    docs = make_docs(12)
    a, b = stores(), stores()
    ingest(docs, a, bulk_load=True, progress=False, validate="none")
    ingest(docs, b, bulk_load=False, progress=False, validate="none")
    assert same_store(a, b)


def test_memory_store_gets_the_same_graphs(stores) -> None:  # type: ignore[no-untyped-def]
    docs = make_docs(5)
    memory = MemoryStore()
    ingest(docs, memory, progress=False, validate="none")
    assert sorted(named_graphs(memory)) == sorted(named_graphs(_ingested(stores(), docs)))


def _ingested(store: Store, docs: list[Document]) -> Store:
    ingest(docs, store, progress=False, validate="none")
    return store


def test_an_interrupted_run_resumes_without_redoing_or_duplicating(stores) -> None:  # type: ignore[no-untyped-def]
    docs = make_docs(30)

    def interrupted() -> Iterator[Document]:
        yield from docs[:17]
        raise KeyboardInterrupt

    store = stores()
    with pytest.raises(KeyboardInterrupt):
        ingest(interrupted(), store, batch_size=5, progress=False, validate="none")
    stored = len(article_graphs(store))
    assert 0 < stored < 30  # the batches written before the interruption stay

    report = ingest(docs, store, batch_size=5, progress=False, validate="none")
    assert len(report.skipped) == stored
    assert len(report.analyses) == 30 - stored
    assert same_store(store, _ingested(stores(), docs))

    again = ingest(docs, store, progress=False, validate="none")
    assert len(again.skipped) == 30 and not again.analyses
    forced = ingest(docs, store, progress=False, validate="none", force=True)
    assert len(forced.analyses) == 30 and not forced.skipped
    assert same_store(store, _ingested(stores(), docs))


def test_a_graph_half_written_by_the_bulk_loader_is_rewritten(stores) -> None:  # type: ignore[no-untyped-def]
    from claims.store import bulk

    docs = make_docs(4)
    store = stores()
    body = bulk.graph_payload(pipeline.analyse(docs[1]).graph).nquads(marker=False).splitlines(keepends=True)
    bulk.load_nquads(store, "".join(body[: len(body) // 2]))  # the loader died half-way
    report = ingest(docs, store, progress=False, validate="none")
    assert len(report.analyses) == 4 and not report.skipped
    assert same_store(store, _ingested(stores(), docs))


def test_a_bad_article_is_reported_and_the_rest_stored(stores, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    docs = make_docs(6)
    real = pipeline.extract

    def broken(doc: Document) -> list[Statement]:
        found = real(doc)
        if doc.id == "doc3":  # a statement whose span does not hold its text
            return [Statement(Kind.QUOTATION, "not in the text", Span(0, 15)), *found]
        if doc.id == "doc4":
            raise RuntimeError("extractor bug")
        return found

    monkeypatch.setattr(pipeline, "extract", broken)
    store = stores()
    report = ingest(docs, store, batch_size=4, progress=False, validate="none")
    assert [f.code for f in report.failures] == [ValidationFailed.code, "extraction-crashed"]
    assert [a.document.id for a in report.analyses] == ["doc0", "doc1", "doc2", "doc5"]
    kept = [d for d in docs if d.id not in {"doc3", "doc4"}]
    assert article_graphs(store) == sorted(str(iris.graph_iri(d)) for d in kept)


def test_unreadable_lines_of_a_batch_are_reported_in_parallel_runs(stores, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    batch = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": d.id, "text": d.text, "title": d.title, "url": d.url}) for d in make_docs(5)]
    batch.write_text("\n".join([*lines[:2], "{not json", *lines[2:]]) + "\n", "utf-8")
    store = stores()
    report = ingest([batch], store, workers=2, progress=False, validate="none")
    assert len(report.analyses) == 5
    assert [f.code for f in report.failures] == ["malformed-batch"]
    assert len(article_graphs(store)) == 5


def test_validate_modes(stores, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    checked: list[str] = []
    monkeypatch.setattr(pipeline.shapes, "validate",
                        lambda g, **_: checked.append(str(g.identifier)))
    docs = make_docs(25)
    ingest(docs, stores(), validate="auto", progress=False)
    assert len(checked) == pipeline.AUTO_FULL + 0  # article 0 is among the first twenty
    checked.clear()
    ingest(docs, stores(), validate=True, progress=False)
    assert len(checked) == 25
    checked.clear()
    ingest(docs, stores(), validate="none", progress=False)
    assert checked == []
    with pytest.raises(ValueError):
        ingest(docs, stores(), validate="most", progress=False)  # type: ignore[arg-type]


def test_check_spans_rejects_a_span_that_does_not_hold_its_text() -> None:
    doc = Document(id="t", text="Hello world")
    pipeline.check_spans(doc, [Statement(Kind.FIGURE, "world", Span(6, 11))])
    with pytest.raises(ValidationFailed):
        pipeline.check_spans(doc, [Statement(Kind.FIGURE, "worlds", Span(6, 11))])


def test_progress_bar_runs(stores, capsys) -> None:  # type: ignore[no-untyped-def]
    ingest(make_docs(3), stores(), progress=True)
    assert "ingest" in capsys.readouterr().err


def test_the_graph_of_an_analysis_is_rebuilt_on_demand(stores) -> None:  # type: ignore[no-untyped-def]
    docs = make_docs(2)
    report = ingest(docs, stores(), progress=False, validate="none")
    fresh = pipeline.analyse(docs[0])
    assert isomorphic(report.analyses[0].graph, fresh.graph)


def test_a_batch_the_writer_thread_cannot_store_is_reported_and_the_rest_kept(stores, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from claims.errors import StoreError
    from claims.store import bulk

    docs, real, calls = make_docs(9), bulk.write, []

    def flaky(store, payloads, **kw):  # type: ignore[no-untyped-def]
        calls.append(len(payloads))
        if len(calls) == 2:
            raise StoreError("disk full")
        return real(store, payloads, **kw)

    monkeypatch.setattr(bulk, "write", flaky)
    store = stores()
    report = ingest(docs, store, batch_size=3, progress=False, validate="none")
    assert calls == [3, 3, 3]
    assert [f.source for f in report.failures] == ["doc3", "doc4", "doc5"]
    assert {f.code for f in report.failures} == {"store-error"}
    assert [a.document.id for a in report.analyses] == ["doc0", "doc1", "doc2", "doc6", "doc7", "doc8"]
    kept = [d for d in docs if d.id not in {"doc3", "doc4", "doc5"}]
    assert article_graphs(store) == sorted(str(iris.graph_iri(d)) for d in kept)
    rerun = ingest(docs, store, batch_size=3, progress=False, validate="none")  # completes them
    assert rerun.ok and len(rerun.skipped) == 6 and len(rerun.analyses) == 3
