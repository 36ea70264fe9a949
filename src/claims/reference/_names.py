"""Finding names as news writes them: "Iran's", "the U.S.", "Bosnia and Herzegovina".

A :class:`NameIndex` maps names (one or more words, case as written) to values and finds
them in text, longest first, by looking up word n-grams in a dict: a few thousand names
cost a dict lookup per capitalised word, not a regular expression of a thousand branches.
A possessive ("Iran's") and a full stop after the name ("in China.") are left out of the
span; a name that ends with a full stop ("U.S.") keeps it.

>>> idx = NameIndex([("Iran", "IRN"), ("U.S.", "USA"), ("Bosnia and Herzegovina", "BIH")])
>>> [(m.text, m.value) for m in idx.find("Iran's envoy flew to the U.S. from Bosnia and Herzegovina.")]
[('Iran', 'IRN'), ('U.S.', 'USA'), ('Bosnia and Herzegovina', 'BIH')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

_WORD = re.compile(r"[^\W_]+(?:[.'’-][^\W_]+)*\.?|&")
_POSSESSIVE = re.compile(r"['’]s?$")


def words(name: str) -> tuple[str, ...]:
    """The words of a name, apostrophes normalised, without a leading "the": the key a name
    is indexed under ("the Commonwealth" is found as "Commonwealth")."""
    found = tuple(w.replace("’", "'") for w in _WORD.findall(name))
    return found[1:] if len(found) > 1 and found[0] in ("the", "The") else found


@dataclass(frozen=True, slots=True)
class Found(Generic[T]):
    """A name found in a text: ``text[start:end]`` and the value it names."""

    start: int
    end: int
    text: str
    value: T


class NameIndex(Generic[T]):
    """Names (as written, case-sensitive) -> values; the first value given for a name wins."""

    def __init__(self, names: Iterable[tuple[str, T]]) -> None:
        self._names: dict[tuple[str, ...], T] = {}
        for name, value in names:
            key = words(name)
            if key:
                self._names.setdefault(key, value)
        self._longest = max((len(k) for k in self._names), default=0)
        self._firsts = frozenset(k[0] for k in self._names)

    def get(self, name: str) -> T | None:
        return self._names.get(words(name))

    def find(self, text: str) -> list[Found[T]]:
        """Every name in ``text``, longest first where names overlap, in text order."""
        tokens = [(m.start(), m.end(), m.group().replace("’", "'")) for m in _WORD.finditer(text)]
        out: list[Found[T]] = []
        i = 0
        while i < len(tokens):
            hit = self._at(tokens, i) if _could_start(tokens[i][2], self._firsts) else None
            if hit is None:
                i += 1
                continue
            n, end, value = hit
            start = tokens[i][0]
            out.append(Found(start, end, text[start:end], value))
            i += n
        return out

    def _at(self, tokens: list[tuple[int, int, str]], i: int) -> tuple[int, int, T] | None:
        for n in range(min(self._longest, len(tokens) - i), 0, -1):
            window = tokens[i:i + n]
            if any(window[k + 1][0] - window[k][1] > 2 for k in range(n - 1)):
                continue  # words of one name are next to each other
            *head, (_, last_end, last) = window
            key = tuple(w for _, _, w in head)
            for form, cut in _endings(last):
                if (*key, form) in self._names:
                    return n, last_end - cut, self._names[(*key, form)]
        return None


def _could_start(word: str, firsts: frozenset[str]) -> bool:
    return word in firsts or word.rstrip(".") in firsts or _POSSESSIVE.sub("", word) in firsts


def _endings(word: str) -> list[tuple[str, int]]:
    """The forms a name's last word may take in text, with the characters to cut from it."""
    forms = [(word, 0)]
    bare = _POSSESSIVE.sub("", word)
    if bare != word:
        forms.append((bare, len(word) - len(bare)))
    if word.endswith("."):
        forms.append((word[:-1], 1))
    return forms
