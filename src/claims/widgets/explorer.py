"""The claim explorer: filter statements, read one in its source, export, and plot.

A thin view over :class:`~claims.widgets.table.StatementTable`: each filter change asks the
statement index for one page, the count and the charts' aggregates. Rows are keyed by the
statement IRI (the ``Select`` below the table holds IRIs as values), never by position.
"""

from __future__ import annotations

import base64
import html
from typing import Any

import ipywidgets as W
import pandas as pd

from claims.errors import NotFound
from claims.extensions import Facet, facets
from claims.store.base import Store
from claims.widgets import chart
from claims.widgets._errors import ErrorPanel
from claims.widgets.provenance import ProvenancePanel, cell, provenance
from claims.widgets.table import Filters, StatementTable

__all__ = ["Explorer", "html_table", "provenance"]

ANY = ""
SORTS = {"date": "date", "speaker": "speaker", "kind": "kind", "confidence": "confidence",
         "status": "status", "text": "text"}
SHOWN = ["speaker", "kind", "text", "status", "outlet", "date"]


def _options(label: str, values: list[str]) -> list[tuple[str, str]]:
    return [(label, ANY), *((v, v) for v in values)]


def _cell(value: Any) -> str:
    text = cell(value)
    return text if len(text) <= 140 else text[:139] + "…"


