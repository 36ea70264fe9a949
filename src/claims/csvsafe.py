"""CSV cells that a spreadsheet shows and never runs: formula injection neutralised.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (or their
full-width forms) is a formula to Excel, LibreOffice and Google Sheets: a quotation such as
``=HYPERLINK("http://…")`` would run when an editor opens the export. As OWASP recommends,
such a text cell gets a leading apostrophe, which spreadsheets show as text and do not
display. Every CSV the project writes goes through :func:`safe_cell` or :func:`safe_frame`.

>>> safe_cell("=1+1"), safe_cell("-3 %"), safe_cell("Putin said"), safe_cell(-3)
("'=1+1", "'-3 %", 'Putin said', -3)
"""

from __future__ import annotations

from typing import Any

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value: Any) -> Any:
    """``value`` with a leading apostrophe when it is text a spreadsheet would run."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells (and column names) are safe."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(safe_cell)
    out.columns = [safe_cell(str(c)) for c in out.columns]
    return out


def to_csv(frame: pd.DataFrame) -> str:
    """``frame`` as CSV text (no index), every cell safe."""
    text: str = safe_frame(frame).to_csv(index=False)
    return text
