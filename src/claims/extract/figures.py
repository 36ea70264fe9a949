"""Figures: numbers in digits and words, proportions, percentages, money, counts, ranges,
years, dates and durations, each with a :class:`~claims.statements.Quantity`.

What a fact-checker could check: fractions valued ("two-thirds" is 2/3), ranges that share
a magnitude ("$5 and $7 billion"), spelled numbers of any length, a negative only with a
sign ("-1.3%", "minus 40", never "no-one"); a unit is a noun, never a verb or a preposition
("36 must face trial" is a bare 36); numbers inside names and fixed phrases ("G7",
"COVID-19", "24/7", "the two leaders", "S&P 500") and clock times are no figures. Years and
dates keep kind ``year``/``date`` with their ISO 8601 form in ``iso``.

>>> from claims.document import Document
>>> doc = Document.from_text("It cost about $3 billion, half of the budget.", id="t")
>>> [(s.text, s.quantity.value, s.quantity.kind) for s in find_figures(doc)]
[('about $3 billion', 3000000000.0, 'money'), ('half of the budget', 0.5, 'proportion')]
"""

from __future__ import annotations

import re

from claims.document import Document
from claims.extract._lexicon import (
    CURRENCY_SYMBOLS,
    DURATION_UNITS,
    FRACTIONS,
    MAGNITUDES,
    NUMBER_WORDS,
    QUALIFIERS,
)
from claims.extract._numbers import (
    CLOCK,
    GLUED_UNIT,
    MEASURE,
    NUMBER_START,
    SPELLED,
    iso_date,
    parse_number,
    unit_word,
)
from claims.statements import Kind, Quantity, Span, Statement

__all__ = ["find_figures", "parse_number"]

_NW = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_WORDNUM = SPELLED
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_MAG = r"(?:\s*(?:hundred|thousand|million|billion|trillion)\b|(?:bn|mn|mln|mil|tn|[mbk])\b)"
_QUAL = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
_CUR = r"(?:US\s?\$|\$US|A\$|C\$|S\s?\$|HK\$|[$£€¥]|Rs\.?\s?|RM|EUR|USD|GBP)"
_UNIT_PCT = r"(?:\s?%|\s+per\s?cent\b|\s+percent\b|\s+percentage\s+points?\b|pc\b)"
_NUM = rf"(?:{_DIGITS}|\b{_WORDNUM}\b)"
_FIGURE = re.compile(
    rf"(?:\b(?P<qual>(?i:{_QUAL}))\s+)?(?P<neg>\bminus[\s-]|(?<![\w.,-])-(?=[\d$]))?"
    rf"(?P<cur>{_CUR})?(?P<neg2>-)?(?P<num>{_NUM})(?P<mag>{_MAG})?(?P<glued>{GLUED_UNIT})?"
    rf"(?P<pct1>{_UNIT_PCT})?"
    rf"(?:\s*(?P<sep>-|–|to|and)\s*(?P<cur2>{_CUR})?(?P<num2>{_DIGITS}|\b{_WORDNUM}\b)"
    rf"(?P<mag2>{_MAG})?)?"
    rf"(?P<pct>{_UNIT_PCT})?(?P<hyph>-(?P<hunit>[a-z]+)\b)?"
    rf"(?P<unit>\s+(?:[a-zA-Zμ°][\w’'-]*))?")
_ANCHOR = re.compile(NUMBER_START)
_MULTI = re.compile(r"\bmulti-?(?P<mag>million|billion|trillion)(?:-(?P<cur>dollar|euro|pound))?\b")
_DEN = r"(?:half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)"
_NUMER = r"(?:[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine)"
# "two-thirds of voters", "a quarter of the budget", "half of the world's population", and
# without "of" where it cannot be an ordinal: "a two-thirds majority", "cut by a third"
_FRACTION = re.compile(
    rf"\b(?=[AaOoTtFfSsEeNnHh])(?P<frac>{_NUMER}[ -]{_DEN}|[Hh]alf)"
    r"(?:\s+of\s+(?P<what>(?:the\s+|its\s+|their\s+)?[\w’'-]+"
    r"(?:\s+(?!(?:of|in|and|to|for|on|at|is|was|are|were|by|from|with|have|has|had|"
    r"will|would|say|said|think|who|that)\b|\w+ed\b)[\w’'-]+){0,2}))?")