def html_table(df: pd.DataFrame, columns: list[str], labels: dict[str, str] | None = None) -> str:
    """Rows as an HTML table; each row carries its statement IRI in ``data-iri``."""
    head = "".join(f"<th>{html.escape((labels or {}).get(c, c))}</th>" for c in columns)
    body = "".join(
        f'<tr data-iri="{html.escape(str(iri))}">'
        + "".join(f"<td>{_cell(row[c])}</td>" for c in columns) + "</tr>"
        for iri, row in df.iterrows())
    style = ("<style>.claims-table td,.claims-table th{padding:2px 6px;vertical-align:top;"
             "text-align:left}.claims-table td:last-child{white-space:nowrap}</style>")
    return (f'{style}<table class="claims-table" style="border-collapse:collapse;font-size:13px">'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def _label(iri: str, row: pd.Series) -> str:
    who = row["speaker"] if isinstance(row["speaker"], str) else "—"
    text = str(row["text"])
    return f"{who} · {row['kind']} · {text[:70]}{'…' if len(text) > 70 else ''}"


class Explorer(W.VBox):  # type: ignore[misc]
    """Filters, a sortable page of rows, provenance of the selected row, CSV export, plots.

    >>> from claims.store import MemoryStore
    >>> Explorer(MemoryStore()).count.value
    '0 of 0 statements'
    """

    def __init__(self, store: Store, *, table: StatementTable | None = None, page_size: int = 25) -> None:
        self.store = store
        self.table = table if table is not None else StatementTable(store)
        self.page_size = page_size
        self.page = 0
        self.rows = pd.DataFrame()  # the page shown, indexed by statement IRI
        self.total = 0  # how many rows pass the filters
        self.errors = ErrorPanel()
        self.speaker = W.Dropdown(description="Speaker")
        self.kind = W.Dropdown(description="Kind")
        self.outlet = W.Dropdown(description="Outlet")
        self.status = W.Dropdown(description="Status")
        self.since = W.DatePicker(description="From")
        self.until = W.DatePicker(description="To")
        self.text = W.Text(description="Search", placeholder="words in the quote, speaker or title")
        self.sort = W.Dropdown(options=list(SORTS), value="date", description="Sort by")
        self.descending = W.Checkbox(value=True, description="descending", indent=False)
        self.count = W.HTML()
        self.grid = W.HTML()
        self.prev = W.Button(description="◀ Prev", layout=W.Layout(width="90px"))
        self.next = W.Button(description="Next ▶", layout=W.Layout(width="90px"))
        self.choice = W.Select(description="Statement", rows=8, layout=W.Layout(width="100%"))
        self.facet_filters = {f.name: _facet_control(f) for f in facets() if f.filter and f.kind != "text"}
        self.details = ProvenancePanel(self.table, store)
        self.export = W.Button(description="Export CSV", icon="download")
        self.download = W.HTML()
        self.refresh = W.Button(description="Refresh", icon="refresh")
        self.plots = W.HTML()
        self._style()
        self._fill_choices()
        for control in (self.speaker, self.kind, self.outlet, self.status, self.since, self.until,
                        self.text, self.sort, self.descending, *self.facet_filters.values()):
            control.observe(self.errors.guard(self._on_filter), names="value")
        self.prev.on_click(self.errors.guard(lambda _: self.turn(-1)))
        self.next.on_click(self.errors.guard(lambda _: self.turn(1)))
        self.choice.observe(self.errors.guard(lambda _: self.show(self.choice.value)), names="value")
        self.export.on_click(self.errors.guard(lambda _: self.export_csv()))
        self.refresh.on_click(self.errors.guard(lambda _: self.table.reload()))
        self.table.on_change(self._on_table_change)
        super().__init__([
            W.HBox([self.speaker, self.kind, self.outlet]),
            W.HBox([self.status, self.since, self.until]),
            W.HBox([self.text, self.sort, self.descending, self.refresh]),
            *([W.HBox(list(self.facet_filters.values()))] if self.facet_filters else []),
            self.errors, self.count, self.grid, W.HBox([self.prev, self.next, self.export]),
            self.download, self.choice, self.details, self.plots])
        self.add_class("claims-explorer")
        self.apply()

    def _style(self) -> None:
        for name in ("speaker", "kind", "outlet", "status", "since", "until", "text", "sort", "count",
                     "grid", "prev", "next", "choice", "details", "export", "download", "refresh", "plots"):
            getattr(self, name).add_class(f"claims-explorer-{name}")

    def _fill_choices(self) -> None:
        for control, column, label in ((self.speaker, "speaker", "Any speaker"),
                                       (self.kind, "kind", "Any kind"),
                                       (self.outlet, "outlet", "Any outlet"),
                                       (self.status, "status", "Any status")):
            current = control.value
            values = self.table.choices(column)
            if column == "status" and "unreviewed" not in values:
                values = sorted({*values, "unreviewed"})
            control.options = _options(label, values)
            control.value = current if current in values else ANY
        for name, control in self.facet_filters.items():
            if isinstance(control, W.Dropdown):
                current = control.value
                values = self.table.choices(name)
                control.options = _options(f"Any {control.description.lower()}", values)
                control.value = current if current in values else ANY

    @property
    def filters(self) -> Filters:
        chosen: list[tuple[str, str | None]] = []
        for name, control in self.facet_filters.items():
            if isinstance(control, W.Checkbox) and control.value:
                chosen.append((name, None))
            elif isinstance(control, W.Dropdown) and control.value:
                chosen.append((name, control.value))
        return Filters(speaker=self.speaker.value or None, kind=self.kind.value or None,
                       outlet=self.outlet.value or None, status=self.status.value or None,
                       since=self.since.value, until=self.until.value, text=self.text.value,
                       facets=tuple(chosen))

    @property
    def columns(self) -> tuple[list[str], dict[str, str]]:
        """The table's columns (built-in, then the facets shown as columns) and their labels."""
        shown = [f for f in facets() if f.column]
        return [*SHOWN, *(f.name for f in shown)], {f.name: f.label for f in shown}

    def _on_filter(self, _change: object = None) -> None:
        self.page = 0
        self.apply()

    def _on_table_change(self) -> None:
        self._fill_choices()
        self.apply()
        if self.choice.value:
            self.show(self.choice.value)

    def apply(self) -> None:
        """Redraw the page, the list and the plots for the current filters and sort."""
        self._draw()
        filters = self.filters
        self.plots.value = (
            chart.bar_chart(self.table.index.per_speaker(filters), title="Statements per speaker")
            + chart.bar_chart(self.table.index.over_time(filters), title="Statements over time"))

    def _draw(self) -> None:
        self.rows, self.total = self._query()
        last = max((self.total - 1) // self.page_size, 0)
        if self.page > last:  # fewer rows than before (a reload): the last page
            self.page = last
            self.rows, self.total = self._query()
        total, page = self.total, self.rows
        first = self.page * self.page_size + 1 if total else 0
        self.count.value = (f"{total} of {len(self.table)} statements" if total <= self.page_size else
                            f"{total} of {len(self.table)} statements (rows {first}–"
                            f"{first + len(page) - 1})")
        self.grid.value = html_table(page, *self.columns)
        self.prev.disabled = self.page == 0
        self.next.disabled = self.page >= last
        selected = self.choice.value
        options = [(_label(str(iri), row), str(iri)) for iri, row in page.iterrows()]
        self.choice.options = options
        self.choice.value = selected if selected in dict(options).values() else None
        if self.choice.value is None:
            self.details.show(None)

    def _query(self) -> tuple[pd.DataFrame, int]:
        self.page = max(self.page, 0)
        return self.table.page(self.filters, sort=SORTS[self.sort.value],
                               descending=self.descending.value, limit=self.page_size,
                               offset=self.page * self.page_size)

    def turn(self, step: int) -> None:
        self.page += step
        self._draw()

    def select(self, iri: str) -> None:
        """Select a statement by IRI (it must pass the filters): shows its provenance."""
        position = self.table.index.position(self.filters, iri, sort=SORTS[self.sort.value],
                                             descending=self.descending.value)
        if position is None:
            raise NotFound(iri, hint="it does not pass the explorer's filters")
        self.page = position // self.page_size
        self._draw()
        self.choice.value = iri

    def show(self, iri: str | None) -> None:
        self.details.show(iri)

    def export_csv(self) -> str:
        """Every row that passes the filters as CSV (in the order shown), offered as a
        download link; returns the CSV text."""
        text = self.table.export_csv(self.filters, sort=SORTS[self.sort.value],
                                     descending=self.descending.value)
        data = base64.b64encode(text.encode("utf-8")).decode("ascii")
        self.download.value = (f'<a download="statements.csv" href="data:text/csv;base64,{data}" '
                               f'class="claims-download">Download statements.csv '
                               f"({self.total} rows)</a>")
        return text


def _facet_control(facet: Facet) -> W.Widget:
    """A facet's filter: a checkbox for a flag, a dropdown of its values for a choice."""
    if facet.kind == "flag":
        control = W.Checkbox(value=False, description=facet.label, indent=False)
    else:
        control = W.Dropdown(description=facet.label, options=[(f"Any {facet.label.lower()}", ANY)])
    control.add_class(f"claims-explorer-facet-{facet.name}")
    return control

