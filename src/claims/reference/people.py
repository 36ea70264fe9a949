"""People who held public office, with their Wikidata QIDs, positions (with dates) and aliases.

Three shipped tables (``kb/reference/people_*.csv.gz``), built by :func:`build` from the
Wikidata-derived tables in ``../shared/reference/`` (CC0; sources in ``kb/reference/README.md``):

- ``people_persons``: ``qid, name, gender, born, countries`` (``|``-joined ISO3 codes);
- ``people_positions``: ``qid, position, position_qid, country, start, end, source`` (dates as
  precise as known: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; an empty end: still held);
- ``people_aliases``: ``qid, alias, kind`` (labels, Wikipedia titles, accent-free and
  transliterated forms).

:func:`people` reads them once, lazily, into a :class:`People` with the lookups the speaker
linker needs: a person by QID, the people a full name or a surname may be, the positions a
person held on a day, and the holders of positions in a country on a day.

>>> from claims.reference.people import fold, held_on
>>> fold("Ebrahim Raïsi"), fold("Amir-Abdollahian")
('ebrahim raisi', 'amir abdollahian')
>>> held_on(Position("Q1", "President", "", "RUS", "2012-05-07", ""), "2022-09-15")
True
"""

from __future__ import annotations

import csv
import gc
import gzip
import io
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from claims.reference import table

__all__ = ["People", "Person", "Position", "build", "fold", "held_on", "name_keys", "people",
           "surname_keys"]

TABLES = ("people_persons", "people_positions")  # read to link; people_aliases on demand
# Countries whose people are named family name first ("Xi Jinping" is "Xi").
FAMILY_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "KHM"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_PARTICLES = frozenset({"de", "da", "di", "van", "von", "der", "del", "la", "le", "al", "el", "bin", "ibn"})
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_QUALIFIER = re.compile(r"\s*\([^)]*\)\s*$")  # "Jeff Taylor (politician)"


def fold(text: str) -> str:
    """A name as a lookup key: lower case, accents and apostrophes dropped, other punctuation
    and hyphens as spaces ("O’Brien" = "O'Brien" = "obrien")."""
    text = text.replace("'", "").replace("’", "")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_ALNUM.sub(" ", ascii_text.lower()).strip()


def _tokens(name: str) -> list[str]:
    """The name's folded words without initials and suffixes ("Loretta E. Lynch Jr." -> 2)."""
    words = fold(name).split()
    kept = [w for w in words if len(w) > 1 and w not in _SUFFIXES]
    return kept or words


def name_keys(name: str) -> set[str]:
    """The keys a full name is found under: as written and without initials or suffixes.

    >>> sorted(name_keys("Loretta E. Lynch"))
    ['loretta e lynch', 'loretta lynch']
    """
    return {k for k in (fold(name), " ".join(_tokens(name))) if k}


def surname_keys(name: str, countries: Iterable[str] = ()) -> set[str]:
    """The keys a person is found under by family name alone: the last word (with a particle
    before it: "de Gaulle"), the last two of a longer name ("Duncan Smith"), and the first word
    of a name from a family-name-first country ("Xi").

    >>> sorted(surname_keys("Xi Jinping", ["CHN"]))
    ['jinping', 'xi']
    """
    words = _tokens(name.split(" of ")[0])  # "Abdullah II of Jordan" has no surname
    if len(words) < 2:
        return set()
    keys = {words[-1]}
    if len(words) > 2:
        keys.add(" ".join(words[-2:]))
    if words[-2] in _PARTICLES:
        keys.add(" ".join(words[-2:]))
    if FAMILY_FIRST.intersection(countries):
        keys.add(words[0])
    return keys


@dataclass(frozen=True, slots=True)
class Position:
    """A position a person held: title as the source gives it, its Wikidata QID where known,
    the country (ISO3; ``INT`` for international posts), start and end (``""``: open)."""

    qid: str
    title: str
    position_qid: str
    country: str
    start: str
    end: str
    source: str = ""


