"""The Python vocabulary is generated from the ontology, never typed twice."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from claims.config import PACKAGE_DIR, ontology_dir
from claims.model.vocabgen import NAMESPACE, render
from claims.vocab import CLAIMS


def test_generated_module_matches_ontology() -> None:
    assert (PACKAGE_DIR / "vocab.py").read_text() == render(), "run `make vocab`"


def test_namespace_is_closed() -> None:
    with pytest.raises(AttributeError):
        _ = CLAIMS.Quoation  # a typo raises


def test_every_term_has_label_and_comment() -> None:
    graph = Graph().parse(ontology_dir() / "claims.ttl")
    terms = {s for s in graph.subjects(RDF.type, None)
             if isinstance(s, URIRef) and s.startswith(NAMESPACE) and s != URIRef(NAMESPACE)}
    assert URIRef(CLAIMS.Quotation) in terms
    for term in terms:
        if (term, RDF.type, OWL.Class) in graph or (term, RDF.type, OWL.ObjectProperty) in graph \
                or (term, RDF.type, OWL.DatatypeProperty) in graph:
            assert graph.value(term, RDFS.label), term
            assert graph.value(term, RDFS.comment), term


def test_context_names_the_namespace() -> None:
    import json

    context = json.loads((ontology_dir() / "context.jsonld").read_text())["@context"]
    assert context["claims"] == NAMESPACE
    assert context["Quotation"] == "claims:Quotation"
