"""Dumps of the knowledge base, and exports that fact-checking tools read.

- ``trig`` / ``nquads``: every named graph; importing the dump into an empty store gives
  an isomorphic dataset. With ``since``: only the review events recorded since then.
- ``turtle`` (graphs merged) and ``jsonld`` (graphs kept, the project's context).
- ``csv``: every statement with its current review status, for spreadsheets.
- ``claimreview``: schema.org ``ClaimReview`` JSON-LD, one per statement's current rating,
  with the fields Google's Fact Check tools require.
- ``annotations``: a W3C Web Annotation ``AnnotationCollection`` of the quotations, each
  targeting its article with a TextQuoteSelector and a TextPositionSelector (derived
  from the stored text and offsets: the store keeps no selectors).

``since`` (a date or an aware datetime) keeps only reviews at or after it.

>>> from claims.store import MemoryStore
>>> json.loads(export(MemoryStore(), "claimreview"))["@graph"]
[]
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pandas as pd
import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import PROV

from claims.config import base_iri, ontology_dir
from claims.csvsafe import to_csv
from claims.errors import ClaimsError
from claims.model import iris
from claims.model.mapping import CONTEXT_CHARS, bind_prefixes
from claims.query import PREFIXES, expand, select
from claims.review import Rating, events
from claims.store.base import Store
from claims.vocab import CLAIMS

FORMATS = ("trig", "nquads", "turtle", "jsonld", "csv", "claimreview", "annotations")
SCHEMA_CONTEXT = "https://schema.org"
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"

Since = date | datetime | str | None


class ExportError(ClaimsError):
    code = "bad-export"


def since_time(since: Since) -> datetime | None:
    """``since`` as an aware UTC datetime: a date means its midnight, UTC.

    >>> since_time("2024-05-01")
    datetime.datetime(2024, 5, 1, 0, 0, tzinfo=datetime.timezone.utc)
    """
    if since is None or since == "":
        return None
    if isinstance(since, str):
        try:
            since = datetime.fromisoformat(since.strip().replace("Z", "+00:00"))
        except ValueError:
            raise ExportError(f"bad date {since!r}", hint="give YYYY-MM-DD or an ISO date-time") from None
    if not isinstance(since, datetime):
        since = datetime(since.year, since.month, since.day)
    return (since if since.tzinfo else since.replace(tzinfo=UTC)).astimezone(UTC)


def _dataset(store: Store) -> Dataset:
    dataset = Dataset(default_union=False)
    dataset.parse(data=store.dump(format="nquads"), format="nquads")
    return dataset


def _context() -> dict[str, Any]:
    context: dict[str, Any] = json.loads((ontology_dir() / "context.jsonld").read_text("utf-8"))
    return context


def _json(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=1, default=str).encode("utf-8")


def _none(value: Any) -> Any:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else value


def _reviewed_since(frame: pd.DataFrame, since: datetime | None,
                    columns: tuple[str, ...] = ("reviewed_at", "rated_at")) -> pd.DataFrame:
    if since is None:
        return frame
    keep = pd.Series(False, index=frame.index)
    for column in columns:
        keep |= frame[column].map(lambda t: isinstance(t, datetime) and t >= since)
    return frame[keep]


def statuses_frame(store: Store, since: datetime | None = None) -> pd.DataFrame:
    """Every statement with its current review status (one row a statement)."""
    statements = select(store, "article_statements")
    status = select(store, "review_status").drop(columns=["article"])
    status = status.rename(columns={"speaker": "current_speaker"})
    merged = statements.merge(status, on="statement", how="left")
    if since is not None:
        merged = _reviewed_since(merged, since)
    return merged.reset_index(drop=True)


def csv(store: Store, *, since: Since = None) -> bytes:
    """Statements with their current status, as CSV (reviewed since ``since`` if given)."""
    return to_csv(statuses_frame(store, since_time(since))).encode("utf-8")


def _articles(store: Store) -> dict[str, dict[Any, Any]]:
    frame = select(store, "articles")
    return {row["article"]: row for row in frame.to_dict("records")}


def _appearance(article: str, meta: dict[Any, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "NewsArticle", "@id": expand(article),
                            "url": _none(meta.get("url")) or expand(article)}
    if _none(meta.get("title")):
        item["headline"] = meta["title"]
    if _none(meta.get("date")):
        item["datePublished"] = str(meta["date"])
    if _none(meta.get("outlet")):
        item["publisher"] = {"@type": "Organization", "name": meta["outlet"]}
    return item


def claim_review(row: dict[Any, Any], meta: dict[Any, Any]) -> dict[str, Any]:
    """One ClaimReview from a row of ``statuses_frame`` and its article's metadata."""
    rating = Rating(row["rating"])
    wording = _none(row.get("rating_text")) or rating.label.capitalize()
    review_rating: dict[str, Any] = {"@type": "Rating", "alternateName": wording,
                                     "bestRating": 5, "worstRating": 1}
    if rating.value_of_5 is not None:
        review_rating["ratingValue"] = rating.value_of_5
    speaker = _none(row.get("current_speaker"))
    author = ({"@type": "Person", "name": speaker} if speaker else
              {"@type": "Organization", "name": _none(meta.get("outlet")) or "unknown"})
    claim: dict[str, Any] = {"@type": "Claim", "@id": expand(row["statement"]),
                             "author": author, "appearance": _appearance(row["article"], meta)}
    if _none(meta.get("date")):
        claim["datePublished"] = str(meta["date"])
    event = expand(row["rating_event"])
    rated_at = row["rated_at"]
    return {
        "@type": "ClaimReview", "@id": event,
        "url": _none(row.get("fact_check_url")) or event,
        "claimReviewed": row["text"],
        "author": {"@type": "Person", "name": row["rated_by"]},
        "datePublished": rated_at.date().isoformat(),
        "reviewRating": review_rating,
        "itemReviewed": claim,
    }


