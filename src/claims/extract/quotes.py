"""Direct quotations: pair quote marks, then keep the quoted passages somebody said.

Curly, straight, guillemet and doubled-apostrophe marks are paired within a paragraph, and
German and French typography too: „…“ and „…” (a closing mark is the one its opener asks
for), «…» and ‹…›, »…« where the document's language writes guillemets that way round and
its first guillemet is », and ‚…‘ (a single quotation, kept when it stands alone); a
quotation that runs over paragraphs (an opening mark at each, a closing one at the end)
gives one segment per paragraph. Unbalanced marks never raise. Short quoted phrases with
no speech verb in their sentence (scare quotes, titles, nicknames) are dropped.

>>> from claims.document import Document
>>> doc = Document.from_text('He said: "We will win." Fans know him as "the Rock".', id="t")
>>> [q.text for q in find_quotes(doc)]
['We will win.']
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from claims.document import Document
from claims.extract._lexicon import SPEECH_VERBS
from claims.extract.budget import check
from claims.statements import Kind, Span, Statement

_MARK = re.compile(r"“|”|«|»|„|‚|‘|``|''|\"")
_OPENERS = frozenset({"“", "«", "„", "‚", "``"})
_CLOSERS = frozenset({"”", "»"})
# what closes a quotation opened by a mark, where that is not the usual closer
_CLOSED_BY = {"„": frozenset({"“", "”"}), "‚": frozenset({"‘"})}
# languages whose printers may set guillemets pointing inwards: »Zitat«
_INWARD = frozenset({"de", "da", "cs", "sk", "hr", "sl", "hu", "sv", "fi", "pl"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENT_END = re.compile(r"[.!?]+[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_MIN_WORDS_UNCUED = 4
# speech cues of other languages, only to tell a quotation from a scare quote (no speaker
# is read from them): German "sagte", "so die Ministerin" after a quotation; French "a dit".
# A quoted phrase of one or two words stays a scare quote or a name whatever the cue.
SPEECH_CUES = {
    "de": re.compile(r"\b(?:sagt|sagte|sagten|erklärt|erklärte|erklärten|betont|betonte|meint|"
                     r"meinte|schreibt|schrieb|erzählt|erzählte|fügte|warnt|warnte|kritisiert|"
                     r"kritisierte|fordert|forderte|laut|zufolge|heißt es)\b"
                     r"|_\s*,\s*so\s+(?:der|die|das|den\s|[A-ZÄÖÜ])"),
    "fr": re.compile(r"\b(?:dit|déclaré|déclare|affirmé|affirme|ajouté|ajoute|expliqué|explique|"
                     r"souligné|souligne|estimé|estime|selon|indiqué|indique|assuré|assure)\b"),
}


@dataclass(frozen=True, slots=True)
class Segment:
    """A quoted passage: ``inner`` excludes the marks; ``outer`` includes them."""

    inner: Span
    outer: Span
    closed: bool
    continued: bool  # part of a quotation that runs on from/into another paragraph


def _is_opener(mark: str, is_open: bool) -> bool:
    if mark in _OPENERS:
        return True
    if mark in _CLOSERS:
        return False
    return not is_open  # a straight mark opens when nothing is open, else closes


def inward_guillemets(text: str, language: str | None) -> bool:
    """Whether ``»`` opens and ``«`` closes: the language prints them so (German, Danish,
    ...) and the text's first guillemet is ``»``.

    >>> inward_guillemets("Er sagte: »Ja.«", "de"), inward_guillemets("« Oui »", "fr")
    (True, False)
    """
    if not language or language.split("-")[0].lower() not in _INWARD:
        return False
    first = re.search(r"[«»]", text)
    return first is not None and first.group() == "»"


def pair_marks(text: str, para: Span, inward: bool = False) -> Iterator[tuple[int, int, int, int, bool]]:
    """Yield ``(open_start, inner_start, inner_end, close_end, closed)`` in a paragraph;
    ``inward``: guillemets point inwards (»…«).

    >>> list(pair_marks('a "b" c', Span(0, 7)))
    [(2, 3, 4, 5, True)]
    >>> list(pair_marks('a „b“ c', Span(0, 7)))
    [(2, 3, 4, 5, True)]
    """
    open_at: tuple[int, int] | None = None
    opener = ""
    for m in _MARK.finditer(text, para.start, para.end):
        mark = m.group()
        if inward and mark in "«»":
            mark = "«" if mark == "»" else "»"
        if mark == "‘" and (open_at is None or opener != "‚"):
            continue  # an English single mark: not paired here
        if mark == '"' and m.start() > 0 and text[m.start() - 1].isdigit() and open_at is None:
            continue  # inches: 6'2"
        if open_at is not None and mark in _CLOSED_BY.get(opener, ()):
            yield open_at[0], open_at[1], m.start(), m.end(), True  # „So“, ‚so‘
            open_at, opener = None, ""
            continue
        if mark == "“" and open_at is not None and _misprinted_closer(text, m.start(), m.end()):
            yield open_at[0], open_at[1], m.start(), m.end(), True  # “It is,“ said X
            open_at = None
            continue
        if open_at is not None and opener == "‚":
            continue  # only its own closing mark ends a single quotation
        if _is_opener(mark, open_at is not None):
            if open_at is not None and mark in _OPENERS:
                # a second opener: the first was never closed (or nests); keep the outer
                continue
            if open_at is None:
                open_at, opener = (m.start(), m.end()), mark
        elif open_at is not None:
            yield open_at[0], open_at[1], m.start(), m.end(), True
            open_at = None
    if open_at is not None:
        yield open_at[0], open_at[1], para.end, para.end, False


def _misprinted_closer(text: str, start: int, end: int) -> bool:
    """An opening mark printed where a closing one belongs: after a comma or sentence end
    and before a space and a lower-case word ("“It is,“ said X")."""
    return text[start - 1:start] in (",", ".", "!", "?") and \
        re.match(r"\s+[a-z]", text[end:end + 3]) is not None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def segments(doc: Document) -> list[Segment]:
    """All quoted passages of a document, paragraph by paragraph."""
    text = doc.text
    paras = doc.paragraphs()
    inward = inward_guillemets(text, doc.language)
    out: list[Segment] = []
    for i, para in enumerate(paras):
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        starts_open = _starts_with_opener(text, para)
        for o_start, i_start, i_end, c_end, closed in pair_marks(text, para, inward):
            s, e = _trim(text, i_start, i_end)
            if e <= s:
                continue
            runs_on = not closed and nxt is not None and _starts_with_opener(text, nxt)
            if not closed and not runs_on and e - s > 400:
                continue  # a stray mark swallowing a paragraph
            runs_in = (starts_open and o_start == _first_mark(text, para)
                       and _prev_open(out, paras, i))
            out.append(Segment(Span(s, e), Span(o_start, c_end), closed, runs_on or runs_in))
    return out


def _first_mark(text: str, para: Span) -> int:
    s, _ = _trim(text, para.start, para.end)
    return s


def _starts_with_opener(text: str, para: Span) -> bool:
    s, _ = _trim(text, para.start, para.end)
    return text.startswith(("“", '"', "``", "«", "''", "„", "»"), s)


def _prev_open(out: list[Segment], paras: list[Span], i: int) -> bool:
    return bool(out) and i > 0 and not out[-1].closed and paras[i - 1].contains(out[-1].inner)


_ABBR = re.compile(
    r"\b(?:Mr|Mrs|Ms|Messrs|Dr|Sens?|Reps?|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Cmdr|Prof|Rev|Hon|"
    r"Supt|Insp|Atty|Sec|Amb|Pres|Gens|Ft|Mt|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|No|vs|St)\.(?=\s|$)"
    r"|\b[A-Z]\.(?=\s*[A-Z][a-z]|[A-Z]\.)|\b[A-Z]\.(?=[A-Z]\.)")
PARTY = re.compile(r"\s*\((?:[DRI]|Dem|Rep|Ind)(?:[-–,]\s?[A-Z][\w. ]{0,20})?\)")
ABBR_DOT = "\u00b7"  # stands for an abbreviation's full stop in the masked text


def mask_quotes(text: str, segs: list[Segment]) -> str:
    """The text with every quoted passage (marks included) replaced by ``_``, same length;
    a sentence-ending mark at the end of a quotation is kept so that sentences still split.
    Full stops of titles and initials ("Mr.", "G.K.") become ``·`` so that they split no
    sentence, and party tags ("(D-Wis.)") become spaces.

    >>> mask_quotes('a "bc" d', [Segment(Span(3, 5), Span(2, 6), True, False)])
    'a ____ d'
    >>> mask_quotes("Mr. J. Doe (D-Ohio) said.", [])
    'Mr· J· Doe          said.'
    """
    chars = list(text)
    for seg in segs:
        keep = seg.inner.end - 1 if text[seg.inner.end - 1:seg.inner.end] in ("." "!?") else -1
        for k in range(seg.outer.start, min(seg.outer.end, len(chars))):
            if chars[k] != "\n" and k != keep and not (k >= seg.inner.end and keep >= 0):
                chars[k] = "_"
    if "." in text:
        for m in _ABBR.finditer(text):
            if chars[m.end() - 1] == ".":
                chars[m.end() - 1] = ABBR_DOT
    if "(" in text:
        for m in PARTY.finditer(text):
            for k in range(m.start(), m.end()):
                if chars[k] != "_":
                    chars[k] = " "
    return "".join(chars)


class _PerText(threading.local):
    """Results about one masked text (the latest this thread saw), by key: computed once
    each, so that work per quote in a paragraph of thousands stays constant."""

    def __init__(self) -> None:
        self.text: str | None = None
        self.found: dict[tuple[object, ...], Any] = {}

    def get(self, masked: str, key: tuple[object, ...], compute: Callable[[], Any]) -> Any:
        if masked is not self.text:
            self.text, self.found = masked, {}
        if key not in self.found:
            self.found[key] = compute()
        return self.found[key]


_PER_TEXT = _PerText()


def _sentence_ends(masked: str, start: int, end: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where each sentence of ``masked[start:end]`` ends (its last mark) and the next begins."""
    def compute() -> tuple[tuple[int, ...], tuple[int, ...]]:
        found = list(_SENT_END.finditer(masked, start, end))
        return tuple(m.end() for m in found), tuple(m.start() for m in found)
    ends: tuple[tuple[int, ...], tuple[int, ...]] = _PER_TEXT.get(masked, ("ends", start, end), compute)
    return ends


