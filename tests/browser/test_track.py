"""The explorer in a real browser: a claim's variants with a misquote highlighted, and an editor
dismissing the flag (JupyterLab driven by Playwright with Debian's Chromium)."""

from __future__ import annotations

from typing import Any

import nbformat
import pytest

import claims
from claims import decisions, track
from claims.document import Document
from claims.query import shorten

from .conftest import REVIEWER, Lab
from .test_lab import _run_all, page  # noqa: F401 - the page fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.layers("track")]

BRIDGE = "We are going to rebuild every bridge in this state, and we will do it before the winter comes"
DOCS = [
    Document(id="track-a", text=f'Governor Ana Lopez said on Monday: "{BRIDGE}." She spoke in Columbus.',
             publisher="Daily A", date="2024-01-02"),
    Document(id="track-b", text=f'"{BRIDGE.replace("before", "after")}," Ana Lopez told reporters.',
             publisher="Daily B", date="2024-01-03"),
    Document(id="track-c", text='Lopez said she was "going to rebuild every bridge in this state."',
             publisher="Daily C", date="2024-01-04"),
]


def test_explorer_shows_a_misquote_highlighted_and_an_editor_dismisses_it(lab: Lab, page: Any) -> None:  # noqa: F811
    kb = lab.store.parent / "track-kb"
    with claims.open_store(str(kb)) as made:
        assert claims.ingest(DOCS, made, progress=False).ok
    flagged = claims.select(claims.open_store(str(kb), shared=True), "misquotes")
    assert flagged["outlet"].tolist() == ["Daily B"]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import os\nos.environ['CLAIMS_LAYERS'] = 'track'\nimport claims\n"
        "from claims.widgets import Explorer\n"
        f"store = claims.open_store({str(kb)!r}, shared=True)\nExplorer(store)")],
        metadata={"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                  "language_info": {"name": "python"}})
    nbformat.write(notebook, lab.notebooks / "track_explorer.ipynb")

    _run_all(page, lab, "track_explorer.ipynb")
    misquoted = page.locator(".claims-explorer-facet-misquoted input")
    misquoted.check()
    page.wait_for_function("document.querySelector('.claims-explorer-count')"
                           "?.textContent.startsWith('1 of ')")
    row = page.locator(".claims-explorer-grid tbody tr").first
    assert row.get_attribute("data-iri") == shorten(str(flagged["statement"].iloc[0]))
    row.click()
    section = page.locator(".claims-provenance .claims-section-claim.widget-vbox")
    section.locator(".claims-claim").wait_for()
    text = section.inner_text()
    assert "Reported by 3 outlets (3 independent), first seen 2024-01-02 in Daily A" in text
    # the misquote's changed word, struck through and inserted, and its flag
    assert section.locator("del").all_inner_texts() == ["before"]
    assert section.locator("ins").all_inner_texts() == ["after"]
    assert section.locator("b.claims-misquote").count() == 1
    page.locator(".claims-provenance").first.screenshot(path=str(lab.artifacts / "track-misquote.png"))

    section.locator("button.claims-misquote-dismiss").click()
    section.locator(".claims-claim-decided").wait_for()
    assert f"flag dismissed by {REVIEWER}" in section.inner_text()
    page.wait_for_function("document.querySelector('.claims-section-claim.widget-vbox .claims-claim')"
                           "?.textContent.includes('(flag dismissed)')")
    assert section.locator("b.claims-misquote").count() == 0
    assert section.locator("button.claims-misquote-dismiss").count() == 0
    page.locator(".claims-provenance").first.screenshot(path=str(lab.artifacts / "track-dismissed.png"))

    store = claims.open_store(str(kb), shared=True)
    [made_] = decisions.current(store, track.MISQUOTE).values()
    assert (made_.value, made_.reviewer) == ("dismissed", REVIEWER)
    assert claims.select(store, "misquotes").empty
