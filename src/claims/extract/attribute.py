"""Speaker resolution: who said each quotation and reported statement.

Finds the cue and source next to a quotation ("…," said X / X said / X, a role, told DW /
according to X / X said: "…"), then resolves the source: titles and roles are split off
("Kremlin foreign policy adviser Yuri Ushakov"), surnames become the full name introduced
earlier ("Small" -> "Andrew Small"), pronouns and "he added" chains take the last speaker,
a quote-only paragraph continues the previous paragraph's speaker, organisations are
speakers too ("the Kremlin said"), and an unrecoverable speaker stays ``None``.

>>> from claims.document import Document
>>> from claims.extract import extract
>>> doc = Document.from_text('"We stand firm," Kremlin aide Yuri Ushakov said.\\n'
...                          '"It will last," he added.', id="t")
>>> [(s.text, s.speaker.name, s.speaker.method) for s in extract(doc) if s.speaker]
[('We stand firm,', 'Yuri Ushakov', 'explicit'), ('It will last,', 'Yuri Ushakov', 'pronoun')]
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re

from claims.document import Document
from claims.entities import Registry, canonical_name, default_registry
from claims.extract._cues import (
    CUE_WINDOW,
    NAME_RE,
    cue_in,
    find_cue,
    mid_sentence_words,
    parse_source,
    stripped_end,
)
from claims.extract._lexicon import (
    ATTRIB_VERBS,
    DETERMINERS,
    FEMALE_NAMES,
    MALE_NAMES,
    PLACES,
    PRONOUNS,
    ROLE_WORDS,
    SPEAKER_NOUNS,
    TITLES,
)
from claims.extract._names import OPENERS, places, tidy
from claims.extract.budget import check
from claims.extract.quotes import ABBR_DOT, Segment, mask_quotes, segments, sentence_of
from claims.statements import Kind, Span, Speaker, Statement

_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w’'-]+)")
_RECENT = 800
_GENDER_ROLES = {"spokesman": "m", "congressman": "m", "chairman": "m", "councilman": "m",
                 "spokeswoman": "f", "congresswoman": "f", "chairwoman": "f",
                 "councilwoman": "f", "king": "m", "queen": "f", "prince": "m",
                 "princess": "f"}


@functools.lru_cache(maxsize=8)
def _registry_genders(registry: Registry) -> dict[str, str]:
    """Surname -> gender of the registry's people whose given name is gendered."""
    out: dict[str, str] = {}
    for ent in registry.entities:
        parts = ent.name.split()
        if ent.kind == "person" and len(parts) > 1:
            g = "m" if parts[0] in MALE_NAMES else "f" if parts[0] in FEMALE_NAMES else None
            if g is not None:
                out.setdefault(parts[-1], g)
    return out


def _unverb(pos: int, name: str) -> tuple[int, str]:
    """A name run without a capitalised cue verb or clause opener starting it: "Said Ellis"
    -> "Ellis", "And Obama" -> "Obama", "When Jo Roe" -> "Jo Roe"."""
    first, _, rest = name.partition(" ")
    while rest and (first.lower() in ATTRIB_VERBS or first.lower() in OPENERS):
        pos, name = pos + len(name) - len(rest.lstrip()), rest.lstrip()
        first, _, rest = name.partition(" ")
    return pos, name


def written_name(sp: Speaker) -> str:
    """The speaker's name as the article wrote it at its latest naming mention."""
    if sp.mention and sp.mention.lower().removesuffix("’s") not in PRONOUNS:
        return sp.mention
    return sp.antecedent or sp.name


