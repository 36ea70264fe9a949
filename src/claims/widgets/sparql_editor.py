"""The workbench's SPARQL editor (an anywidget): highlighting, Ctrl+Enter or Shift+Enter
to run, a side panel of the prefixes, classes and properties (a click inserts one), and the
line of the last syntax error marked.

The JavaScript and CSS are plain files beside this module (``static/sparql.js``,
``static/sparql.css``), loaded by anywidget's prebuilt JupyterLab extension.

>>> editor = SparqlEditor()
>>> [group for group, _ in editor.terms]
['Prefixes', 'Classes', 'Properties']
>>> ran = []
>>> editor.on_run(ran.append)
>>> editor.run("ASK {}")  # what Ctrl+Enter does in the browser
>>> editor.value, ran
('ASK {}', ['ASK {}'])
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import anywidget
import traitlets as T

from claims.model.terms import terms
from claims.query import PREFIXES
from claims.widgets.grid import STATIC


def panel() -> list[list[Any]]:
    """The side panel's groups: ``[group, [[name, text inserted, tooltip], ...]]``."""
    prefixes = [[f"{p}:", f"{p}:", ns] for p, ns in PREFIXES.items()]
    groups: dict[str, list[list[str]]] = {"Classes": [], "Properties": []}
    for term in terms():
        help_ = " — ".join(part for part in (term.label, term.comment) if part)
        groups["Classes" if term.kind == "class" else "Properties"].append(
            [term.curie, term.curie, help_])
    return [["Prefixes", prefixes], *([k, v] for k, v in groups.items())]


class SparqlEditor(anywidget.AnyWidget):
    """SPARQL text (``value``) with a run key; :meth:`on_run` callbacks get the text."""

    _esm = STATIC / "sparql.js"
    _css = STATIC / "sparql.css"
    value = T.Unicode("").tag(sync=True)
    placeholder = T.Unicode("").tag(sync=True)
    error_line = T.Int(0).tag(sync=True)  # the line of the last syntax error (0: none)
    terms: T.List[list[Any]] = T.List().tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.terms = panel()
        self._runs: list[Callable[[str], None]] = []
        self.on_msg(self._on_msg)

    def on_run(self, callback: Callable[[str], None]) -> None:
        """Call ``callback(text)`` on Ctrl+Enter or Shift+Enter in the editor."""
        self._runs.append(callback)

    def run(self, text: str | None = None) -> None:
        """What the run keys do: take ``text`` (the editor's, if None) and run it."""
        if text is not None:
            self.value = text
        for callback in self._runs:
            callback(self.value)

    def _on_msg(self, _widget: object, content: dict[str, Any], _buffers: object) -> None:
        if isinstance(content, dict) and isinstance(content.get("run"), str):
            self.run(content["run"])
