"""Speaker names tidied before they are resolved (private): stray words rejected, titles
and places glued to a name moved to role and affiliation, "X of Y" split, bare titles
turned into described sources, states typed as organisations.

>>> from claims.statements import Speaker
>>> tidy(Speaker("Vermont Bernie Sanders")).name, tidy(Speaker("Vermont Bernie Sanders")).affiliation
('Bernie Sanders', 'Vermont')
>>> sp = tidy(Speaker("Jane Roe of the Labour Party"))
>>> (sp.name, sp.affiliation, sp.is_organization)
('Jane Roe', 'Labour Party', False)
>>> tidy(Speaker("Yesterday")) is None, tidy(Speaker("When Mugabe")).name, tidy(Speaker("Kelly")).name
(True, 'Mugabe', 'Kelly')
>>> sp = tidy(Speaker("Senate Minority Leader", is_organization=True))
>>> (sp.name, sp.method, sp.is_organization)
('Senate Minority Leader', 'descriptive', False)
"""

from __future__ import annotations

import dataclasses
import functools
import re

from claims.extract._lexicon import (
    ATTRIB_VERBS,
    FEMALE_NAMES,
    MALE_NAMES,
    PLACES,
    ROLE_WORDS,
    TITLES,
)
from claims.statements import Speaker


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that open a clause or stand for a time, never the first word of a name.
OPENERS = _set("""when while if as after before since until because although though
once unless whether yesterday today tonight tomorrow meanwhile however but and or so yet
still then now later earlier here there this that these those it what why how where who
in on at for with from by of to during under over about against without within among
some many most all both each every no not also even only just perhaps indeed instead
asked speaking like unlike despite""")
_CONNECT = frozenset({"of", "the", "de", "van", "von", "al", "bin", "da", "del", "der", "la",
                      "le", "du", "di", "and", "y", "ibn", "el", "den", "ter", "st."})
# Titles written inside a capitalised run before a name, beyond the extractor's role words.
_INNER_TITLES = _set("""mp mep mla msp legislator lawmaker whip secretary-general
secretary-of-state under-secretary deputy-director attorney-general prosecutor-general
minister-president spokesperson spokesman spokeswoman representative
congressman congresswoman councillor councilor assemblyman assemblywoman delegate
chief""") | ROLE_WORDS | TITLES
_ORG_HEADS = _set("""ministry department office committee council agency court commission
bank fund university institute foundation house senate party union association organization
organisation board bureau service government administration parliament assembly congress
school college academy police army navy force forces corporation company group league
federation centre center network times post news press""")
_VERBISH = _set("""be is was were are been being am has have had will would must can
could should may might shall do does did said says say""")
_US_STATES = """Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|
Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|
Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|
New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|
Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|
West Virginia|Wisconsin|Wyoming|Hong Kong|Scotland|Wales|England|Northern Ireland|Gaza|
West Bank|Crimea|Kashmir|Tibet|Catalonia|Quebec|Ontario|Bavaria"""
_SURNAME_TITLES = frozenset({"king", "queen", "prince", "princess", "general", "justice", "judge",
                             "lord", "sir", "dame", "pope", "host", "head", "fellow", "mr",
                             "mrs", "ms", "dr", "miss", "officer", "editor"})
