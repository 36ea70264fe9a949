"""A few flows in a real browser: JupyterLab driven by Playwright with Debian's Chromium."""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from typing import Any

import pytest

import claims
from claims import review

from .conftest import ARGS, CHROMIUM, REVIEWER, Lab

pytestmark = [pytest.mark.browser, pytest.mark.slow]
WAIT = 120_000  # ms


@pytest.fixture
def page(lab: Lab, request: pytest.FixtureRequest) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.set_default_timeout(WAIT)
        tab = context.new_page()
        failed = True
        try:
            yield tab
            failed = False
        finally:
            name = request.node.name + ("-failed" if failed else "")
            tab.screenshot(path=str(lab.artifacts / f"{name}.png"), full_page=True)
            if failed:  # what the page said, and the server's log, beside the screenshot
                (lab.artifacts / f"{name}.txt").write_text(tab.inner_text("body"))
                shutil.copy(lab.log, lab.artifacts / f"{name}-lab.log")
            browser.close()


def _wait_idle(lab: Lab, notebook: str) -> None:
    deadline = time.monotonic() + WAIT / 1000
    while time.monotonic() < deadline:
        sessions = lab.api("/api/sessions")
        assert isinstance(sessions, list)
        states = [s["kernel"]["execution_state"] for s in sessions if s["path"].endswith(notebook)]
        if states == ["idle"]:
            return
        time.sleep(0.5)
    pytest.fail(f"no idle kernel for {notebook}")


def _run_all(page: Any, lab: Lab, notebook: str) -> None:
    page.goto(f"{lab.url}/lab/tree/{notebook}?reset")  # a fresh layout: only this notebook open
    page.locator(".jp-NotebookPanel").first.wait_for()
    _wait_idle(lab, notebook)
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_text("Run All Cells", exact=True).click()


def test_review_notebook_confirm_one_quotation(lab: Lab, page: Any) -> None:
    _run_all(page, lab, "04_attribution_review.ipynb")
    progress = page.locator(".claims-review-progress")
    progress.wait_for()
    queued = review.queue(claims.open_store(str(lab.store), shared=True))  # `claims review list`
    page.wait_for_function("document.querySelector('.claims-review-progress')"
                           "?.textContent.includes('0 of ')")
    assert progress.inner_text().strip() == f"0 of {len(queued)} reviewed"
    page.locator(".claims-review-kind select").select_option(label="Quotations")
    quotes = queued[queued["kind"] == "claims:Quotation"]
    page.wait_for_function("document.querySelector('.claims-review-progress')"
                           f"?.textContent.trim() === '0 of {len(quotes)} reviewed'")
    page.locator("button.claims-review-confirm").click()
    page.wait_for_function("document.querySelector('.claims-review-progress')"
                           "?.textContent.includes('1 of ')")
    assert progress.inner_text().strip() == f"1 of {len(quotes)} reviewed"
    page.locator(".claims-review").first.screenshot(path=str(lab.artifacts / "review-widget.png"))

    store = claims.open_store(str(lab.store), shared=True)
    [event] = review.events(store)
    assert (event.verdict, event.reviewer) == (review.Verdict.CONFIRMED, REVIEWER)

    page.locator(".claims-explorer-status select").select_option(label="confirmed")
    count = page.locator(".claims-explorer-count")
    page.wait_for_function("document.querySelector('.claims-explorer-count')"
                           "?.textContent.startsWith('1 of ')")
    assert re.fullmatch(r"1 of \d+ statements", count.inner_text().strip())
    assert page.locator(".claims-explorer-grid tr[data-iri]").get_attribute("data-iri") == \
        claims.query.shorten(event.statement)


