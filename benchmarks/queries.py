"""Named-query latency at each size: the project's API against raw pyoxigraph on the same
on-disk store, and rdflib's in-memory store where it finishes in time. One table.

    .venv/bin/python benchmarks/queries.py                 # 10k and 100k statements
    .venv/bin/python benchmarks/queries.py --sizes 1000000

"api" is ``claims.select`` (rows to a pandas DataFrame); "raw" is ``pyoxigraph.Store.query``
with the same text and bound terms, every cell of every row read. Medians and 95th
percentiles in ms, on a shared, noisy machine. Every query is run once untimed first (so
each figure is from a warm cache); one that takes longer than 2 s is then timed once.
"""

from __future__ import annotations

import argparse
import multiprocessing
import queue
import time
from typing import Any

import pyoxigraph as ox

from _bench import cached_store, machine, median_ms, p95_ms, table, timings
from claims.model.iris import reviews_graph_iri
from claims.query import bindings, resolve, select
from claims.store import MemoryStore, OxigraphStore
from claims.store.oxigraph import to_ox

SKIP = {"speakers_wikidata"}  # needs the network (SERVICE to Wikidata)


def cases(store: OxigraphStore, meta: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(label, query name or text, parameters) for every named query worth timing."""
    from claims.query import named_queries

    raw = store.raw
    reviewed = next(iter(raw.query(
        f"SELECT ?s WHERE {{ GRAPH <{reviews_graph_iri()}> {{ ?e <http://www.w3.org/ns/prov#used> ?s }} }} "
        "LIMIT 1")))
    statement = reviewed[0].value if reviewed else ""
    params: dict[str, dict[str, Any]] = {
        "quotations_by_speaker": {"speaker": meta["top_speaker"]},
        "article_statements": {"article": meta["sample_article"]},
        "figures": {"article": meta["sample_article"]},
        "review_current": {"statement": statement,
                           "class": "https://w3id.org/claims#AttributionReview"},
        "review_history": {"statement": statement},
        "review_status": {"statement": statement},
    }
    out = [(name, name, params.get(name, {})) for name in named_queries() if name not in SKIP]
    unreviewed = named_queries()["unreviewed"].text
    out.append(("unreviewed, first 50", unreviewed + "\nLIMIT 50", {}))
    out.append(("speakers, top 20", named_queries()["speakers"].text + "\nLIMIT 20", {}))
    return out


def raw_runner(store: OxigraphStore, name: str, params: dict[str, Any]) -> Any:
    query, text = resolve(name)
    subs = {ox.Variable(k): to_ox(v) for k, v in bindings(query, params).items()} or None
    raw = store.raw

    def run() -> int:
        result = raw.query(text, substitutions=subs)
        width = range(len(result.variables))  # type: ignore[union-attr]
        rows = [[s[i] for i in width] for s in result]  # type: ignore[union-attr]
        return len(rows)
    return run


def rdflib_child(path: str, todo: list[tuple[str, str, dict[str, Any]]], out: Any) -> None:
    """Load the N-Quads into rdflib's in-memory store, then time each query (in a child)."""
    store = MemoryStore()
    t = time.perf_counter()
    with open(path, "rb") as data:
        store.load(data.read(), format="nquads")
    out.put(("load", time.perf_counter() - t, 0))
    for label, name, params in todo:
        first = time.perf_counter()
        rows = len(select(store, name, **params))
        took = [time.perf_counter() - first]
        if took[0] < 5:
            took += timings(lambda n=name, p=params: select(store, n, **p), budget=3, least=2, most=5)
        out.put((label, took, rows))
    out.put(("done", 0, 0))


def rdflib_times(path: str, todo: list[tuple[str, str, dict[str, Any]]],
                 limit: float) -> dict[str, list[float]]:
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    child = ctx.Process(target=rdflib_child, args=(path, todo, out), daemon=True)
    child.start()
    found: dict[str, list[float]] = {}
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            label, took, _ = out.get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            break
        if label == "done":
            break
        if label != "load":
            found[label] = took
    child.terminate()
    child.join()
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--rdflib-max", type=int, default=10_000,
                        help="largest size also run on rdflib's in-memory store")
    parser.add_argument("--rdflib-seconds", type=float, default=120)
    parser.add_argument("--skip", nargs="*", default=[], help="query labels to leave out")
    args = parser.parse_args(argv)
    print(f"Named queries, embedded store ({machine()}); ms")
    header = ["statements", "query", "rows", "api median", "api p95", "raw median", "raw p95",
              "api/raw", "rdflib mem median"]
    for size in args.sizes:
        rows = []
        folder, meta = cached_store(size)
        store = OxigraphStore(folder, read_only=True)
        todo = [case for case in cases(store, meta) if case[0] not in args.skip]
        slow = rdflib_times(str(meta["path"]), todo, args.rdflib_seconds) if size <= args.rdflib_max else {}
        for label, name, params in todo:
            api = timings(lambda s=store, n=name, p=params: select(s, n, **p))
            raw = timings(raw_runner(store, name, params))
            count = f"{len(select(store, name, **params)):,}" if api[0] < 2 else "(slow)"
            mem = slow.get(label)
            rows.append([f"{meta['statements']:,}", label, count, f"{median_ms(api):.1f}",
                         f"{p95_ms(api):.1f}", f"{median_ms(raw):.1f}", f"{p95_ms(raw):.1f}",
                         f"{median_ms(api) / max(median_ms(raw), 1e-3):.2f}",
                         f"{median_ms(mem):.0f}" if mem else ("timeout" if size <= args.rdflib_max else "-")])
        store.close()
        print(table(header, rows), flush=True)  # one table a size, as soon as it is measured


if __name__ == "__main__":
    main()
