"""The speaker-link layer: every person speaker linked to the people tables, in named graphs
of its own, kept fresh by ingestion, editors' decisions and rebuilds.

- ``<{base}graph/link/{article}>``: a ``claims:SpeakerLink`` per statement with a speaker
  (NIL included: organisations, groups, people the tables lack), the ``claims:Linking``
  activity that made them (the article's content hash it read, the linker's version), and
  the offices held on the article's date;
- ``<{base}graph/link/person/{QID}>``: the person node ``<{base}people/{QID}>`` (``owl:sameAs
  wd:QID``, one node across articles) with every position the tables list.

Editors decide with :data:`SCHEME` (``confirmed``, ``relinked`` to another QID,
``unlinked``), on the link's IRI; the latest decision always wins, on every recomputation.
A batch is written in one transaction (the article link graphs and the person graphs they
use), so a crash leaves the layer stale, never half-written: :func:`status` tells which
articles' links are missing or older than their text, and a rebuild fixes them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from rdflib import OWL, RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from claims import decisions
from claims.config import base_iri
from claims.decisions import DecisionScheme
from claims.document import Document
from claims.link.linker import Link, Linker
from claims.model import iris
from claims.model.mapping import bind_prefixes
from claims.query import expand, select, shorten
from claims.reference.countries import country
from claims.reference.people import Position, people
from claims.statements import Decision, Statement
from claims.store.base import Store
from claims.vocab import CLAIMS, SCHEMA, WD

__all__ = ["LAYER", "SCHEME", "VERSION", "Fact", "SpeakerLinks", "Status", "facts_of", "link_iri",
           "person_iri", "recompute", "status"]

VERSION = "1"
SCHEME = DecisionScheme("speaker-link", ("confirmed", "relinked", "unlinked"))
EDITOR = "editor"


def link_iri(statement: str) -> URIRef:
    """The link of a statement: ``{base}link/{the statement IRI's digest}``."""
    return URIRef(f"{base_iri()}link/{statement.rsplit('/', 1)[-1]}")


def person_iri(qid: str) -> URIRef:
    """The one node of a linked person, whatever the articles call them."""
    return URIRef(f"{base_iri()}people/{qid}")


def graph_iri(article_key: str) -> URIRef:
    return URIRef(f"{base_iri()}graph/link/{article_key}")


def person_graph_iri(qid: str) -> URIRef:
    return URIRef(f"{base_iri()}graph/link/person/{qid}")


def agent_iri() -> URIRef:
    return URIRef(f"{base_iri()}software/claims-link/{VERSION}")


@dataclass(frozen=True, slots=True)
class Fact:
    """One speaker link as the linker computed it (``qid`` None: NIL), before decisions."""

    statement: str
    qid: str | None
    method: str
    confidence: float
    reason: str
    day: str | None

    @property
    def iri(self) -> URIRef:
        return link_iri(self.statement)


def facts_of(doc: Document, statements: Sequence[Statement]) -> list[Fact]:
    """The links of an article's speakers, computed with the article as context: from the
    speaker's name, the words that name them at the statement and the role given there (what
    the store keeps, so that :func:`recompute` finds the same). An organisation's is NIL."""
    linker = Linker(doc.text, doc.date)
    out = []
    for st in statements:
        who = st.speaker
        if who is None:
            continue
        span = who.mention_span
        link = linker.link(span.of(doc.text) if span else who.name, name=who.name,
                           role=(who.role or None) if span else None)
        statement = str(iris.statement_iri(doc.content_hash, st.kind, st.span))
        out.append(_fact(statement, link, linker.day))
    return out


def _fact(statement: str, link: Link, day: str | None) -> Fact:
    return Fact(statement, link.qid, link.method, link.confidence, link.reason, day)


def applied(fact: Fact, decision: Decision | None) -> Fact:
    """The fact as the editors' latest decision on it leaves it."""
    if decision is None:
        return fact
    note = f": {decision.note}" if decision.note else ""
    if decision.value == "unlinked":
        return replace(fact, qid=None, method=f"{EDITOR}: unlinked", confidence=1.0,
                       reason=f"unlinked by {decision.reviewer}{note}")
    if decision.value == "relinked" and decision.target:
        return replace(fact, qid=decision.target.rsplit("/", 1)[-1], method=f"{EDITOR}: relinked",
                       confidence=1.0, reason=f"relinked by {decision.reviewer}{note}")
    return replace(fact, confidence=1.0, reason=f"{fact.reason}; confirmed by {decision.reviewer}{note}")


# ---------------------------------------------------------------- graphs


def _date(value: str) -> Literal:
    kind = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(value), XSD.date)
    return Literal(value, datatype=kind)


def position_iri(pos: Position) -> URIRef:
    digest = hashlib.sha256(f"{pos.title}|{pos.country}|{pos.start}|{pos.end}".encode()).hexdigest()[:12]
    return URIRef(f"{person_iri(pos.qid)}/position/{digest}")


