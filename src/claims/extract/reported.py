"""Reported speech: every attribution of a sentence, in its common forms.

"X said (that) …", "X has argued / is telling Y / wrote in a statement that …", "…, X said",
"…, X said, …" (the content on both sides), "…, said X, a role", "according to X, …",
"…, according to X", "…, saying/arguing that …" and "… and said …" (the subject of the
sentence speaks). A sentence may hold several: each content runs to the sentence end, a
semicolon or the next attribution. Its text is the content; ``cue`` the verb; the speaker
phrase a raw mention (``Speaker.method`` "leading"/"trailing"/"according-to").

>>> from claims.document import Document
>>> doc = Document.from_text("The minister said that prices would fall next year.", id="t")
>>> [(s.text, s.cue) for s in find_reported(doc)]
[('prices would fall next year', 'said')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.document import Document
from claims.extract._cues import mid_sentence_words
from claims.extract._heads import head_source
from claims.extract._lexicon import (
    NUMBER_WORDS,
    PRONOUNS,
    REP_AUX,
    REP_EXTRA_NOUNS,
    REP_NOUNISH,
    REP_PARTICIPLES,
    REP_PREP,
    REP_STOP_WORDS,
    REP_SUBORD,
    REP_TAIL_WORDS,
    REP_TIME,
    REPORT_VERBS,
    ROLE_WORDS,
    SPEAKER_NOUNS,
    appositive,
    trie_pattern,
)
from claims.extract.budget import check
from claims.extract.quotes import Segment, mask_quotes, segments, sentence_of
from claims.statements import Kind, Span, Speaker, Statement

_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_TOKEN = re.compile(r"[A-Za-z][\w’'·-]*(?:\.\w[\w’'·-]*)*|\d+(?:[.,]\d+)*%?|[,;:()—–―\"]|_+")
_NUM_WORD = re.compile(r"[A-Za-z][\w’'-]*|\d+(?:[.,]\d+)*%?")  # poll shares: "About 4 in 10 say"
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)"
_THAT = re.compile(r"^(?:\s+(?:(?:in|on|at|during|to|with|for|last|this|earlier|again|also|"
                   r"privately|publicly|" + _DAYS + r")\b[^.;:!?]{0,90}?|\w+ly))?,?\s+that\s+")
_TELL_THAT = re.compile(r"^(?:(?!\band\b)[^.;:!?_]){0,60}?\s+that\s+")
_TELL_OBJ = re.compile(r"^\s+(?:me|him|her|us|them|you|reporters|journalists|supporters|"
                       r"(?:the|a|an|his|her|their)\s+[a-z]+|(?:[A-Z][\w.’'·-]*\s+){1,3})\s*"
                       r"(?:(?:on|last|this|earlier)\s+\w+\s+|" + _DAYS + r"\s+)?")
_DAY = re.compile(r"^\s+(?:(?:on\s+)?" + _DAYS + r"(?:\s+(?:morning|afternoon|evening|night))?|"
                  r"(?:this|last|next|earlier\s+this|late\s+last)\s+(?:week|month|year|weekend)"
                  r")\b,?")
# "said publicly the plan …": an adverb of the saying (not "only", "nearly": of the content)
_ADVERB = re.compile(r"^\s+(?!(?:only|early|nearly|roughly|likely|family|fully)\b)[a-z]+ly\b,?"
                     r"(?=\s)")
# "said in a statement Thursday night …", "said in an interview …": where it was said.
_WHERE = re.compile(r"^\s+(?:in|during|at|on)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
                    r"(?:statement|interview|speech|letter|e-?mail|post|tweet|appearance|call|"
                    r"conference|briefing|video|op-ed|memo|release|rally|debate|hearing|event|"
                    r"message|remarks|address|podcast|broadcast|radio|show|program|column)"
                    r"(?:\s+(?:message|address|interview|call|statement|release|post))?"
                    r"(?:\s+(?:(?:on|last|this|earlier|late)\s+)?(?:" + _DAYS[3:-1] +
                    r"|week|month|night|morning|afternoon|evening)\b)*,?")
_ACC = re.compile(r"\b[Aa]ccording to\s+(?P<a>[^,;:!?()—]{1,160}?)\s*(?=[,.;:!?—]|$)")
_PASSIVE = frozenset({"was", "were", "been", "be", "being", "is", "are"})
_DETS = frozenset({"the", "a", "an", "his", "her", "its", "their", "this", "that", "our", "my",
                   "your", "to", "no", "any", "every", "each", "whose"})
# Forms that are as often nouns ("the state", "two points"): a cue only before "that".
_NOT_MID = frozenset({"which", "who", "whose", "according", "as", "compared", "citing",
                      "including"}) | REP_PARTICIPLES
_CALL = frozenset({"call", "calls", "called", "calling"})
# "asked whether …", "asked the court to …", "asked for …": a reported question or request.
_ASK = frozenset({"ask", "asks", "asked", "asking"})
_ASK_WH = frozenset({"whether", "if", "why", "how", "what", "when", "where", "who", "whom",
                     "which"})
# A question put to someone: "Asked whether …, X said", "When asked about …", "was asked if".
_ASKED = re.compile(r"(?P<v>Asked|(?:(?<=[Ww]hen )|(?<=was )|(?<=were )|(?<=been ))asked)\b"
                    r"(?:\s+\w+ly)?(?:\s+by\s+[^,;:_]{1,40}?)?\s+(?P<w>whether|if|why|how|what|"
                    r"when|where|who|which|about)\b")
_AFTER_QUOTE = re.compile(r"_[\s,:;—–-]*$")
_ANY_CUE = re.compile(r"\b(?:[Aa]ccording to|" + trie_pattern(
    REPORT_VERBS | REP_PARTICIPLES | _CALL | _ASK) + r")\b")
_TELL = frozenset({"told", "tell", "tells", "telling"})
_NO_CONTENT = frozenset({"so", "little", "nothing"})  # "said so in December", "said little"
_SAY = frozenset({"say", "says", "said"})  # "4 in 10 say": never a participle before a noun
# The reporter's additions after a content: a relative clause on its last noun ("…, which
# was passed in 2010"), a participle clause on the speaker ("…, throwing a wrench in …").
_ADDED = re.compile(r",\s+(?:which|who|whose|whom|where|for whom|(?!(?:including|during|nothing|"
                    r"something|anything|everything|morning|evening|spring|string|thing|king|"
                    r"ring|wing|bring|sing|ceiling|notwithstanding)\b)[a-z]+ing|"
                    r"compared (?:with|to)|well (?:above|below)|up from|down from)\b"
                    r"|\s(?:[—–]|--)\s*(?:a|an)\s(?=[^—–]*$)"  # "… — a swipe at …" (a last dash)
                    r"|,\s+(?:a|an)\s+[a-z]+(?=[^,]*$)")  # "…, a move that …" (a last comma)
# A quotation right after a cue in mid-sentence: what comes before it leads into the quote.
_LEAD_IN = re.compile(r"[\s,:]+(?:that\s+)?_")
_CONCESSIVE = re.compile(r",\s+(?:although|though|even though|while|whereas)\b")
# Where the reporter's own clause begins after a content: ", and/but <a new clause>" (not
# ", and that …", a second content of the same verb).
_COORD = re.compile(r",\s+(?:and|but)\s+(?!that\b)")
_MIN_CHARS = 12
# Shares and counts of people that speak in polls: "Nearly half said", "Most say".
_QUANTIFIERS = frozenset({"half", "majority", "majorities", "most", "many", "several", "some",
                          "few", "others", "percent", "both", "all", "two", "three", "four",
                          "five", "six", "seven", "eight", "nine", "ten"})
# Time words between a source and its verb: "Gowdy earlier Thursday said".
_TIME_NOUNS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                         "Sunday", "today", "yesterday", "week", "month", "year", "weekend",
                         "night", "morning", "afternoon", "evening"})
_TIME_BEFORE = frozenset({"last", "this", "on", "earlier", "later", "that", "next"})
# Words inside a subject, between its head and the verb: "Several supporters of reform said".
_NP_INNER = frozenset({"of", "in", "on", "at", "for", "with", "from", "by", "about", "to", "who",
                       "and"})
# Words that make a phrase after an inverted cue a clause, not its source.
_CLAUSE_WORDS = frozenset({"that", "is", "was", "are", "were", "will", "would", "has", "have",
                           "had", "can", "could", "should", "to", "if", "whether"})
# What may follow a trailing cue before the comma or full stop: "…, X said in a statement."
_TAIL = re.compile(r"(?P<t>(?:\s+(?P<w>[A-Za-z][\w’'.-]*))?(?:\s+[A-Za-z0-9][\w’'.-]*){0,5}?)"
                   r"\s*(?:[,.!?]|$)")


@dataclass(slots=True)
class _Cue:
    """One attribution found in a sentence, before its content is cut."""

    verb: Span
    src: Span | None
    how: str  # "trailing" (source left of the verb), "leading" (right), "according-to"
    clause: int  # where its clause starts: the previous content stops here
    cstart: int  # where the content starts (forward cues) or -1 (content before the cue)
    tail_end: int = -1  # backward cues: where the cue's own words end
    role: str | None = None
    aff: str | None = None
    passive: bool = False  # "Asked whether …, X said": the asker is not named


# After a trailing cue, words that open its complement: "…, who pledged in March to back
# the nominee" is forward, not "A, X said in March."
_COMPLEMENT = re.compile(r"\b(?:that|whether|if|to\s+(?!(?:the|a|an|his|her|their|its|our|my|me|him|"
                         r"them|us|you|reporters|[A-Z0-9])\b)[a-z]+)\b")
# Words before a participle used as an adjective: "both pledged delegates", "include
# reported cases".
_BEFORE_NOUN = frozenset({"both", "of", "include", "includes", "included", "including",
                          "those", "these", "all", "many", "more", "most", "other", "some",
                          "fewer", "several"})
# "that" as a relative pronoun: "states that will vote", "the report that was released".
_RELATIVE_THAT = re.compile(r"\s*(?:is|was|are|were|has|have|had|will|would|can|could|should|"
                            r"may|might|must|did|do|does|[a-z]+ed)\b")


def _plausible(text: str, *, plural: bool = False) -> bool:
    """Whether a phrase can be a source; ``plural`` when the verb agrees with a plural
    subject ("critics say", "individuals complain"), which lets any plural noun be one."""
    words = _NUM_WORD.findall(text)
    if not words or len(words) > 14:
        return False
    inner = next((n for n, w in enumerate(words) if w in _NP_INNER), 0)
    if inner and _plausible(" ".join(words[:inner]), plural=plural):
        return True  # its head: "Several supporters of the reform", "People with knowledge"
    last = words[-1]
    low = last.lower()
    if low in _QUANTIFIERS or last.isdigit() or words[0].lower() == "those":
        return True  # a poll's share: "Nearly half said", "Two in three say", "those surveyed"
    if low in PRONOUNS or low == "who" or (plural and low.endswith("s") and len(low) > 3
                                           and not low.endswith(("ss", "us", "is"))):
        return True
    if low in SPEAKER_NOUNS or low in ROLE_WORDS or low in REP_EXTRA_NOUNS or (
            low.endswith("s") and low[:-1] in ROLE_WORDS):
        return True
    if words[0].lower() in _DETS and words[0].lower() != "to" and len(words) <= 4 and \
            last.isalpha() and last.islower() and low not in REP_STOP_WORDS:
        return True  # "the bank", "its defenders"
    return last[0].isupper() and last not in REP_TIME and low not in REP_STOP_WORDS


# Verbs whose object is often a thing or an addressee, not what was said ("told CNN",
# "wrote a book", "added another facet"): their content must look like a clause.
_NP_VERBS = dict.fromkeys(("told", "tell", "tells", "telling", "wrote", "write", "writes",
                           "written", "writing", "added", "add", "adds", "adding",
                           # "maintains a lead", "claimed victory", "conceded the race"
                           "maintain", "maintains", "maintained", "maintaining", "claim",
                           "claims", "claimed", "claiming", "concede", "concedes", "conceded",
                           "conceding"), True)
_TO_NP = re.compile(r"to\s+(?:the|a|an|his|her|their|its|our|my|this|that|these|those|[A-Z0-9])")
_VERBISH = re.compile(r"\b(?:is|was|are|were|be|been|being|will|would|can|could|should|must|may|"
                      r"might|has|have|had|did|does|do|[a-z]+ed|[a-z]+n’t|[a-z]+n't|found|told|said|"
                      r"made|took|got|gave|went|came|knew|thought|saw|felt|became|left|kept|held|"
                      r"brought|began|ran|won|lost|paid|sent|spent|built|met|led|meant|sold|"
                      r"stood|wrote|spoke|broke|chose|fell|grew|rose|sat|heard)\b|’s\b|'s\b|"
                      r"’re|'re|’ll|'ll|’d|'d")


def _clause_like(seg: str) -> bool:
    """Whether a content shows a finite verb (an auxiliary, a past tense, a contraction)."""
    return _VERBISH.search(seg) is not None


def _share(phrase: str) -> bool:
    """Whether a source phrase is only a share or count of people: "Nearly half", "Two in
    three", "Some 56 percent of voters"."""
    words = [w.lower() for w in _NUM_WORD.findall(phrase)]
    inner = next((n for n, w in enumerate(words) if w in _NP_INNER), len(words))
    head = words[:inner]
    return not head or head[-1] in _QUANTIFIERS or head[-1][0].isdigit() or \
        phrase.split()[-1].isdigit()


