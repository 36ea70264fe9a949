"""SHACL validation of article graphs against ``ontology/shapes.ttl`` (pyshacl).

The ontology is loaded beside the data so that ``sh:class`` sees the subclass axioms
(a ``claims:Quotation`` is a ``claims:Statement``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pyshacl import validate as shacl_validate
from rdflib import Graph

from claims.config import ontology_dir
from claims.errors import ValidationFailed


@dataclass(frozen=True, slots=True)
class Report:
    conforms: bool
    text: str


@cache
def _shapes() -> Graph:
    return Graph().parse(ontology_dir() / "shapes.ttl")


@cache
def _ontology() -> Graph:
    return Graph().parse(ontology_dir() / "claims.ttl")


def check(graph: Graph) -> Report:
    conforms, _, text = shacl_validate(graph, shacl_graph=_shapes(), ont_graph=_ontology(),
                                       inference="rdfs", advanced=True, allow_warnings=True)
    return Report(bool(conforms), str(text))


def validate(graph: Graph) -> None:
    """Raise :class:`ValidationFailed` with pyshacl's report when ``graph`` does not conform."""
    report = check(graph)
    if not report.conforms:
        raise ValidationFailed(str(graph.identifier), hint=report.text[:2000])
