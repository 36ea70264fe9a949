"""Tables that fit the terminal, as sqlite-utils and datasette print them: text left,
numbers right, missing values blank, and the widest columns cut with "…" until every line
fits the width (the full values are in ``--format csv`` and ``json``, and in a table
written to a file or a pipe). With too many columns for the width (each at least ten
characters), each row becomes a block of "column  value" lines, as ``psql``'s expanded mode.

>>> import pandas as pd
>>> frame = pd.DataFrame({"speaker": ["Vladimir Putin", None], "n": [12, 3],
...                       "text": ["Attempts to create a unipolar world", "Yes."]})
>>> print(fit_table(frame, 40))
speaker          n  text
--------------  --  --------------------
Vladimir Putin  12  Attempts to create …
                 3  Yes.
>>> print(fit_table(frame, 20))
-[ 1 ]--------------
speaker  Vladimir P…
n        12
text     Attempts t…
-[ 2 ]--------------
speaker
n        3
text     Yes.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

__all__ = ["fit_table", "json_records"]

GAP = "  "
NARROWEST = 10  # a column is never cut below this (nor below its values' width, if smaller)


def fit_table(frame: pd.DataFrame, width: int | None) -> str:
    """``frame`` as a plain-text table no wider than ``width`` (when its columns allow;
    None: as wide as the values)."""
    names = [str(c) for c in frame.columns]
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
               for c in frame.columns]
    cells = [[_text(v) for v in frame[c].tolist()] for c in frame.columns]
    widths = [max([len(n), *(len(v) for v in col)]) for n, col in zip(names, cells, strict=True)]
    floors = [min(w, NARROWEST) for w in widths]
    room = width - len(GAP) * (len(names) - 1) if width is not None else sum(widths)
    if width is not None and sum(floors) > room:
        return _records(names, cells, width)
    while sum(widths) > room:
        widest = max(range(len(widths)), key=lambda i: widths[i] - floors[i])
        if widths[widest] <= floors[widest]:
            break
        widths[widest] -= 1
    lines = [GAP.join(_cut(n, w).rjust(w) if num else _cut(n, w).ljust(w)
                      for n, w, num in zip(names, widths, numeric, strict=True)).rstrip(),
             GAP.join("-" * w for w in widths)]
    for row in zip(*cells, strict=True):
        lines.append(GAP.join(
            _cut(v, w).rjust(w) if num else _cut(v, w).ljust(w)
            for v, w, num in zip(row, widths, numeric, strict=True)).rstrip())
    return "\n".join(lines)


def _records(names: list[str], cells: list[list[str]], width: int) -> str:
    """Too many columns for the width: one block per row, a line per column."""
    label = max(len(n) for n in names)
    lines = []
    for number, row in enumerate(zip(*cells, strict=True), start=1):
        lines.append((f"-[ {number} ]" + "-" * width)[:width])
        lines.extend(f"{n.ljust(label)}  {_cut(v, max(width - label - 2, 1))}".rstrip()
                     for n, v in zip(names, row, strict=True))
    return "\n".join(lines)


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return ""
    if isinstance(value, pd.Timestamp):
        return value.isoformat()[:10] if value == value.normalize() else value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return " ".join(str(value).split())


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:max(width - 1, 0)] + "…"


def plain_times(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its dates and times written as :func:`json_records` writes them
    (``2020-01-18``; ``2026-12-02T16:11:22+00:00``), so CSV and JSON agree.

    >>> plain_times(pd.DataFrame({"time": pd.to_datetime(["2026-12-02 16:11:22+00:00"])})).iloc[0, 0]
    '2026-12-02T16:11:22+00:00'
    """
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]) or out[column].dtype == object:
            out[column] = out[column].map(lambda v: _text(v) if isinstance(v, pd.Timestamp) else v)
    return out


def json_records(frame: pd.DataFrame) -> str:
    """``frame`` as a JSON array of objects: missing values null, dates as written
    (``2020-01-18``, a time only when there is one), slashes not escaped.

    >>> frame = pd.DataFrame({"url": ["https://a.example/x", None], "date": pd.to_datetime(
    ...     ["2020-01-18", None]), "n": [1.5, float("nan")]})
    >>> print(json_records(frame))
    [{"url": "https://a.example/x", "date": "2020-01-18", "n": 1.5}, {"url": null, "date": null, "n": null}]
    """
    import json

    def plain(value: Any) -> Any:
        if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
            return None
        if isinstance(value, pd.Timestamp):
            return _text(value)
        if hasattr(value, "item"):  # numpy scalars
            return value.item()
        return value

    rows = [{str(k): plain(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]
    return json.dumps(rows, ensure_ascii=False, default=str)