def _content(text: str, masked: str, start: int, end: int) -> Span | None:
    while start < end and (text[start].isspace() or text[start] in ",:—–―"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".!?;,:—–―"):
        end -= 1
    if end - start < _MIN_CHARS or len(_WORD.findall(text[start:end])) < 3:
        return None
    if masked[start:end].count("_") > 0.6 * (end - start):
        return None  # a direct quotation, not reported speech
    return Span(start, end)


def _trim_span(text: str, s: Span) -> Span:
    a, b = s.start, s.end
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ".!?,;:"):
        b -= 1
    return Span(a, b)


def _make(text: str, content: Span, cue: _Cue) -> Statement:
    sp = None  # a speaker that cannot be recovered stays None
    src = _trim_span(text, cue.src) if cue.src is not None else None
    if src is not None and (w := _WORD.match(text, src.start)) and w.group() in REP_SUBORD:
        src = _trim_span(text, Span(w.end(), src.end))  # "When the firm says …": the firm
    if src is not None and _share(text[src.start:src.end]):
        src = None  # a poll's share ("Nearly half said"): no speaker to name
    if src is not None and src.end > src.start:
        raw = text[src.start:src.end]
        sp = Speaker(name=raw, mention=raw, mention_span=src, method=cue.how,
                     role=cue.role, affiliation=cue.aff)
    return Statement(Kind.REPORTED_SPEECH, text[content.start:content.end], content,
                     speaker=sp, cue=text[cue.verb.start:cue.verb.end], cue_span=cue.verb,
                     confidence=0.7)


