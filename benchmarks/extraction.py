"""Score the extractor on the development data in ../shared/eval and print one table.

Scoring follows ../shared/eval/README.md: whole PolNeAR articles are extracted; a predicted
quotation matches a gold quote segment when their overlap is at least half of the longer
(one-to-one, greedy); a speaker is right when the predicted name's tokens (titles removed)
all appear in the gold speaker span, or, for a pronoun, in ``speaker_coref_auto`` (only
where ``speaker_auto_agree``). Reported speech: recall over ``indirect`` attributions whose
cue holds a speech verb; precision over predictions matching any gold attribution's
content. Figures: NewsQuant values (ranges need both bounds), years and dates excluded
because NewsQuant does not annotate them. Run: ``.venv/bin/python benchmarks/extraction.py``;
``--model spacy`` scores the optional spaCy variant (the ``claims[spacy]`` extra).

Which predicted string is "the predicted name"?  The ``claims extract --format jsonl``
contract gives two: ``speaker`` (the canonical name, e.g. "Barack Obama", which may add
words the article never wrote) and ``speaker_mention`` (the words naming the speaker at
this statement, e.g. "Mr. Obama" or "he").  The gold Source is a span of the article, so
the comparable prediction is the name *as written at this statement*: the mention, minus
titles and roles, when the mention is a name or a description; when the mention is a
pronoun, or there is none (a quote continuing the previous paragraph's speaker), the
``Speaker.antecedent``: the name as the article wrote it where it last named the person
the pronoun was resolved to ("he" -> "Mr. Obama"), else the resolved ``speaker`` name.
All come from the extractor's output; nothing reads the gold span to choose.  The canonical
``speaker`` field scored by the same rule is printed on its own row for transparency: it
fails by design wherever the article writes a surname and the registry knows the full
name ("Trump" vs "Donald Trump"), so it measures canonicalisation, not attribution.

Speed is steady-state throughput: one tiny document is extracted before timing, so the
one-off import and regex compilation (about 0.4 s) is not charged to the first article.

The speech-verb list that selects the reported-speech gold is frozen here (a copy of the
lexicon as of the first benchmark), so that widening the extractor's lexicon cannot move
the gold set.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from claims.document import Document
from claims.extract import extract
from claims.extract._lexicon import PRONOUNS, TITLES
from claims.statements import Kind, Speaker, Statement

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
_TOK = re.compile(r"[\w]+")
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "miss"})
_GOLD_CUE_TEXT = """say tell add note announce claim warn argue write report explain insist state
declare acknowledge suggest tweet respond reply recall deny admit assert contend comment remark
concede confirm predict promise pledge vow urge ask stress emphasize emphasise complain caution
charge allege maintain observe point praise criticize criticise describe call answer estimate
testify signal reiterate counter quip joke muse boast lament"""
_GOLD_CUE_LEMMAS = _GOLD_CUE_TEXT.split()
_GOLD_IRREGULAR = {"say": "said", "tell": "told", "write": "wrote written", "testify":
                   "testified testifies", "reply": "replied replies", "deny": "denied denies",
                   "quip": "quipped quipping", "admit": "admitted admitting"}


def _gold_forms(lemma: str) -> set[str]:
    if lemma.endswith("e"):
        out = {lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith(("sh", "ch", "ss")):
        out = {lemma, lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        out = {lemma, lemma + "s", lemma + "ed", lemma + "ing"}
    return out | set(_GOLD_IRREGULAR.get(lemma, "").split())


GOLD_SPEECH_VERBS = frozenset(f for lem in _GOLD_CUE_LEMMAS for f in _gold_forms(lem))


def _is_title(t: str) -> bool:
    return t.lower() in TITLES or t.lower() + "." in TITLES


def _tokens(s: str | None) -> set[str]:
    """Lower-cased name tokens without titles.  A title word right after a name or an
    honorific is a surname ("Charlie King", "Mr. King") and is kept."""
    toks = _TOK.findall((s or "").replace("’s", "").replace("'s", ""))
    out = set()
    for i, t in enumerate(toks):
        prev = toks[i - 1] if i else ""
        surname = t[:1].isupper() and (prev.lower() in _HONORIFICS or (
            prev[:1].isupper() and not _is_title(prev)))
        if surname or not _is_title(t):
            out.add(t.lower())
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter >= 0.5 * max(a[1] - a[0], b[1] - b[0])


def _match(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> dict[int, int]:
    """Greedy one-to-one matching, pred index -> gold index."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if j not in used and _overlap(p, g):
                pairs[i] = j
                used.add(j)
                break
    return pairs


