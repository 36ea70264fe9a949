"""The attribution review queue: one statement at a time, in its paragraph, for an editor.

The queue is the one ``claims review list`` prints: quotations and reported speech with no
attribution verdict yet, in article order; the Kind filter narrows it to one kind. When the
paragraph shown does not name the speaker (a pronoun, "..., he added", or an attribution
chained from an earlier quotation), the sentence that last names them before it is shown
above, the name marked.

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
from claims.widgets.highlight import STYLE, antecedent, highlight, paragraph_bounds, sentence_bounds
from claims.widgets.table import Filters, StatementTable

KINDS = ("quotation", "reported_speech")
KIND_CHOICES = [("Quotations and reported speech", ""), ("Quotations", "quotation"),
                ("Reported speech", "reported_speech")]


class ReviewQueue(W.VBox):  # type: ignore[misc]
    """Confirm, correct the speaker, mark misquoted, reject or skip each statement.

    >>> from claims.store import MemoryStore
    >>> ReviewQueue(MemoryStore()).progress.value
    '0 of 0 reviewed'
    """

    def __init__(self, store: Store, *, table: StatementTable | None = None, reviewer: str = "",
                 kind: str = "") -> None:
        self.store = store
        self.table = table if table is not None else StatementTable(store)
        self.current: str | None = None
        self.errors = ErrorPanel()
        self.kind = W.Dropdown(options=KIND_CHOICES, value=kind, description="Kind",
                               layout=W.Layout(width="330px"))
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
        for name in ("kind", "progress", "context", "facts", "reviewer", "note", "confirm", "reject", "skip",
                     "speaker", "correct", "wording", "misquoted", "feedback"):
            getattr(self, name).add_class(f"claims-review-{name}")
        self.confirm.on_click(self.errors.guard(lambda _: self.decide("confirmed")))
        self.reject.on_click(self.errors.guard(lambda _: self.decide("not-a-quotation")))
        self.correct.on_click(self.errors.guard(
            lambda _: self.decide("misattributed", corrected_speaker=self.speaker.value)))
        self.misquoted.on_click(self.errors.guard(
            lambda _: self.decide("misquoted", corrected_text=self.wording.value)))
        self.skip.on_click(self.errors.guard(lambda _: self.advance(skip=True)))
        self.kind.observe(self.errors.guard(lambda _: self.restart()), names="value")
        super().__init__([
            W.HBox([self.kind, self.progress, self.bar]), self.context, self.facts,
            W.HBox([self.reviewer, self.note]),
            W.HBox([self.confirm, self.reject, self.skip]),
            W.HBox([self.speaker, self.correct]), W.HBox([self.wording, self.misquoted]),
            self.errors, self.feedback])
        self.add_class("claims-review")
        self.advance()

    @property
    def queued(self) -> Filters:
        """The statements the queue goes through (reviewed or not)."""
        return Filters(kinds=(self.kind.value,) if self.kind.value else KINDS)

    @property
    def pending(self) -> Filters:
        """Those still waiting for a verdict."""
        return Filters(kinds=self.queued.kinds, pending=True)

    def restart(self) -> None:
        """Back to the first statement waiting (after the kind filter changed)."""
        self.current = None
        self.advance()

    def _update_progress(self) -> None:
        total = self.table.count(self.queued)
        done = total - self.table.count(self.pending)
        self.progress.value = f"{done} of {total} reviewed"
        self.bar.max, self.bar.value = max(total, 1), done

    def advance(self, *, skip: bool = False) -> None:
        """Move to the next statement waiting after the current one in article order
        (skipped ones come round again at the end); with nothing current, to the first."""
        row = self._row(self.current)
        if row is None or row["kind"] not in self.queued.kinds:
            self.current = self.table.index.after(self.pending, None)
        elif skip or isinstance(row["verdict"], str):
            self.current = self.table.index.after(self.pending, self.current)
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
        self.context.value = (f"{STYLE}{self._antecedent(row, text, left, right)}"
                              f'<blockquote class="claims-context">{body}</blockquote>')
        speaker = row["speaker"] if isinstance(row["speaker"], str) else "no speaker found"
        role = f" ({html.escape(row['role'])})" if isinstance(row["role"], str) else ""
        self.facts.value = (f"<b>Speaker:</b> {html.escape(speaker)}{role} · <b>Cue:</b> "
                            f"{html.escape(str(row['cue'] if isinstance(row['cue'], str) else '—'))}"
                            f" · <b>Article:</b> {html.escape(str(row['title']))}"
                            f" · <small>{html.escape(self.current)}</small>")
        self.speaker.options = tuple(self.table.choices("speaker"))
        self.speaker.value = ""
        self.wording.value = ""

    @staticmethod
    def _antecedent(row: pd.Series, text: str, left: int, right: int) -> str:
        """The sentence naming the speaker, when the paragraph ``[left, right)`` does not
        (a pronoun or a chained attribution); "" otherwise."""
        name = row["extracted_speaker"]
        if not isinstance(name, str) or antecedent(text[left:right], name, right - left):
            return ""
        found = antecedent(text, name, left)
        if found is None:
            return ""
        start, end = sentence_bounds(text, *found)
        sentence = highlight(text[start:end], [(*found, "antecedent")], offset=start)
        return (f'<div class="claims-review-antecedent"><small>Named earlier in the article '
                f"({html.escape(row['method'] or 'attribution')}):</small>"
                f'<blockquote class="claims-context">{sentence}</blockquote></div>')

    def decide(self, verdict: str, *, corrected_speaker: str | None = None,
               corrected_text: str | None = None) -> review.ReviewEvent:
        """Record ``verdict`` on the current statement, refresh the table, and move on."""
        if self.current is None:
            raise ReviewError("no statement selected", hint="the queue is empty")
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
