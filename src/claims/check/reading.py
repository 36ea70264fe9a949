"""Understanding a figure about a country or a group: what it measures, of whom, for which
year, and how it is claimed (about, more than, a range).

A figure statement of the extractor (:mod:`claims.extract.figures`) is read in its sentence:

- **measure** — a share of the world's population (``pop_share``), GDP (``gdp_share``
  nominal, ``ppp_share`` at purchasing-power parity, ``gdp_share|ppp_share`` when the
  sentence says only "the global economy" or "output"), land (``surface_share``) or exports
  (``exports_share``); an absolute population (``pop_abs``), GDP in US$ (``gdp_abs``), area
  (``surface_abs``) or exports (``exports_abs``); a member count (``member_count``: "an
  eight-nation group", "the 55-member AU"); a difference of population ("3mn more than
  China": ``pop_diff``); a rank ("Africa's biggest economy": ``rank_gdp``, "most populous
  country": ``rank_pop``); real GDP growth of one country ("the economy grew 3%":
  ``gdp_growth``). A share of something the data does not hold (trade between countries,
  oxygen, a country's own vaccinated population, merchandise exports) is read as
  ``uncheckable`` with the reason;
- **entity** — :func:`claims.check.entities.entity_of`;
- **year** — :func:`claims.check.years.year_of` (the rule written there);
- **comparator** — ``approx`` (about, nearly, a bare number), ``at_least`` (more than, over),
  ``at_most`` (under, less than, up to), ``range`` ("16–17 percent").

Figures that are not about a country or group (a price, a death toll, a date) are not read.

>>> from claims.document import Document
>>> doc = Document.from_text("In total, the SCO represents an audience of half of the world's population.",
...                          id="t", date="2022-09-15")
>>> r = readings(doc)[0]
>>> r.measure, r.entity.label, r.year, r.claimed, r.comparator
('pop_share', 'SCO', 2022, 50.0, 'approx')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from claims.check.entities import Entity, continent, entity_of, group_entity
from claims.check.years import year_of
from claims.document import Document
from claims.extract.figures import find_figures
from claims.reference import countries, groups
from claims.statements import Kind, Quantity, Span, Statement

__all__ = ["Reading", "readings", "sentence_span"]

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(\-–—A-Z0-9])|\n+")
_OF = re.compile(r"^\s*(?:of|in)\s+(?P<whole>[^,.;:()\[\]—–]{1,60})", re.I)
_WORLD = r"(?:world|world's|worlds|global|planet's|earth's|globe's|worldwide|international)"
_PEOPLE = re.compile(r"\b(?:population|people|inhabitants|humanity|mankind|residents|citizens)\b", re.I)
_GDP = re.compile(r"\b(?:gdp|gross domestic product)\b", re.I)
_PPP = re.compile(r"\b(?:ppp|purchasing[- ]power)\b", re.I)
_NOMINAL = re.compile(r"\bnominal\b", re.I)
_ECONOMY = re.compile(r"\b(?:econom(?:y|ies)|economic output|output)\b", re.I)
# a whole that is the world's ("of the world's population"; in the sentence: "the global economy
# and 10% of the population"); "international" alone dates an institution ("International
# Monetary Fund"), so the sentence is searched without it
_WORLDWIDE = re.compile(r"\b(?:world|world's|world’s|worlds|global|globally|planet's|planet’s|earth's|"
                        r"earth’s|globe's|globe’s|worldwide|humanity|mankind)\b", re.I)
# a whole that is someone's own: "of its population", "of the country's GDP", "of national output"
_OWN = re.compile(r"\b(?:its|their|his|her|our|national|domestic|"
                  r"the (?:country|nation|state|city)(?:'s|’s))\s", re.I)
# a price or a wage, not an economy: "$10 an hour", "$60 a barrel", "$6,000 per capita"
_RATE = re.compile(r"^\s*(?:an?|per|each|every)\s+(?:hour|day|week|month|person|head|capita|barrel|"
                   r"tonne|ton|gallon|litre|liter|share|unit|household|worker)\b", re.I)
# exports of one product ("$2 billion of water technology") or between two countries
_PRODUCT = re.compile(r"^\s+(?:worth\s+)?of\s+(?!(?:exports?|goods|services|the)\b)[a-z]", re.I)
_BILATERAL = re.compile(r"\bexports?\s+(?:to|from)\s", re.I)
_LAND = re.compile(r"\b(?:land|landmass|land mass|surface|territory|area)\b", re.I)
_EXPORTS = re.compile(r"\bexports?\b", re.I)
_TRADE = re.compile(r"\btrade\b", re.I)
_GOODS = re.compile(r"\b(?:merchandise|goods)\b", re.I)
_TOTAL = re.compile(rf"^(?:the\s+|our\s+)?{_WORLD}\s+total\b|^(?:the\s+)?total\b", re.I)
_SHARE_OF = re.compile(r"\bshares?\s+of\s+.{0,60}?\b(?:in|of)\s+(?:the\s+)?" + _WORLD +
                       r"?\s*(?P<what>[\w\s,]+?)\s+(?:is|are|was|were|stood at|at)\b", re.I)
_OUTPUT_SHARE = re.compile(r"^\s+(?:output|gdp|economic|population)\s+share\b", re.I)
_GROUP_WORD = re.compile(r"^\s*(?:group|bloc|alliance|organi[sz]ation|union|club|grouping)\b", re.I)
_COUNT_UNITS = frozenset(["nation", "member", "country", "state", "economy"])
_COUNT_NOUNS = frozenset(["members", "member states", "member countries", "member nations",
                          "countries", "nations", "states", "economies"])
_PEOPLE_UNITS = frozenset(["people", "inhabitants", "residents", "citizens", "persons"])
_GROWTH = re.compile(r"\b(?:grew|grow|grows|growing|growth|expanded|expand|expands|contracted|"
                     r"shrank|shrunk|shrink|contraction)\b", re.I)
_FORECAST = re.compile(r"\b(?:expects?|expected|forecasts?|forecaster|projects?|projected|predicts?|"
                       r"predicted|will|would|could|should|is set to|on track to)\b", re.I)
_AVERAGE = re.compile(r"\baverag\w*\b.{0,60}\b(?:decades?|years|period|since)\b|"
                      r"\b(?:a|per)\s+year\b.{0,30}\b(?:decades?|years)\b", re.I)
_SHRINK = re.compile(r"\b(?:contracted|shrank|shrunk|shrink|contraction)\b", re.I)
_EVENT = re.compile(r"\b(?:killed|died|dead|deaths?|injured|wounded|evacuated|displaced|fled|arrested|"
                    r"detained|warrants?|protest\w*|rall\w+|attend\w*|march\w*|affected|infected|"
                    r"vaccinated|voted|votes?|signed|employ\w*|hired|fired|laid off|visit\w*|"
                    r"missing|homeless|refugees?|tourists?|passengers?|spectators?|crowds?|"
                    r"illegally|undocumented|uninsured|poverty|poor|unemployed|jobless|tells?|told|"
                    r"addressed|audience|leav\w+|workforce|jobs?|workers?|addicted|smokers?|users?|"
                    r"patients?|students?|immigrants?|migrants?|voters?)\b", re.I)
_POPULATION_BEFORE = re.compile(r"\b(?:are|were|is|was|has|have|had|be|home to|total\w*|population of|"
                                r"counts?|numbers?|of|holds?|held|hosts?|houses?|represents?|"
                                r"(?:country|nation|bloc|continent|region|union|group|area) with|"
                                r"comprises?|accounts? for|makes? up)\s+(?:\w+\s+){0,3}$", re.I)
_POPULATION_AFTER = re.compile(r"^\s+(?:liv\w+|inhabit\w*|who live)\b", re.I)
# "there are 1.3 billion people in the free trade area" (not "2.7 million people in the U.S."
# after what counts them)
_THERE_ARE = re.compile(r"\bthere\s+(?:are|were|is|was|will be|would be)\s+(?:\w+\s+){0,2}$", re.I)
# people a condition counts, anywhere before in the sentence ("handguns killed 48 people in
# Japan ... and 10,728 in the United States")
_KILLED = re.compile(r"\b(?:killed|killing|died|deaths?|murder\w*|shot|dead)\b", re.I)
# a part of the people ("the world's prison population"), not all of them
_PART_OF = re.compile(r"\b(?P<w>[\w’'-]+)\s+(?:population|people|inhabitants)\b", re.I)
_ALL_OF = frozenset(["world's", "world’s", "world", "global", "planet's", "planet’s", "earth's", "earth’s",
                     "the", "total", "entire", "whole", "combined", "humanity's", "globe's", "its",
                     "their", "national", "of"])
# the size of an economy: "GDP of $2.5 trillion", "economies worth $3.4 trillion", "combined GDP
# was $25.9 trillion", "up from $1.3 trillion", "a $400 billion economy" — not what a policy
# costs, adds or takes ("cost the U.S. economy $100 billion", "a $3 billion infusion")
_SIZE_BEFORE = re.compile(r"\b(?:gdp|gross domestic product|econom(?:y|ies)|output)\b[^.;]{0,40}?\b"
                          r"(?:of|is|was|were|are|at|reached|reaches|totals?|totall?ed|stood at|stands at|"
                          r"worth|valued at|"
                          r"amounts? to|amounted to|hit|topped|exceeds?|exceeded)\s+(?:\w+\s+){0,2}$"
                          r"|\b(?:up|down|rising|falling|rose|fell|grew|shrank)\s+(?:from|to)\s+$", re.I)
_SIZE_AFTER = re.compile(r"^(?:-|\s)(?:[a-z]+\s+)?(?:econom(?:y|ies)|gdp)\b", re.I)
_IMPACT = re.compile(r"\b(?:cost\w*|impact|boost\w*|contribut\w+|infusion|cuts?|debt|deficit|loss\w*|lose|"
                     r"lost|stimulus|spend\w*|invest\w*|aid|revenue|tax\w*|budget|flow\w*|generat\w+|add\w*|"
                     r"inject\w*|increase\w*|save\w*|saving|worth of)\b", re.I)
_DIFF = re.compile(r"^\s*(?:more|fewer|less)\s+than\s+", re.I)
_RANK = re.compile(
    r"\b(?P<region>[A-Z][\w-]+(?: [A-Z][\w-]+)?)(?:'s|’s) (?P<sup>biggest|largest) economy"
    r"|\b(?P<pop>most populous) (?:country|nation)")
_AT_LEAST = frozenset(["more than", "over", "at least", "upwards of", "slightly more than"])
_AT_MOST = frozenset(["under", "less than", "fewer than", "up to"])
_SQ_MILE = 2.589988110336
_CURRENCY_CODE = re.compile(r"\b(?:US|HK|S|A|C|NZ)\s?\$|\$US\b")
_WHOLE_END = re.compile(r"\s+(?:and|or|but|while|which|that|as|where|when)\s|\s+\d", re.I)


@dataclass(frozen=True, slots=True)
class Reading:
    """A figure understood: the phrase (``span`` into the text read), what it measures, of
    which entity, for which year (and the rule that chose it), the value claimed with its
    unit and comparator (``upper`` for a range), and why it cannot be checked, if so."""

    phrase: str
    span: Span
    measure: str
    entity: Entity | None
    year: int | None
    year_rule: str
    claimed: float | None
    unit: str
    comparator: str
    upper: float | None = None
    day: str | None = None
    uncheckable: str | None = None
    subject: str | None = None  # the country ranked or compared ("NGA" in "NGA@AU")
    other: str | None = None  # the country compared with ("CHN" in "IND-CHN")
    figure: bool = True  # a figure statement of the extractor (a rank is not)


def sentence_span(text: str, at: int) -> Span:
    """The sentence of ``text`` that holds offset ``at``."""
    start = lo = max(0, at - 600)  # a sentence is shorter than that; the text may be long
    for m in _SENTENCE_END.finditer(text, lo, at):
        start = m.end()
    stop = _SENTENCE_END.search(text, at)
    return Span(start, stop.start() if stop else len(text))


def readings(doc: Document, figures: Sequence[Statement] | None = None, *,
             context: str = "") -> list[Reading]:
    """The figures of ``doc`` about countries or groups, understood (``figures``: the
    document's figure statements as the extractor found them; found afresh when None).
    ``context``: more of the article, when ``doc`` is only a sentence of it."""
    found = [f for f in (figures if figures is not None else find_figures(doc))
             if f.kind is Kind.FIGURE and f.quantity is not None]
    whole = context or doc.text
    out: list[Reading] = []
    spans = [f.span for f in found]
    for i, fig in enumerate(found):
        sent = sentence_span(doc.text, fig.span.start)
        reading = _read(doc, fig, sent, whole, spans, i)
        if reading is not None:
            out.append(reading)
    out += _ranks(doc, whole)
    return sorted(out, key=lambda r: r.span.start)


def _read(doc: Document, fig: Statement, sent: Span, context: str,
          spans: Sequence[Span], index: int) -> Reading | None:
    q = fig.quantity
    assert q is not None
    if q.kind in ("year", "date", "duration") or q.value is None:
        return None
    text = doc.text
    sentence = _masked(text[sent.start:sent.end])
    start, end = fig.span.start - sent.start, fig.span.end - sent.start
    prev = spans[index - 1] if index else None
    if prev is not None and _restates(text, prev, fig.span):
        return None  # "US$2.5 trillion (S$3.4 trillion)": the same figure in another unit
    nxt = spans[index + 1] if index + 1 < len(spans) else None
    measure, why = _measure(sentence, start, end, q, fig.text, doc, spans, index, sent)
    if measure is None:
        return None
    claimed, comparator, upper, unit = _claim(q, measure)
    if measure == "gdp_growth" and claimed is not None and \
            _SHRINK.search(sentence[max(0, start - 50):start]):
        claimed = -claimed  # "shrank 2%": -2
    phrase = fig.text
    if nxt is not None and _restates(text, fig.span, nxt):  # "more than 60% (62%)": the precise one
        inner = find_figures(Document.from_text(text[nxt.start:nxt.end], id="p"))
        if inner and inner[0].quantity and inner[0].quantity.unit == q.unit:
            claimed, comparator = _claim(inner[0].quantity, measure)[:2]
            phrase = text[fig.span.start:nxt.end + 1]
    day = doc.date[:10] if doc.date else None
    near = end + 1 if measure == "pop_abs" and q.kind == "number" else None
    subject = other = None
    entity: Entity | None
    if measure == "pop_diff":
        entity, subject, other = _diff_entity(sentence, start, end, day)
    else:
        entity = entity_of(sentence, start, day, context=context, near=near)
    if measure == "member_count" and (entity is None or entity.group is None):
        return None  # "seven member states had bid": not the size of a group
    if measure == "pop_share" and _own_population(sentence, end, q, fig.text):
        measure, why = "share of a country's own population", (
            "a share of the country's own people (who is counted is not in the reference data)")
    if entity is None and why is None:
        why = "no country or group named in the sentence or the article"
    year, rule = year_of(sentence, start, end, day, measure, context=context)
    return Reading(phrase, Span(fig.span.start, fig.span.start + len(phrase)), measure, entity, year,
                   rule, claimed, unit, comparator, upper, day, why, subject, other)


def _masked(sentence: str) -> str:
    """The sentence with currency symbols that look like country codes blanked ("US$")."""
    return _CURRENCY_CODE.sub(lambda m: " " * len(m.group()), sentence)


def _restates(text: str, first: Span, second: Span) -> bool:
    """Whether the figure at ``second`` is in parentheses right after ``first``."""
    between = text[first.end:second.start]
    return (between.rstrip().endswith("(") and len(between) <= 50 and ")" not in between
            and text[second.end:second.end + 1] == ")")


def _claim(q: Quantity, measure: str) -> tuple[float | None, str, float | None, str]:
    value, upper = q.value, q.upper
    share = measure.endswith("_share") or measure in ("gdp_share|ppp_share", "gdp_growth")
    if q.kind == "proportion" and value is not None:
        value, upper = value * 100, (upper * 100 if upper is not None else None)
    if measure == "surface_abs" and q.unit == "mi2" and value is not None:
        value, upper = value * _SQ_MILE, (upper * _SQ_MILE if upper is not None else None)
    qual = (q.qualifier or "").lower()
    comparator = ("range" if upper is not None else "at_least" if qual in _AT_LEAST
                  else "at_most" if qual in _AT_MOST else "approx")
    unit = "%" if share else {"pop_abs": "people", "pop_diff": "people", "member_count": "countries",
                              "surface_abs": "km2"}.get(measure, q.unit or "")
    return value, comparator, upper, unit


def _measure(sentence: str, start: int, end: int, q: Quantity, phrase: str, doc: Document,
             spans: Sequence[Span], index: int, sent: Span) -> tuple[str | None, str | None]:
    """(measure, why it is uncheckable) of the figure at ``sentence[start:end]``."""
    tail = sentence[end:]
    if q.kind == "proportion":  # "half of the world's population": the whole is in the phrase
        tail = phrase[phrase.lower().find(" of ") if " of " in phrase.lower() else len(phrase):] + tail
    if q.kind in ("percentage", "proportion") or (q.kind == "range" and q.unit == "%"):
        found = _share(sentence, start, tail, doc, spans, index, sent)
        near = sentence[max(0, start - 50):start] + tail[:20]
        if found[0] is None and q.kind != "proportion" and _GROWTH.search(near) and \
                (_GDP.search(near) or _ECONOMY.search(sentence[max(0, start - 80):start] + tail[:20])):
            if _FORECAST.search(sentence[max(0, start - 80):start]):
                return "gdp_growth", "a growth forecast (\"expects ... will expand\"): not in the data"
            if _AVERAGE.search(sentence[max(0, start - 40):start] + tail[:60]):
                return "gdp_growth", "an average over several years: the data holds each year's growth"
            return "gdp_growth", None  # "the economy grew 3% in 2022", not "job growth was 30% lower"
        return found
    unit = (q.unit or "").lower()
    head = sentence[:start]
    if q.kind == "money" or (q.kind == "range" and q.unit and q.unit != "%"):
        return _money(head, tail, unit)
    if unit in ("km2", "mi2"):
        return "surface_abs", None
    if q.kind == "count" and unit in _PEOPLE_UNITS:
        if _DIFF.match(tail) or not _is_population(head, tail, q.value):
            return None, None  # "evacuated about 80 people": people counted, not a population
        return "pop_abs", None
    if q.kind == "count" and unit in ("more", "fewer", "less") and re.match(r"\s*than\s", tail):
        if _PEOPLE.search(sentence):
            return "pop_diff", None
        return None, None
    if q.kind == "count" and _is_member_count(unit, phrase, tail, head):
        return "member_count", None
    if q.kind == "number" and q.value is not None and q.value >= 1000 and _in_a_country(tail) \
            and not _EVENT.search(head[-60:] + tail[:40]) and not _KILLED.search(head):
        return "pop_abs", None  # "417,000 in Brunei": a bare number of a country (not "3,000 in Reno")
    return None, None


def _in_a_country(tail: str) -> bool:
    """Whether ``tail`` starts "in" and a country's name ("in Brunei", not "in Reno", "in April")."""
    m = re.match(r"^\s+in\s+(?:the\s+)?", tail)
    return bool(m) and any(c.start == 0 and c.value.kind == "country"
                           for c in countries.mentions(tail[m.end():m.end() + 40]))  # type: ignore[union-attr]


def _is_population(head: str, tail: str, value: float | None) -> bool:
    """Whether "N people" is a population ("1.3 billion people in the free trade area",
    "totalling 628 million people", "would have 1.428bn people"), not people an event
    counts ("evacuated about 80 people", "warrants on 36 people")."""
    if value is None or value < 100_000 or _EVENT.search(head[-60:] + tail[:40]) or _KILLED.search(head):
        return False
    return bool(_POPULATION_BEFORE.search(head[-40:]) or _POPULATION_AFTER.match(tail)
                or (_THERE_ARE.search(head[-40:]) and re.match(r"^\s+in\b", tail)))


def _is_member_count(unit: str, phrase: str, tail: str, head: str) -> bool:
    if "-" in phrase and unit in _COUNT_UNITS:  # "an eight-nation group", "the 55-member AU"
        return bool(_GROUP_WORD.match(tail) or groups.mentions(tail[:40]))
    if unit in _COUNT_NOUNS:  # "the EU's 27 member states", "the 10 members of ASEAN"
        before = groups.mentions(head[-30:])
        after = re.match(r"^\s+(?:of|in)\s+(?:the\s+)?(?P<g>[\w-]+(?:\s[\w-]+){0,4})", tail)
        whole = re.search(r"\b(?:the|its|their|all|all the|all of the|all of its)\s*$", head, re.I)
        return bool((before and head[-30:].rstrip().endswith(("'s", "’s", before[-1].text)))
                    or (after and whole and groups.mentions(after.group("g"))))  # not "five in NATO"
    return False


def _nearest(head: str, tail: str) -> str:
    """The words of the measure nearest the figure: the last one before it within the
    clause, else the first after it ("GDP of US$2.5 trillion", "$5 trillion in exports")."""
    words = (_TRADE, _EXPORTS, _GDP, _ECONOMY, _PPP)
    before = [(m.end(), m.group()) for w in words for m in w.finditer(head[-80:])]
    if before:
        last = max(before)[0]
        return head[-80:][max(0, last - 30):last]
    after = [(m.start(), m.group()) for w in words for m in w.finditer(tail[:40])]
    return tail[:40][:min(after)[0] + 20] if after else ""


def _money(head: str, tail: str, unit: str) -> tuple[str | None, str | None]:
    if _RATE.match(tail):
        return None, None  # "$10 an hour": a wage or a price
    near = _nearest(head, tail)
    if _TRADE.search(near):
        return "trade value", "trade values are not in the reference data"
    if _EXPORTS.search(near):
        if _IMPACT.search(head[-50:] + tail[:30]):
            return None, None  # "exports are expected to increase $2 billion": a change, not the exports
        if _BILATERAL.search(head[-60:] + tail[:60]):
            return "bilateral exports", "exports from one country to another are not in the reference data"
        if _PRODUCT.match(tail):
            return "exports of a product", "exports of one product are not in the reference data"
        if _GOODS.search(near):
            return "merchandise exports", ("merchandise (goods-only) exports are not in the reference "
                                           "data (only goods and services)")
        return ("exports_abs", None) if unit == "usd" else (
            "exports_abs", f"a value in {unit.upper()}: the reference data is in US$")
    if _GDP.search(near) or _ECONOMY.search(near):
        if not (_SIZE_BEFORE.search(head[-70:]) or _SIZE_AFTER.match(tail)) or \
                _IMPACT.search(head[-50:] + tail[:30]):
            return None, None  # what a policy costs or adds to an economy, not its size
        if _PPP.search(near):
            return "ppp_abs", None
        return ("gdp_abs", None) if unit == "usd" else (
            "gdp_abs", f"a value in {unit.upper() or 'an unknown currency'}: the reference data is in US$")
    return None, None


def _share(sentence: str, start: int, tail: str, doc: Document, spans: Sequence[Span],
           index: int, sent: Span) -> tuple[str | None, str | None]:
    m = _OF.match(tail)
    whole = m.group("whole") if m else ""
    cut = _WHOLE_END.search(whole)
    whole = whole[:cut.start()] if cut else whole
    if not re.match(r"\s*[A-Za-z]", whole) or re.match(r"\s*(?:[A-Z][a-z]+\s+)?\d{4}\b", whole):
        whole = ""  # "7 percent in 2022", "in March 2020": a date, not a whole
    if not whole and _OUTPUT_SHARE.match(tail):
        whole = tail
    if not whole:
        listed = _SHARE_OF.search(sentence)
        if listed and listed.end() <= start + 1:
            return _respective(listed.group("what"), sentence, start, spans, index, sent)
        return None, None
    return _whole(whole, sentence, start, doc, spans, index, sent)


def _whole(whole: str, sentence: str, start: int, doc: Document, spans: Sequence[Span],
           index: int, sent: Span) -> tuple[str | None, str | None]:
    own = _own(whole, sentence)
    if own is not None:
        return own
    if _TRADE.search(whole):
        return "trade share", "trade shares (between or within countries) are not in the reference data"
    if _EXPORTS.search(whole):
        if _GOODS.search(whole):
            return "merchandise export share", "merchandise exports are not in the reference data"
        return "exports_share", None
    if _PEOPLE.search(whole):
        part = _PART_OF.search(whole)
        if part and part.group("w").lower() not in _ALL_OF:
            return (f"share of the {part.group('w')} population",
                    f"a part of the people ({whole.strip()!r}) is not in the reference data")
        return "pop_share", None
    if _GDP.search(whole) and not _PPP.search(sentence):
        return "gdp_share", None
    if _PPP.search(whole) or (_ECONOMY.search(whole) and _PPP.search(sentence)):
        return "ppp_share", None
    if _ECONOMY.search(whole):
        return ("gdp_share", None) if _NOMINAL.search(sentence) else ("gdp_share|ppp_share", None)
    if _LAND.search(whole):
        return "surface_share", None
    if _TOTAL.match(whole.strip()):
        return _total(doc, spans, index, sent)
    noun = whole.strip().split(",")[0]
    return f"share of {noun}", f"{noun!r} is not a series of the reference data"


def _own(whole: str, sentence: str) -> tuple[str, str] | None:
    """A share of someone's own people, economy or land ("0.2 percent of the national
    population", "2 percent of gross domestic product on defense", "5% of Ohio's population",
    "a quarter of Kazakhstan's citizens"): the whole is not the world's — it is named as
    someone's own, or neither it nor the sentence names the world."""
    if not (_PEOPLE.search(whole) or _GDP.search(whole) or _ECONOMY.search(whole) or _PPP.search(whole)
            or _LAND.search(whole) or _EXPORTS.search(whole)):
        return None
    possessed = _OWN.search(whole) or any(c.value.kind == "country" for c in countries.mentions(whole))
    if re.search(_WORLD, whole, re.I) and not possessed:
        return None
    if not possessed and _WORLDWIDE.search(sentence):
        return None
    what = "people" if _PEOPLE.search(whole) else "land" if _LAND.search(whole) and not (
        _GDP.search(whole) or _ECONOMY.search(whole)) else "exports" if _EXPORTS.search(whole) else "economy"
    return (f"share of its own {what}",
            f"a share of a country's own {what} ({whole.strip()!r}), not of the world's: not in the "
            "reference data")


def _total(doc: Document, spans: Sequence[Span], index: int, sent: Span) -> tuple[str | None, str | None]:
    """ "41 percent of the world's total": a share of what the sentence's figure before it counts."""
    for span in reversed(spans[:index]):
        if span.start < sent.start:
            break
        words = doc.text[span.start:span.end].lower()
        if _PEOPLE.search(words):
            return "pop_share", None
        if re.search(r"km|square|sq", words):
            return "surface_share", None
        if re.search(r"\$|dollar|usd", words):
            return "gdp_share", None
    return None, None


def _respective(what: str, sentence: str, start: int, spans: Sequence[Span], index: int,
                sent: Span) -> tuple[str | None, str | None]:
    """ "the share of G7 countries in global GDP and population is 43% and 9.8%": the n-th
    whole for the n-th figure of the list."""
    wholes = [w.strip() for w in re.split(r",|\band\b", what) if w.strip()]
    first = index
    while first > 0 and spans[first - 1].start >= sent.start + start - 40 and \
            spans[first - 1].start >= sent.start:
        first -= 1
    n = index - first
    if n >= len(wholes):
        return None, None
    return _whole(wholes[n], sentence, start, Document.from_text(sentence, id="s"), [], 0, Span(0, 0))


def _own_population(sentence: str, end: int, q: Quantity, phrase: str) -> bool:
    """ "One fourth of the US population": a country's own population, not the world's."""
    text = phrase if q.kind == "proportion" else sentence[end:end + 60]
    m = re.search(r"\bof\s+(?:the\s+)?(?P<who>[\w’'.-]+(?:\s+[\w’'.-]+){0,2}?)\s+population\b", text)
    if not m or re.search(_WORLD, m.group("who"), re.I):
        return False
    who = m.group("who").removesuffix("'s").removesuffix("’s")
    return countries.country(who) is not None or bool(countries.mentions(m.group("who")))


def _diff_entity(sentence: str, start: int, end: int,
                 day: str | None) -> tuple[Entity | None, str | None, str | None]:
    """ "India would have more than 1.428bn people, about 3mn more than China": India - China."""
    found = [c for c in countries.mentions(sentence) if c.value.kind == "country"]
    before = [c for c in found if c.start < start]
    after = [c for c in found if c.start >= end]
    if not before or not after:
        return None, None, None
    a, b = before[0].value.iso3, after[0].value.iso3
    return Entity(f"{a}-{b}", (a, b), "countries compared in the sentence", day), a, b


def _ranks(doc: Document, context: str) -> list[Reading]:
    """ "Nigeria is Africa's biggest economy and most populous country": rank 1 in a region."""
    out: list[Reading] = []
    text = doc.text
    day = doc.date[:10] if doc.date else None
    for m in _RANK.finditer(text):
        sent = sentence_span(text, m.start())
        sentence = text[sent.start:sent.end]
        start = m.start() - sent.start
        subject = [c for c in countries.mentions(sentence[:start]) if c.value.kind == "country"]
        region = m.group("region") or _region_before(text, m.start(), sent)
        if not subject or region is None:
            continue
        whole = _region(region, day)
        if whole is None:
            continue
        measure = "rank_pop" if m.group("pop") else "rank_gdp"
        year, rule = year_of(sentence, start, m.end() - sent.start, day, measure, context=context)
        who = subject[-1].value.iso3
        out.append(Reading(m.group(), Span(m.start(), m.end()), measure,
                           Entity(f"{who}@{whole.label}", whole.members, whole.how, day, whole.group),
                           year, rule, 1.0, "rank", "approx", None, day, None, who, figure=False))
    return out


def _region_before(text: str, at: int, sent: Span) -> str | None:
    found = list(re.finditer(r"\b([A-Z][\w-]+)(?:'s|’s) (?:biggest|largest) economy", text[sent.start:at]))
    return found[-1].group(1) if found else None


def _region(name: str, day: str | None) -> Entity | None:
    g = groups.group(name)
    if g is not None and day:
        return group_entity(g.code, day, "group named in the sentence")
    members = continent(name)
    if members:
        return Entity(name, members, "continent (UN region) named in the sentence", day)
    return None


def figure_statements(statements: Iterable[Statement]) -> list[Statement]:
    return [s for s in statements if s.kind is Kind.FIGURE]
