"""Dumps of the knowledge base: TriG, Turtle, JSON-LD and CSV.

TriG keeps every named graph; importing it into an empty store gives an isomorphic
dataset. Turtle merges the graphs; CSV lists the statements.
"""

from __future__ import annotations

import json
from typing import Any

from rdflib import Dataset, Graph

from claims.config import ontology_dir
from claims.errors import ClaimsError
from claims.model.mapping import bind_prefixes
from claims.query import select
from claims.store.base import Store

FORMATS = ("trig", "nquads", "turtle", "jsonld", "csv")


def _dataset(store: Store) -> Dataset:
    dataset = Dataset(default_union=False)
    dataset.parse(data=store.dump(format="nquads"), format="nquads")
    return dataset


def _context() -> dict[str, Any]:
    context: dict[str, Any] = json.loads((ontology_dir() / "context.jsonld").read_text("utf-8"))
    return context


def export(store: Store, format: str) -> bytes:
    """The whole knowledge base in ``format`` (one of :data:`FORMATS`)."""
    if format in ("trig", "nquads"):
        return store.dump(format=format)
    if format == "turtle":
        dataset = _dataset(store)
        merged = bind_prefixes(Graph())
        for graph in dataset.graphs():
            for triple in graph:
                merged.add(triple)
        return merged.serialize(format="turtle").encode("utf-8")
    if format == "jsonld":
        return _dataset(store).serialize(format="json-ld", context=_context()["@context"],
                                         indent=1).encode("utf-8")
    if format == "csv":
        return select(store, "article_statements").to_csv(index=False).encode("utf-8")
    raise ClaimsError(f"unknown export format {format!r}", hint=f"use one of {', '.join(FORMATS)}")
