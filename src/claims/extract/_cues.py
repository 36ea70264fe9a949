"""Cue and source finding for quotations (private): the speaker phrase next to a quote.

Patterns, tried in order: after the quote ("…," said X / "…," X, a role, said), before
it in its sentence ("X said: …" / "according to X, …"), after it later in the sentence
("… of the plan, X said."), a dash signature ("…" ― X), and, last, the subject of a
sentence that carries the quote ("X cited … as “…”", method ``subject``).

>>> t = '"Yes," said Mr. Jon Doe.'
>>> sp, cue = find_cue(t, t.replace('"Yes,"', "______").replace("Mr.", "Mr\u00b7"),
...                    Span(0, len(t)), Span(1, 5), Span(0, 6))
>>> (sp.name, t[cue.start:cue.end])
('Jon Doe', 'said')
"""

from __future__ import annotations

import dataclasses
import functools
import re

from claims.extract._heads import head_source
from claims.extract._lexicon import (
    ATTRIB_VERBS,
    FEMALE_NAMES,
    MALE_NAMES,
    OBJECT_VERBS,
    PRONOUNS,
    REP_NOUNISH,
    ROLE_WORDS,
    SPEAKER_NOUNS,
    TITLES,
    appositive,
)
from claims.extract._names import is_bare_title
from claims.extract.quotes import PARTY, sentence_of
from claims.statements import Span, Speaker

_TOK = re.compile(r"[\w’'.&-]+|[^\w\s]")
_CAP = re.compile(r"[A-Z][\w’'.&-]*")
_CONNECT = frozenset({"of", "the", "de", "van", "von", "al", "bin", "da", "del"})
_PARTICLES = frozenset({"de", "van", "von", "al", "bin", "da", "del"})  # "de Blasio said"
_LEAD_STOP = frozenset({"But", "And", "Even", "So", "Also", "Still", "Yet", "Then", "Now", "When",
                        "As", "If", "While", "Meanwhile", "However", "of", "the", "Though",
                        "Although", "Because", "Since", "Once", "Unless", "Until", "Before",
                        "After", "Whether", "Why", "How", "What", "Where"})
_ORG_END = frozenset([
    "Post", "Times", "News", "Ministry", "Department", "Office", "Committee", "Campaign",
    "Party", "Council", "Agency", "Kremlin", "House", "Court", "Commission", "Network",
    "Journal", "Institute", "Foundation", "Center", "Centre", "Bank", "Fund", "Organization",
    "Organisation", "Association", "Union", "Group", "Senate", "Congress", "Pentagon",
    "Government", "Administration", "Press", "Reuters", "AP", "CNN", "DW", "BBC", "Fox",
    "MSNBC", "NBC", "CBS", "ABC", "Tribune", "Herald", "Guardian", "Telegraph", "Bureau",
    "Service", "Board", "Corporation", "Inc.", "Co.", "Company", "University", "Police"
])
_NAME_WORD = r"[A-Z][a-z’'-]*[A-Z]?[a-z’'-]+"  # "Trump", "McCaskill", "O'Neill"
NAME_RE = re.compile(r"\b" + _NAME_WORD + r"(?:\s+(?:[A-Z]\.\s+)?" + _NAME_WORD + r")*")
_TIME_WORDS = frozenset([
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "today",
    "yesterday", "tonight", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Jan.", "Feb.", "Aug.", "Sept.",
    "Oct.", "Nov.", "Dec.", "I", "It", "It’s", "This", "That", "There", "But", "And"
])
_ADVERBS = r"(?:(?:also|later|then|again|further|previously|recently|once|repeatedly|" \
           r"often|always|still|now|has|have|had|was|is|would|will|had\s+previously|\w+ly)\s+){0,2}"
_VERB = r"(?P<verb>" + "|".join(sorted(ATTRIB_VERBS, key=len, reverse=True)) + ")"
_AFTER_SAID = re.compile(r"^[\s,—–-]*" + _ADVERBS + _VERB + r"\b,?\s+(?P<np>[^,.;:!?_—()]{1,120})")
_AFTER_NP = re.compile(r"^[\s,—–-]*(?P<np>[^,.;:!?_—()]{1,120}?)"
                       r"(?P<app>,\s[^;:!?_()]{2,160}?,)?\s+" + _ADVERBS + _VERB + r"\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<np>[^,.;:!?_—()]{1,120})")


_NOUNISH_CUE = re.compile(r"\s*(?:[,.:;!?_]|that\b|$)")
# plural forms as often nouns ("Republican claims as “false”"): a cue only before that/punctuation
_NOUNISH = frozenset(w for w in REP_NOUNISH if w.endswith("s") and w != "calls")
_SUBORD = frozenset({"when", "as", "while", "because", "after", "before", "since", "if",
                     "until", "though", "although", "unless", "whereas", "whether"})
_AS_PUT = re.compile(r"\b[Aa]s\s+(?P<np>[^,;:!?_()]{2,80}?)(?P<app>,\s[^;:!?_()]{2,160}?,)?"
                     r"\s+" + _ADVERBS + r"(?:put|puts)\s+it\b")


def _is_verb(word: str) -> bool:
    return word in ATTRIB_VERBS


