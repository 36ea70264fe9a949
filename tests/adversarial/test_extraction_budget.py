"""A hostile article stops at its time budget with a coded error; the batch goes on.
(How the time grows with hostile patterns is measured by benchmarks/hostile_extraction.py.)"""

from __future__ import annotations

import pytest

from claims.document import Document
from claims.errors import ExtractionTimeout
from claims.extract import extract
from claims.extract.quotes import sentence_of
from claims.pipeline import ingest
from claims.statements import Span
from claims.store import MemoryStore


def test_an_article_past_its_budget_fails_coded_and_the_batch_goes_on(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_EXTRACT_SECONDS", "0")
    hostile = Document(id="hostile", text="He said " + '" word ' * 40_000)  # some 20 s unbounded
    plain = Document(id="plain", text="The weather was mild across the region on Tuesday.")
    with pytest.raises(ExtractionTimeout):
        extract(hostile)
    monkeypatch.setenv("CLAIMS_EXTRACT_SECONDS", "1")  # the plain article needs milliseconds
    report = ingest([hostile, plain], MemoryStore())
    assert [f.code for f in report.failures] == ["extraction-timeout"]
    assert [a.document.id for a in report.analyses] == ["plain"]


def test_sentences_found_through_the_cache_are_the_sentences() -> None:
    text = "One two. Three four! Five? Six seven eight."
    para = Span(0, len(text))
    starts = [sentence_of(text, para, pos) for pos in range(len(text))]
    assert {(s.start, s.end) for s in starts} == {(0, 8), (9, 20), (21, 26), (27, 43)}
    assert sentence_of(text, Span(9, 26), 22) == Span(21, 26)
