"""What the claim-tracking layer shows: the statement index's facets (the explorer's column
"Claim" and filter "Misquoted"), the provenance panel's "Same claim elsewhere" section, and
the reading functions behind ``claims track show``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

import ipywidgets as W
import pandas as pd
from rdflib import URIRef

from claims.extensions import Facet, Selected, register_facet, register_section, statement_rows
from claims.query import expand, select, shorten
from claims.store.base import Store
from claims.track.wording import spans

__all__ = ["FACETS", "claim_of", "claim_section", "claim_widget", "highlight", "members", "resolve",
           "variants"]

FACETS = ("claim", "misquoted")

_MEMBERSHIP = """
PREFIX claims: <https://w3id.org/claims#>
SELECT ?statement ?claim ?misquote WHERE {
  {values}
  GRAPH ?c { ?m claims:member ?statement ; claims:memberOf ?claim ; claims:misquote ?misquote }
}
"""
_STAMP = """
PREFIX claims: <https://w3id.org/claims#>
SELECT (COUNT(?m) AS ?members) (SUM(IF(?q, 1, 0)) AS ?misquotes) WHERE {
  GRAPH ?c { ?m claims:memberOf ?claim ; claims:misquote ?q }
}
"""
_REPLACED = """
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?claim ?by WHERE { GRAPH ?c { ?claim dcterms:isReplacedBy ?by } }
"""
_OF = """
PREFIX claims: <https://w3id.org/claims#>
SELECT ?statement ?claim WHERE { GRAPH ?c { ?m claims:member ?statement ; claims:memberOf ?claim } }
"""


def _claims(store: Store, statements: Sequence[str] | None) -> Iterable[tuple[str, str]]:
    for statement, claim, _ in statement_rows(store, _MEMBERSHIP, statements):
        yield shorten(expand(str(statement))), shorten(expand(str(claim)))


def _misquoted(store: Store, statements: Sequence[str] | None) -> Iterable[tuple[str, str]]:
    for statement, _, flag in statement_rows(store, _MEMBERSHIP, statements):
        if flag is True or str(flag).lower() == "true":
            yield shorten(expand(str(statement))), "misquote"


def _stamp(store: Store) -> str:
    counts = select(store, _STAMP)
    return "/".join(str(v) for v in counts.iloc[0].tolist()) if len(counts) else ""


def resolve(store: Store, claim: str) -> str:
    """The claim that ``claim`` is now (following ``dcterms:isReplacedBy``)."""
    seen = {expand(claim)}
    current = expand(claim)
    while True:
        found = select(store, _REPLACED, claim=URIRef(current))
        if found.empty:
            return current
        current = expand(str(found["by"].iloc[0]))
        if current in seen:
            return current
        seen.add(current)


def claim_of(store: Store, statement: str) -> str | None:
    """The claim a statement reports, if it has one (two members or more)."""
    found = select(store, _OF, statement=URIRef(expand(statement)))
    return expand(str(found["claim"].iloc[0])) if len(found) else None


def members(store: Store, claim: str) -> pd.DataFrame:
    """The members of a claim (merged claims followed), earliest first."""
    return select(store, "claim_members", claim=URIRef(resolve(store, claim)))


def variants(store: Store, claim: str) -> pd.DataFrame:
    """The word-level changes of a claim's variants."""
    return select(store, "claim_variants", claim=URIRef(resolve(store, claim)))


def highlight(canonical: str, text: str) -> str:
    """The member's words as written in its article, as HTML, the words that differ from the
    canonical wording marked: ``<ins>`` added or replaced, and the canonical's own words a
    member drops or replaces struck through (``<del>``); words are aligned on their folded
    forms (:func:`claims.track.wording.spans`), so case, quote marks and spelling variants
    are not differences, and the canonical's words a member does not reach (a truncation)
    are not shown.

    >>> highlight("We will win the vote", "“we will LOSE the vote,” ")
    '“we will <del>win</del> <ins>LOSE</ins> the vote,” '
    """
    a, b = spans(canonical), spans(text)
    changed: set[int] = set()  # the member's words (by start) that are added or replacements
    gone: dict[int, list[str]] = {}  # canonical words dropped or replaced, before a member word
    for op, i1, i2, j1, j2 in SequenceMatcher(None, [k for k, _, _ in a], [k for k, _, _ in b],
                                              autojunk=False).get_opcodes():
        if op in ("replace", "insert"):
            changed.update(start for _, start, _ in b[j1:j2])
        if op in ("replace", "delete") and i1 > 0 and i2 < len(a):
            anchor = b[j1][1] if j1 < len(b) else len(text)
            gone.setdefault(anchor, []).append(canonical[a[i1][1]:a[i2 - 1][2]])
    out: list[str] = []
    at, inside = 0, False  # the member's text written up to ``at``; an <ins> open
    for start, end in dict.fromkeys((s, e) for _, s, e in b):  # each written word once
        dropped = gone.get(start)
        if inside and (start not in changed or dropped):
            out.append("</ins>")
            inside = False
        out.append(html.escape(text[at:start]))
        out += [f"<del>{html.escape(d)}</del> " for d in dropped or ()]
        if start in changed and not inside:
            out.append("<ins>")
            inside = True
        out.append(html.escape(text[start:end]))
        at = end
    if inside:
        out.append("</ins>")
    out.append(html.escape(text[at:]))
    return "".join(out)


