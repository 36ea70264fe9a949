"""The founding article: quotations, speakers, reported speech and figures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claims.document import Document
from claims.extract import EXTRACTOR_NAME, extract
from claims.statements import Kind, Statement

SEED = Path(__file__).parents[1].parent / "shared" / "seed" / "sco-summit-samarkand.txt"
_BOILERPLATE = re.compile(r"^(Skip to main content|xYOU DESERVE.*|Courtesy: DW|Get the latest.*|"
                          r"Subscribe Newsclick.*)$", re.M)


def _raw() -> str:
    if not SEED.is_file():
        pytest.skip("../shared/seed is absent")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module", params=["raw", "cleaned"])
def statements(request: pytest.FixtureRequest) -> tuple[str, list[Statement]]:
    text = _raw()
    if request.param == "cleaned":
        text = _BOILERPLATE.sub("", text)
    doc = Document.from_text(text, id="sco-summit-samarkand")
    return text, extract(doc)


def _quote(sts: list[Statement], start: str) -> Statement:
    hits = [s for s in sts if s.kind is Kind.QUOTATION and s.text.startswith(start)]
    assert len(hits) == 1, start
    return hits[0]


QUOTES = [
    ("balanced", "Vladimir Putin", True),
    ("Attempts to create a unipolar world have recently acquired an absolutely ugly form and "
     "are completely unacceptable.", "Vladimir Putin", False),
    ("positively.", "Vladimir Putin", True),
    ("The relationship between countries that are sanctioned by the US, such as Iran,",
     "Ebrahim Raisi", False),
    ("The Americans think whichever country they impose sanctions on, it will be stopped, "
     "their perception is a wrong one,", "Ebrahim Raisi", False),
    ("The SCO offers a real alternative to Western-centric organizations,", "Yuri Ushakov",
     False),
    ("All members of the SCO stand for a just world order,", "Yuri Ushakov", False),
    ("against the background of large-scale geopolitical changes.", "Yuri Ushakov", True),
    ("It means [Xi]", "Andrew Small", False),
]


@pytest.mark.parametrize(("start", "speaker", "partial"), QUOTES)
def test_quotations_and_speakers(statements: tuple[str, list[Statement]], start: str,
                                 speaker: str, partial: bool) -> None:
    text, sts = statements
    q = _quote(sts, start)
    assert q.speaker is not None and q.speaker.name == speaker
    assert q.partial is partial
    assert text[q.span.start:q.span.end] == q.text


def test_exact_quote_texts(statements: tuple[str, list[Statement]]) -> None:
    _, sts = statements
    quotes = [s for s in sts if s.kind is Kind.QUOTATION]
    assert len(quotes) == len(QUOTES)
    assert _quote(sts, "The Americans").text == QUOTES[4][0]
    assert _quote(sts, "It means").text.endswith("that is of China's own creation,")


def test_methods_roles_and_cues(statements: tuple[str, list[Statement]]) -> None:
    _, sts = statements
    added = _quote(sts, "The Americans")
    assert added.speaker is not None and added.speaker.method == "pronoun"
    assert (added.speaker.mention, added.cue) == ("he", "added")
    sco = _quote(sts, "The SCO offers")
    assert sco.speaker is not None and sco.cue == "told reporters"
    assert sco.speaker.role == "Kremlin foreign policy adviser"
    assert sco.speaker.mention == "Yuri Ushakov"
    small = _quote(sts, "It means")
    assert small.speaker is not None and small.speaker.mention == "Small"
    assert small.speaker.role == "senior transatlantic fellow"
    assert small.speaker.affiliation == "German Marshall Fund of the United States"
    putin = _quote(sts, "Attempts")
    assert putin.speaker is not None and putin.speaker.qid == "Q7747"


def test_reported_speech(statements: tuple[str, list[Statement]]) -> None:
    _, sts = statements
    rep = {(s.speaker.name if s.speaker else None, s.cue, s.text)
           for s in sts if s.kind is Kind.REPORTED_SPEECH}
    assert ("Vladimir Putin", "praised",
            "China's \"balanced\" approach to Ukraine during his meeting with Chinese "
            "President Xi Jinping") in rep
    assert ("Vladimir Putin", "said", 'the cooperation was developing in "positively."') in rep
    assert ("Andrew Small", "told", "the gathering had a highly\xa0symbolic value") in rep


def test_figures(statements: tuple[str, list[Statement]]) -> None:
    _, sts = statements
    figs = {s.text: s.quantity for s in sts if s.kind is Kind.FIGURE}
    half = figs["half of the world's population"]
    assert half is not None and (half.kind, half.value, half.measures) == (
        "proportion", 0.5, "world's population")
    nation = figs["eight-nation"]
    assert nation is not None and (nation.kind, nation.value) == ("count", 8.0)
    for year in ("2001", "2019", "2020"):
        q = figs[year]
        assert q is not None and (q.kind, q.value) == ("year", float(year))
    money = figs["multibillion-dollar"]
    assert money is not None and money.kind == "money" and money.approximate
    day = figs["one-day"]
    assert day is not None and (day.kind, day.value, day.unit) == ("duration", 1.0, "day")


def test_spans_exact_and_sorted(statements: tuple[str, list[Statement]]) -> None:
    text, sts = statements
    assert all(text[s.span.start:s.span.end] == s.text for s in sts)
    assert [s.span.start for s in sts] == sorted(s.span.start for s in sts)
    assert {s.extractor for s in sts} == {EXTRACTOR_NAME}


def test_boilerplate_yields_nothing() -> None:
    text = _raw()
    sts = extract(Document.from_text(text, id="seed"))
    last = text.index("Courtesy: DW")
    assert not [s for s in sts if s.span.start >= last]
    assert extract(Document.from_text(text, id="seed")) == sts  # deterministic
