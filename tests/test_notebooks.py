"""Every notebook runs top to bottom (nbclient) against a store built from kb/articles."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import claims

ROOT = Path(__file__).resolve().parents[1]
WIDGET = r"explorer|queue|Workbench\(store\)|IngestPanel\(store\)|Explorer\(store, table=table\)"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.fixture(scope="module")
def kb_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("nb") / "store"
    with claims.open_store(str(path)) as store:
        report = claims.ingest([ROOT / "kb" / "articles"], store)
    assert report.ok, report.failures
    return path


def test_the_five_notebooks_exist_without_outputs() -> None:
    assert [p.stem[:2] for p in NOTEBOOKS] == ["01", "02", "03", "04", "05"]
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None, path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_top_to_bottom(path: Path, kb_store: Path, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_STORE", str(kb_store))
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
