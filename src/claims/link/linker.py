"""Who a speaker mention names: a Wikidata QID from the people tables, or an explicit NIL.

A mention is read with the article's date and context (:class:`Linker`, one per article or
per CLI line): the other names the article gives in full, and the countries it names.

- A **full name** ("Vladimir Putin", "Loretta E. Lynch", "Sergei Lavrov") is looked up under
  every alias and spelling (labels, Wikipedia titles, accent-free and transliterated forms,
  then a spelling skeleton: Zelenskiy = Zelenskyy); people who share it (two Tony Abbotts)
  are told apart by role, country and the offices held around the date.
- A **surname** ("Putin", "Mr. Lavrov", "India's Modi") is first the fuller name the same
  article gives ("Small" after "Andrew Small": a person the tables lack stays NIL); else the
  people of that surname are narrowed by the role and country words, the honorific's gender
  and who held office on the date. A bare surname links only when exactly one person of
  that surname held office on the date and the surname is no common one (borne by three or
  more people of the tables, a given name, or a word the context writes in lower case):
  "Mr. King" stays NIL.
- A **role** alone ("Iran's foreign minister", "the FBI director") is the one holder of the
  office (in the country the mention names, or its office implies) on the date; "former"
  asks for an earlier holder; several holders are narrowed to the people the article names.
- Organisations, groups, anonymous sources and pronouns are NIL.

Every result says how (``method``), how sure (``confidence``) and why (``reason``).

>>> Linker("", "2022-09-15").link("Russian President Vladimir Putin").qid
'Q7747'
>>> Linker("", "2022-09-15").link("Iran's foreign minister").name
'Hossein Amir-Abdollahian'
>>> Linker("", "2016-10-01").link("Mr. King").qid is None
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date

from claims.link.context import Context, by_title, given_genders, skeleton, skeletons
from claims.link.mentions import Mention, parse
from claims.link.offices import (
    EXECUTIVE,
    FORMER,
    GENERIC,
    OFFICE_WORDS,
    PRIVATE,
    fits,
    office_words,
    rank,
)
from claims.reference.countries import country as country_of
from claims.reference.people import People, Position, fold, held_on, people

__all__ = ["NIL_KINDS", "Link", "Linker", "day_of"]

NIL_KINDS = {"organisation": "an organisation", "group": "a group of people",
             "anonymous": "an unnamed source", "pronoun": "a pronoun", "document": "a document"}
# Offices whose words say the country: "the FBI director", "a Kremlin adviser".
_IMPLIED = {"whitehouse": "USA", "fbi": "USA", "cia": "USA", "pentagon": "USA", "kremlin": "RUS"}
ACTIVE_YEARS = 10  # a full name's homonyms: who held office within this many years of the date


@dataclass(frozen=True, slots=True)
class Link:
    """A mention's link: ``qid`` (None: NIL), the person's ``name`` in the tables, ``method``,
    ``confidence``, ``reason`` (a sentence), and the ``offices`` held on the article's date."""

    qid: str | None
    method: str
    confidence: float
    name: str = ""
    reason: str = ""
    offices: tuple[Position, ...] = field(default=(), repr=False)

    @property
    def linked(self) -> bool:
        return self.qid is not None


def _nil(method: str, reason: str) -> Link:
    return Link(None, method, 0.0, reason=reason)


def day_of(value: str | None) -> str | None:
    """The ISO day of a date or date-time string ("2022-09-15T08:00Z" -> "2022-09-15")."""
    text = (value or "").strip()[:10]
    try:
        return Date.fromisoformat(text).isoformat()
    except ValueError:
        return None


