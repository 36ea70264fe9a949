"""End-to-end ingestion of real articles: read, extract, check, write. One table.

    .venv/bin/python benchmarks/ingest.py                  # wikinews x 100 (3,900 articles)
    .venv/bin/python benchmarks/ingest.py --copies 20 --workers 1 --validate none --phases

``--phases`` adds a table of where one process's time goes, piece by piece.

The 39 Wikinews articles of ../shared/corpus/wikinews.jsonl, copied ``--copies`` times
(each copy with its own URL and a last line of its own, so every copy is a distinct
article), are written as one JSON Lines batch and ingested with ``claims.ingest`` into a
new on-disk store, each run in a fresh process (its peak memory is its own). Skips
cleanly when the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _bench import machine, peak_rss_mb, table

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikinews.jsonl"


def replicate(copies: int, target: Path) -> int:
    records = [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]
    with target.open("w", encoding="utf-8") as out:
        for i in range(copies):
            for record in records:
                copy = {**record, "id": f"{record['id']}-{i}", "url": f"{record['url']}?copy={i}",
                        "text": f"{record['text']}\n\nCopy {i} of this report."}
                out.write(json.dumps(copy, ensure_ascii=False) + "\n")
    return copies * len(records)


def run(batch: str, folder: str, workers: int, validate: str, out: Any) -> None:
    from claims import ingest
    from claims.store import OxigraphStore

    store = OxigraphStore(folder)
    begun = time.perf_counter()
    report = ingest([batch], store, workers=workers, validate=validate, progress=False)  # type: ignore[arg-type]
    store.close()
    took = time.perf_counter() - begun
    out.put((took, len(report.analyses), report.statements, len(report.failures), peak_rss_mb()))


def phases(batch: Path) -> list[list[str]]:
    """Where one process's time goes, piece by piece (ms an article), without the overlap
    of the writer thread: read, extract + span check, map + N-Triples, write."""
    from claims import reader
    from claims.extract import extract
    from claims.model.mapping import article_triples
    from claims.pipeline import check_spans
    from claims.store import OxigraphStore, bulk

    t0 = time.perf_counter()
    docs = [d for d in reader.read(batch) if not isinstance(d, Exception)]
    t1 = time.perf_counter()
    found = [tuple(extract(d)) for d in docs]
    for doc, statements in zip(docs, found, strict=True):
        check_spans(doc, statements)
    t2 = time.perf_counter()
    payloads = [bulk.article_payload(article_triples(d, s)) for d, s in zip(docs, found, strict=True)]
    t3 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, OxigraphStore(tmp) as store:
        for i in range(0, len(payloads), 256):
            bulk.write(store, payloads[i:i + 256])
        store.raw.flush()
        t4 = time.perf_counter()
    quads = sum(p.quads for p in payloads)
    n = len(docs)
    return [["read", f"{1000 * (t1 - t0) / n:.2f}", ""],
            ["extract + span check", f"{1000 * (t2 - t1) / n:.2f}", ""],
            ["map + N-Triples", f"{1000 * (t3 - t2) / n:.2f}", ""],
            ["write (bulk.write, 256 a batch)", f"{1000 * (t4 - t3) / n:.2f}",
             f"{quads / (t4 - t3):,.0f} quads/s"]]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--validate", nargs="+", default=["auto", "none"])
    parser.add_argument("--phases", action="store_true", help="also time each piece on its own")
    args = parser.parse_args(argv)
    if not CORPUS.is_file():
        print(f"skipped: {CORPUS} is absent")
        return
    rows = []
    ctx = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "batch.jsonl"
        articles = replicate(args.copies, batch)
        for validate in args.validate:
            for workers in args.workers:
                out = ctx.Queue()
                proc = ctx.Process(target=run, args=(str(batch), f"{tmp}/s-{validate}-{workers}",
                                                     workers, validate, out))
                proc.start()
                took, stored, statements, failed, peak = out.get()
                proc.join()
                rows.append([f"{articles:,}", workers, validate, f"{took:.1f}", f"{stored / took:.0f}",
                             f"{statements / took:,.0f}", failed, f"{peak:,.0f}"])
        pieces = phases(batch) if args.phases else []
    print(f"End-to-end ingestion of Wikinews articles ({machine()}); peak MB of the main process")
    print(table(["articles", "workers", "validate", "seconds", "articles/s", "statements/s",
                 "failed", "peak MB"], rows))
    if pieces:
        print(f"\nOne process, piece by piece, no overlap ({articles:,} articles; {machine()})")
        print(table(["piece", "ms an article", ""], pieces))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
