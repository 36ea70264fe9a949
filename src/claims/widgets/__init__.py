"""ipywidgets front ends over the public API, used by the notebooks in ``notebooks/``.

- :class:`Explorer` (fact-checkers): filter, read in context, export, plot.
- :class:`Workbench` (researchers): SPARQL with examples, results, CSV, chart.
- :class:`ReviewQueue` (editors): confirm, correct or reject attributions.
- :class:`IngestPanel`: paste, upload or fetch articles; preview; commit.

Widgets built on the same :class:`StatementTable` see each other's changes at once.
"""

from claims.widgets.explorer import Explorer
from claims.widgets.highlight import highlight, in_context
from claims.widgets.ingest import IngestPanel
from claims.widgets.provenance import ProvenancePanel, provenance
from claims.widgets.review import ReviewQueue
from claims.widgets.table import Filters, StatementTable
from claims.widgets.workbench import Workbench, run_sparql

__all__ = ["Explorer", "Filters", "IngestPanel", "ProvenancePanel", "ReviewQueue", "StatementTable",
           "Workbench", "highlight", "in_context", "provenance", "run_sparql"]