# the qualifier right before a fraction: "more than half of", "nearly two-thirds of"
_QUAL_BEFORE = re.compile(rf"\b(?P<qual>(?i:{_QUAL}))\s+$")
_YEAR = re.compile(r"(?<![\w$£€.,])(?P<y>1[89]\d\d|20\d\d)(?![\w%]|,\d|\.\d)")
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?")
_DATE = re.compile(rf"\b(?=[JFMASOND])(?P<m>{_MONTHS})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*%|\.\d|,\d)"
                   rf"(?:,?\s+(?P<y>1[89]\d\d|20\d\d)\b)?")
_MONTH_YEAR = re.compile(rf"\b(?=[JFMASOND])(?P<m>{_MONTHS})\s+(?:of\s+)?(?P<y>1[89]\d\d|20\d\d)\b")
_MODEL_BEFORE = re.compile(r"(?:[A-Z][\w&’'-]*|[a-z]+[A-Z][\w-]*)[ -]$")
_NOT_MODEL = frozenset(["A", "An", "In", "By", "On", "At", "From", "Since", "Until", "About", "Some",
                        "Nearly", "Almost", "Over", "Under", "Around", "Only", "The", "Of", "To",
                        "With", "For", "And", "But", "Than", "All", "Just", "Top", "Up", "Down"])
_VAGUE = re.compile(r"\b(?=[TtHhDdMmBb])(?P<m>[Tt]ens|[Hh]undreds|[Dd]ozens)\s+of\s+"
                    r"(?P<mag>thousands|millions|billions)\b"
                    r"|\b(?P<m2>[Tt]housands|[Mm]illions|[Bb]illions)\s+of\b")
_DAY_MONTH = re.compile(
    r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b(?:,?\s+(?P<y>1[89]\d\d|20\d\d)\b)?")
# currency symbols as written -> ISO 4217 ("S$" is Singapore's dollar, not the US dollar)
_CURRENCIES = {"US$": "USD", "$US": "USD", "$": "USD", "A$": "AUD", "C$": "CAD", "S$": "SGD",
               "HK$": "HKD", "£": "GBP", "€": "EUR", "¥": "JPY", "Rs": "INR", "Rs.": "INR",
               "RM": "MYR", "EUR": "EUR", "USD": "USD", "GBP": "GBP"}
_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9}
_DENOMINATORS = {"half": 2, "halve": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5,
                 "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
# the word after "square" in an area ("38.3 million square kilometers")
_AREA = re.compile(r"\s+(?P<u>kilometres?|kilometers?|km|miles?|metres?|meters?)\b")
_AREA_UNITS = {"k": "km2", "m": "mi2"}
_MEMBER_NOUN = re.compile(r"\s+(?P<n>states|countries|nations)\b")
_CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
                   "pound": "GBP", "pounds": "GBP", "yuan": "CNY", "yen": "JPY"}


def _scale(m: str | None) -> float:
    return MAGNITUDES.get(m.strip().lower(), 1.0) if m else 1.0


