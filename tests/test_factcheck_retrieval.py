"""Matching's first stage and its ingestion shortcut, on the CheckThat! collection (read from
``../shared/factcheck``; skipped without it)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from claims.factcheck.retrieval import Collection, search_tokens
from claims.factcheck.train import load


@pytest.fixture(scope="module")
def checkthat(shared_dir: Path) -> tuple[Collection, list[tuple[str, str | None, str | None]]]:
    folder = shared_dir / "factcheck"
    if not (folder / "vclaims.jsonl").exists():
        pytest.skip("../shared/factcheck is absent")
    docs, queries, _ = load(folder)
    return Collection(docs), [(q.text, q.speaker, q.date) for q in queries[::5]]


def test_bm25_scores_are_bm25s_scores(checkthat: tuple[Collection, list[tuple[str, str | None, str | None]]]
                                      ) -> None:
    """The indexed add gives bm25s's own sums, a word the query repeats counted twice."""
    fc, queries = checkthat
    repeated = 0
    for text, _, _ in queries:
        query = search_tokens(text)
        if not query:
            continue
        repeated += len(set(query)) < len(query)
        np.testing.assert_allclose(fc.bm25_scores(query), fc.bm25.get_scores(query), rtol=1e-5, atol=1e-6)
        top, scores = fc.bm25_top(query, 20)
        assert list(scores) == sorted(scores, reverse=True) and (scores > 0).all()
        np.testing.assert_allclose(scores, fc.bm25_scores(query)[top])
        assert scores[-1] >= np.sort(fc.bm25_scores(query))[::-1][19] - 1e-6
    assert repeated  # the sample has queries that repeat a word


def test_stored_only_leaves_out_only_sentences_without_a_stored_match(
        checkthat: tuple[Collection, list[tuple[str, str | None, str | None]]]) -> None:
    fc, queries = checkthat
    empty = 0
    for text, speaker, day in queries:
        full = fc.match(text, speaker, day)
        short = fc.match(text, speaker, day, stored_only=True)
        if short:
            assert short == full
        else:
            empty += 1
            assert not any(m.stored for m in full)
    assert 0 < empty < len(queries)
