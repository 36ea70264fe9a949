"""Which figures the checker gives a verdict on, in text it was not written for; prints tables.

Run: ``.venv/bin/python benchmarks/figure_checks_claims.py`` (``--limit N`` claims).

**Text**: the 19,250 PolitiFact claims of ``../shared/factcheck/vclaims.jsonl`` (US politics
2007-2022, each with its date), read with ``claims.check.check_sentence`` as ``claims check
--sentences`` reads them. There is no gold: the script prints how many figures it read, the
verdicts, and every figure given a checkable verdict (accurate, roughly right, inaccurate,
ambiguous), so that a reader can judge whether each was read right (measure, country or group,
year). Nearly every figure in these claims is a cost, a count of people or a share of
something the World Bank data does not hold, so precision of the checkable verdicts is what
this measures: a verdict on a misread figure is worse than none.

Judged by eye at stop 22 (docs/checking.md, "Measured"): 22 checkable verdicts before the
rules of d69bdbc, 3 read right — the first time these claims were run; the rules added then
were written after reading them, so the figures since are on text that was read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import machine, table
from claims.check import check_sentence

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = ROOT.parent / "shared" / "factcheck" / "vclaims.jsonl"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="read only the first N claims")
    args = ap.parse_args(argv)
    if not CLAIMS.is_file():
        print(f"no claims at {CLAIMS}; nothing to read")
        return
    verdicts: Counter[str] = Counter()
    rows: list[list[object]] = []
    n = 0
    with open(CLAIMS, encoding="utf-8") as f:
        for line in f:
            if args.limit and n >= args.limit:
                break
            record = json.loads(line)
            n += 1
            date = str(record.get("date") or "")[:10] or None
            for c in check_sentence(str(record["claim"]), date=date, id=str(record["id"])):
                verdicts[c.verdict] += 1
                if c.verdict == "uncheckable":
                    continue
                r = c.reading
                rows.append([record["id"], r.phrase[:30], r.measure, r.entity.label[:16] if r.entity else "",
                             r.year or "", f"{r.claimed:.4g}" if r.claimed is not None else "",
                             f"{c.computed:.4g}" if c.computed is not None else "", c.verdict])
    print(f"figure checks on {n} PolitiFact claims ({machine()})\n")
    print(table(["verdict", "figures"], [[v, k] for v, k in verdicts.most_common()]))
    print()
    print(table(["claim", "figure", "measure", "entity", "year", "claimed", "computed", "verdict"], rows))


if __name__ == "__main__":
    main()
