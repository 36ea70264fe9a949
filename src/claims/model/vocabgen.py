"""Generate ``claims/vocab.py`` from ``ontology/claims.ttl``: the ontology is the single source.

Run ``python -m claims.model.vocabgen`` after editing the ontology; a test fails when the
generated module and the ontology differ.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from claims.config import PACKAGE_DIR, ontology_dir

NAMESPACE = "https://w3id.org/claims#"
TARGET = PACKAGE_DIR / "vocab.py"

_HEADER = '''"""The project's own vocabulary, generated from ontology/claims.ttl. Do not edit.

Regenerate with ``python -m claims.model.vocabgen``. The namespace is closed: a typo raises.

>>> str(CLAIMS.Quotation)
'https://w3id.org/claims#Quotation'
"""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
WD = Namespace("http://www.wikidata.org/entity/")


class CLAIMS(DefinedNamespace):
    """Terms of ontology/claims.ttl."""

    _NS = Namespace("{ns}")
    _fail = True
'''


def render(ontology: Path | None = None) -> str:
    graph = Graph().parse(ontology or ontology_dir() / "claims.ttl")
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property)
    lines = [_HEADER.replace("{ns}", NAMESPACE)]
    for kind in kinds:
        for term in sorted(t for t in graph.subjects(RDF.type, kind)
                           if isinstance(t, URIRef) and t.startswith(NAMESPACE)):
            label = graph.value(term, RDFS.label) or ""
            lines.append(f"    {term[len(NAMESPACE):]}: URIRef  # {label}\n")
    return "".join(lines)


def main() -> None:
    TARGET.write_text(render())
    sys.stdout.write(f"wrote {TARGET}\n")


if __name__ == "__main__":
    main()
