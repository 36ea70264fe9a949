"""Share the embedded knowledge base as a SPARQL endpoint with Oxigraph's own server.

``oxigraph serve-read-only`` (default) or ``oxigraph serve`` (``writable=True``) on the
store directory. The server takes the store's lock: while it runs, other processes reach
the knowledge base through its URL (``CLAIMS_STORE=http://127.0.0.1:7878/query``), not
through the directory.

What is exposed, and to whom: the address given (loopback by default) is answered by
:class:`claims.store.gate.Gate`, which refuses ``SERVICE`` calls outside the allow-list
before Oxigraph's server (on a private loopback port) sees them. A writable server on a
non-loopback address takes unauthenticated updates from the network: it is refused unless
``allow_network_writes`` says so. The Oxigraph child never outlives its parent: it is
asked to die with it (``PR_SET_PDEATHSIG``), and SIGTERM, SIGINT and SIGHUP stop both.
"""

from __future__ import annotations

import ipaddress
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from claims.config import store_spec
from claims.errors import StoreError, StoreLocked, UnsafeServe
from claims.processes import die_with_parent

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


def is_loopback(host: str) -> bool:
    """Whether ``host`` names only this machine (``localhost``, ``127.0.0.0/8``, ``::1``)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve_command(location: str | Path | None = None, *, host: str = "127.0.0.1",
                  port: int = DEFAULT_PORT, writable: bool = False,
                  allow_network_writes: bool = False) -> ServeCommand:
    """The command that serves the store at ``location`` (default ``CLAIMS_STORE`` / kb/store).

    >>> cmd = serve_command("/tmp/kb", port=7000, writable=True)
    >>> cmd.argv[1:], cmd.query_url
    (('serve', '--location', '/tmp/kb', '--bind', '127.0.0.1:7000'), 'http://127.0.0.1:7000/query')
    """
    spec = str(location or store_spec())
    if writable and not is_loopback(host) and not allow_network_writes:
        raise UnsafeServe(f"--writable on {host}")
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


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


def _listening(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.2):
            return True
    except OSError:
        return False


def _start_oxigraph(path: Path, port: int, writable: bool) -> subprocess.Popen[bytes]:
    """Oxigraph's server on a private loopback port, bound to die with this process."""
    argv = (oxigraph_binary(), "serve" if writable else "serve-read-only",
            "--location", str(path), "--bind", f"127.0.0.1:{port}")
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               preexec_fn=die_with_parent)
    deadline = time.monotonic() + 60
    while not _listening("127.0.0.1", port):
        if process.poll() is not None:
            message = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
            if "lock" in message.lower():
                raise StoreLocked(str(path))
            raise StoreError(f"oxigraph exited with {process.returncode}: {message.strip()[:500]}")
        if time.monotonic() > deadline:
            _stop(process)
            raise StoreError("oxigraph did not start listening within 60 s")
        time.sleep(0.05)
    return process


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def serve(location: str | Path | None = None, *, host: str = "127.0.0.1",
          port: int = DEFAULT_PORT, writable: bool = False, allow_network_writes: bool = False,
          ready: threading.Event | None = None) -> int:
    """Run the gate and the server in the foreground until a signal stops them; 0."""
    from claims.store.gate import Gate

    command = serve_command(location, host=host, port=port, writable=writable,
                            allow_network_writes=allow_network_writes)
    path = Path(command.argv[3])
    path.mkdir(parents=True, exist_ok=True)
    backend = free_port()
    child = _start_oxigraph(path, backend, writable)
    try:
        gate = Gate((host.strip("[]"), port), ("127.0.0.1", backend))
    except OSError as exc:
        _stop(child)
        raise StoreError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    stopping = threading.Event()

    def stop(signum: int, frame: FrameType | None) -> None:
        if not stopping.is_set():
            stopping.set()
            threading.Thread(target=gate.shutdown, daemon=True).start()
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
                } if threading.current_thread() is threading.main_thread() else {}
    def watch() -> None:  # the server died: the gate goes too
        child.wait()
        stop(0, None)
    threading.Thread(target=watch, daemon=True).start()
    try:
        if ready is not None:
            ready.set()
        gate.serve_forever(poll_interval=0.2)
    finally:
        gate.server_close()
        _stop(child)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0


def start(location: str | Path | None = None, *, host: str = "127.0.0.1",
          port: int = DEFAULT_PORT, writable: bool = False,
          allow_network_writes: bool = False) -> subprocess.Popen[bytes]:
    """Start ``claims serve`` in the background, listening when this returns; the caller
    stops it (``terminate()``: the server goes with it)."""
    serve_command(location, host=host, port=port, writable=writable,
                  allow_network_writes=allow_network_writes)
    argv = [sys.executable, "-m", "claims.store.serve", str(location or store_spec()),
            "--host", host, "--port", str(port)]
    argv += ["--writable"] * writable + ["--allow-network-writes"] * allow_network_writes
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               preexec_fn=die_with_parent)
    deadline = time.monotonic() + 120
    while not _listening("127.0.0.1" if host in ("0.0.0.0", "::") else host.strip("[]"), port):
        if process.poll() is not None:
            message = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
            if "store-locked" in message:
                raise StoreLocked(str(location or store_spec()))
            raise StoreError(f"claims serve exited with {process.returncode}: {message.strip()[-500:]}")
        if time.monotonic() > deadline:
            _stop(process)
            raise StoreError("claims serve did not start listening within 120 s")
        time.sleep(0.05)
    return process


def main(argv: list[str] | None = None) -> int:
    """``python -m claims.store.serve DIR [--host H] [--port P] [--writable]`` (for :func:`start`)."""
    import argparse

    from claims.errors import ClaimsError

    parser = argparse.ArgumentParser(prog="claims.store.serve")
    parser.add_argument("location")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--writable", action="store_true")
    parser.add_argument("--allow-network-writes", action="store_true")
    args = parser.parse_args(argv)
    try:
        return serve(args.location, host=args.host, port=args.port, writable=args.writable,
                     allow_network_writes=args.allow_network_writes)
    except ClaimsError as exc:
        print(exc.message, file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover - run by start()
    sys.exit(main())