def person_graph(qid: str) -> Graph:
    """A person's node with every position the tables list (the same triples every time)."""
    graph = bind_prefixes(Graph(identifier=person_graph_iri(qid)))
    node, table = person_iri(qid), people()
    found = table.person(qid)
    graph.add((node, RDF.type, SCHEMA.Person))
    graph.add((node, OWL.sameAs, WD[qid]))
    # a person an editor linked whom the tables lack is named by the QID until they know them
    graph.add((node, SCHEMA.name, Literal(found.name if found is not None else qid)))
    for name in table.aliases(qid)[1:]:
        graph.add((node, SCHEMA.alternateName, Literal(name)))
    for pos in table.held(qid):
        term = position_iri(pos)
        graph.add((node, CLAIMS.heldPosition, term))
        graph.add((term, RDF.type, CLAIMS.PositionHeld))
        graph.add((term, SCHEMA.roleName, Literal(pos.title)))
        graph.add((term, CLAIMS.countryCode, Literal(pos.country)))
        land = country(pos.country)
        if land is not None and land.qid:
            graph.add((term, SCHEMA.areaServed, WD[land.qid]))
        if pos.position_qid:
            graph.add((term, SCHEMA.sameAs, WD[pos.position_qid]))
        for prop, value in ((SCHEMA.startDate, pos.start), (SCHEMA.endDate, pos.end)):
            if value:
                graph.add((term, prop, _date(value)))
        if pos.source:
            graph.add((term, DCTERMS.source, Literal(pos.source)))
    return graph


def article_graph(key: str, article: str, content_hash: str, facts: Iterable[Fact]) -> Graph:
    """The links of one article (decisions applied by the caller)."""
    graph = bind_prefixes(Graph(identifier=graph_iri(key)))
    activity = URIRef(f"{graph_iri(key)}/linking")
    graph.add((activity, RDF.type, CLAIMS.Linking))
    graph.add((activity, PROV.used, URIRef(article)))
    graph.add((activity, CLAIMS.articleHash, Literal(content_hash)))
    graph.add((activity, PROV.wasAssociatedWith, agent_iri()))
    graph.add((agent_iri(), RDF.type, PROV.SoftwareAgent))
    graph.add((agent_iri(), SCHEMA.name, Literal("claims speaker linker")))
    graph.add((agent_iri(), SCHEMA.softwareVersion, Literal(VERSION)))
    table = people()
    for fact in facts:
        node = fact.iri
        graph.add((node, RDF.type, CLAIMS.SpeakerLink))
        graph.add((node, CLAIMS.linkOf, URIRef(fact.statement)))
        graph.add((node, PROV.wasGeneratedBy, activity))
        graph.add((node, CLAIMS.linkMethod, Literal(fact.method)))
        graph.add((node, CLAIMS.linkConfidence, Literal(Decimal(str(round(fact.confidence, 3))))))
        graph.add((node, CLAIMS.linkReason, Literal(fact.reason)))
        if fact.day:
            graph.add((node, DCTERMS.date, Literal(fact.day, datatype=XSD.date)))
        if fact.qid:
            graph.add((node, CLAIMS.linkedPerson, person_iri(fact.qid)))
            offices = Linker(date=fact.day, table=table).offices(fact.qid) if fact.day else ()
            for pos in offices:
                graph.add((node, CLAIMS.officeAtTime, position_iri(pos)))
    return graph


def _with_computed(graph: Graph, computed: dict[str, str | None]) -> Graph:
    """Add what the linker found beside the editors' decisions (claims:computedPerson)."""
    for iri, qid in computed.items():
        if qid:
            graph.add((URIRef(iri), CLAIMS.computedPerson, person_iri(qid)))
    return graph


def write(store: Store, articles: Sequence[tuple[str, str, str, list[Fact]]]) -> list[str]:
    """Write the links of ``(key, article IRI, content hash, facts)`` with the current
    decisions applied, and the person graphs they use, in one transaction; returns the
    statements written (shortened IRIs)."""
    current = decisions.current(store, SCHEME) if articles else {}
    graphs: list[Graph] = []
    people_used: set[str] = set()
    statements: list[str] = []
    for key, article, content_hash, facts in articles:
        final = [applied(f, current.get(str(f.iri))) for f in facts]
        graphs.append(_with_computed(article_graph(key, article, content_hash, final),
                                     {str(f.iri): f.qid for f in facts}))
        people_used.update(f.qid for f in final if f.qid)
        statements += [shorten(f.statement) for f in facts]
    graphs += [person_graph(q) for q in sorted(people_used)]
    if graphs:
        store.replace_graphs(graphs)
    return statements


# ---------------------------------------------------------------- reading back


def _full(value: object) -> str:
    return expand(str(value))


_LINK_GRAPH = """
PREFIX claims: <https://w3id.org/claims#>
SELECT ?g ?link WHERE { GRAPH ?g { ?link a claims:SpeakerLink } }
"""


def graph_of(store: Store, link: str) -> str | None:
    """The article link graph that holds ``link``."""
    frame = select(store, _LINK_GRAPH, link=URIRef(link))
    return _full(frame["g"].iloc[0]) if len(frame) else None


