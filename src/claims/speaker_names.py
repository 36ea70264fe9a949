"""A speaker as people type it: "Trump", "putin", "V. Putin" to the name the knowledge base
files their statements under, for the ``speaker`` parameter of the named queries (``claims
query quotations_by_speaker -p speaker=Putin``).

The rules, in order: the name as stored; the same, case ignored; a name or alias of the
people table (``kb/reference/people.csv``) of someone the store quotes; a stored name whose
last word (the surname) is the word typed. One match: that name. Several: an error that
lists them. None: an error with the closest names ("did you mean ...").

>>> known = ["Donald Trump", "Vladimir Putin", "Andrew Small", "Jane Small"]
>>> canonical_speaker("putin", known), canonical_speaker("V. Putin", known)
('Vladimir Putin', 'Vladimir Putin')
>>> canonical_speaker("Trump", known)  # an alias in the people table
'Donald Trump'
>>> canonical_speaker("Vladmir Putin", known)
Traceback (most recent call last):
claims.errors.NotFound: [not-found] speaker 'Vladmir Putin': no such speaker; did you mean Vladimir Putin?
>>> canonical_speaker("small", known)
Traceback (most recent call last):
claims.errors.NotFound: [not-found] speaker 'small': several speakers match: Andrew Small, Jane Small
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from functools import cache

from claims.errors import NotFound
from claims.reference import table

__all__ = ["canonical_speaker", "known_speakers"]


@cache
def _aliases() -> dict[str, frozenset[str]]:
    """Each alias (case folded) of the people table, and the names it stands for."""
    found: dict[str, set[str]] = {}
    for row in table("people"):
        for alias in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
            found.setdefault(alias.casefold().strip(), set()).add(row["name"])
    return {k: frozenset(v) for k, v in found.items()}


def canonical_speaker(typed: str, known: Sequence[str]) -> str:
    """The stored speaker name ``typed`` stands for, among ``known`` (the rules above)."""
    if typed in known:
        return typed
    folded = typed.casefold().strip()
    for matches in (
            [k for k in known if k.casefold() == folded],
            [k for k in known if k in _aliases().get(folded, ())],
            [k for k in known if k.split() and k.split()[-1].casefold() == folded]):
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise NotFound(f"speaker {typed!r}",
                           hint="several speakers match: " + ", ".join(sorted(matches)))
    close = difflib.get_close_matches(typed, list(known), n=3, cutoff=0.6)
    raise NotFound(f"speaker {typed!r}", hint="no such speaker" + (
        f"; did you mean {', '.join(close)}?" if close else " ('claims query speakers' lists them)"))


def known_speakers(store: object) -> list[str]:
    """The speakers (as corrected) of ``store``'s statement index."""
    from claims.index import StatementIndex
    from claims.store.base import Store

    assert isinstance(store, Store)
    return StatementIndex.open(store).choices("speaker")
