"""Ranking fact-checks for a sentence: BM25 (bm25s) over each fact-check's claim and headline,
optionally sentence embeddings (the ``embeddings`` extra), re-ranked by a logistic model over
what a fact-checker weighs (:mod:`.features`) with weights shipped in ``reranker.json`` and
rebuilt by :mod:`claims.factcheck.train` on the CheckThat! ``train`` queries.

>>> docs = [Doc("a", "Says crime fell 10% in Chicago.", "Trump on Chicago", "Donald Trump", "2019-10-28"),
...         Doc("b", "Melanin protects against the coronavirus.", "No, it does not", "Facebook posts", None)]
>>> found = Collection(docs).match("Crime in Chicago fell by 10%", speaker="TRUMP", day="2019-10-29")
>>> [(m.doc, m.rank) for m in found]
[('a', 1)]
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import bm25s
import numpy as np
from bm25s.stopwords import STOPWORDS_EN

from claims.factcheck.features import PAIR_FEATURES, Side, content, pair

WEIGHTS = Path(__file__).with_name("reranker.json")
CANDIDATES = 100  # BM25 candidates re-ranked per sentence
DENSE_CANDIDATES = 200  # embedding candidates added (5-fold CV MAP@5 on train: 0.691; 100: 0.681)
MIN_SHARED_WORDS = 2  # a stored match shares two content words at least ("half of the world" is no match)
_TOKEN = re.compile(r"\w\w+")
_STOP = frozenset(STOPWORDS_EN)

__all__ = ["CANDIDATES", "Collection", "Doc", "Encoder", "Match", "Model", "tokens"]


def tokens(text: str) -> list[str]:
    """Lower-case runs of two or more word characters (the plain BM25 baseline's tokens)."""
    return _TOKEN.findall(text.lower())


def search_tokens(text: str) -> list[str]:
    """The matcher's BM25 tokens: :func:`tokens` without Lucene's English stop words, whose long
    posting lists cost the most at a million fact-checks and weigh the least."""
    return [t for t in _TOKEN.findall(text.lower()) if t not in _STOP]


@dataclass(frozen=True, slots=True)
class Doc:
    """A fact-check as matching reads it."""

    id: str
    claim: str
    title: str | None = None
    claimant: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Match:
    """One candidate: the fact-check's id, its rank (1 first), the re-ranker's probability and
    the retrieval scores it rests on."""

    doc: str
    rank: int
    score: float
    bm25: float
    cosine: float | None = None
    stored: bool = False


class Encoder(Protocol):
    """Sentence embeddings, unit length, one row a text."""

    def __call__(self, texts: Sequence[str]) -> np.ndarray: ...


# Scores of a candidate, and where it stands among the sentence's candidates (``_z``: standard
# score within the list; ``_share``: against the best of the list): BM25 and embedding cosines
# are relative to the collection and the sentence, what a ranking compares is relative to the list.
RETRIEVAL_FEATURES = ("bm25_share", "bm25_rr", "bm25_log", "bm25_z")
DENSE_FEATURES = ("cos_claim", "cos_title", "cos_rr", "cos_max", "cos_share", "cos_claim_z",
                  "cos_title_z", "cos_max_z", "cos_claim_share", "cos_title_share")


@dataclass(frozen=True, slots=True)
class Model:
    """A logistic re-ranker: ``features`` names, ``weights`` and ``bias``, ``threshold`` for storing."""

    name: str
    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float = 0.5
    coverage: float = 0.0

    def stored(self, x: np.ndarray, scores: np.ndarray) -> np.ndarray:
        """Which candidates make a stored match: a score at the threshold or above, and a share of
        the content words in common (of the sentence's or the fact-check's) at least ``coverage``
        (the ranking's scores are relative to the collection; this is not)."""
        at = self.features.index("query_coverage")
        return np.asarray((scores >= self.threshold) & (np.maximum(x[:, at], x[:, at + 1]) >= self.coverage))

    def score(self, x: np.ndarray) -> np.ndarray:
        z = ((x - np.asarray(self.mean)) / np.asarray(self.scale)) @ np.asarray(self.weights) + self.bias
        return np.asarray(1.0 / (1.0 + np.exp(-z)))

    def as_json(self) -> dict[str, Any]:
        return {"features": list(self.features), "weights": list(self.weights), "bias": self.bias,
                "mean": list(self.mean), "scale": list(self.scale), "threshold": self.threshold,
                "coverage": self.coverage}


_COS_MAX = len(RETRIEVAL_FEATURES) + DENSE_FEATURES.index("cos_max")


def _standard(values: np.ndarray) -> np.ndarray:
    """Standard scores within a candidate list (zeros for a list of one)."""
    spread = float(values.std())
    return (values - values.mean()) / spread if spread > 0 else np.zeros_like(values)


def features_of(dense: bool) -> tuple[str, ...]:
    return RETRIEVAL_FEATURES + (DENSE_FEATURES if dense else ()) + PAIR_FEATURES


@cache
def shipped() -> dict[str, Model]:
    """The models of ``reranker.json`` by name (``lexical``, ``dense``); empty before training."""
    if not WEIGHTS.exists():
        return {}
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return {name: Model(name, tuple(m["features"]), tuple(m["weights"]), float(m["bias"]),
                        tuple(m["mean"]), tuple(m["scale"]), float(m.get("threshold", 0.5)),
                        float(m.get("coverage", 0.0)))
            for name, m in data.get("models", {}).items()}


class Collection:
    """Fact-checks indexed for matching (BM25 over claim + headline; embeddings when given)."""

    def __init__(self, docs: Sequence[Doc], *, encoder: Encoder | None = None,
                 model: Model | None = None, embeddings: tuple[np.ndarray, np.ndarray] | None = None) -> None:
        self.docs = list(docs)
        self.sides = [Side.of(d.claim + (" " + d.title if d.title else ""), d.claimant, d.date)
                      for d in self.docs]
        self.bm25 = bm25s.BM25(k1=1.5, b=0.75)
        if self.docs:
            self.bm25.index([search_tokens(d.claim + " " + (d.title or "")) for d in self.docs],
                            show_progress=False)
        self.encoder = encoder
        self.embeddings = embeddings
        if encoder is not None and embeddings is None and self.docs:
            self.embeddings = (encoder([d.claim for d in self.docs]),
                               encoder([d.title or d.claim for d in self.docs]))
        dense = self.embeddings is not None
        models = shipped()
        self.model = model or models.get("dense" if dense else "lexical")

    def __len__(self) -> int:
        return len(self.docs)

    # -------------------------------------------------------------- candidates and features

    def bm25_scores(self, query: Sequence[str]) -> np.ndarray:
        """BM25 scores of every fact-check for the query's tokens, summed from bm25s's index (its
        precomputed per-term scores, one column a term). bm25s sums them with ``np.add.at``,
        which costs a second at a million fact-checks; within a term's column a fact-check
        appears once, so a plain indexed add is the same sum, far faster. A word the query repeats
        counts each time, as in bm25s."""
        index = self.bm25.scores
        data, indices, indptr = index["data"], index["indices"], index["indptr"]
        scores = np.zeros(int(index["num_docs"]), dtype=np.float32)
        for term in [self.bm25.vocab_dict[t] for t in query if t in self.bm25.vocab_dict]:  # twice if twice
            start, end = int(indptr[term]), int(indptr[term + 1])
            scores[indices[start:end]] += data[start:end]
        return scores

    def bm25_top(self, query: Sequence[str], k: int) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` best fact-checks by BM25 with a score above zero, best first (ties by
        position), and their scores."""
        scores = self.bm25_scores(query)
        hit = np.flatnonzero(scores > 0)
        if len(hit) > k:
            hit = hit[np.argpartition(-scores[hit], k - 1)[:k]]
        order = hit[np.lexsort((hit, -scores[hit]))]
        return order, scores[order].astype(np.float64)

    def candidates(self, text: str, *, vector: np.ndarray | None = None, k: int = CANDIDATES,
                   k_dense: int = DENSE_CANDIDATES) -> tuple[np.ndarray, np.ndarray]:
        """Candidate rows (indices into the docs): BM25's top ``k`` and, with a vector, the
        embeddings' top ``k``; and their retrieval features (:data:`RETRIEVAL_FEATURES`, then
        :data:`DENSE_FEATURES` with a vector), one row each."""
        n = len(self.docs)
        query = search_tokens(text)
        order: list[int] = []
        bm25_of: dict[int, float] = {}
        rank_of: dict[int, int] = {}
        if query and n:
            top, scores = self.bm25_top(query, min(k, n))
            for r, (i, s) in enumerate(zip(top.tolist(), scores.tolist(), strict=True), start=1):
                order.append(i)
                bm25_of[i], rank_of[i] = s, r
        dense_rank: dict[int, int] = {}
        cosines: tuple[np.ndarray, np.ndarray] | None = None
        if self.embeddings is not None and vector is not None and n:
            cos_claim, cos_title = self.embeddings[0] @ vector, self.embeddings[1] @ vector
            best = np.maximum(cos_claim, cos_title)
            top = np.argpartition(-best, min(k_dense, n) - 1)[:k_dense]
            top = top[np.argsort(-best[top])]
            for r, i in enumerate(top.tolist(), start=1):
                dense_rank[i] = r
                if i not in rank_of:
                    order.append(i)
            cosines = cos_claim, cos_title
        if not order:
            return np.zeros(0, dtype=np.int64), np.zeros((0, 0))
        idx = np.asarray(order, dtype=np.int64)
        bm25 = np.asarray([bm25_of.get(i, 0.0) for i in order])
        logs = np.log1p(bm25)
        bm25_rr = np.asarray([1.0 / rank_of[i] if i in rank_of else 0.0 for i in order])
        columns = [bm25 / (bm25.max() or 1.0), bm25_rr, logs, _standard(logs)]
        if cosines is not None:
            claim, title = cosines[0][idx].astype(np.float64), cosines[1][idx].astype(np.float64)
            best = np.maximum(claim, title)
            dense_rr = np.asarray([1.0 / dense_rank[i] if i in dense_rank else 0.0 for i in order])
            columns += [claim, title, dense_rr, best, best - best.max(), _standard(claim),
                        _standard(title), _standard(best), claim - claim.max(), title - title.max()]
        return idx, np.column_stack(columns)

    def feature_matrix(self, text: str, speaker: str | None = None, day: str | None = None, *,
                       vector: np.ndarray | None = None,
                       found: tuple[np.ndarray, np.ndarray] | None = None
                       ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Candidates, the full feature matrix, and the BM25 scores (for the stored match);
        ``found``: the candidates and retrieval features, when already at hand."""
        idx, retrieval = found if found is not None else self.candidates(text, vector=vector)
        if not len(idx):
            return idx, retrieval, np.zeros(0)
        side = Side.of(text, speaker, day)
        pairs = np.asarray([pair(side, self.sides[i]) for i in idx.tolist()], dtype=np.float64)
        return idx, np.hstack([retrieval, pairs]), retrieval[:, 2]

    def _storable(self, text: str, idx: np.ndarray) -> np.ndarray:
        """Which candidates share enough content words to make a stored match, whatever their
        score: :data:`MIN_SHARED_WORDS`, and the model's ``coverage`` of either side."""
        words = content(text)
        shared = np.asarray([len(words & self.sides[i].content) for i in idx.tolist()], dtype=np.float64)
        ok = shared >= MIN_SHARED_WORDS
        if self.model is not None and words:
            sizes = np.asarray([len(self.sides[i].content) or 1 for i in idx.tolist()], dtype=np.float64)
            ok &= np.maximum(shared / len(words), shared / sizes) >= self.model.coverage
        return np.asarray(ok & bool(words))

    # -------------------------------------------------------------- matching

    def vector(self, text: str) -> np.ndarray | None:
        return self.encoder([text])[0] if self.encoder is not None and self.embeddings is not None else None

    def match(self, text: str, speaker: str | None = None, day: str | None = None, *,
              top: int = 20, vector: np.ndarray | None = None, stored_only: bool = False) -> list[Match]:
        """The best ``top`` fact-checks for a sentence, best first. ``stored_only``: nothing when
        no candidate shares enough words to be stored (ingestion's case for most sentences;
        the pairwise features are then never computed), else the same list."""
        if vector is None:
            vector = self.vector(text)
        found = self.candidates(text, vector=vector)
        if not len(found[0]):
            return []
        storable = self._storable(text, found[0])
        if stored_only and not storable.any():
            return []
        idx, x, bm25_log = self.feature_matrix(text, speaker, day, found=found)
        scores = x[:, 0] if self.model is None else self.model.score(x)  # untrained: BM25 alone
        keep = self.model.stored(x, scores) if self.model is not None else np.zeros(len(idx), dtype=bool)
        keep &= storable
        order = np.lexsort((-idx, -scores))[:top]
        dense = x.shape[1] > len(RETRIEVAL_FEATURES) + len(PAIR_FEATURES)
        return [Match(self.docs[int(idx[j])].id, r, float(scores[j]), float(math.expm1(bm25_log[j])),
                      float(x[j, _COS_MAX]) if dense else None, bool(keep[j]))
                for r, j in enumerate(order.tolist(), start=1)]
