"""The ``Document``: an article's normalised text and metadata, as ingested.

Offsets everywhere in the project are Unicode code points into ``Document.text``.

>>> doc = Document.from_text("Putin said: \\"Yes.\\"", id="t")
>>> doc.paragraphs()
[Span(start=0, end=18)]
>>> len(doc.content_hash)
64
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from claims.statements import Span

_PARAGRAPH = re.compile(r"[^\n]+")


def content_hash(text: str) -> str:
    """SHA-256 of the UTF-8 text: the article's identity when it has no canonical URL."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Document:
    """An ingested article. Immutable; build a new one with ``dataclasses.replace``."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    date: str | None = None  # ISO 8601 date or date-time
    site: str | None = None
    language: str | None = None
    derived_from: str | None = None  # syndication credit: the outlet whose report this is
    source: str | None = None  # where it was read from (path or URL)
    content_hash: str = field(default="")

    def __post_init__(self) -> None:
        if not self.content_hash:
            object.__setattr__(self, "content_hash", content_hash(self.text))

    @classmethod
    def from_text(cls, text: str, *, id: str, **meta: str | None) -> Document:
        return cls(id=id, text=text, **meta)  # type: ignore[arg-type]

    def paragraphs(self) -> list[Span]:
        """Spans of the non-empty lines of the text (one paragraph a line)."""
        return [Span(m.start(), m.end()) for m in _PARAGRAPH.finditer(self.text)
                if m.group().strip()]
