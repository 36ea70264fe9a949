"""Every notebook runs top to bottom (nbclient) against a store built from kb/articles."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import claims
from servers import OxigraphServer, oxigraph_binary

ROOT = Path(__file__).resolve().parents[1]
WIDGET = r"explorer|queue|Workbench\(store\)|IngestPanel\(store\)|Explorer\(store, table=table\)"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.fixture(scope="module", params=["embedded", "remote"])
def kb_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[str]:
    """The knowledge base the notebooks use: a directory, or an ``oxigraph serve`` URL."""
    path = tmp_path_factory.mktemp("nb") / "store"
    if request.param == "embedded":
        with claims.open_store(str(path)) as store:
            assert claims.ingest([ROOT / "kb" / "articles"], store).ok
        yield str(path)
        return
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary is absent (PyPI package 'oxigraph')")
    with OxigraphServer(path, binary=binary, writable=True) as server:
        assert claims.ingest([ROOT / "kb" / "articles"], claims.open_store(server.url)).ok
        yield server.url


def test_the_five_notebooks_exist_without_outputs() -> None:
    assert [p.stem[:2] for p in NOTEBOOKS] == ["01", "02", "03", "04", "05"]
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None, path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_top_to_bottom(path: Path, kb_store: str, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_STORE", kb_store)
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=180, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    errors = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs
              if out.output_type == "error" or out.get("name") == "stderr"]
    assert errors == []
    shown = [cell for cell in nb.cells if cell.cell_type == "code"
             and re.fullmatch(WIDGET, cell.source.splitlines()[-1])]
    assert len(shown) == {"01": 0, "02": 1, "03": 1, "04": 2, "05": 1}[path.stem[:2]]
    for cell in shown:
        assert [out for out in cell.outputs
                if "application/vnd.jupyter.widget-view+json" in out.get("data", {})] != []
