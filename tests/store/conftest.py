"""Store fixtures: the four backends, the two real servers session-scoped and emptied
between tests (only the test's own graphs are dropped: Virtuoso keeps system graphs)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from claims.store import MemoryStore, OxigraphStore, Store
from claims.store.sparql import SparqlStore
from servers import (
    OxigraphServer,
    VirtuosoServer,
    oxigraph_binary,
    virtuoso_binaries,
)

BACKENDS = ["memory", "oxigraph", "oxigraph-serve", "virtuoso"]


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary (PyPI 'oxigraph') is not installed")
    with OxigraphServer(tmp_path_factory.mktemp("oxigraph-serve") / "db", binary=binary) as server:
        yield server


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtuosoServer]:
    binaries = virtuoso_binaries()
    if binaries is None:
        pytest.skip("virtuoso-t / isql-vt (Debian virtuoso-opensource) are not installed")
    with VirtuosoServer(tmp_path_factory.mktemp("virtuoso"), binaries=binaries) as server:
        yield server


def remote_store(server: OxigraphServer | VirtuosoServer) -> SparqlStore:
    """A store on ``server``, emptied of every non-system graph."""
    store = SparqlStore(server.url, update_url=server.update_url, gsp_url=server.gsp_url,
                        timeout=120, retries=1, backoff=0.1)
    for graph in store.graphs():
        store.remove_graph(graph)
    return store


def make_store(name: str, request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    if name == "memory":
        return MemoryStore()
    if name == "oxigraph":
        return OxigraphStore(tmp_path / "store")
    server = request.getfixturevalue("oxigraph_server" if name == "oxigraph-serve"
                                     else "virtuoso_server")
    return remote_store(server)


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    backend = make_store(request.param, request, tmp_path)
    try:
        yield backend
    finally:
        backend.close()
