"""Explorer filter latency on a 100,000-statement derived table (synthetic rows).

Builds the table the explorer keeps beside the store (one row per statement) from
synthetic rows shaped like the statements query's result, then times typical filters
and the explorer's full redraw (filter + sort + page + plots). Prints median and p95.

    .venv/bin/python benchmarks/explorer.py [ROWS]
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta

import pandas as pd

from claims.store import MemoryStore
from claims.widgets.explorer import Explorer
from claims.widgets.table import Filters, StatementTable, frame

WORDS = [
    "sanctions", "summit", "security", "cooperation", "ukraine", "taiwan", "economy", "energy",
    "border", "trade", "alliance", "growth", "world", "order", "unipolar", "members", "partners",
    "talks", "visit", "war", "peace",
]


def synthetic(n: int, *, seed: int = 7) -> pd.DataFrame:
    rng = random.Random(seed)
    speakers = [f"Speaker {i}" for i in range(2000)]
    outlets = [f"Outlet {i}" for i in range(60)]
    day0 = date(2020, 1, 1)
    kinds = ["claims:Quotation", "claims:ReportedSpeech", "claims:Figure"]
    rows = []
    for i in range(n):
        article = i // 20
        rows.append({
            "statement": f"kb:statement/{i:020x}", "kind": kinds[i % 3],
            "text": " ".join(rng.choices(WORDS, k=rng.randint(6, 30))),
            "speaker": speakers[min(int(rng.paretovariate(1.2)) - 1, 1999)],
            "role": None, "cue": "said", "confidence": rng.choice((0.7, 0.8, 0.9)),
            "title": f"Article {article}", "outlet": outlets[article % 60],
            "date": (day0 + timedelta(days=article % 1500)).isoformat(), "url": None,
            "article": f"kb:article/{article:020x}", "start": i * 10, "end": i * 10 + 9,
            "extractor": "claims-rules", "version": "0.1.0"})
    return pd.DataFrame(rows)


def timed(func: Callable[[], object], repeat: int = 30) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    start = time.perf_counter()
    df = frame(synthetic(n))
    built = time.perf_counter() - start
    table = StatementTable(MemoryStore(), df=df)
    top = str(df["speaker"].value_counts().index[0])
    cases: dict[str, Filters] = {
        "no filter": Filters(),
        "speaker (most frequent)": Filters(speaker=top),
        "kind": Filters(kind="quotation"),
        "outlet + date range": Filters(outlet="Outlet 3", since=date(2021, 1, 1), until=date(2021, 12, 31)),
        "status": Filters(status="unreviewed"),
        "free text": Filters(text="unipolar world"),
        "speaker + text + dates": Filters(speaker=top, text="sanctions", since=date(2022, 1, 1)),
    }
    print(f"derived table: {n:,} statements, built in {built:.2f} s")
    print(f"{'filter':<28}{'rows':>9}{'median ms':>12}{'p95 ms':>10}")
    for name, filters in cases.items():
        med, p95 = timed(lambda f=filters: table.filter(f))  # type: ignore[misc]
        print(f"{name:<28}{len(table.filter(filters)):>9,}{med:>12.1f}{p95:>10.1f}")
    explorer = Explorer(MemoryStore(), table=table)

    def redraw() -> None:
        explorer.text.value = "" if explorer.text.value else "sanctions"

    med, p95 = timed(redraw, repeat=20)
    print(f"{'explorer redraw (text)':<28}{len(explorer.rows):>9,}{med:>12.1f}{p95:>10.1f}")
    explorer.text.value = ""

    def by_speaker() -> None:
        explorer.speaker.value = "" if explorer.speaker.value else top

    med, p95 = timed(by_speaker, repeat=20)
    print(f"{'explorer redraw (speaker)':<28}{len(explorer.rows):>9,}{med:>12.1f}{p95:>10.1f}")


if __name__ == "__main__":
    main()
