"""The time an article may take to analyse: past it, the article fails with a coded error
(:class:`~claims.errors.ExtractionTimeout`) and the batch goes on.

``CLAIMS_EXTRACT_SECONDS`` (default 120) sets it; the extractors call :func:`check` in
their loops, so a hostile article stops there rather than running for minutes.

>>> with budget(60, "doc"):
...     check()
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from claims.errors import ExtractionTimeout

DEFAULT_SECONDS = 120.0
_DEADLINE: ContextVar[tuple[float, float, str] | None] = ContextVar("claims_extract_deadline",
                                                                    default=None)


def seconds() -> float:
    """``CLAIMS_EXTRACT_SECONDS``, else the default."""
    return float(os.environ.get("CLAIMS_EXTRACT_SECONDS") or DEFAULT_SECONDS)


@contextmanager
def budget(limit: float | None, what: str) -> Iterator[None]:
    """Inside the block, :func:`check` raises once ``limit`` seconds have passed."""
    allowed = seconds() if limit is None else limit
    token = _DEADLINE.set((time.monotonic() + allowed, allowed, what))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check() -> None:
    """Raise :class:`ExtractionTimeout` when the current article's time is up."""
    current = _DEADLINE.get()
    if current is not None and time.monotonic() >= current[0]:
        raise ExtractionTimeout(current[2], hint=f"its analysis took longer than {current[1]:g} s "
                                                 "(CLAIMS_EXTRACT_SECONDS); it was left out")
