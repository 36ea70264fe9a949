"""Figures: numbers in digits and words, proportions, percentages, money, counts, ranges,
years, dates and durations, each with a :class:`~claims.statements.Quantity`.

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
from claims.statements import Kind, Quantity, Span, Statement

_NW = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_WORDNUM = rf"(?:(?:{_NW})(?:-(?:{_NW}))?(?:\s+hundred)?)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_MAG = r"(?:\s*(?:hundred|thousand|million|billion|trillion)\b|(?:bn|mn|mln|mil|tn|[mbk])\b)"
_QUAL = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
_CUR = r"(?:US\s?\$|\$US|A\$|C\$|S\s?\$|HK\$|[$£€¥]|Rs\.?\s?|RM|EUR|USD|GBP)"
_UNIT_PCT = r"(?:\s?%|\s+per\s?cent\b|\s+percent\b|\s+percentage\s+points?\b|pc\b)"
_NUM = rf"(?:{_DIGITS}|\b{_WORDNUM}\b)"
_FIGURE = re.compile(
    rf"(?:\b(?P<qual>(?i:{_QUAL}))\s+)?(?P<neg>\bminus[\s-]|(?<![\w.,-])-(?=[\d$]))?"
    rf"(?P<cur>{_CUR})?(?P<neg2>-)?(?P<num>{_NUM})(?P<mag>{_MAG})?(?P<pct1>{_UNIT_PCT})?"
    rf"(?:\s*(?P<sep>-|–|to|and)\s*(?P<cur2>{_CUR})?(?P<num2>{_DIGITS}|\b{_WORDNUM}\b)"
    rf"(?P<mag2>{_MAG})?)?"
    rf"(?P<pct>{_UNIT_PCT})?(?P<hyph>-(?P<hunit>[a-z]+)\b)?"
    rf"(?P<unit>\s+(?:[a-zA-Z][\w’'-]*))?")
_ANCHOR = re.compile(rf"\d|\b(?:{_NW})\b")
_MULTI = re.compile(r"\bmulti-?(?P<mag>million|billion|trillion)(?:-(?P<cur>dollar|euro|pound))?\b")
_FRACTION = re.compile(
    r"\b(?P<frac>(?:[Aa]|[Oo]ne|[Tt]wo|[Tt]hree)[ -](?:half|third|quarter|fourth|fifth|tenth)s?|"
    r"[Hh]alf|[Tt]wo-thirds|[Tt]hree-quarters)\s+of\s+(?P<what>(?:the\s+|its\s+|their\s+)?[\w’'-]+"
    r"(?:\s+(?!(?:of|in|and|to|for|on|at|is|was|are|were|by|from|with|have|has|had|"
    r"will|would|say|said|think|who|that)\b|\w+ed\b)[\w’'-]+){0,2})")
_YEAR = re.compile(r"(?<![\w$£€.,])(?P<y>1[89]\d\d|20\d\d)(?![\w%]|,\d|\.\d)")
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.")
_DATE = re.compile(rf"\b(?:{_MONTHS})\s+(?P<d>[0-3]?\d)\b(?:,?\s+(?P<y>1[89]\d\d|20\d\d))?")
_MODEL_BEFORE = re.compile(r"(?:[A-Z][\w&’'-]*|[a-z]+[A-Z][\w-]*)[ -]$")
_NOT_MODEL = frozenset(["In", "By", "On", "At", "From", "Since", "Until", "About", "Some",
                        "Nearly", "Almost", "Over", "Under", "Around", "Only", "The", "Of", "To",
                        "With", "For", "And", "But", "Than", "All", "Just", "Top", "Up", "Down"])
_VAGUE = re.compile(r"\b(?P<m>[Tt]ens|[Hh]undreds|[Dd]ozens)\s+of\s+"
                    r"(?P<mag>thousands|millions|billions)\b"
                    r"|\b(?P<m2>[Tt]housands|[Mm]illions|[Bb]illions)\s+of\b")
_DAY_MONTH = re.compile(
    r"\b(?P<d>[0-3]?\d)\s+(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b")
_NOT_UNIT = frozenset([
    "of", "and", "or", "to", "the", "a", "an", "in", "on", "at", "for", "with", "by", "from",
    "as", "than", "is", "was", "are", "were", "be", "been", "has", "have", "had", "that",
    "which", "who", "this", "it", "its", "per", "if", "but", "not", "year", "years"
])
# currency symbols as written -> ISO 4217 ("S$" is Singapore's dollar, not the US dollar)
_CURRENCIES = {"US$": "USD", "$US": "USD", "$": "USD", "A$": "AUD", "C$": "CAD", "S$": "SGD",
               "HK$": "HKD", "£": "GBP", "€": "EUR", "¥": "JPY", "Rs": "INR", "Rs.": "INR",
               "RM": "MYR", "EUR": "EUR", "USD": "USD", "GBP": "GBP"}
_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3}
_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "tenth": 10}
# the word after "square" in an area ("38.3 million square kilometers")
_AREA = re.compile(r"\s+(?P<u>kilometres?|kilometers?|km|miles?|metres?|meters?)\b")
_AREA_UNITS = {"k": "km2", "m": "mi2"}
_MEMBER_NOUN = re.compile(r"\s+(?P<n>states|countries|nations)\b")
_CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
                   "pound": "GBP", "pounds": "GBP", "yuan": "CNY", "yen": "JPY"}


def parse_number(token: str) -> float | None:
    """A number in digits or words.

    >>> parse_number("1,250.5"), parse_number("twenty-five"), parse_number("eight")
    (1250.5, 25.0, 8.0)
    """
    t = token.strip().lower().replace(",", "")
    try:
        return float(t)
    except ValueError:
        pass
    total = 0.0
    for part in re.split(r"[\s-]+", t):
        if part in NUMBER_WORDS:
            total += NUMBER_WORDS[part]
        elif part == "hundred":
            total = (total or 1) * 100
        else:
            return None
    return total


def _scale(m: str | None) -> float:
    return MAGNITUDES.get(m.strip().lower(), 1.0) if m else 1.0


def _figure(text: str, m: re.Match[str]) -> Statement | None:
    num = m.group("num")
    value = parse_number(num)
    if value is None:
        return None
    start = m.start()
    before = text[max(0, m.start("num") - 1):m.start("num")]
    if before and (before.isalpha() or before in "#") and not m.group("cur"):
        return None  # G7, A380, #3
    if _not_a_quantity(text, m):
        return None
    is_word = num[0].isalpha()
    unit_tok = (m.group("unit") or "").strip()
    hunit = m.group("hunit")
    qual = m.group("qual")
    kind, unit, end = "number", None, m.end("num")
    value *= _scale(m.group("mag"))
    if m.group("mag"):
        end = m.end("mag")
    upper = None
    between = re.search(r"\bbetween\s+\S*$", text[max(0, start - 30):m.start("num")])
    if m.group("sep") == "and" and not between:
        return _first_of_pair(text, m)  # "43% and 9.8%": two figures, not a range
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
    elif hunit:
        unit, end = hunit, m.end("hunit")
        kind = "duration" if hunit.rstrip("s") in DURATION_UNITS else "count"
    elif unit_tok and unit_tok.lower() not in _NOT_UNIT and not m.group("cur"):
        if unit_tok.lower() in _CURRENCY_WORDS:
            kind, unit = "money", _CURRENCY_WORDS[unit_tok.lower()]
        elif unit_tok.rstrip("s").lower() in DURATION_UNITS:
            kind, unit = "duration", unit_tok.lower()
        else:
            kind, unit = ("count" if kind == "number" else kind), unit_tok
        end = m.end("unit")
        area = _AREA.match(text, end) if unit_tok.lower().rstrip(".") in ("square", "sq") else None
        member = _MEMBER_NOUN.match(text, end) if unit_tok.lower() == "member" else None
        if area:
            unit, end = _AREA_UNITS[area.group("u")[0].lower()], area.end()
            unit_tok = f"{unit_tok}{area.group()}"
        elif member:
            unit, unit_tok, end = f"member {member.group('n')}", f"member {member.group('n')}", member.end()
    elif is_word and not m.group("mag"):
        return None  # a bare "one", "two": a pronoun more often than a figure
    if kind in ("number", "count", "range") and not m.group("mag") and "." not in num \
            and "," not in num and 1000 <= value <= 2099 and not hunit and (
            kind != "count" or not unit_tok[:1].islower() or unit_tok.lower() in _NOT_UNIT
            or unit_tok.lower() in _YEAR_FOLLOWERS):
        return None  # a year (or a span of years), handled as such
    if m.group("neg") or m.group("neg2"):
        value = -value
    q = Quantity(value=value, unit=unit, kind=kind, approximate=(bool(qual) and
                 QUALIFIERS.get(qual.lower(), "") == "~") or (kind == "range" and False),
                 qualifier=qual.lower() if qual else None, upper=upper,
                 measures=unit_tok if kind == "count" and not hunit else None)
    span = Span(start, end)
    return Statement(Kind.FIGURE, text[start:end], span, quantity=q, confidence=0.8)


_YEAR_FOLLOWERS = frozenset(["will", "when", "most", "came", "world", "leaving", "saw", "after",
                             "before", "there", "many", "has", "had", "is", "was", "were"])


def _not_a_quantity(text: str, m: re.Match[str]) -> bool:
    """Clock times (12:01), scores (2-2), parenthesised jersey numbers, and model numbers
    after a name ("iPhone 12", "Stoxx 600", "Game 6") are not quantities."""
    ns, ne = m.start("num"), m.end("num")
    if text[ne:ne + 1] == ":" or text[ns - 1:ns] == ":" or text[ne:ne + 2] == ".m":
        return True
    if text[ns - 1:ns] == "(" and text[ne:ne + 1] == ")":
        return True
    if text[ns:ns + 1].isalpha() and text[ne:ne + 1] != "-" and \
            _ANAPHORIC.search(text, max(0, ns - 12), ns):  # "the nine-nation SCO" is a count
        return True  # "the two leaders", "both three": a reference back, not a quantity
    if m.group("cur") or m.group("pct") or m.group("pct1") or m.group("mag") or m.group("qual"):
        return False
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
    """The first of two figures joined by "and" ("43% and 9.8%"), as if written alone."""
    again = _FIGURE.match(text[:m.start("sep")].rstrip(), m.start())
    return _figure(text, again) if again else None


def _vague(text: str) -> list[Statement]:
    """ "tens of millions" -> [1e7, 1e8); "millions of" -> [1e6, 1e7)."""
    out = []
    for vm in _VAGUE.finditer(text):
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
        frac = fm.group("frac").lower().replace("-", " ")
        val = FRACTIONS.get(frac) or FRACTIONS.get(frac.replace(" ", "-")) or _fraction(frac)
        if val is None:
            continue
        what = re.sub(r"^the\s+", "", fm.group("what"))
        found.append(Statement(Kind.FIGURE, fm.group(), Span(fm.start(), fm.end()),
                               quantity=Quantity(value=val, kind="proportion", measures=what),
                               confidence=0.8))
    for mm in _MULTI.finditer(text):
        unit = {"dollar": "USD", "euro": "EUR", "pound": "GBP"}.get(mm.group("cur") or "")
        found.append(Statement(Kind.FIGURE, mm.group(), Span(mm.start(), mm.end()),
                               quantity=Quantity(value=None, unit=unit, kind="money",
                                                 approximate=True, qualifier="multi",
                                                 measures=mm.group("mag")), confidence=0.7))
    found += _vague(text)
    for dm in _DAY_MONTH.finditer(text):
        found.append(Statement(Kind.FIGURE, dm.group(), Span(dm.start(), dm.end()),
                               quantity=Quantity(value=float(dm.group("d")), kind="date"),
                               confidence=0.7))
    for dm in _DATE.finditer(text):
        found.append(Statement(Kind.FIGURE, dm.group(), Span(dm.start(), dm.end()),
                               quantity=Quantity(value=float(dm.group("d")), kind="date"),
                               confidence=0.7))
    pos = 0
    for a in _ANCHOR.finditer(text):  # try the big pattern only near digits/number words
        if a.start() < pos:
            continue
        m = _FIGURE.search(text, max(pos, a.start() - 40))
        if m is None:
            break
        st = _figure(text, m)
        pair = m.group("sep") == "and" and st is not None and st.span.end <= m.start("sep")
        pos = max(st.span.end if pair and st else m.end(), a.end())
        if st is not None:
            found.append(st)
    for ym in _YEAR.finditer(text):
        found.append(Statement(Kind.FIGURE, ym.group(), Span(ym.start(), ym.end()),
                               quantity=Quantity(value=float(ym.group("y")), kind="year"),
                               confidence=0.7))
    found.sort(key=lambda s: (s.span.start, -len(s.span)))
    out: list[Statement] = []
    for st in found:
        if out and out[-1].span.overlaps(st.span):
            continue
        out.append(st)
    return out
