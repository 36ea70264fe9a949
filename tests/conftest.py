"""Fixtures shared by the whole suite: the ../shared data (skipped cleanly when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "sco-summit-samarkand.txt"
ARTICLES = ROOT / "kb" / "articles"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent")
    return SHARED


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip("../shared/seed/sco-summit-samarkand.txt is absent")
    return SEED


@pytest.fixture(scope="session")
def founding_article() -> Path:
    """The founding article as shipped in kb/articles/, with its sidecar metadata."""
    return ARTICLES / "sco-summit-samarkand.txt"


@pytest.fixture(autouse=True)
def derived_layers(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Derived layers write named graphs of their own: tests of the article model, the index
    and the widgets run without them (``CLAIMS_LAYERS=none``); a layer's tests ask for theirs
    with ``@pytest.mark.layers("link")`` (no names: every layer)."""
    marker = request.node.get_closest_marker("layers")
    monkeypatch.setenv("CLAIMS_LAYERS", (",".join(marker.args) or "all") if marker else "none")
