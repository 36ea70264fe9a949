"""A registry of people and organisations: canonical names, aliases, Wikidata QIDs.

The curated table is ``kb/reference/people.csv`` (``name,aliases,qid,kind,role``; aliases
separated by ``|``). Names not in the table are canonicalised against the full names seen
earlier in the same article: "Small" becomes "Andrew Small" once he has been introduced.

>>> canonical_name("Russian President Vladimir Putin")
'Vladimir Putin'
>>> canonical_name("Small", known=["Andrew Small"])
'Andrew Small'
>>> canonical_name("Mr. Jones")
'Jones'
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from claims.extract._lexicon import ROLE_WORDS, TITLES

DEFAULT_TABLE = Path(__file__).resolve().parents[2] / "kb" / "reference" / "people.csv"
_TOKEN = re.compile(r"\S+")
_NATIONALITY = re.compile(r"^[A-Z][a-z]+(?:an|ese|ish|i|ic)$")


@dataclass(frozen=True, slots=True)
class Entity:
    """One person or organisation of the registry."""

    name: str
    aliases: tuple[str, ...] = ()
    qid: str | None = None
    kind: str = "person"
    role: str | None = None

    @property
    def is_organization(self) -> bool:
        return self.kind == "organization"


@dataclass(frozen=True, slots=True)
class Registry:
    """Entities indexed by every lower-cased alias (canonical name included)."""

    entities: tuple[Entity, ...] = ()
    index: dict[str, Entity] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        for ent in self.entities:
            for alias in (ent.name, *ent.aliases):
                self.index.setdefault(alias.lower(), ent)

    @classmethod
    def load(cls, path: Path | str | None = None) -> Registry:
        """Read the alias table; a missing file gives an empty registry."""
        p = Path(path) if path is not None else DEFAULT_TABLE
        if not p.is_file():
            return cls()
        with p.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        return cls(tuple(
            Entity(name=r["name"].strip(),
                   aliases=tuple(a.strip() for a in (r.get("aliases") or "").split("|")
                                 if a.strip()),
                   qid=(r.get("qid") or "").strip() or None,
                   kind=(r.get("kind") or "person").strip() or "person",
                   role=(r.get("role") or "").strip() or None)
            for r in rows if r.get("name")))

    def lookup(self, mention: str) -> Entity | None:
        """The entity a mention names exactly (titles and "the" ignored), if any."""
        m = mention.strip()
        ent = self.index.get(m.lower())
        if ent is None:
            ent = self.index.get(strip_titles(m).lower())
        return ent


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The registry of ``kb/reference/people.csv``, loaded once."""
    return Registry.load()


def strip_titles(mention: str) -> str:
    """Drop leading titles, roles and nationalities, and a possessive, from a name.

    >>> strip_titles("Iranian President Ebrahim Raisi")
    'Ebrahim Raisi'
    >>> strip_titles("the Kremlin's")
    'Kremlin'
    """
    toks = _TOKEN.findall(mention)
    if toks and toks[0].lower() == "the":
        toks = toks[1:]
    last_role = -1
    for i, tok in enumerate(toks[:-1]):
        low = tok.lower()
        if low in TITLES or low in ROLE_WORDS or (_NATIONALITY.match(tok) and i + 1 < len(toks)
                                                  and toks[i + 1].lower() in ROLE_WORDS):
            last_role = i
    toks = toks[last_role + 1:]
    out = " ".join(toks)
    if out.endswith(("'s", "’s")):
        out = out[:-2]
    return out.strip(" ,.;:") or mention.strip()


def canonical_name(mention: str, *, known: Iterable[str] = (),
                   registry: Registry | None = None) -> str:
    """The canonical full name for a mention: registry alias, else a known full name whose
    last (or first) word it is, else the mention without titles."""
    reg = default_registry() if registry is None else registry
    ent = reg.lookup(mention)
    if ent is not None:
        return ent.name
    bare = strip_titles(mention)
    toks = bare.split()
    if len(toks) == 1:
        word = toks[0]
        for full in known:
            parts = full.split()
            if len(parts) > 1 and (parts[-1] == word or parts[0] == word):
                return full
        for ent in reg.entities:
            if ent.kind == "person" and ent.name.split()[-1] == word:
                return ent.name
    elif len(toks) > 2 or any(t.endswith(".") for t in toks):
        # "Donald J. Trump" -> "Donald Trump" when that short form is known
        short = f"{toks[0]} {toks[-1]}"
        if short in set(known):
            return short
    return bare