_CLAUSE_CUT = frozenset({"who", "which", "that", "after", "before", "during", "when", "while",
                         "since", "because", "as"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"})
# endings of adverbs made from adjectives ("Indirectly", "Reportedly"), unlike "Kelly"
_ADVERB_ENDS = ("ately", "ively", "ously", "ently", "antly", "edly", "ibly", "ably", "ically",
                "ually", "ectly", "ularly", "arily", "ionally", "ently", "fully", "lessly")
_DIGIT = re.compile(r"\d")
_AGED = re.compile(r"\d{1,3}-year-old")  # "the 46-year-old": a described person


@functools.cache
def places() -> frozenset[str]:
    """Countries (the shipped reference table), US states and a few regions."""
    out = set(PLACES) | set(_US_STATES.replace("\n", "").split("|"))
    try:
        from claims.reference import table

        for row in table("countries"):
            if row.get("kind") == "country":
                out.add(row["name"])
        for row in table("country_names"):
            if row.get("kind") in ("name", "common"):
                out.add(row["value"])
    except Exception:  # the tables are optional here: the lexicon suffices
        pass
    return frozenset(out)


def _is_title(word: str) -> bool:
    return word.lower() in _INNER_TITLES or word.lower().rstrip(".") in _INNER_TITLES


def is_bare_title(name: str) -> bool:
    """"Vice President", "Senate Minority Leader", "the Mayor": a title with no name (a
    title that is also a surname, "Stephen King", or a given name first, is a name)."""
    words = name.split()
    return bool(words) and _is_title(words[-1]) and \
        words[-1].lower().rstrip(".") not in _SURNAME_TITLES and \
        words[0] not in MALE_NAMES and words[0] not in FEMALE_NAMES and all(
            w[:1].isupper() or w.lower() in _CONNECT for w in words)


def _join(*parts: str | None) -> str | None:
    text = " ".join(p for p in parts if p)
    return text or None


@functools.lru_cache(maxsize=8192)
def tidy(sp: Speaker) -> Speaker | None:
    """The speaker with a clean name, or None when the name is a stray word or clause
    (pure, so cached: an article names the same people many times)."""
    if sp.method == "pronoun":
        return sp
    words = sp.name.split()
    if sp.method == "descriptive":
        while words and words[0].lower() in ("in", "with", "by", "from", "on", "is", "that",
                                             "but", "and", "an", "a", "the"):
            words = words[1:]
        rel = next((i for i, w in enumerate(words) if w.lower() in _CLAUSE_CUT), None)
        words = words[:rel] if rel else words  # "sources who have seen it": "sources"
        if not words or any(w.lower() in _VERBISH or w.lower() in _SUBJECT_PRONOUNS
                            for w in words) or (_DIGIT.match(words[0]) and not _AGED.fullmatch(
                                words[-1])) or \
                (sp.mention or sp.name).split()[0].lower() in ATTRIB_VERBS:  # "wrote in a blog"
            return None  # "immunity be waived", "she released a statement", "wrote in a blog"
        return dataclasses.replace(sp, name=" ".join(words))
    while words and (words[0].lower() in OPENERS or words[0].lower().endswith(_ADVERB_ENDS)):
        words = words[1:]  # "When Mugabe", "Indirectly"
    if not words or any(_DIGIT.search(w) for w in words):
        return None
    if any(w[:1].islower() and w.lower() not in _CONNECT for w in words):
        if any(w.lower() in _VERBISH for w in words) or not words[-1][:1].islower():
            return None  # lower-case words in a name: a clause ("immunity be waived")
        return dataclasses.replace(sp, name=" ".join(words), method="descriptive",
                                   is_organization=False)  # "the newspaper", "a source"
    role, aff = sp.role, sp.affiliation
    # "X of (the) Y": a person's affiliation, unless X is an institution or a bare title
    if "of" in words[1:-1]:
        k = words.index("of", 1)
        head, rest = words[:k], words[k + 1:]
        if (len(head) >= 2 or rest[:1] == ["the"]) and head[-1].lower() not in _ORG_HEADS and \
                not _is_title(head[-1]) and rest:
            aff = aff or " ".join(rest).removeprefix("the ")
            words = head
    # a title inside the run: "Conservative MP Jane Roe" -> role "Conservative MP"
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if _is_title(w)
               and w.lower().rstrip(".") not in _HONORIFICS), default=0)
    while cut and len(words) - cut >= 4 and words[cut] in ("of", "for"):
        cut += 2  # "Secretary of State Jane Roe"
    if cut and len(words) - cut >= 2 and words[cut][:1].isupper():
        role = _join(role, " ".join(words[:cut]))
        words = words[cut:]
    # a place glued before a name: "Vermont Jane Roe"
    pl = places()
    for n in (3, 2, 1):
        if len(words) >= n + 2 and " ".join(words[:n]) in pl and not any(
                w.lower() in _ORG_HEADS for w in words[n:]):
            aff = aff or " ".join(words[:n])
            words = words[n:]
            break
    name = " ".join(words)
    if is_bare_title(name):
        name = name.removeprefix("The ").removeprefix("the ")
        return dataclasses.replace(sp, name=name, role=_join(role, name) if role != name else role,
                                   affiliation=aff, is_organization=False, method="descriptive")
    split = aff != sp.affiliation or role != sp.role
    org = name in pl or (len(words) > 1 and any(w.lower() in _ORG_HEADS for w in words)) or (
        sp.is_organization and not split)
    return dataclasses.replace(sp, name=name, role=role, affiliation=aff, is_organization=org)
