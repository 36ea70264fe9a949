"""Deterministic IRIs: the same input always mints the same IRIs, from one configurable base.

>>> from claims.statements import Kind, Span
>>> statement_iri("ab" * 32, Kind.QUOTATION, Span(1, 5), base="https://x.org/")
rdflib.term.URIRef('https://x.org/statement/95e79a10b53962120485')
>>> person_iri("Vladimir Putin", base="https://x.org/")
rdflib.term.URIRef('https://x.org/person/vladimir-putin')
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from claims.config import base_iri
from claims.document import Document
from claims.statements import Kind, Span


def _digest(text: str, length: int = 20) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def slug(name: str) -> str:
    """ASCII slug of a name: 'Ebrahim Raïsi' -> 'ebrahim-raisi'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or _digest(name, 12)


def article_key(doc: Document) -> str:
    """The article's identity: its canonical URL where known, else its content hash."""
    return _digest(doc.url) if doc.url else doc.content_hash[:20]


def article_iri(doc: Document, *, base: str | None = None) -> URIRef:
    return URIRef(f"{base or base_iri()}article/{article_key(doc)}")


def graph_iri(doc: Document, *, base: str | None = None) -> URIRef:
    """The named graph that holds everything extracted from one article."""
    return URIRef(f"{base or base_iri()}graph/{article_key(doc)}")


def statement_iri(content_hash: str, kind: Kind, span: Span, *, base: str | None = None) -> URIRef:
    key = f"{content_hash}|{kind.value}|{span.start}|{span.end}"
    return URIRef(f"{base or base_iri()}statement/{_digest(key)}")


def person_iri(name: str, *, base: str | None = None) -> URIRef:
    return URIRef(f"{base or base_iri()}person/{slug(name)}")


def source_iri(name: str, *, base: str | None = None) -> URIRef:
    """A described source ("media reports", "a senior official"): neither person nor org."""
    return URIRef(f"{base or base_iri()}source/{slug(name)}")


def organization_iri(name: str, *, base: str | None = None) -> URIRef:
    return URIRef(f"{base or base_iri()}org/{slug(name)}")


def extractor_iri(name: str, version: str, *, base: str | None = None) -> URIRef:
    return URIRef(f"{base or base_iri()}extractor/{slug(name)}/{slug(version)}")


def entities_graph_iri(*, base: str | None = None) -> URIRef:
    """The named graph that describes people, organisations and extractors, each once."""
    return URIRef(f"{base or base_iri()}graph/entities")


def reviews_graph_iri(*, base: str | None = None) -> URIRef:
    """The named graph of review events, apart from every article graph."""
    return URIRef(f"{base or base_iri()}graph/reviews")
