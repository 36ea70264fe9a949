"""Pairs of quotations labelled by the matcher ingestion uses (``claims track compare``).

A pair is one JSON object a line: ``pair_id``, ``a`` and ``b``, each ``{"id", "text",
"speaker"}`` (the speaker may be null). :func:`label_pairs` yields ``{"pair_id", "label"}``
with ``same``, ``misquote`` or ``different``, and the relation, confidence and the material
word changes, so that any benchmark can be scored.

>>> line = '{"pair_id": "p1", "a": {"id": "x", "text": "We will win.", "speaker": "Ana Li"},' \\
...        ' "b": {"id": "y", "text": "we will win", "speaker": null}}'
>>> [r["label"] for r in label_pairs(read_pairs([line]))]
['same']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from claims.errors import MalformedBatch
from claims.jsonl import numbered
from claims.track.compare import compare

_HINT = 'one JSON object a line: {"pair_id", "a": {"id", "text", "speaker"}, "b": {...}}'


@dataclass(frozen=True, slots=True)
class Side:
    id: str
    text: str
    speaker: str | None


@dataclass(frozen=True, slots=True)
class Pair:
    pair_id: str
    a: Side
    b: Side


def _side(value: object, number: int, name: str) -> Side:
    if not isinstance(value, dict) or not isinstance(value.get("text"), str):
        raise MalformedBatch(f"line {number}: {name} has no text", hint=_HINT)
    speaker = value.get("speaker")
    return Side(str(value.get("id", "")), value["text"],
                speaker if isinstance(speaker, str) and speaker.strip() else None)


def read_pairs(lines: Iterable[str]) -> Iterator[Pair]:
    """The pairs of JSON Lines (blank lines skipped); :class:`MalformedBatch` on a bad line."""
    for number, record in numbered(lines, ("pair_id",), _HINT):
        yield Pair(str(record["pair_id"]), _side(record.get("a"), number, "a"),
                   _side(record.get("b"), number, "b"))


def label_pairs(pairs: Iterable[Pair]) -> Iterator[dict[str, Any]]:
    """``{"pair_id", "label", "relation", "confidence", "changes"}`` for each pair."""
    for pair in pairs:
        found = compare(pair.a.text, pair.b.text, pair.a.speaker, pair.b.speaker)
        yield {"pair_id": pair.pair_id, "label": found.label, "relation": found.relation,
               "confidence": found.confidence,
               "changes": [{"kind": c.kind, "a": " ".join(c.a), "b": " ".join(c.b)}
                           for c in found.material]}
