"""JupyterLab on a free loopback port, over temp copies of the notebooks and a temp store."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import claims

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
REVIEWER = "Playwright Editor"


@dataclass
class Lab:
    url: str
    store: Path
    notebooks: Path
    artifacts: Path
    log: Path

    def api(self, path: str, method: str = "GET") -> object:
        data = b"" if method == "POST" else None
        request = urllib.request.Request(self.url + path, method=method, data=data)
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent (Debian package 'chromium')")
    pytest.importorskip("playwright.sync_api")
    base = tmp_path_factory.mktemp("lab")
    store = base / "store"
    with claims.open_store(str(store)) as kb:
        report = claims.ingest([ROOT / "kb" / "articles"], kb)
    assert report.ok, report.failures
    notebooks = base / "notebooks"
    notebooks.mkdir()
    for nb in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        shutil.copy(nb, notebooks / nb.name)
    settings = base / "settings"
    (settings / "@jupyterlab" / "apputils-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    env = {**os.environ, "CLAIMS_STORE": str(store), "CLAIMS_REVIEWER": REVIEWER,
           "JUPYTER_CONFIG_DIR": str(base / "config"), "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
           "JUPYTERLAB_SETTINGS_DIR": str(settings), "JUPYTERLAB_WORKSPACES_DIR": str(base / "workspaces")}
    port = _free_port()
    command = [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser", f"--port={port}",
               "--ip=127.0.0.1", "--ServerApp.port_retries=0", "--IdentityProvider.token=",
               "--ServerApp.password=", "--LabApp.news_url=None", f"--ServerApp.root_dir={notebooks}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log = open(base / "lab.log", "wb")  # noqa: SIM115 - closed below
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=notebooks)
    artifacts = Path(os.environ.get("CLAIMS_ARTIFACTS", base / "artifacts"))
    artifacts.mkdir(parents=True, exist_ok=True)
    running = Lab(f"http://127.0.0.1:{port}", store, notebooks, artifacts, base / "lab.log")
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                running.api("/api/status")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("JupyterLab did not start:\n" + (base / "lab.log").read_text()[-3000:])
                time.sleep(0.5)
        yield running
    finally:
        try:
            running.api("/api/shutdown", method="POST")
            server.wait(30)
        except (OSError, subprocess.TimeoutExpired):
            server.terminate()
            server.wait(30)
        log.close()
