"""Helpers shared by the benchmark scripts: timing statistics, tables, cached stores."""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth
from claims.model.mapping import MODEL_VERSION
from claims.store import OxigraphStore, bulk


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timings(fn: Callable[[], object], *, budget: float = 2.0, least: int = 3, most: int = 30
            ) -> list[float]:
    """Seconds per call of ``fn``: one warm-up, then until ``budget`` s or ``most`` calls
    (a single timed call when the warm-up alone took longer than ``budget``)."""
    t = time.perf_counter()
    fn()
    if time.perf_counter() - t > budget:
        least = most = 1
    out: list[float] = []
    begun = time.perf_counter()
    while len(out) < most and (len(out) < least or time.perf_counter() - begun < budget):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def median_ms(xs: Sequence[float]) -> float:
    return statistics.median(xs) * 1000


def p95_ms(xs: Sequence[float]) -> float:
    ordered = sorted(xs)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1000


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table (it reads as plain text too)."""
    cells = [[str(c) for c in header]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["| " + " | ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def du_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def cached_store(size: int, *, workers: int = 2) -> tuple[Path, dict[str, object]]:
    """An on-disk store holding the synthetic knowledge base of ``size`` statements (kept)."""
    meta = synth.build(size, workers=workers)
    folder = synth.CACHE / f"store-{size}-{synth.SEED}-m{MODEL_VERSION}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        store = OxigraphStore(folder)
        bulk.load_nquads(store, str(meta["path"]), path=True)
        store.close()
        done.touch()
    return folder, meta


def machine() -> str:
    load = os.getloadavg()
    return f"{os.cpu_count()} CPUs, load average {load[0]:.1f} at start"
