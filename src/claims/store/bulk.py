"""Bulk writes: many article graphs into an embedded Oxigraph store at the loader's speed.

An article graph travels as a :class:`Payload`: its N-Triples text, split into the body
and the *commit marker* (the article's ``claims:contentHash`` triple), with the
descriptions it names for the entities graph (people, organisations, extractors), which
are added, never replaced. Text, not rdflib terms, so that worker processes can hand it
over cheaply and Oxigraph parses it in Rust.

:func:`write` stores a batch of payloads:

- graphs that already hold data are replaced in **one transaction** (``DROP`` + ``INSERT
  DATA``, and their entities added), so a reader sees the old article or the new one,
  never a mix;
- new graphs of a big batch go through pyoxigraph's **bulk loader**, which is not
  transactional: it writes its own files and may leave part of a batch behind if the
  process dies. So the bodies (and entities) are bulk-loaded first and the markers are
  added afterwards in one transaction. An interrupted batch leaves graphs without a marker; a resumed run
  (:func:`claims.pipeline.ingest`) treats a graph without its marker as not stored and
  rewrites it, in a transaction. Until then the partial graphs are visible to queries and
  fail SHACL (``claims validate``), which is the price of the loader's speed;
- new graphs of a small batch are loaded in one transaction (``Store.load``).

>>> from rdflib import Graph, Literal, URIRef
>>> from claims.vocab import CLAIMS
>>> g = Graph(identifier=URIRef("https://x.org/graph/1"))
>>> _ = g.add((URIRef("https://x.org/a"), CLAIMS.contentHash, Literal("ab")))
>>> _ = g.add((URIRef("https://x.org/a"), CLAIMS.sourceId, Literal("a")))
>>> p = graph_payload(g)
>>> p.quads, p.marker
(2, '<https://x.org/a> <https://w3id.org/claims#contentHash> "ab" .\\n')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph, URIRef

from claims.errors import store_io_error
from claims.model.iris import entities_graph_iri
from claims.model.mapping import ArticleTriples
from claims.store.base import Store, Table
from claims.store.oxigraph import OxigraphStore, remove_leftovers, to_ox
from claims.vocab import CLAIMS

MARKER = URIRef(str(CLAIMS.contentHash))
_MARKER = ox.NamedNode(MARKER)
BULK_MIN_QUADS = 20_000  # below this a transactional load is as fast as the bulk loader
_NQ = ox.RdfFormat.N_QUADS


@dataclass(frozen=True, slots=True)
class Payload:
    """One named graph as N-Triples: ``body`` plus its commit ``marker``, ``quads`` in all,
    and the ``entities`` lines it names (for the entities graph, counted apart)."""

    graph: str
    body: str
    marker: str
    quads: int
    entities: str = ""

    def nquads(self, *, body: bool = True, marker: bool = True) -> str:
        """The graph's lines as N-Quads (``… <graph> .``), without the entities."""
        text = (self.body if body else "") + (self.marker if marker else "")
        return text.replace(" .\n", f" <{self.graph}> .\n")


def payload(graph: str, triples: Sequence[ox.Triple], entities: Sequence[ox.Triple] = ()) -> Payload:
    """The payload of an article graph; its ``claims:contentHash`` triples are the marker."""
    marks = [t for t in triples if t.predicate == _MARKER]
    body = [t for t in triples if t.predicate != _MARKER] if marks else triples
    return Payload(graph, _nt(body), _nt(marks), len(triples), _nt(entities))


def article_payload(found: ArticleTriples) -> Payload:
    """The payload of one article's :func:`claims.model.mapping.article_triples`."""
    return payload(found.graph, found.article, found.entities)


def graph_payload(graph: Graph) -> Payload:
    """:func:`payload` of an rdflib graph (``graph.identifier`` names it)."""
    return payload(str(graph.identifier), [ox.Triple(to_ox(s), to_ox(p), to_ox(o))  # type: ignore[arg-type]
                                           for s, p, o in graph])


def entities_nquads(payloads: Iterable[Payload]) -> str:
    """The entities lines of ``payloads``, each once, as N-Quads of the entities graph."""
    lines = dict.fromkeys(line for p in payloads for line in p.entities.splitlines(keepends=True))
    return "".join(lines).replace(" .\n", f" <{entities_graph_iri()}> .\n")


def _nt(triples: Sequence[ox.Triple]) -> str:
    text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) if triples else None
    return text.decode("utf-8") if text else ""


