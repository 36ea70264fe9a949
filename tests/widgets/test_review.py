from __future__ import annotations

import pandas as pd

from claims import review
from claims.store import Store
from claims.widgets.explorer import Explorer
from claims.widgets.review import ReviewQueue


def _quotations(statements: pd.DataFrame) -> list[str]:
    quotes = statements[statements["kind"] == "claims:Quotation"]
    return [str(i) for i in quotes.sort_values(["article", "start"])["statement"]]


def test_queue_starts_at_the_first_quotation_in_context(store: Store, statements: pd.DataFrame) -> None:
    queue = ReviewQueue(store)
    quotes = _quotations(statements)
    assert queue.progress.value == f"0 of {len(quotes)} reviewed"
    assert queue.current == quotes[0]
    assert '<mark class="claims-quote">balanced</mark>' in queue.context.value
    assert '<mark class="claims-speaker">Putin</mark>' in queue.context.value
    assert "Vladimir Putin" in queue.facts.value


def test_confirm_needs_a_reviewer_and_stores_nothing_without(store: Store, statements: pd.DataFrame) -> None:
    queue = ReviewQueue(store)
    first = queue.current
    assert first is not None
    queue.confirm.click()
    assert queue.errors.message == "[no-reviewer] empty reviewer: give the reviewer's name"
    assert review.history(store, first) == ()
    assert queue.current == first


def test_confirm_is_stored_and_shown_in_the_explorer(store: Store, statements: pd.DataFrame) -> None:
    queue = ReviewQueue(store, reviewer="Ana")
    explorer = Explorer(store, table=queue.table)
    quotes = _quotations(statements)
    queue.note.value = "heard it"
    queue.confirm.click()
    assert queue.errors.message == ""
    [event] = review.history(store, quotes[0])
    assert (event.verdict, event.reviewer, event.note) == (review.Verdict.CONFIRMED, "Ana", "heard it")
    assert queue.progress.value == f"1 of {len(quotes)} reviewed"
    assert queue.current == quotes[1]
    assert queue.note.value == ""
    explorer.status.value = "confirmed"
    assert explorer.rows.index.tolist() == [quotes[0]]


def test_skip_correct_misquote_and_reject(store: Store, statements: pd.DataFrame) -> None:
    queue = ReviewQueue(store, reviewer="Ben")
    quotes = _quotations(statements)
    queue.skip.click()
    assert queue.current == quotes[1]
    assert review.history(store, quotes[0]) == ()
    assert "Vladimir Putin" in queue.speaker.options
    queue.speaker.value = "Xi Jinping"
    queue.correct.click()
    assert review.status(store, quotes[1]).corrected_speaker == "Xi Jinping"
    assert queue.table.row(quotes[1])["speaker"] == "Xi Jinping"
    assert queue.current == quotes[2]
    queue.misquoted.click()
    assert queue.errors.message == ("[bad-correction] misquoted: give the wording the source actually has")
    queue.wording.value = "what was really said"
    queue.misquoted.click()
    [event] = review.history(store, quotes[2])
    assert (event.verdict, event.corrected_text) == (review.Verdict.MISQUOTED, "what was really said")
    queue.reject.click()
    assert review.status(store, quotes[3]).verdict.verdict is review.Verdict.NOT_A_QUOTATION  # type: ignore[union-attr]
    assert queue.progress.value == f"3 of {len(quotes)} reviewed"


def test_the_queue_runs_out(store: Store, statements: pd.DataFrame) -> None:
    queue = ReviewQueue(store, reviewer="Cy")
    quotes = _quotations(statements)
    for _ in quotes:
        queue.confirm.click()
    assert queue.progress.value == f"{len(quotes)} of {len(quotes)} reviewed"
    assert queue.current is None
    assert "Nothing left to review." in queue.context.value
    assert queue.confirm.disabled and queue.skip.disabled
    queue.decide  # noqa: B018 - the method stays callable
    assert len(review.events(store)) == len(quotes)
