"""The one ``Store`` interface every backend implements, and the result ``Table``.

A store holds named graphs: one per article, the entities graph (people, organisations,
extractors) and the review graph. Writes are atomic: :meth:`Store.write` replaces some
graphs and adds to others (an article's graph and the entities it names) or leaves the
store as it was.

What a query without ``GRAPH`` sees is the store's ``union`` setting: the union of every
named graph (the default, ``CLAIMS_DATASET=union``), as researchers expect, or the store's
own default graph (``strict``: empty here, as the SPARQL specification's stores have it).
Engines build the union as a bag, not a set (a triple stated in two graphs is seen twice),
so the model states each triple in one graph only. Named queries name their graphs
(``GRAPH ?g { … }``), so that they give the same answer in both settings and on every engine.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Self

from rdflib import BNode, Graph, Literal, URIRef

Term = URIRef | Literal | BNode
Bindings = Mapping[str, Term]


@dataclass(frozen=True, slots=True)
class Table:
    """A SELECT result: column names in query order, rows of rdflib terms (None = unbound)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Term | None, ...], ...]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict[str, Term | None]]:
        return (dict(zip(self.columns, row, strict=True)) for row in self.rows)


class Store(ABC):
    """A knowledge base of named graphs that answers SPARQL 1.1."""

    kind: str = "abstract"
    #: Whether a query without ``GRAPH`` sees the union of the named graphs (else: strict).
    union: bool = True

    @abstractmethod
    def write(self, *, replace: Iterable[Graph] = (), add: Iterable[Graph] = ()) -> None:
        """Replace each named graph of ``replace`` (by ``graph.identifier``) and add the triples
        of each graph of ``add`` to its named graph, all in one transaction."""

    def replace_graphs(self, graphs: Iterable[Graph]) -> None:
        """Replace each named graph (``graph.identifier``) by ``graph``, all in one transaction."""
        self.write(replace=graphs)

    def replace_graph(self, graph: Graph) -> None:
        self.write(replace=[graph])

    def add(self, graph: Graph) -> None:
        """Add the triples of ``graph`` to the named graph ``graph.identifier`` (append-only)."""
        self.write(add=[graph])

    @abstractmethod
    def remove_graph(self, iri: str) -> None:
        """Remove a named graph; removing an absent graph does nothing."""

    @abstractmethod
    def graphs(self) -> list[str]:
        """IRIs of the named graphs, sorted."""

    @abstractmethod
    def query(self, sparql: str, bindings: Bindings | None = None, *,
              union: bool | None = None) -> Table | bool | Graph:
        """Run SELECT (a Table), ASK (a bool), CONSTRUCT or DESCRIBE (a Graph).

        ``bindings`` binds variables to RDF terms without touching the query text;
        ``union`` overrides the store's setting for this query (see the module's notes).
        """

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update in one transaction."""

    @abstractmethod
    def load(self, data: bytes, *, format: str = "trig") -> None:
        """Load a serialisation (named graphs kept) in one transaction."""

    @abstractmethod
    def dump(self, *, format: str = "trig") -> bytes:
        """Serialise every named graph as ``trig`` or ``nquads``."""

    def __len__(self) -> int:
        table = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert isinstance(table, Table)
        count = table.rows[0][0]
        return int(count.toPython()) if isinstance(count, Literal) else 0

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release files, connections or locks."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def insert_data(graphs: Iterable[Graph], *, replace: bool) -> str:
    """A SPARQL Update that (re)writes ``graphs``; IRIs and literals in N-Triples syntax."""
    parts = []
    for graph in graphs:
        iri = graph.identifier.n3()
        if replace:
            parts.append(f"DROP SILENT GRAPH {iri}")
        body = graph.serialize(format="nt")
        parts.append(f"INSERT DATA {{ GRAPH {iri} {{\n{body}}} }}")
    return " ;\n".join(parts)
