"""The figure-check layer: checks written with each ingest as RDF with their provenance,
the named query, editors' verdicts winning over rebuilds, staleness, and the CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import PROV

import claims
from claims import layers
from claims.check import checked, override, status, views
from claims.check import layer as checking
from claims.cli import cli
from claims.document import Document
from claims.index import Filters, StatementIndex
from claims.model.shapes import check as shacl
from claims.query import expand
from claims.reference.groups import members
from claims.reference.statistics import value
from claims.store import MemoryStore, OxigraphStore, Store
from claims.vocab import CLAIMS

pytestmark = pytest.mark.layers("check")


@pytest.fixture(params=["memory", "oxigraph"])
def store(request: pytest.FixtureRequest, tmp_path: Path, founding_article: Path) -> Iterator[Store]:
    made: Store = MemoryStore() if request.param == "memory" else OxigraphStore(tmp_path / "kb")
    report = claims.ingest([founding_article], made, progress=False)
    assert report.ok and report.stale_layers == ()
    yield made
    made.close()


def _graph(store: Store) -> Graph:
    (name,) = [g for g in store.graphs() if "/graph/check/" in g]
    found = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
    assert isinstance(found, Graph)
    return found


def _half(store: Store) -> str:
    frame = checked(store)
    return expand(str(frame[frame.phrase == "half of the world's population"]["check"].iloc[0]))


def test_ingestion_checks_the_founding_article(store: Store) -> None:
    frame = checked(store).set_index("phrase")
    half = frame.loc["half of the world's population"]
    assert (half.verdict, half.measure, half.entity, half.misstatement) == (
        "roughly_right", "pop_share", "SCO", "overstated")
    assert round(float(half.computed), 1) == 41.3 and str(half.year) == "2022"
    assert frame.loc["eight-nation", "verdict"] == "accurate"
    assert set(checked(store, verdict="accurate").phrase) == {"eight-nation"}
    assert set(checked(store, outlet="NewsClick").phrase) == set(frame.index)
    assert checked(store, outlet="Nobody").empty


def test_the_provenance_names_the_members_their_populations_and_the_series(store: Store) -> None:
    graph = _graph(store)
    node = URIRef(_half(store))
    (part,) = graph.objects(node, CLAIMS.computation)
    counted = {str(graph.value(v, CLAIMS.memberCode)): float(graph.value(v, RDF.value))  # type: ignore[arg-type]
               for v in graph.objects(part, CLAIMS.countedValue)}
    sco = members("SCO", "2022-09-15")
    assert set(counted) == set(sco) and len(sco) == 8
    assert counted == {c: pytest.approx(value("population", c, 2022)) for c in sco}
    assert float(graph.value(part, CLAIMS.worldTotal)) == value("population", "WLD", 2022)  # type: ignore[arg-type]
    assert graph.value(part, CLAIMS.series) == URIRef("https://data.worldbank.org/indicator/SP.POP.TOTL")
    (run,) = graph.subjects(RDF.type, CLAIMS.Checking)
    assert URIRef("https://data.worldbank.org/indicator/SP.POP.TOTL") in set(graph.objects(run, PROV.used))
    assert shacl(graph, spans=False).conforms


def test_an_editor_verdict_wins_and_survives_a_rebuild(store: Store) -> None:
    half = _half(store)
    override(store, half, "inaccurate", reviewer="Ana Editor", note="half is far off")
    row = checked(store).set_index("check").loc[half.replace(claims.config.base_iri(), "kb:")]
    assert (row.verdict, row.computed_verdict) == ("inaccurate", "roughly_right")
    assert "Ana Editor" in row.reason
    layers.rebuild(store, "check")
    again = checked(store).set_index("check").loc[half.replace(claims.config.base_iri(), "kb:")]
    assert (again.verdict, again.computed_verdict) == ("inaccurate", "roughly_right")


def test_status_tells_missing_checks_and_a_rebuild_fixes_them(store: Store) -> None:
    assert status(store).fresh
    for name in [g for g in store.graphs() if "/graph/check/" in g]:
        store.remove_graph(name)
    assert len(status(store).missing) == 1
    checking.LAYER.rebuild(store)
    assert status(store).fresh and len(checked(store)) == 2


def test_cli_lists_checks_and_checks_sentences(store: Store, tmp_path: Path, founding_article: Path) -> None:
    runner = CliRunner()
    kb = tmp_path / "cli-kb"
    assert runner.invoke(cli, ["ingest", str(founding_article), "--store", str(kb)]).exit_code == 0
    listed = runner.invoke(cli, ["check", "--store", str(kb), "--format", "csv"])
    assert listed.exit_code == 0, listed.output
    assert "half of the world's population" in listed.output and "roughly_right" in listed.output
    lines = tmp_path / "s.jsonl"
    lines.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "sentence": "The G7 holds 10 percent of the world's population.", "date": "2023-05-01"},
        {"id": "b", "sentence": "Its members hold 3.2 billion people.", "date": "2023-08-19",
         "context": "BRICS met. Its members hold 3.2 billion people."},
    ]), encoding="utf-8")
    out = runner.invoke(cli, ["check", "--sentences", str(lines)])
    assert out.exit_code == 0, out.output
    rows = [line.split("\t") for line in out.output.strip().splitlines()]
    assert [r[0] for r in rows] == ["a", "b"] and all(len(r) == 8 for r in rows)
    assert rows[0][2:4] == ["pop_share", "G7"] and rows[1][3] == "BRICS"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n', encoding="utf-8")
    failed = runner.invoke(cli, ["check", "--sentences", str(bad)])
    assert failed.exit_code != 0 and "malformed-batch" in failed.output


def test_the_index_facet_and_the_provenance_section(tmp_path: Path, founding_article: Path) -> None:
    store = OxigraphStore(tmp_path / "kb")
    try:
        index = StatementIndex.open(store)
        claims.ingest([founding_article], store, progress=False)
        frame = checked(store).set_index("phrase")
        figure = expand(str(frame.loc["half of the world's population", "statement"]))
        short = f"kb:{figure.rsplit('/kb/', 1)[-1]}"
        assert index.facets_of([short])[short]["figure_check"] == ["roughly right"]
        assert index.count(Filters(facets=(("figure_check", "roughly right"),))) == 1
        assert index.count(Filters(facets=(("figure_check", "accurate"),))) == 1
        chosen = type("Chosen", (), {"store": store, "iri": figure})()
        html = views.check_section(chosen)  # type: ignore[arg-type]
        assert html is not None
        for shown in ("roughly right", "overstated", "41.28%", "SCO", "China", "Pakistan",
                      "3,297,666,818 / WLD 7,988,550,201", "SP.POP.TOTL", "World Bank"):
            assert shown in html, shown
        assert html.count("<tr><td>") >= 9  # eight members and the world
        override(store, expand(str(frame.loc["half of the world's population", "check"])), "inaccurate",
                 reviewer="Ana Editor")
        assert index.facets_of([short])[short]["figure_check"] == ["inaccurate"]
        after = views.check_section(chosen)  # type: ignore[arg-type]
        assert after is not None and "checker: roughly right" in after and "Ana Editor" in after
        index.close()
    finally:
        store.close()


def test_a_fact_checkers_rating_stays_apart_and_can_cite_the_check(store: Store) -> None:
    from claims import review

    frame = checked(store).set_index("phrase")
    figure = expand(str(frame.loc["half of the world's population", "statement"]))
    check = expand(str(frame.loc["half of the world's population", "check"]))
    made = review.rate(store, figure, "mostly-false", reviewer="Fact Checker", evidence=[check])
    assert made.evidence == (check,)
    again = checked(store).set_index("phrase").loc["half of the world's population"]
    assert (again.verdict, again.computed_verdict) == ("roughly_right", "roughly_right")


def test_checks_are_recomputed_on_reingestion_and_after_the_reference_tables_change(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = OxigraphStore(tmp_path / "kb")
    note = Document.from_text("The G7 holds 40 percent of the world's population.", id="g7-note",
                              date="2023-05-20", source="https://example.org/g7-note")
    claims.ingest([note], store, progress=False)
    assert list(checked(store).claimed.astype(float)) == [40.0]
    assert checked(store).verdict.iloc[0] == "inaccurate" and status(store).fresh
    # the reference tables changed: the checks are stale ...
    monkeypatch.setattr(checking, "reference_version", lambda: "other-tables")
    assert len(status(store).other_reference) == 1 and not status(store).fresh
    # ... until the article is re-ingested (its checks recomputed, not added) ...
    claims.ingest([note], store, progress=False, force=True)
    assert status(store).fresh and len(checked(store)) == 1
    # ... or the layer rebuilt
    monkeypatch.setattr(checking, "reference_version", lambda: "newer-tables")
    assert not status(store).fresh
    layers.rebuild(store, "check")
    assert status(store).fresh and len(checked(store)) == 1
    store.close()