def _prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _is_speech_cue(cue: str | None) -> bool:
    low = (cue or "").lower()
    return "according to" in low or any(w in GOLD_SPEECH_VERBS for w in _TOK.findall(low))


def score_polnear(articles: list[dict[str, Any]], model: str = "rules") -> dict[str, float]:
    counts = dict.fromkeys(["qp", "qtp", "qg", "qgt", "named", "named_ok", "named_ok_c",
                            "pron", "pron_ok", "rp", "rtp", "rg", "rgt"], 0)
    seconds = 0.0
    extract(Document.from_text('"Warm up," she said.', id="warm-up"), model=model)  # imports
    for art in articles:
        text = art["text"]
        doc = Document.from_text(text, id=art["id"])
        t0 = time.process_time()
        sts = extract(doc, model=model)
        seconds += time.process_time() - t0
        assert all(text[s.span.start:s.span.end] == s.text for s in sts)
        _score_quotes(art, [s for s in sts if s.kind is Kind.QUOTATION], counts)
        _score_reported(art, [s for s in sts if s.kind is Kind.REPORTED_SPEECH], counts)
    qp, qr, qf = _prf(counts["qtp"], counts["qp"], counts["qgt"], counts["qg"])
    rp, rr, rf = _prf(counts["rtp"], counts["rp"], counts["rgt"], counts["rg"])
    return {"quote_p": qp, "quote_r": qr, "quote_f1": qf,
            "named": counts["named_ok"] / max(1, counts["named"]),
            "named_canonical": counts["named_ok_c"] / max(1, counts["named"]),
            "n_named": counts["named"],
            "pronoun": counts["pron_ok"] / max(1, counts["pron"]), "n_pronoun": counts["pron"],
            "rep_p": rp, "rep_r": rr, "rep_f1": rf,
            "articles_per_s": len(articles) / seconds if seconds else 0.0}


def _score_quotes(art: dict[str, Any], quotes: list[Statement], c: dict[str, int]) -> None:
    gold = [(seg[0], seg[1], at) for at in art["attributions"] for seg in at["quote_segments"]]
    pairs = _match([(q.span.start, q.span.end) for q in quotes], [(g[0], g[1]) for g in gold])
    c["qp"] += len(quotes)
    c["qtp"] += len(pairs)
    c["qg"] += len(gold)
    c["qgt"] += len(pairs)
    for i, j in pairs.items():
        at = gold[j][2]
        sp = quotes[i].speaker
        name = _tokens(predicted_name(sp))
        if at["speaker_is_pronoun"]:
            if at.get("speaker_auto_agree"):
                c["pron"] += 1
                c["pron_ok"] += bool(name) and name <= _tokens(at.get("speaker_coref_auto"))
        elif at.get("speaker"):
            gold_toks = _tokens(at["speaker"])
            c["named"] += 1
            c["named_ok"] += bool(name) and name <= gold_toks
            canon = _tokens(sp.name) if sp else set()
            c["named_ok_c"] += bool(canon) and canon <= gold_toks


def predicted_name(sp: Speaker | None) -> str | None:
    """The name as written at this statement (see the module docstring)."""
    if sp is None:
        return None
    if sp.mention and sp.mention.strip().lower() not in PRONOUNS:
        return sp.mention
    return sp.antecedent or sp.name


def _content_span(at: dict[str, Any]) -> tuple[int, int]:
    spans = at["content_spans"]
    return min(s[0] for s in spans), max(s[1] for s in spans)


