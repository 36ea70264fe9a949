"""The claim explorer: filter statements, read one in its source, export, and plot.

A thin view over :class:`~claims.widgets.table.StatementTable`: each filter change asks the
statement index for one page, the count and the charts' aggregates. Rows are keyed by the
statement IRI, never by position: a click on a row (or ↑/↓ in the table) selects it
(``grid.selected``) and shows its provenance below.

A search whose words match more than :attr:`Explorer.search_cap` statements (10,000 at a
million) shows its first page at once, its count as "more than ...", and counts its matches
and draws the charts in a thread of its own; they replace the placeholder when done
(:meth:`Explorer.wait`).
"""

from __future__ import annotations

import base64
import threading

import ipywidgets as W
import pandas as pd

from claims.errors import ClaimsError, NotFound
from claims.extensions import Facet, facets
from claims.index import Tally
from claims.index.search import CAP, cap_for
from claims.query import expand, shorten
from claims.store.base import Store
from claims.widgets import chart
from claims.widgets._errors import ErrorPanel
from claims.widgets.grid import Grid
from claims.widgets.provenance import ProvenancePanel, cell, provenance
from claims.widgets.table import Filters, StatementTable

__all__ = ["Explorer", "figure_cell", "provenance"]

ANY = ""
SORTS = {"date": "date", "speaker": "speaker", "kind": "kind", "confidence": "confidence",
         "status": "status", "text": "text"}
SHOWN = ["speaker", "kind", "text", "figure", "confidence", "status", "outlet", "date"]
LABELS = {"text": "statement", "confidence": "conf."}


def _options(label: str, values: list[str]) -> list[tuple[str, str]]:
    return [(label, ANY), *((v, v) for v in values)]


