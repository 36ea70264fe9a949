"""The widgets' one seam to :mod:`claims.review`: what a status looks like, and history.

Current statuses come from the statement index (:mod:`claims.index`).
"""

from __future__ import annotations

import html
import os

import ipywidgets as W

from claims import review
from claims.errors import ClaimsError
from claims.store.base import Store

UNREVIEWED = "unreviewed"


def history(store: Store, iri: str) -> list[dict[str, object]]:
    """Every review event on a statement, oldest first, as plain dicts for display."""
    out: list[dict[str, object]] = []
    for event in review.history(store, iri):
        what = event.verdict.value if event.verdict else f"rated {event.rating}"
        if event.corrected_speaker:
            what += f" → {event.corrected_speaker}"
        if event.corrected_text:
            what += f" → “{event.corrected_text}”"
        out.append({"time": event.time.strftime("%Y-%m-%d %H:%M UTC"), "verdict": what,
                    "reviewer": event.reviewer, "note": event.note})
    return out


def reviewer_inputs(name: str) -> tuple[W.Text, W.HTML]:
    """A provenance section's Reviewer box (filled from ``CLAIMS_REVIEWER``) and the message
    line under its decision buttons, with the classes ``claims-NAME-reviewer`` and
    ``claims-NAME-message``."""
    reviewer = W.Text(value=os.environ.get("CLAIMS_REVIEWER", ""), placeholder="your name",
                      description="Reviewer")
    reviewer.add_class(f"claims-{name}-reviewer")
    message = W.HTML()
    message.add_class(f"claims-{name}-message")
    return reviewer, message


def error_html(exc: ClaimsError) -> str:
    """A coded error as a section shows it, where the editor clicked."""
    return f"<p class='claims-section-error'>{html.escape(exc.message)}</p>"
