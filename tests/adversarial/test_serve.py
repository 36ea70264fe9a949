"""``claims serve``: SERVICE refused at the served endpoint, no writable network endpoint
without an explicit flag, and the Oxigraph child never outlives its parent."""

from __future__ import annotations

import json
import os
import signal
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims.cli import cli
from claims.errors import StoreLocked, UnsafeServe
from claims.store import OxigraphStore
from claims.store.serve import free_port, oxigraph_binary, serve_command, start
from hostile_http import EMPTY_RESULTS, Recorder, Seen


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    try:
        oxigraph_binary()
    except Exception:
        pytest.skip("the oxigraph server binary (PyPI 'oxigraph') is not installed")
    with OxigraphStore(tmp_path / "kb") as store:
        store.update("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }")
    return tmp_path / "kb"


@pytest.fixture
def served(kb: Path) -> Iterator[str]:
    port = free_port()
    process = start(kb, port=port)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=30)


def _post(url: str, data: dict[str, str]) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=urllib.parse.urlencode(data).encode(),
                                     headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_the_served_endpoint_refuses_service_to_internal_servers(
        served: str, http_server: Callable[..., Recorder]) -> None:
    def results(_: Seen) -> tuple[int, dict[str, str], bytes]:
        return 200, {"Content-Type": "application/sparql-results+json"}, EMPTY_RESULTS
    internal = http_server(results)
    status, body = _post(f"{served}/query", {"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"})
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 1
    for text in (f"SELECT * WHERE {{ SERVICE <{internal.url}/query> {{ ?s ?p ?o }} }}",
                 f"SELECT * WHERE {{ SERV\\u0049CE <{internal.url}/query> {{ ?s ?p ?o }} }}"):
        status, body = _post(f"{served}/query", {"query": text})
        assert status == 400 and b"[service-refused]" in body
        get = f"{served}/query?" + urllib.parse.urlencode({"query": text})
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(get, timeout=30)
        assert caught.value.code == 400
        raw = urllib.request.Request(f"{served}/query", data=text.encode(),
                                     headers={"Content-Type": "application/sparql-query"})
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(raw, timeout=30)
    assert internal.requests == []


def test_a_writable_network_endpoint_needs_an_explicit_flag(kb: Path) -> None:
    with pytest.raises(UnsafeServe):
        serve_command(kb, host="0.0.0.0", writable=True)
    assert serve_command(kb, host="0.0.0.0", writable=True, allow_network_writes=True)
    assert serve_command(kb, host="0.0.0.0")  # read-only on the network: allowed
    result = CliRunner().invoke(cli, ["serve", "--store", str(kb), "--host", "0.0.0.0", "--writable"])
    assert result.exit_code == 1 and "[unsafe-serve]" in result.output
    with socket.socket() as busy:  # the port is taken: the command warns, then fails
        busy.bind(("0.0.0.0", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--store", str(kb), "--host", "0.0.0.0",
                                          "--port", str(port), "--writable", "--allow-network-writes"])
    assert "WARNING" in result.output and "without authentication" in result.output
    assert result.exit_code == 1


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except FileNotFoundError:  # a thread that ended while we read its siblings
            continue
    return found


def _gone(pid: int, within: float = 30.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
            state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]
            if state == "Z":
                return True
        except (ProcessLookupError, FileNotFoundError):
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL, signal.SIGINT])
def test_the_server_dies_with_claims_serve(kb: Path, sig: signal.Signals) -> None:
    process = start(kb, port=free_port(), writable=True)
    children = _children(process.pid)
    assert len(children) == 1
    with pytest.raises(StoreLocked):
        OxigraphStore(kb, lock_timeout=0.5).graphs()
    process.send_signal(sig)
    process.wait(timeout=30)
    assert _gone(children[0]), "oxigraph outlived claims serve"
    with OxigraphStore(kb) as store:  # the lock is free again
        assert store.graphs() == ["urn:g"]
