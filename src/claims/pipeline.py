"""The main job: articles in, statements out, one validated named graph per article stored.

:func:`ingest` reads articles, extracts their statements (in ``workers`` processes when
asked), checks them and writes them in batches. A failing article is reported in the
:class:`IngestReport`, never written, and the rest are stored. A batch is written in one
transaction, except that the new graphs of a big batch go through Oxigraph's bulk loader
(see :mod:`claims.store.bulk`): an interrupted run leaves no article marked as stored that is
not complete, and running it again skips every article already stored with the same
content hash and rewrites the rest, so nothing is redone or duplicated.

Checks: the span invariant ``text[start:end] == exact`` on every statement (pure Python,
always), and SHACL (pyshacl, about 0.13 s an article) on the articles ``validate`` picks.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from rdflib import Graph

from claims import index, layers
from claims import reader as reading
from claims.document import Document
from claims.errors import ClaimsError, DiskFull, StoreError, ValidationFailed, store_io_error
from claims.extract import extract
from claims.language import english_rules, with_language
from claims.model import iris, shapes
from claims.model.mapping import article_triples, to_graphs
from claims.processes import die_with_parent
from claims.statements import Statement
from claims.store import bulk
from claims.store.base import Store

log = logging.getLogger(__name__)

Source = str | Path | Document
Validate = bool | Literal["auto", "all", "sample", "none"]

AUTO_FULL = 10  # "auto" and "sample": SHACL on the first articles of a run ...
SAMPLE_EVERY = 1000  # ... and then on one article in this many
CHUNK = 16  # articles a worker process gets at a time
BULK_BATCH = 2048  # articles a write on the bulk path: pyoxigraph's loader pays per call
BATCH = 256  # articles a write elsewhere (one SPARQL Update a batch on an endpoint)


@dataclass(frozen=True, slots=True, eq=False)
class Analysis:
    """One article's extraction: the document, its statements and its named graph.

    The graphs are built on first use (from the document and statements, deterministically),
    so a report of a big run does not hold every graph in memory.
    """

    document: Document
    statements: tuple[Statement, ...]
    _graphs: tuple[Graph, Graph] | None = field(default=None, repr=False)

    def _built(self) -> tuple[Graph, Graph]:
        if self._graphs is None:
            object.__setattr__(self, "_graphs", to_graphs(self.document, self.statements))
        assert self._graphs is not None
        return self._graphs

    @property
    def graph(self) -> Graph:
        """The article's named graph."""
        return self._built()[0]

    @property
    def entities(self) -> Graph:
        """The descriptions it names (people, organisations, extractors), for the entities graph."""
        return self._built()[1]

    @property
    def article(self) -> str:
        return str(iris.article_iri(self.document))


