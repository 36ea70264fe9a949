"""Extraction: quotations, reported speech and figures, with their speakers.

>>> from claims.document import Document
>>> doc = Document.from_text('"We will win," Putin said.', id="t")
>>> [(s.kind.value, s.text, s.speaker.name) for s in extract(doc)]
[('quotation', 'We will win,', 'Vladimir Putin')]
"""

from __future__ import annotations

import dataclasses
import os
from typing import Literal

from claims.document import Document
from claims.extract.budget import budget
from claims.extract.figures import find_figures
from claims.extract.quotes import find_quotes, mask_quotes, segments
from claims.extract.reported import find_reported
from claims.language import english_rules, language_of
from claims.statements import Statement

EXTRACTOR_NAME = "claims-rules"
EXTRACTOR_VERSION = "0.2.0"  # 0.2.0: issue 11 speakers, reported speech, figures, language
SPACY_EXTRACTOR_NAME = "claims-spacy"  # rules + parse refinement (the claims[spacy] extra)

__all__ = ["EXTRACTOR_NAME", "EXTRACTOR_VERSION", "SPACY_EXTRACTOR_NAME", "extract",
           "find_figures", "find_quotes", "find_reported"]


def extract(doc: Document, *, model: Literal["rules", "spacy"] | None = None) -> list[Statement]:
    """All statements of a document, speakers resolved, sorted by span; deterministic.

    ``model="spacy"`` (or ``CLAIMS_EXTRACTOR=spacy`` when ``model`` is not given) adds the
    optional parse-based speaker refinement of :mod:`claims.extract._spacy`; its statements
    are recorded as extractor ``claims-spacy``. The default is the pure-Python ``rules``.
    A document in a language other than English (:mod:`claims.language`: its metadata, else
    detected) gets its quotations only, with no speaker: no English rule reads it.
    Past ``CLAIMS_EXTRACT_SECONDS`` it raises :class:`~claims.errors.ExtractionTimeout`."""
    from claims.extract.attribute import attribute  # late: attribute imports this package

    chosen = model or os.environ.get("CLAIMS_EXTRACTOR", "rules").strip().lower() or "rules"
    if chosen not in ("rules", "spacy"):
        raise ValueError(f"unknown extractor model {chosen!r}: use 'rules' or 'spacy'")
    with budget(None, doc.source or doc.id):
        language = language_of(doc)
        if language != doc.language:
            doc = dataclasses.replace(doc, language=language)
        segs = segments(doc)
        masked = mask_quotes(doc.text, segs)
        if not english_rules(language):
            return _stamped(find_quotes(doc, segs, masked), EXTRACTOR_NAME)
        found = find_quotes(doc, segs, masked) + find_reported(doc, segs, masked)
        found = attribute(doc, found, segs=segs, masked=masked)
        name = EXTRACTOR_NAME
        if chosen == "spacy":
            from claims.extract._spacy import refine  # late: spaCy is an optional extra

            found, name = refine(doc, found), SPACY_EXTRACTOR_NAME
        found += find_figures(doc)
    return _stamped(found, name)


def _stamped(found: list[Statement], name: str) -> list[Statement]:
    out = [dataclasses.replace(s, extractor=name, extractor_version=EXTRACTOR_VERSION)
           for s in found]
    out.sort(key=lambda s: (s.span.start, s.span.end, s.kind.value))
    return out
