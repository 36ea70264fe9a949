"""Speaker resolution: explicit, inverted, appositive, roles, chains, organisations."""

from __future__ import annotations

from claims.document import Document
from claims.extract import extract
from claims.statements import Kind, Speaker


def _speakers(text: str) -> list[Speaker | None]:
    return [s.speaker for s in extract(Document.from_text(text, id="t"))
            if s.kind is Kind.QUOTATION]


def _names(text: str) -> list[str | None]:
    return [s.name if s else None for s in _speakers(text)]


def test_said_x_and_x_said() -> None:
    assert _names('"We are ready," said John Baird.') == ["John Baird"]
    assert _names('"We are ready," John Baird said.') == ["John Baird"]


def test_colon_before_quote() -> None:
    assert _names('Later, Maria Lopez said: "We are ready for this fight."') == ["Maria Lopez"]


def test_surname_and_pronoun_chain() -> None:
    text = ('Senator Maria Lopez spoke on Monday.\n"We are ready," Lopez said.\n'
            '"We will win this vote," she added.')
    sps = _speakers(text)
    assert [s.name if s else None for s in sps] == ["Maria Lopez", "Maria Lopez"]
    assert sps[1] is not None and sps[1].method == "pronoun"


def test_previous_paragraph_speaker() -> None:
    text = '"We are ready for it," Lopez said.\n"And we will not back down from it."'
    sps = _speakers(text)
    assert sps[1] is not None and (sps[1].name, sps[1].method) == ("Lopez", "previous")


def test_organisation_speaker() -> None:
    (sp,) = _speakers('"The talks were useful and honest," the Kremlin said.')
    assert sp is not None and sp.name == "Kremlin" and sp.is_organization


def test_according_to() -> None:
    (sp,) = _speakers('According to Jane Doe, "the plan was never going to work."')
    assert sp is not None and (sp.name, sp.method) == ("Jane Doe", "according-to")


def test_unknown_speaker_is_none() -> None:
    assert _names('"This will never work, and everyone knows it."') == [None]


def test_role_before_name() -> None:
    (sp,) = _speakers('"We disagree," White House spokesman Josh Earnest told reporters.')
    assert sp is not None and (sp.name, sp.role) == ("Josh Earnest", "White House spokesman")