def parse_source(text: str, span: Span, *, leading: bool) -> Speaker | None:
    """Parse the speaker phrase in ``text[span]``; ``leading`` when it follows the verb
    ("said Raisi"), so the phrase is cut after the name rather than before it."""
    seg = text[span.start:span.end]
    if "(" in seg:  # a party tag inside the phrase: "Rep. Jane Doe (D-Ohio)"
        seg = PARTY.sub(lambda m: " " * len(m.group()), seg)
    toks = [(m.group(), m.start() + span.start) for m in _TOK.finditer(seg)]
    if not toks:
        return None
    toks = _leading_np(toks) if leading else _trailing_np(toks)
    while toks and toks[0][0] in _LEAD_STOP and len(toks) > 1 and toks[1][0][:1].isupper():
        toks = toks[1:]
    if not toks or toks[0][0] in ("of", "and"):
        return None
    words = [w for w, _ in toks]
    start, end = toks[0][1], toks[-1][1] + len(toks[-1][0])
    mention = text[start:end]
    mspan = Span(start, end)
    pron = words[0].lower().removesuffix("’s").removesuffix("'s")
    if len(words) == 1 and pron in PRONOUNS:
        bare = len(words[0]) - len(pron)  # "He’s" -> the mention is "He"
        return Speaker(name=pron, mention=mention[:len(mention) - bare],
                       mention_span=Span(start, end - bare), method="pronoun")
    # role words before the name; the name is the capitalised run after the last role word
    last_role = -1
    for i, w in enumerate(words):
        if (w.lower() in ROLE_WORDS or w.lower() in TITLES) and not _surname_like(words, i):
            last_role = i
        elif w.endswith(("’s", "'s")) and i + 1 < len(words) and words[i + 1][:1].isupper():
            last_role = i  # "NBC’s Dante Chinni": the name follows the possessive
    name_toks = words[last_role + 1:]
    if last_role >= 0 and len(name_toks) >= 3 and name_toks[0] in ("of", "for") and all(
            _CAP.fullmatch(w) or w in _CONNECT for w in name_toks[1:]):
        # "First Minister of Scotland Jo Roe", "CEO of the Refugee Council Jo Roe"
        caps = [i for i, w in enumerate(name_toks) if _CAP.fullmatch(w)]
        given = next((i for i in caps if name_toks[i] in MALE_NAMES | FEMALE_NAMES), None)
        k = given if given is not None and len(name_toks) - given >= 2 else len(name_toks) - 2
        if k > 1 and len(caps) >= 3:
            last_role += k
            name_toks = words[last_role + 1:]
    if name_toks and ((name_toks[0] in _CONNECT and not (
            name_toks[0] in _PARTICLES and len(name_toks) >= 2 and _CAP.fullmatch(name_toks[1])))
                      or name_toks[-1].endswith(("’s", "'s"))
                      or all(w in _TIME_WORDS for w in name_toks)):
        name_toks = []  # "of", a possessive ("Clinton’s health"), "Friday": not a name
    role = " ".join(words[:last_role + 1]) or None
    if role:
        role = re.sub(r"^(?:the|a|an|The|A|An)\s+", "", role)
    if len(name_toks) == 1 and name_toks[0] in _LEAD_STOP:
        name_toks = []  # "After saying …": a clause opener, not a name
    if name_toks and all(_CAP.fullmatch(w) or w in _CONNECT for w in name_toks):
        nm_start = toks[last_role + 1][1]
        if last_role >= 0 and words[last_role].lower() in _HONORIFICS:
            nm_start = toks[last_role][1]  # the mention as written: "Mr. King"
        det = words[0].lower() == "the" and last_role < 0
        org = det or name_toks[-1] in _ORG_END
        return Speaker(name=" ".join(name_toks).removeprefix("the "),
                       mention=mention[nm_start - start:] if not det else mention,
                       mention_span=Span(nm_start, end) if not det else mspan, role=role,
                       is_organization=org)
    described = words[0].lower() in ("the", "a", "an", "one") and 2 <= len(words) <= 4 and all(
        w.isalpha() and w.islower() and w not in _FUNCTION for w in words[1:]) and not \
        words[-1].endswith("ly")  # "the gambling tycoon told", not "the course of their"
    head = next((i for i, w in enumerate(words[1:5], 1) if w.lower() in SPEAKER_NOUNS
                 or w.lower() in ROLE_WORDS or w.lower().rstrip("s") in ROLE_WORDS), None)
    if head is not None and head < len(words) - 1 and words[0].lower() in (
            "a", "an", "the", "one", "another") and words[head + 1].islower() and all(
            w.isalpha() and w not in _FUNCTION for w in words[1:head]):
        # "a source involved in the plan", "a strategist for one of the candidates"
        desc = " ".join(words[1:head + 1])
        return Speaker(name=desc, mention=text[start:toks[head][1] + len(words[head])],
                       mention_span=Span(start, toks[head][1] + len(words[head])),
                       method="descriptive")
    if words[-1].lower() in SPEAKER_NOUNS or words[-1].lower() in ROLE_WORDS or described or (
            words[0].lower() in _DETS and (words[-1].lower() in _PERSON_HEADS
                                           or _AGED.fullmatch(words[-1]))):
        desc = " ".join(w for w in words if w.lower() not in ("the", "a", "an"))
        return Speaker(name=desc, mention=mention, mention_span=mspan, role=role,
                       method="descriptive")
    return None