def _number(value: float) -> str:
    """A figure's value as people write it: 1,200 · 3.5 · 2.1 billion."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:,.4g} {word}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"


def figure_cell(row: pd.Series) -> str:
    """A figure's value, range, unit, quantity kind and what it measures ("2.1 billion USD ·
    money"); a date's ISO form; "" for other statements.

    >>> figure_cell(pd.Series({"value": 2.1e9, "upper": None, "unit": "USD", "quantity": "money"}))
    '2.1 billion USD · money'
    >>> figure_cell(pd.Series({"value": 2019.0, "upper": 2021.0, "unit": None, "quantity": "year"}))
    '2019–2021 · year'
    >>> figure_cell(pd.Series({"value": 0.5, "quantity": "proportion", "measures": "world's population"}))
    "0.5 · proportion of world's population"
    >>> figure_cell(pd.Series({"value": None, "quantity": "date", "iso": "2022-09-15"}))
    '2022-09-15 · date'
    """
    value, upper = row.get("value"), row.get("upper")
    unit, kind, measures, iso = row.get("unit"), row.get("quantity"), row.get("measures"), row.get("iso")
    if isinstance(iso, str) and iso and kind == "date":
        return f"{iso} · date"
    if value is None or pd.isna(value):
        return cell(kind)
    number = (lambda v: f"{v:.0f}") if kind in ("year", "date") else _number
    shown = number(float(value))
    if upper is not None and not pd.isna(upper):
        shown += f"–{number(float(upper))}"
    if isinstance(unit, str) and unit:
        shown += f" {unit}"
    if isinstance(kind, str) and kind and kind != unit:
        shown += f" · {kind}"
    if isinstance(measures, str) and measures and measures != unit:
        shown += f" of {measures}"
    return shown


def row_cells(row: pd.Series, columns: list[str]) -> dict[str, str]:
    """The text of each column of one row, as the grid shows it."""
    out = {}
    for c in columns:
        if c == "figure":
            out[c] = figure_cell(row)
        elif c == "confidence":
            out[c] = f"{float(row[c]):.2f}" if row[c] is not None and not pd.isna(row[c]) else ""
        else:
            value = row[c]
            out[c] = ("" if value is None or (not isinstance(value, list) and pd.isna(value)) else
                      ", ".join(map(str, value)) if isinstance(value, list) else str(value))
    return out


class Explorer(W.VBox):  # type: ignore[misc]
    """Filters, a sortable page of rows, provenance of the selected row, CSV export, plots.

    >>> from claims.store import MemoryStore
    >>> Explorer(MemoryStore()).count.value
    '0 of 0 statements'
    """

    def __init__(self, store: Store, *, table: StatementTable | None = None, page_size: int = 25,
                 cap: int = CAP) -> None:
        self.store = store
        self.table = table if table is not None else StatementTable(store)
        self.page_size = page_size
        self.cap = cap  # at most: a search matching more statements is counted in a thread
        self.page = 0
        self.rows = pd.DataFrame()  # the page shown, indexed by statement IRI
        self.total: int | None = 0  # how many rows pass the filters; None: more than cap, counting
        self._counting: tuple[Filters, threading.Thread] | None = None
        self.errors = ErrorPanel()
        self.speaker = W.Combobox(description="Speaker", placeholder="type a name: any speaker",
                                  ensure_option=False)
        self.kind = W.Dropdown(description="Kind")
        self.quantity = W.Dropdown(description="Figure")  # a figure's quantity kind
        self.dates = W.Checkbox(value=False, description="dates too", indent=False)
        self.outlet = W.Dropdown(description="Outlet")
        self.status = W.Dropdown(description="Status")
        self.since = W.DatePicker(description="From")
        self.until = W.DatePicker(description="To")
        self.text = W.Text(description="Search", placeholder="words in the statement or speaker")
        self.titles = W.Checkbox(value=False, description="also in titles", indent=False)
        self.sort = W.Dropdown(options=list(SORTS), value="date", description="Sort by")
        self.descending = W.Checkbox(value=True, description="descending", indent=False)
        self.count = W.HTML()
        self.grid = Grid()
        self.prev = W.Button(description="◀ Prev", layout=W.Layout(width="90px"))
        self.next = W.Button(description="Next ▶", layout=W.Layout(width="90px"))
        self.facet_filters = {f.name: _facet_control(f) for f in facets() if f.filter and f.kind != "text"}
        self.details = ProvenancePanel(self.table, store)
        self.export = W.Button(description="Export CSV", icon="download")
        self.download = W.HTML()
        self.refresh = W.Button(description="Refresh", icon="refresh")
        self.plots = W.HTML()
        self._style()
        self._fill_choices()
        self._applied: tuple[Filters, str, bool] | None = None
        for control in (self.speaker, self.kind, self.outlet, self.status, self.since, self.until,
                        self.text, self.titles, self.sort, self.descending, self.quantity, self.dates,
                        *self.facet_filters.values()):
            control.observe(self.errors.guard(self._on_filter), names="value")
        self.prev.on_click(self.errors.guard(lambda _: self.turn(-1)))
        self.next.on_click(self.errors.guard(lambda _: self.turn(1)))
        self.grid.observe(self.errors.guard(lambda _: self.show(self.grid.selected)), names="selected")
        self.grid.on_turn(self.errors.guard(self._turn_from_keys))
        self.export.on_click(self.errors.guard(lambda _: self.export_csv()))
        self.refresh.on_click(self.errors.guard(lambda _: self.table.reload()))
        self.table.on_change(self._on_table_change)
        super().__init__([
            W.HBox([self.speaker, self.kind, self.outlet]),
            W.HBox([self.status, self.since, self.until]),
            W.HBox([self.quantity, self.dates]),
            W.HBox([self.text, self.titles, self.sort, self.descending, self.refresh]),
            *([W.HBox(list(self.facet_filters.values()))] if self.facet_filters else []),
            self.errors, self.count, self.grid, W.HBox([self.prev, self.next, self.export]),
            self.download, self.details, self.plots])
        self.add_class("claims-explorer")
        self.apply()

    def _style(self) -> None:
        for name in ("speaker", "kind", "quantity", "dates", "outlet", "status", "since", "until", "text",
                     "titles", "sort",
                     "count", "grid", "prev", "next", "details", "export", "download", "refresh",
                     "plots"):
            getattr(self, name).add_class(f"claims-explorer-{name}")

    def _fill_choices(self) -> None:
        for control, column, label in ((self.speaker, "speaker", "Any speaker"),
                                       (self.kind, "kind", "Any kind"),
                                       (self.quantity, "quantity", "Any figure kind"),
                                       (self.outlet, "outlet", "Any outlet"),
                                       (self.status, "status", "Any status")):
            current = control.value
            values = self.table.choices(column)
            if column == "status" and "unreviewed" not in values:
                values = sorted({*values, "unreviewed"})
            if isinstance(control, W.Combobox):  # type-ahead: the names offered as one types
                control.options = tuple(values)
                continue
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
        return Filters(speaker=self.speaker_filter, kind=self.kind.value or None,
                       outlet=self.outlet.value or None, status=self.status.value or None,
                       since=self.since.value, until=self.until.value, text=self.text.value,
                       titles=self.titles.value, facets=tuple(chosen),
                       quantity=self.quantity.value or None,
                       dates=self.dates.value or self.quantity.value == "date")

    @property
    def speaker_filter(self) -> str | None:
        """The speaker typed, once it names a known speaker (exactly, or ignoring case);
        while it names none (half typed, cleared): any speaker."""
        typed = self.speaker.value.strip()
        if not typed:
            return None
        known = self.speaker.options
        if typed in known:
            return str(typed)
        folded = [name for name in known if name.casefold() == typed.casefold()]
        return str(folded[0]) if folded else None

    @property
    def columns(self) -> tuple[list[str], dict[str, str]]:
        """The table's columns (built-in, then the facets shown as columns) and their labels."""
        shown = [f for f in facets() if f.column]
        return [*SHOWN, *(f.name for f in shown)], {f.name: f.label for f in shown}

    def _on_filter(self, _change: object = None) -> None:
        if self._applied == (self.filters, self.sort.value, self.descending.value):
            return  # a keystroke that changes no filter (a half-typed speaker)
        self.page = 0
        self.apply()

    def _on_table_change(self) -> None:
        self._fill_choices()
        self.apply()
        if self.grid.selected:
            self.show(self.grid.selected)

    def apply(self) -> None:
        """Redraw the page and the plots for the current filters and sort."""
        filters = self.filters
        self._applied = (filters, self.sort.value, self.descending.value)
        self._counting = None
        self.table.index.interrupt()  # a count of earlier filters still running
        self._draw()
        if self.total is None:
            self._count_later(filters)
        else:
            index = self.table.index
            self._plot(index.per_speaker(filters), index.over_time(filters))

    def _plot(self, speakers: list[tuple[str, int]], months: list[tuple[str, int]]) -> None:
        self.plots.value = (chart.bar_chart(speakers, title="Statements per speaker")
                            + chart.bar_chart(months, title="Statements over time"))

    def _count_later(self, filters: Filters) -> None:
        """Count a large search's matches and draw its charts in a thread (inline for an
        index in memory), then show them if the filters are still the same."""
        self.plots.value = (f'<p class="claims-counting"><em>Counting the statements that match '
                            f"(more than {self.search_cap:,}) for the charts…</em></p>")
        index = self.table.index
        if index.path is None:
            self._counted(filters, index.tally(filters))
            return

        def count() -> None:
            try:
                found = index.tally(filters)
            except ClaimsError as exc:  # interrupted by a newer filter, or failed
                if self._current(filters):
                    self.errors.show(exc.message)
                return
            self._counted(filters, found)

        thread = threading.Thread(target=count, name="claims-explorer-count", daemon=True)
        self._counting = (filters, thread)
        thread.start()

    def _current(self, filters: Filters) -> bool:
        counting = self._counting
        return counting is not None and counting[0] == filters and self.filters == filters

    def _counted(self, filters: Filters, tally: Tally) -> None:
        counting = self._counting
        if self.filters != filters or (counting is not None and counting[0] != filters):
            return  # the filters have changed since
        self.total = tally.count
        self._label()
        self._plot(list(tally.per_speaker), list(tally.over_time))

    def wait(self) -> None:
        """Return once a search's count and charts are drawn (at once if nothing is counting)."""
        counting = self._counting
        if counting is not None:
            counting[1].join()

    def _draw(self) -> None:
        self.rows, self.total = self._query()
        if self.total is not None and self.page > self._last:  # fewer rows (a reload): the last page
            self.page = self._last
            self.rows, self.total = self._query()
        columns, labels = self.columns
        self.grid.show(columns, {**LABELS, **labels},
                       ((str(iri), row_cells(row, columns)) for iri, row in self.rows.iterrows()))
        self._label()
        if self.grid.selected is None:
            self.details.show(None)

    @property
    def _last(self) -> int:
        """The last page's number; while counting, the next page if this one is full."""
        if self.total is None:
            return self.page + (len(self.rows) == self.page_size)
        return max((self.total - 1) // self.page_size, 0)

    def _label(self) -> None:
        """The count line and the paging buttons."""
        total, shown = self.total, len(self.rows)
        first = self.page * self.page_size + 1 if shown else 0
        rows = f" (rows {first}–{first + shown - 1})"
        if total is None:
            self.count.value = (f"more than {self.search_cap:,} of {len(self.table)} statements{rows}"
                                " · counting…")
        else:
            self.count.value = f"{total} of {len(self.table)} statements" + (
                rows if total > self.page_size else "")
        self.prev.disabled = self.page == 0
        self.next.disabled = self.page >= self._last

    def _query(self) -> tuple[pd.DataFrame, int | None]:
        self.page = max(self.page, 0)
        return self.table.view(self.filters, sort=SORTS[self.sort.value],
                               descending=self.descending.value, limit=self.page_size,
                               offset=self.page * self.page_size, cap=self.search_cap)

    @property
    def search_cap(self) -> int:
        """Matches above which a search is counted in a thread: 2% of the statements in
        steps (1,000 to 20,000; :func:`claims.index.search.cap_for`), ``cap`` at most."""
        return cap_for(len(self.table), self.cap)

    def turn(self, step: int) -> None:
        self.page += step
        self._draw()

    def _turn_from_keys(self, step: int) -> None:
        """↓ on the last row: the next page, its first row selected (↑ on the first: the
        previous page, its last row)."""
        if not 0 <= self.page + step <= self._last:
            return
        self.turn(step)
        if len(self.rows):
            self.grid.selected = str(self.rows.index[0 if step > 0 else -1])

    def select(self, iri: str) -> None:
        """Select a statement by IRI (it must pass the filters): shows its provenance."""
        position = self.table.index.position(self.filters, iri, sort=SORTS[self.sort.value],
                                             descending=self.descending.value)
        if position is None:
            raise NotFound(iri, hint="it does not pass the explorer's filters")
        self.page = position // self.page_size
        self._draw()
        self.grid.selected = shorten(expand(iri))

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
                               f"({self.table.count(self.filters)} rows)</a>")
        return text


def _facet_control(facet: Facet) -> W.Widget:
    """A facet's filter: a checkbox for a flag, a dropdown of its values for a choice."""
    if facet.kind == "flag":
        control = W.Checkbox(value=False, description=facet.label, indent=False)
    else:
        control = W.Dropdown(description=facet.label, options=[(f"Any {facet.label.lower()}", ANY)])
    control.add_class(f"claims-explorer-facet-{facet.name}")
    return control

