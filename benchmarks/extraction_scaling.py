"""Extraction time against article length: milliseconds per KB at several sizes.

Articles of 4 to 512 KB are made by joining the paragraphs of the Wikinews corpus
(../shared/corpus/wikinews.jsonl) in order, so the text is real news at every size; each is
extracted with the default rules (best of three, process time).  Linear time shows as a flat
ms/KB column; a quadratic scan shows as ms/KB growing with size.
Run: ``.venv/bin/python benchmarks/extraction_scaling.py [--sizes 4,16,64,256,512]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from claims.document import Document
from claims.extract import extract

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "wikinews.jsonl"


def article(paragraphs: list[str], kb: int) -> str:
    """About ``kb`` KB of the corpus's paragraphs, repeated in order as needed."""
    out: list[str] = []
    size, k = 0, 0
    while size < kb * 1024:
        p = paragraphs[k % len(paragraphs)]
        out.append(p)
        size += len(p.encode("utf-8")) + 2
        k += 1
    return "\n\n".join(out)


def best_seconds(text: str, runs: int = 3) -> tuple[float, int]:
    best, n = float("inf"), 0
    for _ in range(runs):
        doc = Document.from_text(text, id="scaling")
        t0 = time.process_time()
        n = len(extract(doc))
        best = min(best, time.process_time() - t0)
    return best, n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="4,16,64,256,512", help="article sizes in KB")
    sizes = [int(s) for s in ap.parse_args(argv).sizes.split(",")]
    if not CORPUS.is_file():
        print(f"skipped: {CORPUS} is absent")
        return 0
    with CORPUS.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    paragraphs = [p for r in rows for p in r["text"].split("\n\n") if p.strip()]
    extract(Document.from_text('"Warm up," she said.', id="warm-up"))  # imports, regexes
    print(f"{'KB':>6} {'statements':>11} {'ms':>10} {'ms per KB':>10}")
    for kb in sizes:
        text = article(paragraphs, kb)
        seconds, n = best_seconds(text, runs=3 if kb <= 64 else 1)
        real_kb = len(text.encode("utf-8")) / 1024
        print(f"{real_kb:>6.0f} {n:>11} {seconds * 1000:>10.1f} {seconds * 1000 / real_kb:>10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
