"""Write the numbered notebooks (without outputs) from the cell sources below.

Run ``.venv/bin/python notebooks/make_notebooks.py`` after changing a notebook here; the
notebooks stay thin: every cell calls the public API (``claims``, ``claims.widgets``).
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent
OPEN = """import os
import claims
store = claims.open_store(shared=True)  # CLAIMS_STORE, default kb/store; or a SPARQL endpoint URL"""

NOTEBOOKS: dict[str, list[tuple[str, str]]] = {
    "01_quick_start": [
        ("md", "# Quick start\nIngest the articles in `kb/articles/` (the founding article: the SCO "
               "summit in Samarkand), list their statements, read one quote in its source, and run "
               "one SPARQL query. The store is the one named by `CLAIMS_STORE` (default `kb/store`)."),
        ("code", OPEN + """
from claims.config import project_root
report = claims.ingest([project_root() / "kb" / "articles"], store)  # idempotent
report  # one line: stored, already stored (skipped), failed"""),
        ("code", """from claims.widgets import Filters, StatementTable
table = StatementTable(store)  # one row per statement, keyed by its IRI, from the statement index
rows, total = table.page(Filters(), limit=20)  # filtered, sorted and paged in SQLite
rows[["kind", "speaker", "text", "cue", "confidence"]].fillna("")  # blank, not NaN, where none"""),
        ("md", "One quotation, highlighted in its sentence, with its provenance:"),
        ("code", """from IPython.display import HTML
from claims.widgets import provenance
quotes, _ = table.page(Filters(kind="quotation"), limit=1)
HTML(provenance(table, store, quotes.index[0]))"""),
        ("md", "A SPARQL query (the named query `speakers`; `claims.named_queries()` lists them all):"),
        ("code", 'claims.select(store, "speakers")'),
    ],
    "02_claim_explorer": [
        ("md", "# Claim explorer\nFor fact-checkers: filter statements by speaker, kind, outlet, date, "
               "review status and words; select one to see where it comes from; export the rows "
               "to CSV; see who says how much, and when."),
        ("code", OPEN + """
from claims.widgets import Explorer
explorer = Explorer(store)
explorer"""),
        ("md", "The page shown as a sortable, searchable table (itables), and as a DataFrame "
               "for your own analysis (`explorer.rows`); every matching row: `explorer.export_csv()`."),
        ("code", """from itables import init_notebook_mode, show
init_notebook_mode(all_interactive=False, connected=False)
show(explorer.rows.reset_index())"""),
    ],
    "03_sparql_workbench": [
        ("md", "# SPARQL workbench\nFor researchers. `%%sparql` runs a cell against the current "
               "store (or `%%sparql --store https://host/sparql` against an endpoint) and returns a "
               "DataFrame; the usual prefixes (`claims:`, `schema:`, `prov:`, `oa:`, `dcterms:`, "
               "`skos:`, `owl:`, `rdf:`, `rdfs:`, `xsd:`, `wd:`) are declared for you. A query "
               "without `GRAPH` sees every graph of the knowledge base (`%%sparql --strict` for "
               "the store's own default graph only)."),
        ("code", "%load_ext claims"),
        ("code", """%%sparql --out counts
SELECT ?speaker (COUNT(?statement) AS ?statements)
WHERE { ?statement claims:speaker/schema:name ?speaker }
GROUP BY ?speaker ORDER BY DESC(?statements)"""),
        ("code", "counts.head()"),
        ("md", "The workbench: pick an example (the named queries), edit, run; CSV and a chart below "
               "the results. CONSTRUCT and DESCRIBE results are shown as Turtle."),
        ("code", OPEN + """
from claims.widgets import Workbench
Workbench(store)"""),
    ],
    "04_attribution_review": [
        ("md", "# Attribution review\nFor editors: each quotation not yet reviewed, in its paragraph, "
               "with the quote and the speaker's mention highlighted. Confirm, correct the speaker, "
               "mark it misquoted, reject it, or skip it. Every decision is kept, with who, when "
               "and why (`claims.review`)."),
        ("code", OPEN + """
from claims.widgets import Explorer, ReviewQueue, StatementTable
table = StatementTable(store)
queue = ReviewQueue(store, table=table, reviewer=os.environ.get("CLAIMS_REVIEWER", ""))
queue"""),
        ("md", "The explorer on the same table shows each decision at once (filter by status):"),
        ("code", "Explorer(store, table=table)"),
    ],
    "05_ingest": [
        ("md", "# Ingest\nPaste an article's text, upload files (`.txt` with its `.json` metadata, "
               "`.html`, `.jsonl` batches) or give a URL (fetched only when you press Fetch). "
               "Preview the extracted statements, then commit them to the knowledge base."),
        ("code", OPEN + """
from claims.widgets import IngestPanel
IngestPanel(store)"""),
        ("md", "The articles in the knowledge base:"),
        ("code", 'claims.select(store, "articles")'),
    ],
}


def build(name: str, cells: list[tuple[str, str]]) -> nbformat.NotebookNode:
    nb = new_notebook(cells=[new_markdown_cell(src) if kind == "md" else new_code_cell(src)
                             for kind, src in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"{name[:2]}-{i:02d}"
    return nb


def main() -> None:
    for name, cells in NOTEBOOKS.items():
        nbformat.write(build(name, cells), HERE / f"{name}.ipynb")


if __name__ == "__main__":
    main()
