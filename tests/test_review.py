"""Review events: every verdict kind, ratings, history, status, corrections, re-ingest, errors.

Inputs are built by hand (a Document and Statements through the RDF mapping), so these
tests do not depend on what the extractor finds.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from rdflib import Graph

from claims import review
from claims.document import Document
from claims.errors import ReviewError
from claims.model import iris
from claims.model.shapes import check
from claims.query import select, shorten
from claims.review import Rating, Verdict
from claims.statements import Kind, Quantity, Span, Speaker, Statement
from claims.store import MemoryStore, OxigraphStore, Store
from claims.store.base import Table
from graphs import write_graphs

TEXT = ('Putin said: "We agree on everything." Xi said the talks went well. '
        'The group has eight members.')
T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def article(text: str = TEXT) -> Document:
    return Document(id="a1", text=text, title="Summit", url="https://news.example/a1",
                    publisher="Example News", date="2024-04-30")


def statements(text: str = TEXT) -> list[Statement]:
    q_start = text.index("We agree")
    r_start = text.index("the talks")
    f_start = text.index("eight members")
    return [
        Statement(Kind.QUOTATION, "We agree on everything.", Span(q_start, q_start + 23),
                  speaker=Speaker("Vladimir Putin", mention="Putin", mention_span=Span(0, 5)),
                  cue="said", confidence=0.9),
        Statement(Kind.REPORTED_SPEECH, "the talks went well", Span(r_start, r_start + 19),
                  speaker=Speaker("Xi Jinping", mention="Xi",
                                  mention_span=Span(text.index("Xi"), text.index("Xi") + 2)),
                  cue="said", confidence=0.7),
        Statement(Kind.FIGURE, "eight members", Span(f_start, f_start + 13),
                  quantity=Quantity(8.0, kind="count"), confidence=0.8),
    ]


def statement_iri(doc: Document, st: Statement) -> str:
    return str(iris.statement_iri(doc.content_hash, st.kind, st.span))


@pytest.fixture(params=["memory", "oxigraph"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    kb: Store = MemoryStore() if request.param == "memory" else OxigraphStore(tmp_path / "kb")
    write_graphs(kb, [(article(), statements())])
    yield kb
    kb.close()


@pytest.fixture
def quote() -> str:
    return statement_iri(article(), statements()[0])


@pytest.fixture
def figure() -> str:
    return statement_iri(article(), statements()[2])


def named_graph(store: Store, name: str) -> Graph:
    graph = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
    assert isinstance(graph, Graph)
    return graph


def reviews_graph(store: Store) -> Graph:
    return named_graph(store, iris.reviews_graph_iri())


def reviews_conform(store: Store) -> bool:
    """The reviews graph against the shapes, read with the entities graph (corrected speakers)."""
    return check(reviews_graph(store), entities=named_graph(store, iris.entities_graph_iri())).conforms


CASES = [
    (Verdict.CONFIRMED, {}),
    (Verdict.MISATTRIBUTED, {"corrected_speaker": "Sergei Lavrov"}),
    (Verdict.MISQUOTED, {"corrected_text": "We agree on almost everything."}),
    (Verdict.NOT_A_QUOTATION, {}),
    (Verdict.UNVERIFIABLE, {}),
]


@pytest.mark.parametrize(("verdict", "fields"), CASES, ids=[c[0].value for c in CASES])
def test_every_verdict_kind_is_recorded_and_read_back(store: Store, quote: str, verdict: Verdict,
                                                      fields: dict[str, str]) -> None:
    event = review.record(store, quote, verdict.value, reviewer="Ana Editor", note="checked",
                          at=T0, **fields)
    [stored] = review.history(store, quote)
    assert stored == event
    assert stored.verdict is verdict
    assert stored.rating is None
    assert stored.reviewer == "Ana Editor"
    assert stored.note == "checked"
    assert stored.time == T0
    assert stored.corrected_speaker == fields.get("corrected_speaker")
    assert stored.corrected_text == fields.get("corrected_text")
    assert stored.supersedes is None
    assert reviews_conform(store)


def test_rating_keeps_own_wording_url_and_evidence(store: Store, figure: str) -> None:
    event = review.rate(store, figure, "mostly true", reviewer="Faye Checker",
                        rating_text="Half right", url="https://factcheck.example/sco",
                        evidence=["SCO charter, 2001", "sco.int member list"], at=T0)
    [stored] = review.history(store, figure)
    assert stored == event
    assert stored.rating is Rating.MOSTLY_TRUE
    assert stored.kind == "rating"
    assert stored.rating_text == "Half right"
    assert stored.fact_check_url == "https://factcheck.example/sco"
    assert stored.evidence == ("SCO charter, 2001", "sco.int member list")
    assert reviews_conform(store)


def test_history_in_order_and_status_after_superseding_events(store: Store, quote: str) -> None:
    first = review.record(store, quote, "confirmed", reviewer="Ana", at=T0)
    second = review.record(store, quote, "misquoted", reviewer="Bo",
                           corrected_text="We agree.", at=T0 + timedelta(minutes=1))
    rating = review.rate(store, quote, "false", reviewer="Cy", at=T0 + timedelta(minutes=2))
    third = review.record(store, quote, "unverifiable", reviewer="Dee",
                          at=T0 + timedelta(minutes=3))
    found = review.history(store, quote)
    assert [e.iri for e in found] == [first.iri, second.iri, rating.iri, third.iri]
    assert [e.supersedes for e in found] == [None, first.iri, None, second.iri]
    now = review.status(store, quote)
    assert now.verdict == third
    assert now.rating == rating
    assert now.corrected_speaker is None
    assert now.events == 4
    frame = select(store, "review_status")
    assert frame[["statement", "verdict", "reviewer", "rating", "rated_by"]].values.tolist() == [
        [shorten(quote), "unverifiable", "Dee", "false", "Cy"]]


def test_nothing_is_overwritten(store: Store, quote: str) -> None:
    review.record(store, quote, "confirmed", reviewer="Ana", note="first look", at=T0)
    before = reviews_graph(store)
    review.record(store, quote, "not a quotation", reviewer="Bo", at=T0 + timedelta(hours=1))
    after = reviews_graph(store)
    assert set(before) < set(after)
    assert [e.note for e in review.history(store, quote)] == ["first look", None]


def test_corrected_speaker_drives_quotations_by_speaker(store: Store, quote: str) -> None:
    before = select(store, "quotations_by_speaker", speaker="Vladimir Putin")
    assert before[["speaker", "status"]].values.tolist() == [["Vladimir Putin", None]]
    review.record(store, quote, "misattributed", reviewer="Ana",
                  corrected_speaker="Sergei Lavrov", at=T0)
    review.record(store, quote, "confirmed", reviewer="Bo", at=T0 + timedelta(minutes=5))
    assert select(store, "quotations_by_speaker", speaker="Vladimir Putin").empty
    lavrov = select(store, "quotations_by_speaker", speaker="Sergei Lavrov")
    assert lavrov[["speaker", "text", "status", "extracted_speaker"]].values.tolist() == [
        ["Sergei Lavrov", "We agree on everything.", "confirmed", "Vladimir Putin"]]
    # the extraction itself is untouched
    assert select(store, "article_statements")["speaker"].tolist()[0] == "Vladimir Putin"
    assert review.status(store, quote).corrected_speaker == "Sergei Lavrov"
    review.record(store, quote, "misattributed", reviewer="Cy",
                  corrected_speaker="Vladimir Putin", at=T0 + timedelta(minutes=9))
    assert select(store, "quotations_by_speaker")["speaker"].tolist() == ["Vladimir Putin"]


def test_queue_lists_unreviewed_quotations_and_reported_speech(store: Store, quote: str) -> None:
    doc, (q, r, _) = article(), statements()
    assert review.queue(store)["statement"].tolist() == [
        shorten(statement_iri(doc, q)), shorten(statement_iri(doc, r))]
    review.rate(store, quote, "true", reviewer="Cy", at=T0)  # a rating is not a verdict
    assert len(review.queue(store)) == 2
    review.record(store, quote, "confirmed", reviewer="Ana", at=T0)
    assert review.queue(store)["statement"].tolist() == [shorten(statement_iri(doc, r))]


def test_reviews_survive_reingest_and_vanished_statements_are_orphaned(store: Store) -> None:
    doc, sts = article(), statements()
    quote, reported = statement_iri(doc, sts[0]), statement_iri(doc, sts[1])
    kept = review.record(store, quote, "confirmed", reviewer="Ana", at=T0)
    lost = review.record(store, reported, "unverifiable", reviewer="Ana", at=T0)
    rated = review.rate(store, reported, "mixture", reviewer="Bo", at=T0 + timedelta(seconds=1))
    write_graphs(store, [(doc, sts)])  # the same article again: nothing changes
    assert review.history(store, quote) == (kept,)
    assert review.orphans(store) == ()
    write_graphs(store, [(doc, [sts[0], sts[2]])])  # a new extractor drops one
    assert review.history(store, quote) == (kept,)
    assert review.history(store, reported) == (lost, rated)
    assert review.orphans(store) == (lost, rated)
    assert review.status(store, reported).verdict == lost
    assert select(store, "orphaned_reviews")["event"].tolist() == [shorten(lost.iri),
                                                                    shorten(rated.iri)]
    with pytest.raises(review.UnknownStatement):
        review.record(store, reported, "confirmed", reviewer="Ana")


def test_reviews_live_in_their_own_graph(store: Store, quote: str) -> None:
    review.record(store, quote, "confirmed", reviewer="Ana")
    assert str(iris.reviews_graph_iri()) in store.graphs()
    table = store.query("PREFIX prov: <http://www.w3.org/ns/prov#> "
                        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?e prov:used ?s ; "
                        "prov:endedAtTime ?t } }")
    assert isinstance(table, Table)
    assert [str(row[0]) for row in table.rows] == [str(iris.reviews_graph_iri())]


def test_time_is_taken_automatically_in_utc(store: Store, quote: str) -> None:
    before = datetime.now(UTC)
    event = review.record(store, quote, "confirmed", reviewer="Ana")
    after = datetime.now(UTC)
    assert event.time.tzinfo == UTC
    assert before <= event.time <= after
    assert review.history(store, quote)[0].time == event.time


@pytest.mark.parametrize(("call", "code"), [
    (lambda s, q: review.record(s, q, "wrong", reviewer="Ana"), "unknown-verdict"),
    (lambda s, q: review.record(s, q, "confirmed", reviewer="  "), "no-reviewer"),
    (lambda s, q: review.record(s, "kb:statement/0000", "confirmed", reviewer="Ana"),
     "unknown-statement"),
    (lambda s, q: review.record(s, "not an iri", "confirmed", reviewer="Ana"),
     "unknown-statement"),
    (lambda s, q: review.record(s, q, "misattributed", reviewer="Ana"), "bad-correction"),
    (lambda s, q: review.record(s, q, "misquoted", reviewer="Ana"), "bad-correction"),
    (lambda s, q: review.record(s, q, "confirmed", reviewer="Ana", corrected_speaker="Xi"),
     "bad-correction"),
    (lambda s, q: review.rate(s, q, "pants on fire", reviewer="Ana"), "unknown-rating"),
    (lambda s, q: review.rate(s, q, "false", reviewer="Ana", url="javascript:x"), "bad-url"),
    (lambda s, q: review.record(s, q, "confirmed", reviewer="Ana", at=datetime(2024, 1, 1)),
     "bad-review"),
], ids=["verdict", "reviewer", "statement", "not-iri", "no-speaker", "no-text",
        "stray-speaker", "rating", "url", "naive-time"])
def test_bad_input_raises_coded_review_error_and_writes_nothing(store: Store, quote: str,
                                                                call: object, code: str) -> None:
    before = len(store)
    with pytest.raises(ReviewError) as info:
        call(store, quote)  # type: ignore[operator]
    assert info.value.code == code
    assert len(store) == before


def test_enums_match_the_ontology_schemes() -> None:
    from rdflib import URIRef
    from rdflib.namespace import SKOS

    from claims.config import ontology_dir

    onto = Graph().parse(ontology_dir() / "claims.ttl")
    for enum, scheme in ((Verdict, "Verdicts"), (Rating, "Ratings")):
        concepts = set(onto.subjects(SKOS.inScheme, URIRef(f"https://w3id.org/claims#{scheme}")))
        assert concepts == {member.iri for member in enum}
        for member in enum:
            assert str(onto.value(member.iri, SKOS.notation)) == member.value
    assert [r.value_of_5 for r in Rating] == [5, 4, 3, 2, 1, None]


def test_cli_review_list_record_rate_history(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from claims.cli import cli

    path = tmp_path / "kb"
    with OxigraphStore(path) as kb:
        write_graphs(kb, [(article(), statements())])
    quote = shorten(statement_iri(article(), statements()[0]))
    env = {"CLAIMS_STORE": str(path), "CLAIMS_REVIEWER": "Ana"}
    runner = CliRunner()

    def claims(*args: str) -> str:
        result = runner.invoke(cli, list(args), env=env)
        assert result.exit_code == 0, result.output
        return result.output

    assert claims("review", "list", "--format", "csv").splitlines()[1].startswith(quote + ",")
    listed = json.loads(claims("review", "list", "--format", "json"))
    for kind, curie in (("quotation", "claims:Quotation"), ("reported_speech", "claims:ReportedSpeech")):
        only = json.loads(claims("review", "list", "--kind", kind, "--format", "json"))
        assert only == [r for r in listed if r["kind"] == curie] and only
    speakers = {r["speaker"]: r["statements"]
                for r in json.loads(claims("query", "speakers", "--format", "json"))}
    claims("review", "record", quote, "misattributed", "--speaker", "Sergei Lavrov",
           "--note", "video")
    corrected = {r["speaker"]: r["statements"]
                 for r in json.loads(claims("query", "speakers", "--format", "json"))}
    [(old, _)] = [(k, n) for k, n in speakers.items() if corrected.get(k, 0) == n - 1]
    assert corrected == {**{k: n for k, n in speakers.items() if k != old or n > 1},
                         **({old: speakers[old] - 1} if speakers[old] > 1 else {}),
                         "Sergei Lavrov": 1}  # the correction wins in the speakers query
    claims("review", "rate", quote, "mostly-false", "-r", "Faye", "--wording", "Misleading",
           "--url", "https://factcheck.example/1", "-e", "transcript")
    rows = json.loads(claims("review", "history", quote, "--format", "json"))
    assert [(r["reviewer"], r["verdict"], r["rating"], r["corrected_speaker"]) for r in rows] == [
        ("Ana", "misattributed", None, "Sergei Lavrov"), ("Faye", None, "mostly-false", None)]
    as_csv = list(csv.DictReader(io.StringIO(claims("review", "history", quote, "--format", "csv"))))
    assert [r["time"] for r in as_csv] == [r["time"] for r in rows]  # times written alike
    status = json.loads(claims("review", "list", "--reviewed", "--format", "json"))
    assert [(r["statement"], r["speaker"], r["rating_text"]) for r in status] == [
        (quote, "Sergei Lavrov", "Misleading")]
    assert claims("review", "list", "--orphaned") == "(no rows)\n"
    bad = runner.invoke(cli, ["review", "record", "kb:statement/0", "confirmed"], env=env)
    assert bad.exit_code == 1
    assert "[unknown-statement]" in bad.output
    exported = json.loads(claims("export", "--format", "claimreview", "--since", "2000-01-01"))
    assert [r["reviewRating"]["alternateName"] for r in exported["@graph"]] == ["Misleading"]
