"""``claims index sync`` on a store of ``--articles`` articles: nothing changed, ``--changed``
articles to re-read (one query an article, as before, against one read of the store), and
the deep sync that compares every row and review state with the store. One table.

    .venv/bin/python benchmarks/index_sync.py                      # 2,000 articles, 256 changed
    .venv/bin/python benchmarks/index_sync.py --articles 8000 --changed 1024

The articles are generated (three people, quotations, reported speech and figures each),
ingested once into a temporary store with the derived layers off; "changed" articles are
made by giving the index a stale content hash for them, so that sync re-reads exactly those
(what it does for articles re-ingested by a process that did not see the index). Medians
of a few runs in ms, on a shared, noisy machine.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import machine, median_ms, table
from claims.index import statement_index
from claims.index.statement_index import StatementIndex
from claims.pipeline import ingest
from claims.reader import from_text
from claims.store import OxigraphStore

PEOPLE = ["Vladimir Putin", "Xi Jinping", "Narendra Modi", "Olaf Scholz", "Emmanuel Macron"]


def article(i: int) -> str:
    a, b = PEOPLE[i % len(PEOPLE)], PEOPLE[(i * 3 + 1) % len(PEOPLE)]
    return (f"Summit talks, day {i}\n\n"
            f'{a} said: "The talks on trade number {i} will go on for another winter."\n\n'
            f"{b} told reporters that {i * 7} per cent of the trade would be settled in yuan.\n\n"
            f'"We agree on the plan for {i % 40} years," {b} said, adding that it went well.\n')


def stale(index: StatementIndex, count: int) -> None:
    """Give ``count`` articles a stale content hash in the index: sync re-reads them."""
    db = index.db
    graphs = [g for (g,) in db.execute("SELECT graph FROM graphs ORDER BY graph LIMIT ?", (count,))]
    db.execute("UPDATE graphs SET hash = 'stale' WHERE graph IN (SELECT value FROM json_each(?))",
               (json.dumps(graphs),))
    db.commit()


def timed(runs: int, prepare: Callable[[], None], fn: Callable[[], object]) -> list[float]:
    out = []
    for _ in range(runs):
        prepare()
        began = time.perf_counter()
        fn()
        out.append(time.perf_counter() - began)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--changed", type=int, default=256)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ["CLAIMS_LAYERS"] = "none"
    print(machine())
    with tempfile.TemporaryDirectory() as folder:
        store = OxigraphStore(Path(folder) / "kb")
        began = time.perf_counter()
        report = ingest([from_text(article(i), id=f"a{i}") for i in range(args.articles)], store,
                        progress=False)
        print(f"ingested {len(report.analyses)} articles ({report.statements} statements) "
              f"in {time.perf_counter() - began:.1f} s")
        began = time.perf_counter()
        index = StatementIndex.open(store)
        print(f"index built in {time.perf_counter() - began:.1f} s")
        nothing = lambda: None  # noqa: E731
        rows: list[list[object]] = []

        def case(name: str, prepare: Callable[[], None], fn: Callable[[], object]) -> None:
            took = timed(args.runs, prepare, fn)
            rows.append([name, f"{median_ms(took):,.0f}", f"{max(took) * 1000:,.0f}"])
            print(rows[-1], flush=True)

        case("quick sync, nothing changed", nothing, index.sync)
        case(f"quick sync, {args.changed} changed, one query an article",
             lambda: (stale(index, args.changed),
                      setattr(statement_index, "ONE_BY_ONE", 10**9)),
             index.sync)
        statement_index.ONE_BY_ONE = 16
        case(f"quick sync, {args.changed} changed, one read of the store",
             lambda: stale(index, args.changed), index.sync)
        case("deep sync (claims index sync), nothing changed", nothing,
             lambda: index.sync(deep=True))
        case(f"deep sync, {args.changed} changed", lambda: stale(index, args.changed),
             lambda: index.sync(deep=True))
        case("rebuild", nothing, index.rebuild)
        index.close()
        store.close()
    print(table(["case", "median ms", "max ms"], rows))


if __name__ == "__main__":
    main()
