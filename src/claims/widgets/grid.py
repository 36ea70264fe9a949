"""A table whose rows are selected by a click or the arrow keys (an anywidget).

The rows are keyed by statement IRI: ``selected`` holds the IRI of the selected row (set
from the browser by a click or ↑/↓, or from Python). At the first or last row an arrow key
asks for the previous or next page: :meth:`Grid.on_turn` callbacks get -1 or 1. The
JavaScript and CSS are plain files beside this module (``static/``), loaded by anywidget's
prebuilt JupyterLab extension, so nothing is built with npm.

>>> grid = Grid()
>>> grid.show(["speaker", "text"], {"text": "Statement"},
...           [("kb:s1", {"speaker": "Ana", "text": "Hello."})])
>>> grid.columns, grid.rows
([['speaker', 'speaker'], ['text', 'Statement']], [{'iri': 'kb:s1', 'cells': ['Ana', 'Hello.']}])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import anywidget
import traitlets as T

STATIC = Path(__file__).with_name("static")


class Grid(anywidget.AnyWidget):
    """Rows of text cells, one selectable at a time (``selected``: its IRI, or None)."""

    _esm = STATIC / "grid.js"
    _css = STATIC / "grid.css"
    columns = T.List(T.List(T.Unicode())).tag(sync=True)
    rows = T.List(T.Dict()).tag(sync=True)
    selected = T.Unicode(None, allow_none=True).tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._turns: list[Callable[[int], None]] = []
        self.on_msg(self._on_msg)

    def show(self, columns: list[str], labels: Mapping[str, str],
             rows: Iterable[tuple[str, Mapping[str, str]]]) -> None:
        """Show ``rows`` (IRI, {column: text}); the selection is kept if its row is shown."""
        shown = [{"iri": iri, "cells": [str(cells.get(c, "")) for c in columns]} for iri, cells in rows]
        with self.hold_sync():
            self.columns = [[c, labels.get(c, c)] for c in columns]
            self.rows = shown
            if self.selected not in {r["iri"] for r in shown}:
                self.selected = None

    def on_turn(self, callback: Callable[[int], None]) -> None:
        """Call ``callback(step)`` when an arrow key goes past the first or last row."""
        self._turns.append(callback)

    def turn(self, step: int) -> None:
        """What an arrow key past the edge does (for tests and keyboard-less use)."""
        for callback in self._turns:
            callback(step)

    def _on_msg(self, _widget: object, content: dict[str, Any], _buffers: object) -> None:
        step = content.get("turn") if isinstance(content, dict) else None
        if step in (-1, 1):
            self.turn(int(step))