def _score_reported(art: dict[str, Any], rep: list[Statement], c: dict[str, int]) -> None:
    pred = [(s.span.start, s.span.end) for s in rep]
    every = [_content_span(at) for at in art["attributions"] if at["content_spans"]]
    gold = [_content_span(at) for at in art["attributions"] if at["kind"] == "indirect"
            and at["content_spans"] and _is_speech_cue(at.get("cue"))]
    c["rp"] += len(pred)
    c["rtp"] += len(_match(pred, every))
    c["rg"] += len(gold)
    c["rgt"] += len(_match(gold, pred))


def _gold_value(v: str) -> tuple[float, float | None] | None:
    m = re.fullmatch(r"(-?[\d.]+)(?:-(-?[\d.]+))?", v.strip())
    if not m:
        return None
    try:
        return float(m.group(1)), (float(m.group(2)) if m.group(2) else None)
    except ValueError:
        return None


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b))


def score_newsquant(rows: Iterable[dict[str, Any]], model: str = "rules") -> dict[str, float]:
    n_pred = n_gold = tp = 0
    for row in rows:
        doc = Document.from_text(row["text"], id=row["id"])
        preds = [s.quantity for s in extract(doc, model=model) if s.kind is Kind.FIGURE and s.quantity
                 and s.quantity.kind not in ("year", "date") and s.quantity.value is not None]
        golds = [g for g in (_gold_value(q["value"]) for q in row["quantities"]) if g]
        n_pred += len(preds)
        n_gold += len(golds)
        used: set[int] = set()
        for q in preds:
            for j, (lo, hi) in enumerate(golds):
                if j in used or not _close(q.value, lo):
                    continue
                if hi is not None and not _close(q.upper, hi):
                    continue
                used.add(j)
                tp += 1
                break
    p, r, f = _prf(tp, n_pred, tp, n_gold)
    return {"fig_p": p, "fig_r": r, "fig_f1": f, "n_fig": n_gold}


def _load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", choices=("rules", "spacy"), default="rules",
                    help="extractor: the default rules, or rules + spaCy parse (claims[spacy])")
    model = ap.parse_args(argv).model
    if model == "spacy":
        from claims.extract._spacy import INSTALL_HINT, available

        if not available():
            print(f"skipped: the spaCy extra is not installed ({INSTALL_HINT})")
            return 0
    arts_path = EVAL / "polnear_dev" / "polnear_dev_articles.jsonl"
    nq_path = EVAL / "newsquant_dev.jsonl"
    if not arts_path.is_file() or not nq_path.is_file():
        print(f"skipped: {EVAL} is absent")
        return 0
    pol = score_polnear(_load(arts_path), model)
    fig = score_newsquant(_load(nq_path), model)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [
        ("quotations precision", pol["quote_p"], ">= 0.95"),
        ("quotations recall", pol["quote_r"], ""),
        ("quotations F1", pol["quote_f1"], ">= 0.93"),
        (f"named speakers ({pol['n_named']:.0f}), name tokens", pol["named"], ">= 0.92"),
        ("named speakers, canonical `speaker` field", pol["named_canonical"], ""),
        (f"pronoun speakers ({pol['n_pronoun']:.0f}, auto_agree)", pol["pronoun"], ">= 0.85"),
        ("reported speech precision", pol["rep_p"], ">= 0.80"),
        ("reported speech recall (speech-verb cues)", pol["rep_r"], ">= 0.60"),
        ("figures precision", fig["fig_p"], ""),
        ("figures recall", fig["fig_r"], ""),
        ("figures F1 (values)", fig["fig_f1"], ">= 0.85"),
    ]
    print(f"extractor: {model}")
    print(f"{'metric':<46}{'value':>10}  target")
    for name, val, target in rows:
        print(f"{name:<46}{val:>10.3f}  {target}")
    print(f"{'articles/s (one core, process time)':<46}{pol['articles_per_s']:>10.1f}  >= 200")
    print(f"{'peak memory (MB, max RSS)':<46}{peak_mb:>10.1f}  < 300")
    return 0


if __name__ == "__main__":
    sys.exit(main())
