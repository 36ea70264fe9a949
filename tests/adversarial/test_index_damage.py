"""Damage to the statement index file is found by ``claims index status``, never served."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims.cli import cli
from claims.index.schema import index_path
from claims.index.statement_index import StatementIndex
from claims.pipeline import ingest
from claims.reader import from_text
from claims.store import OxigraphStore

TEXT = "\n\n".join(f'Vladimir Putin said: "The talks on item {i} will go on for another winter."'
                   for i in range(300))


@pytest.fixture
def indexed(tmp_path: Path) -> tuple[Path, Path]:
    store = tmp_path / "kb"
    with OxigraphStore(store) as opened:
        ingest([from_text(TEXT, id="a")], opened)
        index = StatementIndex.open(opened)
        path = index_path(opened)
        index.close()
    assert path is not None and path.stat().st_size > 64 * 1024
    return store, path


def _status(store: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["index", "status", "--store", str(store)])
    return result.exit_code, result.output


def test_an_intact_index_is_up_to_date(indexed: tuple[Path, Path]) -> None:
    code, output = _status(indexed[0])
    assert code == 0 and "up to date" in output


def test_a_value_changed_in_place_is_found(indexed: tuple[Path, Path]) -> None:
    store, path = indexed
    data = path.read_bytes()
    assert data.count(b"Vladimir Putin") > 1
    at = data.index(b"Vladimir Putin")
    path.write_bytes(data[:at] + b"Vladimir Pxtin" + data[at + 14:])
    code, output = _status(store)
    assert code == 1 and "[index-corrupt]" in output and "up to date" not in output


def test_random_bytes_inside_the_file_are_found(indexed: tuple[Path, Path]) -> None:
    store, path = indexed
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(max(4096, size // 2 - 32 * 1024))
        fh.write(random.Random(18).randbytes(min(64 * 1024, size - 4096)))
        fh.flush()
        os.fsync(fh.fileno())
    code, output = _status(store)
    assert code == 1 and "[index-" in output and "up to date" not in output
