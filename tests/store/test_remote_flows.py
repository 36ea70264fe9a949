"""Remote flows on real servers: ``claims serve``, federation through SERVICE, and an
ingest that loses nothing when the server stops in the middle of a batch."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
import samples
from click.testing import CliRunner

from claims import pipeline
from claims import query as q
from claims.cli import cli
from claims.document import Document
from claims.errors import ClaimsError
from claims.store import MemoryStore, OxigraphStore, Store
from claims.store.serve import start
from claims.store.sparql import SparqlStore
from servers import OxigraphServer, free_port, oxigraph_binary, wait_for

pytestmark = pytest.mark.remote
WIKIDATA = "https://query.wikidata.org/sparql"


def _binary() -> str:
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary (PyPI 'oxigraph') is not installed")
    return binary


def test_serve_shares_the_embedded_store_read_only(tmp_path: Path) -> None:
    _binary()
    with OxigraphStore(tmp_path / "kb") as embedded:
        samples.write(embedded)
        expected = q.select(embedded, "speakers")
    port = free_port()
    process = start(tmp_path / "kb", port=port)
    try:
        wait_for(f"http://127.0.0.1:{port}/query", process=process)
        remote = SparqlStore(f"http://127.0.0.1:{port}/query", retries=0)
        assert q.select(remote, "speakers").equals(expected)
        with pytest.raises(ClaimsError):
            remote.update("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }")
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_command_refuses_a_url() -> None:
    result = CliRunner().invoke(cli, ["serve", "--store", "http://example.org/sparql"])
    assert result.exit_code == 1 and "[store-error]" in result.output


@pytest.fixture(scope="module")
def wikidata(tmp_path_factory: pytest.TempPathFactory) -> Iterable[OxigraphServer]:
    """A second local endpoint standing in for Wikidata, with labels for two QIDs."""
    with OxigraphServer(tmp_path_factory.mktemp("wikidata") / "db", binary=_binary()) as server:
        SparqlStore(server.url, retries=0).update(
            'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> '
            'PREFIX schema: <https://schema.org/> INSERT DATA { '
            '<http://www.wikidata.org/entity/Q7747> rdfs:label "Vladimir Putin"@en, '
            '"Владимир Путин"@ru ; schema:description "President of Russia"@en . '
            '<http://www.wikidata.org/entity/Q5820961> rdfs:label "Ebrahim Raisi"@en . }')
        yield server


@pytest.mark.parametrize("backend", ["memory", "oxigraph", "oxigraph-serve"])
def test_federation_through_service(backend: str, wikidata: OxigraphServer,
                                    request: pytest.FixtureRequest, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import make_store

    monkeypatch.setenv("CLAIMS_SERVICE_ALLOW", wikidata.url)  # the stand-in, allowed by name
    store = make_store(backend, request, tmp_path)
    samples.write(store)
    text = q.get_query("speakers_wikidata_live").text
    assert WIKIDATA in text
    frame = q.select(store, text.replace(WIKIDATA, wikidata.url))
    rows = sorted(map(tuple, frame[["speaker", "qid", "label", "description"]]
                      .fillna("").itertuples(index=False)))
    assert rows == [("Ebrahim Raisi", "Q5820961", "Ebrahim Raisi", ""),
                    ("Vladimir Putin", "Q7747", "Vladimir Putin", "President of Russia")]
    store.close()


class _StopsOnSecondWrite(SparqlStore):
    """Stops the server just before its second batch write reaches it."""

    def __init__(self, server: OxigraphServer) -> None:
        super().__init__(server.url, update_url=server.update_url, retries=1, backoff=0.05)
        self.server, self.writes = server, 0

    def _request(self, sparql: str, *, update: bool, accept: str = "json",
                 parameters: dict[str, str] | None = None) -> tuple[bytes, Any]:
        if update:
            self.writes += 1
            if self.writes == 2:
                self.server.stop()
        return super()._request(sparql, update=update, accept=accept, parameters=parameters)


def _documents() -> list[Document]:
    return [Document.from_text(f'Minister {name} said: "We will build {n} bridges this year." '
                               f'The plan costs {n} million dollars.', id=f"doc-{n}",
                               title=f"Story {n}", publisher="Example News", date="2022-09-16")
            for n, name in enumerate(["Ahmed Khan", "Maria Lopez", "John Smith", "Li Wei",
                                      "Anna Berg", "Omar Said"], start=1)]


def test_ingest_loses_nothing_when_the_server_stops_mid_batch(tmp_path: Path) -> None:
    server = OxigraphServer(tmp_path / "db", binary=_binary())
    try:
        docs = _documents()
        report = pipeline.ingest(docs, _StopsOnSecondWrite(server), batch_size=3)
        assert len(report.analyses) == 3
        assert sorted(f.source for f in report.failures) == ["doc-4", "doc-5", "doc-6"]
        assert {f.code for f in report.failures} == {"endpoint-unreachable"}
        server.start()
        store = SparqlStore(server.url, update_url=server.update_url, retries=1)
        assert len(store.graphs()) == 4  # three articles and the entities they name
        again = pipeline.ingest(docs, store, batch_size=3)
        assert again.ok and len(again.analyses) == 3 and len(store.graphs()) == 7
        reference: Store = MemoryStore()
        pipeline.ingest(docs, reference, batch_size=3)
        assert q.select(store, "stats").sort_values("item").reset_index(drop=True).equals(
            q.select(reference, "stats").sort_values("item").reset_index(drop=True))
    finally:
        server.stop()
