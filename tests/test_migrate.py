"""``claims migrate``: a model-1 knowledge base rewritten in the current model, reviews kept."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from claims import migrate, query
from claims.cli import cli
from claims.model import iris
from claims.store import MemoryStore, OxigraphStore, Store
from claims.vocab import SCHEMA
from graphs import named_graphs

sys.path.insert(0, str(Path(__file__).parent / "store"))
import samples

MODEL_1 = Path(__file__).parent / "data" / "model-1.trig"
LAVROV = iris.person_iri("Sergei Lavrov")


@pytest.fixture(params=["memory", "oxigraph"])
def old(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    store: Store = MemoryStore() if request.param == "memory" else OxigraphStore(tmp_path / "kb")
    store.load(MODEL_1.read_bytes(), format="trig")
    yield store
    store.close()


def test_model_1_graphs_are_rewritten_as_the_current_mapping_writes_them(old: Store) -> None:
    articles = sorted(str(g.identifier) for g in samples.graphs())
    assert migrate.pending(old) == articles
    reviews_before = named_graphs(old)[str(iris.reviews_graph_iri())]
    report = migrate.migrate(old, batch_size=2)
    assert (sorted(report.graphs), report.statements, report.people_moved) == (articles, 10, 1)
    assert migrate.pending(old) == []
    stored = named_graphs(old)
    for graph in samples.graphs():
        assert isomorphic(stored[str(graph.identifier)], graph)
    people = Graph()
    people += samples.entities()
    people.add((LAVROV, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), SCHEMA.Person))
    people.add((LAVROV, SCHEMA.name, Literal("Sergei Lavrov")))
    assert isomorphic(stored[str(iris.entities_graph_iri())], people)
    reviews = stored[str(iris.reviews_graph_iri())]
    assert set(reviews_before) - set(reviews) == {
        (LAVROV, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), SCHEMA.Person),
        (LAVROV, SCHEMA.name, Literal("Sergei Lavrov"))}  # the event itself is untouched
    assert not set(reviews) - set(reviews_before)


def test_reviews_still_find_their_statements_and_a_second_run_does_nothing(old: Store) -> None:
    migrate.migrate(old)
    status = query.select(old, "review_status")
    assert status[["verdict", "speaker", "corrected_speaker"]].values.tolist() == [
        ["misattributed", "Sergei Lavrov", "Sergei Lavrov"]]
    assert query.select(old, "orphaned_reviews").empty
    before = named_graphs(old)
    again = migrate.migrate(old)
    assert (again.graphs, again.statements, again.people_moved) == ((), 0, 0)
    after = named_graphs(old)
    assert after.keys() == before.keys() and all(isomorphic(after[k], before[k]) for k in before)


def test_cli_check_and_migrate(tmp_path: Path) -> None:
    path = tmp_path / "kb"
    with OxigraphStore(path) as store:
        store.load(MODEL_1.read_bytes(), format="trig")
    runner = CliRunner()
    env = {"CLAIMS_STORE": str(path)}
    assert runner.invoke(cli, ["migrate", "--check"], env=env).output == (
        "3 article graphs to migrate to model 2\n")
    done = runner.invoke(cli, ["migrate"], env=env)
    assert done.exit_code == 0, done.output
    assert done.output == "migrated 3 article graphs (10 statements) and 1 corrected speakers to model 2\n"
    assert runner.invoke(cli, ["migrate", "--check"], env=env).output == (
        "0 article graphs to migrate to model 2\n")
