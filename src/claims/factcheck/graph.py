"""Fact-checks as RDF: one named graph per source, IRIs from the fact-check's URL.

Built as pyoxigraph terms (checked in Rust) and written as N-Quads, so that an import runs at
thousands of fact-checks a second; :func:`to_graph` gives the same triples as rdflib.

>>> from claims.factcheck.records import from_row
>>> fc = from_row({"claim": "x", "rating": "false", "url": "https://www.politifact.com/f/1/"})
>>> str(factcheck_iri(fc.url, base="https://x.org/")), str(source_graph_iri(fc.source, base="https://x.org/"))
('https://x.org/factcheck/71a61380485f8daf248a', 'https://x.org/graph/factchecks/politifact.com')
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Graph, URIRef

from claims.config import base_iri
from claims.factcheck.ratings import RATING_NS
from claims.factcheck.records import FactCheck
from claims.model.mapping import bind_prefixes
from claims.vocab import CLAIMS

SCHEMA = "https://schema.org/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD = "http://www.w3.org/2001/XMLSchema#"
DCT = "http://purl.org/dc/terms/"


def factcheck_iri(url: str, *, base: str | None = None) -> URIRef:
    """The fact-check's IRI: the same URL always gives the same IRI."""
    return URIRef(f"{base or base_iri()}factcheck/{hashlib.sha256(url.encode()).hexdigest()[:20]}")


def source_graph_iri(source: str, *, base: str | None = None) -> URIRef:
    """The named graph of one source (a publisher's host)."""
    return URIRef(f"{base or base_iri()}graph/factchecks/{re.sub(r'[^a-z0-9.-]+', '-', source.lower())}")


def graph_prefix(*, base: str | None = None) -> str:
    return f"{base or base_iri()}graph/factchecks/"


def publisher_iri(source: str, *, base: str | None = None) -> URIRef:
    return URIRef(f"{base or base_iri()}factcheck-publisher/{re.sub(r'[^a-z0-9.-]+', '-', source.lower())}")


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _s(p: str) -> ox.NamedNode:
    return ox.NamedNode(SCHEMA + p)


def _date(value: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(XSD + "date"))


def _dec(value: float) -> ox.Literal:
    return ox.Literal(_decimal(value), datatype=ox.NamedNode(XSD + "decimal"))


def quads(fc: FactCheck) -> list[ox.Quad]:
    """The quads of one fact-check, in its source's graph."""
    g = _n(str(source_graph_iri(fc.source)))
    node = _n(str(factcheck_iri(fc.url)))
    claim, rating = _n(f"{node.value}/claim"), _n(f"{node.value}/rating")
    publisher = _n(str(publisher_iri(fc.source)))
    out: list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]] = [
        (node, RDF_TYPE, _s("ClaimReview")), (node, RDF_TYPE, _n(str(CLAIMS.ImportedFactCheck))),
        (node, _s("url"), _n(fc.url)), (node, _s("claimReviewed"), _lang(fc.claim, fc.language)),
        (node, _s("itemReviewed"), claim), (node, _s("reviewRating"), rating),
        (node, _s("author"), publisher),
        (claim, RDF_TYPE, _s("Claim")),
        (rating, RDF_TYPE, _s("Rating")), (rating, _s("alternateName"), ox.Literal(fc.rating_text)),
        (publisher, RDF_TYPE, _s("Organization")), (publisher, _s("name"), ox.Literal(fc.publisher)),
    ]
    if fc.publisher_url:
        out.append((publisher, _s("url"), ox.Literal(fc.publisher_url)))
    if fc.rating:
        out.append((node, _n(str(CLAIMS.normalisedRating)), _n(RATING_NS + fc.rating)))
    for prop, num in (("ratingValue", fc.rating_value), ("bestRating", fc.best_rating),
                      ("worstRating", fc.worst_rating)):
        if num is not None:
            out.append((rating, _s(prop), _dec(num)))
    if fc.title:
        out.append((node, _s("headline"), _lang(fc.title, fc.language)))
    if fc.review_date:
        out.append((node, _s("datePublished"), _date(fc.review_date)))
    if fc.language:
        out.append((node, _s("inLanguage"), ox.Literal(fc.language)))
    if fc.record_id:
        out.append((node, _n(DCT + "identifier"), ox.Literal(fc.record_id)))
    if fc.claimant:
        out.append((claim, _s("author"), ox.Literal(fc.claimant)))
    if fc.claim_date:
        out.append((claim, _s("datePublished"), _date(fc.claim_date)))
    for url in fc.appearances:
        out.append((claim, _s("appearance"), ox.Literal(url)))
    return [ox.Quad(s, p, o, g) for s, p, o in out]


def _lang(text: str, language: str | None) -> ox.Literal:
    return ox.Literal(text, language=language) if language else ox.Literal(text)


