"""What SHACL validation of an article graph costs; prints a table.

Run: ``.venv/bin/python benchmarks/validation.py``

The Wikinews articles of ``../shared/corpus`` (skipped without it) are extracted once; each
graph (with its entities) is then checked by ``claims.model.shapes.check`` as ingestion does
it (``spans=False``: the shapes without their SPARQL constraints, which ingestion checks on the
statements) and as ``claims validate`` does it (``spans=True``: the SPARQL constraints checked
in Python by ``claims.model.constraints``), and, for comparison, with pyshacl running the
SPARQL constraints itself, as ``claims validate`` did before. Milliseconds per article, CPU
time of this process.
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
from claims.model import shapes

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikinews.jsonl"


def _sparql_in_pyshacl(graph: Graph) -> bool:
    conforms, _, _ = shacl_validate(graph, shacl_graph=shapes._shapes(True), ont_graph=shapes._ontology(),
                                    inference="none", advanced=True, allow_warnings=True)
    return bool(conforms)


def main() -> None:
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found")
        return
    analyses = [claims.analyse(doc, validate=False) for doc in claims.read(CORPUS)]
    graphs = [a.graph + a.entities for a in analyses]
    rows = []
    for use, how, check in (
            ("ingestion", "shapes without the SPARQL constraints",
             lambda g: shapes.check(g, spans=False).conforms),
            ("claims validate", "SPARQL constraints in Python (now)",
             lambda g: shapes.check(g, spans=True).conforms),
            ("claims validate", "SPARQL constraints run by pyshacl (before)", _sparql_in_pyshacl)):
        begun = time.process_time()
        conform = sum(bool(check(g)) for g in graphs)
        ms = (time.process_time() - begun) * 1000 / len(graphs)
        rows.append([use, how, f"{conform}/{len(graphs)}", f"{ms:.0f}"])
    print(f"SHACL validation of {len(graphs)} Wikinews article graphs ({machine()})\n")
    print(table(["check", "how", "conform", "CPU ms / article"], rows))


if __name__ == "__main__":
    main()