def sentence_of(masked: str, para: Span, pos: int) -> Span:
    """The sentence (in the quote-masked text) of a paragraph that holds ``pos``."""
    ends, marks = _sentence_ends(masked, para.start, para.end)
    k = bisect_right(ends, pos)  # the first sentence boundary after pos
    start = ends[k - 1] if k > 0 else para.start
    return Span(start, marks[k] + 1) if k < len(ends) else Span(start, para.end)


def has_speech_verb(masked: str, span: Span) -> bool:
    """Whether the words of ``masked[span]`` include a speech verb (quotes masked out)."""
    found: bool = _PER_TEXT.get(masked, ("verb", span.start, span.end),
                                lambda: _has_speech_verb(masked[span.start:span.end]))
    return found


def _has_speech_verb(seg: str) -> bool:
    if "according to" in seg.lower():
        return True
    return any(w.group().lower() in SPEECH_VERBS for w in _WORD.finditer(seg))


def _is_partial(text: str, para: Span, seg: Segment) -> bool:
    k = seg.outer.start - 1
    while k >= para.start and text[k] in " \t":
        k -= 1
    if k < para.start:
        return False
    return text[k].isalnum() or text[k] in "’'-"


def find_quotes(doc: Document, segs: list[Segment] | None = None,
                masked: str | None = None) -> list[Statement]:
    """Quotation statements, speaker still unresolved (see :mod:`claims.extract.attribute`)."""
    text = doc.text
    segs = segments(doc) if segs is None else segs
    masked = mask_quotes(text, segs) if masked is None else masked
    paras = doc.paragraphs()
    out: list[Statement] = []
    pi = 0
    skip = transcript_segments(text, segs)
    foreign = SPEECH_CUES.get((doc.language or "").split("-")[0].lower())
    for k, seg in enumerate(segs):
        check()
        if k in skip:
            continue
        while pi < len(paras) - 1 and paras[pi].end < seg.inner.start:
            pi += 1
        para = paras[pi]
        quoted = text[seg.inner.start:seg.inner.end]
        words = len(_WORD.findall(quoted))
        if words == 0:
            continue
        sent = sentence_of(masked, para, seg.outer.start)
        cued = has_speech_verb(masked, sent) or _colon_before(text, para, seg) or (
            foreign is not None and words >= 3 and foreign.search(masked, sent.start, sent.end) is not None)
        partial = _is_partial(text, para, seg)
        if not cued and not seg.continued and (
                words < _MIN_WORDS_UNCUED or (partial and words < 8) or _title_like(quoted)):
            continue
        if words <= 8 and _named_thing(text, para, seg, quoted):
            continue  # a title or nickname next to a speech verb: CNN's "State of the Union"
        if seg.outer.start > 0 and text[seg.outer.start - 1] == "=":
            continue  # a markup attribute value: <tweet author="…">
        conf = 0.9 if cued else 0.6
        if not seg.closed and not seg.continued:
            conf -= 0.3
        out.append(Statement(Kind.QUOTATION, quoted, seg.inner, confidence=round(conf, 2),
                             partial=partial))
    return out


