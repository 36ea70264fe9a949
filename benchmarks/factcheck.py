"""Fact-check memory: matching quality on CheckThat! 2021 2B, match latency, import and
ingestion cost; prints tables.

Run: ``.venv/bin/python benchmarks/factcheck.py`` (``--skip-1m``, ``--skip-ingest`` to leave the
long parts out; ``--cache DIR`` keeps the collection's embeddings between runs).

1. **Quality** on ``../shared/factcheck`` (591 debate sentences, 19,250 PolitiFact fact-checks;
   read its README): plain BM25 over claim + title (bm25s, Lucene, k1 1.5, b 0.75, lower-case
   ``\\w\\w+``, top 100: the README's baseline), and the shipped re-ranker (weights learned on the
   ``train`` queries by ``python -m claims.factcheck.train``), lexical and, with the
   ``embeddings`` extra, with sentence embeddings; MAP@1, MAP@5, MRR, success@5 by split, scored
   as the official scorer does (ties by id descending; a query without a hit scores 0).
2. **Latency** of matching one sentence (the dev queries, p95): against the 19,250, and against
   1,000,000 synthetic fact-checks (the real ones with their words shuffled among fact-checks).
3. **Import**: the 19,250 vclaims into a fresh embedded store (no layer), then again (re-import).
4. **Ingestion** of the Wikinews corpus with the fact-check layer and without (CPU time, best of 3,
   19,250 fact-checks in the store).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bm25s
import numpy as np

from _bench import machine, p95_ms, table
from claims.factcheck import embed
from claims.factcheck.retrieval import Collection, Doc, search_tokens, tokens
from claims.factcheck.train import Query, cached_embeddings, load

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "factcheck"
Ranked = dict[str, list[tuple[str, float]]]


def scores(ranked: Ranked, qrels: dict[str, set[str]], queries: Sequence[Query]) -> dict[str, float]:
    """MAP@1, MAP@5, MRR (depth 100) and success@5 over ``queries`` (ties by id descending)."""
    out = {"MAP@1": 0.0, "MAP@5": 0.0, "MRR": 0.0, "success@5": 0.0}
    for q in queries:
        rel = qrels.get(q.id, set())
        order = [d for d, _ in sorted(ranked.get(q.id, []), key=lambda p: (-p[1], _neg(p[0])))]
        for k in (1, 5):
            hits, total = 0, 0.0
            for i, d in enumerate(order[:k], start=1):
                if d in rel:
                    hits += 1
                    total += hits / i
            out[f"MAP@{k}"] += total / len(rel) if rel else 0.0
        first = next((i for i, d in enumerate(order[:100], start=1) if d in rel), None)
        out["MRR"] += 1 / first if first else 0.0
        out["success@5"] += float(first is not None and first <= 5)
    return {k: v / len(queries) for k, v in out.items()} if queries else out


def _neg(ident: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in ident)  # id descending


def bm25_baseline(docs: Sequence[Doc], queries: Sequence[Query]) -> Ranked:
    retriever = bm25s.BM25(k1=1.5, b=0.75)
    retriever.index([tokens(d.claim + " " + (d.title or "")) for d in docs], show_progress=False)
    out: Ranked = {}
    for q in queries:
        found, s = retriever.retrieve([tokens(q.text)], k=100, show_progress=False)
        out[q.id] = [(docs[i].id, float(v)) for i, v in zip(found[0].tolist(), s[0].tolist(), strict=True)]
    return out


def reranked(fc: Collection, queries: Sequence[Query], vectors: dict[str, np.ndarray | None]) -> Ranked:
    return {q.id: [(m.doc, m.score)
                   for m in fc.match(q.text, q.speaker, q.date, top=100, vector=vectors[q.id])]
            for q in queries}


def quality(rows: list[list[str]], name: str, ranked: Ranked, qrels: dict[str, set[str]],
            queries: Sequence[Query]) -> None:
    for split in ("train", "dev"):
        got = scores(ranked, qrels, [q for q in queries if q.split == split])
        rows.append([name, split, *(f"{got[k]:.3f}" for k in ("MAP@1", "MAP@5", "MRR", "success@5"))])


def latency(fn: Callable[[Query], object], queries: Sequence[Query]) -> tuple[float, float, float]:
    """Median and p95 wall ms, and p95 CPU ms of the process (which a loaded machine
    inflates far less than wall time)."""
    times, cpu = [], []
    for q in queries:
        t, c = time.perf_counter(), time.process_time()
        fn(q)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return float(np.median(times) * 1000), p95_ms(times), p95_ms(cpu)


RECALL_AT = (5, 20, 100, 200, 1000)


def candidate_recall(fc: Collection, queries: Sequence[Query], qrels: dict[str, set[str]],
                     vectors: dict[str, np.ndarray] | None) -> list[list[str]]:
    """Of each split's queries with a relevant fact-check, the share with one among each first
    stage's top k: BM25 (the matcher's tokens), embeddings (best of claim and title cosine), and
    their union (what the re-ranker sees when both give k)."""
    position = {d.id: i for i, d in enumerate(fc.docs)}
    rows = []
    for split in ("train", "dev"):
        found: dict[tuple[str, int], list[bool]] = {}
        for q in queries:
            if q.split != split or not qrels.get(q.id):
                continue
            right = {position[d] for d in qrels[q.id] if d in position}
            stages: dict[str, list[int]] = {}
            query = search_tokens(q.text)
            scores = fc.bm25.get_scores(query) if query else np.zeros(len(fc))
            stages["BM25"] = np.argsort(-scores, kind="stable")[:max(RECALL_AT)].tolist()
            if vectors is not None and fc.embeddings is not None:
                best = np.maximum(fc.embeddings[0] @ vectors[q.id], fc.embeddings[1] @ vectors[q.id])
                stages["embeddings"] = np.argsort(-best, kind="stable")[:max(RECALL_AT)].tolist()
            for k in RECALL_AT:
                union: set[int] = set()
                for name, order in stages.items():
                    top = set(order[:k])
                    union |= top
                    found.setdefault((name, k), []).append(bool(right & top))
                if len(stages) > 1:
                    found.setdefault(("BM25 ∪ embeddings", k), []).append(bool(right & union))
        for name in dict.fromkeys(n for n, _ in found):
            rows.append([name, split, *(f"{np.mean(found[(name, k)]):.3f}" for k in RECALL_AT)])
    return rows


def synthetic(docs: Sequence[Doc], n: int, seed: int = 13) -> list[Doc]:
    """``n`` fact-checks made from the real ones: each real claim's words, a fifth of them swapped
    for words of other claims, with the real claimants and dates."""
    rng = random.Random(seed)
    words = [w for d in docs for w in d.claim.split()]
    out = list(docs)
    while len(out) < n:
        base = docs[rng.randrange(len(docs))]
        claim = " ".join(w if rng.random() > 0.2 else rng.choice(words) for w in base.claim.split())
        out.append(Doc(f"synthetic-{len(out)}", claim, None, base.claimant, base.date))
    return out


def big_latency(docs: Sequence[Doc], dev: Sequence[Query], size: int) -> list[str]:
    """Lexical matching against ``size`` synthetic fact-checks: median and p95 ms."""
    began = time.perf_counter()
    big = Collection(synthetic(docs, size))
    built = time.perf_counter() - began
    med, p95, cpu = latency(lambda q: big.match(q.text, q.speaker, q.date), dev)
    return [f"lexical, {size:,} synthetic (index built in {built:.0f} s)", f"{med:.1f} ms", f"{p95:.1f} ms",
            f"{cpu:.1f} ms"]


def import_rate() -> list[list[str]]:
    from claims.factcheck import import_paths
    from claims.store import OxigraphStore

    os.environ["CLAIMS_LAYERS"] = "none"
    rows = []
    with tempfile.TemporaryDirectory() as folder, OxigraphStore(Path(folder) / "kb") as store:
        for what in ("import 19,250 vclaims (fresh store)", "re-import the same (replaces them)"):
            cpu = time.process_time()
            report = import_paths(store, [DATA / "vclaims.jsonl"])
            cpu = time.process_time() - cpu
            rows.append([what, f"{report.seconds:.2f} s", f"{report.rate:,.0f} /s", f"{cpu:.2f} s",
                         f"{report.imported / cpu:,.0f} /s"])
    return rows


_INGEST = """
import os, sys, tempfile, time
from claims import pipeline, factcheck
from claims.store import OxigraphStore
from claims.reference.people import people
people()
corpus, vclaims = sys.argv[1], sys.argv[2]
with tempfile.TemporaryDirectory() as folder:
    os.environ["CLAIMS_LAYERS"] = "none"
    store = OxigraphStore(folder + "/kb")
    factcheck.import_paths(store, [vclaims])
    os.environ["CLAIMS_LAYERS"] = sys.argv[3]
    pipeline.ingest([corpus], OxigraphStore(tempfile.mkdtemp() + "/warm"), progress=False)
    factcheck.layer.collection(store)  # the collection's index is built once per process
    began, cpu = time.perf_counter(), time.process_time()
    report = pipeline.ingest([corpus], store, progress=False)
    print(time.perf_counter() - began, time.process_time() - cpu, report.statements)
    store.close()
