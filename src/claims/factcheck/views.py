"""What the fact-check layer shows: the statement index's facet ``fact_checked`` (the explorer's
"Fact-checked" column and filter: each matched fact-check's normalised rating), the provenance
panel's "Fact-checks" section, and the query behind them."""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import pandas as pd
from rdflib import URIRef

from claims.extensions import Facet, Selected, register_facet, register_section
from claims.query import expand, select, shorten
from claims.store.base import Store

__all__ = ["FACETS", "matches_of"]

FACETS = ("fact_checked",)
_CHUNK = 500

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


def _rows(store: Store, query: str, statements: Sequence[str] | None) -> Iterator[tuple[Any, ...]]:
    if statements is None:
        yield from select(store, query.replace("{values}", "")).itertuples(index=False)
        return
    for i in range(0, len(statements), _CHUNK):
        chunk = " ".join(URIRef(expand(s)).n3() for s in statements[i:i + _CHUNK])
        yield from select(store, query.replace("{values}", f"VALUES ?statement {{ {chunk} }}")
                          ).itertuples(index=False)


def _rating_label(rating: object, text: object) -> str:
    return str(rating).rsplit("/", 1)[-1] if isinstance(rating, str) and rating else str(text)


def _checked(store: Store, statements: Sequence[str] | None) -> Iterable[tuple[str, str]]:
    for statement, rating, text in _rows(store, _RATINGS, statements):
        yield shorten(expand(str(statement))), _rating_label(rating, text)


def _stamp(store: Store) -> str:
    frame = select(store, _STAMP)
    return str(frame.iloc[0, 0]) if len(frame) else ""


def matches_of(store: Store, statement: str) -> pd.DataFrame:
    """The stored fact-check matches of one statement, best first (editors' decisions applied)."""
    return select(store, _MATCHES, statement=URIRef(expand(statement)))


def factcheck_section(chosen: Selected) -> str | None:
    """The provenance panel's "Fact-checks": publisher, rating, date, link, wording, score."""
    rows = matches_of(chosen.store, chosen.iri)
    if rows.empty:
        return None
    esc = html.escape
    items = []
    for _, r in rows.drop_duplicates("match").iterrows():
        rating = _rating_label(r["rating"], r["rating_text"])
        when = r["review_date"] if isinstance(r["review_date"], str) else r["claim_date"]
        day = ", " + esc(str(when)) if isinstance(when, str) else ""
        who = f" — claimed by {esc(str(r['claimant']))}" if isinstance(r["claimant"], str) else ""
        items.append(
            f"<li class='claims-factcheck' data-match='{esc(str(r['match']))}'>"
            f"<b>{esc(str(r['publisher']))}</b>: "
            f"<span class='claims-factcheck-rating'>{esc(str(r['rating_text']))}</span> ({esc(rating)})"
            f"{day} "
            f"<a href='{esc(str(r['url']))}' target='_blank'>link</a>"
            f"<div class='claims-factcheck-claim'>“{esc(str(r['claim']))}”{who}</div>"
            f"<div class='claims-factcheck-score'>score {float(r['score']):.2f}, "
            f"{esc(str(r['method']))}</div>"
            f"</li>")
    return f"<ul class='claims-factchecks'>{''.join(items)}</ul>"


register_facet(Facet("fact_checked", "Fact-checked", _checked, kind="flag", stamp=_stamp))
register_section("factchecks", factcheck_section, title="Fact-checks", order=30)