def subjects(fc: FactCheck) -> tuple[str, ...]:
    """The nodes a fact-check owns (re-import replaces their triples)."""
    node = str(factcheck_iri(fc.url))
    return node, f"{node}/claim", f"{node}/rating"


def nquads(facts: Iterable[FactCheck]) -> bytes:
    """The N-Quads of fact-checks: the quads of :func:`quads`, written as text directly (the
    import's hot path: building a Python object per term cost more than loading them). External
    IRIs (the fact-check's URL) and language tags are checked by pyoxigraph; literals escaped."""
    base = base_iri()
    schema = {p: f"<{SCHEMA}{p}>" for p in _PROPS}
    a = f"<{RDF_TYPE.value}>"
    imported, normalised = f"<{CLAIMS.ImportedFactCheck}>", f"<{CLAIMS.normalisedRating}>"
    identifier, xsd_date, xsd_decimal = f"<{DCT}identifier>", f"^^<{XSD}date>", f"^^<{XSD}decimal>"
    lines: dict[str, None] = {}  # in order, once (a publisher's quads repeat across its fact-checks)
    add = lines.setdefault
    for fc in facts:
        ox.NamedNode(fc.url)  # raises ValueError on an IRI N-Quads cannot carry
        lang = _tag(fc.language)
        source = fc.source
        g = f"<{source_graph_iri(source, base=base)}> .\n"
        iri = str(factcheck_iri(fc.url, base=base))
        node, claim, rating = f"<{iri}>", f"<{iri}/claim>", f"<{iri}/rating>"
        publisher = f"<{publisher_iri(source, base=base)}>"
        out = [f"{node} {a} {schema['ClaimReview']}", f"{node} {a} {imported}",
               f"{node} {schema['url']} <{fc.url}>", f"{node} {schema['claimReviewed']} {_q(fc.claim)}{lang}",
               f"{node} {schema['itemReviewed']} {claim}", f"{node} {schema['reviewRating']} {rating}",
               f"{node} {schema['author']} {publisher}", f"{claim} {a} {schema['Claim']}",
               f"{rating} {a} {schema['Rating']}", f"{rating} {schema['alternateName']} {_q(fc.rating_text)}",
               f"{publisher} {a} {schema['Organization']}",
               f"{publisher} {schema['name']} {_q(fc.publisher)}"]
        if fc.publisher_url:
            out.append(f"{publisher} {schema['url']} {_q(fc.publisher_url)}")
        if fc.rating:
            out.append(f"{node} {normalised} <{RATING_NS}{fc.rating}>")
        for prop, num in (("ratingValue", fc.rating_value), ("bestRating", fc.best_rating),
                          ("worstRating", fc.worst_rating)):
            if num is not None:
                out.append(f"{rating} {schema[prop]} {_q(_decimal(num))}{xsd_decimal}")
        if fc.title:
            out.append(f"{node} {schema['headline']} {_q(fc.title)}{lang}")
        if fc.review_date:
            out.append(f"{node} {schema['datePublished']} {_q(fc.review_date)}{xsd_date}")
        if fc.language:
            out.append(f"{node} {schema['inLanguage']} {_q(fc.language)}")
        if fc.record_id:
            out.append(f"{node} {identifier} {_q(fc.record_id)}")
        if fc.claimant:
            out.append(f"{claim} {schema['author']} {_q(fc.claimant)}")
        if fc.claim_date:
            out.append(f"{claim} {schema['datePublished']} {_q(fc.claim_date)}{xsd_date}")
        for url in fc.appearances:
            out.append(f"{claim} {schema['appearance']} {_q(url)}")
        for line in out:
            add(f"{line} {g}")
    return "".join(lines).encode("utf-8")


_PROPS = ("ClaimReview", "Claim", "Rating", "Organization", "url", "claimReviewed", "itemReviewed",
          "reviewRating", "author", "alternateName", "name", "ratingValue", "bestRating", "worstRating",
          "headline", "datePublished", "inLanguage", "appearance")
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _q(text: str) -> str:
    """A quoted N-Quads string."""
    return f'"{text.translate(_ESCAPES)}"'


@lru_cache(maxsize=256)
def _tag(language: str | None) -> str:
    """``@tag`` for a literal's language (checked once by pyoxigraph), or nothing."""
    return "@" + ox.Literal("", language=language).language if language else ""  # type: ignore[operator]


def _decimal(value: float) -> str:
    return f"{value:g}" if "e" not in f"{value:g}" else repr(value)


def to_graph(fc: FactCheck) -> Graph:
    """One fact-check's triples as an rdflib graph (its source's graph as identifier)."""
    graph = bind_prefixes(Graph(identifier=source_graph_iri(fc.source)))
    graph.parse(data=ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads(fc)],
                                  format=ox.RdfFormat.N_TRIPLES) or b"", format="nt")
    return graph
