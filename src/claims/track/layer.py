"""The claim-tracking layer (``claims.layers.KNOWN["track"]``): kept fresh by ingestion,
editors' decisions and rebuilds.

Ingestion hands it each batch of articles: their quotations are matched against the whole
knowledge base through the persistent candidate index (:mod:`claims.track.state`), and the
graphs of the claims they touch (two members or more) and of syndicated copies are written
in one store transaction, inside the state's own transaction (a failed write leaves both as
they were). Re-ingesting an unchanged article does nothing; a changed one replaces its
quotations.

Editors decide with :data:`MEMBER` (``split`` a statement off its claim, ``confirmed``),
:data:`CLAIM` (``merged`` into the claim named by the target) and :data:`MISQUOTE`
(``confirmed``, ``dismissed``); the latest decision always wins, on every recomputation and
rebuild. A rebuild keeps claim IRIs: each new cluster takes the IRI most of its members had,
and every other IRI its members had points to it (``dcterms:isReplacedBy``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from rdflib import Graph, URIRef

from claims import decisions
from claims.config import base_iri
from claims.decisions import DecisionScheme
from claims.document import Document
from claims.model import iris
from claims.query import expand, select, shorten
from claims.statements import Decision, Statement
from claims.store.base import Store
from claims.track import graphs
from claims.track.matching import (
    CLAIM_SCHEME,
    MEMBER_SCHEME,
    MISQUOTE_SCHEME,
    ArticleInfo,
    Row,
    Tracker,
    digest,
    member_iri,
)
from claims.track.state import QUOTATION, REPORTED, Quote, State
from claims.track.summary import Head, canonical, member

MEMBER = DecisionScheme(MEMBER_SCHEME, ("confirmed", "split"))
CLAIM = DecisionScheme(CLAIM_SCHEME, ("merged",))
MISQUOTE = DecisionScheme(MISQUOTE_SCHEME, ("confirmed", "dismissed"))
SCHEMES = (MEMBER, CLAIM, MISQUOTE)
KINDS = (QUOTATION, REPORTED)  # the statements tracked
BATCH = 2000  # graphs a store write during a rebuild


def statement_of(member: str) -> str:
    """The statement of a membership IRI."""
    return f"{base_iri()}statement/{digest(member)}"


def _day(value: object) -> str | None:
    return str(value)[:10] if value else None


def _rows(doc: Document, statements: Sequence[Statement]) -> list[Row]:
    """The article's quotations as matching reads them (the values the statement index's
    rows hold, :func:`claims.index.rows.rows_from_statements`, for these columns)."""
    from claims.index.rows import _date
    from claims.model.mapping import date_literal

    graph, article = str(iris.graph_iri(doc)), str(iris.article_iri(doc))
    day = _date(str(date_literal(doc.date))) if doc.date else None
    return [Row(str(iris.statement_iri(doc.content_hash, st.kind, st.span)), graph, article,
                st.text, st.speaker.name if st.speaker else None, doc.publisher or None, day,
                st.kind.value)
            for st in statements if st.kind.value in KINDS]


class Writer:
    """Turns what matching changed into graphs, with the state's decisions applied: a claim's
    head and the member graphs of its new or changed members (all of them only when its
    canonical wording changes)."""

    def __init__(self, state: State, tracker: Tracker) -> None:
        self.state, self.tracker = state, tracker
        self.misquotes = state.decisions(MISQUOTE_SCHEME)
        self.members = state.decisions(MEMBER_SCHEME)

    def _member(self, claim: str, canon: Quote, q: Quote) -> Graph:
        iri = member_iri(q.statement)
        decided = self.misquotes.get(iri, ("",))[0] or None
        confirmed = self.members.get(iri, ("",))[0] == "confirmed"
        return graphs.member_graph(claim, member(canon, q, decided, confirmed))

    def claim_graphs(self, touched: Iterable[str]) -> tuple[list[Graph], list[str], list[str]]:
        """``(graphs to write, graph IRIs to remove, statements whose facets changed)``."""
        state, tracker = self.state, self.tracker
        out: list[Graph] = []
        remove: list[str] = []
        statements: list[str] = []
        roots: set[str] = set()
        for claim in touched:
            root = tracker.root(claim)
            roots.add(root)
            if root != claim and state.shown(claim):
                out.append(graphs.replaced_graph(claim, root))
        dirty: dict[str, list[Quote]] = {}
        for statement in tracker.dirty:
            quote = state.quote(statement)
            if quote is not None:
                dirty.setdefault(tracker.root(quote.claim), []).append(quote)
                roots.add(tracker.root(quote.claim))
        gone = set(tracker.gone)
        for root in sorted(roots):
            size = state.size(root)
            shown = state.shown(root)
            if size == 0 or (size == 1 and not shown):
                if shown and state.replaced_by(root) is None:
                    remove.append(str(graphs.claim_graph_iri(root)))
                    state.shown(root, False)
                gone.update(q.statement for q in dirty.get(root, ()) if q.statement in tracker.split_off_now)
                continue
            previous = state.canonical(root)
            canon = state.quote(previous) if previous else None
            changed = dirty.get(root, [])
            full = root in tracker.full or canon is None or tracker.root(canon.claim) != root \
                or any(q.words > canon.words for q in changed)
            if full:
                quotes = state.members(root)
                best = canonical(quotes)
                if canon is None or best.statement != canon.statement or root in tracker.full:
                    changed = quotes
                canon = best
            assert canon is not None
            out += [self._member(root, canon, q) for q in changed]
            statements += [q.statement for q in changed]
            out.append(graphs.claim_graph(Head(root, canon, *state.head(root))))
            state.canonical(root, canon.statement)
        remove += [str(graphs.member_graph_iri(s)) for s in sorted(gone)]
        statements += sorted(gone)
        return out, remove, statements

    def copy_graphs(self, articles: Iterable[str]) -> list[Graph]:
        out = []
        for info in self.state.articles(articles).values():
            original = info.get("original")
            credit = info.get("credit")
            original_article = None
            if isinstance(original, str):
                found = self.state.articles([original]).get(original)
                original_article = str(found["article"]) if found else None
            containment = info.get("containment")
            out.append(graphs.copy_graph(
                str(info["article"]), original=original_article,
                containment=float(containment) if isinstance(containment, float) else None,
                credit=str(credit) if credit else None))
        return out


def _write(store: Store, state: State, tracker: Tracker, touched: set[str],
           copies: set[str]) -> list[str]:
    writer = Writer(state, tracker)
    out, remove, statements = writer.claim_graphs(touched)
    out += writer.copy_graphs(copies)
    for i in range(0, len(out), BATCH):
        store.replace_graphs(out[i:i + BATCH])
    for iri in remove:
        store.remove_graph(iri)
    return statements


class ClaimTracking:
    """The derived layer (``claims.layers.KNOWN["track"]``)."""

    name = "track"

    def articles_written(self, store: Store,
                         articles: Sequence[tuple[Document, Sequence[Statement]]]) -> None:
        state = State.of(store)
        tracker = Tracker(state)
        touched: set[str] = set()
        with state.transaction():
            for doc, statements in articles:
                info = ArticleInfo(str(iris.graph_iri(doc)), str(iris.article_iri(doc)),
                                   doc.content_hash, doc.publisher, doc.derived_from,
                                   _day(doc.date), doc.text)
                touched |= tracker.add_article(info, _rows(doc, statements))
            statements_ = _write(store, state, tracker, touched, tracker.copies)
        _refresh_index(store, statements_)

    def decided(self, store: Store, decision: Decision) -> None:
        if decision.scheme not in (MEMBER_SCHEME, CLAIM_SCHEME, MISQUOTE_SCHEME):
            return
        state = State.of(store)
        tracker = Tracker(state)
        with state.transaction():
            state.decided(decision.subject, decision.scheme, decision.value, decision.target)
            touched = _apply(state, tracker, decision.subject, decision.scheme, decision.value,
                             decision.target)
            statements = _write(store, state, tracker, touched, set())
        _refresh_index(store, statements)

    def rebuild(self, store: Store) -> None:
        state = State.of(store)
        tracker = Tracker(state)
        before = _memberships(store)
        stubs = _stubs(store)
        prefix = f"{base_iri()}graph/track/"
        with state.transaction():
            state.clear()
            for scheme in SCHEMES:
                for subject, made in decisions.current(store, scheme).items():
                    state.decided(subject, scheme.name, made.value, made.target)
            for info, rows in _from_store(store):
                tracker.add_article(info, rows)
            for subject, (value, target) in state.decisions(CLAIM_SCHEME).items():
                _apply(state, tracker, subject, CLAIM_SCHEME, value, target)
            _keep_iris(state, tracker, before)
            replaced = state.replaced()
            for old, by in stubs.items():  # an IRI that pointed on keeps pointing on
                if old not in replaced and not state.members(old):
                    state.replace(old, tracker.root(by))
            for graph in store.graphs():
                if graph.startswith(prefix):
                    store.remove_graph(graph)
            shown = set(before.values()) | set(stubs)
            for claim in shown:  # every IRI that was shown keeps a graph
                state.shown(claim, True)
            touched = {c for c, _ in state.sizes()} | set(state.replaced()) | shown
            _write(store, state, tracker, touched, tracker.copies)
        _refresh_index(store, None)


def _apply(state: State, tracker: Tracker, subject: str, scheme: str, value: str,
           target: str | None) -> set[str]:
    if scheme == CLAIM_SCHEME:
        return tracker.merge(subject, target) if value == "merged" and target else set()
    statement = statement_of(subject)
    if scheme == MEMBER_SCHEME and value == "split":
        return tracker.split_off(statement)
    quote = state.quote(statement)
    if quote is None:
        return set()
    tracker.dirty.add(statement)
    return {tracker.root(quote.claim)}


def _keep_iris(state: State, tracker: Tracker, before: dict[str, str]) -> None:
    """Give each cluster the IRI most of its members had before a rebuild; every other IRI
    its members had is replaced by it."""
    taken: set[str] = set()
    for root, _ in sorted(state.sizes()):
        had = Counter(before[q.statement] for q in state.members(root) if q.statement in before)
        if not had:
            continue
        chosen = next((c for c, _ in sorted(had.items(), key=lambda x: (-x[1], x[0]))
                       if c not in taken), None)
        if chosen is None:
            continue
        taken.add(chosen)
        if chosen != root:
            state.rename(root, chosen)
        for other in had:
            if other != chosen and other not in taken:
                state.replace(other, chosen)


_MEMBERSHIPS = """
PREFIX claims: <https://w3id.org/claims#>
SELECT ?statement ?claim WHERE { GRAPH ?g { ?m claims:member ?statement ; claims:memberOf ?claim } }
"""


def _memberships(store: Store) -> dict[str, str]:
    return {expand(str(s)): expand(str(c)) for s, c in select(store, _MEMBERSHIPS).itertuples(index=False)}


_STUBS = """
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?claim ?by WHERE { GRAPH ?g { ?claim dcterms:isReplacedBy ?by } }
"""


def _stubs(store: Store) -> dict[str, str]:
    return {expand(str(c)): expand(str(b)) for c, b in select(store, _STUBS).itertuples(index=False)}


_ARTICLES = """
PREFIX claims: <https://w3id.org/claims#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?g ?article ?text ?hash ?outlet ?credit ?date WHERE {
  GRAPH ?g { ?article a claims:Article ; schema:articleBody ?text ; claims:contentHash ?hash .
    OPTIONAL { ?article schema:datePublished ?date } }
  # each name looked up for a publisher the article has (an unbound ?publisher in an
  # OPTIONAL of its own would match any name in the store)
  OPTIONAL { GRAPH ?g { ?article schema:publisher ?publisher }
             GRAPH ?e1 { ?publisher schema:name ?outlet } }
  OPTIONAL { GRAPH ?g { ?article prov:wasDerivedFrom ?original . ?original schema:publisher ?creditor }
             GRAPH ?e2 { ?creditor schema:name ?credit } }
}
"""


def _from_store(store: Store) -> list[tuple[ArticleInfo, list[Row]]]:
    """Every stored article and its quotations, oldest first, as ingestion would give them."""
    from claims.index.rows import rows_from_store, store_hashes

    committed = {expand(g) for g in store_hashes(store)}
    rows: dict[str, list[Row]] = {}
    for r in rows_from_store(store):
        if r["kind"] not in KINDS:
            continue
        graph = expand(str(r["graph"]))
        rows.setdefault(graph, []).append(Row(
            expand(str(r["statement"])), graph, expand(str(r["article"])), str(r["text"]),
            r["extracted_speaker"], r["outlet"], _day(r["date"]), str(r["kind"])))
    out = []
    seen: set[str] = set()
    for a in select(store, _ARTICLES).to_dict("records"):
        graph = expand(str(a["g"]))
        if graph not in committed or graph in seen:
            continue
        seen.add(graph)
        info = ArticleInfo(graph, expand(str(a["article"])), str(a["hash"]), _text(a["outlet"]),
                           _text(a["credit"]), _day(a["date"]), str(a["text"]))
        out.append((info, sorted(rows.get(graph, []), key=lambda r: r.statement)))
    out.sort(key=lambda x: (x[0].date or "9999", x[0].graph))
    return out


def _text(value: Any) -> str | None:
    return str(value) if isinstance(value, str) and value else None


def _refresh_index(store: Store, statements: list[str] | None) -> None:
    from claims import index
    from claims.track.views import FACETS

    short = [shorten(s) for s in statements] if statements is not None else None
    for facet in FACETS:
        index.after_layer(store, facet, short)


LAYER = ClaimTracking()

__all__ = ["CLAIM", "LAYER", "MEMBER", "MISQUOTE", "ClaimTracking", "URIRef", "statement_of"]
