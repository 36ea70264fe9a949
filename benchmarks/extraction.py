"""Score the extractor on the development data in ../shared/eval and print one table.

Scoring follows ../shared/eval/README.md to the letter.  Whole PolNeAR articles are
extracted; a predicted quotation matches a gold quote segment when their character overlap
is at least half of the longer, quote marks and white space not counted (one-to-one,
greedy).  A speaker is scored on the canonical
``speaker`` field (``Speaker.name``, what the knowledge base stores): titles and function
words are dropped from both names (a list frozen here, so that changing the extractor's
lexicon cannot move the scoring), then it is right when the last token of the predicted
name is among the gold span's tokens, or the last token of the gold span among the
predicted name's; a quotation with no predicted speaker is wrong.  A pronoun gold span is
scored against ``speaker_coref_auto`` where ``speaker_auto_agree`` (other pronoun cases are
not scored).  Coverage is the share of scored quotations with a speaker, precision the
share right among those with one.

Reported speech (README: ``indirect`` = reported speech without quote marks; "attribution"
is broader than speech, so beliefs and documents are left out): recall over ``indirect``
attributions whose cue holds a speech verb; precision over predictions matching any gold
attribution's content (a paraphrase of a ``partial`` one is reported speech too).  A
content is its annotated spans (Content and Content2), not the cue words between them,
matched by the same overlap rule as quotations.  Figures: NewsQuant
values by ``benchmarks/figures.py`` (ranges need both bounds; years and dates excluded
because NewsQuant does not annotate them; a figure without a value counts as given), on
its ``tune`` split (rules developed on it) and its ``report`` split (not tuned on).

``--split`` picks the PolNeAR split: ``train`` (840 articles, the development set rules
are tuned on), ``dev`` (84 articles, kept for validation) or ``both`` (default: side by
side, so a change that helps one and not the other shows).  ``--model spacy`` scores the
optional spaCy variant (the ``claims[spacy]`` extra).
Run: ``.venv/bin/python benchmarks/extraction.py [--split both|train|dev] [--model spacy]``.

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
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import figures as newsquant  # the NewsQuant scorer and its tune / report split
from claims.document import Document
from claims.extract import extract
from claims.statements import Kind, Statement

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


# Titles and function words dropped before names are compared (README: "Mr., Ms., Dr.,
# President, Senator, Secretary, Minister, the, of, ..."); frozen, not the extractor's list.
_DROP_WORDS = """mr mrs ms miss messrs dr prof professor sir lord dame rev reverend
president vice senator sen secretary minister prime governor gov rep representative
congressman congresswoman mayor judge justice gen general chancellor premier king queen
prince princess pope ambassador speaker chairman chairwoman chair leader former
the of a an and or for to in on at by from with"""
_DROP = frozenset(_DROP_WORDS.split())


def _tokens(s: str | None) -> list[str]:
    """Lower-cased tokens of a name, possessives, titles and function words dropped."""
    text = (s or "").replace("’s", "").replace("'s", "")
    return [t for t in (x.lower() for x in _TOK.findall(text)) if t not in _DROP]


def speaker_right(predicted: str | None, gold: str | None) -> bool:
    """The README's rule: the last token of one name is among the other's tokens.

    >>> speaker_right("Donald Trump", "Trump"), speaker_right("Trump", "Donald J. Trump")
    (True, True)
    >>> speaker_right("Vice President", "Mike Pence"), speaker_right(None, "Trump")
    (False, False)
    """
    p, g = _tokens(predicted), _tokens(gold)
    return bool(p) and bool(g) and (p[-1] in g or g[-1] in p)


# Characters the README's overlap rule ignores: "after normalising quote marks and white space".
_IGNORED = frozenset(" \t\n\r\f\v\u00a0\u2009\u202f\"'`“”„‟«»‹›‘’‚‛")
Spans = tuple[tuple[int, int], ...]


class _Chars:
    """Counts of the characters of a text that the overlap rule counts (one prefix sum)."""

    def __init__(self, text: str) -> None:
        self.cum = [0]
        for ch in text:
            self.cum.append(self.cum[-1] + (ch not in _IGNORED))

    def size(self, spans: Spans) -> int:
        return sum(self.cum[b] - self.cum[a] for a, b in spans)

    def common(self, p: Spans, g: Spans) -> int:
        return sum(self.cum[min(b, d)] - self.cum[max(a, c)]
                   for a, b in p for c, d in g if min(b, d) > max(a, c))


def _overlap(chars: _Chars, a: Spans, b: Spans) -> bool:
    """The README's rule: the character overlap is at least half of the longer, quote marks
    and white space not counted.

    >>> c = _Chars('he said "we will win" today')
    >>> _overlap(c, ((9, 20),), ((8, 21),)), _overlap(c, ((9, 12),), ((9, 20),))
    (True, False)
    """
    inter = chars.common(a, b)
    return inter > 0 and inter >= 0.5 * max(chars.size(a), chars.size(b))


def _match(chars: _Chars, pred: Sequence[Spans], gold: Sequence[Spans]) -> dict[int, int]:
    """Greedy one-to-one matching, pred index -> gold index."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if j not in used and _overlap(chars, p, g):
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
    counts = dict.fromkeys(["qp", "qtp", "qg", "qgt", "named", "named_ok", "pron", "pron_ok",
                            "given", "given_ok", "rp", "rtp", "rg", "rgt"], 0)
    seconds = 0.0
    extract(Document.from_text('"Warm up," she said.', id="warm-up"), model=model)  # imports
    for art in articles:
        text = art["text"]
        doc = Document.from_text(text, id=art["id"])
        t0 = time.process_time()
        sts = extract(doc, model=model)
        seconds += time.process_time() - t0
        assert all(text[s.span.start:s.span.end] == s.text for s in sts)
        chars = _Chars(text)
        _score_quotes(art, [s for s in sts if s.kind is Kind.QUOTATION], counts, chars)
        _score_reported(art, [s for s in sts if s.kind is Kind.REPORTED_SPEECH], counts, chars)
    qp, qr, qf = _prf(counts["qtp"], counts["qp"], counts["qgt"], counts["qg"])
    rp, rr, rf = _prf(counts["rtp"], counts["rp"], counts["rgt"], counts["rg"])
    return {"quote_p": qp, "quote_r": qr, "quote_f1": qf,
            "named": counts["named_ok"] / max(1, counts["named"]),
            "n_named": counts["named"],
            "coverage": counts["given"] / max(1, counts["named"] + counts["pron"]),
            "precision": counts["given_ok"] / max(1, counts["given"]),
            "pronoun": counts["pron_ok"] / max(1, counts["pron"]), "n_pronoun": counts["pron"],
            "rep_p": rp, "rep_r": rr, "rep_f1": rf,
            "articles_per_s": len(articles) / seconds if seconds else 0.0}