# Sentence ends the shared splitter does not see: before a quotation (masked as "_"): 'He
# said the vote was close. “We won,” he added.' is two sentences; after two apostrophes.
_END_BEFORE_QUOTE = re.compile(r"(?<=[a-z0-9][.!?])[)]*\s+(?=_)"
                               r"|(?<=[.!?])''\s+(?=[\"“‘(]?[A-Z0-9])")  # ".'' Next" (NYT style)


def _sentences(masked: str, para: Span) -> list[Span]:
    out: list[Span] = []
    pos = para.start
    while pos < para.end:
        s = sentence_of(masked, para, pos)
        start = s.start
        for m in _END_BEFORE_QUOTE.finditer(masked, s.start, s.end):
            out.append(Span(start, m.start()))
            start = m.end()
        out.append(Span(start, s.end))
        pos = max(s.end + 1, pos + 1)
        while pos < para.end and masked[pos].isspace():
            pos += 1
    return out


def _toks(masked: str, sent: Span) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(masked, sent.start, sent.end)]


def _left_source(masked: str, toks: list[tuple[str, int, int]], i: int,
                 sent: Span) -> tuple[Span | None, int, str | None, str | None]:
    """The source phrase left of the verb ``toks[i]`` (auxiliaries skipped): its span, the
    start of its clause, and an appositive's role and affiliation."""
    k = i - 1
    while k >= 0:
        w = toks[k][0]
        if w.lower() in REP_AUX or w.endswith(("n't", "n’t")) or (w.endswith("ly") and w.islower()):
            k -= 1
        elif w in _TIME_NOUNS:  # "Gowdy earlier Thursday said", "X last week said"
            k -= 1
            while k >= 0 and (toks[k][0] in _TIME_BEFORE or toks[k][0] in _TIME_NOUNS):
                k -= 1
        else:
            break
    end = toks[k][2] if k >= 0 else sent.start
    j = k
    while j >= 0 and toks[j][0][0] not in ",;:()—–―_\"" and toks[j][0] not in REP_STOP_WORDS and \
            k - j < 14:
        j -= 1
    if j >= 0 and toks[j][0] in _NP_INNER and j != k:
        # a subject with a modifier: "People with direct knowledge of it said", "Hawkins and
        # others who want to ban abortion said": when the whole phrase opens its clause, the
        # source is its head, the words before the first modifier
        q = j
        while q >= 0 and toks[q][0][0] not in ",;:()—–―_\"" and (
                toks[q][0] not in REP_STOP_WORDS or toks[q][0] in _NP_INNER) and k - q < 20:
            q -= 1
        if q < 0 or toks[q][0] in ",;:—–―":
            h = next(n for n in range(q + 1, k + 1) if toks[n][0] in _NP_INNER)
            if h > q + 1 and _plausible(masked[toks[q + 1][1]:toks[h - 1][2]], plural=True):
                clause = toks[q][1] if q >= 0 else toks[q + 1][1]
                return Span(toks[q + 1][1], toks[h - 1][2]), clause, None, None
    start = toks[j + 1][1] if j + 1 <= k else end
    clause = toks[j][1] if j >= 0 and toks[j][0] in ",;—–―" else start
    if j >= 0 and toks[j][0] in ("and", "but") and j > 0 and toks[j - 1][0] == ",":
        clause = toks[j - 1][1]
    elif j >= 0 and toks[j][0] in ("and", "but"):
        clause = toks[j][1]
    if start == end and j >= 0 and toks[j][0] == "who":  # "…, who said …"
        r = j - 1 - (j > 0 and toks[j - 1][0] == ",")
        q = r
        while q >= 0 and toks[q][0][0] not in ",;:()—–―_\"" and toks[q][0] not in REP_STOP_WORDS \
                and r - q < 10:
            q -= 1
        if q < r and _plausible(masked[toks[q + 1][1]:toks[r][2]]):
            return Span(toks[q + 1][1], toks[r][2]), toks[j][1], None, None
        return None, clause, None, None
    if j >= 0 and toks[j][0] in ("what", "how"):
        return None, clause, None, None  # "what Trump says his plan would do"
    if start < end:
        phrase = masked[start:end]
        verb = toks[i][0]
        plural = (k == i - 1 and not verb.endswith(("s", "d", "ing")) and verb not in (
            "told", "wrote", "spoke")) or (  # "…, donors said": a short phrase after a comma
            j >= 0 and toks[j][0] == "," and k - j <= 4)
        return (Span(start, end), clause, None, None) if _plausible(phrase, plural=plural) else (
            None, clause, None, None)
    if j < 0 or toks[j][0] != ",":
        return None, clause, None, None
    # an appositive: "Name, a role, said" / "A lawyer for X, Jane Doe, said" / "X, who …, said"
    if head := head_source(masked, sent.start, toks[j][1], min_commas=2):  # "X, 59, of Y, said"
        return head, head.start, *appositive(masked[head.end:masked.index(",", head.end + 1) + 1])
    c1 = j - 1
    while c1 >= 0 and toks[c1][0][0] not in ",;:()—–―_\"":
        c1 -= 1
    if c1 < 0 or toks[c1][0] != "," or j - c1 > 26:
        return None, clause, None, None
    mid = masked[toks[c1][2]:toks[j][1]].strip()
    c2 = c1 - 1
    while c2 >= 0 and toks[c2][0][0] not in ",;:()—–―_\"" and toks[c2][0] not in REP_STOP_WORDS:
        c2 -= 1
    first = masked[toks[c2 + 1][1]:toks[c1][1]] if c2 + 1 < c1 else ""
    mid_words = _WORD.findall(mid)
    if 2 <= len(mid_words) <= 4 and all(w[0].isupper() and w not in REP_TIME for w in mid_words) \
            and first.strip():
        role = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", first.strip()) or None
        return Span(toks[c1][2], toks[j][1]), toks[c2 + 1][1], role, None  # "A lawyer, Jane Doe,"
    if not first.strip() or not _plausible(first) or not first.strip()[-1:].isalpha():
        return None, clause, None, None
    role, aff = (None, None) if mid.startswith("who ") else appositive(", " + mid + ",")
    return Span(toks[c2 + 1][1], toks[c1][1]), toks[c2 + 1][1], role, aff


