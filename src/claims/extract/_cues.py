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
import re

from claims.extract._lexicon import (
    PRONOUNS,
    ROLE_WORDS,
    SPEAKER_NOUNS,
    SPEECH_VERBS,
    TITLES,
    appositive,
)
from claims.extract.quotes import sentence_of
from claims.statements import Span, Speaker

_TOK = re.compile(r"[\w’'.&-]+|[^\w\s]")
_CAP = re.compile(r"[A-Z][\w’'.&-]*")
_CONNECT = frozenset({"of", "the", "de", "van", "von", "al", "bin", "da", "del"})
_LEAD_STOP = frozenset({"But", "And", "Even", "So", "Also", "Still", "Yet", "Then", "Now", "When",
                        "As", "If", "While", "Meanwhile", "However", "of", "the"})
_ORG_END = frozenset([
    "Post", "Times", "News", "Ministry", "Department", "Office", "Committee", "Campaign",
    "Party", "Council", "Agency", "Kremlin", "House", "Court", "Commission", "Network",
    "Journal", "Institute", "Foundation", "Center", "Centre", "Bank", "Fund", "Organization",
    "Organisation", "Association", "Union", "Group", "Senate", "Congress", "Pentagon",
    "Government", "Administration", "Press", "Reuters", "AP", "CNN", "DW", "BBC", "Fox",
    "MSNBC", "NBC", "CBS", "ABC", "Tribune", "Herald", "Guardian", "Telegraph", "Bureau",
    "Service", "Board", "Corporation", "Inc.", "Co.", "Company", "University", "Police"
])
NAME_RE = re.compile(r"\b[A-Z][a-z’'-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z’'-]+)*")
_TIME_WORDS = frozenset([
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "today",
    "yesterday", "tonight", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Jan.", "Feb.", "Aug.", "Sept.",
    "Oct.", "Nov.", "Dec.", "I", "It", "It’s", "This", "That", "There", "But", "And"
])
_ADVERBS = r"(?:(?:also|later|then|again|further|previously|recently|once|repeatedly|" \
           r"has|have|had|was|is|would|will|had\s+previously|\w+ly)\s+){0,2}"
_VERB = r"(?P<verb>" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + ")"
_AFTER_SAID = re.compile(r"^[\s,—–-]*" + _ADVERBS + _VERB + r"\b,?\s+(?P<np>[^,.;:!?_—()]{1,120})")
_AFTER_NP = re.compile(r"^[\s,—–-]*(?P<np>[^,.;:!?_—()]{1,120}?)"
                       r"(?P<app>,\s[^;:!?_()]{2,160}?,)?\s+" + _ADVERBS + _VERB + r"\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<np>[^,.;:!?_—()]{1,120})")


def _is_verb(word: str) -> bool:
    return word in SPEECH_VERBS


def parse_source(text: str, span: Span, *, leading: bool) -> Speaker | None:
    """Parse the speaker phrase in ``text[span]``; ``leading`` when it follows the verb
    ("said Raisi"), so the phrase is cut after the name rather than before it."""
    toks = [(m.group(), m.start() + span.start) for m in _TOK.finditer(text[span.start:span.end])]
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
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return Speaker(name=words[0].lower(), mention=mention, mention_span=mspan,
                       method="pronoun")
    # role words before the name; the name is the capitalised run after the last role word
    last_role = -1
    for i, w in enumerate(words):
        if w.lower() in ROLE_WORDS or w.lower() in TITLES:
            last_role = i
    name_toks = words[last_role + 1:]
    role = " ".join(words[:last_role + 1]) or None
    if role:
        role = re.sub(r"^(?:the|a|an|The|A|An)\s+", "", role)
    if name_toks and all(_CAP.fullmatch(w) or w in _CONNECT for w in name_toks):
        nm_start = toks[last_role + 1][1]
        det = words[0].lower() == "the" and last_role < 0
        org = det or name_toks[-1] in _ORG_END
        return Speaker(name=" ".join(name_toks).removeprefix("the "),
                       mention=mention[nm_start - start:] if not det else mention,
                       mention_span=Span(nm_start, end) if not det else mspan, role=role,
                       is_organization=org)
    if words[-1].lower() in SPEAKER_NOUNS or words[-1].lower() in ROLE_WORDS:
        desc = " ".join(w for w in words if w.lower() not in ("the", "a", "an"))
        return Speaker(name=desc, mention=mention, mention_span=mspan, role=role,
                       method="descriptive")
    return None