class _Resolver:
    """Turns raw sources into canonical speakers using what the article said before."""

    def __init__(self, text: str, masked: str, registry: Registry) -> None:
        self.registry = registry
        self.known: list[str] = []
        self.history: list[tuple[int, Speaker]] = []
        self.roles: dict[str, tuple[str | None, str | None]] = {}
        self.seen = 0
        names = [_unverb(m.start(), m.group()) for m in NAME_RE.finditer(masked)]
        self.mentions = [(pos, name) for pos, name in names if " " in name]
        self.surname_gender = {m.group(2): "m" if m.group(1) == "Mr" else "f"
                               for m in _HONORIFIC.finditer(text)}
        for _, name in self.mentions:  # "Don Fowler" makes a later bare "Fowler" male
            first, last = name.split()[0], name.split()[-1]
            g = "m" if first in MALE_NAMES else "f" if first in FEMALE_NAMES else None
            if g is not None:
                self.surname_gender.setdefault(last, g)
        for last, g in _registry_genders(registry).items():  # "Obama": Barack Obama's
            self.surname_gender.setdefault(last, g)
        self.people = self._people(masked, names)
        mid = mid_sentence_words(text)
        pl = places()
        self.subjects = [(pos, name) for pos, name in names  # any named subject, for he/she
                         if not name.endswith(("’s", "'s")) and name not in pl and
                         (" " in name or name in mid) and _is_subject(masked, pos)]
        self.subjects_at = [p for p, _ in self.subjects]
        self.people_at = [p for p, _ in self.people]
        self.salient = {p for p, _ in self.people if _is_subject(masked, p)}

    def _people(self, masked: str, names: list[tuple[int, str]]) -> list[tuple[int, Speaker]]:
        """Person mentions outside quotes whose gender is known ("Mr. Obama", "Hillary
        Clinton", a bare "Fowler" after "Don Fowler"): candidate antecedents for he/she
        besides the earlier speakers."""
        hon = list(_HONORIFIC.finditer(masked.replace(ABBR_DOT, ".")))
        out = [(m.start(), Speaker(name=m.group(2), mention=m.group())) for m in hon
               if not m.group().endswith(("’s", "'s"))]  # a possessive is not a subject
        after_title = {m.start(2) for m in hon}
        for pos, name in names:
            if name.endswith(("’s", "'s")):
                continue
            bare = _untitled(name)  # "House Majority Leader Kevin McCarthy": Kevin …
            first = bare.split()[0]
            if first in MALE_NAMES or first in FEMALE_NAMES or (
                    bare.split()[-1] in self.surname_gender and pos not in after_title and (
                        " " not in name or name.split()[0].lower() in TITLES)):
                out.append((pos, Speaker(name=name, mention=name)))
        out = [(pos, dataclasses.replace(sp, name=clean.name)) for pos, sp in out
               if (clean := tidy(sp)) is not None and clean.method == "explicit"]
        out.sort(key=lambda x: x[0])
        return out

    @property
    def last(self) -> Speaker | None:
        return self.history[-1][1] if self.history else None

    def gender(self, sp: Speaker) -> str | None:
        """"m", "f" or None, from an honorific, a given name, a role or the article's usage."""
        words = (sp.mention or "").split() + sp.name.split()
        if words and words[0].rstrip(".") in ("Mr",):
            return "m"
        if words and words[0].rstrip(".") in ("Ms", "Mrs", "Miss"):
            return "f"
        for w in sp.name.split()[:1]:
            if w in MALE_NAMES:
                return "m"
            if w in FEMALE_NAMES:
                return "f"
        for w in (sp.role or "").lower().split():
            if w in _GENDER_ROLES:
                return _GENDER_ROLES[w]
        return self.surname_gender.get(sp.name.split()[-1]) if sp.name else None

    def learn(self, upto: int) -> None:
        while self.seen < len(self.mentions) and self.mentions[self.seen][0] < upto:
            full = self.mentions[self.seen][1]
            self.seen += 1
            clean = tidy(Speaker(name=full))
            if clean is None or clean.method != "explicit" or clean.is_organization:
                continue
            bare = canonical_name(clean.name, known=(), registry=self.registry)
            if len(bare.split()) >= 2 and bare not in self.known:
                self.known.insert(0, bare)

    def antecedent(self, pronoun: str, pos: int) -> Speaker | None:
        """The latest earlier speaker a pronoun can refer to: same gender for he/she
        (a speaker of unknown gender only when no known one fits), an organisation for
        it/we, anyone for they."""
        if pronoun == "i":
            return None
        want = {"he": "m", "she": "f"}.get(pronoun)
        fallback = None
        cands = self.history
        if want is not None:
            lo = bisect.bisect_left(self.people_at, pos - 2000)
            hi = bisect.bisect_left(self.people_at, pos)
            cands = sorted(cands[-40:] + self.people[lo:hi], key=lambda x: x[0])
        if want is not None:  # the nearest subject or speaker of the right gender first
            hist = set(self.history[-40:])
            for at, sp in reversed(cands):
                if at >= pos or sp.is_organization or sp.name in PLACES:
                    continue
                if pos - at > _SALIENT_SPAN:
                    break
                if (at, sp) not in hist and at not in self.salient:
                    continue  # an object or a name in passing: "… supporting Clinton"
                g = self.gender(sp)
                if g == want:
                    return sp
                if g is None:
                    break  # unsure: the older rule below decides
        for at, sp in reversed(cands):
            if at >= pos:
                continue  # a statement that contains the pronoun
            if pos - at > 2000:
                break
            if pronoun in ("it", "we"):
                return sp if sp.is_organization else None
            if pronoun == "they":
                return sp
            if sp.is_organization or sp.name in PLACES:
                continue
            g = self.gender(sp)
            if g == want:
                return sp
            if g is None and fallback is None:
                fallback = sp
                if pos - at < _RECENT and (at, sp) in self.history[-3:]:
                    return sp  # the speaker just quoted, gender unknown: "Fowler said … he"
        return fallback

    def last_subject(self, pronoun: str, pos: int) -> Speaker | None:
        """The named subject of the sentence before a he/she that nothing else resolved,
        when its gender is not known to be the other one ("Roe filed his papers. He said …")."""
        if pronoun not in ("he", "she"):
            return None
        i = bisect.bisect_left(self.subjects_at, pos) - 1
        if i < 0 or pos - self.subjects[i][0] > _LAST_SUBJECT:
            return None
        name = self.subjects[i][1]
        clean = tidy(Speaker(name=name, mention=name))
        if clean is None or clean.method != "explicit" or clean.is_organization:
            return None
        g = self.gender(clean)
        return clean if g in (None, {"he": "m", "she": "f"}[pronoun]) else None

    def resolve(self, sp: Speaker, pos: int) -> Speaker | None:
        self.learn(pos)
        if sp.method == "pronoun":
            at = sp.mention_span.start if sp.mention_span else pos
            ante = self.antecedent(sp.name, at)
            if ante is None:
                ante = self.last_subject(sp.name, at)
                if ante is not None:
                    ante = self.resolve(ante, at)
            if ante is None:
                return None
            if ante.method == "explicit" and ante.qid is None and ante in (
                    p for _, p in self.people):
                ante = self.resolve(ante, pos)
                if ante is None:
                    return None
                ante = self._regender(ante, {"he": "m", "she": "f"}.get(sp.name))
            return dataclasses.replace(ante, mention=sp.mention, mention_span=sp.mention_span,
                                       method="pronoun", antecedent=written_name(ante))
        tidied = tidy(sp)
        if tidied is None:
            return None
        sp = tidied
        if sp.method == "descriptive":
            return sp
        name = canonical_name(sp.name, known=self.known, registry=self.registry)
        ent = self.registry.lookup(name)
        out = dataclasses.replace(
            sp, name=name, qid=ent.qid if ent else None,
            is_organization=ent.is_organization if ent else sp.is_organization)
        if len(name.split()) >= 2 and not out.is_organization and name not in self.known:
            self.known.insert(0, name)
        if out.role or out.affiliation:
            self.roles.setdefault(name, (out.role, out.affiliation))
        elif name in self.roles:
            role, aff = self.roles[name]
            out = dataclasses.replace(out, role=role, affiliation=aff)
        return out

    def _regender(self, sp: Speaker, want: str | None) -> Speaker:
        """"Clinton" resolved to "Bill Clinton" for a "she": the article's other Clinton."""
        if want is None or self.gender(sp) in (want, None):
            return sp
        last = sp.name.split()[-1]
        for full in self.known:
            first = full.split()[0]
            if full.split()[-1] == last and want == ("m" if first in MALE_NAMES else
                                                     "f" if first in FEMALE_NAMES else None):
                ent = self.registry.lookup(full)
                return dataclasses.replace(sp, name=full, qid=ent.qid if ent else None)
        return sp

    def remember(self, sp: Speaker | None, pos: int) -> None:
        if sp is not None and sp.method != "descriptive":
            self.history.append((pos, sp))


