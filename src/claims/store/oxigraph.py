"""Embedded backend: an Oxigraph store on disk (pyoxigraph), transactional.

Terms cross between rdflib and pyoxigraph only at this edge: bindings going in and
result cells coming out.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from claims.errors import QueryError, StoreError, StoreLocked
from claims.store.base import Bindings, Store, Table, Term, insert_data

_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}


def to_ox(term: Term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def from_ox(term: object) -> Term | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise StoreError(f"unsupported term {term!r}")


def _format(name: str) -> ox.RdfFormat:
    try:
        return _FORMATS[name]
    except KeyError:
        raise StoreError(f"unknown RDF format {name!r}", hint=f"use one of {sorted(_FORMATS)}") from None


class OxigraphStore(Store):
    """An on-disk Oxigraph store at ``path`` (created if missing)."""

    kind = "oxigraph"

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        try:
            if read_only:
                self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreLocked(str(self.path)) from exc
            raise StoreError(f"{self.path}: {exc}") from exc

    @property
    def raw(self) -> ox.Store:
        """The pyoxigraph store, for bulk paths that must not pay for rdflib terms."""
        return self._store

    def replace_graphs(self, graphs: Iterable[Graph]) -> None:
        staged = list(graphs)
        if staged:
            self._store.update(insert_data(staged, replace=True))

    def add(self, graph: Graph) -> None:
        self._store.update(insert_data([graph], replace=False))

    def remove_graph(self, iri: str) -> None:
        self._store.update(f"DROP SILENT GRAPH <{URIRef(iri)}>")

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def query(self, sparql: str, bindings: Bindings | None = None) -> Table | bool | Graph:
        subs = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
        try:
            result = self._store.query(sparql, substitutions=subs or None)
        except SyntaxError as exc:
            raise QueryError(str(exc)) from exc
        except OSError as exc:
            raise StoreError(str(exc)) from exc
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QueryTriples):
            graph = Graph()
            for t in result:
                graph.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))  # type: ignore[arg-type]
            return graph
        columns = tuple(v.value for v in result.variables)
        rows = tuple(tuple(from_ox(s[i]) for i in range(len(columns))) for s in result)
        return Table(columns, rows)

    def update(self, sparql: str) -> None:
        try:
            self._store.update(sparql)
        except SyntaxError as exc:
            raise QueryError(str(exc)) from exc

    def load(self, data: bytes, *, format: str = "trig") -> None:
        try:
            self._store.load(data, format=_format(format))
        except SyntaxError as exc:
            raise StoreError(f"cannot parse {format}: {exc}") from exc

    def dump(self, *, format: str = "trig") -> bytes:
        if format not in ("trig", "nquads"):
            raise StoreError(f"cannot dump a dataset as {format}", hint="use trig or nquads")
        return bytes(self._store.dump(format=_format(format)))

    def close(self) -> None:
        if hasattr(self, "_store"):
            self._store.flush()
            del self._store