def _leading_np(toks: list[tuple[str, int]]) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for w, p in toks:
        low = w.lower()
        if not out and low in PRONOUNS:
            return [(w, p)]
        named = any(_CAP.fullmatch(x) and x.lower() not in ROLE_WORDS for x, _ in out)
        if _CAP.fullmatch(w) or (low in ("the", "a", "an") and not out) or \
                (low in ROLE_WORDS and not named) or (w in _CONNECT and out) or \
                (not named and low.isalpha() and len(out) < 6 and low not in SPEECH_VERBS):
            out.append((w, p))
        else:
            break
    while out and out[-1][0] in _CONNECT:
        out.pop()
    return out


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
        if not (_CAP.fullmatch(w) or w.lower() in ROLE_WORDS or w in _CONNECT
                or w.lower() in SPEAKER_NOUNS or w.lower() in ("a", "an", "another")):
            if not any(_CAP.fullmatch(x) for x, _ in out[k + 1:]) and k >= len(out) - 4:
                continue  # descriptive phrase: "a senior official"
            if w.isalpha() and any(x.lower() in ROLE_WORDS for x, _ in out[k + 1:k + 4]):
                continue  # a role's modifier: "foreign policy adviser"
            return out[k + 1:]
    return out


def find_cue(text: str, masked: str, para: Span, quote: Span,
             outer: Span) -> tuple[Speaker | None, Span | None]:
    """The source and cue verb for a quotation in its sentence, if written there."""
    after = masked[outer.end:min(para.end, outer.end + 200)]
    m = _AFTER_SAID.match(after)
    if m and _is_verb(m.group("verb")):
        base = outer.end
        sp = parse_source(text, Span(base + m.start("np"), base + m.end("np")), leading=True)
        if sp is not None:
            return sp, _tell(text, Span(base + m.start("verb"), base + m.end("verb")))
    m = _AFTER_NP.match(after)
    if m and _is_verb(m.group("verb")):
        base = outer.end
        sp = parse_source(text, Span(base + m.start("np"), base + m.end("np")), leading=False)
        if sp is not None:
            if m.group("app"):
                role, aff = appositive(m.group("app"))
                sp = dataclasses.replace(sp, role=role, affiliation=aff)
            return sp, _tell(text, Span(base + m.start("verb"), base + m.end("verb")))
    sent = sentence_of(masked, para, outer.start)
    return cue_in(text, masked, Span(sent.start, outer.start))


_TELL_OBJ = re.compile(r"\s+(?:reporters|journalists|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\b")


def _tell(text: str, cue: Span) -> Span:
    """Extend a "told" cue over its object: "told reporters", "told DW"."""
    if text[cue.start:cue.end] not in ("told", "tells", "tell"):
        return cue
    m = _TELL_OBJ.match(text, cue.end)
    return Span(cue.start, m.end()) if m else cue


def cue_in(text: str, masked: str, region: Span) -> tuple[Speaker | None, Span | None]:
    seg = masked[region.start:region.end]
    m = _ACCORDING.search(seg)
    if m:
        sp = parse_source(text, Span(region.start + m.start("np"), region.start + m.end("np")),
                          leading=True)
        if sp is not None:
            return dataclasses.replace(sp, method="according-to"), Span(
                region.start + m.start(), region.start + m.start("np") - 1)
    verbs = [v for v in re.finditer(r"\b[a-z]+\b", seg) if v.group() in SPEECH_VERBS]
    for v in reversed(verbs):
        vs, ve = region.start + v.start(), region.start + v.end()
        left = max(region.start, masked.rfind(",", region.start, vs) + 1,
                   masked.rfind("_", region.start, vs) + 1)
        sp = parse_source(text, Span(left, vs), leading=False) if left < vs else None
        if sp is None:
            right = min(region.end, ve + 80)
            stop = re.search(r"[,.;:!?_]", masked[ve:right])
            right = ve + stop.start() if stop else right
            sp = parse_source(text, Span(ve, right), leading=True) if ve < right else None
        if sp is not None:
            return sp, _tell(text, Span(vs, ve))
    return None, None