@functools.lru_cache(maxsize=4096)
def _untitled(name: str) -> str:
    """A capitalised run without the titles and places glued before the name."""
    first = name.split()[0]
    if first in MALE_NAMES or first in FEMALE_NAMES:
        return name
    clean = tidy(Speaker(name=name))
    return clean.name if clean is not None and clean.name else name


_SALIENT_SPAN = 1000
_LAST_SUBJECT = 300
_SAME_CLAUSE = 400
_SENT_ADVERBS = frozenset({"But", "And", "So", "Yet", "Still", "Then", "Now", "Meanwhile",
                           "However", "Instead", "Later", "Earlier", "Also"})
# capitalised title words and lower-case roles before a name ("Wisconsin Gov·", "Florida
# developer", "political analyst"); no full stop: a sentence end
_CAP_WORD = re.compile(r"[A-Z][\w’'·-]*")
_MORE_ROLES = """developer political science real estate state party policy foreign former senior
veteran longtime"""
_ROLES_BEFORE = frozenset(w for w in ROLE_WORDS | SPEAKER_NOUNS if w.isalpha()) | frozenset(
    _MORE_ROLES.split())


def _is_subject(masked: str, pos: int) -> bool:
    """Whether the name at ``pos`` opens its clause (a subject), not an object or a name in
    passing: nothing but a sentence start, a comma, a sentence adverb or capitalised title
    words ("Wisconsin Gov·") and roles ("Florida developer") before it."""
    before = masked[max(0, pos - 80):pos]
    while True:  # drop the title and role words written right before the name
        tail = before.rstrip()
        if len(tail) == len(before):
            break
        i = max(tail.rfind(" "), tail.rfind("\n"), tail.rfind("\t")) + 1
        word = tail[i:]
        if not word or not (_CAP_WORD.fullmatch(word) or word in _ROLES_BEFORE):
            break
        before = tail[:i]
    tail = before.rstrip()
    if not tail:
        return True
    if tail[-1] in ".!?:;\n”\"_,":
        return True
    last = tail.split()[-1]
    return last in _SENT_ADVERBS


