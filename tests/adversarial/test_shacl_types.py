"""Finding 9 (rest): SHACL catches ill-typed literals.

The reader refuses impossible dates before they reach the store, but a literal can still
arrive ill-typed from elsewhere (an update over HTTP, an import): ``"2020-13-45"^^xsd:date``,
``"2024-02-30"^^xsd:date``, ``"x"^^xsd:integer``, an hour 25. ``claims validate`` reports
each as a violation of its shape, without a traceback on stderr.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claims.cli import cli
from claims.model.shapes import check
from claims.pipeline import analyse, ingest
from claims.reader import from_text
from claims.store import OxigraphStore

TEXT = ('Vladimir Putin said: "The talks will go on for another winter."\n\n'
        "Narendra Modi told reporters that 40 per cent of the trade was settled in rupees.")
SCHEMA = "https://schema.org/"
CLAIMS = "https://w3id.org/claims#"
XSD = "http://www.w3.org/2001/XMLSchema#"

ILL_TYPED = [
    (f"{SCHEMA}datePublished", f'"2020-13-45"^^<{XSD}date>'),
    (f"{SCHEMA}datePublished", f'"2024-02-30"^^<{XSD}date>'),
    (f"{SCHEMA}datePublished", f'"2024-05-14T25:00:00"^^<{XSD}dateTime>'),
    (f"{CLAIMS}start", f'"x"^^<{XSD}integer>'),
    (f"{CLAIMS}confidence", f'"high"^^<{XSD}decimal>'),
]


def _replace(prop: str, literal: str) -> str:
    return (f"DELETE {{ GRAPH ?g {{ ?s <{prop}> ?o }} }} INSERT {{ GRAPH ?g {{ ?s <{prop}> {literal} }} }} "
            f"WHERE {{ GRAPH ?g {{ ?s <{prop}> ?o }} }}")


@pytest.mark.parametrize(("prop", "literal"), ILL_TYPED)
def test_validate_reports_an_ill_typed_literal(tmp_path: Path, prop: str, literal: str) -> None:
    path = tmp_path / "kb"
    with OxigraphStore(path) as store:
        assert ingest([from_text(TEXT, id="a", date="2024-05-14")], store).ok
    runner = CliRunner()
    clean = runner.invoke(cli, ["validate", "--store", str(path)])
    assert clean.exit_code == 0, clean.output
    with OxigraphStore(path) as store:
        store.update(_replace(prop, literal))
    result = runner.invoke(cli, ["validate", "--store", str(path)])
    assert result.exit_code == 1 and "does not conform" in result.output
    assert "ConstraintComponent" in result.output and prop.rsplit("/", 1)[-1].split("#")[-1] in result.output
    assert "Traceback" not in result.output


def test_check_on_a_graph_with_an_ill_typed_date(capfd: pytest.CaptureFixture[str]) -> None:
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD as X

    analysis = analyse(from_text(TEXT, id="a", date="2024-05-14"), validate=False)
    graph = analysis.graph
    date = URIRef(f"{SCHEMA}datePublished")
    (subject, old), = graph.subject_objects(date)
    assert check(graph, entities=analysis.entities).conforms
    graph.remove((subject, date, old))
    graph.add((subject, date, Literal("2020-13-45", datatype=X.date)))
    report = check(graph, entities=analysis.entities)
    assert not report.conforms and "datePublished" in report.text
    assert "Traceback" not in capfd.readouterr().err
