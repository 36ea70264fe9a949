"""Finding 10: the disk fills up during ingestion.

Two ways to fill it without root: a file size limit (``RLIMIT_FSIZE`` with ``SIGXFSZ``
ignored, so a write past it fails with ``EFBIG``, as RocksDB sees a full disk), which works
everywhere; and, where user namespaces are allowed, a real 64 MB tmpfs filled by another
file (``ENOSPC``). Either way the run ends with a ``[disk-full]`` coded error and the report
of what was stored so far, never a traceback; once there is room again, the same command
stores the rest and the store ends with exactly the quads of an uninterrupted run.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claims.pipeline import ingest
from claims.query import select
from claims.store import OxigraphStore

CLAIMS = str(Path(sys.executable).parent / "claims")
PEOPLE = ["Vladimir Putin", "Xi Jinping", "Narendra Modi", "Olaf Scholz"]
ARTICLES = 120

# Runs in a child process: ingest in batches of 25 (so some are stored before the disk is
# full) under an optional file size limit, and print what the report says as JSON.
RUN = """
import json, os, resource, signal, sys
os.environ["CLAIMS_LAYERS"] = "none"
limit = int(sys.argv[3])
from claims.language import detect
detect("The talks went on for another winter.")  # its model is unpacked to a temporary file
if limit:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from claims.errors import ClaimsError
from claims.pipeline import ingest
from claims.store import OxigraphStore
out = {}
try:
    with OxigraphStore(sys.argv[1]) as store:
        report = ingest([sys.argv[2]], store, batch_size=25, progress=False)
        out = {"stored": len(report.analyses), "codes": sorted({f.code for f in report.failures}),
               "failed": len(report.failures), "skipped": len(report.skipped),
               "stopped": report.stopped.code if report.stopped else None,
               "summary": report.summary()}
except ClaimsError as exc:  # closing the store on a full disk may fail too: coded as well
    out["closing"] = exc.code
print(json.dumps(out))
"""


def _article(i: int) -> str:
    a, b = PEOPLE[i % len(PEOPLE)], PEOPLE[(i * 3 + 1) % len(PEOPLE)]
    paragraph = (f'{a} said: "The talks on trade number {i} will go on for another winter."\n\n'
                 f"{b} told reporters that {i * 7} per cent of the trade would be settled in yuan.\n\n")
    return f"Summit talks, day {i}\n\n" + paragraph * 3


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for i in range(ARTICLES):
        (folder / f"article-{i:03}.txt").write_text(_article(i), "utf-8")
    return folder


@pytest.fixture(scope="module")
def baseline(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> int:
    path = tmp_path_factory.mktemp("baseline") / "kb"
    with pytest.MonkeyPatch.context() as patch, OxigraphStore(path) as store:
        patch.setenv("CLAIMS_LAYERS", "none")  # as the runs below (a module fixture is not patched)
        assert ingest([corpus], store, progress=False).ok
    return _quads(path)


def _quads(path: Path) -> int:
    with OxigraphStore(path, read_only=True) as store:
        table = select(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    return int(table["n"][0])


def _run(store: Path, corpus: Path, limit: int = 0) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", RUN, str(store), str(corpus), str(limit)],
                          capture_output=True, text=True, timeout=600, check=False)
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _check_stopped(first: dict[str, object]) -> None:
    assert first["stopped"] == "disk-full", first
    assert first["codes"] == ["disk-full"], first  # the batch that did not fit, nothing else
    assert isinstance(first["stored"], int) and first["stored"] > 0, first  # the report so far
    assert first["stored"] < ARTICLES, first
    assert "[disk-full]" in str(first["summary"]) and "free some space" in str(first["summary"])


def test_file_size_limit_stops_with_a_coded_error_and_the_report_so_far(
        corpus: Path, baseline: int, tmp_path: Path) -> None:
    store = tmp_path / "kb"
    first = _run(store, corpus, limit=4_000_000)
    _check_stopped(first)
    assert not list(store.glob("bulk-*.sst"))  # a part-written staging file is removed at once
    again = _run(store, corpus)  # room again: the same command stores the rest
    assert again["stopped"] is None and again["failed"] == 0, again
    assert again["skipped"] == first["stored"]
    assert _quads(store) == baseline


def test_cli_on_a_full_disk_prints_a_coded_error_not_a_traceback(corpus: Path, tmp_path: Path) -> None:
    code = ("import resource, signal, sys; from claims.cli import main; "
            "from claims.language import detect; detect('The talks went on for another winter.'); "
            "signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
            "resource.setrlimit(resource.RLIMIT_FSIZE, (1_000_000, 1_000_000)); "
            "sys.argv = ['claims', 'ingest', '--no-progress', '--store', sys.argv[1], sys.argv[2]]; main()")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "kb"), str(corpus)],
                          capture_output=True, text=True, timeout=600, check=False,
                          env={"CLAIMS_LAYERS": "none", "PATH": "/usr/bin:/bin"})
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert done.returncode in (1, 2)
    assert "stopped before the end: [disk-full]" in done.stderr
    assert "already stored" in done.stdout  # the report line is printed
    assert "read but not stored" in done.stderr and done.stderr.count("[disk-full]") <= 2


def _namespaces() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt"],
                           capture_output=True, check=False)
    return probe.returncode == 0


@pytest.mark.skipif(not sys.platform.startswith("linux") or not _namespaces(),
                    reason="needs user and mount namespaces (unshare -rm) for a small tmpfs")
def test_a_real_full_disk(corpus: Path, baseline: int, tmp_path: Path) -> None:
    """A 64 MB tmpfs, 63 MB of it taken by another file; then the file goes and the same
    command stores the rest."""
    run = f"{sys.executable} -c '{RUN}'"
    script = (f"set -e; mkdir -p {tmp_path}/mnt; mount -t tmpfs -o size=64m tmpfs {tmp_path}/mnt; "
              f"head -c 63000000 /dev/zero > {tmp_path}/mnt/filler; "
              f"{run} {tmp_path}/mnt/kb {corpus} 0 > {tmp_path}/first.json; "
              f"rm {tmp_path}/mnt/filler; "
              f"{run} {tmp_path}/mnt/kb {corpus} 0 > {tmp_path}/again.json; "
              f"cp -r {tmp_path}/mnt/kb {tmp_path}/kb")
    done = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True,
                          timeout=600, check=False)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-3000:]
    first = json.loads((tmp_path / "first.json").read_text())
    again = json.loads((tmp_path / "again.json").read_text())
    _check_stopped(first)
    assert again["stopped"] is None and again["failed"] == 0, again
    assert _quads(tmp_path / "kb") == baseline
