"""The researchers' questions of issue 17 (``benchmarks/research_queries.py``): each
question's "shaped" form, written for Oxigraph's hash joins and through the articles, gives
the answers of the question as a researcher writes it, on a small synthetic knowledge base
made by the benchmark's own generator and the project's mapping."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import research_queries as rq
import synth

ARTICLES = 240  # about 4,100 statements: every question has answers, the top speaker > 100 quotations


@pytest.fixture(scope="module")
def store() -> ox.Store:
    text, entities, statements, _ = synth.chunk(0, ARTICLES, synth.SEED)
    assert statements > 3000
    store = ox.Store()
    store.load(text + "".join(entities), format=ox.RdfFormat.N_QUADS)
    return store


def rows(store: ox.Store, text: str) -> list[tuple[str, ...]]:
    result = store.query(rq.PREFIXES + text, use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    width = range(len(result.variables))
    return [tuple(str(solution[i]) for i in width) for solution in result]


QUESTIONS = [q for q in rq.questions(synth.people()[0].name) if q.shaped]


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.label for q in QUESTIONS])
def test_the_shaped_form_answers_as_the_question_is_written(store: ox.Store, question: rq.Question) -> None:
    natural, shaped = rows(store, question.text), rows(store, question.shaped or "")
    assert natural, "a question without answers here would test nothing"
    if "LIMIT 100" not in question.text:
        assert Counter(shaped) == Counter(natural)
        return
    # first 100 by date: the same dates in the same order; ties may be broken otherwise, but
    # every row given is one of the question's rows
    assert len(natural) == len(shaped) == 100
    everything = set(rows(store, question.text.replace("LIMIT 100", "")))
    assert len(everything) > 100
    assert [r[2] for r in shaped] == [r[2] for r in natural]
    assert set(shaped) <= everything


def test_the_questions_are_asked_without_graph() -> None:
    for question in rq.questions("X"):
        assert "GRAPH" not in question.text
        assert "GRAPH" not in (question.shaped or "")