class Linker:
    """Links the mentions of one article (or one context): ``Linker(text, date).link(mention)``.

    ``text`` is the article (or the sentence or paragraph around the mention) and ``date``
    its ISO date; results are cached per mention, so an article's repeated speakers cost
    one lookup.
    """

    def __init__(self, text: str = "", date: str | None = None, *, table: People | None = None) -> None:
        self.people = table if table is not None else people()
        self.day = day_of(date)
        self.context = Context(text, self.people)
        self._done: dict[tuple[str, str, str], Link] = {}

    # ------------------------------------------------------------------ entry point

    def link(self, mention: str, *, name: str | None = None, role: str | None = None) -> Link:
        """Link ``mention`` (as written). ``name`` is the fuller name the attribution already
        resolved it to ("Andrew Small" for "Small"), ``role`` a role it split off."""
        key = (mention, name or "", role or "")
        if key not in self._done:
            self._done[key] = self._link(mention, name, role)
        return self._done[key]

    def _link(self, text: str, name: str | None, role: str | None) -> Link:
        m = parse(" ".join(p for p in (role, text) if p))
        if name and len(fold(name).split()) > len(fold(m.name).split()):
            m = parse(" ".join(p for p in (role or m.role, name) if p))
        if m.kind in NIL_KINDS:
            return _nil("not a person", f"{(name or text)!r} is {NIL_KINDS[m.kind]}")
        if m.name and m.full:
            return self._by_full_name(m)
        if m.name:
            return self._by_surname(m)
        if m.role:
            return self._by_role(m)
        return _nil("no name", f"{m.text!r} names no one")

    # ------------------------------------------------------------------ full names

    def _by_full_name(self, m: Mention, method: str = "full name") -> Link:
        found = self.people.named(m.name)
        if not found:
            found = skeletons(self.people)[0].get(skeleton(" ".join(
                w for w in fold(m.name).split() if len(w) > 1)), ())
            method = "spelling variant" if found else method
        candidates = self._plausible(found, m)
        if not candidates:
            return _nil("not in the tables", f"no one called {m.name!r} is in the people tables")
        fitting = [q for q in candidates if not self._conflicts(q, m)]
        if not fitting:
            return _nil("role does not fit", f"{m.name!r} of the tables never held an office like "
                                             f"{m.role!r} and held none on {self.day}: another person")
        candidates = fitting
        if len(candidates) == 1:
            return self._linked(candidates[0], method, 0.95 if method == "full name" else 0.85,
                                f"{m.name!r} is one person of the tables")
        best = self._rank(candidates, m)
        if best is None:
            return _nil("ambiguous", f"{len(candidates)} people called {m.name!r}; role, country "
                                     "and date do not tell them apart")
        return self._linked(best, f"{method} + disambiguation", 0.8,
                            f"{len(candidates)} people called {m.name!r}; role, country or date fit this one")

    # ------------------------------------------------------------------ surnames

    def _by_surname(self, m: Mention) -> Link:
        key = fold(m.name)
        fuller = [f for f in sorted(self.context.full.get(key, set()) - {key}) if self._may_be(f, m)]
        link = self._by_fuller(m, fuller) if fuller else None
        if link is not None:
            return link
        found = self.people.surnamed(key) or skeletons(self.people)[1].get(skeleton(key), ())
        plausible = self._plausible(found, m)
        candidates = [q for q in plausible if not self._conflicts(q, m)]
        if not plausible:
            return _nil("not in the tables", f"no one with the surname {m.name!r} is in the people tables")
        if not candidates:
            return _nil("role does not fit", f"no one with the surname {m.name!r} in the tables held an "
                                             f"office like {m.role!r}")
        supported = [q for q in candidates if self._role_score(q, m) >= 2 or self._country_fits(q, m)]
        if supported:
            best = supported[0] if len(supported) == 1 else self._rank(supported, m)
            if best is None:
                return _nil("ambiguous", f"{len(supported)} people with the surname {m.name!r} fit its "
                                         "role or country")
            how = "role" if self._role_score(best, m) >= 2 else "country"
            return self._linked(best, f"surname + {how}", 0.85 if how == "role" else 0.8,
                                f"{m.name!r} with the {how} the mention gives")
        common = self._common(key, len(found))
        link = None if common else self._in_office(candidates, m)
        return link or self._prominent(candidates, m) or _nil(
            "common surname" if common else "ambiguous",
            f"{m.name!r} alone is a common name: no role, country or fuller mention in the article "
            "supports one person" if common else
            f"{len(candidates)} people with the surname {m.name!r}; none stands out on {self.day}")

    def _in_office(self, candidates: list[str], m: Mention) -> Link | None:
        """The one person of a distinctive surname in office on the date, or the one in the
        highest office ("Mr. Lavrov": the foreign minister, not the deputy finance minister)."""
        if self.day is None:
            return self._linked(candidates[0], "surname", 0.6, f"{m.name!r} is one person of the "
                                "tables (no date)") if len(candidates) == 1 else None
        in_office = sorted(((self._standing(q), q) for q in candidates if self.people.held(q, self.day)),
                           reverse=True)
        if len(in_office) == 1:
            return self._linked(in_office[0][1], "surname + date", 0.75,
                                f"the only person with the surname {m.name!r} in office on {self.day}")
        if len(in_office) > 1 and in_office[0][0] >= 2 and in_office[1][0] < in_office[0][0]:
            return self._linked(in_office[0][1], "surname + date", 0.65,
                                f"of {len(in_office)} people with the surname {m.name!r} in office on "
                                f"{self.day}, the one in the highest office")
        return None

    def _prominent(self, candidates: list[str], m: Mention) -> Link | None:
        """Of the people of a surname from the countries the article names, the one who led a
        country, when no other of them holds high office on the date ("Mr. Bush" in a US story)."""
        local = [q for q in candidates if set(self._person_countries(q)) & self.context.countries]
        leaders = [q for q in local if max((rank(p.title) for p in self.people.held(q)), default=0) == 3]
        if len(leaders) != 1 or any(self._standing(q) >= 2 for q in local if q != leaders[0]):
            return None
        return self._linked(leaders[0], "surname + article country", 0.55,
                            f"of the people with the surname {m.name!r} from the countries the article "
                            "names, the only one who led a country")

    def _standing(self, qid: str) -> int:
        """The highest office ``qid`` held on the date (:func:`claims.link.offices.rank`)."""
        return max((rank(p.title) for p in self.people.held(qid, self.day)), default=0) if self.day else 0

    def _may_be(self, full: str, m: Mention) -> bool:
        """Whether a fuller name of the article can be the mention: not when every person of
        the tables with that name has the other gender ("Mr. Obama" is not "Michelle Obama"),
        or, for a name the tables lack, when its given name is the other gender's."""
        if not m.gender:
            return True
        qids = self.people.named(full)
        if qids:
            return bool(self._plausible(qids, m))
        return given_genders(self.people).get(full.split()[0], m.gender) == m.gender

    def _by_fuller(self, m: Mention, fuller: list[str]) -> Link | None:
        """A surname the article also writes in full: that person (NIL when the tables lack
        them); several full names of one surname told apart by gender, role and country.
        None when the mention's role names an office that person never held: another
        person of that surname ("former President Clinton" beside "Hillary Clinton")."""
        linked = [self._by_full_name(Mention(f, name=f, role=m.role, qualifiers=m.qualifiers,
                                             gender=m.gender, former=m.former, party=m.party))
                  for f in fuller]
        if len(fuller) > 1:  # the role alone decides when a fuller name is not in the tables
            fit = list(dict.fromkeys(ln.qid for ln in linked if ln.qid))  # "Donald J. Trump" = "Donald Trump"
            if len(fit) < len({ln.qid or ln.reason for ln in linked}):
                fit = [q for q in fit if self._role_score(q, m) >= 2]
            if len(fit) > 1:
                best = self._rank(fit, m) or self._salient(fuller, linked)
                fit = [best] if best else []
            if len(fit) != 1:
                return _nil("ambiguous", f"the article names {len(fuller)} people called {m.name!r}")
            linked = [ln for ln in linked if ln.qid == fit[0]]
        link = linked[0]
        if link.method == "role does not fit" or (
                link.qid and m.office & EXECUTIVE and self._role_score(link.qid, m) < 2):
            return None
        if not link.linked:
            return _nil("not in the tables", f"{m.name!r} is {fuller[0].title()!r} in the article, "
                                             "who is not in the people tables")
        return Link(link.qid, "surname + fuller mention", round(link.confidence * 0.95, 2), link.name,
                    f"{m.name!r} is {link.name!r}, named in full in the article", link.offices)

    def _salient(self, fuller: list[str], linked: list[Link]) -> str | None:
        """The person the article names in full at least twice as often as any other of
        that surname ("Donald Trump" against one "Melania Trump")."""
        times: dict[str, int] = {}
        for full, link in zip(fuller, linked, strict=True):
            key = link.qid or full
            times[key] = times.get(key, 0) + self.context.times.get(full, 0)
        ranked = sorted(times.items(), key=lambda kv: -kv[1])
        top, second = ranked[0], ranked[1] if len(ranked) > 1 else ("", 0)
        return top[0] if top[0].startswith("Q") and top[1] >= 2 * max(second[1], 1) else None

    def _person_countries(self, qid: str) -> tuple[str, ...]:
        person = self.people.person(qid)
        return person.countries if person else ()

    def _common(self, key: str, bearers: int) -> bool:
        return bearers >= 3 or key in self.people.given_names or key in self.context.lower_words()

    # ------------------------------------------------------------------ roles

    def _by_role(self, m: Mention) -> Link:
        if self.day is None:
            return _nil("no date", f"{m.text!r} names a role; without the article's date its holder "
                                   "is unknown")
        words = m.office
        if not words & OFFICE_WORDS:
            return _nil("no name", f"{m.text!r} names no one and no office")
        terms = self._holders(words, self._countries(m), m.former)
        if not terms:
            return _nil("no holder", f"no holder of {m.role!r} on {self.day} in the people tables")
        best = max(f for _, f in terms)
        terms = [(p, f) for p, f in terms if f == best]
        places = set(m.qualifiers) - {self.people_country_word(q) for q in m.qualifiers}
        if places:  # "Indiana Gov.": the Governor of Indiana, or no one
            terms = [(p, f) for p, f in terms if places & office_words(p.title)]
            if not terms:
                return _nil("no holder", f"no holder of {m.role!r} on {self.day} in the people tables")
        holders = sorted({p.qid for p, _ in terms})
        if len(holders) > 1 or not self._countries(m):  # no country: only someone the article names
            named = [q for q in holders if self._named_in_article(q)]
            if len(named) == 1:
                return self._linked(named[0], "role + article", 0.8,
                                    f"{len(holders)} people held {m.role!r}; the article names this one")
            if len(holders) == 1:
                return _nil("no country", f"{m.role!r} names no country; the one holder of such an "
                                          "office in the tables is not named in the article")
            return _nil("ambiguous", f"{len(holders)} people held {m.role!r}"
                                     f"{' before' if m.former else ' on'} {self.day}")
        how = "former office" if m.former else "office held on the date"
        return self._linked(holders[0], "role + date", 0.85 if best == 2 else 0.7,
                            f"the only holder of {m.role!r} ({how}) in the people tables")

    @staticmethod
    def people_country_word(word: str) -> str:
        """``word`` when it names a country ("iran", "british"), else ""."""
        found = country_of(word)
        return word if found is not None and found.kind == "country" else ""

    def _holders(self, words: frozenset[str], countries: set[str],
                 former: bool) -> list[tuple[Position, int]]:
        """The terms of offices that fit ``words`` (with how well) in ``countries`` (all when
        empty) held on the date, or for ``former`` ended before it by people who do not hold
        such an office on it. Titles are matched once each, not once a term."""
        assert self.day is not None
        day = self.day
        found = []
        for title, terms in by_title(self.people).items():
            fit = fits(words, title)
            if fit:
                found += [(p, fit) for p in terms if (not countries or p.country in countries) and (
                    held_on(p, day) if not former else p.start and p.start < day and not held_on(p, day))]
        if former:
            found = [(p, f) for p, f in found
                     if not any(held_on(q, day) and fits(words, q.title) for q in self.people.held(p.qid))]
        return found

    def _countries(self, m: Mention) -> set[str]:
        """The countries a mention's words name: a demonym or name, a US party tag, an office."""
        found = {c.iso3 for q in m.qualifiers if (c := country_of(q)) is not None and c.kind == "country"}
        if m.party:
            found.add("USA")
        found.update(_IMPLIED[w] for w in m.office if w in _IMPLIED)
        return found

    def _named_in_article(self, qid: str) -> bool:
        return any(qid in self.people.named(full) for names in self.context.full.values() for full in names)

    # ------------------------------------------------------------------ scoring

    def _plausible(self, qids: tuple[str, ...] | list[str], m: Mention) -> list[str]:
        """Candidates whose gender fits the honorific and who were born by the date."""
        out = []
        for qid in qids:
            person = self.people.person(qid)
            if person is None:
                continue
            if m.gender and person.gender and person.gender[0] != m.gender:
                continue
            if self.day and person.born and person.born[:4] > self.day[:4]:
                continue
            out.append(qid)
        return out

    def _role_score(self, qid: str, m: Mention) -> int:
        """3 an office that fits the role held on the date (before it, for "former"), 2 held
        at another time, 1 the generic head's position on the date, 0 no fit."""
        words = m.office
        if not words & OFFICE_WORDS - FORMER:
            return 0
        score = 0
        for p in self.people.held(qid):
            fit = fits(words, p.title)
            if not fit:
                continue
            on = self.day is None or (held_on(p, self.day) if not m.former else p.start < self.day)
            score = max(score, (3 if on else 2) if fit == 2 else (1 if on else 0))
        return score

    def _conflicts(self, qid: str, m: Mention) -> bool:
        """Whether the mention's role speaks against ``qid``. A private occupation ("local
        shopkeeper Tom Harris") does, unless they once led a country (then the name alone is
        theirs: "businessman Donald Trump"). An office the tables would list ("Connecticut tax
        commissioner") does when no position of theirs has its words, they held no office on the
        date, and the mention names none of their countries."""
        heads = m.office & EXECUTIVE
        if not heads:
            return bool(m.office & PRIVATE) and max((rank(p.title) for p in self.people.held(qid)),
                                                    default=0) < 3
        if self._country_fits(qid, m) or (self.day and self.people.held(qid, self.day)):
            return False
        return not any(heads <= office_words(p.title) or fits(m.office, p.title)
                       for p in self.people.held(qid))

    def _country_fits(self, qid: str, m: Mention) -> bool:
        person = self.people.person(qid)
        return bool(person and set(person.countries) & self._countries(m))

    def _score(self, qid: str, m: Mention) -> tuple[int, int, int, int]:
        person = self.people.person(qid)
        countries = set(person.countries) if person else set()
        active = 0
        if self.day:
            lo = f"{int(self.day[:4]) - ACTIVE_YEARS}{self.day[4:]}"
            active = 2 if self.people.held(qid, self.day) else int(any(
                (not p.end or p.end >= lo) and (not p.start or p.start <= self.day)
                for p in self.people.held(qid)))
        return (self._role_score(qid, m), int(bool(countries & self._countries(m))),
                int(bool(countries & self.context.countries)), active)

    def _rank(self, qids: list[str], m: Mention) -> str | None:
        """The candidate that role, country and date favour, if one stands out."""
        scored = sorted(((self._score(q, m), q) for q in qids), reverse=True)
        if len(scored) > 1 and scored[0][0] == scored[1][0]:
            return None
        return scored[0][1] if scored and any(scored[0][0]) else None

    def _linked(self, qid: str, method: str, confidence: float, reason: str) -> Link:
        person = self.people.person(qid)
        offices = self.offices(qid)
        held = "; ".join(dict.fromkeys(p.title for p in offices))
        why = f"{reason}; on {self.day} held {held}" if held else reason
        return Link(qid, method, confidence, person.name if person else "", why, offices)

    def offices(self, qid: str) -> tuple[Position, ...]:
        """The positions ``qid`` held on the article's date, without repeats: a generic
        head-of-state or -government row is left out where the same country has a titled
        one, and a title whose words another title of that country has and more."""
        if self.day is None:
            return ()
        held = self.people.held(qid, self.day)
        titled = {p.country for p in held if not office_words(p.title) & GENERIC}
        seen: set[tuple[str, str]] = set()
        out = []
        for p in held:
            key, words = (p.title.casefold(), p.country), office_words(p.title)
            fuller = any(words < office_words(q.title) for q in held if q.country == p.country)
            if key in seen or fuller or (words & GENERIC and p.country in titled):
                continue  # "President" beside "President of Russia"
            seen.add(key)
            out.append(p)
        return tuple(out)