def _right_source(masked: str, toks: list[tuple[str, int, int]], i: int) -> Span | None:
    """The source right of an inverted cue: "…, said Jane Doe, a role."."""
    k = i + 1
    while k < len(toks) and toks[k][0][0] not in ",;:()—–―_\"" and k - i <= 8:
        k += 1
    if k == i + 1 or (k < len(toks) and toks[k][0][0] not in ",;:()—–―_\"") or (
            k < len(toks) and toks[k][0][0] in "_\"(" and k - i <= 2):
        return None  # a phrase running on is a clause ("said Trump aides plan to …", "said
        # the “old model” … is in decline")
    span = Span(toks[i + 1][1], toks[k - 1][2])
    words = _WORD.findall(masked[span.start:span.end])
    if not words or not (words[0][0].isupper() or words[0].lower() in ("a", "an", "the")) or \
            words[0] in REP_TIME or any(w in _CLAUSE_WORDS for w in words):
        return None  # "…, said Tuesday that …": the content follows
    return span


_OBJ_PRONOUNS = frozenset({"him", "her", "them", "it", "himself", "herself", "themselves",
                           "itself", "me", "us", "you"})
_NOT_COMPLEMENT = frozenset({"on", "for", "to", "in", "at", "back", "off", "out", "up", "about",
                             "with", "from", "into", "by", "and", "or", "but", "that", "after",
                             "before", "over", "when", "as", "during", "last", "this", "early",
                             "late", "again", "twice", "once", "every", "each"})


