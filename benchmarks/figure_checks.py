"""Score the figure checker on the gold set and measure what a check costs; prints tables.

Run: ``.venv/bin/python benchmarks/figure_checks.py`` (``--rows`` prints every claim).

**Gold**: ``../shared/reference/gold/figure_checks_dev.csv`` (34 claims from news, with the
value computed from the same World Bank data and a verdict). Each claim's sentence is checked
with ``claims.check.check_sentence`` (the code ``claims check --sentences`` and ingestion
use) on its publication date, with the article as context: the whole text where
``../shared`` has the source (the founding article, the Wikinews corpus), else the gold's
other sentences of the same source (the only part of those articles we have). A gold claim
is matched to the check whose phrase overlaps the gold phrase in the sentence (the one
claiming the gold value first); a claim no check matches counts as ``uncheckable``.

Figures: verdict accuracy; the share of checkable claims (gold verdict not uncheckable)
whose computed value is within 1% of the gold computation (both values for an ambiguous
claim); uncheckable precision (of the claims we call uncheckable, how many the gold does)
and the claims the gold marks uncheckable that got a checkable verdict (target 0).

**Split**: the dev file is split by source. ``tune``: the founding article, the Wikinews
articles, the NewsQuant sentence and the CGTN BRICS article (18 claims), on which the rules
were developed; ``report``: the Straits Times ASEAN, Krone, Hindustan Times G20 and
acphonor articles (16 claims), only measured. Caveat: the brief named two extractor gaps
("43% and 9.8%", "S$") found by an earlier attempt on this split, and its sentences were
read once when the gold file was first opened. The held-out half of the gold is encrypted
and was not used.

**Cost**: milliseconds per figure checked (the figures already extracted, as the ingestion
layer gets them), median of repeated runs over the gold sentences; and (unless
``--no-ingest``) ingestion of the Wikinews corpus (39 articles) into a fresh embedded store
with no layer, with the figure-check layer alone and with every layer, in articles per second
(CPU time of the process, steadier than wall time on a shared machine, best of three runs
alternated, after a warm-up ingestion in the same process) — with SHACL as ingestion runs it
by default ("auto": the first 10 articles of a run, a quarter of this corpus) and without
(as every article after the 10th of a big run) — and the CPU the check layer itself takes an
article (its ``articles_written``, timed inside the same runs).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import machine, table
from claims.check import Check, check_document, check_sentence
from claims.document import Document
from claims.extract import extract

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "reference" / "gold" / "figure_checks_dev.csv"
TUNE = ("seed:", "https://en.wikinews.org/", "NewsQuant", "https://news.cgtn.com/")


def split_of(source: str) -> str:
    return "tune" if source.startswith(TUNE) else "report"


def contexts(rows: list[dict[str, str]]) -> dict[str, str]:
    """The article text of each source: the shared copy where there is one, else the gold's
    sentences of that source in file order."""
    out: dict[str, str] = {}
    wikinews: dict[str, str] = {}
    path = SHARED / "corpus" / "wikinews.jsonl"
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            wikinews[record["url"]] = record["text"]
    for row in rows:
        source = row["source"]
        if source in out:
            continue
        if source.startswith("seed:"):
            seed = SHARED / "seed" / source.split(":", 1)[1].split()[0]
            if seed.is_file():
                out[source] = seed.read_text(encoding="utf-8")
                continue
        if source in wikinews:
            out[source] = wikinews[source]
            continue
        out[source] = " ".join(dict.fromkeys(r["sentence"] for r in rows if r["source"] == source))
    return out


def match(row: dict[str, str], checks: list[Check]) -> Check | None:
    sentence, figure = row["sentence"], row["figure"]
    at = sentence.find(figure)
    lo, hi = (at, at + len(figure)) if at >= 0 else (0, len(sentence))
    hits = [c for c in checks if c.reading.span.start < hi and c.reading.span.end > lo]
    claimed = float(row["claimed"]) if row["claimed"] else None
    exact = [c for c in hits if claimed is not None and c.reading.claimed is not None
             and abs(c.reading.claimed - claimed) <= 1e-6 * max(1.0, abs(claimed))]
    return (exact or hits or [None])[0]


def _gold_values(row: dict[str, str]) -> dict[str, float]:
    text = row["computed"]
    if "=" in text:
        return {k.strip(): float(v) for k, v in (p.split("=") for p in text.split("|"))}
    return {row["measure"]: float(text)} if text else {}


def within(row: dict[str, str], check: Check | None) -> bool:
    gold = _gold_values(row)
    if check is None or not check.parts or not gold:
        return False
    ours = {p.measure: p.computed for p in check.parts}
    if len(gold) == 1:
        (value,) = gold.values()
        mine = check.parts[0].computed
        return value == mine if value == 0 else abs(mine - value) / abs(value) <= 0.01
    return all(m in ours and abs(ours[m] - v) / abs(v) <= 0.01 for m, v in gold.items())


def _verdict(check: Check | None) -> str:
    return check.verdict if check else "uncheckable"


def score(rows: list[dict[str, str]], found: dict[str, Check | None]) -> dict[str, float | str]:
    n = len(rows)
    right = sum(1 for r in rows if _verdict(found[r["id"]]) == r["verdict"])
    checkable = [r for r in rows if r["verdict"] != "uncheckable"]
    close = sum(1 for r in checkable if within(r, found[r["id"]]))
    said_unch = [r for r in rows if _verdict(found[r["id"]]) == "uncheckable"]
    unch_right = sum(1 for r in said_unch if r["verdict"] == "uncheckable")
    leaks = sum(1 for r in rows if r["verdict"] == "uncheckable" and r not in said_unch)
    return {"n": n, "verdict accuracy": right / n if n else 0.0,
            "within 1% (checkable)": close / len(checkable) if checkable else 0.0,
            "n checkable": len(checkable),
            "uncheckable precision": unch_right / len(said_unch) if said_unch else "n/a",
            "gold-uncheckable given a verdict": leaks}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", action="store_true", help="print every claim")
    ap.add_argument("--no-ingest", action="store_true", help="skip the ingestion timing")
    args = ap.parse_args(argv)
    if not GOLD.is_file():
        print(f"no gold at {GOLD}; nothing to score")
        return
    with open(GOLD, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    ctx = contexts(rows)
    found: dict[str, Check | None] = {}
    cache: dict[tuple[str, str], list[Check]] = {}
    for r in rows:
        key = (r["sentence"], r["source"])
        if key not in cache:
            cache[key] = check_sentence(r["sentence"], date=r["pub_date"] or None, context=ctx[r["source"]])
        found[r["id"]] = match(r, cache[key])
    print(f"figure checks on {GOLD.name} ({machine()})\n")
    splits = {"tune": [r for r in rows if split_of(r["source"]) == "tune"],
              "report": [r for r in rows if split_of(r["source"]) == "report"], "all": rows}
    scores = {k: score(v, found) for k, v in splits.items()}
    metrics = ["n", "verdict accuracy", "within 1% (checkable)", "n checkable", "uncheckable precision",
               "gold-uncheckable given a verdict"]
    targets = {"verdict accuracy": ">= 0.90", "within 1% (checkable)": ">= 0.90",
               "gold-uncheckable given a verdict": "0"}
    print(table(["metric", "tune", "report", "all", "target"],
                [[m, *(_fmt(scores[k][m]) for k in splits), targets.get(m, "")] for m in metrics]))
    if args.rows:
        print()
        out = []
        for r in rows:
            c = found[r["id"]]
            out.append([r["id"], split_of(r["source"]), r["figure"][:34], r["verdict"],
                        c.verdict if c else "-", c.reading.measure[:16] if c else "",
                        c.reading.entity.label[:14] if c and c.reading.entity else "",
                        c.reading.year if c else "",
                        f"{c.computed:.4g}" if c and c.computed is not None else "",
                        r["computed"][:24], "ok" if within(r, c) else ""])
        print(table(["id", "split", "figure", "gold", "ours", "measure", "entity", "year", "computed",
                     "gold computed", "1%"], out))
    # cost: figures already extracted, as the layer gets them
    docs = [(Document.from_text(s, id="b", date=r["pub_date"] or None), ctx[r["source"]])
            for (s, _), r in {(r["sentence"], r["source"]): r for r in rows}.items()]
    extracted = [(d, extract(d), c) for d, c in docs]
    n_fig = sum(len(check_document(d, st, context=c)) for d, st, c in extracted)
    runs = []
    for _ in range(20):
        t0 = time.perf_counter()
        for d, st, c in extracted:
            check_document(d, st, context=c)
        runs.append((time.perf_counter() - t0) * 1000 / max(1, n_fig))
    runs.sort()
    print(f"\ncost: {runs[len(runs) // 2]:.2f} ms per figure checked (median of 20 runs over "
          f"{n_fig} figures in {len(extracted)} sentences; target <= 5 ms)")
    if not args.no_ingest:
        print()
        print(table(["ingestion of the Wikinews corpus", "CPU s", "articles/s (CPU)", "wall s",
                     "check layer ms/article (CPU)"], ingest_cost()))


INGEST = """
import sys, tempfile, time
from claims import pipeline
from claims.check import layer
from claims.store import OxigraphStore
spent = [0.0]
written = layer.FigureChecks.articles_written
def timed(self, store, articles):
    began = time.process_time()
    written(self, store, articles)
    spent[0] += time.process_time() - began
