"""Loading the knowledge base: throughput (quads/s) and peak memory of each write path,
store size on disk, time to open a store and answer a first query, a review's write
latency. One table.

    .venv/bin/python benchmarks/load.py                    # 10k and 100k statements
    .venv/bin/python benchmarks/load.py --sizes 1000000

Each measurement runs in a fresh process (so its peak memory is its own) on the
synthetic data of benchmarks/synth.py, into a new on-disk store:

- ``bulk file``: ``claims.store.bulk.load_nquads`` of the whole N-Quads file (pyoxigraph's
  bulk loader): how a knowledge base is built or restored in one go;
- ``bulk batches``: ``claims.store.bulk.write`` of ``--batch`` articles at a time (2048,
  ``claims.ingest``'s default into an embedded store), as ingestion writes (bulk loader plus commit markers);
  "vs bulk file" is its rate as a share of pyoxigraph's own loader over the same quads in
  the same run (issue 17 asks for at least 0.9);
- ``transactional``: ``OxigraphStore.replace_graphs`` of 64 rdflib graphs at a time,
  the ordinary path before the bulk path existed (SPARQL ``INSERT DATA``);
  only up to ``--tx-max`` statements, since it is slow.
"""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from _bench import cached_store, du_mb, machine, median_ms, p95_ms, peak_rss_mb, table
from claims.model.iris import reviews_graph_iri
from claims.pipeline import BULK_BATCH
from claims.store import OxigraphStore, bulk

MARK = f" <{bulk.MARKER}> "
REVIEWS = str(reviews_graph_iri())


def reviews(path: str) -> bytes:
    """The review events of an N-Quads file (one graph, spread through the file)."""
    tail = f" <{REVIEWS}> .\n"
    with open(path, encoding="utf-8") as data:
        return "".join(line for line in data if line.endswith(tail)).encode("utf-8")


def payloads(path: str, per: int) -> Iterator[list[bulk.Payload]]:
    """The article graphs of an N-Quads file (written one graph after another), ``per`` at a time."""
    batch: list[bulk.Payload] = []
    lines: list[str] = []
    graph = ""
    with open(path, encoding="utf-8") as data:
        for line in data:
            name = line[line.rindex(" <", 0, len(line) - 3) + 2:-4]
            if name == REVIEWS:
                continue
            if name != graph and lines:
                batch.append(_payload(graph, lines))
                lines = []
                if len(batch) >= per:
                    yield batch
                    batch = []
            graph = name
            lines.append(line[:len(line) - len(name) - 6] + " .\n")
    if lines:
        batch.append(_payload(graph, lines))
    if batch:
        yield batch


def _payload(graph: str, lines: list[str]) -> bulk.Payload:
    marker = "".join(x for x in lines if MARK in x and x.startswith("<"))
    body = "".join(x for x in lines if not (MARK in x and x.startswith("<")))
    return bulk.Payload(graph, body, marker, len(lines))


def measure(kind: str, path: str, folder: str, out: Any, per: int = 256) -> None:
    """One load into a new store at ``folder`` (in a child process): seconds and peak MB
    (reading and splitting the file into payloads is not counted: ingestion has them)."""
    store = OxigraphStore(folder)
    read = 0.0
    begun = time.perf_counter()
    if kind == "bulk file":
        bulk.load_nquads(store, path, path=True)
    elif kind == "bulk batches":
        batches = payloads(path, per)
        while True:
            t = time.perf_counter()
            batch = next(batches, None)
            read += time.perf_counter() - t
            if batch is None:
                break
            bulk.write(store, batch)
        store.load(reviews(path), format="nquads")
    else:
        from rdflib import Graph

        for batch in payloads(path, 64):
            t = time.perf_counter()
            graphs = [Graph(identifier=p.graph).parse(data=p.body + p.marker, format="nt") for p in batch]
            read += time.perf_counter() - t
            store.replace_graphs(graphs)
        store.load(reviews(path), format="nquads")
    store.close()
    out.put((time.perf_counter() - begun - read, peak_rss_mb()))