def _score_quotes(art: dict[str, Any], quotes: list[Statement], c: dict[str, int],
                  chars: _Chars) -> None:
    gold = [(seg[0], seg[1], at) for at in art["attributions"] for seg in at["quote_segments"]]
    pairs = _match(chars, [((q.span.start, q.span.end),) for q in quotes],
                   [((g[0], g[1]),) for g in gold])
    c["qp"] += len(quotes)
    c["qtp"] += len(pairs)
    c["qg"] += len(gold)
    c["qgt"] += len(pairs)
    for i, j in pairs.items():
        at = gold[j][2]
        sp = quotes[i].speaker
        if at["speaker_is_pronoun"]:
            if not at.get("speaker_auto_agree"):
                continue
            key, gold_name = "pron", at.get("speaker_coref_auto")
        elif at.get("speaker"):
            key, gold_name = "named", at["speaker"]
        else:
            continue
        ok = sp is not None and speaker_right(sp.name, gold_name)
        c[key] += 1
        c[key + "_ok"] += ok
        c["given"] += sp is not None
        c["given_ok"] += ok


def _content(at: dict[str, Any]) -> Spans:
    """An attribution's content: its spans (PolNeAR's Content and Content2), not the text
    between them."""
    return tuple((s[0], s[1]) for s in at["content_spans"])


def _score_reported(art: dict[str, Any], rep: list[Statement], c: dict[str, int],
                    chars: _Chars) -> None:
    pred = [((s.span.start, s.span.end),) for s in rep]
    every = [_content(at) for at in art["attributions"] if at["content_spans"]]
    gold = [_content(at) for at in art["attributions"] if at["kind"] == "indirect"
            and at["content_spans"] and _is_speech_cue(at.get("cue"))]
    c["rp"] += len(pred)
    c["rtp"] += len(_match(chars, pred, every))
    c["rg"] += len(gold)
    c["rgt"] += len(_match(chars, gold, pred))