def attribute(doc: Document, statements: list[Statement], *,
              registry: Registry | None = None, segs: list[Segment] | None = None,
              masked: str | None = None) -> list[Statement]:
    """Fill the speaker (and cue) of every quotation and reported statement, in order.
    ``segs`` and ``masked`` (from :mod:`claims.extract.quotes`) are computed if not given."""
    reg = default_registry() if registry is None else registry
    text = doc.text
    segs = segments(doc) if segs is None else segs
    masked = mask_quotes(text, segs) if masked is None else masked
    outer = {s.inner: s.outer for s in segs}
    paras = doc.paragraphs()
    res = _Resolver(text, masked, reg)
    reported = sorted((s for s in statements if s.kind is Kind.REPORTED_SPEECH),
                      key=lambda s: s.span.start)
    reported_at = [s.span.start for s in reported]
    done: dict[Span, Statement] = {}
    out: list[Statement] = []
    prev_para = -1
    last_voice: Speaker | None = None  # the speaker of the latest statement, None if it had none
    for st in sorted(statements, key=lambda s: s.span.start):
        check()
        if st.kind is Kind.FIGURE:
            out.append(st)
            continue
        pi = _para_index(paras, st.span.start)
        sp: Speaker | None = None
        cue: Span | None = st.cue_span
        method_hint = None
        if st.kind is Kind.REPORTED_SPEECH and st.speaker is not None and st.speaker.mention_span:
            ms = st.speaker.mention_span
            how = st.speaker.method
            sp = parse_source(text, ms, leading=how != "trailing")
            if sp is None:
                sp = parse_source(text, ms, leading=how == "trailing")
            if sp is not None and sp.name.lower() in DETERMINERS:
                sp = None
            if sp is None:  # a plausible source the parser has no word for: "the council"
                desc = re.sub(r"^(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+", "",
                              st.speaker.mention or "")
                sp = Speaker(name=desc, mention=st.speaker.mention, mention_span=ms,
                             method="descriptive") if desc else None
            if sp is not None and how == "according-to" and sp.method == "explicit":
                sp = dataclasses.replace(sp, method="according-to")
            if sp is not None and st.speaker.role and not sp.role:
                sp = dataclasses.replace(sp, role=st.speaker.role,
                                         affiliation=st.speaker.affiliation)
        elif st.kind is Kind.QUOTATION:
            host = _host(reported, reported_at, st.span)
            o = outer.get(st.span, st.span)
            sp, cue = find_cue(text, masked, paras[pi], st.span, o)
            inside = sp is not None and sp.mention_span is not None and host is not None and \
                host.span.contains(sp.mention_span) and not (
                    cue is not None and cue.start >= o.end)  # "X said that he was “…”": X
            # speaks, but not "“…,” Y, who …, told Z" read as one report
            if host is not None and (sp is None or cue is None or cue.start < host.span.start
                                     or inside):
                # a quote inside a reported content whose cue is the host's: its speaker
                host_done = done.get(host.span)
                if host_done is not None and host_done.speaker is not None:
                    sp, cue, method_hint = host_done.speaker, host_done.cue_span, "explicit"
            last = stripped_end(masked, paras[pi].start, o.start)  # no copy of the paragraph
            opens = last == paras[pi].start
            if sp is None and opens and pi > 0:
                sp, cue = _colon_intro(text, masked, paras[pi - 1])
            # a quote opening its paragraph, or opening a sentence after a cue in it
            opens = opens or (pi == prev_para and _sentence_done(masked, paras[pi].start, last))
            if sp is None and opens and last_voice is not None and pi - prev_para <= 1 and \
                    not _attributed_after(masked, paras[pi], o):
                sp, method_hint = last_voice, "previous"  # the voice just heard, even "a source"
        resolved = None
        if sp is not None:
            resolved = sp if method_hint else res.resolve(sp, st.span.start)
            if resolved is not None and method_hint == "previous":
                resolved = dataclasses.replace(resolved, method=_carried(resolved, "previous"),
                                               mention=None,
                                               mention_span=None,
                                               antecedent=written_name(resolved))
        # a speaker counts as mentioned at the end of its attribution sentence: names in
        # the content or after the cue ("X said Y's plan …", "X said to Y") do not outrank it
        anchor = st.span.end
        if resolved is not None and resolved.mention_span is not None:
            anchor = max(anchor, resolved.mention_span.end)
        res.remember(resolved, _sentence_end(masked, paras[pi], anchor))
        last_voice = resolved
        if resolved is not None:
            prev_para = pi
        cue_text = text[cue.start:cue.end] if cue is not None else st.cue
        conf = st.confidence if resolved is not None else round(st.confidence * 0.8, 2)
        out.append(dataclasses.replace(st, speaker=resolved, cue=cue_text, cue_span=cue,
                                       confidence=conf))
        done[st.span] = out[-1]
    return _one_voice(out, paras)


