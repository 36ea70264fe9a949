"""Score the speaker linker and measure what it costs; prints tables.

Run: ``.venv/bin/python benchmarks/linking.py`` (``--no-ingest`` skips the ingestion timing).

1. **Gold (dev)**: ``../shared/reference/gold/speaker_links_dev.csv`` (54 mentions), linked
   twice: with the gold's ``context`` (a sentence or two, as ``claims link --mentions``
   gets it) and with the whole source article where ``../shared`` has it (PolNeAR dev, the
   Wikinews corpus, the founding article), as ingestion gets it. Accuracy counts a NIL as
   right when the gold is NIL; "in the tables" restricts to gold QIDs the shipped tables
   hold (the rest cannot be linked from them); NIL precision and recall; role-only rows are
   those whose gold method is "role + date". The dev gold was only measured, never tuned on.
2. **Own cases**: ``tests/data/link_mentions.jsonl`` (sentences written for the tests: each
   kind of mention, and NIL cases — anonymous sources, private persons, organisations,
   people absent from the tables, common surnames).
3. **Cost**: loading the people tables in a fresh process (the first link pays it, once),
   linking one mention, and ingestion of the Wikinews corpus with the speaker-link layer
   and without it (``CLAIMS_LAYERS``), per statement.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import machine, table
from claims.link.linker import Linker
from claims.reference.people import people

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "reference" / "gold" / "speaker_links_dev.csv"
OWN = ROOT / "tests" / "data" / "link_mentions.jsonl"


def articles() -> dict[str, str]:
    """Source texts by the keys the gold's ``source`` column uses."""
    texts: dict[str, str] = {}
    polnear = SHARED / "eval" / "polnear_dev" / "polnear_dev_articles.jsonl"
    if polnear.exists():
        for line in polnear.open(encoding="utf-8"):
            record = json.loads(line)
            texts[f"polnear:{record['id']}"] = record["text"]
    wikinews = SHARED / "corpus" / "wikinews.jsonl"
    if wikinews.exists():
        for line in wikinews.open(encoding="utf-8"):
            record = json.loads(line)
            texts[record["url"]] = record["text"]
    seed = SHARED / "seed" / "sco-summit-samarkand.txt"
    if seed.exists():
        texts["seed"] = seed.read_text(encoding="utf-8")
    return texts


def source_text(row: dict[str, str], texts: dict[str, str]) -> str | None:
    source = row["source"]
    if source.startswith("PolNeAR dev: "):
        prefix = "polnear:" + source.removeprefix("PolNeAR dev: ").strip()
        found = [t for k, t in texts.items() if k.startswith(prefix)]
        return found[0] if len(found) == 1 else None
    if source.startswith("seed:"):
        return texts.get("seed")
    return texts.get(source.strip())


def _share(hits: int, of: int) -> str:
    return f"{hits / of:.3f} ({of})" if of else "-"


def score(rows: list[dict[str, str]], predicted: list[str | None]) -> dict[str, str]:
    gold = [r["gold"] for r in rows]
    got = [p or "NIL" for p in predicted]
    known = people().persons
    right = [g == p for g, p in zip(gold, got, strict=True)]
    in_tables = [ok for ok, g in zip(right, gold, strict=True) if g in known]
    said_nil = [g for g, p in zip(gold, got, strict=True) if p == "NIL"]
    gold_nil = [p for g, p in zip(gold, got, strict=True) if g == "NIL"]
    roles = [ok for ok, r in zip(right, rows, strict=True)
             if (r.get("method") or r.get("kind") or "").startswith("role")]
    return {
        "mentions": str(len(rows)),
        "accuracy": f"{sum(right) / len(rows):.3f}",
        "accuracy, QID in tables": _share(sum(in_tables), len(in_tables)),
        "NIL precision": _share(said_nil.count("NIL"), len(said_nil)),
        "NIL recall": _share(gold_nil.count("NIL"), len(gold_nil)),
        "wrong QID where gold NIL": str(sum(1 for p in gold_nil if p != "NIL")),
        "role-only accuracy": _share(sum(roles), len(roles)),
    }


def link_all(rows: Iterable[dict[str, str]], texts: dict[str, str] | None) -> list[str | None]:
    out: list[str | None] = []
    for row in rows:
        context = row["context"]
        if texts is not None:
            context = source_text(row, texts) or context
        out.append(Linker(context, row["date"]).link(row["mention"]).qid)
    return out


def gold_rows() -> list[dict[str, str]]:
    with GOLD.open(encoding="utf-8", newline="") as fh:
        return [{**r, "gold": r["gold_qid"], "date": r["article_date"]} for r in csv.DictReader(fh)]


def own_rows() -> list[dict[str, str]]:
    return [json.loads(line) for line in OWN.open(encoding="utf-8") if line.strip()]


def misses(rows: list[dict[str, str]], predicted: list[str | None]) -> list[list[str]]:
    known = people().persons
    return [[r["id"], r["mention"][:44], p or "NIL", r["gold"], "yes" if r["gold"] in known else "no"]
            for r, p in zip(rows, predicted, strict=True) if (p or "NIL") != r["gold"]]


