"""Speaker patterns found by reading errors on the PolNeAR train split, one regression test
each. Every sentence here is written for the test (none is taken from the evaluation data)."""

from __future__ import annotations

from claims.document import Document
from claims.extract import extract
from claims.statements import Kind, Speaker


def _speakers(text: str, kind: Kind = Kind.QUOTATION) -> list[Speaker | None]:
    return [s.speaker for s in extract(Document.from_text(text, id="t")) if s.kind is kind]


def _names(text: str, kind: Kind = Kind.QUOTATION) -> list[str | None]:
    return [s.name if s else None for s in _speakers(text, kind)]


def test_an_opening_phrase_before_the_subject_in_a_later_sentence() -> None:
    text = ("The council met twice this week. The budget was not on the agenda.\n"
            "At the second meeting, Ingrid Solberg wanted the plan stopped because "
            "it was \"a disaster that nobody in this town will ever forgive\" in her eyes.")
    assert _names(text) == ["Ingrid Solberg"]
