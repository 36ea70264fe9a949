"""SHACL validation of article graphs against ``ontology/shapes.ttl`` (pyshacl).

The ontology's class hierarchy is loaded beside the data so that ``sh:class`` sees the subclass axioms
(a ``claims:Quotation`` is a ``claims:Statement``). The span invariant and the agreement
of the shortcuts with the chains they stand for are SPARQL constraints that cost most of
the validation time; ingestion checks the span invariant in Python first
(``claims.pipeline.check_spans``), the mapping writes the shortcuts with their chains,
and it passes ``spans=False``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal
from rdflib.namespace import RDFS, SH

from claims.config import ontology_dir
from claims.errors import ValidationFailed


@dataclass(frozen=True, slots=True)
class Report:
    conforms: bool
    text: str


@cache
def _shapes(spans: bool) -> Graph:
    graph = Graph().parse(ontology_dir() / "shapes.ttl")
    if not spans:
        for triple in list(graph.triples((None, SH.sparql, None))):
            graph.remove(triple)
    return graph


@cache
def _ontology() -> Graph:
    """The ontology's class hierarchy (``rdfs:subClassOf``), all that the shapes need of it:
    SHACL's ``sh:class`` and ``sh:targetClass`` follow ``rdfs:subClassOf`` in the data, so no
    RDFS inference is run (it cost ten times the rest of the validation)."""
    ontology = Graph().parse(ontology_dir() / "claims.ttl")
    hierarchy = Graph()
    for triple in ontology.triples((None, RDFS.subClassOf, None)):
        hierarchy.add(triple)
    return hierarchy


def check(graph: Graph, *, spans: bool = True, entities: Graph | None = None) -> Report:
    """pyshacl's verdict on ``graph``; ``spans=False`` leaves out the SPARQL constraints
    (the span and the shortcuts, which the mapping guarantees and ingestion checks in
    Python). ``entities``: the descriptions of the people, organisations and extractors the
    graph names (they live in the entities graph), validated with it."""
    data = graph if entities is None else graph + entities
    if spans and any(isinstance(o, Literal) and o.ill_typed for o in data.objects()):
        # rdflib's SPARQL arithmetic recurses without end on an ill-typed number ("x" as an
        # xsd:integer): leave the SPARQL constraints out; sh:datatype reports the literal.
        spans = False
    with quiet_literals():
        conforms, _, text = shacl_validate(data, shacl_graph=_shapes(spans), ont_graph=_ontology(),
                                           inference="none", advanced=True, allow_warnings=True)
    return Report(bool(conforms), str(text))


@contextmanager
def quiet_literals() -> Iterator[None]:
    """Without rdflib's traceback for every ill-typed literal it meets ("2020-13-45"^^xsd:date):
    ``sh:datatype`` reports them, in the report, as violations."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def validate(graph: Graph, *, spans: bool = True, entities: Graph | None = None) -> None:
    """Raise :class:`ValidationFailed` with pyshacl's report when ``graph`` does not conform."""
    report = check(graph, spans=spans, entities=entities)
    if not report.conforms:
        raise ValidationFailed(str(graph.identifier), hint=report.text[:2000])
