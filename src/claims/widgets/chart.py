"""Small SVG bar charts, so the explorer and workbench can plot without matplotlib.

>>> svg = bar_chart([("Putin", 3), ("Raisi", 1)], title="Statements per speaker")
>>> svg.count("<rect")
2
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd

BAR = "#4c78a8"


def bar_chart(items: Sequence[tuple[str, float]], *, title: str = "", width: int = 520,
              bar_height: int = 18, label_width: int = 170) -> str:
    """Horizontal bars, one per ``(label, value)``, as an inline SVG string."""
    if not items:
        return f"<p><em>{html.escape(title)}: nothing to plot</em></p>"
    top = max(float(v) for _, v in items) or 1.0
    plot = width - label_width - 50
    rows = []
    for i, (label, value) in enumerate(items):
        y = 24 + i * (bar_height + 4)
        length = max(plot * float(value) / top, 1.0)
        shown = label if len(label) <= 26 else label[:25] + "…"
        rows.append(
            f'<text x="{label_width - 6}" y="{y + bar_height - 5}" text-anchor="end" font-size="12">'
            f"{html.escape(shown)}</text>"
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" fill="{BAR}">'
            f"<title>{html.escape(label)}: {value:g}</title></rect>"
            f'<text x="{label_width + length + 4:.1f}" y="{y + bar_height - 5}" font-size="11">'
            f"{value:g}</text>")
    height = 30 + len(items) * (bar_height + 4)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'class="claims-chart"><text x="4" y="14" font-size="13" font-weight="600">'
            f'{html.escape(title)}</text>{"".join(rows)}</svg>')


def column_chart(df: pd.DataFrame, *, limit: int = 20) -> str:
    """The workbench's simple chart: the first numeric column against the first other column."""
    numeric = [c for c in df.columns if pd.api.types.is_numeric_dtype(df[c])
               and not pd.api.types.is_bool_dtype(df[c])]
    labels = [c for c in df.columns if c not in numeric]
    if not numeric or not labels or df.empty:
        return "<p><em>No chart: the result needs a label column and a numeric column.</em></p>"
    top = df[[labels[0], numeric[0]]].dropna().head(limit)
    items = [(str(k), float(v)) for k, v in zip(top[labels[0]], top[numeric[0]], strict=True)]
    return bar_chart(items, title=f"{numeric[0]} by {labels[0]}")
