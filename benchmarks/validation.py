"""What SHACL validation of an article graph costs; prints a table.

Run: ``.venv/bin/python benchmarks/validation.py``

The Wikinews articles of ``../shared/corpus`` (skipped without it) are extracted once; each
graph (with its entities) is then checked by ``claims.model.shapes.check`` as ingestion does
it (``spans=False``: the shapes without their SPARQL constraints, which ingestion checks in
Python) and as ``claims validate`` does it (``spans=True``), and, for comparison, with the
RDFS inference over the whole ontology that the check ran before stop 21. Milliseconds per
article, CPU time of this process.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph

sys.path.insert(0, str(Path(__file__).resolve().parent))

import claims
from _bench import machine, table
from claims.config import ontology_dir
from claims.model import shapes

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikinews.jsonl"


def _with_rdfs(graph: Graph, spans: bool) -> bool:
    conforms, _, _ = shacl_validate(graph, shacl_graph=shapes._shapes(spans),
                                    ont_graph=Graph().parse(ontology_dir() / "claims.ttl"),
                                    inference="rdfs", advanced=True, allow_warnings=True)
    return bool(conforms)


def main() -> None:
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found")
        return
    analyses = [claims.analyse(doc, validate=False) for doc in claims.read(CORPUS)]
    graphs = [a.graph + a.entities for a in analyses]
    rows = []
    for spans, use in ((False, "ingestion (no SPARQL constraints)"), (True, "claims validate")):
        for how, check in (("class hierarchy, no inference (now)",
                            lambda g, s=spans: shapes.check(g, spans=s).conforms),
                           ("RDFS inference (before)", lambda g, s=spans: _with_rdfs(g, s))):
            begun = time.process_time()
            conform = sum(bool(check(g)) for g in graphs)
            ms = (time.process_time() - begun) * 1000 / len(graphs)
            rows.append([use, how, f"{conform}/{len(graphs)}", f"{ms:.0f}"])
    print(f"SHACL validation of {len(graphs)} Wikinews article graphs ({machine()})\n")
    print(table(["check", "how", "conform", "CPU ms / article"], rows))


if __name__ == "__main__":
    main()
