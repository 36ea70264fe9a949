"""Reported speech: "X said (that) …", "…, X said", "according to X, …".

The statement's text is the reported content; ``cue`` the verb; the speaker phrase is
kept as a raw mention (``Speaker.method`` "leading"/"trailing"/"according-to") for
:mod:`claims.attribute` to resolve.

>>> from claims.document import Document
>>> doc = Document.from_text("The minister said that prices would fall next year.", id="t")
>>> [(s.text, s.cue) for s in find_reported(doc)]
[('prices would fall next year', 'said')]
"""

from __future__ import annotations

import re
from dataclasses import replace

from claims.document import Document
from claims.extract._lexicon import PRONOUNS, REPORT_VERBS, ROLE_WORDS, SPEAKER_NOUNS, appositive
from claims.extract.quotes import Segment, mask_quotes, segments, sentence_of
from claims.statements import Kind, Span, Speaker, Statement

_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_VERB = re.compile(r"\b[a-z]+\b")
_THAT = re.compile(r"^[^.;:!?_]{0,60}?\bthat\s+")
_RV = "|".join(sorted(REPORT_VERBS, key=len, reverse=True))
_TAIL = re.compile(r",\s+(?P<a>[^,;:!?_]{1,80}?)\s+(?P<verb>" + _RV
                   + r")\b(?P<rest>[^,;:!?_]{0,40})[.!?]?$")
_TAIL_INV = re.compile(r",\s+(?P<verb>" + _RV + r")\s+(?P<a>[^,;:!?_]{1,80})[.!?]?$")
_ACC_HEAD = re.compile(r"^[Aa]ccording to (?P<a>[^,;:!?_]{1,100}),\s+")
_ACC_TAIL = re.compile(r",\s+according to (?P<a>[^,;:!?_]{1,100})[.!?]?$")
_OBJ = re.compile(r"^\s+(?:the\s+|a\s+)?(?:[A-Za-z][\w.’'-]*\s+){0,3}?(?=that\b)|^\s+[A-Z]\w*\s+")
_APPOS = re.compile(r"(?P<name>\b[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}),"
                    r"(?P<app>\s(?:a|an|the)\s[^;:!?_()]{2,160}?),\s*$")
_CAP_OR_PRON = re.compile(r"(?:^|\s)(?:[A-Z]|he\b|she\b|they\b)")


def _plausible_source(phrase: str) -> bool:
    words = _WORD.findall(phrase)
    if not words or len(words) > 9:
        return False
    last = words[-1].lower()
    return (last in PRONOUNS or last in SPEAKER_NOUNS or last in ROLE_WORDS
            or words[-1][0].isupper())


def _content(text: str, masked: str, start: int, end: int) -> Span | None:
    while start < end and (text[start].isspace() or text[start] in ",:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".!?;"):
        end -= 1
    if end - start < 12 or len(_WORD.findall(text[start:end])) < 3:
        return None
    if masked[start:end].count("_") > 0.6 * (end - start):
        return None  # a direct quotation, not reported speech
    return Span(start, end)


def _make(text: str, content: Span, cue: Span, src: Span, how: str) -> Statement:
    src = _trim_span(text, src)
    raw = text[src.start:src.end]
    return Statement(Kind.REPORTED_SPEECH, text[content.start:content.end], content,
                     speaker=Speaker(name=raw, mention=raw, mention_span=src, method=how),
                     cue=text[cue.start:cue.end], cue_span=cue, confidence=0.7)


def _sentences(masked: str, para: Span) -> list[Span]:
    out: list[Span] = []
    pos = para.start
    while pos < para.end:
        s = sentence_of(masked, para, pos)
        out.append(s)
        pos = max(s.end + 1, pos + 1)
        while pos < para.end and masked[pos].isspace():
            pos += 1
    return out


def _in_sentence(text: str, masked: str, sent: Span) -> Statement | None:
    seg = masked[sent.start:sent.end]
    for pat, how in ((_ACC_HEAD, "according-to"), (_ACC_TAIL, "according-to")):
        m = pat.search(seg)
        if m:
            a = Span(sent.start + m.start("a"), sent.start + m.end("a"))
            body = (Span(sent.start + m.end(), sent.end) if pat is _ACC_HEAD
                    else Span(sent.start, sent.start + m.start()))
            c = _content(text, masked, body.start, body.end)
            if c is not None:
                cs = masked.lower().find("according to", sent.start + m.start(), a.start)
                return _make(text, c, Span(cs, cs + 12), a, how)
    for tpat, how in ((_TAIL, "trailing"), (_TAIL_INV, "leading")):
        tm = tpat.search(seg)
        if tm and tm.group("verb") in REPORT_VERBS and _plausible_source(tm.group("a")) and \
                (tpat is _TAIL_INV or not re.search(r"\b(?:that|if|whether)\b", tm.group("rest"))):
            c = _content(text, masked, sent.start, sent.start + tm.start())
            if c is not None:
                a = Span(sent.start + tm.start("a"), sent.start + tm.end("a"))
                vb = Span(sent.start + tm.start("verb"), sent.start + tm.end("verb"))
                return _make(text, c, vb, a, how)
    for v in _VERB.finditer(seg):
        if v.group() not in REPORT_VERBS or v.start() == 0:
            continue
        vs, ve = sent.start + v.start(), sent.start + v.end()
        left = max(sent.start, masked.rfind(",", sent.start, vs) + 1)
        src = masked[left:vs]
        role = aff = None
        if not src.strip():
            am = _APPOS.search(masked, sent.start, vs)
            if am is None:
                continue
            left = am.start()
            src = am.group("name")
            role, aff = appositive(am.group("app"))
            vs_name = am.end("name")
        else:
            vs_name = vs
        if not _plausible_source(src) or "_" in src or not _CAP_OR_PRON.search(" " + src):
            continue
        rest = masked[ve:sent.end]
        tmm = _THAT.match(rest)
        if tmm:
            cstart = ve + tmm.end()
        elif v.group() in ("told", "tell", "tells", "telling"):
            o = _OBJ.match(rest)
            cstart = ve + (o.end() if o else 0)
        else:
            cstart = ve
        c = _content(text, masked, cstart, sent.end)
        if c is not None:
            sp = _trim_span(text, Span(left, vs_name))
            st = _make(text, c, Span(vs, ve), sp, "trailing")
            if role and st.speaker is not None:
                st = replace(st, speaker=replace(st.speaker, role=role, affiliation=aff))
            return st
    return None


def _trim_span(text: str, s: Span) -> Span:
    a, b = s.start, s.end
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ".!?,;:"):
        b -= 1
    return Span(a, b)


def find_reported(doc: Document, segs: list[Segment] | None = None,
                  masked: str | None = None) -> list[Statement]:
    """Reported-speech statements of a document."""
    text = doc.text
    segs = segments(doc) if segs is None else segs
    masked = mask_quotes(text, segs) if masked is None else masked
    out: list[Statement] = []
    for para in doc.paragraphs():
        for sent in _sentences(masked, para):
            st = _in_sentence(text, masked, sent)
            if st is not None:
                out.append(st)
    return out