def _labels(toks: list[tuple[str, int, int]], i: int) -> bool:
    """Whether "call" at ``toks[i]`` names something: "called him a fascist", "calls
    Trump's idea stupid" (an object, then a complement), not "called the police"."""
    j = i + 1
    if j < len(toks) and toks[j][0].lower() in _OBJ_PRONOUNS:
        j += 1
    else:
        while j < len(toks) and toks[j][0][:1].isupper() and j - i <= 4:
            j += 1
        if j == i + 1:
            return False
        if toks[j - 1][0].endswith(("’s", "'s")) and j < len(toks) and toks[j][0].isalpha():
            j += 1  # "Trump's idea"
    if j >= len(toks):
        return False
    w = toks[j][0]
    return w.isalpha() and w.islower() and w not in _NOT_COMPLEMENT and not w.endswith("ly")


def _ask_start(toks: list[tuple[str, int, int]], i: int) -> int:
    """Where the content of "ask" at ``toks[i]`` starts, or -1 when it asks nothing
    reportable: the question ("asked (them) whether/if/why …"), the request ("asked the
    court to …", content with its object; "asked for …", "asked that …")."""
    for k in range(i + 1, min(len(toks), i + 7)):
        w = toks[k][0]
        if w in _ASK_WH:
            return toks[k][1]
        if w in ("for", "that") and k == i + 1:
            return toks[k][2]
        if w == "to":
            return toks[i + 1][1] if k > i + 1 else -1
        if not w[0].isalpha():
            break
    return -1


def _forward_start(masked: str, verb: str, ve: int, end: int) -> int:
    """Where a forward cue's content starts: after "that" (a short adverbial or the
    object of "told" may come first), after the object of "told", after "out"."""
    rest = masked[ve:min(end, ve + 120)]
    m = (_TELL_THAT if verb in _TELL else _THAT).match(rest)
    if m:
        return ve + m.end()
    if verb in _TELL:
        o = _TELL_OBJ.match(rest)
        return ve + (o.end() if o else 0)
    if verb in _CALL:
        return ve
    if verb.startswith("point"):
        return ve + 4 if rest.startswith(" out") else ve + 3  # "pointed out …", "pointed to …"
    d = _DAY.match(rest) or _WHERE.match(rest) or _ADVERB.match(rest)
    return ve + (d.end() if d else 0)


