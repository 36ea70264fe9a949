"""claims: quotations, reported speech and figures from news, as an RDF knowledge base.

>>> import claims
>>> store = claims.open_store("memory:")
>>> report = claims.ingest([claims.from_text('Putin said: "Yes, we agree."', id="t")], store)
>>> claims.select(store, "quotations_by_speaker")[["speaker", "text"]].values.tolist()
[['Vladimir Putin', 'Yes, we agree.']]
"""

from claims.document import Document
from claims.errors import ClaimsError
from claims.extract import extract
from claims.index import StatementIndex
from claims.pipeline import Analysis, IngestReport, analyse, ingest
from claims.query import named_queries, run, select
from claims.reader import from_html, from_text, read, read_file
from claims.statements import Kind, Quantity, Span, Speaker, Statement
from claims.store import MemoryStore, OxigraphStore, Store, open_store

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "ClaimsError",
    "Document",
    "IngestReport",
    "Kind",
    "MemoryStore",
    "OxigraphStore",
    "Quantity",
    "Span",
    "Speaker",
    "Statement",
    "StatementIndex",
    "Store",
    "__version__",
    "analyse",
    "extract",
    "from_html",
    "from_text",
    "ingest",
    "named_queries",
    "open_store",
    "read",
    "read_file",
    "run",
    "select",
]


def load_ipython_extension(ipython: object) -> None:
    """``%load_ext claims`` registers the ``%%sparql`` cell magic."""
    from claims.magic import load_ipython_extension as load

    load(ipython)