_FUNCTION = frozenset(["of", "to", "as", "who", "that", "which", "their", "his", "her", "its", "a",
                       "an", "the", "in", "on", "at", "for", "with", "by", "from", "and", "or",
                       "but", "this", "these", "those", "some", "few", "many", "most", "all",
                       "early", "late", "first", "last"])
_HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "miss"})


def _surname_like(words: list[str], i: int) -> bool:
    """A capitalised role word that is a surname here: "Mr. King", "Stephen King"."""
    w = words[i]
    if i == 0 or not w[:1].isupper() or w.lower() in _HONORIFICS:
        return False
    prev = words[i - 1]
    return prev.lower() in _HONORIFICS or (
        i == len(words) - 1 and prev[:1].isupper() and prev.lower() not in ROLE_WORDS
        and prev.lower() not in TITLES)


_DETS = frozenset({"a", "an", "the", "one", "another"})
# Heads of a described person beyond the speaker nouns: "said one Republican involved in it",
# "a Democratic staffer wondered", "said the 46-year-old".
_PERSON_HEADS_TEXT = """man woman men women guy person confidant confidants staffer
insider insiders veteran veterans republican republicans democrat democrats conservative
conservatives liberal liberals independent loyalist loyalists ally operative strategist
donor backer backers fan fans attendee participant protester demonstrator organizer
executive lawmaker legislator official"""
_PERSON_HEADS = frozenset(_PERSON_HEADS_TEXT.split())
_HEAD_STOP = frozenset({"who", "whose", "which", "that", "in", "of", "for", "at", "with", "from",
                        "on", "familiar", "involved", "close", "and", "to", "by", "about"})
_AGED = re.compile(r"\d{1,3}-year-old")


def _described_head(toks: list[tuple[str, int]]) -> list[tuple[str, int]] | None:
    """A determiner-led source up to its head noun, capitalised modifiers allowed, when no
    name follows the head: "a senior Cruz adviser", "one former GOP leadership aide",
    "one Republican involved in the planning" (cut before the modifier)."""
    if len(toks) < 2 or toks[0][0].lower() not in _DETS:
        return None
    head = None
    for k in range(1, min(len(toks), 7)):
        w = toks[k][0]
        low = w.lower()
        if low in _HEAD_STOP or not (w.replace("-", "").isalpha() or _AGED.fullmatch(w)):
            break
        if (w.islower() and (low in SPEAKER_NOUNS or low in ROLE_WORDS)) or \
                low in _PERSON_HEADS or _AGED.fullmatch(w):
            head = k
    if head is None:
        return None
    nxt = toks[head + 1][0] if head + 1 < len(toks) else ""
    return None if _CAP.fullmatch(nxt) else toks[:head + 1]


def _leading_np(toks: list[tuple[str, int]]) -> list[tuple[str, int]]:
    head = _described_head(toks)
    if head is not None:
        return head
    out: list[tuple[str, int]] = []
    for w, p in toks:
        low = w.lower()
        if not out and low in PRONOUNS:
            return [(w, p)]
        named = any(_CAP.fullmatch(x) and x.lower() not in ROLE_WORDS for x, _ in out)
        if _CAP.fullmatch(w) or (low in ("the", "a", "an") and not out) or \
                (low in ROLE_WORDS and not named) or (w in _CONNECT and out) or \
                (not named and low.isalpha() and len(out) < 6 and low not in ATTRIB_VERBS):
            out.append((w, p))
        else:
            break
    while out and out[-1][0] in _CONNECT:
        out.pop()
    return out


_NP_DETS = frozenset({"a", "an", "the", "his", "her", "its", "their", "our", "my"})
_PREPOSITIONS_TEXT = """of for with from at in on by about to into among including like
near under over behind within without during after before against between through across
toward towards inside outside around as than via per and or"""
_PREPOSITIONS = frozenset(_PREPOSITIONS_TEXT.split())
_COPULAS = frozenset({"is", "was", "are", "were", "be", "been", "being", "am"})


def _source_head(word: str) -> bool:
    """Whether a phrase ending in ``word`` can name a source: a name, a role, a speaker noun."""
    low = word.lower()
    return bool(_CAP.fullmatch(word)) or low in SPEAKER_NOUNS or low in ROLE_WORDS or \
        low.removesuffix("s") in ROLE_WORDS


def _trailing_np(toks: list[tuple[str, int]]) -> list[tuple[str, int]]:
    while toks and toks[-1][0] in _TIME_WORDS:
        toks = toks[:-1]
    if not toks:
        return []
    if toks[-1][0].lower() in PRONOUNS:
        return toks[-1:]
    out = toks[-8:]
    for k in range(len(out) - 1, -1, -1):  # cut at a lower-case word that is not a role
        w = out[k][0]
        if k + 1 < len(out) and out[k + 1][0] in _NP_DETS and w.isalpha() and w.islower() \
                and w not in _PREPOSITIONS and w not in _COPULAS and _source_head(out[-1][0]):
            return out[k + 1:]  # a verb before its object: "The RNC emailed a news article"
        if not (_CAP.fullmatch(w) or w.lower() in ROLE_WORDS or w in _CONNECT
                or w.lower() in SPEAKER_NOUNS or w.lower() in ("a", "an", "another")):
            if not any(_CAP.fullmatch(x) for x, _ in out[k + 1:]) and k >= len(out) - 4:
                continue  # descriptive phrase: "a senior official"
            if w.isalpha() and any(x.lower() in ROLE_WORDS for x, _ in out[k + 1:k + 4]):
                continue  # a role's modifier: "foreign policy adviser"
            if w in _PREPOSITIONS and k >= 2 and out[k - 1][0].endswith("ing") and \
                    out[k - 1][0].islower():  # "a source speaking to Fox News": the source
                return _trailing_np(out[:k - 1]) if k - 1 < len(toks) else out[k + 1:]
            return out[k + 1:]
    return out


def stripped_end(text: str, start: int, end: int) -> int:
    """Where ``text[start:end].rstrip()`` ends, without copying the span (a quote far into a
    hostile sentence made every such copy, and the extraction, quadratic)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def find_cue(text: str, masked: str, para: Span, quote: Span,
             outer: Span) -> tuple[Speaker | None, Span | None]:
    """The source and cue verb for a quotation in its sentence, if written there."""
    sent = sentence_of(masked, para, outer.start)
    after = masked[outer.end:min(para.end, outer.end + 200)]
    if stripped_end(masked, sent.start, outer.start) > sent.start and text[quote.start:quote.end].rstrip(
            " ’'\"”").endswith((".", ".]")):
        after = ""  # a quote ending its sentence mid-way ('X insisted “…”. Y said'): no cue after
    if _verb_just_before(masked, sent.start, outer.start):
        sp, cue = cue_in(text, masked, Span(sent.start, outer.start))  # 'X shouted, “…,” Y
        if sp is not None:  # joked': the verb right before the quote is its cue
            return sp, cue
    m = _AFTER_SAID.match(after)
    if m and _is_verb(m.group("verb")) and m.group("verb") not in OBJECT_VERBS:
        base = outer.end
        np = Span(base + m.start("np"), base + m.end("np"))
        sp = parse_source(text, np, leading=True)
        if sp is None or (sp.method == "explicit" and " " not in sp.name):
            sp = _name_after_role(text, np) or sp
        if sp is None or sp.method == "descriptive":  # "said her campaign manager, Jo Roe,"
            sp = _role_then_name(text, np, sp) or sp
        if sp is not None:
            return sp, _tell(text, Span(base + m.start("verb"), base + m.end("verb")))
    m = _AFTER_NP.match(after)
    if m and m.group("np").split()[:1] and m.group("np").split()[0].lower() in _SUBORD:
        m = None  # '“…,” when Jane Roe blasted him': a clause of its own, not the cue
    if m and m.group("np").split()[-1:] in (["the"], ["a"], ["an"], ["its"], ["his"], ["her"]):
        # "the ruling said": a noun after a determiner, not the cue; look past it
        a, b = m.span("verb")
        m = _AFTER_NP.match(after[:a] + "x" * (b - a) + after[b:])
    if m and m.group("verb") in _NOUNISH and not _NOUNISH_CUE.match(after, m.end("verb")):
        m = None  # '“…,” compared to 11% of Democratic claims –': the noun
    if m and _is_verb(m.group("verb")):
        base = outer.end
        sp = parse_source(text, Span(base + m.start("np"), base + m.end("np")), leading=False)
        if sp is not None:
            if m.group("app"):
                beside = name_beside(text, sp, Span(base + m.start("app"), base + m.end("app")))
                if beside is sp:
                    role, aff = appositive(m.group("app"))
                    sp = dataclasses.replace(sp, role=role, affiliation=aff)
                sp = beside if beside is not sp else sp
            return sp, _tell(text, Span(base + m.start("verb"), base + m.end("verb")))
    if stripped_end(masked, sent.start, outer.start) == sent.start:
        sp, cue = _any_verb_after(text, masked, outer)
        if sp is not None:
            return sp, cue
    sp, cue = cue_in(text, masked, Span(sent.start, outer.start))
    if sp is None and sent.end > outer.end:
        # '…,” X said. “…”'
        stop = _NEXT_QUOTE.search(masked, outer.end, min(sent.end, outer.end + CUE_WINDOW))
        sp, cue = _tail_cue(text, masked, Span(outer.end, stop.start() + 1 if stop else sent.end))
    if sp is None:
        sp, cue = _dash_signature(text, masked, para, outer)
    if sp is None:
        sp, cue = _label(text, masked, Span(sent.start, outer.start))
    if sp is None:
        sp, cue = subject_of(text, masked, Span(sent.start, outer.start))
    return sp, cue


_VERB_JUST_BEFORE = re.compile(r"\b" + _VERB + r"\s*[,:]?\s*$")
_VERB_LONGEST = max(map(len, ATTRIB_VERBS))


def _verb_just_before(masked: str, start: int, end: int) -> bool:
    """Whether ``masked[start:end]`` ends with a speech verb (and a comma or colon): the
    search starts where such a verb can, not at the sentence's start (a quote far into a
    hostile sentence made it, and the extraction, quadratic)."""
    last = stripped_end(masked, start, end)
    if last > start and masked[last - 1] in ",:":
        last = stripped_end(masked, start, last - 1)
    return _VERB_JUST_BEFORE.search(masked, max(start, last - _VERB_LONGEST), end) is not None
_ANY_VERB_AFTER = re.compile(
    r"[,?!]?[”\"’»]*,?\s+(?P<np>(?:(?:an?|the|one)\s+[a-z]+\s+)?" + _NAME_WORD
    + r"(?:\s+(?:[A-Z]\.\s+)?" + _NAME_WORD + r"){0,3}|[Hh]e|[Ss]he|[Tt]hey)"
    r"\s+(?:[a-z]+ly\s+)?(?P<verb>(?:is|was)\s+quoted|[a-z]+(?:ed|es|s)|shot|went|came|put|wrote|spoke|told|"
    r"kept|began|fired|threw|broke|sang|read|felt|thought|gave|chimed)\b")


def _any_verb_after(text: str, masked: str,
                    outer: Span) -> tuple[Speaker | None, Span | None]:
    """A sentence opening with a quote, then a name and a verb the cue list lacks: "“…,”
    Jo Roe shot back", "“…,” an angry Roe retaliated", "“…,” Roe is quoted as saying"."""
    before = text[max(0, outer.end - 3):outer.end + 1]
    if not any(c in before for c in ",?!"):
        return None, None  # a quote ending its sentence: what follows is a new one
    m = _ANY_VERB_AFTER.match(masked, outer.end)
    if m is None or m.group("verb") in _NOT_VERB or m.group("verb") in ("was", "has", "is"):
        return None, None
    sp = parse_source(text, Span(m.start("np"), m.end("np")), leading=False)
    if sp is None or sp.method not in ("explicit", "pronoun") or sp.is_organization:
        return None, None
    return sp, Span(m.start("verb"), m.end("verb"))


