"""Reading a store back for comparisons: its named graphs as plain rdflib graphs."""

from __future__ import annotations

from rdflib import Dataset, Graph, URIRef

from claims.store import Store


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
