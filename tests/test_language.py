"""Language: detection, the English-only rules, German and French quotation typography."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Literal

from claims import reader
from claims.document import Document
from claims.extract import extract
from claims.extract.quotes import find_quotes
from claims.language import detect, english_rules, language_of, primary, with_language
from claims.pipeline import IngestReport, analyse
from claims.statements import Kind
from claims.vocab import SCHEMA

GERMAN = (
    "Die Regierung hat am Montag neue Hilfen für 50 von 200 Gemeinden angekündigt. "
    "Im Gespräch mit der Zeitung sagte die Ministerin: „Wir werden die Mittel im Herbst "
    "noch einmal deutlich erhöhen.“ Die Opposition sprach von einem Wahlgeschenk. "
    "»Das reicht bei weitem nicht aus«, sagte der Sprecher der Grünen am Dienstag.\n\n"
    "Ein Bürgermeister nannte das Programm ‚eine Hilfe, die viel zu spät kommt‘. "
    "36 müssen noch warten."
)
FRENCH = (
    "Le gouvernement a annoncé lundi de nouvelles aides pour les communes rurales. "
    "« Nous allons augmenter ces moyens dès l'automne prochain », a déclaré la ministre "
    "devant les députés. L'opposition a dénoncé une mesure électoraliste et tardive."
)
ENGLISH = ('"We will raise the funds again in the autumn," the minister said on Monday, '
           "adding that 36 must wait until 2025 for $5 billion in help.")


def test_detects_german_french_and_english_and_abstains_on_a_scrap() -> None:
    assert detect(GERMAN) == "de"
    assert detect(FRENCH) == "fr"
    assert detect(ENGLISH) == "en"
    assert detect("Putin said: “Yes.”") is None  # too short to tell: read as English
    assert detect("12 345 — 2020") is None


def test_metadata_language_wins_and_is_reduced_to_its_primary_subtag() -> None:
    doc = Document.from_text(ENGLISH, id="t", language="de-CH")
    assert language_of(doc) == "de"
    assert primary("EN_gb") == "en" and primary("") is None and primary("1234") is None
    assert english_rules("en-US") and english_rules(None) and not english_rules("fr")
    assert with_language(Document.from_text(GERMAN, id="t")).language == "de"
    assert with_language(doc) is doc


def test_german_article_gets_quotations_only() -> None:
    sts = extract(Document.from_text(GERMAN, id="t"))
    assert {s.kind for s in sts} == {Kind.QUOTATION}
    assert [s.text for s in sts] == [
        "Wir werden die Mittel im Herbst noch einmal deutlich erhöhen.",
        "Das reicht bei weitem nicht aus",
        "eine Hilfe, die viel zu spät kommt",
    ]
    assert all(s.speaker is None for s in sts)


def test_the_same_text_in_english_gets_speakers_and_figures() -> None:
    sts = extract(Document.from_text(ENGLISH, id="t"))
    kinds = {s.kind for s in sts}
    assert Kind.QUOTATION in kinds and Kind.FIGURE in kinds
    assert any(s.speaker is not None for s in sts if s.kind is Kind.QUOTATION)


def test_metadata_language_turns_the_english_rules_off() -> None:
    sts = extract(Document.from_text(ENGLISH, id="t", language="fr"))
    assert [s.kind for s in sts] == [Kind.QUOTATION]
    assert sts[0].speaker is None


def test_french_guillemets_with_spaces_inside() -> None:
    sts = extract(Document.from_text(FRENCH, id="t"))
    assert [s.text for s in sts] == ["Nous allons augmenter ces moyens dès l'automne prochain"]


def test_guillemets_point_outwards_unless_the_language_and_the_text_say_inwards() -> None:
    swiss = "Der Minister sagte am Montag: «Wir werden die Hilfen im Herbst erhöhen.» Dann ging er."
    assert [q.text for q in find_quotes(Document.from_text(swiss, id="t", language="de"))] == [
        "Wir werden die Hilfen im Herbst erhöhen."]
    inward = swiss.replace("«", "\x00").replace("»", "«").replace("\x00", "»")
    assert [q.text for q in find_quotes(Document.from_text(inward, id="t", language="de"))] == [
        "Wir werden die Hilfen im Herbst erhöhen."]
    # an English text never reads » as an opener
    english = "He said: »We will raise the funds again in the autumn.« Then he left."
    found = [q.text for q in find_quotes(Document.from_text(english, id="t", language="en"))]
    assert "We will raise the funds again in the autumn." not in found


def test_german_closing_mark_never_opens_a_quotation() -> None:
    text = ("Die Stadt wurde zum „freien Gebiet“ erklärt. Danach sagte die Sprecherin: "
            "„Wir bleiben hier, so lange es nötig ist.“ Der Protest ging weiter.")
    qs = find_quotes(Document.from_text(text, id="t", language="de"))
    assert [q.text for q in qs] == ["Wir bleiben hier, so lange es nötig ist."]


def test_english_single_marks_and_apostrophes_are_unchanged() -> None:
    text = "“I don’t think it’s ‘fair’ to them,” she said of the rule’s critics."
    assert [q.text for q in find_quotes(Document.from_text(text, id="t"))] == [
        "I don’t think it’s ‘fair’ to them,"]


def test_analysis_stores_the_detected_language() -> None:
    analysis = analyse(Document.from_text(GERMAN, id="t"), validate=True)
    assert analysis.document.language == "de"
    langs = set(analysis.graph.objects(None, SCHEMA.inLanguage))
    assert langs == {Literal("de")}
    report = IngestReport((analysis, analyse(Document.from_text(ENGLISH, id="e"))), ())
    assert "1 not in English (de): quotations only" in report.summary()


GLOBAL_VOICES = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "html"


@pytest.mark.skipif(not GLOBAL_VOICES.is_dir(), reason="../shared/corpus is absent")
def test_german_global_voices_page_yields_no_english_junk() -> None:
    page = next(GLOBAL_VOICES.glob("de.*.html"))
    doc = with_language(next(iter(reader.read(page))))  # type: ignore[arg-type]
    assert doc.language == "de"
    sts = extract(doc)
    assert sts and all(s.kind is Kind.QUOTATION and s.speaker is None for s in sts)
    for s in sts:  # each span sits between an opening mark and its own closing mark
        before, after = doc.text[s.span.start - 1], doc.text[s.span.end]
        assert (before, after) in {("„", "“"), ("“", "”")}, s.text
        assert len(re.findall(r"\w+", s.text)) >= 3, s.text  # no scare quote
