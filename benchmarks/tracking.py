"""Score claim tracking and measure what it costs; prints tables.

Run: ``.venv/bin/python benchmarks/tracking.py`` (``--pairs-only`` skips the corpus and
cost parts).

1. **Quotation pairs** (``../shared/eval/quote_identity/``, real and synthetic dev pairs),
   labelled through :func:`claims.track.label_pairs` — the code ``claims track compare``
   and ingestion use. The speaker given is the pair's resolved speaker name where it has
   one, else the gold speaker span (a pronoun or description counts as unknown). The pairs
   are split in two halves by a hash of their cluster (or pair id): the matcher's rules and
   thresholds were tuned looking at the ``tune`` half only; ``report`` is the half it was
   not tuned on. Identity: positive = ``same`` or ``misquote``. Both baselines of the
   data's README (``exact``: Quotebank's key; ``shingle3``: word 3-shingle containment of
   the shorter >= 0.8) are scored in the same run.
"""

from __future__ import annotations

import argparse
import json
import re
import string
import sys
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import table
from claims.track import Pair, Side, label_pairs

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PAIRS = SHARED / "eval" / "quote_identity"


def half(record: dict[str, Any]) -> str:
    """``tune`` or ``report``: pairs of one cluster fall in the same half."""
    key = record.get("a_cluster") or record.get("b_cluster") or record["pair_id"]
    return "tune" if zlib.crc32(str(key).encode()) % 2 == 0 else "report"


def read(name: str) -> list[dict[str, Any]]:
    path = PAIRS / f"pairs_{name}.jsonl"
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def speaker(record: dict[str, Any], side: str) -> str | None:
    value = record.get(f"{side}_speaker_resolved") or record.get(f"{side}_speaker")
    return str(value) if value else None


def ours(records: Iterable[dict[str, Any]]) -> dict[str, str]:
    pairs = [Pair(r["pair_id"], Side(r["a"], r["a_text"], speaker(r, "a")),
                  Side(r["b"], r["b_text"], speaker(r, "b"))) for r in records]
    return {row["pair_id"]: row["label"] for row in label_pairs(pairs)}


def _exact_key(text: str) -> str:
    text = text.translate(str.maketrans("", "", string.punctuation))
    return re.sub(r"\W+", " ", text).strip().lower()


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _exact_key(text).split()
    return {tuple(words[i:i + 3]) for i in range(max(1, len(words) - 2))}


def baseline(kind: str) -> Callable[[Iterable[dict[str, Any]]], dict[str, str]]:
    def run(records: Iterable[dict[str, Any]]) -> dict[str, str]:
        out = {}
        for r in records:
            if kind == "exact":
                same = _exact_key(r["a_text"]) == _exact_key(r["b_text"])
            else:
                a, b = _shingles(r["a_text"]), _shingles(r["b_text"])
                same = bool(a and b) and len(a & b) / min(len(a), len(b)) >= 0.8
            out[r["pair_id"]] = "same" if same else "different"
        return out
    return run


def scores(records: list[dict[str, Any]], predicted: dict[str, str]) -> dict[str, float]:
    tp = fp = fn = mtp = mfp = mfn = 0
    for r in records:
        gold, got = r["label"], predicted.get(r["pair_id"], "different")
        g, p = gold != "different", got != "different"
        tp, fp, fn = tp + (g and p), fp + (p and not g), fn + (g and not p)
        gm, pm = gold == "misquote", got == "misquote"
        mtp, mfp, mfn = mtp + (gm and pm), mfp + (pm and not gm), mfn + (gm and not pm)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"n": len(records), "P": precision, "R": recall, "F1": f1,
            "mP": mtp / (mtp + mfp) if mtp + mfp else float("nan"),
            "mR": mtp / (mtp + mfn) if mtp + mfn else float("nan"), "m_found": mtp,
            "m_gold": mtp + mfn}


def pairs_part() -> None:
    if not PAIRS.exists():
        print(f"(no {PAIRS}: pair scores skipped)")
        return
    methods = {"claims.track": ours, "baseline exact": baseline("exact"),
               "baseline shingle3": baseline("shingle3")}
    rows = []
    by_variant: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0, 0])
    for name in ("real", "synthetic"):
        records = read(name)
        for method, run in methods.items():
            predicted = run(records)
            for part in ("report", "tune", "all"):
                chosen = [r for r in records if part == "all" or half(r) == part]
                s = scores(chosen, predicted)
                rows.append([name, part, method, s["n"], f"{s['P']:.3f}", f"{s['R']:.3f}",
                             f"{s['F1']:.3f}", f"{s['mP']:.3f}", f"{s['mR']:.3f}",
                             f"{s['m_found']}/{s['m_gold']}"])
            if method == "claims.track":
                for r in records:
                    cell = by_variant[(name, r["variant_type"])]
                    cell[0] += 1
                    cell[1] += predicted[r["pair_id"]] != "different"
                    cell[2] += predicted[r["pair_id"]] == "misquote"
    print("## Quotation pairs (dev): identity = same or misquote vs different\n")
    print(table(["pairs", "half", "method", "n", "identity P", "R", "F1", "misquote P", "R",
                 "found"], rows))
    print("\n## By variant type (claims.track, all dev pairs): identity rate = recall for same"
          " and misquote types, false-merge rate for different types\n")
    print(table(["pairs", "variant", "n", "identity rate", "misquote rate"],
                [[k[0], k[1], v[0], f"{v[1] / v[0]:.2f}", f"{v[2] / v[0]:.2f}"]
                 for k, v in sorted(by_variant.items())]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs-only", action="store_true", help="only score the pairs")
    parser.parse_args()
    pairs_part()


if __name__ == "__main__":
    main()