def claimreview(store: Store, *, since: Since = None, imported: bool = False) -> dict[str, Any]:
    """A JSON-LD document: a ClaimReview for each statement's current rating (and, when
    ``imported``, each fact-check imported with ``claims factchecks import``)."""
    frame = statuses_frame(store)
    frame = frame[frame["rating"].map(lambda r: isinstance(r, str))]
    frame = _reviewed_since(frame, since_time(since), ("rated_at",))
    articles = _articles(store)
    reviews = [claim_review(row, articles.get(row["article"], {}))
               for row in frame.to_dict("records")]
    if imported:
        from claims.factcheck.published import claimreviews

        reviews += claimreviews(store)
    return {"@context": SCHEMA_CONTEXT, "@graph": reviews}


_QUOTES = """
PREFIX claims: <https://w3id.org/claims#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?statement ?exact ?start ?end ?article ?url ?confidence
WHERE {
  GRAPH ?g {
    ?statement a claims:Quotation ; prov:wasDerivedFrom ?article ; claims:confidence ?confidence ;
               schema:text ?exact ; claims:start ?start ; claims:end ?end .
    OPTIONAL { ?article schema:url ?url }
  }
}
ORDER BY ?article ?start ?statement"""
_BODIES = """
PREFIX claims: <https://w3id.org/claims#>
PREFIX schema: <https://schema.org/>
SELECT ?article ?body WHERE { GRAPH ?g { ?article a claims:Article ; schema:articleBody ?body } }"""


def _context_of(quotes: pd.DataFrame, bodies: dict[str, str]) -> pd.DataFrame:
    """``quotes`` with the TextQuoteSelector's prefix and suffix: up to
    :data:`~claims.model.mapping.CONTEXT_CHARS` characters of the article text either side."""
    def around(row: pd.Series) -> tuple[str, str]:
        body, start, end = bodies.get(row["article"], ""), int(row["start"]), int(row["end"])
        return body[max(0, start - CONTEXT_CHARS):start], body[end:end + CONTEXT_CHARS]

    context = [around(row) for _, row in quotes.iterrows()]
    return quotes.assign(prefix=[p for p, _ in context], suffix=[s for _, s in context])


def annotation(row: dict[Any, Any]) -> dict[str, Any]:
    """One Web Annotation: the quotation's span in its article, described by its speaker."""
    statement = expand(row["statement"])
    speaker = _none(row.get("current_speaker")) or _none(row.get("speaker"))
    bodies: list[dict[str, Any]] = [{
        "type": "TextualBody", "purpose": "describing", "format": "text/plain",
        "value": f"Quotation attributed to {speaker}" if speaker else "Quotation, speaker unknown"}]
    if speaker:
        bodies.append({"type": "TextualBody", "purpose": "tagging", "value": speaker})
    if _none(row.get("verdict")):
        bodies.append({"type": "TextualBody", "purpose": "assessing", "value": row["verdict"]})
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": row["exact"]}
    for key in ("prefix", "suffix"):
        if _none(row.get(key)):
            quote[key] = row[key]
    return {
        "id": f"{statement}#annotation", "type": "Annotation", "motivation": "describing",
        "body": bodies,
        "target": {
            "source": _none(row.get("url")) or expand(row["article"]),
            "selector": [quote, {"type": "TextPositionSelector",
                                 "start": int(row["start"]), "end": int(row["end"])}],
        },
    }


