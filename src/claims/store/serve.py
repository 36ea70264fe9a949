"""Share the embedded knowledge base as a SPARQL endpoint with Oxigraph's own server.

``oxigraph serve-read-only`` (default) or ``oxigraph serve`` (``writable=True``) on the
store directory, bound to loopback unless told otherwise. The server takes the store's
lock: while it runs, other processes reach the knowledge base through its URL
(``CLAIMS_STORE=http://127.0.0.1:7878/query``), not through the directory.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from claims.config import store_spec
from claims.errors import StoreError, StoreLocked

DEFAULT_PORT = 7878


def oxigraph_binary() -> str:
    """The ``oxigraph`` server (PyPI ``oxigraph``): beside this Python, else on PATH."""
    local = Path(sys.executable).parent / "oxigraph"
    found = str(local) if local.is_file() else shutil.which("oxigraph")
    if not found:
        raise StoreError("the oxigraph server is not installed",
                         hint="pip install 'claims[server]' (PyPI package 'oxigraph')")
    return found


@dataclass(frozen=True, slots=True)
class ServeCommand:
    """The server's command line and the endpoints it will answer on."""

    argv: tuple[str, ...]
    query_url: str
    update_url: str | None
    store_url: str


def serve_command(location: str | Path | None = None, *, host: str = "127.0.0.1",
                  port: int = DEFAULT_PORT, writable: bool = False) -> ServeCommand:
    """The command that serves the store at ``location`` (default ``CLAIMS_STORE`` / kb/store).

    >>> cmd = serve_command("/tmp/kb", port=7000, writable=True)
    >>> cmd.argv[1:], cmd.query_url
    (('serve', '--location', '/tmp/kb', '--bind', '127.0.0.1:7000'), 'http://127.0.0.1:7000/query')
    """
    spec = str(location or store_spec())
    if spec.startswith(("http://", "https://")) or spec == "memory:":
        raise StoreError(f"{spec} is not an embedded store directory",
                         hint="give --store DIR of an Oxigraph store (default kb/store)")
    path = Path(spec)
    if not writable and not path.is_dir():
        raise StoreError(f"{path}: no store here", hint="run 'claims ingest' first")
    argv = ("oxigraph", "serve" if writable else "serve-read-only",
            "--location", str(path), "--bind", f"{host}:{port}")
    base = f"http://{f'[{host}]' if ':' in host else host}:{port}"
    return ServeCommand(argv, f"{base}/query", f"{base}/update" if writable else None,
                        f"{base}/store")


def serve(location: str | Path | None = None, *, host: str = "127.0.0.1",
          port: int = DEFAULT_PORT, writable: bool = False) -> int:
    """Run the server in the foreground until it stops (Ctrl-C); its exit status."""
    command = serve_command(location, host=host, port=port, writable=writable)
    Path(command.argv[3]).mkdir(parents=True, exist_ok=True)
    argv = (oxigraph_binary(), *command.argv[1:])
    try:
        return subprocess.run(argv, check=False).returncode
    except KeyboardInterrupt:
        return 0


def start(location: str | Path | None = None, *, host: str = "127.0.0.1",
          port: int = DEFAULT_PORT, writable: bool = False) -> subprocess.Popen[bytes]:
    """Start the server in the background; the caller stops it (``terminate()``)."""
    command = serve_command(location, host=host, port=port, writable=writable)
    Path(command.argv[3]).mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen((oxigraph_binary(), *command.argv[1:]),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        process.wait(timeout=0.5)
    except subprocess.TimeoutExpired:
        return process
    message = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if "lock" in message.lower():
        raise StoreLocked(str(command.argv[3]))
    raise StoreError(f"oxigraph exited with {process.returncode}: {message.strip()[:500]}")
