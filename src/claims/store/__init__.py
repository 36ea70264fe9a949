"""Stores: embedded Oxigraph (default), in-memory rdflib, remote SPARQL endpoints.

>>> open_store("memory:").kind
'memory'
"""

from __future__ import annotations

from claims.config import store_spec
from claims.store.base import Store, Table, Term
from claims.store.memory import MemoryStore
from claims.store.oxigraph import OxigraphStore

__all__ = ["MemoryStore", "OxigraphStore", "Store", "Table", "Term", "open_store"]


def open_store(spec: str | None = None, *, read_only: bool = False, shared: bool = False,
               union: bool | None = None) -> Store:
    """Open the store named by ``spec`` (default: ``CLAIMS_STORE`` or ``kb/store``).

    ``memory:`` is an in-memory store, ``http(s)://…`` a SPARQL endpoint, anything else a
    directory holding an embedded Oxigraph store; ``shared=True`` lets several processes
    use that store in turn (see :class:`OxigraphStore`). ``union``: whether queries without
    ``GRAPH`` see every named graph (``None``: ``CLAIMS_DATASET``, by default yes).
    """
    spec = spec or store_spec()
    if spec == "memory:":
        return MemoryStore(union=union)
    if spec.startswith(("http://", "https://")):
        from claims.store.sparql import SparqlStore

        store: Store = SparqlStore(spec, union=union)
        return store
    return OxigraphStore(spec, read_only=read_only, shared=shared, union=union)