_TURN = re.compile(r"(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}:\s|\([A-Z ]{3,}\.?\)\.?$)")


def transcript_segments(text: str, segs: list[Segment]) -> set[int]:
    """Indices of segments in a quoted transcript: a run of paragraphs each opening with a
    quote mark (no closing one) in which some paragraph starts with a speaker label in
    capitals ("WALLACE: …") or is a stage direction ("(CROSSTALK.)"). Its turns are not
    quotations of anyone: the marks wrap the transcript, not one speaker's words.

    >>> t = '"WALLACE: Will she come?\\n\\n"PENCE: No.\\n\\n"Thanks."'
    >>> from claims.document import Document
    >>> sorted(transcript_segments(t, segments(Document.from_text(t, id="t"))))
    [0, 1, 2]
    """
    out: set[int] = set()
    run: list[int] = []
    turns = False
    for k, seg in enumerate(segs):
        if not (seg.continued and run and not segs[run[-1]].closed):
            if turns and len(run) > 1:
                out.update(run)
            run, turns = [], False
        if seg.continued:
            run.append(k)
            turns = turns or _TURN.match(text[seg.inner.start:seg.inner.end]) is not None
    if turns and len(run) > 1:
        out.update(run)
    return out


def _colon_before(text: str, para: Span, seg: Segment) -> bool:
    k = seg.outer.start - 1
    while k >= para.start and text[k].isspace():
        k -= 1
    return k >= para.start and text[k] in ":—–"


