"""The widgets' one seam to :mod:`claims.review`: what a status looks like, and history.

Current statuses come from the statement index (:mod:`claims.index`).
"""

from __future__ import annotations

from claims import review
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