def held_on(position: Position, day: str) -> bool:
    """Whether the position was held on ``day`` (ISO date), at the precision the dates have:
    a term that started in "2013" counts from the first day of 2013, one that ended in "2015"
    up to the last."""
    return (not position.start or position.start <= day) and (not position.end or day <= position.end + "~")


@dataclass(frozen=True, slots=True)
class Person:
    """A person of the tables: QID, name, gender, date of birth, countries."""

    qid: str
    name: str
    gender: str = ""
    born: str = ""
    countries: tuple[str, ...] = ()


@dataclass(slots=True, eq=False)  # hashed by identity: lookups built from it are cached
class People:
    """Every person with their positions and aliases, indexed for linking."""

    persons: dict[str, Person] = field(default_factory=dict)
    positions: dict[str, tuple[Position, ...]] = field(default_factory=dict)
    by_name: dict[str, tuple[str, ...]] = field(default_factory=dict)  # name key -> qids
    by_surname: dict[str, tuple[str, ...]] = field(default_factory=dict)  # surname key -> qids
    by_country: dict[str, tuple[Position, ...]] = field(default_factory=dict)
    given_names: frozenset[str] = frozenset()  # first words of every name

    @classmethod
    def from_rows(cls, persons: Iterable[dict[str, str]], positions: Iterable[dict[str, str]]) -> People:
        """The tables as read; each person row carries the name and surname keys :func:`build`
        folded once (``|``-joined), so that loading folds nothing."""
        out = cls()
        by_name: dict[str, list[str]] = defaultdict(list)
        by_surname: dict[str, list[str]] = defaultdict(list)
        given: set[str] = set()
        for row in persons:
            qid = row["qid"]
            out.persons[qid] = Person(qid, row["name"], row["gender"], row["born"],
                                      tuple(c for c in row["countries"].split("|") if c))
            for key in row["names"].split("|"):
                by_name[key].append(qid)
                first, space, _ = key.partition(" ")
                if space:
                    given.add(first)
            for key in row["surnames"].split("|"):
                if key:
                    by_surname[key].append(qid)
        held: dict[str, list[Position]] = defaultdict(list)
        country: dict[str, list[Position]] = defaultdict(list)
        for row in positions:
            pos = Position(row["qid"], row["position"], row["position_qid"], row["country"],
                           row["start"], row["end"], row["source"])
            held[pos.qid].append(pos)
            country[pos.country].append(pos)
        out.positions = {q: tuple(p) for q, p in held.items()}
        out.by_country = {c: tuple(p) for c, p in country.items()}
        out.by_name = {k: tuple(v) for k, v in by_name.items()}
        out.by_surname = {k: tuple(v) for k, v in by_surname.items()}
        out.given_names = frozenset(given)
        return out

    def aliases(self, qid: str) -> tuple[str, ...]:
        """The names a person is known by, their label first (the alias table is read on
        first use: linking needs only the folded keys)."""
        person = self.persons.get(qid)
        return (person.name, *_aliases().get(qid, ())) if person else ()

    def person(self, qid: str) -> Person | None:
        return self.persons.get(qid)

    def named(self, name: str) -> tuple[str, ...]:
        """The QIDs of the people a full name may be (every key of the name tried)."""
        found: dict[str, None] = {}
        for key in sorted(name_keys(name), key=len, reverse=True):
            found.update(dict.fromkeys(self.by_name.get(key, ())))
        return tuple(found)

    def surnamed(self, surname: str) -> tuple[str, ...]:
        """The QIDs of the people found under a family name ("lavrov")."""
        return self.by_surname.get(fold(surname), ())

    def held(self, qid: str, day: str | None = None) -> tuple[Position, ...]:
        """The positions a person held (on ``day`` only, when given), earliest first."""
        terms = self.positions.get(qid, ())
        if day:
            terms = tuple(p for p in terms if held_on(p, day))
        return tuple(sorted(terms, key=lambda p: (p.start, p.title)))

    def holders(self, country: str | None, day: str) -> Iterator[Position]:
        """Every position held on ``day`` in ``country`` (every country when None)."""
        terms: Iterable[Position] = (self.by_country.get(country, ()) if country
                                     else (p for ps in self.by_country.values() for p in ps))
        return (p for p in terms if held_on(p, day))


