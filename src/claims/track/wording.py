"""How a quotation's wording is read for matching: folded, tokenised, marked where it was cut.

The same utterance reaches outlets in many typographic forms. Before two quotations are
compared, each is *folded* (Unicode NFKC, curly quotes and apostrophes to straight ones,
dashes to ``-``, case to lower) and split into word tokens. Two marks carry meaning:

- an ellipsis (``...``, ``…``, ``. . .``) becomes :data:`GAP`: words of the other quotation
  opposite a gap were cut, not dropped;
- a bracketed insertion becomes :data:`WILD` (``[Trump]`` for "he", "he [Trump]"), which
  stands for at most a few words of the other side; a bracketed capital (``[W]e``) is just
  the letter.

Numbers keep their digits (``1,000`` -> ``1000``) so that a changed number is never mistaken
for a typo.

>>> tokens("“[W]e’re going to win — so much… you'll be tired”")
("we're", 'going', 'to', 'win', 'so', 'much', '…', "you'll", 'be', 'tired')
>>> tokens("he [Trump] said 1,000 times")
('he', '⁂', 'said', '1000', 'times')
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

GAP = "…"  # an ellipsis: the quotation was cut here
WILD = "⁂"  # a bracketed insertion: stands for a few words of the other side

_QUOTES = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
    "–": "-", "—": "-", "―": "-", "‒": "-", "−": "-", "‐": "-", "‑": "-",
    "\u00a0": " ",
})
_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|…")
_BRACKET_LETTER = re.compile(r"\[(\w{1,2})\](?=\w)|(?<=\w)\[(\w{1,3})\]|\[([aAiI])\](?=\s)")
_BRACKET = re.compile(r"\[[^\]]*\]")
_TOKEN = re.compile(rf"{GAP}|{WILD}|\d[\d,.]*\d|\d|\w+(?:'\w+)*")


def fold(text: str) -> str:
    """The text with typography and case folded (NFKC, straight quotes, ``-``, lower case).

    >>> fold("Don’t — ever")
    "don't - ever"
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).replace("\u2026", "...")
    return text.lower()


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[str, ...]:
    """The word tokens of a quotation, with :data:`GAP` and :data:`WILD` marks."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _ELLIPSIS.sub(f" {GAP} ", text)
    text = _BRACKET_LETTER.sub(lambda m: m[1] or m[2] or m[3], text)
    text = _BRACKET.sub(f" {WILD} ", text).lower()
    out = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        if word[0].isdigit():
            word = word.replace(",", "").rstrip(".")
        out.append(word)
    # a trailing or leading cut says nothing: the other side may just be longer
    while out and out[0] == GAP:
        out.pop(0)
    while out and out[-1] == GAP:
        out.pop()
    return tuple(out)


_PRONOUN_S = frozenset({"he", "she", "it", "that", "there", "what", "who", "here", "where", "how",
                        "this", "everything", "nothing", "everybody", "nobody", "somebody"})
_NOT = {"can't": ("can", "not"), "won't": ("will", "not"), "shan't": ("shall", "not"),
        "ain't": ("is", "not"), "cannot": ("can", "not")}
_SUFFIXES = (("n't", "not"), ("'ve", "have"), ("'re", "are"), ("'ll", "will"), ("'d", "would"),
             ("'m", "am"))


@lru_cache(maxsize=65536)
def expanded(toks: tuple[str, ...]) -> tuple[str, ...]:
    """The tokens with contractions written out ("we've" -> "we have", "don't" -> "do not").

    >>> expanded(("we've", "got", "it's", "trump's", "can't"))
    ('we', 'have', 'got', 'it', 'is', "trump's", 'can', 'not')
    """
    out: list[str] = []
    for tok in toks:
        if tok in _NOT:
            out += _NOT[tok]
            continue
        for suffix, word in _SUFFIXES:
            if tok.endswith(suffix) and len(tok) > len(suffix):
                out += (tok[: -len(suffix)], word)
                break
        else:
            if tok == "let's":
                out += ("let", "us")
            elif tok.endswith("'s") and tok[:-2] in _PRONOUN_S:
                out += (tok[:-2], "is")
            else:
                out.append(tok)
    return tuple(out)


def words(toks: tuple[str, ...]) -> tuple[str, ...]:
    """The tokens without marks."""
    if GAP not in toks and WILD not in toks:
        return toks
    return tuple(t for t in toks if t not in (GAP, WILD))


_SPAN = re.compile(r"\.\s*\.\s*\.|…|\[[^\]]*\]|\d[\d,.]*\d|\d|\w+(?:['‘’‛′`´]\w+)*")


def spans(text: str) -> tuple[tuple[str, int, int], ...]:
    """The words of ``text`` as written, each ``(key, start, end)``: ``text[start:end]`` is the
    word in the article's own letters, ``key`` its folded form (what two wordings are aligned
    on: case, quote marks, US/UK spelling and a number's commas folded, a contraction
    written out as its words, each with the contraction's span; an ellipsis is :data:`GAP`,
    a bracketed insertion :data:`WILD`).

    >>> text = "Don’t [sic] stop… 1,000"
    >>> [(k, text[a:b]) for k, a, b in spans(text)]
    [('do', 'Don’t'), ('not', 'Don’t'), ('⁂', '[sic]'), ('stop', 'stop'), ('…', '…'), ('1000', '1,000')]
    """
    from claims.track.compare import canon

    out = []
    for m in _SPAN.finditer(text):
        word = m.group()
        if word[0] == "[":
            key = WILD
        elif word[0] in ".…":
            key = GAP
        elif word[0].isdigit():
            key = word.replace(",", "").rstrip(".")
        else:  # a contraction is its words written out, each with the contraction's span
            out += [(canon(k), m.start(), m.end()) for k in expanded((fold(word),))]
            continue
        out.append((key, m.start(), m.end()))
    return tuple(out)
