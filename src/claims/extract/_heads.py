"""The head of a source with a long appositive (private): "Jane Doe, 59, of Ashton, Md.,
who watched the ceremony, said" -> "Jane Doe".

>>> m = "Jane Doe, 59, of Ashton, Md·, who watched it, said"
>>> s = head_source(m, 0, m.rindex(","))
>>> m[s.start:s.end]
'Jane Doe'
"""

from __future__ import annotations

import re

from claims.extract._lexicon import ROLE_WORDS
from claims.statements import Span

_WORD = re.compile(r"[A-Za-z][\w’'·.-]*")
_SEP = re.compile(r"[;:()—–―_\"“”]")
_CONNECT = frozenset({"of", "the", "de", "van", "von", "al", "bin", "da", "del", "and"})
_OPENERS = frozenset({"In", "On", "At", "After", "Before", "When", "While", "As", "If", "For",
                      "With", "From", "During", "Since", "Asked", "But", "And", "Yet", "So",
                      "Still", "Meanwhile", "However", "Although", "Though", "Because", "Also",
                      "Then", "Later", "Earlier", "Now", "Here", "There", "This", "That", "It",
                      "Speaking", "Like", "Unlike", "Despite", "Under", "To", "By", "Of"})
_DAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                   "Sunday"})


def head_source(masked: str, lo: int, comma: int, *, min_commas: int = 1) -> Span | None:
    """The capitalised name opening the clause that ends at ``comma`` (the comma before
    the verb), when appositives separated by commas (at least ``min_commas`` of them
    after the name) sit between it and the verb; None otherwise."""
    if comma - lo > 260:
        lo = comma - 260
    region = masked[lo:comma]
    seps = [m.end() for m in _SEP.finditer(region)]
    start = lo + (seps[-1] if seps else 0)
    first = masked.find(",", start, comma)
    if first < 0 or not min_commas + 1 <= masked.count(",", first, comma + 1) <= 6:
        return None
    words = list(_WORD.finditer(masked, start, first))
    if not words or len(words) > 7 or words[0].group() in _OPENERS:
        return None
    if not all(w.group()[0].isupper() or w.group() in _CONNECT or w.group() in ROLE_WORDS
               for w in words) or not words[0].group()[0].isupper() or \
            words[-1].group() in _DAYS or not words[-1].group()[0].isupper():
        return None
    return Span(words[0].start(), words[-1].end())
