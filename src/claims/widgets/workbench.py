"""The SPARQL workbench: an editor with highlighting and run keys, example queries,
pre-declared prefixes, the model's terms at hand, results, CSV and a chart.

:func:`run_sparql` is shared with the ``%%sparql`` magic: it declares the usual prefixes
(unless the query declares them), runs the query, and gives a DataFrame for SELECT, a bool
for ASK, and :class:`Turtle` for CONSTRUCT/DESCRIBE. A syntax error becomes a
:class:`~claims.errors.QueryError` in words, with the line and column in the text as typed
and a caret (:mod:`claims.sparql_text`).

>>> run_sparql(__import__("claims").open_store("memory:"), "ASK { GRAPH ?g { ?s ?p ?o } }")
False
"""

from __future__ import annotations

import base64
import html
import re

import ipywidgets as W
import pandas as pd
from rdflib import XSD, Graph, Literal

from claims.csvsafe import to_csv
from claims.errors import QueryError
from claims.model.mapping import bind_prefixes
from claims.model.terms import unknown_terms
from claims.query import named_queries, resolve, to_frame
from claims.sparql_text import explain_error, readable, with_prefixes
from claims.store.base import Store, Table
from claims.widgets import chart
from claims.widgets._errors import ErrorPanel
from claims.widgets.sparql_editor import SparqlEditor

_DECLARED = re.compile(r"^\s*PREFIX\s+([\w-]*):", re.I | re.M)
_LINE = re.compile(r"\bline (\d+), column \d+")
EXAMPLE = "SELECT ?speaker ?statements\nWHERE {\n  ...\n}"


class Turtle(str):
    """A CONSTRUCT/DESCRIBE result as Turtle text; shown as a code block in notebooks."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return f'<pre class="claims-turtle">{html.escape(self)}</pre>'


def run_sparql(store: Store, text: str, *, union: bool | None = None) -> pd.DataFrame | bool | Turtle:
    """Run SPARQL text (or a named query's name) with the usual prefixes declared; ``union``
    overrides the store's default-graph setting (see :mod:`claims.store.base`)."""
    if not text.strip():
        raise QueryError("the query is empty", hint="type a SPARQL query or pick an example")
    named, _ = resolve(text) if re.match(r"^\s*[a-z_][a-z0-9_]*\s*$", text) else (None, text)
    if named is None:
        found = explain_error(text)
        if found is not None:
            raise QueryError(found)
    full, added = (named.text, 0) if named else with_prefixes(text)
    try:
        result = store.query(full, union=union)
    except QueryError as exc:
        raise readable(exc, text, added) from exc
    if isinstance(result, Table):
        return to_frame(result)
    if isinstance(result, Graph):
        return Turtle(turtle(result))
    return bool(result)


def turtle(graph: Graph) -> str:
    """``graph`` as Turtle with the project's prefixes, ``xsd:string`` literals written plain."""
    out = bind_prefixes(Graph())
    for s, p, o in graph:
        plain = isinstance(o, Literal) and o.datatype == XSD.string
        out.add((s, p, Literal(str(o)) if plain else o))
    text: str = out.serialize(format="turtle")
    return text


RESULTS_STYLE = (
    "<style>.claims-results-wrap{overflow-x:auto;max-width:100%;max-height:520px;overflow-y:auto}"
    ".claims-results{border-collapse:collapse;font-size:13px}"
    ".claims-results th,.claims-results td{text-align:left;vertical-align:top;padding:3px 10px;"
    "border-bottom:1px solid #eee}.claims-results th{position:sticky;top:0;white-space:nowrap;"
    "background:var(--jp-layout-color1,#fff)}.claims-results td{min-width:6em;max-width:40em;"
    "white-space:normal;overflow-wrap:anywhere}</style>")


def results_html(frame: pd.DataFrame) -> str:
    """A result table that scrolls sideways instead of squeezing its columns, text left."""
    table = frame.to_html(index=False, na_rep="", classes="claims-results", border=0,
                          justify="left")
    return f'{RESULTS_STYLE}<div class="claims-results-wrap">{table}</div>'


def _strip_prefixes(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not _DECLARED.match(line)).strip() + "\n"


class Workbench(W.VBox):  # type: ignore[misc]
    """Pick an example or type SPARQL (prefixes declared for you), run, see the table or
    Turtle, download CSV, and a bar chart of the first numeric column."""

    def __init__(self, store: Store, *, max_rows: int = 200) -> None:
        self.store = store
        self.max_rows = max_rows
        self.result: pd.DataFrame | bool | Turtle | None = None
        self.errors = ErrorPanel()
        queries = named_queries()
        self.examples = W.Dropdown(
            options=[("— examples —", "")] + [(f"{n}: {q.purpose}"[:90], n) for n, q in queries.items()],
            description="Example", layout=W.Layout(width="95%"))
        self.editor = SparqlEditor(placeholder=EXAMPLE)
        self.prefixes = W.HTML("<small>The prefixes on the right are declared for you; queries "
                               "without <code>GRAPH</code> see every article graph.</small>")
        self.run_button = W.Button(description="Run", button_style="primary", icon="play")
        self.status = W.HTML()
        self.table = W.HTML()
        self.download = W.HTML()
        self.chart = W.HTML()
        for name in ("examples", "editor", "run_button", "status", "table", "download", "chart"):
            getattr(self, name).add_class(f"claims-workbench-{name}")
        self.examples.observe(self.errors.guard(self._on_example), names="value")
        self.run_button.on_click(self.errors.guard(lambda _: self.run()))
        self.editor.on_run(self.errors.guard(self._run_keys))
        super().__init__([self.examples, self.prefixes, self.editor, self.run_button, self.errors,
                          self.status, self.table, self.download, self.chart])
        self.add_class("claims-workbench")

    def _on_example(self, change: dict[str, str]) -> None:
        if change["new"]:
            self.editor.value = _strip_prefixes(named_queries()[change["new"]].text)

    def _run_keys(self, _text: str) -> None:
        self.run()

    def run(self) -> pd.DataFrame | bool | Turtle | None:
        """Run the editor's query and show its result."""
        self.result = None
        self.status.value = self.table.value = self.download.value = self.chart.value = ""
        self.editor.error_line = 0
        try:
            result = run_sparql(self.store, self.editor.value)
        except QueryError as exc:
            found = _LINE.search(exc.message)
            self.editor.error_line = int(found[1]) if found else 0
            raise
        self.result = result
        notes = "".join(
            f"<br><span class='claims-workbench-hint'>Note: <code>{html.escape(name)}</code> is "
            "not a term of the model" + (f" — did you mean <code>{html.escape(near)}</code>?"
                                        if near else " (see the list on the right)") + "</span>"
            for name, near in unknown_terms(self.editor.value))
        if isinstance(result, pd.DataFrame):
            shown = result.head(self.max_rows)
            more = f" (first {self.max_rows} shown)" if len(result) > self.max_rows else ""
            rows = "1 row" if len(result) == 1 else f"{len(result)} rows"
            self.status.value = f"{rows}{more}{notes}"
            self.table.value = results_html(shown)
            data = base64.b64encode(to_csv(result).encode("utf-8")).decode("ascii")
            self.download.value = (f'<a download="results.csv" href="data:text/csv;base64,{data}">'
                                   "Download results.csv</a>")
            self.chart.value = chart.column_chart(result)
        elif isinstance(result, Turtle):
            self.status.value = f"{result.count(chr(10))} lines of Turtle{notes}"
            self.table.value = result._repr_html_()
        else:
            self.status.value = f"ASK: {'true' if result else 'false'}{notes}"
        return result