"""


def ingest_cost() -> list[list[str]]:
    corpus = ROOT.parent / "shared" / "corpus" / "wikinews.jsonl"
    if not corpus.exists():
        return [["ingestion (no ../shared/corpus)", "-", "-"]]
    runs: dict[str, list[tuple[float, float]]] = {"link": [], "link,factcheck": []}
    count = 0
    for _ in range(3):
        for layers in runs:
            run = subprocess.run(
                [sys.executable, "-c", _INGEST, str(corpus), str(DATA / "vclaims.jsonl"), layers],
                capture_output=True, text=True, check=True,
                env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "CLAIMS_EMBEDDINGS": "off"})
            wall, cpu, n = run.stdout.split()
            runs[layers].append((float(wall), float(cpu)))
            count = int(n)
    base, on = (min(c for _, c in runs[k]) for k in runs)
    return [[f"ingest Wikinews ({count} statements), layers link (CPU, best of 3)", f"{base:.2f} s", ""],
            ["the same with fact-check matching (link,factcheck)", f"{on:.2f} s",
             f"rate -{(1 - base / on) * 100:.0f}%"]]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=None, help="keep the embeddings here")
    parser.add_argument("--skip-1m", action="store_true")
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--size", type=int, default=1_000_000, help="synthetic collection size")
    parser.add_argument("--only-1m", action="store_true", help="only the synthetic collection's latency")
    args = parser.parse_args(argv)
    if not (DATA / "vclaims.jsonl").exists():
        print("../shared/factcheck is absent: nothing to measure")
        return
    print(f"# fact-check matching ({machine()})\n")
    docs, queries, qrels = load(DATA)
    dev = [q for q in queries if q.split == "dev"]
    if args.only_1m:
        header = ["match one sentence (119 dev queries)", "median", "p95", "p95 CPU"]
        print(table(header, [big_latency(docs, dev, args.size)]))
        return
    rows: list[list[str]] = []
    quality(rows, "BM25 (claim + title)", bm25_baseline(docs, queries), qrels, queries)
    lexical = Collection(docs)
    no_vectors: dict[str, np.ndarray | None] = {q.id: None for q in queries}
    quality(rows, "BM25 + re-ranker (lexical)", reranked(lexical, queries, no_vectors), qrels, queries)
    dense: Collection | None = None
    vectors: dict[str, np.ndarray] | None = None
    enc = embed.encoder()
    if enc is not None:
        embeddings = cached_embeddings(docs, args.cache)
        dense = Collection(docs, encoder=enc, embeddings=embeddings)
        vectors = dict(zip([q.id for q in queries], list(enc([q.text for q in queries])), strict=True))
        quality(rows, "BM25 + embeddings + re-ranker", reranked(dense, queries, dict(vectors)), qrels,
                queries)
    else:
        rows.append(["(no embeddings: extra not installed or CLAIMS_EMBEDDINGS=off)", "", "", "", "", ""])
    print(table(["method", "split", "MAP@1", "MAP@5", "MRR", "success@5"], rows))
    recall = candidate_recall(dense or lexical, queries, qrels, vectors)
    print("\n" + table(["first stage: candidate recall", "split", *(f"@{k}" for k in RECALL_AT)], recall))

    def ms(fc: Collection) -> list[str]:
        return [f"{v:.1f} ms" for v in latency(lambda q: fc.match(q.text, q.speaker, q.date), dev)]

    timing = [["lexical, 19,250 fact-checks", *ms(lexical)]]
    if dense is not None:
        timing.append(["with embeddings (query encoded), 19,250", *ms(dense)])
    if not args.skip_1m:
        timing.append(big_latency(docs, dev, args.size))
    print("\n" + table(["match one sentence (119 dev queries)", "median", "p95", "p95 CPU"], timing))
    print("\n" + table(["import", "time", "rate", "CPU (all threads)", "rate by CPU"], import_rate()))
    if not args.skip_ingest:
        print("\n" + table(["ingestion", "time", ""], ingest_cost()))


if __name__ == "__main__":
    main()
