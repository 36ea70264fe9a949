"""Rebuild the re-ranker's weights (``reranker.json``) from the CheckThat! 2021 2B data.

    python -m claims.factcheck.train ../shared/factcheck [--cache DIR]

Learns a logistic model over the candidates of the ``train`` queries (a relevant fact-check
is a positive, every other candidate a negative, the classes weighted to balance), one model
without embeddings (``lexical``) and, when the ``embeddings`` extra is installed, one with
them (``dense``); prints MAP@5 on train and dev. Never tuned on ``dev``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from claims.factcheck.embed import encoder
from claims.factcheck.retrieval import WEIGHTS, Collection, Doc, Model, features_of

PRECISION = 0.7  # of the stored matches, on the train queries' candidates
COVERAGE_PERCENTILE = 20  # a stored match shares at least the words of the 20% least worded right pairs


@dataclass(frozen=True, slots=True)
class Query:
    id: str
    text: str
    speaker: str | None
    date: str | None
    split: str


def load(folder: Path) -> tuple[list[Doc], list[Query], dict[str, set[str]]]:
    """The collection, the queries and the relevant pairs of a CheckThat! folder."""
    def lines(name: str) -> list[dict[str, str]]:
        return [json.loads(line) for line in (folder / name).read_text(encoding="utf-8").splitlines()]

    docs = [Doc(r["id"], r["claim"], r.get("title"), r.get("speaker"), r.get("date"))
            for r in lines("vclaims.jsonl")]
    queries = [Query(r["id"], r["text"], r.get("speaker"), r.get("date"), r.get("split", "dev"))
               for r in lines("queries_dev.jsonl")]
    qrels: dict[str, set[str]] = {}
    for line in (folder / "qrels_dev.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip():
            q, d = line.split("\t")[:2]
            qrels.setdefault(q, set()).add(d)
    return docs, queries, qrels


def average_precision(ranked: Sequence[str], relevant: set[str], k: int = 5) -> float:
    hits, total = 0, 0.0
    for i, doc in enumerate(ranked[:k], start=1):
        if doc in relevant:
            hits += 1
            total += hits / i
    return total / len(relevant) if relevant else 0.0


PENALTIES = (1e-4, 1e-3, 1e-2)  # L2 penalties tried, chosen by 5-fold cross-validation on train
FOLDS = 5


def fit(x: np.ndarray, y: np.ndarray, *, l2: float = 1e-3,
        steps: int = 50) -> tuple[np.ndarray, float, np.ndarray, np.ndarray]:
    """Logistic regression by Newton's method on standardised features, classes balanced
    (each class weighs one half), an L2 penalty ``l2`` on the weights (not the bias)."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    pos = y.sum()
    weight = np.where(y == 1, 0.5 / max(pos, 1), 0.5 / max(len(y) - pos, 1))
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0
    w = np.zeros(z.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(z @ w, -30, 30)))
        gradient = z.T @ ((p - y) * weight) + penalty * w
        hessian = (z * (weight * p * (1 - p))[:, None]).T @ z + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return w[:-1], float(w[-1]), mean, scale


@dataclass(frozen=True, slots=True)
class Candidates:
    """One query's candidates: their features, which are right, and how many are right in all."""

    x: np.ndarray
    y: np.ndarray
    relevant: int


def _map5(lists: Sequence[Candidates], w: np.ndarray, b: float, mean: np.ndarray, scale: np.ndarray) -> float:
    aps = []
    for c in lists:
        if not len(c.y):
            aps.append(0.0)
            continue
        order = np.argsort(-(((c.x - mean) / scale) @ w + b), kind="stable")[:5]
        hits = np.cumsum(c.y[order])
        aps.append(float((c.y[order] * hits / np.arange(1, len(order) + 1)).sum()) / c.relevant)
    return float(np.mean(aps)) if aps else 0.0


def penalty(lists: Sequence[Candidates]) -> float:
    """The L2 penalty of :data:`PENALTIES` with the best MAP@5 in cross-validation (queries
    dealt to folds in order)."""
    best, chosen = -1.0, PENALTIES[0]
    for l2 in PENALTIES:
        scores = []
        for fold in range(FOLDS):
            rest = [c for i, c in enumerate(lists) if i % FOLDS != fold and len(c.y)]
            held = [c for i, c in enumerate(lists) if i % FOLDS == fold]
            x, y = np.vstack([c.x for c in rest]), np.concatenate([c.y for c in rest])
            scores.append(_map5(held, *fit(x, y, l2=l2)))
        if float(np.mean(scores)) > best:
            best, chosen = float(np.mean(scores)), l2
    return chosen


_encoded: dict[str, np.ndarray] = {}  # the queries' vectors, encoded once a run