def _figure(text: str, m: re.Match[str], shared_mag: str | None = None) -> Statement | None:
    """The figure of a match of :data:`_FIGURE`; ``shared_mag``: the magnitude written after
    the second of two numbers joined by "and", which the first shares ("5 and 7 billion")."""
    num = m.group("num")
    value = parse_number(num)
    if value is None:
        return None
    start = m.start()
    ns = m.start("num")
    before = text[max(0, ns - 1):ns]
    if before and (before.isalpha() or before in "#") and not m.group("cur"):
        return None  # G7, A380, #3
    lead = text[max(0, m.start() - 1):m.start()] if m.group("neg2") and not m.group("cur") else ""
    glued_left = text[max(0, ns - 2):ns - 1].isalnum() or lead.isalnum()
    if not m.group("neg") and (before == "-" or m.group("neg2")) and glued_left:
        return None  # "COVID-19", "last-32", "no-one": a hyphen, no minus sign
    if _not_a_quantity(text, m):
        return None
    is_word = num[0].isalpha()
    unit_tok = (m.group("unit") or "").strip().rstrip("-’'")
    hunit = m.group("hunit")
    if (hunit and hunit.rstrip("s") in _DENOMINATORS) or (
            is_word and unit_tok.lower().rstrip("s") in _DENOMINATORS):
        return None  # "two-thirds", "about two thirds": a fraction, read as one
    qual = m.group("qual")
    kind, unit, end = "number", None, m.end("num")
    mag = m.group("mag") or (shared_mag if not (m.group("pct1") or m.group("glued")) else None)
    value *= _scale(mag)
    if m.group("mag"):
        end = m.end("mag")
    upper = None
    sep = m.group("sep")
    between = re.search(r"\bbetween\s+\S*$", text[max(0, start - 30):ns])
    if sep == "and" and not between:
        return _first_of_pair(text, m)  # "43% and 9.8%": two figures, not a range
    if sep and m.group("num2") and _not_a_range(text, m, between is not None):
        return _first_of_pair(text, m)  # "rose 7% to $2.3 billion": two figures
    if m.group("num2") and (m.group("cur") or m.group("pct") or not is_word or (
            m.group("mag") and m.group("mag2"))):
        up = parse_number(m.group("num2"))
        if up is not None:
            upper = up * _scale(m.group("mag2") or m.group("mag"))
            if m.group("mag2") and not m.group("mag") and not m.group("pct1") \
                    and value * _scale(m.group("mag2")) <= upper:
                value *= _scale(m.group("mag2"))  # "5 to 7 billion": both in billions
            end = m.end("mag2") if m.group("mag2") else m.end("num2")
            kind = "range"
    if m.group("cur"):
        cur = re.sub(r"\s", "", m.group("cur"))
        unit = _CURRENCIES.get(cur) or CURRENCY_SYMBOLS.get(cur[-1:], cur)
        kind = "range" if upper is not None else "money"
    if m.group("pct") or m.group("pct1"):
        kind, unit = ("range" if upper is not None else "percentage"), "%"
        end = max(end, m.end("pct") if m.group("pct") else m.end("pct1"))
    elif m.group("glued") and upper is None and not m.group("cur"):
        unit, end = re.sub(r"\s", "", m.group("glued")), m.end("glued")
        kind = "count"
    elif hunit:
        unit, end = hunit, m.end("hunit")
        kind = "duration" if hunit.rstrip("s") in DURATION_UNITS else "count"
    elif unit_tok and not m.group("cur") and (
            unit_word(unit_tok) or (unit_tok.lower() in ("year", "years") and value < 1000)):
        if unit_tok.lower() in _CURRENCY_WORDS:
            kind, unit = "money", _CURRENCY_WORDS[unit_tok.lower()]
        elif unit_tok.rstrip("s").lower() in DURATION_UNITS:
            kind, unit = "duration", unit_tok.lower()
        else:
            kind, unit = ("count" if kind == "number" else kind), unit_tok
        end = m.start("unit") + len(m.group("unit").rstrip().rstrip("-’'"))
        area = _AREA.match(text, end) if unit_tok.lower().rstrip(".") in ("square", "sq") else None
        member = _MEMBER_NOUN.match(text, end) if unit_tok.lower() == "member" else None
        if area:
            unit, end = _AREA_UNITS[area.group("u")[0].lower()], area.end()
            unit_tok = f"{unit_tok}{area.group()}"
        elif member:
            unit, unit_tok, end = f"member {member.group('n')}", f"member {member.group('n')}", member.end()
    elif is_word and not mag:
        return None  # a bare "one", "two": a pronoun more often than a figure
    elif unit_tok[:1].isupper() and not unit_tok.isupper() and not unit_tok.endswith("s") \
            and not m.group("cur") and not m.group("pct") and not m.group("pct1") and not mag:
        return None  # "787 Dreamliner", "10 Downing Street": a name, not a count
    if kind in ("number", "count", "range") and not m.group("mag") and not hunit \
            and _a_year(text, m, value, kind, unit_tok):
        return None  # a year (or a span of years), handled as such: "the 2019 ruling"
    if m.group("neg") or m.group("neg2"):
        value = -value
    q = Quantity(value=value, unit=unit, kind=kind, approximate=(bool(qual) and
                 QUALIFIERS.get(qual.lower(), "") == "~"),
                 qualifier=qual.lower() if qual else None, upper=upper,
                 measures=unit_tok if kind == "count" and not hunit and not m.group("glued") else None)
    span = Span(start, end)
    return Statement(Kind.FIGURE, text[start:end], span, quantity=q, confidence=0.8)


