"""What the speaker-link layer shows: facets of the statement index (the explorer's columns
and filters "Office", "Country", "Wikidata"), the provenance panel's "Speaker" section, and
the queries behind them.

Facet values are read from the layer's graphs, so an editor's decision shows as soon as the
layer has applied it. An office reads as its title with its country where the title does not
name it ("Minister of Foreign Affairs, Iran"; "President of Russia").
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import pandas as pd
from rdflib import URIRef

from claims.extensions import Facet, Selected, register_facet, register_section, statement_rows
from claims.query import expand, select, shorten
from claims.reference.countries import country
from claims.store.base import Store

__all__ = ["FACETS", "link_of", "office_label", "speaker_section"]

FACETS = ("office", "country", "wikidata")

_OFFICES = """
PREFIX claims: <https://w3id.org/claims#>
PREFIX schema: <https://schema.org/>
SELECT ?statement ?title ?code WHERE {
  {values}
  GRAPH ?l { ?link claims:linkOf ?statement ; claims:officeAtTime ?position }
  GRAPH ?p { ?position schema:roleName ?title ; claims:countryCode ?code }
}
"""
_QIDS = """
PREFIX claims: <https://w3id.org/claims#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?statement ?item WHERE {
  {values}
  GRAPH ?l { ?link claims:linkOf ?statement ; claims:linkedPerson ?person }
  GRAPH ?p { ?person owl:sameAs ?item }
}
"""
_STAMP = """
PREFIX claims: <https://w3id.org/claims#>
SELECT (COUNT(?link) AS ?links) (COUNT(?person) AS ?linked) WHERE {
  GRAPH ?l { ?link a claims:SpeakerLink . OPTIONAL { ?link claims:linkedPerson ?person } }
}
"""


def office_label(title: str, code: str) -> str:
    """An office as the explorer lists it: the title, and the country where the title lacks it.

    >>> office_label("Minister of Foreign Affairs", "IRN"), office_label("President of Russia", "RUS")
    ('Minister of Foreign Affairs, Iran', 'President of Russia')
    """
    land = country(code)
    if land is None:
        return title
    names = (land.name, *land.names, *land.demonyms)
    return title if any(n.casefold() in title.casefold() for n in names if n) else f"{title}, {land.name}"


def _offices(store: Store, statements: Sequence[str] | None) -> Iterable[tuple[str, str]]:
    for statement, title, code in statement_rows(store, _OFFICES, statements):
        yield shorten(expand(str(statement))), office_label(str(title), str(code))


def _countries(store: Store, statements: Sequence[str] | None) -> Iterable[tuple[str, str]]:
    for statement, _, code in statement_rows(store, _OFFICES, statements):
        land = country(str(code))
        yield shorten(expand(str(statement))), land.name if land else str(code)


def _qids(store: Store, statements: Sequence[str] | None) -> Iterable[tuple[str, str]]:
    for statement, item in statement_rows(store, _QIDS, statements):
        yield shorten(expand(str(statement))), str(item).rsplit(":", 1)[-1].rsplit("/", 1)[-1]


def _stamp(store: Store) -> str:
    counts = select(store, _STAMP)
    return "/".join(str(v) for v in counts.iloc[0].tolist()) if len(counts) else ""


_LINK = """
PREFIX claims: <https://w3id.org/claims#>
PREFIX schema: <https://schema.org/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?statement ?link ?method ?confidence ?reason ?day ?item ?name ?computed ?title ?code ?start ?end
WHERE {
  GRAPH ?l {
    ?link claims:linkOf ?statement ; claims:linkMethod ?method ; claims:linkConfidence ?confidence ;
          claims:linkReason ?reason .
    OPTIONAL { ?link dcterms:date ?day }
    OPTIONAL { ?link claims:computedPerson ?computed }
  }
  OPTIONAL {
    GRAPH ?l { ?link claims:linkedPerson ?person }
    GRAPH ?p { ?person owl:sameAs ?item ; schema:name ?name }
  }
  OPTIONAL {
    GRAPH ?l { ?link claims:officeAtTime ?position }
    GRAPH ?o { ?position schema:roleName ?title ; claims:countryCode ?code .
               OPTIONAL { ?position schema:startDate ?start }
               OPTIONAL { ?position schema:endDate ?end } }
  }
}
ORDER BY ?title
"""


def link_of(store: Store, statement: str) -> pd.DataFrame:
    """The speaker link of one statement: one row per office held at the time (at least one
    row when the statement has a link; none when the layer has not linked it)."""
    return select(store, _LINK, statement=URIRef(expand(statement)))


def _qid_of(item: object) -> str:
    return str(item).rsplit(":", 1)[-1].rsplit("/", 1)[-1] if isinstance(item, str) and item else ""


def speaker_section(chosen: Selected) -> str | None:
    """The provenance panel's "Speaker" section: who the speaker is (the QID as a link to
    Wikidata), the offices they held on the article's date, and why they were linked."""
    rows = link_of(chosen.store, chosen.iri)
    if rows.empty:
        return None
    first = rows.iloc[0]
    qid, esc = _qid_of(first["item"]), html.escape
    why = (f"<div class='claims-link-why'>{esc(str(first['method']))} "
           f"(confidence {float(first['confidence']):.2f}): {esc(str(first['reason']))}</div>")
    if not qid:
        return f"<div class='claims-link'><b>Not linked</b> to anyone in the people tables.{why}</div>"
    offices = [f"<li>{esc(office_label(str(r['title']), str(r['code'])))} "
               f"({esc(str(r['start'] or '?'))}–{esc(str(r['end'] or ''))})</li>"
               for _, r in rows.iterrows() if isinstance(r["title"], str)]
    day = esc(str(first["day"] or "the day"))
    held = (f"<div>Offices on {day}:<ul>{''.join(offices)}</ul></div>" if offices
            else f"<div>No office in the people tables on {day}.</div>")
    computed = _qid_of(first["computed"])
    was = (f"<div>The linker had said <a href='https://www.wikidata.org/wiki/{esc(computed)}' "
           f"target='_blank'>{esc(computed)}</a>.</div>" if computed and computed != qid else "")
    return (f"<div class='claims-link'><b>{esc(str(first['name']))}</b> — "
            f"<a href='https://www.wikidata.org/wiki/{esc(qid)}' target='_blank'>{esc(qid)}</a>"
            f"{held}{why}{was}</div>")


register_facet(Facet("office", "Office", _offices, kind="choice", stamp=_stamp))
register_facet(Facet("country", "Country", _countries, kind="choice", stamp=_stamp, column=False))
register_facet(Facet("wikidata", "Wikidata", _qids, kind="flag", stamp=_stamp))
register_section("speaker", speaker_section, title="Speaker", order=20)
