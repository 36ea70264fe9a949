"""Fixtures for widget tests: a store built from kb/articles, and widget errors as failures."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import claims
from claims.store import Store

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "kb" / "articles"
UNIPOLAR = ("Attempts to create a unipolar world have recently acquired an absolutely ugly form "
            "and are completely unacceptable.")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def widget_errors() -> Iterator[None]:
    """A raising widget callback is only logged by ipywidgets: make it fail the test."""
    handler = _Collect()
    logger = logging.getLogger("traitlets")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
    if handler.records:
        pytest.fail("widget callback raised:\n" + "\n".join(
            handler.format(r) + (f"\n{r.exc_info[1]!r}" if r.exc_info else "") for r in handler.records))


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """kb/articles ingested once into an embedded store; tests work on copies."""
    path = tmp_path_factory.mktemp("kb") / "store"
    with claims.open_store(str(path)) as store:
        report = claims.ingest([ARTICLES], store)
    assert report.ok and report.statements > 0
    return path


@pytest.fixture
def store_path(built_store: Path, tmp_path: Path) -> Path:
    path = tmp_path / "store"
    shutil.copytree(built_store, path)
    return path


@pytest.fixture
def store(store_path: Path) -> Store:
    return claims.open_store(str(store_path), shared=True)


@pytest.fixture
def statements(store: Store) -> pd.DataFrame:
    """The store's own answer (the named query), to check the widgets against."""
    return claims.select(store, "article_statements")