def _a_year(text: str, m: re.Match[str], value: float, kind: str, unit_tok: str) -> bool:
    """Whether a number from 1000 to 2099 is a year: not a count of a plural noun ("1500
    troops", "1000 hp"), but "the 2018 elections", "a 2005 law", "in 2019 many ..."."""
    num = m.group("num")
    if "." in num or "," in num or not 1000 <= value <= 2099:
        return False
    unit = unit_tok.lower()
    if kind != "count" or not unit_tok[:1].islower() or not unit_word(unit_tok) or unit in _YEAR_FOLLOWERS:
        return True
    if value < 1900 or MEASURE.match(m.group("unit") or ""):
        return False
    return not unit.endswith("s") or _DETERMINER.search(text, max(0, m.start() - 6), m.start()) is not None


def _not_a_range(text: str, m: re.Match[str], between: bool) -> bool:
    """Two numbers joined by "-" or "to" that are two figures: a minus sign after a space
    ("Stoxx 50 -1.3%"); two different units ("fell 40.8 per cent to $2.06"); or the unit
    written twice where no "from" or "between" makes a range of them ("rose by $43.6
    billion to $419.2 billion": the change, then the level)."""
    sep = m.group("sep")
    if sep == "-" and text[m.start("sep") - 1:m.start("sep")].isspace() \
            and not text[m.end("sep"):m.end("sep") + 1].isspace():
        return True
    if sep != "to":
        return False
    pct1, pct, cur, cur2 = (bool(m.group(g)) for g in ("pct1", "pct", "cur", "cur2"))
    if (pct1 and (cur2 or not pct)) or (cur and not cur2 and pct):
        return True
    before = text[max(0, m.start() - 30):m.start()]
    if between or re.search(r"\bfrom\s+(?:\S+\s+){0,2}$", before):
        return False
    return (cur and cur2 and bool(m.group("mag")) and bool(m.group("mag2"))) or (
        pct1 and pct and re.search(r"\bby\s+$", before) is not None)


_DETERMINER = re.compile(r"(?:\b[Tt]he|[’']s)\s+$")  # "the 2018 elections", "Iran's 2009 protests"
_YEAR_FOLLOWERS = frozenset(["will", "when", "most", "came", "world", "leaving", "saw", "after",
                             "before", "there", "many", "has", "had", "is", "was", "were"])