@cache
def _aliases() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = defaultdict(list)
    for row in table("people_aliases"):
        found[row["qid"]].append(row["alias"])
    return {qid: tuple(names) for qid, names in found.items()}


@cache
def people() -> People:
    """The shipped people tables, read once (the first call costs about 0.2 s)."""
    collecting = gc.isenabled()
    gc.disable()  # some 100,000 objects that live on: the collector's passes would double the cost
    try:
        return People.from_rows(*(table(name) for name in TABLES))
    finally:
        if collecting:
            gc.enable()


# ---------------------------------------------------------------- build (from ../shared/reference)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def _write(path: Path, columns: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> Path:
    """A gzip CSV; mtime 0, so the same rows give the same bytes and a rebuild leaves git clean."""
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz, \
            io.TextIOWrapper(gz, encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    return path


def _qid_order(qid: str) -> tuple[int, str]:
    return (int(qid[1:]) if qid[1:].isdigit() else 0, qid)


def build(source: Path, target: Path) -> list[Path]:
    """Write the three people tables from ``source`` (``people.csv``, ``people_positions.csv``,
    ``people_aliases.csv``) into ``target``; returns the files written.

    Persons keep QID, name, gender, birth date and countries; positions lose exact duplicates;
    aliases are the alias table and the persons' ``aliases`` column together, without
    Wikipedia's disambiguating qualifiers ("Jeff Taylor (politician)") and without repeats.
    """
    target.mkdir(parents=True, exist_ok=True)
    persons = sorted(_read(source / "people.csv"), key=lambda r: _qid_order(r["qid"]))
    known = {r["qid"] for r in persons}
    positions = sorted({(r["qid"], r["position"], r["position_qid"], r["country_iso3"], r["start"],
                         r["end"], r["source"]) for r in _read(source / "people_positions.csv")
                        if r["qid"] in known},
                       key=lambda r: (_qid_order(r[0]), r[4], r[1], r[6], r))
    aliases: dict[tuple[str, str], tuple[str, str, str]] = {}
    names = {r["qid"]: r["name"] for r in persons}
    listed = [(r["qid"], a, "label") for r in persons for a in r["aliases"].split("|")]
    table_rows = [(r["qid"], r["alias"], r["kind"]) for r in _read(source / "people_aliases.csv")]
    for qid, alias, kind in [*table_rows, *listed]:
        alias = _QUALIFIER.sub("", alias).strip()
        if qid in known and alias and alias != names[qid]:
            aliases.setdefault((qid, fold(alias)), (qid, alias, kind))
    spelled: dict[str, list[str]] = defaultdict(list)
    for qid, alias, _ in aliases.values():
        spelled[qid].append(alias)
    rows = []
    for r in persons:
        written, countries = [r["name"], *spelled[r["qid"]]], r["countries"].split("|")
        rows.append((r["qid"], r["name"], r["gender"], r["dob"], r["countries"],
                     "|".join(sorted({k for n in written for k in name_keys(n)})),
                     "|".join(sorted({k for n in written for k in surname_keys(n, countries)}))))
    return [
        _write(target / "people_persons.csv.gz",
               ("qid", "name", "gender", "born", "countries", "names", "surnames"), rows),
        _write(target / "people_positions.csv.gz",
               ("qid", "position", "position_qid", "country", "start", "end", "source"), positions),
        _write(target / "people_aliases.csv.gz", ("qid", "alias", "kind"),
               sorted(aliases.values(), key=lambda r: (_qid_order(r[0]), r[1]))),
    ]