def vectors(queries: Iterable[Query], collection: Collection) -> dict[str, np.ndarray | None]:
    qs = list(queries)
    if collection.encoder is None or collection.embeddings is None:
        return {q.id: None for q in qs}
    new = sorted({q.text for q in qs} - _encoded.keys())
    if new:
        _encoded.update(zip(new, collection.encoder(new), strict=True))
    return {q.id: _encoded[q.text] for q in qs}


def train(collection: Collection, queries: Sequence[Query], qrels: dict[str, set[str]],
          name: str) -> Model:
    vec = vectors(queries, collection)
    lists = []
    for q in queries:
        if q.split != "train" or not qrels.get(q.id):
            continue
        idx, x, _ = collection.feature_matrix(q.text, q.speaker, q.date, vector=vec[q.id])
        right = qrels[q.id]
        lists.append(Candidates(x, np.asarray([collection.docs[i].id in right for i in idx.tolist()],
                                              dtype=np.float64), len(right)))
    kept_lists = [c for c in lists if len(c.y)]
    x, y = np.vstack([c.x for c in kept_lists]), np.concatenate([c.y for c in kept_lists])
    l2 = penalty(lists)
    w, b, mean, scale = fit(x, y, l2=l2)
    print(f"{name}: L2 penalty {l2:g} (cross-validated on train)")
    model = Model(name, features_of(collection.embeddings is not None), tuple(w.tolist()), float(b),
                  tuple(mean.tolist()), tuple(scale.tolist()))
    at = model.features.index("query_coverage")
    coverage = np.maximum(x[:, at], x[:, at + 1])
    floor = float(np.percentile(coverage[y == 1], COVERAGE_PERCENTILE))
    kept = coverage >= floor
    return replace(model, threshold=threshold(model.score(x[kept]), y[kept]), coverage=floor)


def threshold(scores: np.ndarray, y: np.ndarray, precision: float = PRECISION) -> float:
    """The lowest score at which the train candidates scored at or above it are right at least
    ``precision`` of the time: what a stored match must reach."""
    order = np.argsort(-scores)
    right = np.cumsum(y[order]) / np.arange(1, len(y) + 1)
    ok = np.nonzero(right >= precision)[0]
    return float(scores[order][ok[-1]]) if len(ok) else 1.0


def evaluate(collection: Collection, queries: Sequence[Query], qrels: dict[str, set[str]],
             split: str) -> float:
    vec = vectors(queries, collection)
    aps = [average_precision([m.doc for m in collection.match(q.text, q.speaker, q.date, top=5,
                                                               vector=vec[q.id])], qrels.get(q.id, set()))
           for q in queries if q.split == split]
    return float(np.mean(aps)) if aps else 0.0


def cached_embeddings(docs: Sequence[Doc], cache_dir: Path | None) -> tuple[np.ndarray, np.ndarray] | None:
    enc = encoder()
    if enc is None:
        return None
    if cache_dir is not None and (cache_dir / "claims.npy").exists():
        return np.load(cache_dir / "claims.npy"), np.load(cache_dir / "titles.npy")
    pair = enc([d.claim for d in docs]), enc([d.title or d.claim for d in docs])
    if cache_dir is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        np.save(cache_dir / "claims.npy", pair[0])
        np.save(cache_dir / "titles.npy", pair[1])
    return pair


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the CheckThat! folder (../shared/factcheck)")
    parser.add_argument("--cache", type=Path, help="where to keep the collection's embeddings")
    args = parser.parse_args(argv)
    docs, queries, qrels = load(args.folder)
    models: dict[str, Model] = {}
    lexical = Collection(docs, model=None)
    models["lexical"] = train(lexical, queries, qrels, "lexical")
    lexical.model = models["lexical"]
    print(f"lexical: MAP@5 train {evaluate(lexical, queries, qrels, 'train'):.3f} "
          f"dev {evaluate(lexical, queries, qrels, 'dev'):.3f}")
    embeddings = cached_embeddings(docs, args.cache)
    if embeddings is not None:
        dense = Collection(docs, encoder=encoder(), embeddings=embeddings, model=None)
        models["dense"] = train(dense, queries, qrels, "dense")
        dense.model = models["dense"]
        print(f"dense: MAP@5 train {evaluate(dense, queries, qrels, 'train'):.3f} "
              f"dev {evaluate(dense, queries, qrels, 'dev'):.3f}")
    WEIGHTS.write_text(json.dumps({"trained_on": "CheckThat! 2021 2B train (472 queries)",
                                   "models": {k: m.as_json() for k, m in models.items()}}, indent=1) + "\n",
                       encoding="utf-8")
    print(f"wrote {WEIGHTS}")


if __name__ == "__main__":
    main()
