"""What the fact-check layer shows: the statement index's facet ``fact_checked`` (the explorer's
"Fact-checked" column and filter: each matched fact-check's normalised rating), the provenance
panel's "Fact-checks" section, and the query behind them."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any

import ipywidgets as W
import pandas as pd
from rdflib import URIRef

from claims.extensions import Facet, Selected, register_facet, register_section, statement_rows
from claims.query import expand, select, shorten
from claims.store.base import Store

__all__ = ["FACETS", "factcheck_section", "factcheck_widget", "matches_of"]

FACETS = ("fact_checked",)

_RATINGS = """
PREFIX claims: <https://w3id.org/claims#>
PREFIX schema: <https://schema.org/>
SELECT ?statement ?rating ?text WHERE {
  {values}
  GRAPH ?m { ?match claims:matchOf ?statement ; claims:matchedFactCheck ?fc }
  GRAPH ?s { ?fc schema:reviewRating/schema:alternateName ?text .
             OPTIONAL { ?fc claims:normalisedRating ?rating } }
}
"""
_STAMP = """
PREFIX claims: <https://w3id.org/claims#>
SELECT (COUNT(?match) AS ?n) WHERE { GRAPH ?m { ?match a claims:FactCheckMatch } }
"""
_MATCHES = """
PREFIX claims: <https://w3id.org/claims#>
PREFIX schema: <https://schema.org/>
SELECT ?statement ?match ?factcheck ?score ?rank ?method ?url ?claim ?publisher ?rating ?rating_text ?claimant
       ?claim_date ?review_date WHERE {
  GRAPH ?m { ?match claims:matchOf ?statement ; claims:matchedFactCheck ?factcheck ;
                    claims:matchScore ?score ; claims:matchRank ?rank ; claims:matchMethod ?method }
  GRAPH ?s {
    ?factcheck schema:url ?url ; schema:claimReviewed ?claim ;
               schema:reviewRating/schema:alternateName ?rating_text ; schema:author/schema:name ?publisher .
    OPTIONAL { ?factcheck claims:normalisedRating ?rating }
    OPTIONAL { ?factcheck schema:datePublished ?review_date }
    OPTIONAL { ?factcheck schema:itemReviewed/schema:author ?claimant }
    OPTIONAL { ?factcheck schema:itemReviewed/schema:datePublished ?claim_date }
  }
}
ORDER BY DESC(?score) ?url
"""


def _rating_label(rating: object, text: object) -> str:
    return str(rating).rsplit("/", 1)[-1] if isinstance(rating, str) and rating else str(text)


def _checked(store: Store, statements: Sequence[str] | None) -> Iterable[tuple[str, str]]:
    for statement, rating, text in statement_rows(store, _RATINGS, statements):
        yield shorten(expand(str(statement))), _rating_label(rating, text)


def _stamp(store: Store) -> str:
    frame = select(store, _STAMP)
    return str(frame.iloc[0, 0]) if len(frame) else ""


def matches_of(store: Store, statement: str) -> pd.DataFrame:
    """The stored fact-check matches of one statement, best first (editors' decisions applied)."""
    return select(store, _MATCHES, statement=URIRef(expand(statement)))


def _day(value: object) -> str | None:
    text = "" if value is None or (isinstance(value, float) and value != value) else str(value)
    return text[:10] if text not in ("", "NaT", "nan") else None


def _item(r: Any) -> str:
    """One match as an HTML list item: publisher, rating, date, link, claim wording, score."""
    esc = html.escape
    rating = _rating_label(r["rating"], r["rating_text"])
    when = _day(r["review_date"]) or _day(r["claim_date"])
    day = ", " + esc(when) if when else ""
    who = f" — claimed by {esc(str(r['claimant']))}" if isinstance(r["claimant"], str) else ""
    return (f"<li class='claims-factcheck' data-match='{esc(str(r['match']))}'>"
            f"<b>{esc(str(r['publisher']))}</b>: "
            f"<span class='claims-factcheck-rating'>{esc(str(r['rating_text']))}</span> ({esc(rating)})"
            f"{day} <a href='{esc(str(r['url']))}' target='_blank'>link</a>"
            f"<div class='claims-factcheck-claim'>“{esc(str(r['claim']))}”{who}</div>"
            f"<div class='claims-factcheck-score'>score {float(r['score']):.2f}, "
            f"{esc(str(r['method']))}</div></li>")


def factcheck_section(chosen: Selected) -> str | None:
    """The provenance panel's "Fact-checks" as HTML (exports, tests)."""
    rows = matches_of(chosen.store, chosen.iri)
    if rows.empty:
        return None
    items = "".join(_item(r) for _, r in rows.drop_duplicates("match").iterrows())
    return f"<ul class='claims-factchecks'>{items}</ul>"


def factcheck_widget(chosen: Selected) -> W.Widget | None:
    """The provenance panel's "Fact-checks": each match (:func:`factcheck_section`'s item) with
    Confirm and Reject buttons for an editor (the name from the Reviewer box, filled from
    ``CLAIMS_REVIEWER``); a coded error shows as a message under them."""
    rows = matches_of(chosen.store, chosen.iri)
    if rows.empty:
        return None
    from claims.errors import ClaimsError
    from claims.factcheck.edits import confirm, reject
    from claims.widgets._reviews import error_html, reviewer_inputs

    reviewer, message = reviewer_inputs("factcheck")
    boxes = []
    for _, r in rows.drop_duplicates("match").iterrows():
        item = W.HTML(f"<ul class='claims-factchecks'>{_item(r)}</ul>")
        buttons = []
        for label, act in (("Confirm", confirm), ("Reject", reject)):
            button = W.Button(description=label, button_style="danger" if label == "Reject" else "")
            button.add_class(f"claims-factcheck-{label.lower()}")

            def clicked(_: object, act: Any = act, label: str = label,
                        factcheck: str = str(r["factcheck"]), item: W.HTML = item) -> None:
                try:
                    act(chosen.store, chosen.iri, factcheck, reviewer=reviewer.value)
                except ClaimsError as exc:
                    message.value = error_html(exc)
                    return
                message.value = ""
                done = "rejected" if label == "Reject" else "confirmed"
                note = f"<div class='claims-factcheck-decided'>{done} by {html.escape(reviewer.value)}</div>"
                item.value = item.value.replace("</li>", note + "</li>")
            button.on_click(clicked)
            buttons.append(button)
        boxes.append(W.VBox([item, W.HBox(buttons)]))
    box = W.VBox([*boxes, reviewer, message])
    box.add_class("claims-factchecks-box")
    return box


register_facet(Facet("fact_checked", "Fact-checked", _checked, kind="flag", stamp=_stamp))
register_section("factchecks", factcheck_widget, title="Fact-checks", order=30)