_TAIL = re.compile(r",\s+(?P<np>[^,.;:!?_—()]{1,80}?)\s+" + _ADVERBS + _VERB
                   + r"\b[^,;:!?_]{0,40}[.!?]?\s*$")
_TAIL_INV = re.compile(r",\s+" + _ADVERBS + _VERB + r"\s+(?P<np>[^,.;:!?_—()]{1,80})"
                       r"(?:,[^;:!?_]{0,120})?[.!?]?\s*$")
_NEXT_QUOTE = re.compile(r"[.!?][”\"’)]*\s+_")
_DASH = re.compile(r"\s*[―—–]\s*(?P<np>[A-Z][^.;:!?_—―()\n]{1,60}?)[.,]?\s*$")


def _tail_cue(text: str, masked: str, region: Span) -> tuple[Speaker | None, Span | None]:
    """A cue later in the quote's sentence: "“…” of the plan, Mr. Doe said." """
    region = Span(region.start, min(region.end, region.start + CUE_WINDOW))
    seg = masked[region.start:region.end]
    for pat, leading in ((_TAIL, False), (_TAIL_INV, True)):
        m = pat.search(seg)
        if m:
            b = region.start
            sp = parse_source(text, Span(b + m.start("np"), b + m.end("np")), leading=leading)
            if sp is not None:
                return sp, _tell(text, Span(b + m.start("verb"), b + m.end("verb")))
    return None, None


_APP_NAME = re.compile(r"[\s,]*(?P<n>" + _NAME_WORD + r"(?:\s+(?:[A-Z]\.\s+)?" + _NAME_WORD
                       + r"){1,3})[\s,]*")


_RUN = re.compile(r"\b(?:" + _NAME_WORD + r"|[A-Z]\.)(?:\s+(?:" + _NAME_WORD + r"|[A-Z]\.))+")
_STOP_RUN = re.compile(r"\s(?:of|from|in|at|for|with|who|whose|which|and)\s|[,;:(]")


def _name_after_role(text: str, np: Span) -> Speaker | None:
    """The full name ending a role phrase after an inverted cue, when the role holds
    capitalised words ("said former Vermont governor Jane Roe", "said undecided Republican
    voter Jane Roe of Derry"): the last run of two or more capitalised words before "of",
    "who" or a comma, with a lower-case role word before it."""
    stop = _STOP_RUN.search(text, np.start, np.end)
    end = stop.start() if stop else np.end
    runs = list(_RUN.finditer(text, np.start, end))
    if not runs:
        return None
    run = runs[-1]
    role = text[np.start:run.start()].strip()
    words = role.split()
    if not words or not words[-1].isalpha() or not words[-1].islower() or \
            text[run.end():end].strip():
        return None
    role = re.sub(r"^(?:the|a|an)\s+", "", role)
    return Speaker(name=run.group(), mention=run.group(), mention_span=Span(run.start(), run.end()),
                   role=role)


_ROLE_NAME = re.compile(r",\s*(?P<n>" + _NAME_WORD + r"(?:\s+(?:[A-Z]\.\s+)?" + _NAME_WORD
                        + r"){1,3})\s*(?:[,.;]|$)")


