"""The Output panel where every widget reports what went wrong, instead of failing silently.

A :class:`~claims.errors.ClaimsError` is shown as its message (it says what to do). Any
other exception is shown too, then re-raised so that ipywidgets logs it (and the test
suite's fixture turns that log into a failure).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import ipywidgets as W

from claims.errors import ClaimsError

F = TypeVar("F", bound=Callable[..., Any])


class ErrorPanel(W.Output):  # type: ignore[misc]
    """An Output widget holding the last error message (``.message``), empty when all is well."""

    def __init__(self) -> None:
        super().__init__()
        self.add_class("claims-errors")
        self.message = ""

    def show(self, message: str) -> None:
        self.message = message
        entry: tuple[dict[str, str], ...] = (
            {"output_type": "stream", "name": "stderr", "text": message + "\n"},)
        self.outputs = entry

    def clear(self) -> None:
        self.message = ""
        self.outputs = tuple[dict[str, str], ...]()

    def guard(self, func: F) -> F:
        """Wrap a callback: clear the panel, run it, and show any error it raises."""

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            self.clear()
            try:
                return func(*args, **kwargs)
            except ClaimsError as exc:
                self.show(exc.message)
            except Exception as exc:
                self.show(f"[internal-error] {type(exc).__name__}: {exc}")
                raise
            return None

        return wrapper  # type: ignore[return-value]
