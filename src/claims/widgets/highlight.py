"""Spans of an article's text as HTML: the sentence or paragraph around a span, with marks.

>>> text = 'Intro.\\nPutin said: "Yes." Then he left.'
>>> sentence_bounds(text, 20, 24)
(7, 25)
>>> highlight("Putin said yes", [(0, 5, "speaker"), (11, 14, "quote")])
'<mark class="claims-speaker">Putin</mark> said <mark class="claims-quote">yes</mark>'
>>> text = "Ebrahim Raisi spoke. Mr. Raisi: The US is wrong, he added."
>>> antecedent(text, "Ebrahim Raisi", 35), antecedent(text, "Ebrahim Raisi", 10)
((25, 30), None)
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterable

_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s|$)")
_STARTS = re.compile(r"[.!?][\"'”’)\]]*\s+")

STYLE = (
    "<style>mark.claims-quote{background:#fff1a8;padding:0 1px}"
    "mark.claims-speaker{background:#bfe3ff;padding:0 1px;font-weight:600}"
    "mark.claims-quote.claims-speaker{background:#d6f5c9}"
    "mark.claims-antecedent{background:#ffd9b3;padding:0 1px;font-weight:600}</style>"
)


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph(s) (lines of ``text``) that hold ``[start, end)``."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", max(end, start))
    return left, len(text) if right < 0 else right


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``[start, end)``, never crossing a paragraph break."""
    para_start, para_end = paragraph_bounds(text, start, end)
    left = para_start
    for match in _STARTS.finditer(text, para_start, start):
        left = match.end()
    found = _END.search(text, max(end - 1, start, para_start), para_end)
    right = found.end() if found else para_end
    return left, right


def antecedent(text: str, name: str, before: int) -> tuple[int, int] | None:
    """Where ``text`` last names ``name`` before offset ``before`` (the whole name, or its
    last word: a surname, "Mr. Raisi"); None if it is not named there. For a pronoun ("he
    added") or a chained attribution: the words that say who "he" is."""
    words = name.split()
    candidates = [name, *(words[-1:] if len(words) > 1 and len(words[-1]) > 2 else [])]
    found = [m.span() for c in candidates
             for m in re.finditer(rf"(?<!\w){re.escape(c)}(?!\w)", text[:before])]
    return max(found) if found else None


def highlight(text: str, spans: Iterable[tuple[int, int, str]], *, offset: int = 0) -> str:
    """``text`` as escaped HTML with each ``(start, end, name)`` span in ``<mark class="claims-name">``.

    Span offsets are into the article; ``offset`` is where ``text`` starts in it.
    Overlapping spans get both classes.
    """
    marks = [(max(s - offset, 0), min(e - offset, len(text)), name) for s, e, name in spans]
    marks = [(s, e, n) for s, e, n in marks if s < e]
    cuts = sorted({0, len(text), *(s for s, _, _ in marks), *(e for _, e, _ in marks)})
    out = []
    for a, b in itertools.pairwise(cuts):
        piece = html.escape(text[a:b], quote=False)
        names = sorted(n for s, e, n in marks if s <= a and b <= e)
        if names:
            classes = " ".join(f"claims-{n}" for n in names)
            piece = f'<mark class="{classes}">{piece}</mark>'
        out.append(piece)
    return "".join(out)


def in_context(text: str, quote: tuple[int, int], mention: tuple[int, int] | None = None, *,
               scope: str = "sentence") -> str:
    """The sentence (or paragraph) holding the quote, and the speaker's mention when given,
    as HTML with both highlighted."""
    start, end = quote
    if mention is not None:
        start, end = min(start, mention[0]), max(end, mention[1])
    bounds = sentence_bounds if scope == "sentence" else paragraph_bounds
    left, right = bounds(text, start, end)
    spans = [(quote[0], quote[1], "quote")]
    if mention is not None:
        spans.append((mention[0], mention[1], "speaker"))
    body = highlight(text[left:right], spans, offset=left).replace("\n", "<br>")
    return f'{STYLE}<div class="claims-context">{body}</div>'
