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
   the shorter >= 0.8, as re-implemented here) are scored in the same run.
3. **Cost** (``--sizes``): matching on ``benchmarks/synth.py`` articles (see
   :func:`cost_part`); ``--rebuild N``: a full rebuild of a synthetic store of N statements
   (:func:`rebuild_part`).
2. **PolNeAR corpus**: the 924 dev + train articles ingested into an embedded store with
   the layer: claims, their sizes, outlets, independent sources, misquote flags,
   syndicated copies.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import string
import sys
import tempfile
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import table
from claims.pipeline import ingest
from claims.query import select
from claims.store import OxigraphStore
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


POLNEAR = [SHARED / "eval" / "polnear_dev" / "polnear_dev_articles.jsonl",
           SHARED / "eval" / "polnear_train" / "polnear_train_articles.jsonl"]


def corpus_part(show: int) -> None:
    """Ingest the PolNeAR dev + train articles with the claim-tracking layer and print the
    claims: sizes, outlets, independent sources, misquote flags, and the biggest ones."""
    if not all(p.exists() for p in POLNEAR):
        print(f"(no {POLNEAR[0].parent.parent}: corpus part skipped)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CLAIMS_LAYERS"] = "none"
        bare = OxigraphStore(Path(tmp) / "bare")
        begun = time.perf_counter()
        ingest([str(p) for p in POLNEAR], bare, progress=False)
        without = time.perf_counter() - begun
        bare.close()
        os.environ["CLAIMS_LAYERS"] = "track"
        store = OxigraphStore(Path(tmp) / "kb")
        begun = time.perf_counter()
        report = ingest([str(p) for p in POLNEAR], store, progress=False)
        seconds = time.perf_counter() - begun
        if report.stale_layers:
            print(f"\n(the layer failed, stale: {', '.join(report.stale_layers)}: figures below are wrong)")
        heads = select(store, "first_reports")
        members = select(store, "claim_members")
        flagged = select(store, "misquotes")
        syndicated = select(store, "syndicated")
        articles = len(report.analyses) + len(report.skipped)
        print(f"\n## PolNeAR dev + train ({articles} articles, {report.statements} statements, "
              f"ingested with the layer in {seconds:.1f} s, {articles / seconds:.1f} articles/s; "
              f"without any layer {without:.1f} s: the layer adds "
              f"{(seconds - without) / articles * 1000:.0f} ms an article)\n")
        sizes = Counter(int(n) for n in heads["members"]) if len(heads) else Counter()
        reported = members[members["wording"] == "reported"] if len(members) else members
        quoted = members[members["wording"] != "reported"] if len(members) else members
        print(table(["claims", "members", "quotations in claims", "reported speech in claims",
                     "sizes (members: claims)", "misquote flags", "syndicated copies"],
                    [[len(heads), len(members), quoted["statement"].nunique() if len(quoted) else 0,
                      reported["statement"].nunique() if len(reported) else 0,
                      ", ".join(f"{k}: {v}" for k, v in sorted(sizes.items())), len(flagged),
                      len(syndicated)]]))
        if len(heads):
            top = heads.sort_values(["independent", "members"], ascending=False).head(show)
            print("\n### Biggest claims\n")
            print(table(["members", "outlets", "independent", "first seen", "first outlet", "canonical"],
                        [[r.members, r.outlets, r.independent, r.first_seen, r.first_outlet,
                          str(r.canonical)[:70]] for r in top.itertuples()]))
        if len(flagged):
            print("\n### Misquote flags\n")
            print(table(["outlet", "date", "changes", "text"],
                        [[r.outlet, r.date, str(r.changes)[:50], str(r.text)[:60]]
                         for r in flagged.itertuples()]))
        store.close()


