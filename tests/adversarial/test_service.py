"""SERVICE calls only to the allow-list (Wikidata's endpoint by default): in ``claims
sparql``, the library's query functions and every backend."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims import query
from claims.cli import cli
from claims.errors import ServiceRefused
from claims.store import MemoryStore, OxigraphStore, Store
from claims.store.guard import check_services
from claims.widgets.workbench import run_sparql
from hostile_http import EMPTY_RESULTS, Recorder, Seen


def _results(_: Seen) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "application/sparql-results+json"}, EMPTY_RESULTS


def _spellings(url: str) -> list[str]:
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"PREFIX x: <{url.rsplit('/', 1)[0]}/> SELECT * {{ SERVICE x:query {{ ?s ?p ?o }} }}",
        f"BASE <{url}> SELECT * {{ SERVICE <> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ SERV\\u0049CE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ SERVICE # a comment\n <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ BIND(<{url}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
        f"INSERT {{ GRAPH <urn:g> {{ ?s ?p ?o }} }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    ]


@pytest.fixture(params=["memory", "oxigraph"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    return MemoryStore() if request.param == "memory" else OxigraphStore(tmp_path / "kb")


def test_no_backend_calls_an_internal_service(store: Store, http_server: Callable[..., Recorder]) -> None:
    internal = http_server(_results)
    *queries, insert = _spellings(f"{internal.url}/query")
    for text in queries:
        with pytest.raises(ServiceRefused):
            query.run(store, text)
        with pytest.raises(ServiceRefused):
            query.select(store, text)
        with pytest.raises(ServiceRefused):
            run_sparql(store, text)
    with pytest.raises(ServiceRefused):
        store.update(insert)
    assert internal.requests == []


def test_the_cli_refuses_it(http_server: Callable[..., Recorder], tmp_path: Path) -> None:
    internal = http_server(_results)
    for text in _spellings(f"{internal.url}/query")[:6]:
        result = CliRunner().invoke(cli, ["sparql", text, "--store", str(tmp_path / "kb")])
        assert result.exit_code == 1 and "[service-refused]" in result.output, result.output
    assert internal.requests == []


def test_the_allow_list_is_a_setting(http_server: Callable[..., Recorder],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    internal = http_server(_results)
    text = f"SELECT * WHERE {{ SERVICE <{internal.url}/query> {{ ?s ?p ?o }} }}"
    wikidata = "SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }"
    assert check_services(wikidata) == wikidata
    monkeypatch.setenv("CLAIMS_SERVICE_ALLOW", f"{internal.url}/query")
    assert len(query.run(MemoryStore(), text)) == 0  # type: ignore[arg-type]
    assert len(internal.requests) == 1
    with pytest.raises(ServiceRefused):
        check_services(wikidata)
    monkeypatch.setenv("CLAIMS_SERVICE_ALLOW", "none")
    with pytest.raises(ServiceRefused):
        check_services(text)


@pytest.mark.parametrize("text", [
    'SELECT * { ?s ?p "SERVICE <http://127.0.0.1/>" }',
    "SELECT * { ?s ?p ?o } # SERVICE <http://127.0.0.1/>",
    "SELECT ?service WHERE { ?service ?p <http://127.0.0.1/> }",
    "PREFIX service: <http://example.org/> SELECT * { ?s service:x ?o }",
])
def test_the_word_elsewhere_is_no_service_call(text: str) -> None:
    assert check_services(text) == text
