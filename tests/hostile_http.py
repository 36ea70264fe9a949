"""Hostile HTTP servers for the adversarial suite: real servers on loopback that answer
as told and record every request they receive; and the suite's scale (short by default,
``CLAIMS_ADVERSARIAL=long`` for the long run)."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LONG = os.environ.get("CLAIMS_ADVERSARIAL", "").lower() == "long"


def scale(short: int, long: int) -> int:
    """How many of something to try: ``short`` by default, ``long`` in the long run."""
    return long if LONG else short


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Recorder:
    """A loopback HTTP server answering with ``respond(request) -> (status, headers, body)``."""

    respond: Callable[[Seen], tuple[int, dict[str, str], bytes]]
    requests: list[Seen] = field(default_factory=list)
    host: str = "127.0.0.1"
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://{self.host}:{self.server.server_address[1]}"

    def start(self) -> Recorder:
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                seen = Seen(self.command, self.path, dict(self.headers.items()),
                            self.rfile.read(length) if length else b"")
                recorder.requests.append(seen)
                status, headers, body = recorder.respond(seen)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

            do_GET = do_POST = do_PUT = do_DELETE = _any

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer((self.host, 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


EMPTY_RESULTS = b'{"head": {"vars": ["s"]}, "results": {"bindings": []}}'
ONE_ROW = (b'{"head": {"vars": ["s"]}, "results": {"bindings": '
           b'[{"s": {"type": "uri", "value": "http://example.org/s"}}]}}')
