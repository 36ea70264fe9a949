"""Do two quotations report the same utterance, and in the same words?

:func:`compare` aligns the two folded token sequences (:mod:`claims.track.wording`) word by
word (``difflib``'s longest-matching-block alignment) and reads every difference:

- at the edges, a side that runs on is a **truncation** (the other quoted less of it);
- inside, words opposite an ellipsis, an unmarked run of four or more words, a repeated
  run (a stutter: "if she gets to pick, if she gets to pick") or a filler ("I mean") were
  **cut**; a bracketed insertion stands for the words opposite it; a one-letter typo, a
  US/UK spelling or a function-word variant ("though"/"although") is **cosmetic**;
- anything else is **material**: a content word replaced, one to three words dropped or
  added, a number changed, a negation added or removed, words moved.

Two quotations are the same utterance when they share enough of the shorter one's words,
in order, around a run of at least four (:func:`compare` documents the thresholds); a
material difference then makes the later one a **misquote**, kept as :class:`Change` data
(what was replaced by what). The same speaker's other remarks share words but not a long
ordered run; another person's stock phrase is short, so a short match between two
different named speakers stays apart.

>>> compare("We're going to build a wall.", "we’re going to build a WALL").relation
'cosmetic'
>>> c = compare("Presidents can't say anything, because it has consequences here and around the world.",
...             "presidents can't say anything, because it has consequences around the world")
>>> c.label, [(x.kind, x.a, x.b) for x in c.changes if x.material]
('misquote', [('dropped', ('here', 'and'), ())])
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal

from rapidfuzz.distance import LCSseq

from claims.track.wording import GAP, WILD, expanded, tokens, words

Label = Literal["same", "misquote", "different"]
Relation = Literal["exact", "cosmetic", "truncated", "cut", "misquote", "different"]

MIN_WORDS = 3  # a quotation of fewer words ("no", "top secret") is matched with nothing
MIN_RUN = 4  # the longest shared run of words that makes two quotations candidates
MIN_SHARE = 0.6  # share of the shorter quotation's words aligned (or cosmetically varied)
SHORT = 8  # a match this short between two differently named speakers is a stock phrase
MAX_CHANGES = 2  # a misquote alters the wording in at most this many places (else: another line)
MIN_MISQUOTE = 6  # words a misquote shares with what it alters, at least
OTHER_SPEAKER = 12  # words two differently named speakers' quotations must share
UNMARKED_CUT = 4  # an inner run of this many words missing without "..." is a cut

TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "governor",
                    "president", "secretary", "gen", "general", "sir", "lord", "prof", "rev",
                    "mayor", "judge", "former", "vice"})
NEGATIONS = frozenset({"not", "no", "never", "nothing", "nobody", "none", "neither", "nor",
                       "without"})
FILLERS = frozenset({"i", "mean", "you", "know", "uh", "um", "er", "well", "folks", "look",
                     "oh", "like", "okay", "ok"})
FILLER_RUNS = frozenset({("i", "mean"), ("you", "know"), ("uh",), ("um",), ("er",), ("folks",),
                         ("well",), ("look",), ("oh",), ("okay",), ("ok",)})
QUALIFIERS = frozenset({"only", "almost", "probably", "most", "some", "many", "never", "not", "no",
                        "nearly", "all", "every", "always", "very", "really", "perhaps", "maybe",
                        "possibly", "few", "more", "less", "least", "likely", "definitely",
                        "certainly", "even", "still", "already", "ever"})
DETERMINERS = frozenset({"the", "this", "that", "these", "those", "our"})  # "a" -> "the" is not one
CONNECTIVES = frozenset({"because", "but", "and", "so", "then", "now"})  # joining clauses
LIGHT = frozenset({"that", "the", "a", "an", "and", "so", "but", "well", "oh", "now", "then",
                   "uh", "um"})
VARIANTS = {"although": "though", "everyone": "everybody", "someone": "somebody",
            "anyone": "anybody", "no-one": "nobody", "toward": "towards", "till": "until",
            "ok": "okay", "gonna": "going", "wanna": "want", "amongst": "among",
            "whilst": "while", "mum": "mom", "grey": "gray", "sceptic": "skeptic",
            "sceptical": "skeptical", "cheque": "check", "tyre": "tire", "mould": "mold",
            "aluminium": "aluminum", "plough": "plow", "pyjamas": "pajamas",
            "learnt": "learned", "spelt": "spelled"}
_UK_US = (("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ise", "ize"),
          ("ises", "izes"), ("yse", "yze"), ("ysed", "yzed"), ("our", "or"), ("ours", "ors"),
          ("oured", "ored"), ("ouring", "oring"), ("tre", "ter"), ("tres", "ters"),
          ("ence", "ense"), ("ogue", "og"), ("elled", "eled"), ("elling", "eling"),
          ("ellor", "elor"), ("amme", "am"))


@dataclass(frozen=True, slots=True)
class Change:
    """One word-level difference between ``a`` and ``b`` (the words of each side).

    ``kind``: ``truncated`` (one side runs on at an edge), ``cut``, ``bracket``,
    ``cosmetic`` (typo, spelling, function-word variant, filler, stutter), or the material
    ``replaced``, ``dropped`` (in ``a`` only), ``added`` (in ``b`` only), ``moved``.
    """

    kind: str
    a: tuple[str, ...]
    b: tuple[str, ...]

    @property
    def material(self) -> bool:
        return self.kind in ("replaced", "dropped", "added", "moved")


@dataclass(frozen=True, slots=True)
class Comparison:
    """How quotation ``b`` relates to quotation ``a``.

    ``label``: ``same`` / ``misquote`` / ``different``; ``relation`` the finer kind
    (``exact``, ``cosmetic``, ``truncated``, ``cut``, ``misquote``, ``different``);
    ``confidence`` in [0, 1]; ``changes`` the word-level differences, in order; ``shared``
    the words aligned; ``shorter`` the words of the shorter side.
    """

    label: Label
    relation: Relation
    confidence: float
    changes: tuple[Change, ...] = ()
    shared: int = 0
    shorter: int = 0

    @property
    def material(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.material)


@lru_cache(maxsize=65536)
def canon(word: str) -> str:
    """The word with US/UK spelling and function-word variants folded.

    >>> canon("colour"), canon("organised"), canon("although"), canon("four")
    ('color', 'organized', 'though', 'four')
    """
    if word in VARIANTS:
        return VARIANTS[word]
    if word.endswith("s's"):
        return word[:-2]
    if len(word) >= 6:
        for uk, us in _UK_US:
            if word.endswith(uk) and len(word) - len(uk) >= 3:
                return word[: -len(uk)] + us
    return word


def _typo(x: str, y: str) -> bool:
    """One insertion, deletion, substitution or transposition of a letter, in a word of at
    least four letters that is no number and no negation."""
    if x == y:
        return True
    if min(len(x), len(y)) < 4 or x[0].isdigit() or y[0].isdigit():
        return False
    if y.endswith("n't") or x.endswith("n't"):
        return False
    if abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        diff = [i for i in range(len(x)) if x[i] != y[i]]
        if len(diff) == 1:
            return True
        return (len(diff) == 2 and diff[1] == diff[0] + 1
                and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]])
    longer, shorter = (x, y) if len(x) > len(y) else (y, x)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def _repeated(run: tuple[str, ...], side: tuple[str, ...], at: int) -> bool:
    """The run (at ``at`` in ``side``) repeats words said just before or after it."""
    n = len(run)
    if n < 2 or set(run) & NEGATIONS or any(w[0].isdigit() for w in run):
        return False
    window = side[max(0, at - n - 8): at] + side[at + n: at + 2 * n + 8]
    return any(window[i:i + n] == run for i in range(len(window) - n + 1))


def _one_sided(kind: str, run: tuple[str, ...], side: tuple[str, ...], at: int,
               other_gap: bool) -> Change:
    a, b = (run, ()) if kind == "dropped" else ((), run)
    words = tuple(w for w in run if w not in (GAP, WILD))
    if other_gap or not words or GAP in run:
        return Change("cut" if words else "bracket" if WILD in run else "cut", a, b)
    if len(words) >= UNMARKED_CUT:
        return Change("cut", a, b)
    if words in FILLER_RUNS or all(w in LIGHT for w in words) or _repeated(run, side, at) \
            or (len(words) == 1 and words[0] in CONNECTIVES):
        return Change("cosmetic", a, b)
    return Change(kind, a, b)


def _edge(xa: tuple[str, ...], xb: tuple[str, ...], *, leading: bool) -> list[Change] | None:
    """An edge where one side has a word or two and the other runs on: the side that runs on
    was truncated, the words opposite (the first after the match, or the last before it)
    replaced — unless the short side is only a conjunction the outlet put before its cut ("But
    presidents can't ..."), which is part of the truncation. None: neither."""
    short, long_ = (xa, xb) if len(xa) < len(xb) else (xb, xa)
    if not 1 <= len(short) <= 2 < len(long_) or GAP in short or WILD in short:
        return None
    if leading and all(w in CONNECTIVES for w in short):
        return [Change("truncated", xa, xb)]
    k = len(short)
    if leading:
        pa, pb = xa[-k:], xb[-k:]
        run = (xa[:-k], ()) if len(xa) > k else ((), xb[:-k])
    else:
        pa, pb = xa[:k], xb[:k]
        run = (xa[k:], ()) if len(xa) > k else ((), xb[k:])
    changed = _replaced(pa, pb)
    if not changed.material:
        return None  # a look-alike word where the quotations part: no typo to forgive there
    return [Change("truncated", *run), changed] if leading else [changed, Change("truncated", *run)]


def _replaced(xa: tuple[str, ...], xb: tuple[str, ...]) -> Change:
    wa = tuple(w for w in xa if w not in (GAP, WILD))
    wb = tuple(w for w in xb if w not in (GAP, WILD))
    if (GAP in xa and not wa) or (GAP in xb and not wb):
        return Change("cut", xa, xb)
    if (WILD in xa and len(wb) <= 3 and len(wa) <= 1) or (WILD in xb and len(wa) <= 3 and len(wb) <= 1):
        return Change("bracket", xa, xb)
    if len(wa) == len(wb) == 1 and wa[0] in DETERMINERS and wb[0] in DETERMINERS:
        return Change("cosmetic", xa, xb)  # a function-word variant: "our country", "this country"
    if "".join(wa) == "".join(wb) or (
            len(wa) == len(wb) and all(_typo(x, y) for x, y in zip(wa, wb, strict=True))):
        return Change("cosmetic", xa, xb)
    return Change("replaced", xa, xb)


@lru_cache(maxsize=16384)
def _name(who: str | None) -> tuple[str, ...] | None:
    """The folded name parts of a speaker (titles dropped); None for a pronoun, a
    description or nothing."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", who or "") if not unicodedata.combining(c))
    parts = tuple(p for p in tokens(plain) if p.isalpha() and len(p) > 1 and p not in TITLES)
    if not parts or not (who or "")[:1].isupper():
        return None
    return parts


def surname(who: str | None) -> str | None:
    """The folded surname of a named speaker (what the candidate index orders by).

    >>> surname("Sen. Bernie Sanders"), surname("she")
    ('sanders', None)
    """
    name = _name(who)
    return name[-1] if name else None


def _same_speaker(a: str | None, b: str | None) -> bool | None:
    """True/False when both are names that agree/differ; None when either is unknown."""
    name_a, name_b = _name(a), _name(b)
    if name_a is None or name_b is None:
        return None
    (*first_a, last_a), (*first_b, last_b) = name_a, name_b
    if last_a != last_b:
        return False
    # Anna Wang is not Sara Wang
    return not (first_a and first_b and first_a[0] != first_b[0])


def compare(a: str, b: str, speaker_a: str | None = None,
            speaker_b: str | None = None) -> Comparison:
    """How quotation ``b`` relates to quotation ``a`` (both as quoted, without their marks).

    Same utterance when the shorter side's words are at least :data:`MIN_SHARE` aligned or
    cosmetically varied, around a shared run of :data:`MIN_RUN` words (all of them if
    shorter), the differences at the edges are truncations or at most two words, and, for
    two differently named speakers, the match is longer than :data:`SHORT` words.
    """
    ta, tb = tokens(a), tokens(b)
    if min(len(words(ta)), len(words(tb))) < MIN_WORDS:
        return Comparison("different", "different", 1.0, (), 0, 0)  # too short to tell
    if ta == tb and (len(words(ta)) >= OTHER_SPEAKER or _same_speaker(speaker_a, speaker_b) is not False):
        exact = a.strip(" \t\n.,;:!?\"'") == b.strip(" \t\n.,;:!?\"'")
        return Comparison("same", "exact" if exact else "cosmetic", 1.0, (), len(ta), len(ta))
    ta, tb = expanded(ta), expanded(tb)
    ca, cb = [canon(t) for t in ta], [canon(t) for t in tb]
    same_person = _same_speaker(speaker_a, speaker_b)
    if same_person is False and LCSseq.similarity(ca, cb) < OTHER_SPEAKER:
        # two named people cannot share enough words in order: no alignment needed (the
        # longest common subsequence bounds the words any alignment shares)
        return Comparison("different", "different", 1.0, (), 0, min(len(ca), len(cb)))
    matcher = SequenceMatcher(None, ca, cb, autojunk=False)
    ops = matcher.get_opcodes()
    equal = [i for i, op in enumerate(ops) if op[0] == "equal"]
    na = sum(1 for t in ta if t not in (GAP, WILD))
    nb = sum(1 for t in tb if t not in (GAP, WILD))
    short = min(na, nb)
    if not equal or short == 0:
        return Comparison("different", "different", 1.0, (), 0, short)
    longest = max(ops[i][2] - ops[i][1] for i in equal)
    changes: list[Change] = []
    shared = covered = 0
    edges = 0  # words replaced at an edge (the quotations part ways there)
    for i, (op, i1, i2, j1, j2) in enumerate(ops):
        xa, xb = ta[i1:i2], tb[j1:j2]
        if op == "equal":
            shared += i2 - i1
            changes += [Change("cosmetic", (x,), (y,)) for x, y in zip(xa, xb, strict=True) if x != y]
            continue
        inner = equal[0] < i < equal[-1]
        if not inner:
            run = xa or xb
            if op in ("delete", "insert") or not words(xa) or not words(xb):
                if len(words(run)) == 1 and words(run)[0] in QUALIFIERS and op != "replace":
                    changes.append(Change("dropped" if xa else "added", xa, xb))
                else:
                    changes.append(Change("truncated", xa, xb))
                continue
            change = _replaced(xa, xb)
            if change.material:
                edge = _edge(xa, xb, leading=i < equal[0])
                if edge is not None:
                    changes += edge
                    edges += 1  # the quotations part ways here (a long match only, below)
                    continue
                # the quotations part ways here: a changed word or two at the end of a long
                # match is a misquote, anything more another utterance
                edges += max(len(xa), len(xb)) if max(len(xa), len(xb)) > 2 else 1
            else:
                covered += min(len(xa), len(xb))
            changes.append(change)
            continue
        if op == "delete":
            changes.append(_one_sided("dropped", xa, ta, i1, GAP in tb[max(0, j1 - 1):j1 + 1]))
        elif op == "insert":
            changes.append(_one_sided("added", xb, tb, j1, GAP in ta[max(0, i1 - 1):i1 + 1]))
        else:
            change = _replaced(xa, xb)
            if not change.material:
                covered += min(len(xa), len(xb))
            elif max(len(xa), len(xb)) > 3:
                edges += 3  # a word or two against a long run: the words are scattered
            changes.append(change)
    changes = _moves(changes)
    covered += sum(len(words(c.a)) for c in changes if c.kind == "moved")
    # words of each side inside the aligned span (what runs on past an edge is truncated)
    first, last = ops[equal[0]], ops[equal[-1]]
    inside = min(sum(1 for t in ta[first[1]:last[2]] if t not in (GAP, WILD)),
                 sum(1 for t in tb[first[3]:last[4]] if t not in (GAP, WILD)))
    runs_on = {"a" if c.a else "b" for c in changes if c.kind == "truncated" and bool(c.a) != bool(c.b)}
    overlap = len(runs_on) == 2
    share = (shared + covered) / max(1, inside if overlap else short)
    need = min(MIN_RUN, short)
    if longest < need or share < MIN_SHARE or (edges and shared < SHORT) or edges > 2 \
            or (same_person is False and shared < OTHER_SPEAKER) or (overlap and shared < SHORT):
        return Comparison("different", "different", round(1.0 - share / 2, 3), tuple(changes),
                          shared, short)
    confidence = min(1.0, 0.5 + share / 2) * (0.9 if same_person is None else 1.0)
    material = [c for c in changes if c.material]
    if material:
        altered = sum(max(len(words(c.a)), len(words(c.b))) for c in material if c.kind != "moved")
        if short < SHORT or shared < MIN_MISQUOTE or len(material) > MAX_CHANGES \
                or altered > max(2, short // 4):
            return Comparison("different", "different", round(1.0 - share / 2, 3),
                              tuple(changes), shared, short)
        return Comparison("misquote", "misquote", round(confidence * 0.9, 3), tuple(changes),
                          shared, short)
    kinds = {c.kind for c in changes}
    relation: Relation = "cut" if "cut" in kinds or "bracket" in kinds else \
        "truncated" if "truncated" in kinds else "cosmetic"
    return Comparison("same", relation, round(confidence, 3), tuple(changes), shared, short)


# what reporting a quotation in the third person and past tense changes: person and tense
BACKSHIFT = frozenset({"i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "her",
                       "them", "my", "our", "your", "his", "its", "their", "mine", "ours",
                       "am", "is", "are", "was", "were", "will", "would", "shall", "should",
                       "can", "could", "may", "might", "have", "has", "had", "do", "does", "did",
                       "this", "that", "these", "those", "here", "there", "now", "then"})


def carries(found: Comparison) -> bool:
    """Whether reported speech carries a quotation's words: the same words, or changed only in
    person and tense as reporting changes them ("we are going to" -> "they were going to").

    >>> carries(compare("We are going to rebuild every bridge in this state",
    ...                 "they were going to rebuild every bridge in this state"))
    True
    >>> carries(compare("We are going to rebuild every bridge in this state",
    ...                 "they were going to rebuild every road in this state"))
    False
    """
    if found.label == "same":
        return True
    return found.label == "misquote" and all(
        c.kind == "replaced" and set(c.a) | set(c.b) <= BACKSHIFT for c in found.material)


def _moves(changes: list[Change]) -> list[Change]:
    """Words missing in one place and found in another are words moved (a reordering):
    the same words, or for a clause (three words or more) nearly the same."""
    def alike(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
        if sorted(x) == sorted(y):
            return True
        if min(len(x), len(y)) < 3:
            return False
        common = sum((Counter(x) & Counter(y)).values())
        return common >= 0.8 * max(len(x), len(y))

    out = list(changes)
    for d in changes:
        if not d.a or d.b or d.kind == "bracket":
            continue
        for a in changes:
            if a.b and not a.a and a.kind != "bracket" and a in out and d in out \
                    and alike(words(d.a), words(a.b)):
                out[out.index(d)] = Change("moved", d.a, a.b)
                out.remove(a)
                break
    return out