def _role_then_name(text: str, np: Span, sp: Speaker | None) -> Speaker | None:
    """The name in an appositive after a role following an inverted cue: "said Rubio’s
    deputy campaign manager, Jo Roe, who …" -> Jo Roe, role "deputy campaign manager"."""
    words = text[np.start:np.end].split()
    if not words or not any(w.lower().rstrip(",") in ROLE_WORDS | SPEAKER_NOUNS for w in words):
        return None
    m = _ROLE_NAME.match(text, np.end, min(len(text), np.end + 80))
    if m is None:
        return None
    role = re.sub(r"^(?:(?:\S+’s|\S+'s|the|a|an|his|her|their|its)\s+)+", "", " ".join(words))
    return Speaker(name=m.group("n"), mention=m.group("n"),
                   mention_span=Span(m.start("n"), m.end("n")), role=role or None)


def _appositive_name(text: str, masked: str, lo: int, comma: int) -> Speaker | None:
    """The name between two commas before the verb when a role ends the phrase before it:
    "…, her senior policy adviser, Jane Roe, said"."""
    prev = masked.rfind(",", lo, comma)
    if prev < 0:
        return None
    m = _APP_NAME.fullmatch(text, prev + 1, comma)
    before = masked[max(lo, prev - 60):prev].split()
    if m is None or not before or before[-1].lower() not in ROLE_WORDS | SPEAKER_NOUNS:
        return None
    role = re.sub(r"^.*?\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]he|[Aa]n?)\s+", "",
                  " ".join(before[-4:]))
    return Speaker(name=m.group("n"), mention=m.group("n"),
                   mention_span=Span(m.start("n"), m.end("n")), role=role)


def name_beside(text: str, sp: Speaker, app: Span) -> Speaker:
    """The name in an appositive beside a bare title ("The Vice President, Jane Roe,"): the
    speaker is Jane Roe, role Vice President; ``sp`` unchanged otherwise."""
    if not is_bare_title(sp.name.removeprefix("the ").removeprefix("The ")):
        return sp
    m = _APP_NAME.fullmatch(text, app.start, app.end)
    if m is None:
        return sp
    title = sp.name.removeprefix("the ").removeprefix("The ")
    return Speaker(name=m.group("n"), mention=m.group("n"), mention_span=Span(m.start("n"), m.end("n")),
                   role=title, method="explicit")


_LABEL = re.compile(r"\s*(?P<n>" + _NAME_WORD + r"(?:\s+(?:[A-Z]\.\s+)?" + _NAME_WORD
                    + r"){0,3}):\s*$")


def _label(text: str, masked: str, region: Span) -> tuple[Speaker | None, Span | None]:
    """A label-style source opening the quote's sentence: "Clinton: “…”"."""
    m = _LABEL.fullmatch(masked, region.start, region.end)
    if m is None:
        return None, None
    sp = parse_source(text, Span(m.start("n"), m.end("n")), leading=False)
    if sp is None or sp.method != "explicit":
        return None, None
    return dataclasses.replace(sp, method="label"), None


def _dash_signature(text: str, masked: str, para: Span,
                    outer: Span) -> tuple[Speaker | None, Span | None]:
    """A signature after the quote at the end of its paragraph: "“…” ― Jane Doe"."""
    m = _DASH.match(masked, outer.end, para.end)
    if m is None:
        return None, None
    sp = parse_source(text, Span(m.start("np"), m.end("np")), leading=True)
    if sp is None or sp.method == "descriptive":
        return None, None
    return dataclasses.replace(sp, method="signature"), None


_AUX = r"(?:(?:also|then|later|again|now|has|have|had|is|was|are|were|will|would|did|does|do|" \
       r"been|being|not|just|even|only|\w+ly)\s+){0,3}"
_SUBJ = re.compile(
    r"(?P<np>(?:(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir)\s+)?"
    r"[\w’'·&-]+(?:\s+[\w’'·&-]+){0,5}?)(?P<app>,\s[^;:!?_()]{2,120}?,)?\s+" + _AUX
    + r"(?P<verb>[a-z][a-z’'-]+)\b")
_NOT_VERB = frozenset([
    "of", "in", "on", "at", "for", "with", "by", "from", "to", "and", "or", "but", "who", "which",
    "that", "whose", "the", "a", "an", "as", "if", "when", "after", "before", "over", "under",
    "about", "into", "than", "because", "while", "where", "during", "since", "through"])
_CLAUSE_WORDS = frozenset([
    "If", "While", "Perhaps", "With", "After", "Before", "Although", "Though", "Because",
    "Since", "Unlike", "Like", "Despite", "For", "In", "On", "At", "As", "When", "Once", "Even",
    "Asked", "Still", "Instead", "Indeed", "Yet", "Meanwhile", "Later", "Earlier", "Now",
    "Then", "There", "Here", "This", "That", "These", "Those", "It", "What", "Why", "How",
    "Where", "Who", "Some", "Many", "Most", "All", "Both", "Each", "No", "Not", "Under",
    "Over", "Without", "Within", "Among", "Between", "During", "Until", "To", "From", "By"])
_INTRO = re.compile(r"[^,_]{2,120},\s+")


def _mid_sentence(text: str, word: str) -> bool:
    """Whether ``word`` is written capitalised after a lower-case word somewhere."""
    return word in mid_sentence_words(text)


