"""The statement index: one SQLite row per statement, beside the store, for fast list views.

The store stays the single source of truth; the index is a cache of what its article
graphs and review events say, one row per statement (kind, text, current speaker, status,
article metadata, spans, extractor), with the SQLite indexes that the list views need: a
speaker's quotations, one article's statements, the review queue, counts per speaker, and
the explorer's filters, each a page (``limit``, ``offset``) at a time.

For an embedded store at directory ``P`` the index is the file ``P.index.sqlite``; for
other stores it is an in-memory database built when it is opened. It is kept fresh:

- :meth:`StatementIndex.rebuild` reads everything from the store into a fresh file (or
  database) and swaps it in, so a failure leaves the old index as it was;
- :meth:`StatementIndex.sync` compares the articles' content hashes (their commit markers)
  and the number of review events with what the index last saw, and re-reads only what
  changed; ``sync(deep=True)`` (``claims index sync``) compares every row and review
  state with the store instead (:mod:`~claims.index.compare`);
- :func:`claims.pipeline.ingest` and :mod:`claims.review` update an existing index in the
  same operation as each batch written and each event recorded (:func:`attached`).

It holds nothing the store does not: a corrupt index (:class:`~claims.errors.IndexCorrupt`)
is fixed by a rebuild. Only articles with their commit marker are indexed; an article
re-extracted with ``force`` (same content hash) by a process that did not see the index
is caught by a deep sync or a rebuild, not by a quick one.

The modules: :mod:`~claims.index.schema` (the SQLite layout), :mod:`~claims.index.rows`
(rows and review states from the store or from ingestion), :mod:`~claims.index.filters`
(the explorer's filters as SQL), :mod:`~claims.index.facets` (the derived layers' values,
registered in :mod:`claims.extensions`), :mod:`~claims.index.statement_index` (the index
itself) and :mod:`~claims.index.hooks` (ingest, review and derived layers keep it fresh).

>>> from claims.store import MemoryStore
>>> index = StatementIndex.open(MemoryStore())
>>> len(index), index.queue().columns[:3].tolist()
(0, ['statement', 'graph', 'kind'])
"""

from claims.index.filters import Filters
from claims.index.hooks import after_layer, after_review, after_write, attached
from claims.index.rows import KINDS, rows_from_statements, rows_from_store
from claims.index.schema import index_path
from claims.index.statement_index import IndexStatus, StatementIndex, Tally

__all__ = ["KINDS", "Filters", "IndexStatus", "StatementIndex", "Tally", "after_layer", "after_review",
           "after_write", "attached", "index_path", "rows_from_statements", "rows_from_store"]
