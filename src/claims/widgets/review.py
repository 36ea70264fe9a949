"""The attribution review queue: one quotation at a time, in its paragraph, for an editor.

Decisions go through :func:`claims.review.record` (append-only events with reviewer, UTC
time and note), which updates the statement index; the shared
:class:`~claims.widgets.table.StatementTable` then tells its other widgets, so an explorer
built on the same table shows them at once. The queue is read from the index a statement
at a time (the next one in article order), never whole.
"""

from __future__ import annotations

import html

import ipywidgets as W
import pandas as pd

from claims import review
from claims.errors import NotFound, ReviewError
from claims.store.base import Store
from claims.widgets._errors import ErrorPanel
from claims.widgets._reviews import UNREVIEWED
from claims.widgets.highlight import STYLE, highlight, paragraph_bounds
from claims.widgets.table import Filters, StatementTable

QUOTATIONS = Filters(kind="quotation")
PENDING = Filters(kind="quotation", status=UNREVIEWED)


class ReviewQueue(W.VBox):  # type: ignore[misc]
    """Confirm, correct the speaker, mark misquoted, reject or skip each quotation.

    >>> from claims.store import MemoryStore
    >>> ReviewQueue(MemoryStore()).progress.value
    '0 of 0 reviewed'
    """

    def __init__(self, store: Store, *, table: StatementTable | None = None, reviewer: str = "") -> None:
        self.store = store
        self.table = table if table is not None else StatementTable(store)
        self.current: str | None = None
        self.errors = ErrorPanel()
        self.progress = W.HTML()
        self.bar = W.IntProgress(min=0, max=1, value=0)
        self.context = W.HTML()
        self.facts = W.HTML()
        self.reviewer = W.Text(value=reviewer, description="Reviewer", placeholder="your name")
        self.note = W.Text(description="Note", placeholder="optional: why", layout=W.Layout(width="60%"))
        self.confirm = W.Button(description="Confirm", button_style="success", icon="check")
        self.reject = W.Button(description="Reject (not a quote)", button_style="danger",
                               layout=W.Layout(width="auto"))
        self.skip = W.Button(description="Skip", icon="forward")
        self.speaker = W.Combobox(description="Speaker", placeholder="pick a known person or type a name",
                                  ensure_option=False)
        self.correct = W.Button(description="Correct speaker", button_style="warning",
                                layout=W.Layout(width="auto"))
        self.wording = W.Text(description="Wording", placeholder="what the source actually says",
                              layout=W.Layout(width="60%"))
        self.misquoted = W.Button(description="Mark misquoted", button_style="warning",
                                  layout=W.Layout(width="auto"))
        self.feedback = W.HTML()
        for name in ("progress", "context", "facts", "reviewer", "note", "confirm", "reject", "skip",
                     "speaker", "correct", "wording", "misquoted", "feedback"):
            getattr(self, name).add_class(f"claims-review-{name}")
        self.confirm.on_click(self.errors.guard(lambda _: self.decide("confirmed")))
        self.reject.on_click(self.errors.guard(lambda _: self.decide("not-a-quotation")))
        self.correct.on_click(self.errors.guard(
            lambda _: self.decide("misattributed", corrected_speaker=self.speaker.value)))
        self.misquoted.on_click(self.errors.guard(
            lambda _: self.decide("misquoted", corrected_text=self.wording.value)))
        self.skip.on_click(self.errors.guard(lambda _: self.advance(skip=True)))
        super().__init__([
            W.HBox([self.progress, self.bar]), self.context, self.facts,
            W.HBox([self.reviewer, self.note]),
            W.HBox([self.confirm, self.reject, self.skip]),
            W.HBox([self.speaker, self.correct]), W.HBox([self.wording, self.misquoted]),
            self.errors, self.feedback])
        self.add_class("claims-review")
        self.advance()

    def _update_progress(self) -> None:
        total = self.table.count(QUOTATIONS)
        done = total - self.table.count(PENDING)
        self.progress.value = f"{done} of {total} reviewed"
        self.bar.max, self.bar.value = max(total, 1), done

    def advance(self, *, skip: bool = False) -> None:
        """Move to the next unreviewed quotation after the current one in article order
        (skipped ones come round again at the end); with nothing current, to the first."""
        row = self._row(self.current)
        if row is None or row["kind"] != "quotation":
            self.current = self.table.index.after(PENDING, None)
        elif skip or row["status"] != UNREVIEWED:
            self.current = self.table.index.after(PENDING, self.current)
        self._update_progress()
        self._show()

    def _row(self, iri: str | None) -> pd.Series | None:
        try:
            return None if iri is None else self.table.row(iri)
        except NotFound:
            return None

    def _show(self) -> None:
        buttons = (self.confirm, self.reject, self.skip, self.correct, self.misquoted)
        for button in buttons:
            button.disabled = self.current is None
        if self.current is None:
            self.context.value = "<p class='claims-review-done'><b>Nothing left to review.</b></p>"
            self.facts.value = ""
            return
        row = self.table.row(self.current)
        text = self.table.article_text(str(row["article"]))
        start, end = int(row["start"]), int(row["end"])
        spans = [(start, end, "quote")]
        if pd.notna(row["mention_start"]):
            spans.append((int(row["mention_start"]), int(row["mention_end"]), "speaker"))
        left, right = paragraph_bounds(text, min(s for s, _, _ in spans), max(e for _, e, _ in spans))
        body = highlight(text[left:right], spans, offset=left).replace("\n", "<br>")
        self.context.value = f'{STYLE}<blockquote class="claims-context">{body}</blockquote>'
        speaker = row["speaker"] if isinstance(row["speaker"], str) else "no speaker found"
        role = f" ({html.escape(row['role'])})" if isinstance(row["role"], str) else ""
        self.facts.value = (f"<b>Speaker:</b> {html.escape(speaker)}{role} · <b>Cue:</b> "
                            f"{html.escape(str(row['cue'] if isinstance(row['cue'], str) else '—'))}"
                            f" · <b>Article:</b> {html.escape(str(row['title']))}"
                            f" · <small>{html.escape(self.current)}</small>")
        self.speaker.options = tuple(self.table.choices("speaker"))
        self.speaker.value = ""
        self.wording.value = ""

    def decide(self, verdict: str, *, corrected_speaker: str | None = None,
               corrected_text: str | None = None) -> review.ReviewEvent:
        """Record ``verdict`` on the current quotation, refresh the table, and move on."""
        if self.current is None:
            raise ReviewError("no quotation selected", hint="the queue is empty")
        event = review.record(self.store, self.current, verdict, reviewer=self.reviewer.value,
                              note=self.note.value or None, corrected_speaker=corrected_speaker,
                              corrected_text=corrected_text)
        self.table.reload()
        label = review.Verdict(verdict).label
        self.feedback.value = (f"Recorded <b>{html.escape(label)}</b> by {html.escape(event.reviewer)} "
                               f"on {html.escape(self.current)}")
        self.note.value = ""
        self.advance()
        return event