_TAIL_WORDS = re.compile(r"[A-Za-z]+")
_TAIL_SOURCE_OPEN = frozenset({"a", "an", "the", "one", "two", "came", "comes", "someone",
                               "another"})


def _attributed_after(masked: str, para: Span, outer: Span) -> bool:
    """Whether the quote's sentence goes on after it with words ("“…,” Jo shot back", "“…,”
    came shouts from the crowd"): a source the cue patterns did not read, not the voice
    heard before; a quote ending its sentence ("“….” Next sentence") has none."""
    if masked[outer.start:outer.end].rstrip(" ”\"’'»").endswith((".", "…")):
        return False
    end = _sentence_end(masked, para, outer.end)
    m = _TAIL_WORDS.search(masked, outer.end, min(end, outer.end + 200))
    if m is None or masked[outer.end:m.start()].strip(" ,—–-") or m.group() == "I":
        return False  # nothing, or more of the sentence after other punctuation
    return m.group()[0].isupper() or m.group() in _TAIL_SOURCE_OPEN


def _host(reported: list[Statement], starts: list[int], span: Span) -> Statement | None:
    """The reported statement with a speaker whose content holds ``span``, the outermost of
    the few that start before it (contents of one sentence do not nest deeply)."""
    i = bisect.bisect_right(starts, span.start)
    for r in reported[max(0, i - 8):i]:  # the outermost first
        if r.span.contains(span) and r.speaker:
            return r
    return None