def _not_a_quantity(text: str, m: re.Match[str]) -> bool:
    """Clock times (12:01), scores (2-2), parenthesised jersey numbers, and model numbers
    after a name ("iPhone 12", "Stoxx 600", "Game 6") are not quantities."""
    ns, ne = m.start("num"), m.end("num")
    if text[ne:ne + 1] == ":" or text[ns - 1:ns] == ":" or text[ne:ne + 2] == ".m":
        return True
    if text[ns:ns + 1].isdigit() and (CLOCK.match(text, m.end("mag") if m.group("mag") else ne)
                                      or (text[ns] == "0" and text[ns + 1:ne].isdigit())):
        return True  # "9 pm", "0401 GMT": a clock time; "007": a code
    if text[ns:ns + 1].isdigit() and re.match(r"(?:st|nd|rd|th)\b", text[ne:ne + 3]):
        return True  # "the 21st century": an ordinal
    if text[ns:ns + 1].isdigit() and _LABEL.search(text, max(0, ns - 14), ns):
        return True  # "resolution 2259", "Act No. 3846", "week 22": a label, not a quantity
    if (text[ne:ne + 1] == "/" and text[ne + 1:ne + 2].isdigit()) or \
            (text[ns - 1:ns] == "/" and text[ns - 2:ns - 1].isdigit()):
        return True  # "24/7", "9/11", "10/14/2018": a fixed phrase or a date
    if text[ns - 1:ns] == "(" and text[ne:ne + 1] == ")":
        return True
    if text[ns:ns + 1].isalpha() and text[ne:ne + 1] != "-" and \
            _ANAPHORIC.search(text, max(0, ns - 12), ns):  # "the nine-nation SCO" is a count
        return True  # "the two leaders", "both three": a reference back, not a quantity
    if m.group("cur") or m.group("pct") or m.group("pct1") or m.group("mag") or m.group("qual") \
            or m.group("glued") or MEASURE.match(m.group("unit") or ""):
        return False  # "Energy's 550 megawatt plant": a measure, not a model number
    if not text[ns:ns + 1].isdigit():
        return False
    base = max(0, ns - 30)
    bm = _MODEL_BEFORE.search(text, base, ns)
    if bm is None:
        return False
    word = bm.group().strip(" -")
    if word.endswith(("'s", "’s")):
        return False  # "the EU's 27 member states": a possessive, not a model name
    if word in _NOT_MODEL or word in _MONTH_WORDS or word.rstrip(".") in _MONTH_ABBR:
        return False
    prev = text[max(0, bm.start() - 20):bm.start()].rstrip()
    opener = (not prev and bm.start() < 20) or prev[-1:] in (".", "!", "?")
    unit = (m.group("unit") or "").strip()
    # "Officials 300 ..." never; but a sentence may open with "Some 300 residents"
    return not (opener and word[1:].islower() and unit[:1].islower())


_LABEL = re.compile(
    r"\b(?:[Nn]os?\.|[Nn]umber|resolution|week|page|chapter|article|section|posts?|room|flight|"
    r"route|highway|gate|platform|level|category|phase|stage|grade|round|game|paragraph|clause|"
    r"district|precinct|terminal|channel|item|exhibit|ward|season|episode|volume|version)\s+$")
_ANAPHORIC = re.compile(r"\b(?:[Tt]he|other|[Tt]hese|[Tt]hose|[Aa]ll|[Bb]oth)\s+$")
_MONTH_ABBR = frozenset(["Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"])
_MONTH_WORDS = frozenset(["January", "February", "March", "April", "May", "June", "July",
                          "August", "September", "October", "November", "December"])


def _fraction(words: str) -> float | None:
    """ "one fourth" -> 0.25, "three fifths" -> 0.6."""
    parts = words.split()
    if len(parts) != 2 or parts[0] not in _NUMERATORS:
        return None
    den = _DENOMINATORS.get(parts[1].removesuffix("s"))
    return _NUMERATORS[parts[0]] / den if den else None


