"""In-memory backend on rdflib's ``Dataset``: for small work and tests."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result

from claims.config import union_default_graph
from claims.errors import QueryError
from claims.store.base import Bindings, Store, Table
from claims.store.guard import check_services


class MemoryStore(Store):
    """A store that lives as long as the Python object.

    ``union``: whether queries without ``GRAPH`` see every named graph (``None``:
    ``CLAIMS_DATASET``). rdflib's union is a set where Oxigraph's and Virtuoso's are bags;
    the model states each triple in one graph, so they agree.

    >>> store = MemoryStore()
    >>> store.graphs()
    []
    """

    kind = "memory"

    def __init__(self, *, union: bool | None = None) -> None:
        self._dataset = Dataset(default_union=False)
        self.union = union_default_graph(union)

    def write(self, *, replace: Iterable[Graph] = (), add: Iterable[Graph] = ()) -> None:
        for graph in replace:
            self._dataset.graph(URIRef(str(graph.identifier))).remove((None, None, None))
            self._merge(graph)
        for graph in add:
            self._merge(graph)

    def _merge(self, graph: Graph) -> None:
        target = self._dataset.graph(URIRef(str(graph.identifier)))
        for triple in graph:
            target.add(triple)

    def remove_graph(self, iri: str) -> None:
        self._dataset.remove_graph(URIRef(iri))

    def graphs(self) -> list[str]:
        return sorted(str(g.identifier) for g in self._dataset.graphs()
                      if isinstance(g.identifier, URIRef) and len(g) > 0
                      and g.identifier != self._dataset.default_graph.identifier)

    def query(self, sparql: str, bindings: Bindings | None = None, *,
              union: bool | None = None) -> Table | bool | Graph:
        check_services(sparql)
        # rdflib reads the flag while it evaluates (lazily); updates fail with it on
        self._dataset.default_union = self.union if union is None else union
        try:
            return _answer(self._dataset.query(sparql, initBindings=dict(bindings or {})))
        except Exception as exc:  # rdflib raises pyparsing and plain exceptions
            raise QueryError(str(exc)) from exc
        finally:
            self._dataset.default_union = False

    def update(self, sparql: str) -> None:
        check_services(sparql)
        try:
            self._dataset.update(sparql)
        except Exception as exc:
            raise QueryError(str(exc)) from exc

    def load(self, data: bytes, *, format: str = "trig") -> None:
        staged = Dataset(default_union=False)
        staged.parse(data=data, format=format)
        self.write(add=[graph for graph in staged.graphs()
                        if len(graph) and graph.identifier != staged.default_graph.identifier])

    def dump(self, *, format: str = "trig") -> bytes:
        return self._dataset.serialize(format=format).encode("utf-8")


def _answer(result: Result) -> Table | bool | Graph:
    """rdflib's result read to the end, as the store interface gives it."""
    if result.type == "ASK":
        return bool(result.askAnswer)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph = Graph()
        for triple in result:
            graph.add(triple)  # type: ignore[arg-type]
        return graph
    columns = tuple(str(v) for v in result.vars or ())
    return Table(columns, tuple(tuple(row) for row in result))  # type: ignore[arg-type]