def child(kind: str, path: str, folder: str, per: int) -> tuple[float, float]:
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    proc = ctx.Process(target=measure, args=(kind, path, folder, out, per))
    proc.start()
    result: tuple[float, float] = out.get()
    proc.join()
    return result


def open_and_query(folder: str, article: str, out: Any) -> None:
    """In a fresh process: open the store, then one article's statements (a first query)."""
    from claims import select

    begun = time.perf_counter()
    store = OxigraphStore(folder, read_only=True)
    opened = time.perf_counter()
    rows = len(select(store, f"SELECT ?s ?p ?o WHERE {{ GRAPH ?g {{ <{article}> ?p ?o }} }}"))
    out.put((opened - begun, time.perf_counter() - opened, rows))


def first_query(folder: str, article: str) -> tuple[float, float]:
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    proc = ctx.Process(target=open_and_query, args=(folder, article, out))
    proc.start()
    opened, queried, _ = out.get()
    proc.join()
    return opened, queried


def review_latency(folder: Path, statements: list[str]) -> list[float]:
    """Seconds per ``claims.review.record`` on a copy of the store (held open, and shared)."""
    from claims.review import record

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "store"
        shutil.copytree(folder, copy)
        for shared in (False, True):
            store = OxigraphStore(copy, shared=shared)
            for i, statement in enumerate(statements):
                t = time.perf_counter()
                record(store, statement, "confirmed", reviewer="Bench Marker",
                       at=datetime(2025, 1, 1, tzinfo=UTC).replace(microsecond=i + 1000 * shared))
                out.append((shared, time.perf_counter() - t))
            store.close()
    return [t for _, t in out]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--tx-max", type=int, default=10_000)
    parser.add_argument("--paths", nargs="+", default=["bulk file", "bulk batches", "transactional"],
                        help="write paths to measure")
    parser.add_argument("--batch", type=int, default=BULK_BATCH, help="articles a bulk batch")
    args = parser.parse_args(argv)
    rows, others = [], []
    for size in args.sizes:
        folder, meta = cached_store(size)
        quads = int(str(meta["quads"]))
        kinds = [k for k in args.paths if k != "transactional" or size <= args.tx_max]
        reference = None
        for kind in kinds:
            with tempfile.TemporaryDirectory(dir=folder.parent) as tmp:
                seconds, peak = child(kind, str(meta["path"]), str(Path(tmp) / "store"), args.batch)
                disk = du_mb(Path(tmp) / "store")
            reference = quads / seconds if kind == "bulk file" else reference
            share = f"{quads / seconds / reference:.2f}" if reference else "-"
            rows.append([f"{meta['statements']:,}", kind, f"{quads:,}", f"{seconds:.1f}",
                         f"{quads / seconds:,.0f}", share, f"{peak:,.0f}", f"{disk:,.0f}"])
        opened, queried = first_query(str(folder), str(meta["sample_article"]))
        store = OxigraphStore(folder, read_only=True)
        sample = [r[0] for r in store.select_ox(
            "SELECT ?s WHERE { GRAPH ?g { ?s a <https://w3id.org/claims#Quotation> } } LIMIT 20")[1]]
        store.close()
        latency = review_latency(folder, [s.value for s in sample if hasattr(s, "value")])
        others.append([f"{meta['statements']:,}", f"{opened:.3f}", f"{queried:.3f}",
                       f"{median_ms(latency[:20]):.0f} / {p95_ms(latency[:20]):.0f}",
                       f"{median_ms(latency[20:]):.0f} / {p95_ms(latency[20:]):.0f}"])
    print(f"Write paths into a new on-disk store ({machine()})")
    print(table(["statements", "path", "quads", "seconds", "quads/s", "vs bulk file", "peak MB",
                 "disk MB"], rows))
    print()
    print("Opening a store; recording a review event")
    print(table(["statements", "open s", "first query s", "review ms median / p95",
                 "review, shared store ms"], others))


if __name__ == "__main__":
    main()