def test_explorer_type_ahead_speaker_and_row_click_shows_provenance(lab: Lab, page: Any) -> None:
    _run_all(page, lab, "02_claim_explorer.ipynb")
    speaker = page.locator(".claims-explorer-speaker input")
    speaker.wait_for()
    store = claims.open_store(str(lab.store), shared=True)
    statements = claims.select(store, "article_statements")
    putin = statements[statements["speaker"] == "Vladimir Putin"]
    # type-ahead: the browser offers the known names matching what is typed
    offered = page.locator(".claims-explorer-speaker datalist option")
    assert "Vladimir Putin" in [offered.nth(i).get_attribute("value") for i in range(offered.count())]
    speaker.fill("Vladimir Putin")
    page.wait_for_function("document.querySelector('.claims-explorer-count')"
                           f"?.textContent.startsWith('{len(putin)} of ')")
    rows = page.locator(".claims-explorer-grid tbody tr")
    assert rows.count() == len(putin)
    speakers = {rows.nth(i).locator("td.claims-col-speaker").inner_text() for i in range(rows.count())}
    assert speakers == {"Vladimir Putin"}
    cell = rows.first.locator("td.claims-col-speaker")
    assert cell.evaluate("e => getComputedStyle(e).whiteSpace") == "nowrap"
    # a click on a row selects it and shows where it comes from
    second = rows.nth(1)
    iri = second.get_attribute("data-iri")
    text = second.locator("td.claims-col-text").inner_text()
    second.click()
    page.locator(".claims-explorer-grid tr.claims-selected").wait_for()
    assert page.locator(".claims-explorer-grid tr.claims-selected").get_attribute("data-iri") == iri
    source = page.locator(".claims-provenance .claims-section-source")
    source.wait_for()
    assert text.rstrip("…") in source.locator("mark.claims-quote").inner_text()
    assert iri in source.inner_text()
    # ↓ selects the next row and shows its source
    page.keyboard.press("ArrowDown")
    third = rows.nth(2).get_attribute("data-iri")
    page.wait_for_function("document.querySelector('.claims-explorer-grid tr.claims-selected')"
                           f"?.dataset.iri === '{third}'")
    page.wait_for_function("document.querySelector('.claims-provenance .claims-section-source')"
                           f"?.textContent.includes('{third}')")
    # only the statement wraps: no row is taller than its statement's lines (facets too)
    page.wait_for_function("""() => {
      const spare = [...document.querySelectorAll('.claims-explorer-grid tbody tr')].map(tr => {
        const cell = tr.querySelector('td.claims-col-text');
        if (!cell) { return 1e9; }
        const range = document.createRange();
        range.selectNodeContents(cell);
        return tr.getBoundingClientRect().height - range.getBoundingClientRect().height; });
      return spare.length > 0 && Math.max(...spare) < 12; }""")
    page.set_viewport_size({"width": 1400, "height": 2400})  # the table and the provenance below
    page.locator(".claims-explorer").first.screenshot(path=str(lab.artifacts / "explorer-widget.png"))
    # free text: a word's beginning, in the statement (every title here names Putin: not read)
    unipolar = putin[putin["text"].str.contains(r"\bunipol", case=False)]
    page.locator(".claims-explorer-text input").fill("Unipol")
    page.wait_for_function("document.querySelector('.claims-explorer-count')"
                           f"?.textContent.startsWith('{len(unipolar)} of ')")
    assert 0 < len(unipolar) < len(putin)


def test_workbench_ctrl_enter_runs_and_a_syntax_error_shows_line_column_and_caret(
        lab: Lab, page: Any) -> None:
    _run_all(page, lab, "03_sparql_workbench.ipynb")
    editor = page.locator(".claims-workbench-editor textarea")
    editor.wait_for()
    # the side panel lists the model's classes; a click inserts one at the caret
    page.locator(".claims-sparql-terms li[data-insert='claims:Quotation']").wait_for()
    editor.click()
    editor.fill("SELECT (COUNT(*) AS ?n) WHERE { ?s a  }")
    editor.evaluate("e => e.setSelectionRange(37, 37)")
    page.locator(".claims-sparql-terms li[data-insert='claims:Quotation']").click()
    assert editor.input_value() == "SELECT (COUNT(*) AS ?n) WHERE { ?s a claims:Quotation }"
    highlighted = page.locator(".claims-workbench-editor .claims-sparql-keyword")
    assert "SELECT" in [highlighted.nth(i).inner_text() for i in range(highlighted.count())]
    editor.press("Control+Enter")
    status = page.locator(".claims-workbench-status")
    page.wait_for_function("document.querySelector('.claims-workbench-status')"
                           "?.textContent.startsWith('1 row')")
    store = claims.open_store(str(lab.store), shared=True)
    quotes = len(claims.select(store, "quotations_by_speaker"))
    assert page.locator(".claims-workbench-table td").first.inner_text() == str(quotes)
    assert re.match(r"1 row\b", status.inner_text())
    page.locator(".claims-workbench").first.screenshot(path=str(lab.artifacts / "workbench-widget.png"))
    # a syntax error: a sentence with line and column, the line and a caret under the column
    editor.fill("SELECT ?s WHERE {\n  ?s foo:bar ?o }")
    editor.press("Shift+Enter")
    errors = page.locator(".claims-workbench .claims-errors")
    page.wait_for_function("document.querySelector('.claims-workbench .claims-errors')"
                           "?.textContent.includes('unknown prefix')")
    lines = errors.inner_text().strip("\n").splitlines()
    assert lines[0] == ("[query-rejected] unknown prefix `foo:` at line 2, column 6 — declared "
                        "prefixes are claims:, schema:, prov:, oa:, dcterms:, skos:, owl:, rdf:, "
                        "rdfs:, xsd:, wd:")
    assert lines[1:] == ["    ?s foo:bar ?o }", "       ^"]
    page.locator(".claims-workbench-editor .claims-sparql-error-line").wait_for()
    assert page.locator(".claims-workbench-status").inner_text().strip() == ""


