"""The researchers' questions of issue 17 (``benchmarks/research_queries.py``): each
question's "shaped" form, written for Oxigraph's hash joins and through the articles, gives
the answers of the question as a researcher writes it, on a small synthetic knowledge base
made by the benchmark's own generator and the project's mapping."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from claims import query
from claims.store import OxigraphStore

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import research_queries as rq
import synth

ARTICLES = 240  # about 4,100 statements: every question has answers, the top speaker > 100 quotations


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphStore]:
    text, entities, statements, _ = synth.chunk(0, ARTICLES, synth.SEED)
    assert statements > 3000
    store = OxigraphStore(tmp_path_factory.mktemp("kb") / "store")
    store.raw.load(text + "".join(entities), format=ox.RdfFormat.N_QUADS)
    yield store
    store.close()


@pytest.fixture(scope="module")
def store(embedded: OxigraphStore) -> ox.Store:
    return embedded.raw


def rows(store: ox.Store, text: str) -> list[tuple[str, ...]]:
    result = store.query(rq.PREFIXES + text, use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    width = range(len(result.variables))
    return [tuple(getattr(solution[i], "value", "") for i in width) for solution in result]


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


def question(words: str) -> rq.Question:
    return next(q for q in QUESTIONS if words in q.label)


def test_outlet_statements_answers_the_outlets_quarter(store: ox.Store, embedded: OxigraphStore) -> None:
    frame = query.select(embedded, "outlet_statements", outlet=rq.OUTLET, start="2021-01-01",
                         end="2021-04-01")
    expected = rows(store, question("date range").text)
    assert expected and sorted(frame["text"]) == sorted(r[1] for r in expected)
    whole = query.select(embedded, "outlet_statements", outlet=rq.OUTLET)
    assert len(whole) > len(frame) and set(whole["outlet"]) == {rq.OUTLET}


def test_quotations_per_month_answers_the_question(store: ox.Store, embedded: OxigraphStore) -> None:
    frame = query.select(embedded, "quotations_per_month")
    expected = rows(store, question("per month").text)
    assert len(expected) > 10
    assert [(o, m, str(n)) for o, m, n in frame.itertuples(index=False)] == expected


def test_quotations_containing_answers_the_question(store: ox.Store, embedded: OxigraphStore) -> None:
    frame = query.select(embedded, "quotations_containing", word=rq.WORD.upper())
    expected = rows(store, question("containing a word").text)
    found = zip(frame["statement"].map(query.expand), frame["text"], strict=True)
    assert expected and sorted(found) == sorted(expected)
    assert frame["speaker"].notna().all()


WITH_INDEX = [q for q in rq.questions(synth.people()[0].name) if q.index]


@pytest.mark.parametrize("question", WITH_INDEX, ids=[q.label for q in WITH_INDEX])
def test_the_index_view_answers_the_question(store: ox.Store, embedded: OxigraphStore,
                                             question: rq.Question) -> None:
    # the benchmark's "index" column: the statement index's view gives as many rows as the
    # question here (counts per speaker by the speaker as extracted; the top speaker has well
    # over 100 quotations, corrected or not; "pipeline" occurs here as a word of its own)
    path = rq.index_file(embedded, "build")
    assert path is not None and path.exists()
    expected = rows(store, question.text)
    assert expected
    assert rq.index_runner(embedded, path, question.index)("") == len(expected)  # type: ignore[arg-type]
