"""Extraction: quotations, reported speech and figures, with their speakers.

>>> from claims.document import Document
>>> doc = Document.from_text('"We will win," Putin said.', id="t")
>>> [(s.kind.value, s.text, s.speaker.name) for s in extract(doc)]
[('quotation', 'We will win,', 'Vladimir Putin')]
"""

from __future__ import annotations

import dataclasses

from claims.document import Document
from claims.extract.figures import find_figures
from claims.extract.quotes import find_quotes, mask_quotes, segments
from claims.extract.reported import find_reported
from claims.statements import Statement

EXTRACTOR_NAME = "claims-rules"
EXTRACTOR_VERSION = "0.1.0"

__all__ = ["EXTRACTOR_NAME", "EXTRACTOR_VERSION", "extract", "find_figures", "find_quotes",
           "find_reported"]


def extract(doc: Document) -> list[Statement]:
    """All statements of a document, speakers resolved, sorted by span; deterministic."""
    from claims.attribute import attribute  # late: attribute imports this package

    segs = segments(doc)
    masked = mask_quotes(doc.text, segs)
    found = find_quotes(doc, segs, masked) + find_reported(doc, segs, masked)
    found = attribute(doc, found, segs=segs, masked=masked) + find_figures(doc)
    out = [dataclasses.replace(s, extractor=EXTRACTOR_NAME, extractor_version=EXTRACTOR_VERSION)
           for s in found]
    out.sort(key=lambda s: (s.span.start, s.span.end, s.kind.value))
    return out
