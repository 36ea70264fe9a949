"""URL fetching (the ingest widget's Fetch): no internal address, bounded redirects and
size; CLAIMS_MAX_BYTES on fetched and pasted text alike."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from claims.errors import EndpointUnreachable, FetchRefused, InputTooLarge
from claims.fetch import fetch
from claims.store import MemoryStore
from claims.widgets.ingest import IngestPanel
from hostile_http import Recorder, Seen

PAGE = b"<html><body><p>" + b"He said the talks would go on for another winter. " * 20 + b"</p></body></html>"
INTERNAL = ["http://127.0.0.1/", "http://localhost/", "http://2130706433/", "http://0x7f.1/",
            "http://0177.0.0.1/", "http://127.1/", "http://[::1]/", "http://[::ffff:127.0.0.1]/",
            "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://192.168.1.1/",
            "http://172.16.0.1/", "http://0.0.0.0/", "http://[fe80::1]/", "http://100.64.0.1/",
            "http://224.0.0.1/"]


def _page(_: Seen) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "text/html"}, PAGE


@pytest.mark.parametrize("url", INTERNAL)
def test_internal_addresses_are_refused_in_every_spelling(url: str) -> None:
    with pytest.raises(FetchRefused, match="internal address"):
        fetch(url, timeout=2)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://127.0.0.1/",
                                 "javascript:alert(1)", "http://exa mple.org/", "http://example.org/\nx",
                                 "http://ana:secret@example.org/"])
def test_other_schemes_and_malformed_urls_are_refused(url: str) -> None:
    with pytest.raises(FetchRefused) as caught:
        fetch(url, timeout=2)
    assert "secret" not in caught.value.message


def test_loopback_is_fetched_only_when_a_setting_allows_it(
        http_server: Callable[..., Recorder], monkeypatch: pytest.MonkeyPatch) -> None:
    server = http_server(_page)
    with pytest.raises(FetchRefused):
        fetch(server.url)
    assert server.requests == []
    monkeypatch.setenv("CLAIMS_FETCH_ALLOW", "127.0.0.1/32")
    assert fetch(server.url) == PAGE


@pytest.mark.parametrize("target", ["http://127.0.0.2:{port}/", "http://2130706434:{port}/",
                                    "http://169.254.169.254/", "ftp://127.0.0.1/x",
                                    "file:///etc/passwd"])
def test_every_redirect_is_checked_again(target: str, http_server: Callable[..., Recorder],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_FETCH_ALLOW", "127.0.0.1/32")
    inner = http_server(_page, host="127.0.0.2")
    port = inner.url.rsplit(":", 1)[1]
    outer = http_server(lambda _: (302, {"Location": target.format(port=port)}, b""))
    with pytest.raises(FetchRefused):
        fetch(outer.url, timeout=2)
    assert inner.requests == []


def test_redirects_are_limited(http_server: Callable[..., Recorder],
                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_FETCH_ALLOW", "127.0.0.1/32")
    loop = http_server(lambda seen: (302, {"Location": f"/{len(seen.path)}x"}, b""))
    with pytest.raises(FetchRefused, match="redirects"):
        fetch(loop.url, max_redirects=3)
    assert len(loop.requests) == 4


def test_a_large_body_is_refused_without_being_read_whole(
        http_server: Callable[..., Recorder], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_FETCH_ALLOW", "127.0.0.1/32")
    monkeypatch.setenv("CLAIMS_MAX_BYTES", "100000")
    announced = http_server(lambda _: (200, {}, b"x" * 300_000))
    with pytest.raises(InputTooLarge, match="announces 300,000 bytes"):
        fetch(announced.url)
    # no Content-Length: the body is counted as it comes
    unannounced = http_server(lambda _: (200, {"Content-Length": "", "Connection": "close"},
                                         b"x" * 300_000))
    with pytest.raises((InputTooLarge, EndpointUnreachable)):
        fetch(unannounced.url)


def test_the_widget_fetches_through_the_guard() -> None:
    panel = IngestPanel(MemoryStore())
    panel.url.value = "http://169.254.169.254/latest/meta-data/"
    panel.fetch_button.click()
    assert panel.errors.message.startswith("[fetch-refused]")
    assert panel.fetched is None


def test_pasted_text_over_the_limit_is_refused_before_extraction(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_MAX_BYTES", "10000")
    panel = IngestPanel(MemoryStore())
    panel.text.value = 'He said "yes". ' * 1000
    panel.preview_button.click()
    assert panel.errors.message.startswith("[input-too-large]")
    assert panel.analyses == []
