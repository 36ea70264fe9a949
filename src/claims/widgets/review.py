"""The attribution review queue: one quotation at a time, in its paragraph, for an editor.

Decisions go through :func:`claims.review.record` (append-only events with reviewer, UTC
time and note), then the shared :class:`~claims.widgets.table.StatementTable` re-reads the
statuses, so an explorer built on the same table shows them at once.
"""

from __future__ import annotations

import html

import ipywidgets as W
import pandas as pd

from claims import review
from claims.errors import ReviewError
from claims.store.base import Store
from claims.widgets._errors import ErrorPanel
from claims.widgets._reviews import UNREVIEWED
from claims.widgets.highlight import STYLE, highlight, paragraph_bounds
from claims.widgets.table import StatementTable


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

    @property
    def quotations(self) -> pd.DataFrame:
        df = self.table.df
        return df[df["kind"] == "quotation"].sort_values(["article", "start"], kind="stable")

    @property
    def pending(self) -> list[str]:
        """IRIs of the quotations with no verdict yet, in article order."""
        df = self.quotations
        return [str(i) for i in df.index[df["status"] == UNREVIEWED]]

    def _update_progress(self) -> None:
        total = len(self.quotations)
        done = total - len(self.pending)
        self.progress.value = f"{done} of {total} reviewed"
        self.bar.max, self.bar.value = max(total, 1), done

    def advance(self, *, skip: bool = False) -> None:
        """Move to the next unreviewed quotation after the current one (skipped ones come
        round again at the end); with nothing current, to the first."""
        pending = self.pending
        order = [str(i) for i in self.quotations.index]
        if self.current is None or self.current not in order:
            self.current = pending[0] if pending else None
        elif skip or self.current not in pending:
            position = order.index(self.current)
            later = [i for i in pending if order.index(i) > position]
            others = [i for i in pending if i != self.current]
            choices: list[str | None] = [*later, *others, *pending, None]
            self.current = choices[0]
        self._update_progress()
        self._show()

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
        self.table.refresh_statuses()
        label = review.Verdict(verdict).label
        self.feedback.value = (f"Recorded <b>{html.escape(label)}</b> by {html.escape(event.reviewer)} "
                               f"on {html.escape(self.current)}")
        self.note.value = ""
        self.advance()
        return event
