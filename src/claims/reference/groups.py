"""Groups of countries with dated membership: who was in the SCO, BRICS, the G20 on a date.

Eighteen groups (SCO, BRICS, G7, G8, G20, EU, NATO, ASEAN, OPEC, AU, Commonwealth, CIS,
EAEU, GCC, Arab League, OECD, Quad, AUKUS), one row per membership spell with its status
(member, observer, dialogue partner, partner, associate, invited) and dates at the
precision known, compiled by hand from treaties and summit decisions (``groups.csv``), and
the names news gives them (``group_aliases.csv``: "Shanghai Cooperation Organisation",
"BRIC", "E.U.", "Nato"). Read once, on first use.

A country is a member on day D when a ``member`` spell began on or before D and had not
ended by D. A date known only to the month or year counts from its first day
("2005-07" is 1 July 2005).

>>> members("SCO", "2017-01-01")
('CHN', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB')
>>> len(members("SCO", "2022-09-15")), len(members("BRICS", "2024-06-01"))
(8, 9)
>>> group("Shanghai Cooperation Organisation").code, group("Nato").name
('SCO', 'North Atlantic Treaty Organization')
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from claims.reference import table
from claims.reference._names import Found, NameIndex

__all__ = ["Group", "Membership", "build", "day", "group", "groups", "member_of",
           "members", "mentions", "spells"]

STATUSES = ("member", "observer", "dialogue partner", "partner", "associate", "invited")
Organisations = Literal["drop", "keep", "expand"]


@dataclass(frozen=True, slots=True)
class Group:
    """A group of countries: its short code ("SCO"), its name and every alias."""

    code: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Membership:
    """One spell of one member in one group: ``joined`` and ``left`` as ISO dates at the
    precision known (``left`` None while it lasts); ``member`` an ISO3 code, or a group
    code ("EU", "AU") where ``member_kind`` is ``organisation``."""

    group: str
    member: str
    member_kind: str
    joined: str
    left: str | None
    status: str
    note: str = ""

    def on(self, when: dt.date | str) -> bool:
        """Whether the spell covers day ``when``."""
        d = day(when).isoformat()
        return _start(self.joined) <= d and (self.left is None or _start(self.left) > d)


def day(value: dt.date | str) -> dt.date:
    """A day from a date or an ISO date or date-time at any precision (first day of a
    month or year given alone).

    >>> day("2024-10"), day("2022-09-15T08:00:00Z")
    (datetime.date(2024, 10, 1), datetime.date(2022, 9, 15))
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(_start(value.strip()[:10]))


def _start(partial: str) -> str:
    return (partial + "-01-01"[len(partial) - 4:]) if len(partial) in (4, 7) else partial


def group(key: str) -> Group | None:
    """The group a code or alias names ("G-20", "Shanghai Cooperation Organization",
    "BRICS+"), regardless of case, else None."""
    return _by_alias().get(" ".join(key.split()).casefold())


def groups() -> tuple[Group, ...]:
    """Every group, in the order of the table."""
    return tuple(_groups().values())


def spells(code: str) -> tuple[Membership, ...]:
    """Every membership spell of a group (by code or alias), any status, in table order."""
    found = group(code)
    return _spells().get(found.code, ()) if found else ()


def members(code: str, on: dt.date | str, *, status: str = "member",
            organisations: Organisations = "drop") -> tuple[str, ...]:
    """ISO3 codes of the group's members (of ``status``) on day ``on``, sorted.

    Organisations that are members (the EU in the G7 and G20, the AU in the G20):
    ``drop`` them (states only), ``keep`` their codes, or ``expand`` them into their own
    members on the same day (the G20 with the EU's member states).

    >>> len(members("G20", "2022-11-17")), len(members("G20", "2022-11-17", organisations="expand"))
    (19, 43)
    """
    out: set[str] = set()
    for spell in spells(code):
        if spell.status != status or not spell.on(on):
            continue
        if spell.member_kind != "organisation" or organisations == "keep":
            out.add(spell.member)
        elif organisations == "expand":
            out.update(members(spell.member, on))
    return tuple(sorted(out))


def member_of(iso3: str, on: dt.date | str, *, status: str = "member") -> tuple[str, ...]:
    """Codes of the groups a country belongs to (with ``status``) on day ``on``.

    >>> member_of("GBR", "2019-06-01")[:3]
    ('G7', 'G20', 'EU')
    """
    return tuple(g.code for g in groups()
                 if any(s.member == iso3 and s.status == status and s.on(on) for s in spells(g.code)))


def mentions(text: str) -> list[Found[Group]]:
    """Groups named in ``text`` by an alias as written (case-sensitive), in text order."""
    return _index().find(text)


@cache
def _groups() -> dict[str, Group]:
    aliases: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for row in table("group_aliases"):
        aliases[row["group"]].append((row["alias"], row["is_abbreviation"] == "yes"))
    out = {}
    for code in dict.fromkeys(row["group"] for row in table("groups")):
        names = aliases.get(code, [])
        full = next((a for a, short in names if not short), code)
        out[code] = Group(code, full, tuple(dict.fromkeys([code, *(a for a, _ in names)])))
    return out


@cache
def _spells() -> dict[str, tuple[Membership, ...]]:
    out: dict[str, list[Membership]] = defaultdict(list)
    for row in table("groups"):
        out[row["group"]].append(Membership(
            row["group"], row["member"], row["member_kind"], row["joined"],
            row["left"] or None, row["status"], row["note"]))
    return {code: tuple(rows) for code, rows in out.items()}


@cache
def _by_alias() -> dict[str, Group]:
    out: dict[str, Group] = {}
    for g in groups():
        for alias in g.aliases:
            out.setdefault(" ".join(alias.split()).casefold(), g)
    return out


@cache
def _index() -> NameIndex[Group]:
    return NameIndex((alias, g) for g in groups() for alias in g.aliases)


# -- building the shipped tables from ../shared/reference ------------------------------------

def build(source: Path, target: Path) -> list[Path]:
    """Write ``groups.csv`` and ``group_aliases.csv`` from the source's ``country_groups.csv``
    and ``country_group_aliases.csv``, after checking every date, status and member code."""
    with open(source / "country_groups.csv", encoding="utf-8", newline="") as f:
        spell_rows = list(csv.DictReader(f))
    with open(source / "country_group_aliases.csv", encoding="utf-8", newline="") as f:
        alias_rows = list(csv.DictReader(f))
    codes = {r["group"] for r in spell_rows}
    for r in spell_rows:
        for value in (r["joined"], r["left"]):
            if value:
                day(value)  # raises ValueError on a malformed date
        if r["status"] not in STATUSES:
            raise ValueError(f"unknown status {r['status']!r} in {r}")
        if r["member_kind"] == "organisation" and r["member"] not in codes:
            raise ValueError(f"organisation {r['member']!r} is not a group of the table")
    written = []
    for name, rows, columns in (
            ("groups", spell_rows, ("group", "member", "member_kind", "joined", "left", "status", "note")),
            ("group_aliases", [r for r in alias_rows if r["group"] in codes],
             ("group", "alias", "is_abbreviation"))):
        path = target / f"{name}.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, columns, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        written.append(path)
    return written
