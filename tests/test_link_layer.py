"""The speaker-link layer: links written with each ingest, one node per person with dated
positions, editors' decisions winning everywhere (queries, counts, the index), rebuilds,
and staleness that a rebuild fixes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from rdflib import URIRef

import claims
from claims import layers
from claims.cli import cli
from claims.index import Filters, StatementIndex
from claims.link import layer as linking
from claims.link import quotations_by_office, relink, status, unlink, views
from claims.model.shapes import check
from claims.query import expand, select
from claims.store import MemoryStore, OxigraphStore, Store
from claims.store.base import Table

pytestmark = pytest.mark.layers("link")


@pytest.fixture(params=["memory", "oxigraph"])
def store(request: pytest.FixtureRequest, tmp_path: Path, founding_article: Path) -> Iterator[Store]:
    made: Store = MemoryStore() if request.param == "memory" else OxigraphStore(tmp_path / "kb")
    report = claims.ingest([founding_article], made, progress=False)
    assert report.ok and report.stale_layers == ()
    yield made
    made.close()


def _putin_quote(store: Store) -> str:
    frame = select(store, "quotations_by_speaker", speaker="Vladimir Putin")
    return expand(str(frame["statement"].iloc[0]))


def _linked(store: Store, statement: str) -> str | None:
    rows = views.link_of(store, statement)
    item = rows["item"].iloc[0] if len(rows) else None
    return str(item).rsplit(":", 1)[-1] if isinstance(item, str) else None


def test_ingestion_links_the_founding_article_speakers_with_their_offices(store: Store) -> None:
    speakers = select(store, "speakers").set_index("speaker")
    assert speakers.loc["Vladimir Putin", "qid"] == "Q7747"
    assert speakers.loc["Ebrahim Raisi", "qid"] == "Q5947347"
    assert speakers.loc["Yuri Ushakov", "qid"] == "Q4479563"
    assert pd.isna(speakers.loc["Andrew Small", "qid"])
    offices = select(store, "speakers_offices")
    putin = offices[offices.qid == "Q7747"]
    assert "President of Russia" in set(putin.title) and set(putin.statements) == {5}
    assert offices[offices.qid == "Q4479563"].title.isna().all()  # no office in the tables that day
    unlinked = select(store, "speakers_unlinked").set_index("speaker")
    assert unlinked.loc["Andrew Small", "method"] == "not in the tables"
    described = select(store, "speakers_wikidata").set_index("qid")
    assert "President of Russia (RUS, 2012–)" in described.loc["Q7747", "description"]
    # one node per person across articles, with dated positions
    person = linking.person_iri("Q7747")
    assert str(linking.person_graph_iri("Q7747")) in store.graphs()
    starts = select(store, f"""PREFIX claims: <https://w3id.org/claims#> PREFIX schema: <https://schema.org/>
        SELECT ?start WHERE {{ GRAPH ?g {{ <{person}> claims:heldPosition ?p . ?p schema:roleName
        "President of Russia" ; schema:startDate ?start }} }}""")
    assert [str(s) for s in starts["start"]] == ["2012"]


def test_quotations_by_office_country_and_group(store: Store) -> None:
    iranian = quotations_by_office(store, office="^president", country="IRN")
    assert set(iranian.speaker) == {"Ebrahim Raisi"} and len(iranian) >= 2
    presidents = quotations_by_office(store, office="president of")
    assert set(presidents.speaker) == {"Vladimir Putin", "Ebrahim Raisi"}
    sco = quotations_by_office(store, group="SCO")  # Iran joined the SCO in 2023: not on 2022-09-15
    assert set(sco.speaker) == {"Vladimir Putin"}
    assert quotations_by_office(store, country="USA").empty


def test_a_corrected_speaker_does_not_keep_the_link_made_for_the_extracted_one(
        store: Store) -> None:
    quote = _putin_quote(store)
    claims.review.record(store, quote, "misattributed", reviewer="Ana",
                         corrected_speaker="Xi Jinping")
    counts = select(store, "speakers")
    xi = counts[counts.speaker == "Xi Jinping"]
    assert len(xi) == 1 and xi["qid"].iloc[0] != "Q7747"
    assert set(counts[counts.speaker == "Vladimir Putin"]["qid"]) == {"Q7747"}
    relink(store, quote, "Q15031", reviewer="Ana")  # an editor's link wins over both
    counts = select(store, "speakers")
    assert counts[counts.speaker == "Xi Jinping"]["qid"].tolist() == ["Q15031"]


def test_editors_relink_and_unlink_win_everywhere_and_survive_rebuilds(store: Store) -> None:
    quote = _putin_quote(store)
    relink(store, quote, "Q15031", reviewer="Ana", note="wrong speaker")
    assert _linked(store, quote) == "Q15031"
    counts = select(store, "speakers")
    putin = counts[counts.speaker == "Vladimir Putin"].set_index("qid")["statements"]
    assert putin.to_dict() == {"Q7747": 4, "Q15031": 1}  # the relinked statement counts apart
    layers.rebuild(store, "link")
    assert _linked(store, quote) == "Q15031"
    claims.ingest([Path("kb/articles/sco-summit-samarkand.txt")], store, force=True, progress=False)
    assert _linked(store, quote) == "Q15031"  # a correction never comes back undone
    relink(store, quote, "Q99999999", reviewer="Ben")  # someone the tables lack
    assert _linked(store, quote) == "Q99999999"
    person = str(linking.person_graph_iri("Q99999999"))
    graph = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{person}> {{ ?s ?p ?o }} }}")
    assert not isinstance(graph, Table | bool) and check(graph).conforms
    unlink(store, quote, reviewer="Ben")
    assert _linked(store, quote) is None
    assert views.link_of(store, quote)["method"].iloc[0] == "editor: unlinked"
    assert "Vladimir Putin" in set(select(store, "speakers_unlinked").speaker)


def test_reingesting_is_idempotent_and_status_finds_stale_links(store: Store) -> None:
    before = {g: len(select(store, f"SELECT * WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}"))
              for g in store.graphs()}
    claims.ingest([Path("kb/articles/sco-summit-samarkand.txt")], store, force=True, progress=False)
    after = {g: len(select(store, f"SELECT * WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}"))
             for g in store.graphs()}
    assert before == after
    assert status(store).fresh
    link_graph = next(g for g in store.graphs() if "/graph/link/" in g and "/person/" not in g)
    store.remove_graph(link_graph)  # as a crash between the article write and the layer's would
    found = status(store)
    assert not found.fresh and len(found.missing) == 1
    layers.rebuild(store, "link")
    assert status(store).fresh


def test_an_ingest_without_the_layer_leaves_it_stale_until_rebuilt(monkeypatch: pytest.MonkeyPatch,
                                                                   founding_article: Path) -> None:
    monkeypatch.setenv("CLAIMS_LAYERS", "none")
    store = MemoryStore()
    claims.ingest([founding_article], store, progress=False)
    assert status(store).missing and not select(store, "speakers_offices").shape[0]
    layers.rebuild(store, "link")
    assert status(store).fresh and len(select(store, "speakers_offices"))


def test_the_index_facets_and_the_speaker_section(tmp_path: Path, founding_article: Path) -> None:
    store = OxigraphStore(tmp_path / "kb")
    try:
        index = StatementIndex.open(store)
        claims.ingest([founding_article], store, progress=False)
        quote = _putin_quote(store)
        short = f"kb:{quote.rsplit('/kb/', 1)[-1]}"
        assert index.facets_of([short])[short]["wikidata"] == ["Q7747"]
        assert "President of Russia" in index.facets_of([short])[short]["office"]
        assert index.count(Filters(facets=(("country", "Iran"),))) >= 2
        relink(store, quote, "Q15031", reviewer="Ana")
        assert index.facets_of([short])[short]["wikidata"] == ["Q15031"]
        html = views.speaker_section(type("Chosen", (), {"store": store, "iri": quote})())  # type: ignore[arg-type]
        assert "https://www.wikidata.org/wiki/Q15031" in (html or "")
        assert "The linker had said" in (html or "") and "Q7747" in (html or "")
        index.close()
    finally:
        store.close()


def test_the_link_command(tmp_path: Path, founding_article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_STORE", str(tmp_path / "store"))
    runner = CliRunner()
    mentions = tmp_path / "m.jsonl"
    mentions.write_text('{"id": "1", "mention": "Putin", "context": "", "date": "2022-09-15"}\n'
                        '{"id": "2", "mention": "a senior official", "context": "", "date": "2022-09-15"}\n',
                        encoding="utf-8")
    out = runner.invoke(cli, ["link", "--mentions", str(mentions)])
    assert out.exit_code == 0, out.output
    assert out.output.splitlines() == ["1\tQ7747\tsurname + date\t0.75", "2\t\tnot a person\t0.00"]
    assert runner.invoke(cli, ["ingest", str(founding_article)]).exit_code == 0
    with claims.open_store(str(tmp_path / "store")) as store:
        quote = _putin_quote(store)
    done = runner.invoke(cli, ["link", "relink", quote, "Q15031", "-r", "Ana"])
    assert done.exit_code == 0 and "relinked" in done.output, done.output
    shown = runner.invoke(cli, ["link", "show", quote, "--format", "csv"])
    assert "editor: relinked" in shown.output and "Q15031" in shown.output
    assert runner.invoke(cli, ["link", "unlink", quote, "-r", "Ana"]).exit_code == 0
    assert "missing 0" in runner.invoke(cli, ["link", "status"]).output
    bad = runner.invoke(cli, ["link", "relink", quote, "Putin", "-r", "Ana"])
    assert bad.exit_code == 1 and "not a Wikidata QID" in bad.output
    assert runner.invoke(cli, ["link", "rebuild"]).exit_code == 0


def test_linked_iris_are_minted_from_the_base() -> None:
    assert linking.link_iri("https://w3id.org/claims/kb/statement/abc") == URIRef(
        "https://w3id.org/claims/kb/link/abc")
