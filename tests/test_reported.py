"""Reported speech: "X said that …", "…, X said", "according to X"."""

from __future__ import annotations

from claims.document import Document
from claims.extract import extract
from claims.statements import Kind


def _rep(text: str) -> list[tuple[str, str | None, str | None]]:
    sts = extract(Document.from_text(text, id="t"))
    return [(s.text, s.cue, s.speaker.name if s.speaker else None)
            for s in sts if s.kind is Kind.REPORTED_SPEECH]


def test_said_that() -> None:
    assert _rep("Mayor Jane Doe said that the bridge would reopen in May.") == [
        ("the bridge would reopen in May", "said", "Jane Doe")]


def test_trailing_source() -> None:
    assert _rep("The talks will resume next week, a senior official said.") == [
        ("The talks will resume next week", "said", "senior official")]


def test_according_to() -> None:
    assert _rep("According to the ministry, exports fell sharply in March.") == [
        ("exports fell sharply in March", "According to", "ministry")]


def test_direct_quote_is_not_reported_speech() -> None:
    assert _rep('Putin said: "We will not retreat from our goals."') == []


def test_no_verb_no_reported_speech() -> None:
    assert _rep("The river rose three metres overnight.") == []
