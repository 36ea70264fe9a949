"""Extraction time on hostile patterns: it must grow linearly with the input.

Each pattern is built at 1k, 10k and 100k repetitions (``--sizes``) and extracted once with
no time budget (``CLAIMS_EXTRACT_SECONDS`` lifted); the script prints seconds, microseconds
per repetition and the growth factor from one size to the next (10x the input: about 10x
the time when linear, 100x when quadratic). Times are CPU seconds of this process
(extraction is single-threaded), so that other jobs on a shared machine do not blur the
growth. Run: ``.venv/bin/python benchmarks/hostile_extraction.py [--sizes 1000,10000]``.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable

from claims.document import Document
from claims.extract import extract

PATTERNS: dict[str, Callable[[int], str]] = {
    "quote marks in one paragraph": lambda n: "He said " + '" word ' * n,
    "closed quotes in one sentence": lambda n: "He said " + '"a b c d e f," ' * n,
    "said sentences in one paragraph": lambda n: "Putin said the talks would go on. " * n,
    "names in one sentence": lambda n: "Vladimir Putin, " * n + "said: \"yes, we will.\"",
    "one long line of words": lambda n: "word " * (10 * n),
    "quotes, one a paragraph": lambda n: '\n\n'.join('"We will win this," Putin said.' for _ in range(n)),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    os.environ["CLAIMS_EXTRACT_SECONDS"] = "1e9"  # no time budget (extract sets its own)
    print(f"{'pattern':34} {'n':>7} {'chars':>10} {'CPU s':>9} {'µs/rep':>8} {'growth':>7}")
    for name, make in PATTERNS.items():
        previous: tuple[int, float] | None = None  # (n, seconds) of the size before
        for n in sizes:
            doc = Document(id="hostile", text=make(n))
            began = time.process_time()
            extract(doc)
            took = time.process_time() - began
            growth = f"{took / previous[1]:.1f}x" if previous else ""
            print(f"{name:34} {n:>7} {len(doc.text):>10,} {took:>9.2f} {took / n * 1e6:>8.1f} "
                  f"{growth:>7}", flush=True)
            previous = (n, took)


if __name__ == "__main__":
    main()
