"""Fetch a web page without reaching inside the network: the one URL fetcher of the project.

Every hop (the URL given and each redirect) must be ``http`` or ``https`` and its host must
resolve only to public addresses: loopback, private, link-local (``169.254.169.254``),
multicast and reserved addresses are refused, whatever spelling names them (``2130706433``,
``0x7f.1``, ``[::ffff:127.0.0.1]``), unless ``CLAIMS_FETCH_ALLOW`` lists their network
(comma-separated CIDRs, e.g. ``10.0.0.0/8``). The connection goes to the address that was
checked, so a name cannot resolve to another one in between. At most ``max_redirects``
redirects are followed, and a body larger than ``CLAIMS_MAX_BYTES`` is refused while it is
read, never read whole.

>>> fetch("file:///etc/passwd")
Traceback (most recent call last):
...
claims.errors.FetchRefused: [fetch-refused] file:///etc/passwd: not an http(s) URL: ...
"""

from __future__ import annotations

import http.client
import ipaddress
import os
import socket
import urllib.parse
from typing import Any

from claims.config import max_bytes
from claims.errors import EndpointUnreachable, FetchRefused, InputTooLarge, redact

USER_AGENT = "claims/0.1 (ingest widget)"
MAX_REDIRECTS = 5
CHUNK = 65536
Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def allowed_networks() -> tuple[Network, ...]:
    """The non-public networks ``CLAIMS_FETCH_ALLOW`` opens (none by default)."""
    value = os.environ.get("CLAIMS_FETCH_ALLOW") or ""
    networks = []
    for item in value.replace(" ", ",").split(","):
        if item:
            try:
                networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                raise FetchRefused(f"CLAIMS_FETCH_ALLOW={value!r}",
                                   hint="give comma-separated networks such as 10.0.0.0/8") from None
    return tuple(networks)


def is_public(address: Address) -> bool:
    """Whether ``address`` is on the public internet (IPv4-mapped IPv6 judged as IPv4)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not (address.is_multicast or address.is_reserved)


def resolve(url: str) -> tuple[str, int, Address]:
    """Host, port and the one address to connect to for ``url``, once checked."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchRefused(redact(url), hint="not an http(s) URL: only http and https are fetched")
    if "@" in parts.netloc:
        raise FetchRefused(redact(url), hint="a URL with a user or password is not fetched")
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        raise FetchRefused(url, hint="the URL's port is not a number") from None
    if not host or any(c.isspace() or ord(c) < 32 for c in url):
        raise FetchRefused(repr(url), hint="the URL has no host, or holds spaces or control characters")
    port = port or (443 if parts.scheme.lower() == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise EndpointUnreachable(redact(url), hint=f"the host cannot be resolved ({exc})") from None
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    allowed = allowed_networks()
    for address in addresses:
        if not is_public(address) and not any(address in net for net in allowed
                                              if net.version == address.version):
            raise FetchRefused(f"{redact(url)} resolves to {address}",
                               hint="an internal address (loopback, private, link-local) is not "
                                    "fetched; CLAIMS_FETCH_ALLOW lists networks to allow")
    return host, port, addresses[0]


def _connection(scheme: str, host: str, port: int, address: Address,
                timeout: float) -> http.client.HTTPConnection:
    """A connection to ``host`` that connects to the checked ``address`` (TLS still checks ``host``)."""
    cls = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
    conn = cls(host, port, timeout=timeout)

    def connect(_address: tuple[str, int], timeout: Any = None, source: Any = None) -> socket.socket:
        return socket.create_connection((str(address), port), timeout, source)
    conn._create_connection = connect  # type: ignore[attr-defined]
    return conn


def fetch(url: str, *, timeout: float = 20.0, limit: int | None = None,
          max_redirects: int = MAX_REDIRECTS) -> bytes:
    """GET ``url``'s body (at most ``limit`` bytes, default ``CLAIMS_MAX_BYTES``) under the
    rules of the module's notes."""
    limit = max_bytes() if limit is None else limit
    current = url.strip()
    for _ in range(max_redirects + 1):
        host, port, address = resolve(current)
        parts = urllib.parse.urlsplit(current)
        path = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
        conn = _connection(parts.scheme.lower(), host, port, address, timeout)
        try:
            conn.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
            response = conn.getresponse()
            if response.status in (301, 302, 303, 307, 308):
                location = response.getheader("Location")
                if not location:
                    raise EndpointUnreachable(redact(current), hint="a redirect without a Location")
                current = urllib.parse.urljoin(current, location.strip())
                continue
            if response.status >= 400:
                raise EndpointUnreachable(redact(current),
                                          hint=f"the page could not be fetched (HTTP {response.status})")
            return _read(response, limit, current)
        except (OSError, http.client.HTTPException) as exc:
            raise EndpointUnreachable(redact(current),
                                      hint=f"the page could not be fetched ({exc})") from None
        finally:
            conn.close()
    raise FetchRefused(redact(url), hint=f"more than {max_redirects} redirects")


def _read(response: http.client.HTTPResponse, limit: int, url: str) -> bytes:
    length = response.getheader("Content-Length")
    if length and length.isdigit() and int(length) > limit:
        raise InputTooLarge(f"{redact(url)} announces {int(length):,} bytes")
    chunks, size = [], 0
    while chunk := response.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise InputTooLarge(f"{redact(url)} sent more than {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
