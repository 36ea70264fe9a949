"""The statement index (SQLite beside the store) against the equivalent SPARQL named queries,
and what keeping it fresh costs ingestion. One table.

    .venv/bin/python benchmarks/index.py                   # 10k and 100k statements
    .venv/bin/python benchmarks/index.py --sizes 1000000 --sparql-seconds 120

For each size the index of the cached synthetic store is built next to it
(``benchmarks/.cache/store-N-7.index.sqlite``): build time, file size, a sync when
nothing changed (the explorer through the index: ``benchmarks/explorer.py``), then list
views through :class:`claims.index.StatementIndex` beside the same view through
``claims.select`` (the named query, ``LIMIT 50`` appended for first pages), each SPARQL
case in a child process given ``--sparql-seconds`` (else "(over N s)"). The top speaker
is the most quoted; the median speaker is the middle one of the speakers ranked by
statements. Last, ``--articles`` Wikinews articles ingested into a new store without and
with an index (the hook's own time measured around it). Medians and 95th percentiles in
ms, on a shared, noisy machine.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import queue
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _bench import cached_store, machine, median_ms, p95_ms, table, timings
from claims import index as index_module
from claims.index import StatementIndex, index_path
from claims.query import named_queries, select
from claims.store import OxigraphStore

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikinews.jsonl"
HEADER = ["statements", "case", "rows", "index median", "index p95", "SPARQL median", "SPARQL p95"]


def sparql_child(folder: str, text: str, params: dict[str, Any], out: Any) -> None:
    store = OxigraphStore(folder, read_only=True)
    rows = len(select(store, text, **params))
    took = timings(lambda: select(store, text, **params), budget=3, least=2, most=10)
    out.put((rows, took))


def sparql_times(folder: Path, text: str, params: dict[str, Any], limit: float
                 ) -> tuple[int, list[float]] | None:
    """Rows and timings of a SPARQL query in a child process; None if over ``limit`` s."""
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    child = ctx.Process(target=sparql_child, args=(str(folder), text, params, out), daemon=True)
    child.start()
    try:
        found: tuple[int, list[float]] = out.get(timeout=limit)
        return found
    except queue.Empty:
        return None
    finally:
        child.terminate()
        child.join()


def first_page(name: str) -> str:
    return named_queries()[name].text + "\nLIMIT 50"


def cases(index: StatementIndex, meta: dict[str, Any]
          ) -> list[tuple[str, Callable[[], Any], str, dict[str, Any]]]:
    """(label, index call, SPARQL text or query name, parameters)."""
    ranked = index.speakers()
    quoted = ranked[ranked["quotations"] > 0]
    top = str(meta["top_speaker"])
    middle = str(quoted["speaker"].iloc[len(quoted) // 2])
    article = str(meta["sample_article"])
    out: list[tuple[str, Callable[[], Any], str, dict[str, Any]]] = []
    for who, name in (("top", top), ("median", middle)):
        out.append((f"quotations, {who} speaker, first 50",
                     lambda n=name: index.quotations(n, limit=50),
                     first_page("quotations_by_speaker"), {"speaker": name}))
        out.append((f"quotations, {who} speaker, all",
                     lambda n=name: index.quotations(n), "quotations_by_speaker", {"speaker": name}))
    out.append(("one article's statements", lambda: index.article(article),
                "article_statements", {"article": article}))
    out.append(("review queue, first 50", lambda: index.queue(limit=50), first_page("unreviewed"), {}))
    out.append(("counts per speaker, all", lambda: index.speakers(corrected=False), "speakers", {}))
    return out


def size_rows(size: int, sparql_seconds: float) -> list[list[str]]:
    folder, meta = cached_store(size)
    store = OxigraphStore(folder, read_only=True)
    label = f"{meta['statements']:,}"
    began = time.perf_counter()
    index = StatementIndex.build(store)
    built = time.perf_counter() - began
    path = index_path(store)
    assert path is not None
    rows = [[label, "build from the store (s)", f"{len(index):,}", f"{built:.1f}", "", "", ""],
            [label, "index file (MB)", "", f"{path.stat().st_size / 1e6:.0f}", "", "", ""]]
    sync = timings(index.sync)
    rows.append([label, "sync, nothing changed", "", f"{median_ms(sync):.1f}", f"{p95_ms(sync):.1f}",
                 "", ""])
    for case, call, text, params in cases(index, meta):
        took = timings(call)
        count = len(call())
        sparql = sparql_times(folder, text, params, sparql_seconds)
        if sparql is not None and sparql[0] != count:
            print(f"warning: {case}: SPARQL gives {sparql[0]} rows, the index {count}", file=sys.stderr)
        rows.append([label, case, f"{count:,}", f"{median_ms(took):.1f}", f"{p95_ms(took):.1f}",
                     f"{median_ms(sparql[1]):.1f}" if sparql else f"(over {sparql_seconds:.0f} s)",
                     f"{p95_ms(sparql[1]):.1f}" if sparql else ""])
    index.close()
    store.close()
    return rows


def ingest_rows(articles: int) -> list[list[str]]:
    """Ingestion of ``articles`` Wikinews articles into a new store, without and with an index."""
    if not CORPUS.is_file():
        return [["-", f"ingest: skipped, {CORPUS} is absent", "", "", "", "", ""]]
    from claims import ingest

    records = [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]
    spent: list[float] = []
    original = index_module.after_write

    def timed(*args: Any) -> None:
        t = time.perf_counter()
        original(*args)
        spent.append(time.perf_counter() - t)

    index_module.after_write = timed  # type: ignore[assignment]
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "batch.jsonl"
        with batch.open("w", encoding="utf-8") as handle:
            for i in range(articles):
                record = records[i % len(records)]
                handle.write(json.dumps({**record, "id": f"{record['id']}-{i}",
                                         "url": f"{record['url']}?copy={i}",
                                         "text": f"{record['text']}\n\nCopy {i}."}) + "\n")
        for with_index in (False, True, False, True):  # interleaved: the machine's load drifts
            store = OxigraphStore(Path(tmp) / f"kb-{len(out)}")
            if with_index:
                StatementIndex.open(store)
            spent.clear()
            began = time.perf_counter()
            report = ingest([batch], store, validate="none", progress=False)
            took = time.perf_counter() - began
            rows = len(StatementIndex.open(store)) if with_index else report.statements
            store.close()
            per = took / max(len(report.analyses), 1) * 1000
            hook = sum(spent) / max(len(report.analyses), 1) * 1000
            out.append(["-", f"ingest {len(report.analyses)} articles, {'with' if with_index else 'no'} "
                        "index (ms/article; hook ms/article)", f"{rows:,}", f"{per:.2f}",
                        f"{hook:.3f}" if with_index else "", "", ""])
    index_module.after_write = original  # type: ignore[assignment]
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--sparql-seconds", type=float, default=60)
    parser.add_argument("--articles", type=int, default=390, help="0: skip the ingestion rows")
    args = parser.parse_args(argv)
    print(f"Statement index vs SPARQL, embedded store ({machine()}); ms unless stated")
    rows: list[list[str]] = []
    for size in args.sizes:
        rows += size_rows(size, args.sparql_seconds)
    if args.articles:
        rows += ingest_rows(args.articles)
    print(table(HEADER, rows))
    print(f"load average at the end: {__import__('os').getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
