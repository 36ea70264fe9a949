"""The claim-tracking layer's named graphs.

- ``<{base}graph/track/claim/{id}>``: a claim (``claims:Claim``, a ``schema:Claim``) with
  its canonical wording (``schema:text``, ``claims:canonicalStatement``), counts and first
  appearance; a claim merged into another keeps only ``dcterms:isReplacedBy`` there;
- ``<{base}graph/track/member/{statement}>``: a statement's ``claims:ClaimMember``
  (``claims:memberOf``, ``claims:member``, ``claims:wording``, ``claims:matchConfidence``,
  ``claims:misquote``, ``claims:wordChange``) — one graph a member, so that a new member
  costs one small write however big its claim;
- ``<{base}graph/track/copy/{article}>``: a syndicated article ``prov:wasDerivedFrom`` its
  original in the knowledge base (``claims:copyMethod``, ``claims:bodyContainment``), and/or
  the outlet its credit line names (``claims:creditedOutlet``).
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from claims.config import base_iri
from claims.model.mapping import date_literal
from claims.track.matching import digest, member_iri
from claims.track.summary import Head, Member
from claims.vocab import CLAIMS, SCHEMA


def _graph(identifier: URIRef) -> Graph:
    """An empty graph to fill (no prefixes bound: they cost more than the triples, and the
    store does not keep them)."""
    return Graph(identifier=identifier, bind_namespaces="none")


def claim_graph_iri(claim: str) -> URIRef:
    return URIRef(f"{base_iri()}graph/track/claim/{digest(claim)}")


def copy_graph_iri(article: str) -> URIRef:
    return URIRef(f"{base_iri()}graph/track/copy/{digest(article)}")


def _decimal(value: float) -> Literal:
    return Literal(Decimal(str(round(value, 3))))


def member_graph_iri(statement: str) -> URIRef:
    return URIRef(f"{base_iri()}graph/track/member/{digest(statement)}")


def claim_graph(head: Head) -> Graph:
    """The claim node: canonical wording, counts, first appearance."""
    graph = _graph(claim_graph_iri(head.claim))
    claim = URIRef(head.claim)
    for p, o in ((RDF.type, CLAIMS.Claim), (RDF.type, SCHEMA.Claim),
                 (SCHEMA.text, Literal(head.canonical.text)),
                 (CLAIMS.canonicalStatement, URIRef(head.canonical.statement)),
                 (CLAIMS.memberCount, Literal(head.members)),
                 (CLAIMS.outletCount, Literal(head.outlets)),
                 (CLAIMS.independentSources, Literal(head.independent)),
                 (SCHEMA.firstAppearance, URIRef(head.first_article))):
        graph.add((claim, p, o))
    if head.first_date:
        graph.add((claim, CLAIMS.firstSeen, date_literal(head.first_date)))
    if head.first_outlet:
        graph.add((claim, CLAIMS.firstOutlet, Literal(head.first_outlet)))
    if head.canonical.speaker:
        graph.add((claim, CLAIMS.speakerName, Literal(head.canonical.speaker)))
    return graph


# the terms a member graph uses, looked up once (a closed namespace's lookup is slow)
_TYPE, _MEMBER_CLASS, _CHANGE_CLASS = RDF.type, CLAIMS.ClaimMember, CLAIMS.WordChange
_MEMBER_OF, _MEMBER, _WORDING = CLAIMS.memberOf, CLAIMS.member, CLAIMS.wording
_CONFIDENCE, _MISQUOTE, _STATUS = CLAIMS.matchConfidence, CLAIMS.misquote, CLAIMS.misquoteStatus
_WORD_CHANGE, _KIND, _CANONICAL_WORDS = CLAIMS.wordChange, CLAIMS.changeKind, CLAIMS.canonicalWords
_MEMBER_WORDS, _ORDER = CLAIMS.memberWords, CLAIMS.changeOrder


def member_graph(claim: str, m: Member) -> Graph:
    """One statement's membership of its claim, with its word changes."""
    graph = _graph(member_graph_iri(m.statement))
    node = URIRef(member_iri(m.statement))
    add = graph.add
    for p, o in ((_TYPE, _MEMBER_CLASS), (_MEMBER_OF, URIRef(claim)),
                 (_MEMBER, URIRef(m.statement)), (_WORDING, Literal(m.wording)),
                 (_CONFIDENCE, _decimal(m.confidence)), (_MISQUOTE, Literal(m.misquote))):
        add((node, p, o))
    if m.misquote_status:
        add((node, _STATUS, Literal(m.misquote_status)))
    for order, change in enumerate(m.changes, 1):
        term = URIRef(f"{node}/change/{order}")
        add((node, _WORD_CHANGE, term))
        for p, o in ((_TYPE, _CHANGE_CLASS), (_KIND, Literal(change.kind)),
                     (_CANONICAL_WORDS, Literal(" ".join(change.a))),
                     (_MEMBER_WORDS, Literal(" ".join(change.b))), (_ORDER, Literal(order))):
            add((term, p, o))
    return graph


def replaced_graph(claim: str, by: str) -> Graph:
    """What stays of a claim merged into another: its IRI points to the one it joined."""
    graph = _graph(claim_graph_iri(claim))
    graph.add((URIRef(claim), RDF.type, CLAIMS.Claim))
    graph.add((URIRef(claim), DCTERMS.isReplacedBy, URIRef(by)))
    return graph


def copy_graph(article: str, *, original: str | None, containment: float | None,
               credit: str | None) -> Graph:
    graph = _graph(copy_graph_iri(article))
    node = URIRef(article)
    if original:
        graph.add((node, PROV.wasDerivedFrom, URIRef(original)))
        graph.add((node, CLAIMS.copyMethod, Literal("near-identical body")))
        if containment is not None:
            graph.add((node, CLAIMS.bodyContainment, _decimal(containment)))
    if credit:
        graph.add((node, CLAIMS.creditedOutlet, Literal(credit)))
        if not original:
            graph.add((node, CLAIMS.copyMethod, Literal("credit line")))
    return graph


__all__ = ["claim_graph", "claim_graph_iri", "copy_graph", "copy_graph_iri", "member_graph",
           "member_graph_iri", "replaced_graph"]