def _load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


CORPUS = EVAL.parent / "corpus" / "wikinews.jsonl"


def score_corpus(model: str = "rules") -> dict[str, float]:
    """Unseen, unannotated news (../shared/corpus, 39 Wikinews articles): the share of
    quotations given a speaker, and of those the share given a described source."""
    n = given = described = 0
    for row in _load(CORPUS):
        for s in extract(Document.from_text(row["text"], id=row["id"]), model=model):
            if s.kind is Kind.QUOTATION:
                n += 1
                given += s.speaker is not None
                described += s.speaker is not None and s.speaker.method == "descriptive"
    return {"corpus_quotes": n, "corpus_given": given / max(1, n),
            "corpus_described": described / max(1, given)}


SPLITS = {"train": EVAL / "polnear_train" / "polnear_train_articles.jsonl",
          "dev": EVAL / "polnear_dev" / "polnear_dev_articles.jsonl"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", choices=("rules", "spacy"), default="rules",
                    help="extractor: the default rules, or rules + spaCy parse (claims[spacy])")
    ap.add_argument("--split", choices=("both", "train", "dev"), default="both",
                    help="PolNeAR split: train (tuned on), dev (validation), or both")
    args = ap.parse_args(argv)
    model = args.model
    if model == "spacy":
        from claims.extract._spacy import INSTALL_HINT, available

        if not available():
            print(f"skipped: the spaCy extra is not installed ({INSTALL_HINT})")
            return 0
    names = ["train", "dev"] if args.split == "both" else [args.split]
    nq_path = EVAL / "newsquant_dev.jsonl"
    if not nq_path.is_file() or not all(SPLITS[n].is_file() for n in names):
        print(f"skipped: {EVAL} is absent")
        return 0
    pols = [score_polnear(_load(SPLITS[n]), model) for n in names]
    fig = {name: newsquant.score(rows, model) for name, rows in newsquant.by_split(_load(nq_path)).items()}
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [
        ("quotations precision", "quote_p", ""),
        ("quotations recall", "quote_r", ""),
        ("quotations F1", "quote_f1", ">= 0.95"),
        ("named speakers, canonical `speaker` field", "named", ">= 0.93"),
        ("pronoun speakers (auto_agree)", "pronoun", ">= 0.87"),
        ("speaker coverage on scored quotations", "coverage", ">= 0.95"),
        ("speaker precision (right among given)", "precision", ">= 0.95"),
        ("reported speech precision", "rep_p", ">= 0.85"),
        ("reported speech recall (speech-verb cues)", "rep_r", ">= 0.70"),
    ]
    print(f"extractor: {model}; PolNeAR {' | '.join(names)}; NewsQuant dev for figures")
    head = "".join(f"{n:>10}" for n in names)
    print(f"{'metric':<46}{head}  target")
    print(f"{'named / pronoun quotations scored':<46}"
          + "".join(f"{p['n_named']:>5.0f}/{p['n_pronoun']:<4.0f}" for p in pols))
    for label, key, target in rows:
        print(f"{label:<46}" + "".join(f"{p[key]:>10.3f}" for p in pols) + f"  {target}")
    for label, key, target in [("figures precision", "fig_p", ">= 0.85"),
                               ("figures recall", "fig_r", ""),
                               ("figures F1 (values)", "fig_f1", ">= 0.88")]:
        print(f"{label:<46}{fig['tune'][key]:>10.3f}{fig['report'][key]:>10.3f}  {target}"
              + ("  (NewsQuant tune | report)" if key == "fig_p" else ""))
    if CORPUS.is_file():
        cor = score_corpus(model)
        print(f"{'corpus: quotations with a speaker':<46}{cor['corpus_given']:>10.3f}  >= 0.95"
              f"  ({cor['corpus_quotes']:.0f} quotations, unseen)")
        print(f"{'corpus: of those, described sources':<46}{cor['corpus_described']:>10.3f}")
    print(f"{'articles/s (one core, process time)':<46}"
          + "".join(f"{p['articles_per_s']:>10.1f}" for p in pols) + "  >= 100")
    print(f"{'peak memory (MB, max RSS)':<46}{peak_mb:>10.1f}  < 300")
    return 0


if __name__ == "__main__":
    sys.exit(main())
