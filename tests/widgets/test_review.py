from __future__ import annotations

import pandas as pd

import claims
from claims import review
from claims.store import Store
from claims.widgets.explorer import Explorer
from claims.widgets.review import ReviewQueue

from .conftest import UNIPOLAR


def _quotations(statements: pd.DataFrame) -> list[str]:
    quotes = statements[statements["kind"] == "claims:Quotation"]
    return [str(i) for i in quotes.sort_values(["article", "start"])["statement"]]


def test_queue_starts_at_the_first_quotation_in_context(store: Store, statements: pd.DataFrame) -> None:
    queue = ReviewQueue(store, kind="quotation")
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
    queue = ReviewQueue(store, reviewer="Ana", kind="quotation")
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
    queue = ReviewQueue(store, reviewer="Ben", kind="quotation")
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
    queue = ReviewQueue(store, reviewer="Cy", kind="quotation")
    quotes = _quotations(statements)
    for _ in quotes:
        queue.confirm.click()
    assert queue.progress.value == f"{len(quotes)} of {len(quotes)} reviewed"
    assert queue.current is None
    assert "Nothing left to review." in queue.context.value
    assert queue.confirm.disabled and queue.skip.disabled
    queue.decide  # noqa: B018 - the method stays callable
    assert len(review.events(store)) == len(quotes)


def test_one_queue_with_a_kind_filter_the_same_as_review_list(store: Store,
                                                              statements: pd.DataFrame) -> None:
    listed = review.queue(store)  # what `claims review list` prints
    assert set(listed["kind"]) == {"claims:Quotation", "claims:ReportedSpeech"}
    queue = ReviewQueue(store, reviewer="Di")
    assert queue.progress.value == f"0 of {len(listed)} reviewed"
    seen = []
    while queue.current is not None and queue.current not in seen:
        seen.append(queue.current)
        queue.skip.click()
    assert seen == [claims.query.shorten(s) for s in listed["statement"]]
    queue.kind.value = "reported_speech"
    reported = listed[listed["kind"] == "claims:ReportedSpeech"]
    assert queue.progress.value == f"0 of {len(reported)} reviewed"
    assert queue.current == claims.query.shorten(reported["statement"].iloc[0])
    queue.confirm.click()
    assert queue.progress.value == f"1 of {len(reported)} reviewed"
    assert len(review.queue(store)) == len(listed) - 1
    queue.kind.value = ""
    assert queue.progress.value == f"1 of {len(listed)} reviewed"


def test_a_pronoun_attribution_shows_the_sentence_naming_the_speaker(
        store: Store, statements: pd.DataFrame) -> None:
    queue = ReviewQueue(store, reviewer="Eve")
    added = statements[statements["text"].str.startswith("The Americans think")]
    iri = str(added["statement"].iloc[0])
    while queue.current != iri:
        queue.skip.click()
    row = queue.table.row(iri)
    assert (row["speaker"], row["method"]) == ("Ebrahim Raisi", "pronoun")
    context = queue.context.value
    paragraph = context.split('<blockquote class="claims-context">')[-1]
    assert '<mark class="claims-speaker">he</mark> added' in paragraph and "Raisi" not in paragraph
    assert '<div class="claims-review-antecedent">' in context
    assert '<mark class="claims-antecedent">Raisi</mark>' in context
    # an explicit attribution names its speaker in the paragraph: nothing more is shown
    explicit = str(statements.loc[statements["text"] == UNIPOLAR, "statement"].iloc[0])
    while queue.current != explicit:
        queue.skip.click()
    assert "claims-review-antecedent" not in queue.context.value
