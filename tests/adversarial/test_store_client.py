"""The SPARQL store client: redirects never carry credentials away or change the method;
credentials never in a URL, never in a message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims.cli import cli
from claims.errors import ClaimsError, CredentialsInUrl, RedirectRefused
from claims.store import open_store
from claims.store.sparql import SparqlStore
from hostile_http import EMPTY_RESULTS, ONE_ROW, Recorder, Seen

TOKEN = "tok-0123456789-secret"
SELECT = "SELECT ?s WHERE { ?s ?p ?o }"


def _results(_: Seen) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "application/sparql-results+json"}, ONE_ROW


@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("auth", ["token", "basic"])
def test_redirect_to_another_origin_sends_nothing_there(
        code: int, auth: str, http_server: Callable[..., Recorder],
        monkeypatch: pytest.MonkeyPatch) -> None:
    if auth == "token":
        monkeypatch.setenv("CLAIMS_SPARQL_TOKEN", TOKEN)
    else:
        monkeypatch.setenv("CLAIMS_SPARQL_USER", "ana")
        monkeypatch.setenv("CLAIMS_SPARQL_PASSWORD", TOKEN)
    other = http_server(_results, host="127.0.0.2")
    first = http_server(lambda _: (code, {"Location": f"{other.url}/query"}, b""))
    store = SparqlStore(f"{first.url}/query", retries=0)
    with pytest.raises(RedirectRefused) as caught:
        store.query(SELECT)
    assert other.requests == []
    assert TOKEN not in caught.value.message and "another server" in caught.value.message
    assert first.requests[0].headers.get("Authorization")  # the endpoint itself got them


@pytest.mark.parametrize("code", [307, 308])
def test_same_origin_redirect_keeping_the_method_is_followed(
        code: int, http_server: Callable[..., Recorder], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_SPARQL_TOKEN", TOKEN)

    def respond(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        if seen.path == "/old/query":
            return code, {"Location": "/new/query"}, b""
        return _results(seen)
    server = http_server(respond)
    table = SparqlStore(f"{server.url}/old/query", retries=0).query(SELECT)
    assert len(table) == 1  # type: ignore[arg-type]
    second = server.requests[1]
    assert second.method == "POST" and b"query=" in second.body
    assert second.headers["Authorization"] == f"Bearer {TOKEN}"


@pytest.mark.parametrize("code", [301, 302, 303])
def test_same_origin_redirect_that_turns_post_into_get_is_an_error(
        code: int, http_server: Callable[..., Recorder]) -> None:
    def respond(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        if seen.path == "/old/query":
            return code, {"Location": "/new/query"}, b""
        return 200, {"Content-Type": "application/sparql-results+json"}, EMPTY_RESULTS
    server = http_server(respond)
    with pytest.raises(RedirectRefused, match="GET without its query"):
        SparqlStore(f"{server.url}/old/query", retries=0).query(SELECT)
    assert [r.path for r in server.requests] == ["/old/query"]


def test_cli_reports_a_refused_redirect_and_fails(http_server: Callable[..., Recorder],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_SPARQL_TOKEN", TOKEN)
    other = http_server(_results, host="127.0.0.2")
    first = http_server(lambda _: (302, {"Location": f"{other.url}/query"}, b""))
    result = CliRunner().invoke(cli, ["sparql", SELECT, "--store", f"{first.url}/query"])
    assert result.exit_code == 1 and "[redirect-refused]" in result.output
    assert "(no rows)" not in result.output and TOKEN not in result.output
    assert other.requests == []


URLS_WITH_USERINFO = ["http://ana:secret@127.0.0.1/query", "https://ana:secret@example.org:8443/sparql",
                      "http://ana@127.0.0.1:7878/query", "http://:secret@127.0.0.1/query"]


@pytest.mark.parametrize("url", URLS_WITH_USERINFO)
def test_user_info_in_a_store_url_is_a_coded_error_without_the_password(url: str) -> None:
    with pytest.raises(CredentialsInUrl) as caught:
        open_store(url)
    assert "secret" not in caught.value.message and "ana" not in caught.value.message
    assert "CLAIMS_SPARQL_USER" in caught.value.message


@pytest.mark.parametrize("command", [["sparql", SELECT], ["query", "speakers"], ["stats"],
                                     ["serve", "--port", "1"]])
@pytest.mark.parametrize("url", URLS_WITH_USERINFO[:1])
def test_no_command_prints_the_password(command: list[str], url: str) -> None:
    result = CliRunner().invoke(cli, [*command, "--store", url])
    assert result.exit_code != 0
    assert "secret" not in result.output, result.output
    assert "nonnumeric port" not in result.output


def test_every_message_is_redacted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_SPARQL_TOKEN", TOKEN)
    error = ClaimsError(f"failed at http://bob:hunter2@db.example.org/q with {TOKEN}")
    assert "hunter2" not in str(error) and TOKEN not in str(error)
    assert "db.example.org/q" in str(error)


@pytest.mark.parametrize("args", [["review", "record", "kb:statement/x", "confirmed", "-r", "ed",
                                   "--note", "\udcff"],
                                  ["query", "speakers", "-p", "speaker=\udcff"],
                                  ["sparql", "SELECT * WHERE { ?s ?p ?o }", "-p", "x=\ud800"]])
def test_arguments_that_are_not_utf8_are_a_usage_error(args: list[str], tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, [*args, "--store", str(tmp_path / "kb")])
    assert result.exit_code == 2 and "not valid UTF-8" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
