"""An article's language: detected with py3langid (its model ships in its wheel), or taken
from the page's metadata; and which languages the English extraction rules may run on.

Speakers, reported speech and figures are extracted for English only. An article in
another language gets its quotation spans (German and French typography included) and no
speaker, reported speech or figure: the rules would read German words as English ones.
A text too short or too mixed to tell (below :data:`CONFIDENT`) has no language and is
read as English, the project's default.

>>> detect("Die Bundesregierung hat am Montag angekündigt, dass sie die Hilfen verlängert.")
'de'
>>> primary("en-GB"), english_rules(None), english_rules("fr")
('en', True, False)
"""

from __future__ import annotations

import dataclasses
import re
import threading
from typing import Any

from claims.document import Document

CONFIDENT = 0.8  # py3langid's normalised probability below which the language is unknown
SAMPLE = 600  # characters read from the start of the text (about 2 ms); enough for news
ENGLISH = frozenset({"en"})  # languages that get speakers, reported speech and figures
_NO_LANGUAGE = frozenset({"zxx", "und"})
_TAG = re.compile(r"[A-Za-z]{2,3}(?=$|[-_])")
_LOCK = threading.Lock()


_MODEL: list[Any] = []


def _identifier() -> Any:
    """The py3langid model, loaded once a process (about 3 s: it is decompressed)."""
    if not _MODEL:
        with _LOCK:
            if not _MODEL:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                _MODEL.append(LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True))
    return _MODEL[0]


def detect(text: str) -> str | None:
    """The ISO 639 code of the language of ``text``, or None when it cannot be told."""
    sample = text[:SAMPLE]
    if len(text) > SAMPLE:
        cut = sample.rfind(" ")
        sample = sample[:cut] if cut > SAMPLE // 2 else sample
    if sum(c.isalpha() for c in sample) < 3:
        return None
    code, confidence = _identifier().classify(sample)
    if confidence < CONFIDENT or code in _NO_LANGUAGE:
        return None
    return str(code)


def primary(tag: str | None) -> str | None:
    """The primary language subtag of a BCP 47 tag, lower-cased ("de-CH" -> "de")."""
    m = _TAG.match(tag.strip()) if tag else None
    return m.group().lower() if m else None


def language_of(doc: Document) -> str | None:
    """The document's language: its metadata's when given, else detected from its text."""
    return primary(doc.language) or detect(doc.text)


def with_language(doc: Document) -> Document:
    """``doc`` with its detected language filled in (unchanged when it has one or none
    can be told), so that the article's graph says ``schema:inLanguage``."""
    if doc.language:
        return doc
    found = detect(doc.text)
    return dataclasses.replace(doc, language=found) if found else doc


def english_rules(language: str | None) -> bool:
    """Whether the English rules (speakers, reported speech, figures) may read a text in
    ``language``: English, or a language that could not be told."""
    code = primary(language)
    return code is None or code in ENGLISH