def _carried(sp: Speaker, how: str) -> str:
    """The method of a speaker carried over to another statement: a described source stays
    one ("descriptive"); a named speaker says how it was carried."""
    return "descriptive" if sp.method == "descriptive" else how


def _one_voice(out: list[Statement], paras: list[Span]) -> list[Statement]:
    """A whole quotation (not a fragment inside someone's sentence) left without a speaker
    in a paragraph where one speaker, and only one, is quoted or reported: that speaker
    (method ``paragraph``), with less confidence. A paragraph quoting two people gives
    none: abstaining beats guessing."""
    by_para: dict[int, set[str]] = {}
    first: dict[int, Speaker] = {}
    for st in out:
        if st.kind is not Kind.FIGURE and st.speaker is not None:
            pi = _para_index(paras, st.span.start)
            by_para.setdefault(pi, set()).add(st.speaker.name)
            first.setdefault(pi, st.speaker)
    if not by_para:
        return out
    done: list[Statement] = []
    for st in out:
        if st.kind is Kind.QUOTATION and st.speaker is None and not st.partial:
            pi = _para_index(paras, st.span.start)
            if len(by_para.get(pi, ())) == 1:
                sp = first[pi]
                sp = dataclasses.replace(sp, method=_carried(sp, "paragraph"), mention=None,
                                         mention_span=None,
                                         antecedent=written_name(sp))
                st = dataclasses.replace(st, speaker=sp, confidence=round(st.confidence * 0.85, 2))
        done.append(st)
    return done


_NEXT_QUOTE = re.compile(r"[.!?][”\"’)]*\s+_")


def _sentence_done(masked: str, start: int, end: int) -> bool:
    """Whether ``masked[start:end]`` ends a sentence (``[.!?][”"’)]*$``), reading back from
    ``end`` only."""
    while end > start and masked[end - 1] in "”\"’)":
        end -= 1
    return end > start and masked[end - 1] in ".!?"


def _sentence_end(masked: str, para: Span, pos: int) -> int:
    """The end of the sentence holding ``masked[pos - 1]``, a quote starting a sentence
    included (the masked text does not split there)."""
    end = sentence_of(masked, para, pos - 1).end
    m = _NEXT_QUOTE.search(masked, pos - 1, min(end, pos + CUE_WINDOW))
    return m.start() + 1 if m else end


def _colon_intro(text: str, masked: str, para: Span) -> tuple[Speaker | None, Span | None]:
    """A source introducing the next paragraph: "The New York Times reports:"."""
    last = stripped_end(masked, para.start, para.end)
    if last == para.start or masked[last - 1] != ":":
        return None, None
    end = last - 1
    sent = sentence_of(masked, para, end - 1)
    return cue_in(text, masked, Span(sent.start, end))


def _para_index(paras: list[Span], pos: int) -> int:
    """The paragraph holding ``pos`` (else the next one, else the last): a binary search."""
    i = bisect.bisect_right(paras, pos, key=lambda p: p.start) - 1
    if i >= 0 and pos < paras[i].end:
        return i
    return min(i + 1, len(paras) - 1) if paras else 0
