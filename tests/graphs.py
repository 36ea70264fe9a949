"""Stores for comparisons: articles written straight to a store, and its named graphs read
back as plain rdflib graphs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rdflib import Dataset, Graph, URIRef

from claims.document import Document
from claims.model.mapping import to_graphs
from claims.statements import Statement
from claims.store import Store


def write_graphs(store: Store, articles: Iterable[tuple[Document, Sequence[Statement]]]) -> None:
    """Articles written straight to the store (each article graph replaced, the entities it
    names added), in one transaction and without the statement index's hook."""
    graphs = [to_graphs(doc, statements) for doc, statements in articles]
    store.write(replace=[article for article, _ in graphs], add=[people for _, people in graphs])


def named_graphs(store: Store) -> dict[str, Graph]:
    """Every non-empty named graph of ``store``, read back through its N-Quads dump."""
    dataset = Dataset()
    dataset.parse(data=store.dump(format="nquads"), format="nquads")
    out = {}
    for graph in dataset.graphs():
        if len(graph) and isinstance(graph.identifier, URIRef):
            plain = Graph()
            for triple in graph:
                plain.add(triple)
            out[str(graph.identifier)] = plain
    return out