_MID_WORD = re.compile(r"(?<=[a-z,;] )([A-Z][\w’'·.&-]*)")


@functools.lru_cache(maxsize=4)
def mid_sentence_words(text: str) -> frozenset[str]:
    """Every capitalised word written after a lower-case word or a comma (names, not
    sentence openers), with its trailing full stops trimmed too: one scan per text."""
    out: set[str] = set()
    for m in _MID_WORD.finditer(text):
        w = m.group(1)
        out.add(w)
        out.add(w.rstrip("."))
        for k in range(1, len(w)):  # "Trump’s" holds "Trump": a prefix ending at a word edge
            if not (w[k].isalnum() or w[k] == "_"):
                out.add(w[:k])
    return frozenset(out)


def subject_of(text: str, masked: str, region: Span) -> tuple[Speaker | None, Span | None]:
    """The subject of the clause that carries a quote ("Clinton cited … “…”"), as a last
    resort: method ``subject``; a named person, a pronoun or a speaker noun only."""
    starts = [region.start]
    pos = region.start
    for _ in range(3):  # up to three opening phrases: "At the hearing, with X beside her, Y …"
        intro = _INTRO.match(masked, pos, region.end)
        if intro is None:
            break
        pos = intro.end()
        starts.append(pos)
    last = stripped_end(masked, region.start, region.end)
    colon = last > region.start and masked[last - 1] == ":"
    for st in starts:
        while st < region.end and masked[st].isspace():
            st += 1
        found = _subject_at(text, masked, region, st, colon)
        if found is None:
            continue
        sp, m = found
        if sp.method != "pronoun":
            sp = dataclasses.replace(sp, method="subject")
            if m.group("app"):
                role, aff = appositive(m.group("app"))
                sp = dataclasses.replace(sp, role=role, affiliation=aff)
        return sp, Span(m.start("verb"), m.end("verb"))
    return None, None


def _subject_at(text: str, masked: str, region: Span, st: int,
                colon: bool) -> tuple[Speaker, re.Match[str]] | None:
    """The subject noun phrase at ``st`` and the match holding its verb: the shortest phrase
    (up to six words) followed by a word that can be a verb and that parses as a source
    ("The three-judge court found": not "court" as the verb of "The three-judge")."""
    for pat in _SUBJ_K:
        m = pat.match(masked, st, region.end)
        if m is None or m.group("verb") in _NOT_VERB or "_" in m.group("np"):
            continue
        first = m.group("np").split()[0]
        if first in _CLAUSE_WORDS or first.endswith("ing"):
            return None
        sp = parse_source(text, Span(m.start("np"), m.end("np")), leading=False)
        if sp is None or (sp.method == "descriptive" and not colon and
                          sp.name.split()[-1].lower() not in SPEAKER_NOUNS):
            continue  # a described subject only when it names a speaker or introduces a colon
        if sp.method == "explicit" and st == region.start and " " not in sp.name and \
                not _mid_sentence(text, sp.name):
            return None  # a capitalised sentence opener, not a name
        return sp, m
    return None


_SUBJ_K = [re.compile(
    r"(?P<np>(?:(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir)\s+)?"
    r"[\w’'·&-]+(?:\s+[\w’'·&-]+){" + str(k) + r"})(?P<app>,\s[^;:!?_()]{2,120}?,)?\s+" + _AUX
    + r"(?P<verb>[a-z][a-z’'-]+)\b") for k in range(6)]

_TELL_OBJ = re.compile(r"\s+(?:reporters|journalists|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\b")


def _tell(text: str, cue: Span) -> Span:
    """Extend a "told" cue over its object: "told reporters", "told DW"."""
    if text[cue.start:cue.end] not in ("told", "tells", "tell"):
        return cue
    m = _TELL_OBJ.match(text, cue.end)
    return Span(cue.start, m.end()) if m else cue


# Auxiliaries and adverbs between a source and its verb: "X has since said", "X once wrote".
_AUX_TAIL = re.compile(r"(?:\s+(?:has|have|had|was|is|were|are|also|later|then|again|once|"
                       r"since|still|never|not|did|does|would|will|could|may|might|first|"
                       r"[a-z]+ly))+\s*$")

_DET_BEFORE = re.compile(r"\b(?:a|an|the|his|her|their|its)\s+$")
_WHO_TAIL = re.compile(r"\s+who\s*$")
_AND_TAIL = re.compile(r",?\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?$")
_NAME_PP = re.compile(r"\s*(?P<n>" + _NAME_WORD + r"(?:\s+(?:[A-Z]\.\s+)?" + _NAME_WORD
                      + r"){1,3})\s+(?:from|of|at|with)\s+(?:the\s+)?(?P<aff>[^,;:_]{2,60}?)\s*$")


def _name_then_phrase(text: str, masked: str, np: Span) -> Speaker | None:
    """A full name opening the source phrase, then a prepositional phrase: "Jo Roe from the
    pro-market camp", "Jo Roe of the farmers' union" (the phrase is the affiliation)."""
    m = _NAME_PP.fullmatch(masked, np.start, np.end)
    if m is None:
        return None
    return Speaker(name=text[m.start("n"):m.end("n")], mention=text[m.start("n"):m.end("n")],
                   mention_span=Span(m.start("n"), m.end("n")),
                   affiliation=text[m.start("aff"):m.end("aff")])


