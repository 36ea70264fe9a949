"""The gate in front of ``claims serve``: SPARQL text checked before Oxigraph's server runs it.

Oxigraph's server runs any ``SERVICE`` it is given, so ``claims serve`` binds it to a private
loopback port and answers the public address itself through :class:`Gate`: every query and
update (``?query=``/``?update=``, form bodies, ``application/sparql-query`` and
``application/sparql-update`` bodies) passes :func:`claims.store.guard.check_services`; a
refused one gets ``400`` with the coded message and never reaches the server. Everything
else is forwarded as it is.
"""

from __future__ import annotations

import http.client
import socket
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from claims.errors import ClaimsError
from claims.store.guard import check_services

HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
              "trailers", "transfer-encoding", "upgrade", "host", "content-length"}
MAX_BODY = 256 * 1024 * 1024
CHUNK = 65536


def sparql_texts(target: str, content_type: str, body: bytes) -> list[str]:
    """The SPARQL query and update texts a request carries, wherever it carries them.

    >>> sparql_texts("/query?query=ASK%7B%7D", "", b"")
    ['ASK{}']
    >>> sparql_texts("/update", "application/sparql-update; charset=utf-8", b"CLEAR ALL")
    ['CLEAR ALL']
    """
    texts = []
    fields = urllib.parse.parse_qs(urllib.parse.urlsplit(target).query, keep_blank_values=True)
    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/x-www-form-urlencoded":
        for name, values in urllib.parse.parse_qs(body.decode("utf-8", "replace"),
                                                  keep_blank_values=True).items():
            fields.setdefault(name, []).extend(values)
    elif kind in ("application/sparql-query", "application/sparql-update"):
        texts.append(body.decode("utf-8", "replace"))
    for name in ("query", "update"):
        texts.extend(fields.get(name, []))
    return texts


class Gate(ThreadingHTTPServer):
    """Listens on the public address; forwards checked requests to ``backend`` (host, port)."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], backend: tuple[str, int]) -> None:
        self.backend = backend
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, _Handler)


class _Handler(BaseHTTPRequestHandler):
    server: Gate
    protocol_version = "HTTP/1.1"

    def _forward(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._refuse(413, "[input-too-large] the request body is too large")
            return
        body = self.rfile.read(length) if length else b""
        try:
            for text in sparql_texts(self.path, self.headers.get("Content-Type", ""), body):
                check_services(text)
        except ClaimsError as exc:
            self._refuse(400, exc.message)
            return
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        conn = http.client.HTTPConnection(*self.server.backend, timeout=3600)
        try:
            conn.request(self.command, self.path, body=body or None, headers=headers)
            response = conn.getresponse()
            bodyless = self.command == "HEAD" or response.status in (204, 304)
            self.send_response(response.status, response.reason)
            for name, value in response.getheaders():
                if name.lower() not in HOP_BY_HOP or (bodyless and name.lower() == "content-length"):
                    self.send_header(name, value)
            if bodyless:
                self.end_headers()
                return
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            while chunk := response.read(CHUNK):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
        except (OSError, http.client.HTTPException):
            self.close_connection = True
        finally:
            conn.close()

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _forward

    def _refuse(self, status: int, message: str) -> None:
        data = (message + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass
