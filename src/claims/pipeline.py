"""The main job: articles in, statements out, one validated named graph per article stored.

Each batch of articles is written in one transaction, after every graph in it has been
built and validated, so bad input never leaves a half-written knowledge base.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from claims import reader as reading
from claims.document import Document
from claims.errors import ClaimsError
from claims.extract import extract
from claims.model import iris, shapes
from claims.model.mapping import to_graph
from claims.statements import Statement
from claims.store.base import Store

Source = str | Path | Document


@dataclass(frozen=True, slots=True)
class Analysis:
    """One article's extraction: the document, its statements and its named graph."""

    document: Document
    statements: tuple[Statement, ...]
    graph: Graph

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
    """What a run stored and what it could not read; ``ok`` when nothing failed."""

    analyses: tuple[Analysis, ...]
    failures: tuple[Failure, ...]

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def statements(self) -> int:
        return sum(len(a.statements) for a in self.analyses)


def analyse(doc: Document, *, validate: bool = True) -> Analysis:
    """Extract the statements of ``doc`` and build its graph (SHACL-checked by default)."""
    statements = tuple(extract(doc))
    graph = to_graph(doc, statements)
    if validate:
        shapes.validate(graph)
    return Analysis(doc, statements, graph)


def documents(sources: Iterable[Source]) -> Iterator[Document | ClaimsError]:
    """Documents from files, directories, JSON Lines batches or ready Documents."""
    for source in sources:
        if isinstance(source, Document):
            yield source
        else:
            yield from reading.read(source)


def _failure(source: str, exc: ClaimsError) -> Failure:
    return Failure(source, exc.code, exc.message)


def ingest(sources: Iterable[Source], store: Store, *, validate: bool = True,
           batch_size: int = 64) -> IngestReport:
    """Read, extract and store articles; each batch of ``batch_size`` in one transaction.

    Re-ingesting an article replaces its named graph, so ingesting twice changes nothing.
    """
    done: list[Analysis] = []
    failures: list[Failure] = []
    batch: list[Analysis] = []

    def flush() -> None:
        if batch:
            store.replace_graphs(a.graph for a in batch)
            done.extend(batch)
            batch.clear()

    for item in documents(sources):
        if isinstance(item, ClaimsError):
            failures.append(_failure(item.detail or "input", item))
            continue
        try:
            batch.append(analyse(item, validate=validate))
        except ClaimsError as exc:
            failures.append(_failure(item.source or item.id, exc))
        if len(batch) >= batch_size:
            flush()
    flush()
    return IngestReport(tuple(done), tuple(failures))