def supports(store: Store) -> bool:
    """Whether :func:`write` can use the fast paths: an embedded store held open for writing."""
    return isinstance(store, OxigraphStore) and not store.shared and not store.read_only


def _has_data(raw: ox.Store, graph: str) -> bool:
    return next(iter(raw.quads_for_pattern(None, None, None, ox.NamedNode(graph))), None) is not None


def _last_wins(payloads: Iterable[Payload]) -> list[Payload]:
    """One payload per graph, the last given, as consecutive replacements would leave it."""
    return list({p.graph: p for p in payloads}.values())


def replace_sparql(payloads: Sequence[Payload]) -> str:
    """One SPARQL Update that replaces every graph of ``payloads`` (markers included) and
    adds the entities they name."""
    parts = [f"DROP SILENT GRAPH <{p.graph}> ;\n"
             f"INSERT DATA {{ GRAPH <{p.graph}> {{\n{p.body}{p.marker}}} }}" for p in payloads]
    entities = dict.fromkeys(line for p in payloads for line in p.entities.splitlines(keepends=True))
    if entities:
        parts.append(f"INSERT DATA {{ GRAPH <{entities_graph_iri()}> {{\n{''.join(entities)}}} }}")
    return " ;\n".join(parts)


def write(store: Store, payloads: Iterable[Payload], *, bulk: bool | None = None) -> int:
    """Store a batch of graphs (each replacing any graph of the same IRI); the quads written.

    ``bulk``: ``None`` uses the bulk loader for new graphs when the batch has at least
    :data:`BULK_MIN_QUADS` quads, ``True`` always, ``False`` never (everything in one
    transaction). Stores other than a private embedded one get one transactional update.
    """
    batch = _last_wins(payloads)
    if not batch:
        return 0
    total = sum(p.quads for p in batch)
    if not supports(store):
        store.update(replace_sparql(batch))
        return total
    assert isinstance(store, OxigraphStore)
    try:
        _write_embedded(store.raw, batch, bulk)
    except OSError as exc:  # the disk is full, or the engine failed to write
        remove_leftovers(store.path)  # a bulk load's part-written staging file: free its space
        raise store_io_error(exc, str(store.path)) from exc
    return total


def _write_embedded(raw: ox.Store, batch: list[Payload], bulk: bool | None) -> None:
    old = [p for p in batch if _has_data(raw, p.graph)]
    new = [p for p in batch if not _has_data(raw, p.graph)] if old else batch
    if old:
        raw.update(replace_sparql(old))
    if new:
        use_bulk = bulk if bulk is not None else sum(p.quads for p in new) >= BULK_MIN_QUADS
        entities = entities_nquads(new)
        if use_bulk:
            bodies = "".join(p.nquads(marker=False) for p in new) + entities
            raw.bulk_load(bodies.encode("utf-8"), _NQ)
            markers = "".join(p.nquads(body=False) for p in new)
            if markers:
                raw.load(markers.encode("utf-8"), _NQ)
        else:
            raw.load(("".join(p.nquads() for p in new) + entities).encode("utf-8"), _NQ)


def stored_hashes(store: Store, graphs: Sequence[str]) -> dict[str, str]:
    """The content hash (commit marker) each of ``graphs`` holds, for those that hold one."""
    if not graphs:
        return {}
    if supports(store):
        assert isinstance(store, OxigraphStore)
        raw, predicate, found = store.raw, ox.NamedNode(str(MARKER)), {}
        for graph in graphs:
            for quad in raw.quads_for_pattern(None, predicate, None, ox.NamedNode(graph)):
                if isinstance(quad.object, ox.Literal):
                    found[graph] = quad.object.value
        return found
    values = " ".join(URIRef(g).n3() for g in graphs)
    table = store.query(f"SELECT ?g ?h WHERE {{ VALUES ?g {{ {values} }} "
                        f"GRAPH ?g {{ ?a <{MARKER}> ?h }} }}")
    assert isinstance(table, Table)
    return {str(g): str(h) for g, h in table.rows if g is not None and h is not None}


def load_nquads(store: OxigraphStore, source: str | bytes, *, path: bool = False) -> None:
    """Bulk-load N-Quads text, bytes or (``path=True``) a file, without any transaction.

    For building a fresh knowledge base in one go (the benchmarks' synthetic data): a
    failure leaves whatever the loader had written; start again from an empty store.
    """
    if path:
        store.raw.bulk_load(path=str(source), format=_NQ)
    else:
        data = source.encode("utf-8") if isinstance(source, str) else source
        store.raw.bulk_load(data, _NQ)
    store.raw.flush()