# ---------------------------------------------------------------- rebuild from the store

# The article texts (the linker's context). Everything else a rebuild needs comes from the
# statement index's reading of the store (claims.index.rows), whatever the article model.
_TEXTS = """
PREFIX claims: <https://w3id.org/claims#>
PREFIX schema: <https://schema.org/>
SELECT ?g ?article ?text WHERE { GRAPH ?g { ?article a claims:Article ; schema:articleBody ?text } }
"""


def recompute(store: Store, graph: str | None = None) -> Iterator[tuple[str, str, str, list[Fact]]]:
    """The links of every stored article (of the article graph ``graph`` only, when given),
    computed afresh from its text, date and speakers as ingestion computes them."""
    from claims.index.rows import rows_from_store, store_hashes

    rows: dict[str, list[dict[str, Any]]] = {}
    for row in rows_from_store(store, graph):
        if row["extracted_speaker"]:
            rows.setdefault(_full(row["graph"]), []).append(row)
    hashes = {_full(g): h for g, h in store_hashes(store).items()}
    bound = {"g": URIRef(graph)} if graph else {}
    for found in select(store, _TEXTS, **bound).to_dict("records"):
        where, text = _full(found["g"]), str(found["text"])
        if where not in hashes:
            continue  # not committed (an interrupted bulk load): no links until it is
        said = rows.get(where, [])
        linker = Linker(text, said[0]["date"] if said else None)
        facts = []
        for row in said:
            start, end = row["mention_start"], row["mention_end"]
            mention = text[start:end] if start is not None and end is not None else None
            link = linker.link(mention or row["extracted_speaker"], name=row["extracted_speaker"],
                               role=row["role"])
            facts.append(_fact(_full(row["statement"]), link, linker.day))
        yield where.rsplit("/", 1)[-1], _full(found["article"]), hashes[where], facts


def _link_graphs(store: Store) -> list[str]:
    prefix = f"{base_iri()}graph/link/"
    return [g for g in store.graphs() if g.startswith(prefix)]


_LINKED_HASHES = """
PREFIX claims: <https://w3id.org/claims#>
SELECT ?g ?hash WHERE { GRAPH ?g { ?run a claims:Linking ; claims:articleHash ?hash } }
"""


@dataclass(frozen=True, slots=True)
class Status:
    """How the layer stands against the articles: ``missing`` articles without links,
    ``outdated`` links computed from another text, ``orphaned`` links of no article."""

    articles: int
    linked: int
    missing: tuple[str, ...]
    outdated: tuple[str, ...]
    orphaned: tuple[str, ...]

    @property
    def fresh(self) -> bool:
        return not (self.missing or self.outdated or self.orphaned)


def status(store: Store) -> Status:
    """Compare every article's content hash with the one its links were computed from."""
    from claims.index.rows import store_hashes

    prefix = f"{base_iri()}graph/"
    texts = {_full(g).removeprefix(prefix): h for g, h in store_hashes(store).items()}
    links = {_full(g).removeprefix(prefix + "link/"): str(h)
             for g, h in select(store, _LINKED_HASHES).itertuples(index=False)}
    return Status(articles=len(texts), linked=len(links),
                  missing=tuple(sorted(k for k in texts if k not in links)),
                  outdated=tuple(sorted(k for k in texts if k in links and links[k] != texts[k])),
                  orphaned=tuple(sorted(k for k in links if k not in texts)))


# ---------------------------------------------------------------- the layer


class SpeakerLinks:
    """The derived layer (``claims.layers.KNOWN["link"]``)."""

    name = "link"

    def articles_written(self, store: Store,
                         articles: Sequence[tuple[Document, Sequence[Statement]]]) -> None:
        batch = [(iris.article_key(doc), str(iris.article_iri(doc)), doc.content_hash,
                  facts_of(doc, statements)) for doc, statements in articles]
        _refresh_index(store, write(store, batch))

    def decided(self, store: Store, decision: Decision) -> None:
        if decision.scheme != SCHEME.name:
            return
        graph = graph_of(store, decision.subject)
        if graph is None:
            return  # a decision on a link not (yet) computed: applied when it is
        article_graph_iri = f"{base_iri()}graph/{graph.rsplit('/', 1)[-1]}"
        _refresh_index(store, write(store, list(recompute(store, article_graph_iri))))

    def rebuild(self, store: Store) -> None:
        for graph in _link_graphs(store):
            store.remove_graph(graph)
        batch: list[tuple[str, str, str, list[Fact]]] = []
        for item in recompute(store):
            batch.append(item)
            if len(batch) >= 256:
                write(store, batch)
                batch = []
        write(store, batch)
        _refresh_index(store, None)


def _refresh_index(store: Store, statements: list[str] | None) -> None:
    from claims import index
    from claims.link.views import FACETS

    for facet in FACETS:
        index.after_layer(store, facet, statements)


LAYER = SpeakerLinks()