def test_review_queue_shows_who_he_is_for_a_he_added_quotation(lab: Lab, page: Any) -> None:
    _run_all(page, lab, "04_attribution_review.ipynb")
    page.locator(".claims-review-progress").wait_for()
    skip = page.locator("button.claims-review-skip")
    context = page.locator(".claims-review-context")
    for _ in range(40):  # skip to the quotation attributed by "..., he added"
        context.wait_for()
        if "The Americans think" in context.inner_text():
            break
        before = context.inner_text()
        skip.click()
        page.wait_for_function("text => document.querySelector('.claims-review-context')"
                               "?.innerText !== text", arg=before)
    else:
        pytest.fail("the queue has no 'he added' quotation")
    marks = page.locator(".claims-review-context .claims-context mark.claims-speaker")
    assert marks.last.inner_text() == "he"
    named = page.locator(".claims-review-antecedent mark.claims-antecedent")
    assert named.inner_text() == "Raisi"
    assert "Raisi" in page.locator(".claims-review-antecedent").inner_text()
    assert "Ebrahim Raisi" in page.locator(".claims-review-facts").inner_text()
    page.locator(".claims-review").first.screenshot(path=str(lab.artifacts / "review-antecedent.png"))


# The colour CodeMirror gives a word, in the first cell whose text contains `marker`.
_COLOUR = """([marker, word]) => {
  const cell = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell')]
    .find(c => c.querySelector('.cm-content')?.textContent.includes(marker));
  const span = [...(cell?.querySelectorAll('.cm-line span') ?? [])].find(s => s.textContent === word);
  return span ? getComputedStyle(span).color : null;
}"""


def test_a_sparql_cell_is_highlighted_as_sparql(lab: Lab, page: Any) -> None:
    page.goto(f"{lab.url}/lab/tree/03_sparql_workbench.ipynb?reset")
    # a code cell's editor: a rendered Markdown cell's editor is there but hidden
    page.locator(".jp-NotebookPanel .jp-CodeCell .cm-content").first.wait_for()
    _wait_idle(lab, "03_sparql_workbench.ipynb")
    page.wait_for_function(f"({_COLOUR})(['import claims', 'import']) !== null")
    keyword = page.evaluate(_COLOUR, ["import claims", "import"])  # Python's keyword colour
    page.wait_for_function(f"({_COLOUR})(['%%sparql', 'SELECT']) === {keyword!r}")
    for word in ("WHERE", "GROUP", "DESC"):  # SPARQL's keywords, coloured as keywords
        assert page.evaluate(_COLOUR, ["%%sparql", word]) == keyword, word
    # a Python cell stays Python: "SELECT" there is a name, not a keyword
    cell = page.locator(".jp-Notebook .jp-CodeCell").filter(has_text="counts.head()")
    cell.locator(".cm-content").click()
    page.keyboard.press("End")
    page.keyboard.type(" or SELECT")
    page.wait_for_function(f"({_COLOUR})(['counts.head()', 'or']) === {keyword!r}")
    assert page.evaluate(_COLOUR, ["counts.head()", "SELECT"]) != keyword
    page.locator(".jp-Notebook .jp-CodeCell").filter(has_text="%%sparql").first.screenshot(
        path=str(lab.artifacts / "sparql-cell.png"))
