"""The claim-tracking layer: claims written with each ingest, misquote flags with their word
changes, editors' decisions surviving re-ingestion and rebuilds, stable IRIs, syndication
and independent sources (the founding article credits DW)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import URIRef

import claims
from claims import track
from claims.cli import cli
from claims.document import Document
from claims.extensions import Selected
from claims.query import expand, select
from claims.reader import read
from claims.store import MemoryStore, OxigraphStore, Store
from claims.track import views

pytestmark = pytest.mark.layers("track")

BRIDGE = "We are going to rebuild every bridge in this state, and we will do it before the winter comes"
SCHOOL = "Every school in this county will get a new roof and new windows by the end of next year"


def _doc(id: str, body: str, outlet: str, date: str) -> Document:
    return Document(id=id, text=body, publisher=outlet, date=date)


DOCS = [
    _doc("a", f'Governor Ana Lopez said on Monday: "{BRIDGE}." She spoke in Columbus.', "Daily A",
         "2024-01-02"),
    _doc("b", f'"{BRIDGE.replace("before", "after")}," Ana Lopez told reporters on Tuesday.',
         "Daily B", "2024-01-03"),
    _doc("c", 'Lopez said she was "going to rebuild every bridge in this state." Critics disagreed.',
         "Daily C", "2024-01-04"),
    _doc("d", f'Mayor Ben Okafor said: "{SCHOOL}." The council will vote on it.', "Daily A", "2024-01-05"),
]


@pytest.fixture(params=["memory", "oxigraph"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    made: Store = MemoryStore() if request.param == "memory" else OxigraphStore(tmp_path / "kb")
    report = claims.ingest(DOCS, made, progress=False)
    assert report.ok and report.stale_layers == ()
    yield made
    made.close()


def _bridge(store: Store) -> tuple[str, dict[str, dict[str, object]]]:
    reports = select(store, "first_reports")
    assert len(reports) == 1  # the mayor's quotation is reported once: no claim
    claim = expand(str(reports["claim"].iloc[0]))
    rows = track.members(store, claim).to_dict("records")
    return claim, {str(r["outlet"]): r for r in rows}


def test_one_claim_for_the_same_quotation_in_three_outlets(store: Store) -> None:
    claim, by_outlet = _bridge(store)
    head = track.show(store, claim).iloc[0]
    assert (head["members"], head["outlets"], head["independent"]) == (3, 3, 3)
    assert (str(head["first_seen"]), head["first_outlet"]) == ("2024-01-02", "Daily A")
    assert head["canonical"].startswith("We are going to rebuild every bridge")
    assert {o: r["wording"] for o, r in by_outlet.items()} == {
        "Daily A": "exact", "Daily B": "misquote", "Daily C": "truncated"}
    assert by_outlet["Daily B"]["misquote"] is True and by_outlet["Daily B"]["status"] == "flagged"
    changes = track.variants(store, claim)
    assert changes[["change", "canonical_words", "member_words"]].values.tolist() == [
        ["replaced", "before", "after"]]
    misquotes = select(store, "misquotes")
    assert misquotes["changes"].tolist() == ["replaced: before -> after"]


def test_reingesting_is_idempotent_and_keeps_iris(store: Store) -> None:
    claim, _ = _bridge(store)
    graphs = sorted(g for g in store.graphs() if "/graph/track/" in g)
    claims.ingest(DOCS, store, progress=False, force=True)
    assert _bridge(store)[0] == claim
    assert sorted(g for g in store.graphs() if "/graph/track/" in g) == graphs
    assert len(track.members(store, claim)) == 3


def test_a_dismissed_flag_survives_reingestion_and_rebuild(store: Store) -> None:
    claim, by_outlet = _bridge(store)
    statement = str(by_outlet["Daily B"]["statement"])
    track.dismiss_misquote(store, statement, reviewer="Ed", note="same sense")
    for redo in (lambda: claims.ingest(DOCS, store, progress=False, force=True),
                 lambda: track.LAYER.rebuild(store)):
        redo()
        row = _bridge(store)[1]["Daily B"]
        assert (row["misquote"], row["status"]) == (False, "dismissed")
        assert select(store, "misquotes").empty
    assert _bridge(store)[0] == claim


def test_split_and_merge_survive_rebuild_and_old_iris_point_on(store: Store) -> None:
    claim, by_outlet = _bridge(store)
    track.split(store, str(by_outlet["Daily C"]["statement"]), reviewer="Ed")
    assert set(_bridge(store)[1]) == {"Daily A", "Daily B"}
    assert track.claim_of(store, str(by_outlet["Daily C"]["statement"])) is None
    track.LAYER.rebuild(store)
    assert _bridge(store)[0] == claim and set(_bridge(store)[1]) == {"Daily A", "Daily B"}
    # the mayor's quotation has no claim of its own: an editor merges it (a made-up case)
    mayor = select(store, "quotations_by_speaker", speaker="Ben Okafor")["statement"].iloc[0]
    lone = track.claim_iri(expand(str(mayor)))
    track.merge(store, lone, claim, reviewer="Ed")
    assert views.resolve(store, lone) == claim
    assert len(track.members(store, lone)) == 3  # followed to the claim it joined
    track.LAYER.rebuild(store)
    assert len(track.members(store, claim)) == 3 and views.resolve(store, lone) == claim


def test_a_bridging_quotation_merges_two_claims_and_the_old_iri_points_to_the_new(
        store: Store) -> None:
    first = "The new plant will open in March and it will employ four hundred people"
    second = "pay them well above the state average for every single year of the contract"
    whole = f"{first} from the valley and {second}"
    claims.ingest([_doc("e", f'Ana Lopez said: "{first}."', "Daily A", "2024-02-01"),
                   _doc("f", f'Ana Lopez said: "{first}".', "Daily B", "2024-02-01"),
                   _doc("g", f'Ana Lopez said: "{second}."', "Daily C", "2024-02-02"),
                   _doc("h", f'Ana Lopez said: "{second}".', "Daily D", "2024-02-02")],
                  store, progress=False)
    before = {expand(str(c)) for c in select(store, "first_reports")["claim"]}
    assert len(before) == 3
    claims.ingest([_doc("i", f'Ana Lopez said: "{whole}."', "Daily E", "2024-02-03")],
                  store, progress=False)
    after = {expand(str(c)) for c in select(store, "first_reports")["claim"]}
    assert len(after) == 2 and len(after - before) == 0
    gone = (before - after).pop()
    kept = views.resolve(store, gone)
    assert kept in after and len(track.members(store, kept)) == 5


def test_the_founding_article_is_a_copy_of_dws_report(tmp_path: Path, founding_article: Path) -> None:
    store = MemoryStore()
    copy = next(d for d in read(founding_article) if isinstance(d, Document))
    assert copy.derived_from == "DW"
    # DW's own report, as if it were in the knowledge base: the same text a day earlier
    original = replace(copy, id="dw", publisher="DW", derived_from=None, url=None, date="2022-09-14",
                       text=copy.text + "\n", content_hash="")
    assert claims.ingest([copy, original], store, progress=False).ok
    syndicated = select(store, "syndicated")
    row = syndicated[syndicated["credited"] == "DW"].iloc[0]
    assert expand(str(row["original"])).endswith("/article/" + original.content_hash[:20])
    assert row["method"] == "near-identical body" and float(row["containment"]) > 0.9
    heads = select(store, "first_reports")
    assert len(heads) > 0
    assert set(heads["outlets"]) == {2} and set(heads["independent"]) == {1}


def test_the_credit_line_alone_counts_the_credited_outlet(founding_article: Path) -> None:
    store = MemoryStore()
    assert claims.ingest([founding_article], store, progress=False).ok
    syndicated = select(store, "syndicated")
    assert syndicated[["credited", "method"]].values.tolist() == [["DW", "credit line"]]


def test_the_provenance_section_highlights_the_misquote(store: Store) -> None:
    _, by_outlet = _bridge(store)
    statement = expand(str(by_outlet["Daily B"]["statement"]))
    html = views.claim_section(Selected(statement, None, store, None))  # type: ignore[arg-type]
    assert html is not None
    assert "Reported by 3 outlets (3 independent), first seen 2024-01-02 in Daily A" in html
    assert "<del>before</del> <ins>after</ins>" in html and "misquote" in html


def test_the_dismiss_button_clears_the_flag_through_a_decision(store: Store) -> None:
    import ipywidgets as W

    from claims import decisions

    _, by_outlet = _bridge(store)
    statement = expand(str(by_outlet["Daily B"]["statement"]))
    box = views.claim_widget(Selected(statement, None, store, None))  # type: ignore[arg-type]
    assert isinstance(box, W.VBox)
    body, buttons, reviewer, message = box.children
    assert "<del>before</del> <ins>after</ins>" in body.value and "claims-misquote" in body.value
    [button] = buttons.children
    assert "Daily B" in button.description
    reviewer.value = ""
    button.click()  # no reviewer: a coded error shows, nothing is decided
    assert "empty reviewer" in message.value
    assert decisions.current(store, track.MISQUOTE) == {}
    reviewer.value = "Ed Itor"
    button.click()
    [made] = decisions.current(store, track.MISQUOTE).values()
    assert (made.value, made.reviewer) == ("dismissed", "Ed Itor")
    assert "flag dismissed" in body.value and "claims-misquote'" not in body.value
    assert buttons.children == ()  # nothing flagged is left to dismiss
    assert select(store, "misquotes").empty


def test_cli_show_misquotes_and_rebuild(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kb = tmp_path / "kb"
    with OxigraphStore(kb) as made:
        claims.ingest(DOCS, made, progress=False)
        claim = expand(str(select(made, "first_reports")["claim"].iloc[0]))
    runner = CliRunner()
    monkeypatch.setenv("CLAIMS_STORE", str(kb))
    shown = runner.invoke(cli, ["track", "show", claim])
    assert shown.exit_code == 0, shown.output
    assert "Daily B" in shown.output and "misquote" in shown.output
    wrong = runner.invoke(cli, ["track", "misquotes", "--format", "csv"])
    assert wrong.exit_code == 0 and "replaced: before -> after" in wrong.output
    statement = wrong.output.splitlines()[1].split(",")[1]
    dismissed = runner.invoke(cli, ["track", "dismiss", statement, "-r", "Ed"])
    assert dismissed.exit_code == 0, dismissed.output
    rebuilt = runner.invoke(cli, ["track", "rebuild"])
    assert rebuilt.exit_code == 0 and "1 claims" in rebuilt.output
    assert "(no rows)" in runner.invoke(cli, ["track", "misquotes"]).output
    with OxigraphStore(kb) as made:
        assert track.claim_of(made, expand(statement)) == claim
        assert select(made, "top_claims", since="2024-01-01")["claim"].map(expand).tolist() == [claim]
    assert URIRef(claim)


def test_reported_speech_carrying_the_words_joins_the_claim_and_is_never_a_misquote() -> None:
    said = 'Governor Ana Lopez said on Monday that they were going to {} before the winter comes.'
    docs = [DOCS[0],
            _doc("r", said.format("rebuild every bridge in this state") + " Critics disagreed.",
                 "Daily R", "2024-01-03"),
            _doc("x", said.format("rebuild every road in this state") + " Critics disagreed.",
                 "Daily X", "2024-01-03")]
    store = MemoryStore()
    assert claims.ingest(docs, store, progress=False).ok
    members = select(store, "claim_members")
    assert sorted(members["outlet"]) == ["Daily A", "Daily R"]  # "every road": other words
    reported = members.set_index("outlet").loc["Daily R"]
    assert (reported["wording"], str(reported["misquote"]).lower()) == ("reported", "false")
    assert str(reported["canonical"]).startswith("We are going to rebuild every bridge")
    assert select(store, "misquotes").empty
    track.LAYER.rebuild(store)  # the same claim from the store
    again = select(store, "claim_members")
    assert sorted(zip(again["outlet"], again["wording"], strict=True)) == [
        ("Daily A", "exact"), ("Daily R", "reported")]