@dataclass(frozen=True, slots=True)
class Failure:
    source: str
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What a run stored, what it could not read, and what it skipped as already stored."""

    analyses: tuple[Analysis, ...]
    failures: tuple[Failure, ...]
    skipped: tuple[str, ...] = ()
    stale_layers: tuple[str, ...] = ()  # derived layers a write could not update (rebuild them)
    stopped: Failure | None = None  # why the run stopped before the end (the disk is full)

    @property
    def ok(self) -> bool:
        return not self.failures and self.stopped is None

    @property
    def statements(self) -> int:
        return sum(len(a.statements) for a in self.analyses)

    def summary(self) -> str:
        """One line: what was stored, skipped as already stored, and what failed.

        >>> IngestReport((), (Failure("a.txt", "empty-input", "[empty-input] a.txt"),), ("kb:x",)).summary()
        'Stored 0 articles (0 statements); 1 already stored, skipped; 1 failed: a.txt'
        """
        stored = len(self.analyses)
        parts = [f"Stored {stored} article{'' if stored == 1 else 's'} ({self.statements} statements)"]
        if self.skipped:
            parts.append(f"{len(self.skipped)} already stored, skipped")
        if self.failures:
            names = ", ".join(f.source for f in self.failures[:5])
            parts.append(f"{len(self.failures)} failed: {names}{' …' if len(self.failures) > 5 else ''}")
        if self.stale_layers:
            parts.append("derived layers to rebuild: " + ", ".join(self.stale_layers))
        foreign = sorted(str(a.document.language) for a in self.analyses
                         if not english_rules(a.document.language))
        if foreign:
            langs = ", ".join(dict.fromkeys(foreign))
            parts.append(f"{len(foreign)} not in English ({langs}): quotations only, "
                         "no speakers, reported speech or figures")
        if self.stopped is not None:
            parts.append(f"stopped before the end: {self.stopped.message}")
        return "; ".join(parts)

    def _repr_html_(self) -> str:
        """In a notebook: the summary, and the failures with their messages."""
        import html

        rows = "".join(f"<tr><td>{html.escape(f.source)}</td><td>{html.escape(f.message)}</td></tr>"
                       for f in self.failures)
        table = (f'<table class="claims-failures"><tr><th>source</th><th>why</th></tr>{rows}</table>'
                 if rows else "")
        return f'<p class="claims-ingest-summary">{html.escape(self.summary())}</p>{table}'


def check_spans(doc: Document, statements: Iterable[Statement]) -> None:
    """Raise :class:`ValidationFailed` unless every span's text is exactly the statement's."""
    text = doc.text
    for st in statements:
        if text[st.span.start:st.span.end] != st.text:
            raise ValidationFailed(doc.source or doc.id,
                                   hint=f"span {st.span.start}-{st.span.end} does not hold {st.text!r}")
        speaker = st.speaker
        if speaker and speaker.mention_span and speaker.mention is not None \
                and speaker.mention_span.of(text) != speaker.mention:
            raise ValidationFailed(doc.source or doc.id,
                                   hint=f"speaker mention span does not hold {speaker.mention!r}")


def analyse(doc: Document, *, validate: bool = True) -> Analysis:
    """Extract the statements of ``doc`` and check them (SHACL on its graph by default).
    A document without a language gets the detected one (:func:`claims.language.with_language`)."""
    doc = with_language(doc)
    statements = tuple(extract(doc))
    check_spans(doc, statements)
    analysis = Analysis(doc, statements)
    if validate:  # check_spans has just checked the span constraint
        shapes.validate(analysis.graph, spans=False, entities=analysis.entities)
    return analysis


def documents(sources: Iterable[Source]) -> Iterator[Document | ClaimsError]:
    """Documents from files, directories, JSON Lines batches or ready Documents."""
    for source in sources:
        if isinstance(source, Document):
            yield source
        else:
            yield from reading.read(source)


def _failure(source: str, exc: ClaimsError) -> Failure:
    return Failure(source, exc.code, exc.message)


def _mode(validate: Validate) -> str:
    mode = {True: "all", False: "none"}.get(validate, validate) if isinstance(validate, bool) else validate
    if mode not in ("auto", "all", "sample", "none"):
        raise ValueError(f"validate must be True, False, 'auto', 'all', 'sample' or 'none', not {validate!r}")
    return str(mode)


def shacl_wanted(index: int, mode: str) -> bool:
    """Whether the ``index``-th article of a run (from 0) gets SHACL under ``mode``.

    >>> [i for i in range(2200) if shacl_wanted(i, "auto")][-3:]
    [9, 1000, 2000]
    """
    if mode == "all":
        return True
    if mode == "none":
        return False
    return index < AUTO_FULL or index % SAMPLE_EVERY == 0


Job = tuple[int, Document]
Done = tuple[Document, tuple[Statement, ...], bulk.Payload | None, tuple[Graph, Graph] | None]


def _work(jobs: Sequence[Job], mode: str, ship: str) -> list[Done | Failure]:
    """Analyse ``jobs`` (in a worker process or inline); ``ship``: ``payload`` or ``graph``."""
    out: list[Done | Failure] = []
    for number, doc in jobs:
        try:
            analysis = analyse(doc, validate=shacl_wanted(number, mode))
            doc = analysis.document  # its language detected
            if ship == "payload":  # N-Triples straight from the mapping, no rdflib graph
                found = article_triples(doc, analysis.statements)
                out.append((doc, analysis.statements, bulk.article_payload(found), None))
            else:
                out.append((doc, analysis.statements, None, (analysis.graph, analysis.entities)))
        except ClaimsError as exc:
            out.append(_failure(doc.source or doc.id, exc))
        except Exception as exc:  # a bug on one article must not sink a batch of thousands
            coded = store_io_error(exc) if isinstance(exc, OSError) else None
            if isinstance(coded, DiskFull):  # e.g. no room for a model's temporary file
                out.append(_failure(doc.source or doc.id, coded))
            else:
                crash = f"{type(exc).__name__}: {exc}"
                out.append(Failure(doc.source or doc.id, "extraction-crashed", crash))
    return out


def _in_parallel(chunks: Iterable[list[Job]], workers: int, mode: str,
                 ship: str) -> Generator[list[Done | Failure], None, None]:
    """Results of ``chunks`` in input order, at most two chunks a worker in flight."""
    if workers <= 1:
        for chunk in chunks:
            yield _work(chunk, mode, ship)
        return
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=die_with_parent, initargs=(os.getpid(),))
    pending: deque[Future[list[Done | Failure]]] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(_work, chunk, mode, ship))
            while len(pending) > 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _progress(progress: bool | None) -> Any:
    from tqdm.auto import tqdm

    if progress is None:
        progress = sys.stderr.isatty() or "ipykernel" in sys.modules
    # In a notebook the bar goes once done (leave=False): the report's summary says the rest.
    return tqdm(unit=" articles", desc="ingest", disable=not progress, mininterval=0.5,
                leave="ipykernel" not in sys.modules)


class _Run:
    """The state of one :func:`ingest` run: pending batch, results, skipping and writing."""

    def __init__(self, store: Store, *, force: bool, batch_size: int, bulk_load: bool | None) -> None:
        self.store, self.force, self.batch_size, self.bulk_load = store, force, batch_size, bulk_load
        self.ship = "payload" if bulk.supports(store) else "graph"
        self.done: list[Analysis] = []
        self.failures: list[Failure] = []
        self.skipped: list[str] = []
        self.stale_layers: dict[str, str] = {}
        self.batch: list[Done] = []
        self.count = 0
        self.stopped: StoreError | None = None  # a write error after which nothing can be written
        # Oxigraph writes without holding the GIL: a private embedded store is written in a
        # thread of its own while the next batch is extracted (other stores are not thread-safe).
        threaded = self.ship == "payload"
        self.writer = ThreadPoolExecutor(1, thread_name_prefix="claims-writer") if threaded else None
        self.writing: tuple[list[Done], Future[StoreError | None]] | None = None
        self.index = index.attached(store)  # the statement index to keep fresh, if any
        self.mark: str | None = None  # the layers' mark (claims.layer_runs), before the first write
        self.marked = False

    def jobs(self, items: Iterable[Document | ClaimsError], size: int) -> Iterator[list[Job]]:
        """Chunks of documents still to analyse; read failures and stored articles set aside."""
        chunk: list[Document] = []
        for item in items:
            if isinstance(item, ClaimsError):
                self.failures.append(_failure(item.detail or "input", item))
                continue
            chunk.append(item)
            if len(chunk) >= size:
                yield from self._fresh(chunk)
                chunk = []
        if chunk:
            yield from self._fresh(chunk)

    def _fresh(self, docs: list[Document]) -> Iterator[list[Job]]:
        if not self.force:
            names = [str(iris.graph_iri(d)) for d in docs]
            try:
                stored = bulk.stored_hashes(self.store, names)
            except StoreError as exc:  # the server is down: these fail, the run goes on
                self.failures.extend(_failure(d.source or d.id, exc) for d in docs)
                return
            fresh = [stored.get(name) != d.content_hash for name, d in zip(names, docs, strict=True)]
            self.skipped.extend(d.source or d.id for d, new in zip(docs, fresh, strict=True) if not new)
            docs = [d for d, new in zip(docs, fresh, strict=True) if new]
        if docs:
            yield list(enumerate(docs, self.count))
            self.count += len(docs)

    def take(self, outcome: Done | Failure) -> None:
        if self.stopped is not None and not isinstance(outcome, Failure):
            self.failures.append(_failure(outcome[0].source or outcome[0].id, self.stopped))
            return
        if isinstance(outcome, Failure):
            self.failures.append(outcome)
            return
        self.batch.append(outcome)
        if len(self.batch) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Write the pending batch: in the writer thread when there is one, else here."""
        if not self.batch:
            return
        batch, self.batch = self.batch, []
        if not self.marked:  # before the first write: the layers are owed what it brings
            try:
                self.mark = layers.begin(self.store)
            except StoreError as exc:
                self._settle(batch, exc)
                return
            self.marked = True
        if self.writer is None:
            self._settle(batch, self._write(batch))
            return
        self.wait()  # one write in flight at a time, in input order
        if self.stopped is not None:  # the write before failed for good: this one would too
            self._settle(batch, self.stopped)
            return
        self.writing = (batch, self.writer.submit(self._write, batch))

    def wait(self) -> None:
        """Settle the write in flight, if any."""
        if self.writing is not None:
            batch, future = self.writing
            self.writing = None
            self._settle(batch, future.result())

    def close(self) -> None:
        self.wait()
        if self.writer is not None:
            self.writer.shutdown(wait=True)
        try:  # the layers that failed stay marked, for the next writer to rebuild
            layers.end(self.store, self.mark, self.stale_layers)
        except StoreError as exc:  # the mark stays: the layers are rebuilt once more
            log.warning("derived layers' mark not removed: %s", exc)

    def recover(self) -> None:
        """Rebuild the layers that a killed writer left stale (:func:`claims.layers.recover`)."""
        try:
            self.stale_layers.update(layers.recover(self.store))
        except StoreError as exc:  # the store is unreachable: the batch reports it, the marks stay
            log.warning("derived layers not checked for interrupted updates: %s", exc)

    def _write(self, batch: list[Done]) -> StoreError | None:
        try:
            if self.ship == "payload":
                bulk.write(self.store, [p for _, _, p, _ in batch if p is not None], bulk=self.bulk_load)
            else:
                graphs = [g for _, _, _, g in batch if g is not None]
                self.store.write(replace=[article for article, _ in graphs],
                                 add=[entities for _, entities in graphs])
        except StoreError as exc:  # e.g. the SPARQL server stopped: a rerun completes them
            return exc
        return None

    def _settle(self, batch: list[Done], error: StoreError | None) -> None:
        if isinstance(error, DiskFull):
            self.stopped = error
        if error is not None:
            self.failures.extend(_failure(doc.source or doc.id, error) for doc, _, _, _ in batch)
        else:
            self.done.extend(Analysis(doc, statements) for doc, statements, _, _ in batch)
            written = [(doc, statements) for doc, statements, _, _ in batch]
            index.after_write(self.index, written)
            self.stale_layers.update(layers.articles_written(self.store, written))


