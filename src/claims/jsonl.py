"""JSON Lines input: one JSON object a line, blank lines skipped, the first bad line a coded
error that names it.

>>> [record["id"] for record in objects(['{"id": 1}', '', '{"id": 2}'], ("id",), "hint")]
[1, 2]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from claims.errors import MalformedBatch


def numbered(lines: Iterable[str], required: tuple[str, ...],
             hint: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` for each non-blank line, each object with the ``required``
    keys; :class:`MalformedBatch` naming the first bad line."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise MalformedBatch(f"line {number}: {exc.msg}", hint=hint) from None
        if not isinstance(record, dict) or not all(key in record for key in required):
            raise MalformedBatch(f"line {number}: no {' or '.join(required)}", hint=hint)
        yield number, record


def objects(lines: Iterable[str], required: tuple[str, ...], hint: str) -> list[dict[str, Any]]:
    """The objects of :func:`numbered`, read whole so that a bad line stops before any work."""
    return [record for _, record in numbered(lines, required, hint)]