#: How far before (or after) a quotation its cue is looked for: a sentence longer than this
#: (hostile input: thousands of quotes in one "sentence") must not make the search quadratic.
CUE_WINDOW = 1000


def cue_in(text: str, masked: str, region: Span, *,
           nested: bool = False) -> tuple[Speaker | None, Span | None]:
    opening = region.end - region.start <= CUE_WINDOW  # the region starts its sentence
    if not opening:
        region = Span(region.end - CUE_WINDOW, region.end)
    seg = masked[region.start:region.end]
    m = _AS_PUT.search(seg) if " it" in seg and "put" in seg else None  # "As X put it, …"
    if m:
        sp = parse_source(text, Span(region.start + m.start("np"), region.start + m.end("np")),
                          leading=False)
        if sp is not None:
            if m.group("app"):
                role, aff = appositive(m.group("app"))
                sp = dataclasses.replace(sp, role=role, affiliation=aff)
            return sp, Span(region.start + m.end() - 6, region.start + m.end())
    m = _ACCORDING.search(seg)
    if m:
        sp = parse_source(text, Span(region.start + m.start("np"), region.start + m.end("np")),
                          leading=True)
        if sp is not None:
            return dataclasses.replace(sp, method="according-to"), Span(
                region.start + m.start(), region.start + m.start("np") - 1)
    verbs = [v for v in re.finditer(r"\b[A-Za-z][a-z]+\b", seg) if v.group() in ATTRIB_VERBS  # "Said X:"
             or (opening and v.group().lower() in ATTRIB_VERBS and not seg[:v.start()].strip())]
    for v in reversed(verbs):
        vs, ve = region.start + v.start(), region.start + v.end()
        if v.group() in _NOUNISH and not _NOUNISH_CUE.match(masked, ve, region.end + 1):
            continue  # "rated 32% of Republican claims as …": the noun, not the cue
        if _DET_BEFORE.search(masked, max(region.start, vs - 8), vs):
            continue  # "in a press conference", "the report": a noun after a determiner
        left = max(region.start, masked.rfind(",", region.start, vs) + 1,
                   masked.rfind("_", region.start, vs) + 1)
        aux = _AUX_TAIL.search(masked, left, vs)  # "X has since said", "X once told"
        np_end = aux.start() if aux is not None and aux.start() > left else vs
        rel = _WHO_TAIL.search(masked, left, np_end)  # "drafted by Jo Roe who said"
        np_end = rel.start() if rel is not None and rel.start() > left else np_end
        sp = parse_source(text, Span(left, np_end), leading=False) if left < np_end else None
        if sp is None and left < np_end:  # "Jo Roe from the pro-market camp said"
            sp = _name_then_phrase(text, masked, Span(left, np_end))
        and_m = _AND_TAIL.search(masked, region.start, vs) if sp is None and not nested else None
        if and_m is not None:  # "X said … and said": the earlier subject speaks again (once:
            # a hostile run of "and said" must not recurse)
            earlier, _ = cue_in(text, masked, Span(region.start, and_m.start()), nested=True)
            sp = earlier if earlier is not None and earlier.method != "according-to" else None
        if sp is None and masked[left - 1:left] == ",":  # "X, at a gaggle, said"
            head = head_source(masked, region.start, left - 1)
            sp = parse_source(text, head, leading=False) if head else None
            if sp is not None and head is not None:  # "The Vice President, Jane Roe, said"
                sp = name_beside(text, sp, Span(head.end, left - 1))
            if sp is None:  # "…, her senior policy adviser, Jane Roe, said"
                sp = _appositive_name(text, masked, region.start, left - 1)
        if sp is None and v.group().lower() not in OBJECT_VERBS and not v.group().endswith(
                "ing"):  # "telling X": the addressee; "saying the senator …": the content
            right = min(region.end, ve + 80)
            stop = re.search(r"[,.;:!?_]", masked[ve:right])
            right = ve + stop.start() if stop else right
            first = masked[ve:right].split()[:1]
            sp = parse_source(text, Span(ve, right), leading=True) if ve < right and not (
                first and first[0] in _PREPOSITIONS) else None  # "wrote of Ms. X:" is a topic
        obj = _OBJ_VERB.search(masked, left, sp.mention_span.start) if sp is not None and \
            sp.method == "descriptive" and sp.mention_span is not None else None
        if obj is not None:  # an object ("X released a statement saying", "X sent out an ad
            # that says"): the subject before the verb is the source
            subj = parse_source(text, Span(left, obj.start()), leading=False) \
                if obj.start() > left else None
            sp = subj if subj is not None and subj.method != "descriptive" else \
                subject_of(text, masked, Span(region.start, obj.end()))[0] or sp
        if sp is not None:
            return sp, _tell(text, Span(vs, ve))
    return None, None


# a verb (and particle) ending just before a described object: "released a", "sent out an"
_OBJ_VERB = re.compile(r"\s(?:[a-z]+ed|sent|put|wrote|ran|gave|made|posted)(?:\s+out)?\s+$")


