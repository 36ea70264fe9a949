"""Embedded backend: an Oxigraph store on disk (pyoxigraph), transactional.

Terms cross between rdflib and pyoxigraph only at this edge: bindings going in and
result cells coming out.
"""

from __future__ import annotations

import fcntl
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from claims.config import union_default_graph
from claims.errors import QueryError, StoreError, StoreLocked, store_io_error
from claims.store.base import Bindings, Store, Table, Term, insert_data
from claims.store.guard import check_services

_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}


LOCK_FILE = "claims.lock"


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


def _iri(value: str) -> URIRef:
    """``URIRef(value)`` minus rdflib's validity check: Oxigraph only returns valid IRIs."""
    return str.__new__(URIRef, value)


_DATATYPES: dict[str, URIRef] = {}


def from_ox(term: object) -> Term | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return _iri(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        name = term.datatype.value
        datatype = _DATATYPES.get(name)
        if datatype is None:
            datatype = _DATATYPES.setdefault(name, _iri(name))
        return Literal(term.value, datatype=datatype)
    raise StoreError(f"unsupported term {term!r}")


def memo_from_ox() -> Callable[[object], Term | None]:
    """:func:`from_ox` with a memory of the IRIs already converted (for one result)."""
    seen: dict[str, URIRef] = {}

    def convert(term: object) -> Term | None:
        if isinstance(term, ox.NamedNode):
            value = term.value
            iri = seen.get(value)
            if iri is None:
                iri = seen[value] = _iri(value)
            return iri
        return from_ox(term)
    return convert


def _format(name: str) -> ox.RdfFormat:
    try:
        return _FORMATS[name]
    except KeyError:
        raise StoreError(f"unknown RDF format {name!r}", hint=f"use one of {sorted(_FORMATS)}") from None


class OxigraphStore(Store):
    """An on-disk Oxigraph store at ``path`` (created if missing).

    By default the store is held open, and so locked, for the object's life: fastest, for
    batch jobs. With ``shared=True`` every operation opens it under a file lock and closes
    it again (tens of milliseconds), so several processes (notebook kernels, editors) can read and
    write the same store in turn; a busy store is retried for ``lock_timeout`` seconds.
    ``union``: whether queries without ``GRAPH`` see every named graph (``None``:
    ``CLAIMS_DATASET``, by default yes); Oxigraph's own option, so it costs nothing.
    """

    kind = "oxigraph"

    def __init__(self, path: str | Path, *, read_only: bool = False, shared: bool = False,
                 lock_timeout: float = 60.0, union: bool | None = None) -> None:
        self.path = Path(path)
        self.union = union_default_graph(union)
        self.read_only = read_only
        self.shared = shared
        self.lock_timeout = lock_timeout
        self._store: ox.Store | None = None
        if not read_only:
            self.path.mkdir(parents=True, exist_ok=True)
        if not shared:
            self._store = self._open()

    def _open(self) -> ox.Store:
        deadline = time.monotonic() + self.lock_timeout
        delay = 0.005
        while True:
            try:
                if self.read_only:
                    return ox.Store.read_only(str(self.path))
                store = ox.Store(str(self.path))
                remove_leftovers(self.path)
                return store
            except OSError as exc:
                if "lock" not in str(exc).lower():
                    raise store_io_error(exc, str(self.path)) from exc
                if time.monotonic() + delay > deadline:
                    raise StoreLocked(str(self.path)) from exc
                time.sleep(delay)
                delay = min(delay * 2, 0.25)

    @contextmanager
    def _handle(self) -> Iterator[ox.Store]:
        if self._store is not None:
            yield self._store
            return
        if self.shared and not self.read_only:
            with _file_lock(self.path / LOCK_FILE, self.lock_timeout, str(self.path)):
                store = self._open()
                try:
                    yield store
                finally:
                    del store  # closing the store releases RocksDB's lock; commits are durable
        else:
            store = self._open()
            try:
                yield store
            finally:
                del store

    @property
    def raw(self) -> ox.Store:
        """The pyoxigraph store, for bulk paths that must not pay for rdflib terms."""
        if self._store is None:
            raise StoreError("a shared store has no permanent handle",
                             hint="open it with shared=False for bulk work")
        return self._store

    def write(self, *, replace: Iterable[Graph] = (), add: Iterable[Graph] = ()) -> None:
        parts = [insert_data(replace, replace=True), insert_data(add, replace=False)]
        if any(parts):
            self.update(" ;\n".join(p for p in parts if p))

    def remove_graph(self, iri: str) -> None:
        self.update(f"DROP SILENT GRAPH <{URIRef(iri)}>")

    def graphs(self) -> list[str]:
        with self._handle() as store:
            return sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))

    @contextmanager
    def _result(self, sparql: str, bindings: Bindings | None, union: bool | None) -> Iterator[Any]:
        """Run a query with its bindings; the result is only valid inside the block."""
        check_services(sparql)
        subs: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
            ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
        as_union = self.union if union is None else union
        with self._handle() as store:
            try:
                try:
                    result = store.query(sparql, substitutions=subs or None,
                                         use_default_graph_as_union=as_union)
                except RuntimeError as exc:  # Oxigraph substitutes projected variables only
                    if not subs or "projection" not in str(exc):
                        raise
                    from claims.store.sparql import bind_values  # a VALUES row, as remotely

                    result = store.query(bind_values(sparql, bindings or {}),
                                         use_default_graph_as_union=as_union)
            except SyntaxError as exc:
                raise QueryError(str(exc)) from exc
            except OSError as exc:
                raise StoreError(str(exc)) from exc
            yield result

    def query(self, sparql: str, bindings: Bindings | None = None, *,
              union: bool | None = None) -> Table | bool | Graph:
        with self._result(sparql, bindings, union) as result:
            if isinstance(result, ox.QueryBoolean):
                return bool(result)
            convert = memo_from_ox()
            if isinstance(result, ox.QueryTriples):
                graph = Graph()
                for t in result:
                    graph.add((convert(t.subject), convert(t.predicate), convert(t.object)))  # type: ignore[arg-type]
                return graph
            columns = tuple(v.value for v in result.variables)
            width = range(len(columns))
            rows = tuple(tuple(convert(s[i]) for i in width) for s in result)
            return Table(columns, rows)

    def select_ox(self, sparql: str, bindings: Bindings | None = None, *, union: bool | None = None
                  ) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
        """A SELECT's columns and rows of pyoxigraph terms (None = unbound), unconverted.

        For callers that turn cells into Python values themselves (``claims.query.select``)
        and must not pay for rdflib terms on every cell.
        """
        with self._result(sparql, bindings, union) as result:
            if not isinstance(result, ox.QuerySolutions):
                raise QueryError("not a SELECT query", hint="use run() for ASK, CONSTRUCT and DESCRIBE")
            columns = tuple(v.value for v in result.variables)
            return columns, [tuple(solution) for solution in result]  # in the variables' order, None unbound

    def update(self, sparql: str) -> None:
        check_services(sparql)
        with self._handle() as store:
            try:
                store.update(sparql)
            except SyntaxError as exc:
                raise QueryError(str(exc)) from exc
            except OSError as exc:
                raise store_io_error(exc, str(self.path)) from exc

    def load(self, data: bytes, *, format: str = "trig") -> None:
        with self._handle() as store:
            try:
                store.load(data, format=_format(format))
            except SyntaxError as exc:
                raise StoreError(f"cannot parse {format}: {exc}") from exc
            except OSError as exc:
                raise store_io_error(exc, str(self.path)) from exc

    def dump(self, *, format: str = "trig") -> bytes:
        with self._handle() as store:
            data = store.dump(format=_format(format))
        assert data is not None  # dump without an output returns the bytes
        return data

    def close(self) -> None:
        store, self._store = self._store, None
        if store is not None and not self.read_only:
            try:
                store.flush()
            except OSError as exc:
                raise store_io_error(exc, str(self.path)) from exc


def remove_leftovers(path: Path) -> list[Path]:
    """Remove the bulk loader's staging files (``bulk-*.sst``) that a killed load left in the
    store directory; called once the store is open for writing, so no load of another
    process is running. RocksDB never references them: they are only ever ingested whole."""
    removed = []
    for leftover in path.glob("bulk-*.sst"):
        try:
            leftover.unlink()
        except OSError:
            continue
        removed.append(leftover)
    return removed


@contextmanager
def _file_lock(path: Path, timeout: float, name: str) -> Iterator[None]:
    """An exclusive ``flock`` on ``path``, retried until ``timeout`` seconds have passed."""
    deadline = time.monotonic() + timeout
    with path.open("a") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise StoreLocked(name) from None
                time.sleep(0.01)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
