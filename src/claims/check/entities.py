"""Which countries a figure is about: a group named in the sentence (its members on the
article's date), countries listed in it, one country, a continent, or the group the article
named before the sentence ("the group's members", "the five countries", "the free trade
area").

>>> e = entity_of("In total, the SCO represents half of the world's population.", 28, "2022-09-15")
>>> e.label, len(e.members), e.how
('SCO', 8, 'group named in the sentence')
>>> entity_of("It ranges from 417,000 in Brunei to 255 million.", 15, "2017-08-06", near=22).label
'BRN'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from claims.reference import countries, groups
from claims.reference._names import Found

__all__ = ["Entity", "continent", "entity_of", "group_entity", "members_on"]

# continents news names as wholes ("Africa's biggest economy", "African trade")
_CONTINENTS = {"Africa": "Africa", "African": "Africa", "Europe": "Europe", "European": "Europe",
               "Asia": "Asia", "Asian": "Asia", "Latin America": "Americas",
               "the Americas": "Americas", "Oceania": "Oceania"}
_CONTINENT = re.compile(r"\b(?:" + "|".join(sorted(_CONTINENTS, key=len, reverse=True)) +
                        r")\b(?![-‐]\w)")  # not "African-American"
_NATION_OF = re.compile(r"\b(?:the|this|that|a|an)\s+(?:nation|country|state)\s+of\s+"
                        r"(?:about\s+|some\s+|nearly\s+|more than\s+|over\s+)?$", re.I)
# "the bloc of 500 million citizens": the figure is a group's the sentence does not name
_GROUP_OF = re.compile(r"\b(?:the|this|that|a|an)\s+(?:[\w-]+-(?:nation|member|country)\s+)?"
                       r"(?:bloc|group|grouping|union|alliance|organi[sz]ation|club|community)\s+"
                       r"(?:of|with)\s+(?:about\s+|some\s+|nearly\s+|more than\s+|over\s+)?$", re.I)
_LISTED = re.compile(r"\b(?:made up of|comprising|consisting of|composed of|namely|including)\b")
# "Together with Iran and Egypt, they ...": countries added to a group the sentence only refers to
_ALONG = re.compile(r"\b(?:together with|along with|alongside|in addition to|with the addition of)\s",
                    re.I)
_ANAPHOR = re.compile(r"\b(?:they|these (?:countries|nations|states|economies)|"
                      r"the (?:group|bloc|grouping|alliance|club|organi[sz]ation)|its members|"
                      r"the (?:founding|original|existing) members)\b", re.I)
_JOINING = re.compile(r"\b(?:join(?:s|ed|ing)?|new members?|accession|admitted|admission|"
                      r"expan(?:ded|sion)|enlarge(?:d|ment))\b", re.I)
_JOIN_YEAR = re.compile(r"\b(?:join(?:s|ed|ing)?|admitted|accession)\b(?:\s+\w+){0,3}?\s+(?:in\s+)?"
                        r"(?P<year>(?:19|20)\d\d)\b", re.I)


@dataclass(frozen=True, slots=True)
class Entity:
    """The countries a figure is about. ``label``: a group code ("SCO"), an ISO3 code, a
    ``+``-joined list, or a continent; ``members``: ISO3 codes counted on ``day``; ``how``:
    how it was found (written into the check's provenance)."""

    label: str
    members: tuple[str, ...]
    how: str
    day: str | None = None
    group: str | None = None

    @property
    def is_group(self) -> bool:
        return self.group is not None or len(self.members) > 1


def members_on(code: str, day: str) -> tuple[str, ...]:
    """A group's member states on ``day``. The G20 counts its organisation members (the EU,
    and the AU since 2023) with their member states; other groups count states only (the EU
    attends the G7 but the G7's figures are its seven states')."""
    return groups.members(code, day, organisations="expand" if code == "G20" else "drop")


def group_entity(code: str, day: str, how: str) -> Entity:
    return Entity(code, members_on(code, day), how, day, code)


@cache
def continent(name: str) -> tuple[str, ...]:
    """The World Bank economies of a continent (UN region)."""
    region = _CONTINENTS.get(name, name)
    return tuple(c.iso3 for c in countries.countries(kind="country", region=region) if c.in_wdi)


def entity_of(sentence: str, at: int, day: str | None, *, context: str = "",
              near: int | None = None) -> Entity | None:
    """The entity of the figure at offset ``at`` of ``sentence`` (``near``: where to look for
    a country named right after the figure, "417,000 in Brunei"), with the article's
    ``context`` (its text, or the sentences around) for a group named earlier."""
    when = day or ""
    along = _together(sentence, at, when, context)
    if along is not None:
        return along
    named = [g for g in groups.mentions(sentence)]
    if named:
        best = min(named, key=lambda g: (g.start > at, abs(g.start - at)))
        return group_entity(best.value.code, when, "group named in the sentence") if when else \
            Entity(best.value.code, (), "group named in the sentence (no date: no members)",
                   None, best.value.code)
    nation = _NATION_OF.search(sentence[max(0, at - 40):at])
    if nation is not None:  # "Indonesia, a nation of 270 million", not "U.S. ... the nation of 53 million"
        lead = max(0, at - 40) + nation.start()
        apposed = [c for c in countries.mentions(sentence[:lead])
                   if c.value.kind == "country" and re.fullmatch(r"[,\s]*", sentence[c.end:lead])]
        return Entity(apposed[-1].value.iso3, (apposed[-1].value.iso3,), "country the figure describes",
                      day) if apposed else None
    if _GROUP_OF.search(sentence[max(0, at - 60):at]):
        return _from_context(sentence, context, when)  # not a country named elsewhere in the sentence
    found = [c for c in countries.mentions(sentence) if c.value.kind == "country"]
    if re.search(r"\b(?:its|their)\s+(?:\S+\s+){0,4}$", sentence[max(0, at - 40):at]):
        before = [c for c in found if c.end <= at]
        if before:  # "give Iran $150 billion for its $400 billion economy": Iran's
            return Entity(before[-1].value.iso3, (before[-1].value.iso3,),
                          "country 'its' refers to (named before the figure)", day)
    if near is not None:
        after = [c for c in found if near <= c.start <= near + 4]
        if after:
            return Entity(after[0].value.iso3, (after[0].value.iso3,), "country named after the figure",
                          day)
    codes = tuple(dict.fromkeys(c.value.iso3 for c in found))
    if len(codes) >= 2:
        return Entity("+".join(codes), codes, "countries listed in the sentence", day)
    if len(codes) == 1:
        return Entity(codes[0], codes, "country named in the sentence", day)
    land = _CONTINENT.search(sentence)
    if land:
        name = _CONTINENTS[land.group()]
        return Entity(name, continent(name), "continent named in the sentence", day)
    return _from_context(sentence, context, when)


def _together(sentence: str, at: int, day: str, context: str) -> Entity | None:
    """ "Together with Iran, Egypt and Ethiopia, which will join in 2024, they represent 45%":
    the listed countries added to the group the sentence refers to — named in it after the
    list, else ("they", "the bloc") the group the article named before the sentence, else the
    one group the listed countries joined (the sentence says they join; all of them have a
    spell in it, and the most joined in the year it states or around the article's date),
    else the group named most often in the article. None when the sentence has no such
    list; an entity without members when the group it refers to cannot be told (uncheckable
    rather than a check of the listed countries alone)."""
    along = _ALONG.search(sentence)
    if along is None or along.start() > at:
        return None
    subject = _ANAPHOR.search(sentence, along.end(), at)
    named = [g for g in groups.mentions(sentence) if along.end() <= g.start < at]
    stop = named[0].start if named else subject.start() if subject else -1
    if stop < 0:
        return None
    listed = tuple(dict.fromkeys(c.value.iso3 for c in countries.mentions(sentence[along.end():stop])
                                 if c.value.kind == "country"))
    if not listed:
        return None
    code, how = None, ""
    if named:
        code, how = named[0].value.code, "group named in the sentence"
    elif day:
        where = context.find(sentence) if context else -1
        before = [g for g in _groups_in(context) if g.start < where] if where > 0 else []
        if before:
            code, how = before[-1].value.code, "group named earlier in the article"
        elif _JOINING.search(sentence):
            code = _joined(listed, sentence, day)
            how = "group the listed countries join"
        if code is None:
            common = _from_context(sentence, context, day)
            code, how = (common.group, common.how) if common else (None, "")
    label = "+".join(listed)
    if code is None or not day:
        return Entity(f"they+{label}", (), "countries added to a group the sentence does not name")
    base = members_on(code, day)
    extra = tuple(c for c in listed if c not in base)
    return Entity("+".join((code, *extra)), base + extra, f"{how}, with the countries listed with it",
                  day, code)


def _joined(listed: tuple[str, ...], sentence: str, day: str) -> str | None:
    """The one group every listed country has a spell in (any status), the most of them
    joining in the year the sentence states ("will join in 2024") or, without one, within a
    year of the article's date; None when no group or several fit alike."""
    stated = _JOIN_YEAR.search(sentence)
    year = int(stated.group("year")) if stated else int(day[:4])
    years = {year} if stated else {year - 1, year, year + 1}
    scores: dict[str, int] = {}
    for g in groups.groups():
        joined = {s.member: s.joined for s in groups.spells(g.code)}
        if all(c in joined for c in listed):
            scores[g.code] = sum(int(joined[c][:4]) in years for c in listed)
    best = sorted(scores.items(), key=lambda kv: -kv[1])
    if not best or best[0][1] == 0 or (len(best) > 1 and best[1][1] == best[0][1]):
        return None
    return best[0][0]


def _from_context(sentence: str, context: str, day: str) -> Entity | None:
    """The group the article named last before the sentence (else most often), or None."""
    if not context or not day:
        return None
    where = context.find(sentence)
    named = _groups_in(context)
    before = [g for g in named if where < 0 or g.start < where]
    if before and where >= 0:
        return group_entity(before[-1].value.code, day, "group named earlier in the article")
    counts: dict[str, int] = {}
    for g in named:
        counts[g.value.code] = counts.get(g.value.code, 0) + 1
    if not counts:
        return None
    code = max(counts, key=lambda c: counts[c])
    return group_entity(code, day, "group named most often in the article")


@lru_cache(maxsize=4)
def _groups_in(context: str) -> list[Found[groups.Group]]:
    """The groups an article names (read once per article, whatever its figures)."""
    return groups.mentions(context)


def listed_members(sentence: str) -> bool:
    """Whether the sentence lists a group's members ("made up of China, Russia, ...")."""
    return bool(_LISTED.search(sentence))