def _first_of_pair(text: str, m: re.Match[str]) -> Statement | None:
    """The first of two figures joined by "and" or "to" ("43% and 9.8%"), as if written
    alone, but sharing the magnitude written only after the second ("$5 and $7 billion")."""
    again = _FIGURE.match(text[:m.start("sep")].rstrip(), m.start())
    if again is None:
        return None
    shared = None
    if m.group("sep") == "and" and m.group("mag2") and not m.group("mag"):
        first, second = parse_number(m.group("num")), parse_number(m.group("num2"))
        shared = m.group("mag2") if first is not None and second is not None and first <= second else None
    return _figure(text, again, shared)


def _vague(text: str) -> list[Statement]:
    """ "tens of millions" -> [1e7, 1e8); "millions of" -> [1e6, 1e7)."""
    out = []
    for vm in _VAGUE.finditer(text) if "s of" in text else ():
        if vm.group("m"):
            mult = {"tens": 10.0, "dozens": 12.0, "hundreds": 100.0}[vm.group("m").lower()]
            base = MAGNITUDES[vm.group("mag").lower().rstrip("s")]
        else:
            mult, base = 1.0, MAGNITUDES[vm.group("m2").lower().rstrip("s")]
        lo = mult * base
        out.append(Statement(Kind.FIGURE, vm.group(), Span(vm.start(), vm.end()),
                             quantity=Quantity(value=lo, kind="range", upper=lo * 10,
                                               approximate=True), confidence=0.6))
    return out


def find_figures(doc: Document) -> list[Statement]:
    """Figure statements, non-overlapping, in text order."""
    text = doc.text
    found: list[Statement] = []
    for fm in _FRACTION.finditer(text):
        st = _fraction_figure(text, fm)
        if st is not None:
            found.append(st)
    for mm in _MULTI.finditer(text) if "multi" in text else ():
        unit = {"dollar": "USD", "euro": "EUR", "pound": "GBP"}.get(mm.group("cur") or "")
        found.append(Statement(Kind.FIGURE, mm.group(), Span(mm.start(), mm.end()),
                               quantity=Quantity(value=None, unit=unit, kind="money",
                                                 approximate=True, qualifier="multi",
                                                 measures=mm.group("mag")), confidence=0.7))
    found += _vague(text)
    found += _dates(text)
    pos = 0
    for a in _ANCHOR.finditer(text):  # try the big pattern only near digits/number words
        if a.start() < pos:
            continue
        m = _FIGURE.search(text, max(pos, a.start() - 40))
        if m is None:
            break
        st = _figure(text, m)
        if m.group("sep") and (st is None or st.span.end <= m.start("sep")):
            pos = max(st.span.end if st else m.end("num"), a.end())  # the second is read next
        else:
            pos = max(m.end(), a.end())
        if st is not None:
            found.append(st)
    for ym in _YEAR.finditer(text):
        found.append(Statement(Kind.FIGURE, ym.group(), Span(ym.start(), ym.end()),
                               quantity=Quantity(value=float(ym.group("y")), kind="year",
                                                 iso=ym.group("y")), confidence=0.7))
    found.sort(key=lambda s: (s.span.start, -len(s.span)))
    out: list[Statement] = []
    for st in found:
        if out and out[-1].span.overlaps(st.span):
            continue
        out.append(st)
    return _from_to(text, out)