def web_annotations(store: Store, *, since: Since = None) -> dict[str, Any]:
    """An AnnotationCollection of every quotation (reviewed since ``since`` if given)."""
    bodies = dict(select(store, _BODIES).itertuples(index=False, name=None))
    quotes = _context_of(select(store, _QUOTES), bodies)
    status = select(store, "review_status")[["statement", "speaker", "verdict", "reviewed_at",
                                             "rated_at"]]
    status = status.rename(columns={"speaker": "current_speaker"})
    extracted = select(store, "article_statements")[["statement", "speaker"]]
    frame = quotes.merge(extracted, on="statement", how="left").merge(
        status, on="statement", how="left")
    frame = _reviewed_since(frame, since_time(since))
    items = [annotation(row) for row in frame.to_dict("records")]
    collection = f"{base_iri()}annotations"
    return {
        "@context": ANNO_CONTEXT, "id": collection, "type": "AnnotationCollection",
        "label": "Quotations in the claims knowledge base", "total": len(items),
        "first": {"id": f"{collection}/page/1", "type": "AnnotationPage", "startIndex": 0,
                  "items": items},
    }


def _named_graph(store: Store, name: URIRef) -> Graph:
    graph = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
    assert isinstance(graph, Graph)
    return graph


def reviews_since(store: Store, since: Since) -> Dataset:
    """The review events recorded since ``since``, with their reviewers (reviews graph) and
    the corrected speakers they name (entities graph)."""
    chosen = {URIRef(e.iri) for e in events(store, since=since_time(since))}
    reviews = _named_graph(store, iris.reviews_graph_iri())
    named = {o for s, p, o in reviews
             if s in chosen and p in (PROV.wasAssociatedWith, CLAIMS.correctedSpeaker)}
    dataset = Dataset(default_union=False)
    for name, keep in ((iris.reviews_graph_iri(), chosen | named), (iris.entities_graph_iri(), named)):
        target = dataset.graph(name)
        source = reviews if name == iris.reviews_graph_iri() else _named_graph(store, name)
        for s, p, o in source:
            if s in keep:
                target.add((s, p, o))
    return dataset


def trig_prefixes() -> dict[str, str]:
    """The prefixes a TriG dump declares: the workbench's, and one for each family of
    knowledge-base IRIs with one-segment names (``statement:18749852e43e8bfd25a2``); other
    knowledge-base IRIs (graphs, checks, links) are written whole."""
    families = {name: f"{base_iri()}{name}/"
                for name in ("article", "statement", "person", "org", "source")}
    return {**PREFIXES, **families}


def _faithful(nquads: bytes, format: str) -> bytes:
    """Re-serialise with pyoxigraph, which writes every literal as stored (rdflib's TriG
    writer turns ``"8"^^xsd:decimal`` into ``8.0``, so a round trip would not be exact)."""
    if format == "nquads":
        return nquads
    quads = ox.parse(nquads, format=ox.RdfFormat.N_QUADS)
    data = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=trig_prefixes())
    assert data is not None
    return data


def export(store: Store, format: str, *, since: Since = None, imported: bool = False) -> bytes:
    """The knowledge base in ``format`` (one of :data:`FORMATS`); ``imported``: the ClaimReview
    export includes the imported fact-checks too."""
    if format in ("trig", "nquads"):
        if since_time(since) is None:
            return _faithful(store.dump(format="nquads"), format)
        nquads = reviews_since(store, since).serialize(format="nquads").encode("utf-8")
        return _faithful(nquads, format)
    if format in ("turtle", "jsonld") and since_time(since) is not None:
        raise ExportError(f"--since does not apply to {format}",
                          hint="use trig or nquads for the reviews since a date")
    if format == "turtle":
        merged = bind_prefixes(Graph())
        for graph in _dataset(store).graphs():
            for triple in graph:
                merged.add(triple)
        return merged.serialize(format="turtle").encode("utf-8")
    if format == "jsonld":
        return _dataset(store).serialize(format="json-ld", context=_context()["@context"],
                                         indent=1).encode("utf-8")
    if format == "csv":
        return csv(store, since=since)
    if format == "claimreview":
        return _json(claimreview(store, since=since, imported=imported))
    if format == "annotations":
        return _json(web_annotations(store, since=since))
    raise ExportError(f"unknown export format {format!r}", hint=f"use one of {', '.join(FORMATS)}")
