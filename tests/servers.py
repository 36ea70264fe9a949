"""Real SPARQL servers for tests and benchmarks: ``oxigraph serve`` and Virtuoso.

Each server runs as a child process on a free loopback port with a private temporary
database, and is stopped by :meth:`stop` (or the ``with`` block). When the binary is
absent, :func:`oxigraph_binary` / :func:`virtuoso_binaries` return ``None`` so that the
caller can skip cleanly.

Virtuoso needs a private ini (the Debian service does not start in containers): loopback
SQL and HTTP ports, raised ``ResultSetMaxRows`` / ``MaxQueryExecutionTime`` (the stock
values silently cut results at 10,000 rows and 60 s) and ``DirsAllowed`` for bulk loads.
SPARQL Update over HTTP needs grants to the ``SPARQL`` user, given through ``isql-vt``.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import Self

VIRTUOSO_GRANTS = (
    'GRANT SPARQL_UPDATE TO "SPARQL";',
    'GRANT EXECUTE ON DB.DBA.SPARQL_INSERT_DICT_CONTENT TO "SPARQL";',
    'GRANT EXECUTE ON DB.DBA.SPARQL_DELETE_DICT_CONTENT TO "SPARQL";',
    'GRANT EXECUTE ON DB.DBA.SPARQL_MODIFY_BY_DICT_CONTENTS TO "SPARQL";',
    'GRANT EXECUTE ON DB.DBA.SPARUL_RUN TO "SPARQL";',
    'GRANT EXECUTE ON DB.DBA.L_O_LOOK TO "SPARQL";',
    'GRANT EXECUTE ON DB.DBA.SPARQL_INSERT_QUAD_DICT_CONTENT TO "SPARQL";',
    'GRANT EXECUTE ON DB.DBA.SPARQL_DELETE_QUAD_DICT_CONTENT TO "SPARQL";',
)

_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {dir}{dirs}
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
MaxQueryMem = 512M
ThreadsPerQuery = 2
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 600
MaxQueryCostEstimationTime = 0
MaxSortedTopRows = 10000000
"""


def free_port() -> int:
    """A TCP port free on the loopback interface right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` server binary: beside this Python (the venv), else on PATH."""
    local = Path(sys.executable).parent / "oxigraph"
    return str(local) if local.is_file() else shutil.which("oxigraph")


def virtuoso_binaries() -> tuple[str, str] | None:
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    return (server, isql) if server and isql else None


def wait_for(url: str, *, timeout: float = 60.0, process: subprocess.Popen[bytes] | None = None,
             log: Path | None = None) -> None:
    """Poll ``url`` (an ``ASK {}`` request) until it answers 200."""
    deadline = time.monotonic() + timeout
    probe = url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            detail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
            raise RuntimeError(f"server exited with {process.returncode}: {detail}")
        try:
            with urllib.request.urlopen(probe, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


class Server:
    """A server child process; ``url`` is its SPARQL query endpoint."""

    url: str
    update_url: str
    gsp_url: str | None
    process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        """Terminate the process (SIGTERM, then SIGKILL after 10 s)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


class OxigraphServer(Server):
    """``oxigraph serve`` (or ``serve-read-only``) on ``location`` at a free loopback port."""

    def __init__(self, location: Path, *, binary: str, writable: bool = True,
                 port: int | None = None) -> None:
        self.location, self.binary, self.writable = Path(location), binary, writable
        self.port = port or free_port()
        base = f"http://127.0.0.1:{self.port}"
        self.url, self.update_url, self.gsp_url = f"{base}/query", f"{base}/update", f"{base}/store"
        self.start()

    def start(self) -> None:
        """(Re)start the process on the same port and location."""
        self.location.mkdir(parents=True, exist_ok=True)
        command = "serve" if self.writable else "serve-read-only"
        log = self.location.parent / f"oxigraph-{self.port}.log"
        with log.open("ab") as out:
            self.process = subprocess.Popen(
                [self.binary, command, "--location", str(self.location),
                 "--bind", f"127.0.0.1:{self.port}"], stdout=out, stderr=subprocess.STDOUT)
        wait_for(self.url, timeout=30, process=self.process, log=log)


class VirtuosoServer(Server):
    """Virtuoso 7 with a private ini and database under ``directory`` (reopened if it holds
    one). ``dirs_allowed``: more folders bulk loads may read; ``buffers``: 8 KB pages of
    cache (the default suits tests; a benchmark of millions of quads wants hundreds of
    thousands)."""

    def __init__(self, directory: Path, *, binaries: tuple[str, str],
                 dirs_allowed: tuple[str, ...] = (), buffers: int = 20_000) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.server_bin, self.isql_bin = binaries
        self.sql_port, self.http_port = free_port(), free_port()
        base = f"http://127.0.0.1:{self.http_port}"
        self.url = self.update_url = f"{base}/sparql"
        self.gsp_url = None
        ini = self.directory / "virtuoso.ini"
        ini.write_text(_INI.format(dir=self.directory, sql_port=self.sql_port,
                                   http_port=self.http_port, buffers=buffers,
                                   dirty=buffers * 3 // 5,
                                   dirs="".join(f", {d}" for d in dirs_allowed)))
        log = self.directory / "stdout.log"
        with log.open("ab") as out:
            self.process = subprocess.Popen(
                [self.server_bin, "+foreground", "+configfile", str(ini)],
                cwd=self.directory, stdout=out, stderr=subprocess.STDOUT)
        wait_for(self.url, timeout=120, process=self.process, log=log)
        try:
            self.isql(*VIRTUOSO_GRANTS)
        except RuntimeError as exc:  # a database opened again keeps the grants made before
            if "already have role" not in str(exc):
                self.stop()
                raise

    def isql(self, *statements: str, timeout: float = 120) -> str:
        """Run SQL statements as ``dba`` through ``isql-vt``; the output."""
        result = subprocess.run(
            [self.isql_bin, f"127.0.0.1:{self.sql_port}", "dba", "dba",
             "exec=" + " ".join(statements)],
            capture_output=True, text=True, timeout=timeout, check=False,
            env={**os.environ, "HOME": str(self.directory)})
        if result.returncode != 0 or "*** Error" in result.stdout + result.stderr:
            raise RuntimeError(f"isql failed: {result.stdout}{result.stderr}")
        return result.stdout
