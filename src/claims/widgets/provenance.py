"""The provenance panel: where a selected statement comes from, as registered sections.

Each section (:class:`claims.extensions.Section`) is a small function of the selected
statement that returns HTML, an ipywidget, or None (nothing to say about this statement).
The built-in ones are registered here: the source (the sentence with the quote and the
speaker's mention marked, article, outlet, date, link, speaker, cue, extractor,
confidence, status), the figure (value, unit, kind, what it measures) and the review
history. Derived layers add theirs (fact-checks, the same claim elsewhere, the speaker's
offices) through :mod:`claims.extensions`.
"""

from __future__ import annotations

import html
import logging
from typing import Any

import ipywidgets as W
import pandas as pd

from claims.errors import ClaimsError
from claims.extensions import Selected, facets, section, sections
from claims.store.base import Store
from claims.widgets import _reviews
from claims.widgets.highlight import in_context
from claims.widgets.table import StatementTable

__all__ = ["ProvenancePanel", "cell", "facts_table", "provenance", "selected"]

log = logging.getLogger(__name__)


def cell(value: Any) -> str:
    """A value as escaped HTML text; missing values (None, NaN) as the empty string."""
    if value is None or (not isinstance(value, str | list) and pd.isna(value)):
        return ""
    if isinstance(value, list):
        return html.escape(", ".join(str(v) for v in value))
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return html.escape(str(value))


def facts_table(facts: list[tuple[str, str]]) -> str:
    """``(label, HTML)`` pairs as a two-column table (rows with an empty value left out)."""
    rows = "".join(f"<tr><th>{html.escape(k)}</th><td>{v}</td></tr>" for k, v in facts if v)
    return f'<table class="claims-facts">{rows}</table>'


STYLE = ("<style>.claims-facts th{text-align:left;padding:1px 10px 1px 0;vertical-align:top;"
         "font-weight:600;white-space:nowrap}.claims-facts td{text-align:left;padding:1px 0}"
         ".claims-section h4{margin:8px 0 4px}</style>")


def selected(table: StatementTable, store: Store, iri: str) -> Selected:
    """What the sections are given for statement ``iri`` (its row with its facet values)."""
    row = table.row(iri).copy()
    found = table.index.facets_of([str(row["statement"])]).get(str(row["statement"]), {})
    for facet in facets():
        row[facet.name] = found.get(facet.name, [])
    return Selected(iri=str(row["statement"]), row=row, store=store, table=table)


def _rendered(chosen: Selected) -> list[tuple[str, str, Any]]:
    """``(name, title, output)`` of every section with something to say; a section that
    fails says so in its place, the others still show."""
    out = []
    for part in sections():
        try:
            result = part.render(chosen)
        except ClaimsError as exc:
            result = f'<p class="claims-section-error">{html.escape(exc.message)}</p>'
        except Exception as exc:  # a broken layer must not hide the statement's source
            log.exception("provenance section %r failed", part.name)
            result = (f'<p class="claims-section-error">[internal-error] '
                      f"{html.escape(type(exc).__name__)}: {html.escape(str(exc))}</p>")
        if result is not None and result != "":
            out.append((part.name, part.title, result))
    return out


def provenance(table: StatementTable, store: Store, iri: str) -> str:
    """The provenance panel of statement ``iri`` as HTML (sections that are widgets left
    out): for notebooks and reports."""
    parts = [f'<div class="claims-section claims-section-{name}"><h4>{html.escape(title)}</h4>'
             f"{out}</div>" for name, title, out in _rendered(selected(table, store, iri))
             if isinstance(out, str)]
    return f'{STYLE}<div class="claims-provenance">{"".join(parts)}</div>'


class ProvenancePanel(W.VBox):  # type: ignore[misc]
    """The sections of the selected statement, one below the other (empty: none selected)."""

    def __init__(self, table: StatementTable, store: Store) -> None:
        super().__init__()
        self.table = table
        self.store = store
        self.iri: str | None = None
        self.add_class("claims-provenance")

    @property
    def html(self) -> str:
        """The HTML of the sections shown (for tests and exports)."""
        children: tuple[W.Widget, ...] = self.children
        return "".join(str(child.value) for child in children if isinstance(child, W.HTML))

    def show(self, iri: str | None) -> None:
        self.iri = iri
        if iri is None:
            self.children = ()
            return
        children = []
        for name, title, out in _rendered(selected(self.table, self.store, iri)):
            heading = f'<div class="claims-section claims-section-{name}"><h4>{html.escape(title)}</h4>'
            if isinstance(out, str):
                children.append(W.HTML(f"{STYLE}{heading}{out}</div>"))
            else:
                box = W.VBox([W.HTML(f"{heading}</div>"), out])
                box.add_class(f"claims-section-{name}")
                children.append(box)
        self.children = tuple(children)


# -- the built-in sections ------------------------------------------------------------------

@section("source", title="Source", order=10)
def source_section(chosen: Selected) -> str:
    """The sentence with the span marked, and where it comes from."""
    row = chosen.row
    text = chosen.article_text()
    mention = None
    if pd.notna(row["mention_start"]):
        mention = (int(row["mention_start"]), int(row["mention_end"]))
    context = in_context(text, (int(row["start"]), int(row["end"])), mention) if text else ""
    url = row["url"]
    link = (f'<a href="{html.escape(url)}" target="_blank" rel="noopener">{html.escape(url)}</a>'
            if isinstance(url, str) and url.startswith(("http://", "https://")) else cell(url))
    speaker = cell(row["speaker"]) or "—"
    if isinstance(row["role"], str):
        speaker += f" ({cell(row['role'])})"
    if isinstance(row["extracted_speaker"], str) and row["extracted_speaker"] != row["speaker"]:
        speaker += f" <small>(extracted: {cell(row['extracted_speaker'])})</small>"
    return context + facts_table([
        ("Article", cell(row["title"])), ("Outlet", cell(row["outlet"])), ("Date", cell(row["date"])),
        ("Link", link or "no URL"), ("Speaker", speaker), ("Cue", cell(row["cue"]) or "—"),
        ("Kind", cell(row["kind"])), ("Extractor", cell(row["extractor"])),
        ("Confidence", f"{float(row['confidence']):.2f}"), ("Status", cell(row["status"])),
        ("Statement", html.escape(chosen.iri))])


@section("history", title="Review history", order=90)
def history_section(chosen: Selected) -> str:
    events = _reviews.history(chosen.store, chosen.iri)
    if not events:
        return "<p><em>Not reviewed yet.</em></p>"
    items = "".join(
        "<li>" + " · ".join(html.escape(str(e.get(k))) for k in ("time", "verdict", "reviewer", "note")
                            if e.get(k)) + "</li>" for e in events)
    return f'<ol class="claims-history">{items}</ol>'
