"""SHACL validation of article graphs against ``ontology/shapes.ttl`` (pyshacl).

The ontology's class hierarchy is loaded beside the data so that ``sh:class`` sees the subclass axioms
(a ``claims:Quotation`` is a ``claims:Statement``). The span invariant and the agreement
of the shortcuts with the chains they stand for are SPARQL constraints in the shapes; pyshacl
ran them through rdflib's SPARQL once per statement, which was nearly all the cost, so
:func:`check` gives pyshacl the shapes without them and checks them in Python
(:mod:`claims.model.constraints`, same results). Ingestion checks the span invariant on the
statements themselves (``claims.pipeline.check_spans``), the mapping writes the shortcuts with
their chains, and it passes ``spans=False``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

from pyshacl import validate as shacl_validate
from pyshacl.rdfutil.stringify import stringify_node
from rdflib import Graph
from rdflib.namespace import RDFS, SH

from claims.config import ontology_dir
from claims.errors import ValidationFailed
from claims.model.constraints import Violation, violations


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
    """pyshacl's verdict on ``graph``, with the shapes' SPARQL constraints (the span and the
    shortcuts) checked in Python; ``spans=False`` leaves them out (the mapping guarantees
    them and ingestion checks the spans on the statements). ``entities``: the descriptions of
    the people, organisations and extractors the graph names (they live in the entities
    graph), validated with it."""
    data = graph if entities is None else graph + entities
    with quiet_literals():
        conforms, _, text = shacl_validate(data, shacl_graph=_shapes(False), ont_graph=_ontology(),
                                           inference="none", advanced=True, allow_warnings=True)
    found = violations(data, _ontology()) if spans else []
    if not found:
        return Report(bool(conforms), str(text))
    return Report(False, _with(str(text), found, data))


_HEADER = "Validation Report\nConforms: {conforms}\nResults ({n}):\n"


def _with(text: str, found: list[Violation], data: Graph) -> str:
    """pyshacl's report ``text`` with the results of the Python-checked constraints added,
    written as pyshacl writes a SPARQL constraint's result."""
    earlier = text.split("\n", 3)[3] if "\nResults (" in text else ""
    count = earlier.count("\n\tSeverity: ")
    blocks = "".join(
        "Constraint Violation in SPARQLConstraintComponent "
        "(http://www.w3.org/ns/shacl#SPARQLConstraintComponent):\n"
        "\tSeverity: sh:Violation\n\tSource Shape: shapes:Statement\n"
        f"\tFocus Node: {stringify_node(data, v.focus)}\n"
        f"\tValue Node: {stringify_node(data, v.value)}\n"
        "\tSource Constraint: a SPARQL constraint of shapes:Statement (checked by "
        "claims.model.constraints)\n"
        f"\tMessage: {v.message}\n" for v in found)
    return _HEADER.format(conforms=False, n=count + len(found)) + earlier + blocks


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
