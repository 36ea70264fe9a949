"""End to end on the founding article: read, extract, model, store, validate, query."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

import claims
from claims.model.iris import entities_graph_iri
from claims.model.shapes import check
from claims.store import Store, open_store
from claims.store.base import Table

INJECTION = 'Putin" } ; DROP ALL ; #'

EXPECTED_QUOTES = {
    ("Vladimir Putin", "balanced"),
    ("Vladimir Putin", "Attempts to create a unipolar world have recently acquired an absolutely "
                       "ugly form and are completely unacceptable."),
    ("Vladimir Putin", "positively."),
    ("Ebrahim Raisi", "The relationship between countries that are sanctioned by the US, such as "
                      "Iran, Russia or other countries, can overcome many problems and issues and "
                      "make them stronger,"),
    ("Ebrahim Raisi", "The Americans think whichever country they impose sanctions on, it will be "
                      "stopped, their perception is a wrong one,"),
    ("Yuri Ushakov", "The SCO offers a real alternative to Western-centric organizations,"),
    ("Yuri Ushakov", "All members of the SCO stand for a just world order,"),
    ("Yuri Ushakov", "against the background of large-scale geopolitical changes."),
}


@pytest.fixture(params=["memory", "oxigraph"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with open_store("memory:" if request.param == "memory" else str(tmp_path / "store")) as s:
        yield s


@pytest.fixture
def seeded(store: Store, founding_article: Path) -> Store:
    report = claims.ingest([founding_article], store)
    assert report.ok, report.failures
    return store


def _quads(store: Store) -> Dataset:
    dataset = Dataset()
    dataset.parse(data=store.dump(format="nquads"), format="nquads")
    return dataset


def test_quotations_with_speakers(seeded: Store) -> None:
    frame = claims.select(seeded, "quotations_by_speaker")
    found = set(zip(frame.speaker, frame.text, strict=True))
    assert found >= EXPECTED_QUOTES
    small = frame[frame.speaker == "Andrew Small"].text.tolist()
    assert len(small) == 1 and small[0].startswith("It means [Xi] can put on this strong show")
    assert set(frame.outlet) == {"NewsClick"}
    assert set(frame.title) == {"Xi and Putin Meet in Uzbekistan for Security Summit"}


def test_one_speaker_binding(seeded: Store) -> None:
    frame = claims.select(seeded, "quotations_by_speaker", speaker="Yuri Ushakov")
    assert len(frame) == 3 and set(frame.speaker) == {"Yuri Ushakov"}


def test_figures_stored_with_values(seeded: Store) -> None:
    frame = claims.select(seeded, "figures")
    half = frame[frame.text.str.contains("half of the world")]
    assert len(half) == 1
    assert half.iloc[0].value == 0.5 and half.iloc[0].quantity_kind == "proportion"
    eight = frame[frame.text.str.contains("eight-nation")]
    assert eight.iloc[0].value == 8
    assert {"2001", "2019", "2020"} <= {t for t in frame.text if t.isdigit()} | {
        t[-4:] for t in frame.text}


def test_every_stored_span_is_exact(seeded: Store, founding_article: Path) -> None:
    doc = next(claims.read(founding_article))
    assert isinstance(doc, claims.Document)
    statements = claims.analyse(doc, validate=False).statements
    said = {(st.speaker.mention_span.start, st.speaker.mention_span.end, st.speaker.mention)
            for st in statements if st.speaker and st.speaker.mention_span}
    table = seeded.query("""
        PREFIX claims: <https://w3id.org/claims#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX schema: <https://schema.org/>
        SELECT ?text ?start ?end ?mention_start ?mention_end ?body WHERE { GRAPH ?g {
          ?s schema:text ?text ; claims:start ?start ; claims:end ?end ; prov:wasDerivedFrom ?a .
          ?a schema:articleBody ?body .
          OPTIONAL { ?s claims:mentionStart ?mention_start ; claims:mentionEnd ?mention_end } } }""")
    assert isinstance(table, Table) and len(table) == len(statements) > 0
    stored = set()
    for text, start, end, mention_start, mention_end, body in table.rows:
        assert str(body)[int(start):int(end)] == str(text)  # type: ignore[call-overload]
        if mention_start is not None:
            at, to = int(mention_start), int(mention_end)  # type: ignore[call-overload]
            stored.add((at, to, str(body)[at:to]))
    assert stored == said
    assert {"Putin", "Raisi", "Yuri Ushakov", "Small", "he"} <= {mention for *_, mention in said}


def test_store_conforms_to_shapes(seeded: Store) -> None:
    entities = seeded.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{entities_graph_iri()}> "
                            "{ ?s ?p ?o } }")
    assert isinstance(entities, Graph) and len(entities) > 10
    for name in seeded.graphs():
        graph = seeded.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
        assert isinstance(graph, Graph)
        report = check(graph, entities=entities)
        assert report.conforms, report.text


def test_reingest_is_idempotent(seeded: Store, founding_article: Path) -> None:
    before = _quads(seeded)
    claims.ingest([founding_article], seeded)
    after = _quads(seeded)
    assert len(seeded.graphs()) == 2  # the article's, and the entities it names
    for graph in before.graphs():
        assert isomorphic(graph, after.graph(graph.identifier))
    assert len(before) == len(after)


def test_people_are_one_node_across_articles(store: Store, founding_article: Path) -> None:
    other = claims.from_text('Russian President Vladimir Putin said: "We will see."\n\n'
                             '"It is fine," Putin said.', id="other", publisher="TASS")
    claims.ingest([founding_article, other], store)
    frame = claims.select(store, "speakers")
    putin = frame[frame.speaker == "Vladimir Putin"]
    assert len(putin) == 1 and putin.iloc[0].articles == 2


def test_injection_is_only_a_literal(seeded: Store) -> None:
    before = len(seeded)
    assert claims.select(seeded, "quotations_by_speaker", speaker=INJECTION).empty
    assert len(seeded) == before


def test_bad_input_leaves_the_store_as_it_was(seeded: Store, tmp_path: Path) -> None:
    before = _quads(seeded)
    empty, binary = tmp_path / "empty.txt", tmp_path / "binary.txt"
    empty.write_bytes(b"")
    binary.write_bytes(b"\x00\x01\x02" * 100)
    report = claims.ingest([empty, binary], seeded)
    assert [f.code for f in report.failures] == ["empty-input", "binary-input"]
    assert not report.analyses
    assert len(_quads(seeded)) == len(before)


def test_boilerplate_yields_no_statements(seeded: Store) -> None:
    frame = claims.select(seeded, "article_statements")
    for junk in ("Telegram", "Subscribe", "Skip to main", "INDEPENDENT"):
        assert not frame.text.str.contains(junk).any()
    assert not frame.duplicated(["kind", "start", "end"]).any()  # the doubled standfirst: once
