"""Figures on NewsQuant (../shared/eval/newsquant_dev.jsonl): precision, recall and F1 of
the extracted values, on a split tuned on and a split reported on.

The 295 sentences are split once by a hash of their id (``split_of``): ``tune`` (the rules
are developed on it; ``--errors`` lists its misses and false figures) and ``report`` (never
read for tuning; its errors are not printed). A predicted figure is every figure statement
that is not a year or a date (NewsQuant annotates neither), a figure without a value
(``multibillion-dollar``) included: it can only be wrong. It matches a gold quantity, one to
one in text order, when the values agree to 1e-6 relative; a gold range also needs the
upper bound. Known gold errors exist (README), so the scores are approximate.

Run: ``.venv/bin/python benchmarks/figures.py [--errors]``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from claims.document import Document
from claims.extract import extract
from claims.statements import Kind, Quantity

NEWSQUANT = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "newsquant_dev.jsonl"
SPLITS = ("tune", "report")


def split_of(row_id: str) -> str:
    """``tune`` for about half of the ids, ``report`` for the rest; fixed by the id alone."""
    return "tune" if hashlib.sha256(row_id.encode()).digest()[0] < 128 else "report"


def gold_value(v: str) -> tuple[float, float | None] | None:
    """NewsQuant's value field: ``"5.0"`` or a range ``"5.0-7.0"``."""
    m = re.fullmatch(r"(-?[\d.]+)(?:-(-?[\d.]+))?", v.strip())
    if not m:
        return None
    try:
        return float(m.group(1)), (float(m.group(2)) if m.group(2) else None)
    except ValueError:
        return None


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b))


def figures(text: str, row_id: str = "t", model: str = "rules") -> list[tuple[str, Quantity]]:
    """The scored figures of a sentence: every figure that is not a year or a date."""
    doc = Document.from_text(text, id=row_id)
    return [(s.text, s.quantity) for s in extract(doc, model=model)  # type: ignore[arg-type]
            if s.kind is Kind.FIGURE and s.quantity and s.quantity.kind not in ("year", "date")]


def match(preds: list[Quantity], golds: list[tuple[float, float | None]]) -> tuple[set[int], set[int]]:
    """Indices of the matched predictions and of the matched gold quantities."""
    used: set[int] = set()
    hit: set[int] = set()
    for i, q in enumerate(preds):
        for j, (lo, hi) in enumerate(golds):
            if j in used or not _close(q.value, lo):
                continue
            if hi is not None and not _close(q.upper, hi):
                continue
            used.add(j)
            hit.add(i)
            break
    return hit, used


def score(rows: Iterable[dict[str, Any]], model: str = "rules",
          errors: list[str] | None = None) -> dict[str, float]:
    """Precision, recall, F1 over ``rows``; misses and false figures go to ``errors``."""
    n_pred = n_gold = tp = 0
    for row in rows:
        found = figures(row["text"], row["id"], model)
        preds = [q for _, q in found]
        golds = [g for g in (gold_value(q["value"]) for q in row["quantities"]) if g]
        hit, used = match(preds, golds)
        n_pred, n_gold, tp = n_pred + len(preds), n_gold + len(golds), tp + len(hit)
        if errors is not None and (len(hit) < len(preds) or len(used) < len(golds)):
            false = [f"{t!r}={q.value}{'..' + str(q.upper) if q.upper else ''}"
                     f"({q.kind},{q.unit})" for i, (t, q) in enumerate(found) if i not in hit]
            missed = [f"{row['quantities'][j]['value']} {row['quantities'][j]['unit']}"
                      for j, g in enumerate(golds) if j not in used]
            errors.append(f"{row['id']}: {row['text']}\n   false: {false}\n   missed: {missed}")
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"fig_p": p, "fig_r": r, "fig_f1": 2 * p * r / (p + r) if p + r else 0.0,
            "n_gold": n_gold, "n_pred": n_pred}


def load(path: Path = NEWSQUANT) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def by_split(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return {name: [r for r in rows if split_of(r["id"]) == name] for name in SPLITS}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", action="store_true", help="list the tune split's errors")
    ap.add_argument("--model", choices=("rules", "spacy"), default="rules")
    args = ap.parse_args(argv)
    if not NEWSQUANT.is_file():
        print(f"skipped: {NEWSQUANT} is absent")
        return 0
    parts = by_split(load())
    errors: list[str] = []
    scores = {name: score(rows, args.model, errors if name == "tune" else None)
              for name, rows in parts.items()}
    if args.errors:
        print("\n".join(errors))
    print(f"NewsQuant figures ({args.model}): tune {len(parts['tune'])} sentences, "
          f"report {len(parts['report'])} (not tuned on)")
    print(f"{'metric':<36}{'tune':>10}{'report':>10}  target")
    for label, key, target in [("gold quantities", "n_gold", ""), ("figures given", "n_pred", ""),
                               ("figures precision", "fig_p", ">= 0.85"),
                               ("figures recall", "fig_r", ""),
                               ("figures F1 (values)", "fig_f1", ">= 0.88")]:
        fmt = ".0f" if key.startswith("n_") else ".3f"
        print(f"{label:<36}" + "".join(f"{scores[n][key]:>10{fmt}}" for n in SPLITS) + f"  {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
