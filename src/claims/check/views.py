"""What the figure-check layer shows: the explorer's facet "Figure check" (a column and a
filter: figures checked inaccurate, roughly right …) and the provenance panel's "Figure
check" section (the claim, the computed value, the members and values used, the verdict and
the source), read from the layer's graphs so that an editor's verdict shows at once.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import pandas as pd
from rdflib import URIRef

from claims.extensions import Facet, Selected, register_facet, register_section, statement_rows
from claims.query import expand, select, shorten
from claims.reference.statistics import SOURCE
from claims.store.base import Store

__all__ = ["FACET", "check_of", "check_section", "members_of"]

FACET = "figure_check"

_VERDICTS = """
PREFIX claims: <https://w3id.org/claims#>
SELECT ?statement ?verdict WHERE {
  {values}
  GRAPH ?c { ?check claims:checkOf ?statement ; claims:verdictCode ?verdict }
}
"""
_STAMP = """
PREFIX claims: <https://w3id.org/claims#>
SELECT (COUNT(?check) AS ?checks) (GROUP_CONCAT(?verdict; separator="") AS ?all) WHERE {
  GRAPH ?c { ?check claims:verdictCode ?verdict }
}
"""
_CHECK = """
PREFIX claims: <https://w3id.org/claims#>
SELECT ?statement ?check ?phrase ?measure ?entity ?how ?day ?year ?rule ?claimed ?comparator ?computed
       ?rel_error ?verdict ?computed_verdict ?misstatement ?detail ?reason WHERE {
  GRAPH ?c {
    ?check claims:checkOf ?statement ; claims:checkedPhrase ?phrase ; claims:measureCode ?measure ;
           claims:comparator ?comparator ; claims:verdictCode ?verdict ; claims:yearRule ?rule ;
           claims:computedVerdict ?computed_concept .
    OPTIONAL { ?check claims:entityLabel ?entity }
    OPTIONAL { ?check claims:entityRule ?how }
    OPTIONAL { ?check claims:memberOn ?day }
    OPTIONAL { ?check claims:referenceYear ?year }
    OPTIONAL { ?check claims:claimedValue ?claimed }
    OPTIONAL { ?check claims:computedValue ?computed }
    OPTIONAL { ?check claims:relativeError ?rel_error }
    OPTIONAL { ?check claims:misstatement ?misstatement }
    OPTIONAL { ?check claims:checkDetail ?detail }
    OPTIONAL { ?check claims:checkReason ?reason }
  }
  BIND (STRAFTER(STR(?computed_concept), "/figure-check/") AS ?computed_verdict)
}
"""
_MEMBERS = """
PREFIX claims: <https://w3id.org/claims#>
PREFIX schema: <https://schema.org/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?check ?computation ?measure ?series ?year ?code ?name ?item ?value ?world WHERE {
  GRAPH ?c {
    ?check claims:computation ?computation .
    ?computation claims:measureCode ?measure ; claims:referenceYear ?year .
    OPTIONAL { ?computation claims:series ?series }
    OPTIONAL { ?computation claims:worldTotal ?world }
    OPTIONAL { ?computation claims:countedValue ?counted .
               ?counted claims:memberCode ?code .
               OPTIONAL { ?counted schema:name ?name }
               OPTIONAL { ?counted schema:sameAs ?item }
               OPTIONAL { ?counted rdf:value ?value } }
  }
}
ORDER BY ?computation DESC(?value)
"""


def _verdicts(store: Store, statements: Sequence[str] | None) -> Iterable[tuple[str, str]]:
    for statement, verdict in statement_rows(store, _VERDICTS, statements):
        yield shorten(expand(str(statement))), str(verdict).replace("_", " ")


def _stamp(store: Store) -> str:
    found = select(store, _STAMP)
    return "/".join(str(v) for v in found.iloc[0].tolist()) if len(found) else ""


def check_of(store: Store, statement: str) -> pd.DataFrame:
    """The check of a figure statement (one row; none when the figure was not checked)."""
    return select(store, _CHECK, statement=URIRef(expand(statement)))


def members_of(store: Store, check: str) -> pd.DataFrame:
    """The members counted in a check and their values, per computation, largest first."""
    return select(store, _MEMBERS, check=URIRef(expand(check)))


def _number(value: object, share: bool) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    number = float(str(value))
    return f"{number:.2f}%" if share else (f"{number:,.0f}" if abs(number) >= 1000 else f"{number:g}")


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else html.escape(str(value))


def check_section(chosen: Selected) -> str | None:
    """The provenance panel's "Figure check" section (None: the figure was not checked)."""
    found = check_of(chosen.store, chosen.iri)
    if found.empty:
        return None
    row = found.iloc[0]
    share = "share" in str(row["measure"]) or str(row["measure"]) == "gdp_growth"
    verdict = _text(row["verdict"]).replace("_", " ")
    if isinstance(row["misstatement"], str) and row["misstatement"]:
        verdict += f" ({_text(row['misstatement'])})"
    if row["computed_verdict"] != row["verdict"]:
        verdict += f" <small>(checker: {_text(row['computed_verdict']).replace('_', ' ')})</small>"
    year = _text(row["year"])
    if year:
        year += f" <small>({_text(row['rule'])})</small>"
    entity = _text(row["entity"])
    if entity and _text(row["how"]):
        entity += f" <small>({_text(row['how'])}; members on {_text(row['day'])})</small>"
    facts = [("Claim", f"{_text(row['phrase'])} <small>({_text(row['comparator'])} "
                       f"{_number(row['claimed'], share)})</small>"),
             ("Measures", _text(row["measure"])), ("Of", entity), ("Year", year),
             ("Computed", _number(row["computed"], share)), ("Verdict", f"<b>{verdict}</b>"),
             ("Arithmetic", _text(row["detail"])), ("Why", _text(row["reason"]))]
    from claims.widgets.provenance import facts_table

    out = facts_table(facts)
    members = members_of(chosen.store, str(row["check"]))
    for (_, measure, series), rows in members.groupby(["computation", "measure", "series"], sort=False,
                                                       dropna=False):
        cells = "".join(
            f"<tr><td>{_member(r)}</td><td style='text-align:right'>{_number(r['value'], False) or 'no data'}"
            f"</td></tr>" for _, r in rows.iterrows() if isinstance(r["code"], str))
        world = rows["world"].iloc[0]
        total = (f"<tr><td>World (WLD)</td><td style='text-align:right'>{_number(world, False)}</td></tr>"
                 if world is not None and not (isinstance(world, float) and pd.isna(world)) else "")
        source = (f'<a href="{html.escape(str(series))}" target="_blank" rel="noopener">'
                  f"{html.escape(str(series).rsplit('/', 1)[-1])}</a>") if isinstance(series, str) else ""
        out += (f"<details open><summary>{_text(measure)}: members and values, "
                f"{_text(rows['year'].iloc[0])} {source}</summary>"
                f'<table class="claims-facts">{cells}{total}</table></details>')
    return out + f"<p><small>Source: {html.escape(SOURCE)}</small></p>"


def _member(row: pd.Series) -> str:
    name = _text(row["name"]) or _text(row["code"])
    item = row["item"]
    if isinstance(item, str) and item:
        qid = item.rsplit(":", 1)[-1].rsplit("/", 1)[-1]
        return (f'{name} <small>(<a href="https://www.wikidata.org/wiki/{html.escape(qid)}" '
                f'target="_blank" rel="noopener">{_text(row["code"])}</a>)</small>')
    return name


register_facet(Facet(FACET, "Figure check", _verdicts, kind="choice", stamp=_stamp))
register_section("figure_check", check_section, title="Figure check", order=30)