def _start(masked: str, verb: str, ve: int, end: int, ask: int) -> int:
    return ask if ask >= 0 else _forward_start(masked, verb, ve, end)


def _in_sentence(text: str, masked: str, sent: Span) -> list[Statement]:
    seg = masked[sent.start:sent.end]
    if _ANY_CUE.search(seg) is None:
        return []
    toks = _toks(masked, sent)
    cues: list[_Cue] = []
    if "ccording to" in seg:
        for m in _ACC.finditer(masked, sent.start, sent.end):
            a = Span(m.start("a"), m.end("a"))
            head = masked[sent.start:m.start()].strip(" ,") == ""
            cs = Span(m.start(), m.start() + 12)
            if head:
                cues.append(_Cue(cs, a, "according-to", m.start(), m.end()))
            else:
                comma = masked.rfind(",", sent.start, m.start())
                clause = comma if comma >= 0 and masked[comma:m.start()].strip(", ") == "" \
                    else m.start()
                cues.append(_Cue(cs, a, "according-to", clause, -1, m.end()))
    for i, (w, ws, we) in enumerate(toks):
        nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
        ask = _ask_start(toks, i) if w in _ASK else -1
        if w in _ASK:
            if ask < 0:
                continue
        elif w in _CALL and nxt in ("for", "on"):
            we = toks[i + 1][2]  # "called for", "called on"
        elif (w in _CALL and not _labels(toks, i)) or (
                w not in REPORT_VERBS and w not in REP_PARTICIPLES and w not in _CALL):
            continue  # not a cue; "call" only names something: "called him a fraud"
        prev = toks[i - 1][0].lower() if i else ""
        if prev in _DETS or prev in _BEFORE_NOUN or (prev in _PASSIVE and not w.endswith(
                "ing")) or prev.endswith(("’s", "'s")) or ((prev[:1].isdigit() or prev in NUMBER_WORDS)
                                             and w not in _SAY):
            # a participle before a noun: "Clinton's reported contributions", "eight
            # reported incidents", "the pledged delegates"
            continue
        if w in REP_NOUNISH and (nxt != "that" or _RELATIVE_THAT.match(
                masked, toks[i + 1][2])) and w not in _CALL and not (
                prev in PRONOUNS or prev in REP_AUX):  # "he claims", "also claims": a verb
            continue
        if w in ("point", "points", "pointed", "pointing") and nxt not in ("out", "to"):
            continue
        if prev == ",":
            # "…, said Jane Doe." / "…, saying that …"
            if w in REP_PARTICIPLES or w == "asking":
                cues.append(_Cue(Span(ws, we), None, "leading", toks[i - 1][1],
                                 _start(masked, w, we, sent.end, ask)))
                continue
            src = _right_source(masked, toks, i)
            if src is not None and _plausible(masked[src.start:src.end]):
                cues.append(_Cue(Span(ws, we), src, "leading", toks[i - 1][1], -1,
                                 _tail_end(masked, src.end, sent.end)))
                continue
        if prev in ("and", "but"):
            clause = toks[i - 2][1] if i > 1 and toks[i - 2][0] == "," else toks[i - 1][1]
            cues.append(_Cue(Span(ws, we), None, "leading", clause,
                             _start(masked, w, we, sent.end, ask)))
            continue
        if w.endswith("ing") and not (prev in REP_AUX or prev.endswith(("n't", "n’t"))):
            continue  # a participle clause ("Indirectly criticizing X, Putin said"): no cue
        src, clause, role, aff = _left_source(masked, toks, i, sent)
        if src is None:
            continue
        tail = _TAIL.match(masked, we, sent.end)
        before_comma = masked[sent.start:clause].rstrip().endswith(",") or (
            masked[clause:clause + 1] == ",")
        if tail and before_comma and clause > sent.start + _MIN_CHARS and (
                not tail.group("w") or tail.group("w").rstrip(".") in REP_TAIL_WORDS or w in _TELL
        ) and not _COMPLEMENT.search(tail.group("t")):
            cues.append(_Cue(Span(ws, we), src, "trailing", clause, -1, tail.end("t"),
                             role, aff))
        elif not (_AFTER_QUOTE.search(masked, max(sent.start, src.start - 4), src.start)
                  and not _THAT.match(masked[we:min(sent.end, we + 120)])):
            # '“…,” Jane Roe said carefully': the cue of a quotation, unless "that" follows
            cues.append(_Cue(Span(ws, we), src, "trailing", clause,
                             _start(masked, w, we, sent.end, ask), -1, role, aff))
    if "sked" in seg:
        for m in _ASKED.finditer(masked, sent.start, sent.end):
            at = m.end("w") if m.group("w") == "about" else m.start("w")
            cues.append(_Cue(Span(m.start("v"), m.end("v")), None, "leading", m.start(), at,
                             passive=True))
    return _contents(text, masked, sent, cues)


_GOES_ON = re.compile(r"\s*,\s+(?:would|will|is|was|are|were|has|have|had|could|should|can|may|"
                      r"might|must|does|did|do)\b")


