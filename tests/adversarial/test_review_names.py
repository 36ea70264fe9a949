"""Corrected speakers whose names share a slug stay distinct people: no doubled events,
no wrong name, the index agrees before and after a rebuild."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims import review
from claims.export import export
from claims.index.statement_index import StatementIndex
from claims.pipeline import ingest
from claims.query import select
from claims.reader import from_text
from claims.store import OxigraphStore

TEXT = ('Vladimir Putin said: "The talks will go on."\n\n'
        'Xi Jinping said: "We agree on the plan."\n\n'
        'Narendra Modi said: "This is not the time for war."')
PAIRS = [("Ana Müller", "Ana Muller"), ('Putin" } ; DROP ALL ; #', "Putin' } ; DROP ALL ; #"),
         ("José Pérez", "Jose Perez"), ("Ａｎａ", "Ana")]


@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_near_identical_corrected_names_stay_distinct(first: str, second: str, tmp_path: Path) -> None:
    with OxigraphStore(tmp_path / "kb") as store:
        ingest([from_text(TEXT, id="a")], store)
        quotes = list(select(store, "article_statements").query("kind == 'claims:Quotation'")["statement"])
        one, two = quotes[:2]
        index = StatementIndex.open(store)
        review.record(store, one, "misattributed", reviewer="ed", corrected_speaker=first)
        review.record(store, two, "misattributed", reviewer="ed", corrected_speaker=second)
        history = select(store, "review_history")
        assert len(history) == 2
        assert sorted(history["corrected_speaker"]) == sorted([first, second])
        assert review.status(store, one).corrected_speaker == first
        assert review.status(store, two).corrected_speaker == second
        status = select(store, "review_status")
        assert len(status) == len(set(status["statement"]))
        assert dict(zip(status["statement"], status["speaker"], strict=True))[two] == second
        lines = export(store, "csv").decode("utf-8").splitlines()
        assert len(lines) == len(set(lines))
        before = index.rows().sort_values("statement").reset_index(drop=True)
        index.rebuild()
        after = index.rows().sort_values("statement").reset_index(drop=True)
        assert before.equals(after)
        assert second in set(after["speaker"]) and first in set(after["speaker"])