def _fraction_figure(text: str, fm: re.Match[str]) -> Statement | None:
    """A proportion: "two-thirds of voters" (2/3, measures "voters"); without "of" only a
    hyphenated or number-word fraction ("a two-thirds majority"), or "by a third"."""
    frac = fm.group("frac").lower()
    what = fm.group("what")
    if what is None:
        numer = frac.split("-")[0].split()[0]
        if frac == "half" or (numer == "a" and text[max(0, fm.start() - 3):fm.start()] != "by "):
            return None  # "a third term", "half-time": an ordinal or a word
    val = FRACTIONS.get(frac) or FRACTIONS.get(frac.replace("-", " ")) or _fraction(frac.replace("-", " "))
    if val is None:
        return None
    end = fm.end() if what else fm.end("frac")
    if what:  # "half of the budget went": the words that name what, no verb after them
        words = list(re.finditer(r"[\w’'-]+", what))
        keep = min(len(words), 1 + (words[0].group().lower() in ("the", "its", "their")))
        while keep < len(words) and unit_word(words[keep].group()) \
                and words[keep].group().lower() not in _VERBS:
            keep += 1
        end = fm.start("what") + words[keep - 1].end()
        what = fm.group("what")[:words[keep - 1].end()]
    qual = _QUAL_BEFORE.search(text, max(0, fm.start() - 20), fm.start())
    span = Span(qual.start() if qual else fm.start(), end)
    word = qual.group("qual").lower() if qual else None
    measures = re.sub(r"^the\s+", "", what) if what else None
    return Statement(Kind.FIGURE, span.of(text), span,
                     quantity=Quantity(value=val, kind="proportion", measures=measures, qualifier=word,
                                       approximate=word is not None and QUALIFIERS.get(word) == "~"),
                     confidence=0.8)


def _dates(text: str) -> list[Statement]:
    """Calendar dates ("October 14", "14 October 2018", "Mar 9 2018") and months of a year
    ("October 2018"), each of kind ``date`` with its ISO form and no value."""
    out = []
    for pattern in (_DAY_MONTH, _DATE, _MONTH_YEAR):
        for dm in pattern.finditer(text):
            year = int(dm.group("y")) if dm.group("y") else None
            day = int(dm.group("d")) if "d" in pattern.groupindex else None
            iso = iso_date(year, dm.group("m"), day)
            if iso is None:
                continue
            out.append(Statement(Kind.FIGURE, dm.group(), Span(dm.start(), dm.end()),
                                 quantity=Quantity(value=None, kind="date", iso=iso), confidence=0.7))
    return out


# verbs that often follow the subject a fraction measures ("half of the budget went")
_VERBS = frozenset(["went", "came", "say", "says", "said", "vote", "votes", "voted", "live", "lives",
                    "lived", "think", "thinks", "want", "wants", "go", "goes", "get", "gets", "got",
                    "make", "makes", "made", "take", "takes", "took", "see", "sees", "saw", "give",
                    "gives", "gave", "left", "leave", "leaves", "remain", "remains", "support",
                    "supports", "oppose", "opposes", "agree", "agrees", "back", "backs", "come",
                    "comes", "believe", "believes", "own", "owns", "lack", "lacks", "need", "needs"])
_FROM = re.compile(r"\bfrom\s+$")
_TO = re.compile(r"\s+to\s+$")
_RANGED = frozenset(["number", "count", "money", "percentage"])


def _from_to(text: str, figures: list[Statement]) -> list[Statement]:
    """ "from 208 pounds to 193", "from up to 252 miles to 287 miles": one range, from the
    first value to the second, when the second has no unit or the same one."""
    out: list[Statement] = []
    for st in figures:
        prev = out[-1] if out else None
        q, p = st.quantity, prev.quantity if prev else None
        if prev is None or q is None or p is None or q.kind not in _RANGED or p.kind not in _RANGED \
                or q.value is None or p.value is None or q.unit not in (None, p.unit) \
                or not _TO.fullmatch(text, prev.span.end, st.span.start) \
                or not _FROM.search(text, max(0, prev.span.start - 6), prev.span.start):
            out.append(st)
            continue
        span = Span(prev.span.start, st.span.end)
        out[-1] = Statement(Kind.FIGURE, span.of(text), span, confidence=prev.confidence,
                            quantity=Quantity(value=p.value, unit=p.unit, kind="range",
                                              approximate=p.approximate, qualifier=p.qualifier,
                                              upper=q.value, measures=p.measures))
    return out
