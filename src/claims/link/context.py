"""What the linker reads besides a mention: the article's context (the full names it gives,
by surname, and the countries it names), spelling skeletons of names, the people tables'
terms by title, and the genders of given names.

>>> skeleton("volodymyr zelenskyy") == skeleton("volodimir zelenskiy") == skeleton("volodymyr zelensky")
True
"""

from __future__ import annotations

import re
from functools import cache

from claims.link.mentions import parse
from claims.link.offices import words
from claims.reference.countries import mentions as countries_in
from claims.reference.people import People, Position, fold, surname_keys

__all__ = ["Context", "by_title", "given_genders", "skeleton", "skeletons"]

_NAME_RUN = re.compile(r"(?:[A-Z][\w'’-]*\.?|[A-Z]\.)(?:\s+(?:(?:de|van|von|der|bin|al|la|le|da|di)\s+)*"
                       r"(?:[A-Z][\w'’-]*|[A-Z]\.))+")
# Capitalised only because they open a sentence: not part of a name that follows.
_OPENERS = words("""but and the a an when if as so yet or then while after before since although
    because however meanwhile still also now in on at for with from by to of this that these
    those his her their its our my your we he she they it i said says according asked""")
_LOWER_WORD = re.compile(r"(?<![\w.])[a-z][a-z'-]+")
_SKELETON = ((re.compile(r"\bye"), "e"), (re.compile(r"dzh|zh"), "j"), (re.compile(r"kh"), "h"),
             (re.compile(r"tch"), "ch"), (re.compile(r"sch"), "sh"), (re.compile(r"ph"), "f"),
             (re.compile(r"ck"), "k"), (re.compile(r"ts"), "c"), (re.compile(r"w"), "v"),
             (re.compile(r"x"), "ks"), (re.compile(r"q"), "k"), (re.compile(r"ey\b"), "ei"),
             (re.compile(r"y"), "i"), (re.compile(r"(\w)\1+"), r"\1"))


def skeleton(key: str) -> str:
    """A folded name's spelling skeleton: transliteration variants share it."""
    for pattern, replacement in _SKELETON:
        key = pattern.sub(replacement, key)
    return key


@cache
def skeletons(table: People) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Spelling skeleton -> QIDs, for full names and for surnames (built on first need)."""
    names: dict[str, set[str]] = {}
    for key, qids in table.by_name.items():
        names.setdefault(skeleton(key), set()).update(qids)
    surnames: dict[str, set[str]] = {}
    for key, qids in table.by_surname.items():
        surnames.setdefault(skeleton(key), set()).update(qids)
    return ({k: tuple(sorted(v)) for k, v in names.items()},
            {k: tuple(sorted(v)) for k, v in surnames.items()})


@cache
def by_title(table: People) -> dict[str, tuple[Position, ...]]:
    """Every term of office by its title (2,659 titles for 18,110 terms)."""
    found: dict[str, list[Position]] = {}
    for terms in table.positions.values():
        for p in terms:
            found.setdefault(p.title, []).append(p)
    return {title: tuple(terms) for title, terms in found.items()}


class Context:
    """What an article (or a CLI line's context) offers to resolve its mentions: the full
    names it gives, by surname, and the countries it names.

    A run of capitalised words counts as a full name when the tables know it, or when it
    starts with a given name the tables know ("Andrew Small"); the words before are dropped
    ("Democrat Hillary Clinton"), and so is a run that is no name ("Friday Trump").
    """

    def __init__(self, text: str, table: People) -> None:
        self.text = text
        self.full: dict[str, set[str]] = {}  # surname key -> folded full names written
        self.times: dict[str, int] = {}  # folded full name -> how often the text writes it
        for run in _NAME_RUN.finditer(text):
            name = _full_name(run.group().split(), table)
            if name:
                folded = fold(name)
                self.times[folded] = self.times.get(folded, 0) + 1
                for key in surname_keys(name):
                    self.full.setdefault(key, set()).add(folded)
        self._lower: set[str] | None = None
        self._countries: set[str] | None = None

    @property
    def countries(self) -> set[str]:
        if self._countries is None:
            self._countries = {m.value.iso3 for m in countries_in(self.text)}
        return self._countries

    def lower_words(self) -> set[str]:
        """Words the context writes in lower case ("the king"): a surname that is also one is common."""
        if self._lower is None:
            self._lower = set(_LOWER_WORD.findall(self.text))
        return self._lower


def _full_name(words: list[str], table: People) -> str:
    """The longest tail of a run of capitalised words that is a person's full name."""
    while words and words[0].lower() in _OPENERS:  # "But Flynn" opens a sentence
        words = words[1:]
    name = parse(" ".join(words)).name.split()
    for start in range(len(name) - 1):
        tail = " ".join(name[start:])
        given = fold(name[start])
        if len(given) > 1 and (table.named(tail) or given in table.given_names):
            return tail
    return ""


@cache
def given_genders(table: People) -> dict[str, str]:
    """Given name -> "m" or "f" where the people of the tables who bear it agree (9 in 10)."""
    counts: dict[str, dict[str, int]] = {}
    for person in table.persons.values():
        first = fold(person.name).split()[:1]
        if first and person.gender[:1] in ("m", "f"):
            tally = counts.setdefault(first[0], {"m": 0, "f": 0})
            tally[person.gender[0]] += 1
    return {name: g for name, tally in counts.items() for g in "mf"
            if tally[g] >= 2 and tally[g] >= 9 * tally["f" if g == "m" else "m"]}