layer.FigureChecks.articles_written = timed
corpus, validate = sys.argv[1], sys.argv[2]
pipeline.ingest([corpus], OxigraphStore(tempfile.mkdtemp() + "/warm"), progress=False, validate=validate)
spent[0] = 0.0
with tempfile.TemporaryDirectory() as folder:
    store = OxigraphStore(folder + "/kb")
    began, cpu = time.perf_counter(), time.process_time()
    report = pipeline.ingest([corpus], store, progress=False, validate=validate)
    print(time.perf_counter() - began, time.process_time() - cpu, len(report.analyses), spent[0])
    store.close()
"""

# (layers, SHACL mode): the default ("auto" validates the first 10 articles of a run, a quarter
# of this corpus), and without SHACL, as every article after the 10th of a big run
CONFIGS = (("none", "auto"), ("check", "auto"), ("all", "auto"), ("none", "none"), ("check", "none"))


def ingest_cost() -> list[list[str]]:
    corpus = SHARED / "corpus" / "wikinews.jsonl"
    if not corpus.exists():
        return [["no ../shared/corpus", "-", "-", "-", "-"]]
    runs: dict[tuple[str, str], list[tuple[float, float, int, float]]] = {c: [] for c in CONFIGS}
    for _ in range(3):
        for layers, validate in runs:
            run = subprocess.run([sys.executable, "-c", INGEST, str(corpus), validate], capture_output=True,
                                 text=True, check=True,
                                 env={**os.environ, "CLAIMS_LAYERS": layers, "PYTHONPATH": str(ROOT / "src")})
            wall, cpu, n, spent = run.stdout.split()
            runs[(layers, validate)].append((float(wall), float(cpu), int(n), float(spent)))
    out = []
    for (layers, validate), found in runs.items():
        cpu = min(c for _, c, _, _ in found)
        n = found[0][2]
        wall = min(w for w, _, _, _ in found)
        layer = min(s for _, _, _, s in found) * 1000 / n if layers != "none" else 0.0
        out.append([f"layers: {layers}, SHACL: {validate}", f"{cpu:.2f}", f"{n / cpu:.0f}", f"{wall:.2f}",
                    f"{layer:.1f}" if layers != "none" else "-"])
    return out


def _fmt(value: float | str) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


if __name__ == "__main__":
    main()