LOAD = """
import time, gc
t0, c0 = time.perf_counter(), time.process_time()
from claims.reference.people import people
t1, c1 = time.perf_counter(), time.process_time()
people()
t2, c2 = time.perf_counter(), time.process_time()
from claims.link.linker import Linker
Linker("", "2022-09-15").link("Putin")
t3, c3 = time.perf_counter(), time.process_time()
print(t2 - t1, c2 - c1, t3 - t2, c3 - c2)
"""


def load_cost(runs: int = 5) -> list[list[str]]:
    """Seconds to load the people tables (and link a first mention) in a fresh process."""
    wall, cpu, first, first_cpu = [], [], [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        w, c, f, fc = (float(x) for x in out.stdout.split())
        wall.append(w)
        cpu.append(c)
        first.append(f)
        first_cpu.append(fc)
    return [["load the people tables, first use (wall, median of 5)", f"{statistics.median(wall):.3f} s"],
            ["load the people tables, first use (CPU)", f"{statistics.median(cpu):.3f} s"],
            ["then the first link: countries, indexes (wall / CPU)",
             f"{statistics.median(first) * 1000:.0f} / {statistics.median(first_cpu) * 1000:.0f} ms"]]


def link_cost(rows: list[dict[str, str]]) -> list[list[str]]:
    """Milliseconds to link one mention, a Linker (its context read) made per mention."""
    people()
    began = time.perf_counter()
    rounds = 5
    for _ in range(rounds):
        link_all(rows, None)
    per = (time.perf_counter() - began) / (rounds * len(rows))
    return [["link one mention (sentence context, new Linker each)", f"{per * 1000:.2f} ms"]]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-ingest", action="store_true", help="skip the ingestion timing")
    args = ap.parse_args(argv)
    print(f"# Speaker linking ({machine()})\n")
    own = own_rows()
    if GOLD.exists():
        rows = gold_rows()
        texts = articles()
        by_sentence, by_article = link_all(rows, None), link_all(rows, texts)
        found = sum(1 for r in rows if source_text(r, texts))
        sentence, article = score(rows, by_sentence), score(rows, by_article)
        print(f"## Dev gold ({len(rows)} mentions; {found} with their source article in ../shared)\n")
        print(table(["", "sentence context", "article context"],
                    [[k, sentence[k], article[k]] for k in sentence]))
        print("\nMisses with the article context ('in tables': whether the shipped tables hold the "
              "gold QID):\n")
        print(table(["id", "mention", "linked", "gold", "in tables"], misses(rows, by_article)))
    else:
        print(f"(no dev gold at {GOLD}: skipped)")
    predicted = link_all(own, None)
    print(f"\n## Own cases ({OWN.relative_to(ROOT)})\n")
    print(table(["", "value"], list(score(own, predicted).items())))
    wrong = misses(own, predicted)
    if wrong:
        print(table(["id", "mention", "linked", "gold", "in tables"], wrong))
    print("\n## Cost\n")
    rows_for_cost = gold_rows() if GOLD.exists() else own
    cost = load_cost() + link_cost(rows_for_cost)
    if not args.no_ingest:
        cost += ingest_cost()
    print(table(["what", "time"], cost))


def ingest_cost() -> list[list[str]]:
    """Ingestion of the Wikinews corpus into a fresh embedded store, with the speaker-link
    layer and without any layer, per statement: CPU time of the process (steadier than wall
    time on a shared machine), best of three, after a warm-up ingestion in the same process
    (the people tables and the extractor's one-off costs are paid there)."""
    corpus = SHARED / "corpus" / "wikinews.jsonl"
    if not corpus.exists():
        return [["ingestion (no ../shared/corpus)", "-"]]
    code = f"""
import os, sys, tempfile, time
from claims import pipeline
from claims.store import OxigraphStore
from claims.reference.people import people
people()  # loaded once per process: the load is measured apart
pipeline.ingest([{str(corpus)!r}], OxigraphStore(tempfile.mkdtemp() + "/warm"), progress=False)
with tempfile.TemporaryDirectory() as folder:
    store = OxigraphStore(folder + "/kb")
    began, cpu = time.perf_counter(), time.process_time()
    report = pipeline.ingest([{str(corpus)!r}], store, progress=False)
    print(time.perf_counter() - began, time.process_time() - cpu, report.statements)
    store.close()
"""
    runs: dict[str, list[tuple[float, float]]] = {"none": [], "link": []}
    count = 0
    for _ in range(3):  # alternated, so that a busy moment hurts both alike
        for layers in runs:
            run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                 env={**os.environ, "CLAIMS_LAYERS": layers, "PYTHONPATH": str(ROOT / "src")})
            wall, cpu, n = run.stdout.split()
            runs[layers].append((float(wall), float(cpu)))
            count = int(n)
    base = min(c for _, c in runs["none"])
    linked = min(c for _, c in runs["link"])
    return [[f"ingest 39 Wikinews articles, {count} statements, no layer (CPU, best of 3)", f"{base:.2f} s"],
            ["the same with the speaker-link layer (CPU, best of 3)", f"{linked:.2f} s"],
            ["linking's cost per statement (CPU)", f"{(linked - base) / count * 1000:.2f} ms"],
            ["wall, no layer / with it (best of 3)",
             f"{min(w for w, _ in runs['none']):.2f} s / {min(w for w, _ in runs['link']):.2f} s"]]


if __name__ == "__main__":
    main()