def cost_part(sizes: list[int], new: int = 100) -> None:
    """Matching cost on ``benchmarks/synth.py`` articles: the working state filled with about
    N statements through the tracker (the rebuild path, without store reads) and every
    claim's graphs built once (as a rebuild does: canonical wordings recorded), then ``new``
    more articles matched and their graphs built (CPU time, no store write)."""
    import synth
    from claims.model import iris
    from claims.store import MemoryStore
    from claims.track.layer import Writer, _rows
    from claims.track.matching import ArticleInfo, Tracker
    from claims.track.state import State

    rows = []
    for size in sizes:
        count = synth.articles_for(size)
        store = MemoryStore()
        state = State.of(store)
        tracker = Tracker(state)

        def add(doc: Any, statements: Any, tracker: Tracker = tracker) -> set[str]:
            info = ArticleInfo(str(iris.graph_iri(doc)), str(iris.article_iri(doc)), doc.content_hash,
                               doc.publisher, doc.derived_from, (doc.date or "")[:10], doc.text)
            return tracker.add_article(info, _rows(doc, statements))

        articles = list(synth.iter_articles(count + new))
        begun = time.process_time()
        with state.transaction():
            for doc, statements in articles[:count]:
                add(doc, statements)
        fill = time.process_time() - begun
        writer = Writer(state, tracker)
        with state.transaction():  # the graphs a rebuild writes (canonical wordings recorded)
            writer.claim_graphs({c for c, _ in state.sizes()})
        tracker.dirty.clear()
        tracker.full.clear()
        match = build = 0.0
        with state.transaction():
            for doc, statements in articles[count:]:
                t = time.process_time()
                touched = add(doc, statements)
                u = time.process_time()
                writer.claim_graphs(touched)
                tracker.dirty.clear()
                match, build = match + u - t, build + time.process_time() - u
        biggest = max((n for _, n in state.sizes()), default=0)
        rows.append([size, len(state), f"{fill / count * 1000:.1f}", f"{match / new * 1000:.1f}",
                     f"{build / new * 1000:.1f}", len(state.sizes()), biggest])
    print("\n## Matching cost (synthetic articles, CPU ms an article)\n")
    print(table(["statements", "quotations tracked", "fill (rebuild path)", "matching a new article",
                 "building its graphs", "claims", "biggest claim"], rows))


def rebuild_part(sizes: list[int]) -> None:
    """A full rebuild of the layer (``claims track rebuild``) on a copy of the
    ``benchmarks/synth.py`` store of N statements: store reads, matching, every graph written
    (wall and CPU seconds)."""
    import shutil

    from _bench import cached_store
    from claims.track.layer import LAYER

    rows = []
    for size in sizes:
        folder, meta = cached_store(size)
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "kb"
            shutil.copytree(folder, copy)
            store = OxigraphStore(copy)
            wall, cpu = time.perf_counter(), time.process_time()
            LAYER.rebuild(store)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            claims = len(select(store, "first_reports"))
            store.close()
        articles = int(str(meta.get("articles", 0)) or 0)
        rows.append([size, articles, f"{wall:.1f}", f"{cpu:.1f}",
                     f"{cpu / max(1, articles) * 1000:.1f}", claims])
    print("\n## Full rebuild (claims track rebuild, synthetic store copy)\n")
    print(table(["statements", "articles", "wall s", "CPU s", "CPU ms an article", "claims"], rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs-only", action="store_true", help="only score the pairs")
    parser.add_argument("--show", type=int, default=15, help="biggest claims to list")
    parser.add_argument("--sizes", type=int, nargs="*", default=[10000],
                        help="statements for the cost part (synthetic)")
    parser.add_argument("--rebuild", type=int, nargs="*", default=[],
                        help="statements of synthetic stores to time a full rebuild on")
    args = parser.parse_args()
    pairs_part()
    if not args.pairs_only:
        corpus_part(args.show)
        cost_part(args.sizes)
        if args.rebuild:
            rebuild_part(args.rebuild)


if __name__ == "__main__":
    main()