def write(store: Store, articles: Iterable[tuple[Document, Sequence[Statement]]], *,
          bulk_load: bool | None = None) -> dict[str, str]:
    """Store articles whose statements are already made (each replacing its graph and adding
    the entities it names), as :func:`ingest` writes them, and keep the statement index and
    the derived layers fresh: for statements from elsewhere (imports, migration, tests,
    benchmarks). No checks are run. Returns the layers that could not follow (by name)."""
    items = [(doc, tuple(statements)) for doc, statements in articles]
    mark = layers.begin(store) if items else None
    if bulk.supports(store):
        bulk.write(store, [bulk.article_payload(article_triples(doc, statements))
                           for doc, statements in items], bulk=bulk_load)
    else:
        graphs = [to_graphs(doc, statements) for doc, statements in items]
        store.write(replace=[article for article, _ in graphs], add=[people for _, people in graphs])
    index.after_write(index.attached(store), items)
    failed = layers.articles_written(store, items)
    layers.end(store, mark, failed)
    return failed


def ingest(sources: Iterable[Source], store: Store, *, validate: Validate = "auto",
           batch_size: int | None = None, workers: int = 1, progress: bool | None = None,
           force: bool = False, bulk_load: bool | None = None) -> IngestReport:
    """Read, extract and store articles, ``batch_size`` at a time; resumable.

    ``batch_size``: articles a write (``None``: :data:`BULK_BATCH` into a private embedded
    store, where fewer, larger bulk loads keep up with pyoxigraph's own loader;
    :data:`BATCH` elsewhere).
    ``validate``: ``"auto"`` (default) runs SHACL on the first 10 articles of the run and
    on one in 1000 after them (every article of a small run; the cost of a big one stays
    small); ``"all"`` / ``True`` on every article, ``"sample"`` like auto, ``"none"`` /
    ``False`` never. The span invariant is checked on every statement whatever the mode.
    ``workers``: processes that extract in parallel (``0``: one a CPU; ``1``: in this one).
    ``progress``: a tqdm bar (``None``: when stderr is a terminal or in a notebook).
    ``force``: re-extract articles already stored with the same content hash, which are
    otherwise skipped (listed in ``IngestReport.skipped``). ``bulk_load``: see
    :func:`claims.store.bulk.write`. Re-ingesting an article replaces its named graph.
    """
    workers = workers if workers >= 1 else (os.cpu_count() or 1)
    mode = _mode(validate)
    batch_size = batch_size or (BULK_BATCH if bulk.supports(store) else BATCH)
    run = _Run(store, force=force, batch_size=max(1, batch_size), bulk_load=bulk_load)
    run.recover()
    chunks = run.jobs(documents(sources), CHUNK if workers > 1 else max(1, min(batch_size, 64)))
    results = _in_parallel(chunks, workers, mode, run.ship)
    with _progress(progress) as bar, closing(results):
        try:
            for outcomes in results:
                for outcome in outcomes:
                    run.take(outcome)
                bar.update(len(outcomes))
                bar.set_postfix(failed=len(run.failures), skipped=len(run.skipped), refresh=False)
                if run.stopped is not None:  # the disk is full: report what was stored
                    break
            run.flush()
        finally:
            run.close()
    stopped = None if run.stopped is None else _failure("store", run.stopped)
    return IngestReport(tuple(run.done), tuple(run.failures), tuple(run.skipped),
                        tuple(run.stale_layers), stopped)
