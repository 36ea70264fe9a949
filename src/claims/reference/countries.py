"""Countries and the World Bank's aggregates: codes, names as news writes them, demonyms, QIDs.

Two shipped tables: ``countries.csv`` (built from ``../shared/reference``: ISO 3166 codes,
names and Wikidata QIDs from ``datasets/country-codes``, the World Bank's economies and
aggregates from WDI) and ``country_names.csv`` (kept by hand: the name a reader expects,
the variants news uses — "Russia", "Russian Federation", "Iran, Islamic Rep.", "the U.S.",
"Burma" — and demonyms — "Iranian", "Russian"). Both are read once, on first use.

>>> country("Iran, Islamic Rep.").iso3, country("Iranian").name, country("RU").qid
('IRN', 'Iran', 'Q159')
>>> [(m.text, m.value.iso3) for m in mentions("Iran's foreign minister met Russian officials.")]
[('Iran', 'IRN'), ('Russian', 'RUS')]
>>> country("WLD").kind
'aggregate'
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from claims.reference import table
from claims.reference._names import Found, NameIndex

__all__ = ["Country", "build", "countries", "country", "mentions"]


@dataclass(frozen=True, slots=True)
class Country:
    """A country (an economy of the World Bank, or an ISO 3166 entry) or a WB aggregate.

    ``kind``: ``country`` or ``aggregate`` (``WLD`` the world, regions, income groups);
    ``names``: every name it goes by, the preferred first; ``in_wdi``: whether the World
    Bank's indicators cover it (Taiwan, Western Sahara and most small territories: no).
    """

    iso3: str
    name: str
    kind: str
    iso2: str | None = None
    qid: str | None = None
    region: str | None = None
    subregion: str | None = None
    independent: bool = False
    in_wdi: bool = False
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()


def country(key: str) -> Country | None:
    """The country or aggregate a code (ISO3 or ISO2, upper case), a name in any of its
    variants or a demonym stands for, else None. Names are matched regardless of case and
    of a leading "the", except abbreviations ("US", "UAE"), which are matched as written."""
    key = key.strip()
    found = _all().get(key) if key.isupper() and len(key) in (2, 3) else None
    return found or _by_name().get(_key(key))


def countries(*, kind: str | None = None, region: str | None = None) -> tuple[Country, ...]:
    """Every entry (of ``kind``, in UN ``region`` such as "Africa"), by ISO3."""
    return tuple(c for code, c in sorted(_all().items()) if len(code) == 3
                 and (kind is None or c.kind == kind) and (region is None or c.region == region))


def mentions(text: str) -> list[Found[Country]]:
    """Countries named in ``text`` by a name or a demonym, as written (case-sensitive),
    longest first ("South Sudanese" is not "Sudanese"), in text order. Aggregates are left
    out ("the world" is not a country), and so are names that contain a country's name or
    demonym without naming it ("Latin American", "the Indian Ocean")."""
    return [Found(m.start, m.end, m.text, m.value) for m in _index().find(text) if m.value is not None]


# Longer names that start with a country's name or demonym and do not name it.
NOT_COUNTRIES = (
    "Latin America", "Latin American", "Latin Americans", "North America", "North American",
    "South America", "South American", "Central America", "Central American", "Native American",
    "Native Americans", "American Indian", "American Indians", "Indian Ocean", "West Indian",
    "West Indies", "New Guinea", "Irish Sea", "British Columbia", "Turkish Cypriot",
    "Georgia State", "Dutch Caribbean",
    "Korean Peninsula", "Arabian Peninsula", "Persian Gulf", "Mexico City", "Panama Canal",
    "Kuwait City", "Guatemala City", "Djibouti City", "Luxembourg City", "Singapore Airlines")


def _key(name: str) -> str:
    name = " ".join(name.replace("’", "'").split())
    name = name[4:] if name[:4].casefold() == "the " else name
    return name if name.replace(".", "").isupper() else name.casefold()


@cache
def _all() -> dict[str, Country]:
    """ISO3 and ISO2 codes -> entries."""
    extra: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in table("country_names"):
        extra[row["iso3"]][row["kind"]].append(row["value"])
    out: dict[str, Country] = {}
    for row in table("countries"):
        hand = extra[row["iso3"]]
        preferred = hand["common"][:1] or [row["name"]]
        names = _unique([*preferred, row["name"], row["wdi_name"], row["official_name"], *hand["name"]])
        entry = Country(
            iso3=row["iso3"], name=names[0], kind=row["kind"], iso2=row["iso2"] or None,
            qid=row["qid"] or None, region=row["region"] or None,
            subregion=row["subregion"] or None, independent=row["independent"] == "yes",
            in_wdi=bool(row["wdi_name"]), names=names, demonyms=tuple(hand["demonym"]))
        out[entry.iso3] = entry
        if entry.iso2:
            out.setdefault(entry.iso2, entry)
    return out


def _unique(names: list[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for name in names:
        if name and name not in seen:
            seen[name] = None
    return tuple(seen)


@cache
def _by_name() -> dict[str, Country]:
    out: dict[str, Country] = {}
    for entry in countries():  # ISO3 order: the first entry to claim a name keeps it
        for name in (*entry.names, *entry.demonyms):
            out.setdefault(_key(name), entry)
    return out


@cache
def _index() -> NameIndex[Country | None]:
    entries = countries(kind="country")
    names: list[tuple[str, Country | None]] = [
        (n, c) for c in entries for n in c.names if "," not in n and "(" not in n]
    names += [(d, c) for c in entries for d in c.demonyms]
    return NameIndex([*((n, None) for n in NOT_COUNTRIES), *names])


# -- building the shipped table from ../shared/reference ------------------------------------

COLUMNS = ("iso3", "iso2", "name", "wdi_name", "official_name", "qid", "kind", "region",
           "subregion", "independent")


def build(source: Path, target: Path) -> list[Path]:
    """Write ``countries.csv``: ISO 3166 entries (``countries.csv`` of the source) joined
    with the World Bank's economies and aggregates (``wb_entities.csv``), one row each;
    codes and QIDs the source lacks come from the hand-kept ``country_names.csv``."""
    with open(source / "countries.csv", encoding="utf-8", newline="") as f:
        iso = {r["iso3"]: r for r in csv.DictReader(f)}
    with open(source / "wb_entities.csv", encoding="utf-8", newline="") as f:
        wdi = {r["iso3"]: r for r in csv.DictReader(f)}
    hand: dict[tuple[str, str], str] = {}
    with open(target / "country_names.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["kind"] in ("iso2", "qid"):
                hand[r["iso3"], r["kind"]] = r["value"]
    rows = []
    for code in sorted(iso.keys() | wdi.keys()):
        i, w = iso.get(code, {}), wdi.get(code, {})
        rows.append({
            "iso3": code, "iso2": i.get("iso2") or hand.get((code, "iso2"), ""),
            "name": i.get("name") or w["name"], "wdi_name": w.get("name", ""),
            "official_name": i.get("official_name_en", ""),
            "qid": i.get("wikidata_qid") or hand.get((code, "qid"), ""),
            "kind": w.get("kind", "country"), "region": i.get("un_region", ""),
            "subregion": i.get("un_subregion", ""),
            "independent": "yes" if i.get("is_independent") == "Yes" else "no"})
    path = target / "countries.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return [path]