STYLE = ("<style>.claims-claim del{background:#fdd;color:#900}.claims-claim ins{background:#dfd;"
         "text-decoration:none;font-weight:600}.claims-misquote{color:#b00}</style>")


def _flagged(r: pd.Series) -> bool:
    return bool(r["misquote"] is True or str(r["misquote"]).lower() == "true")


def claim_section(chosen: Selected) -> str | None:
    """The provenance panel's "Same claim elsewhere" as HTML (exports, tests): reported by N
    outlets (M independent), first seen DATE in OUTLET, every variant with its differences
    highlighted word by word, and misquote flags."""
    found = _claim_rows(chosen)
    return None if found is None else _section_html(chosen, *found)


def _claim_rows(chosen: Selected) -> tuple[pd.DataFrame, pd.Series] | None:
    claim = claim_of(chosen.store, chosen.iri)
    if claim is None:
        return None
    rows = members(chosen.store, claim)
    head = select(chosen.store, "first_reports", claim=URIRef(claim))
    if rows.empty or head.empty:
        return None
    return rows, head.iloc[0]


def _section_html(chosen: Selected, rows: pd.DataFrame, h: pd.Series) -> str:
    esc = html.escape
    canonical = str(h["canonical"])
    items = []
    for _, r in rows.iterrows():
        flag = _flagged(r)
        dismissed = " <span class='claims-dismissed'>(flag dismissed)</span>"
        mark = (" <b class='claims-misquote'>misquote</b>" if flag else
                dismissed if r["status"] == "dismissed" else "")
        here = " <i>(this statement)</i>" if expand(str(r["statement"])) == expand(chosen.iri) else ""
        items.append(f"<li data-statement='{esc(str(r['statement']))}'>"
                     f"{esc(str(r['outlet'] or '?'))}, {esc(str(r['date'] or '?'))} — "
                     f"{esc(str(r['wording']))}{mark}{here}<br>"
                     f"<span class='claims-variant'>{highlight(canonical, str(r['text']))}</span></li>")
    return (f"{STYLE}<div class='claims-claim'>Reported by {int(h['outlets'])} outlets "
            f"({int(h['independent'])} independent), first seen {esc(str(h['first_seen'] or '?'))} "
            f"in {esc(str(h['first_outlet'] or '?'))}."
            f"<div>Canonical: “{esc(canonical)}”</div><ul>{''.join(items)}</ul></div>")


register_facet(Facet("claim", "Claim", _claims, kind="choice", stamp=_stamp, filter=False))
register_facet(Facet("misquoted", "Misquoted", _misquoted, kind="flag", stamp=_stamp))
def claim_widget(chosen: Selected) -> W.Widget | None:
    """The provenance panel's "Same claim elsewhere" (:func:`claim_section`), with a
    "Dismiss flag" button under each flagged variant for an editor (the name from the Reviewer
    box, filled from ``CLAIMS_REVIEWER``): the dismissal goes through the decisions workflow
    (:func:`claims.track.dismiss_misquote`, an append-only event the layer applies), and the
    section is shown again as the layer now has it. A coded error shows under the buttons."""
    found = _claim_rows(chosen)
    if found is None:
        return None
    from claims.errors import ClaimsError
    from claims.track import dismiss_misquote
    from claims.widgets._reviews import error_html, reviewer_inputs

    reviewer, message = reviewer_inputs("claim")
    body = W.HTML()
    buttons = W.VBox()
    box = W.VBox([body, buttons, reviewer, message])
    box.add_class("claims-claim-box")

    def show(rows: pd.DataFrame, head: pd.Series) -> None:
        body.value = _section_html(chosen, rows, head)
        made = []
        for _, r in rows[rows.apply(_flagged, axis=1)].iterrows():
            button = W.Button(description=f"Dismiss flag: {r['outlet'] or '?'}, {r['date'] or '?'}",
                              icon="times", tooltip="the difference is immaterial: clear the flag",
                              layout=W.Layout(width="auto"))
            button.add_class("claims-misquote-dismiss")
            button.on_click(lambda _, statement=str(r["statement"]): dismiss(statement))
            made.append(button)
        buttons.children = tuple(made)

    def dismiss(statement: str) -> None:
        try:
            dismiss_misquote(chosen.store, statement, reviewer=reviewer.value)
        except ClaimsError as exc:
            message.value = error_html(exc)
            return
        message.value = f"<p class='claims-claim-decided'>flag dismissed by {html.escape(reviewer.value)}</p>"
        again = _claim_rows(chosen)
        if again is not None:
            show(*again)

    show(*found)
    return box


register_section("claim", claim_widget, title="Same claim elsewhere", order=30)