def _tail_end(masked: str, pos: int, end: int) -> int:
    """Where an inverted cue's source phrase (and an appositive after it) ends; not past a
    comma that a verb follows ("A, said Jo Roe, would …": the content goes on)."""
    if _GOES_ON.match(masked, pos, end):
        return pos
    m = re.match(r"[^;:_.!?]*", masked[pos:end])
    return pos + (m.end() if m else 0)


def _contents(text: str, masked: str, sent: Span, cues: list[_Cue]) -> list[Statement]:
    cues.sort(key=lambda c: c.verb.start)
    out: list[Statement] = []
    semis = [m.start() for m in re.finditer(";", masked[sent.start:sent.end])]
    prev_end = sent.start
    for n, cue in enumerate(cues):
        nxt = next((c.clause for c in cues[n + 1:] if _coordinate(masked, c)), sent.end)
        if cue.src is None and not cue.passive:  # the subject speaks: "…, saying that …"
            cue.src = _subject(masked, sent, cues[:n])
        if cue.cstart >= 0:
            stop = min([nxt, sent.end] + [sent.start + s for s in semis
                                          if sent.start + s > cue.cstart])
            cs = cue.cstart
            w = _WORD.match(masked, cs + len(masked[cs:stop]) - len(masked[cs:stop].lstrip(" ,:")))
            src_word = _WORD.match(masked, cue.src.start) if cue.src else None
            if src_word and src_word.group() in REP_SUBORD:
                comma = _comma(masked, cue.cstart, stop)
                stop = comma if comma > 0 else stop  # "After aides insisted …, the …"
            stop = _cut(masked, cs, stop)
            label = masked[cue.verb.start:cue.verb.end] in _CALL and cs == cue.verb.end
            if label or (cue.passive and masked[cue.clause - 5:cue.clause] not in (
                    "was ", "ere ", "een ")):
                comma = _comma(masked, cs, stop)  # "Asked whether …, X said": the question
                stop = comma if comma > 0 else stop
            c = None if w and (w.group() in REP_PREP or w.group() in _NO_CONTENT) else \
                _content(text, masked, cs, stop)
            if c is not None and (_NP_VERBS.get(text[cue.verb.start:cue.verb.end]) or _TO_NP.match(
                    masked, c.start)) and not _clause_like(masked[c.start:c.end]) and \
                    not masked[max(0, c.start - 8):c.start].rstrip().endswith("that"):
                c = None  # "told CNN on Friday", "wrote a letter", "said to a crowd": no clause
            prev_end = max(prev_end, stop)
        else:
            start = max(prev_end, max([sent.start + s + 1 for s in semis
                                       if sent.start + s < cue.clause] or [sent.start]))
            end = cue.clause
            rest = masked[cue.tail_end:nxt] if cue.tail_end >= 0 else ""
            w2 = _WORD.search(rest)
            short = len(_WORD.findall(masked[start:end])) <= 6  # "But the next day, according
            if rest.startswith(",") and len(_WORD.findall(rest)) >= 3 and ";" not in rest and \
                    w2 and w2.group() not in _NOT_MID and (  # to X, Y made further demands"
                        cue.how != "according-to" or w2.group() in ("and", "but") or short):
                end = nxt  # "A, X said, B": the content is on both sides
            if rest.startswith(",") and "_" in rest and _WORD.match(rest.lstrip(", ")) and \
                    _VERBISH.match(rest.lstrip(", ")):
                end = nxt  # 'The industry, she said, is “doing much better”': both sides
            lead_in = _LEAD_IN.match(rest) is not None  # 'Sooner or later, he said, “…”'
            c = None if lead_in else _content(text, masked, start, end)
            prev_end = max(prev_end, end if end > cue.clause else cue.tail_end)
        if c is not None and not masked[c.start:c.end].startswith("ccording"):
            out.append(_make(text, c, cue))
    return _outermost(out)


def _outermost(found: list[Statement]) -> list[Statement]:
    """A report nested in another's content ("X said that Y told Z …") is X's claim about
    Y, not Y's statement: only the outer one is kept; and one content is reported once."""
    out: list[Statement] = []
    for s in found:
        if not any(o is not s and o.span.start <= s.span.start and s.span.end <= o.span.end
                   and o.span != s.span for o in found) and all(o.span != s.span for o in out):
            out.append(s)
    return out


_DIGIT_GROUP = re.compile(r",(?!\d{3}\b)")


def _comma(masked: str, start: int, stop: int) -> int:
    """The first comma in ``masked[start:stop]`` that is not in a number ("2,400"), or -1."""
    m = _DIGIT_GROUP.search(masked, start, stop)
    return m.start() if m else -1


def _cut(masked: str, start: int, stop: int) -> int:
    """Where a forward content ends: at the first reporter's addition (a concessive, a
    relative or participle clause, ", and/but" + a new clause); a list's last item
    ("expects Obama, Abe, and Park to …") is not one."""
    found = sorted(m.start() for p in (_CONCESSIVE, _ADDED, _COORD)
                   for m in p.finditer(masked, start, stop))
    for pos in found:
        if masked.startswith((", and", ", but"), pos) and _list_item(masked, start, pos):
            continue
        return pos
    return stop


