"""SHACL validation of article graphs against ``ontology/shapes.ttl`` (pyshacl).

The ontology is loaded beside the data so that ``sh:class`` sees the subclass axioms
(a ``claims:Quotation`` is a ``claims:Statement``). The span invariant is a SPARQL
constraint that costs most of the validation time; ingestion checks the
same invariant in Python first (``claims.pipeline.check_spans``) and passes
``spans=False``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pyshacl import validate as shacl_validate
from rdflib import Graph
from rdflib.namespace import SH

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
    return Graph().parse(ontology_dir() / "claims.ttl")


def check(graph: Graph, *, spans: bool = True) -> Report:
    """pyshacl's verdict on ``graph``; ``spans=False`` leaves out the span constraint."""
    conforms, _, text = shacl_validate(graph, shacl_graph=_shapes(spans), ont_graph=_ontology(),
                                       inference="rdfs", advanced=True, allow_warnings=True)
    return Report(bool(conforms), str(text))


def validate(graph: Graph, *, spans: bool = True) -> None:
    """Raise :class:`ValidationFailed` with pyshacl's report when ``graph`` does not conform."""
    report = check(graph, spans=spans)
    if not report.conforms:
        raise ValidationFailed(str(graph.identifier), hint=report.text[:2000])