def _title_like(quoted: str, inner_punct: bool = False) -> bool:
    """All words capitalised (small words aside), at most eight; a final full stop or
    comma is allowed only when ``inner_punct`` (US style puts it inside the marks)."""
    words = _WORD.findall(quoted)
    small = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "with", "at", "is"}
    ends = (".", "!", "?", ",") if not inner_punct else ("!", "?", ".,", "..")
    if inner_punct and re.search(r"[.!?]\s+\S", quoted.strip()):
        return False  # two sentences
    return bool(words) and len(words) <= 8 and words[0][0].isupper() and all(
        w[0].isupper() or w in small for w in words) and not quoted.rstrip().endswith(ends)


_TITLE_CUE = re.compile(r"(?:[’']s|\b(?:titled|entitled|called|dubbed|named|known as|episode of|"
                        r"show|program|programme|book|column|commentary|film|song|anthem|"
                        r"op-ed|headline|slogan|rule|on|of|the|an?|in|during|his|her|its|"
                        r"their))\s*,?\s*$", re.I)
# naming words after which a short quoted phrase names something whatever its case
_NAMING = re.compile(r"\b(?:known as|dubbed|titled|entitled|nicknamed|so-called|"
                     r"labell?ed as)(?:\s+(?:the|a|an))?\s*,?\s*$", re.I)


def _named_thing(text: str, para: Span, seg: Segment, quoted: str) -> bool:
    """A Title-Case quoted name after a possessive or a naming word ("MSNBC's "Morning
    Joe"", "titled "Arrogant"", "the ''Buffett rule''"), or a nickname between names
    (Robert C. "Bobby" Scott)."""
    before = text[max(para.start, seg.outer.start - 30):seg.outer.start]
    if len(_WORD.findall(quoted)) <= 4 and _NAMING.search(before):
        return True
    if not _title_like(quoted, inner_punct=True):
        return False
    after = text[seg.outer.end:seg.outer.end + 3]
    if len(_WORD.findall(quoted)) == 1 and re.search(r"[A-Z][\w.]*\s$", before) and \
            re.match(r"\s[A-Z]", after):
        return True
    return _TITLE_CUE.search(before) is not None