def _list_item(masked: str, start: int, pos: int) -> bool:
    """Whether the words before ", and" at ``pos`` are a short item after another comma."""
    prev = masked.rfind(",", start, pos)
    return prev >= 0 and len(_WORD.findall(masked[prev:pos])) <= 3


def _coordinate(masked: str, cue: _Cue) -> bool:
    """Whether a later cue starts a new clause (", and X said …", ", saying …"), which
    ends the content before it, rather than sitting inside it ("X said that Y told …")."""
    return masked[cue.clause:cue.clause + 1] in ",;—–―" or \
        masked.startswith(("and ", "but "), cue.clause) or cue.cstart < 0


_INTRO_PREP = frozenset({"In", "At", "On", "During", "After", "Before", "With", "From", "Speaking",
                         "Asked", "Later", "Earlier", "Meanwhile"})


def _subject(masked: str, sent: Span, before: list[_Cue]) -> Span | None:
    """The speaker of a participle or "and said" cue: the last source, else the subject."""
    for c in reversed(before):
        if c.src is not None:
            return c.src
    toks = _toks(masked, Span(sent.start, min(sent.end, sent.start + 160)))
    if toks and toks[0][0] in _INTRO_PREP:  # "In an interview with CNN, Trump …, saying"
        comma = next((k for k, t in enumerate(toks[:14]) if t[0] == ","), None)
        toks = toks[comma + 1:] if comma is not None else toks
    if toks and toks[0][0] in REP_SUBORD:
        return None  # "Though …, he said, …": the subject is not at the start
    while toks and toks[0][0] in ("But", "And", "So", "Yet", "Still", "Now"):
        toks = toks[1:]
    if toks and toks[0][0].lower() in PRONOUNS:
        return Span(toks[0][1], toks[0][2])
    n = 0
    while n < min(len(toks), 8) and (toks[n][0][0].isupper() or (
            n and toks[n][0] in ("of", "the", "for"))):
        n += 1
    while n and not toks[n - 1][0][0].isupper():
        n -= 1
    if n == 1 and toks[0][0] not in mid_sentence_words(masked):
        return None  # a capitalised opener ("Chastened, …"), not a name used elsewhere
    return Span(toks[0][1], toks[n - 1][2]) if n else None


def find_reported(doc: Document, segs: list[Segment] | None = None,
                  masked: str | None = None) -> list[Statement]:
    """Reported-speech statements of a document."""
    text = doc.text
    segs = segments(doc) if segs is None else segs
    masked = mask_quotes(text, segs) if masked is None else masked
    out: list[Statement] = []
    for para in doc.paragraphs():
        for sent in _sentences(masked, para):
            check()
            found = _in_sentence(text, masked, sent)
            out.extend(found or _headline(text, masked, sent))
    return out


_TITLE_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_HEAD_CUES = frozenset(w for w in REPORT_VERBS if w.endswith("s") or w in ("said", "told"))
_HEAD_SKIP = frozenset({"That", "For", "On"})  # "Says That …", "Calls For …", "Calls On …"
_HEAD_CUE = re.compile(r"\s(?:" + trie_pattern(frozenset(w.capitalize() for w in _HEAD_CUES))
                       + r")\b")


def _headline(text: str, masked: str, sent: Span) -> list[Statement]:
    """A title-case headline line, "Governor Says Bridge Will Reopen In May": the words
    before a capitalised cue are its source, the rest of the line (to a colon) the content."""
    if _HEAD_CUE.search(masked, sent.start, sent.end) is None:
        return []
    seg = masked[sent.start:sent.end]
    words = list(_TITLE_WORD.finditer(seg))
    caps = sum(w.group()[0].isupper() for w in words)
    if len(words) < 5 or len(words) > 24 or caps < 0.75 * len(words) or "_" in seg:
        return []
    for n, w in enumerate(words[1:-2], 1):
        if w.group().lower() not in _HEAD_CUES or not w.group()[0].isupper():
            continue
        src_start = sent.start + max(seg.rfind(":", 0, w.start()) + 1, 0)
        src = _trim_span(masked, Span(src_start, sent.start + w.start()))
        names = [x for x in _WORD.findall(masked[src.start:src.end]) if x.lower() not in _DETS]
        if not names or len(names) > 7 or any(c in masked[src.start:src.end] for c in ",;"):
            return []  # "The Claims Office Opens …": a determiner alone is no source
        k = n + 1
        while k < len(words) - 1 and words[k].group() in _HEAD_SKIP and k == n + 1:
            k += 1
        cs = sent.start + words[k].start()
        stop = re.search(r"[:;,]|$", masked[cs:sent.end])
        c = _content(text, masked, cs, cs + (stop.start() if stop else 0))
        if c is None:
            return []
        verb = Span(sent.start + w.start(), sent.start + w.end())
        return [_make(text, c, _Cue(verb, src, "trailing", src.start, cs))]
    return []

