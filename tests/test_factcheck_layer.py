"""The fact-check match layer: statements matched at ingestion and at import, matches as PROV in
graphs of their own, an editor's rejection that survives re-ingestion and rebuilds."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import claims
from claims import factcheck, layers
from claims.factcheck import layer as matching
from claims.factcheck.graph import factcheck_iri
from claims.query import expand, select
from claims.store import MemoryStore, OxigraphStore, Store

pytestmark = pytest.mark.layers("factcheck")

UNIPOLAR = "https://checkers.example/2022/09/unipolar-world"
OTHER = "https://checkers.example/2022/01/melanin"


def _factchecks(tmp_path: Path) -> Path:
    """Two fact-checks written for this test: one checks a Putin quotation of the founding
    article, the other is about something else."""
    path = tmp_path / "checks.json"
    path.write_text(json.dumps([
        {"@context": "https://schema.org", "@type": "ClaimReview", "url": UNIPOLAR,
         "claimReviewed": "Attempts to create a unipolar world have acquired an ugly form, says Putin.",
         "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Vladimir Putin"},
                          "datePublished": "2022-09-15"},
         "author": {"@type": "Organization", "name": "Checkers", "url": "https://checkers.example"},
         "datePublished": "2022-09-20", "reviewRating": {"@type": "Rating", "alternateName": "Misleading"}},
        {"@context": "https://schema.org", "@type": "ClaimReview", "url": OTHER,
         "claimReviewed": "Melanin protects people against the coronavirus.",
         "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Facebook posts"}},
         "author": {"@type": "Organization", "name": "Checkers"},
         "reviewRating": {"@type": "Rating", "alternateName": "False"}}]))
    return path


@pytest.fixture(params=["memory", "oxigraph"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    made: Store = MemoryStore() if request.param == "memory" else OxigraphStore(tmp_path / "kb")
    yield made
    made.close()


def _putin(store: Store) -> str:
    frame = select(store, "quotations_by_speaker", speaker="Vladimir Putin")
    texts = dict(zip(frame["text"], frame["statement"], strict=True))
    return expand(str(next(v for k, v in texts.items() if k.startswith("Attempts to create"))))


def _matched(store: Store, statement: str) -> list[str]:
    return [str(u) for u in factcheck.views.matches_of(store, statement)["url"]]


def test_ingestion_after_import_matches_and_an_editor_rejection_sticks(
        store: Store, tmp_path: Path, founding_article: Path) -> None:
    order = list(layers.KNOWN)
    assert order.index("factcheck") > order.index("link")
    report = factcheck.import_paths(store, [_factchecks(tmp_path)])
    assert report.imported == 2 and report.stale == {}
    ingested = claims.ingest([founding_article], store, progress=False)
    assert ingested.ok and ingested.stale_layers == ()
    quote = _putin(store)
    assert _matched(store, quote) == [UNIPOLAR]
    rows = factcheck.views.matches_of(store, quote)
    assert rows["publisher"].iloc[0] == "Checkers" and rows["rating_text"].iloc[0] == "Misleading"
    assert 0.5 <= float(rows["score"].iloc[0]) <= 1 and rows["method"].iloc[0] == matching.METHOD
    # no other statement of the article is matched to either fact-check
    all_matches = store.query("PREFIX claims: <https://w3id.org/claims#> SELECT ?s WHERE "
                              "{ GRAPH ?g { ?m claims:matchOf ?s } }")
    assert [expand(str(r["s"])) for r in all_matches] == [quote]  # type: ignore[union-attr]
    # the provenance of the match: the activity, the article's hash, the matcher's version
    prov = select(store, """
        PREFIX claims: <https://w3id.org/claims#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX schema: <https://schema.org/>
        SELECT ?hash ?version WHERE { GRAPH ?g { ?m prov:wasGeneratedBy ?run . ?run claims:articleHash ?hash ;
          prov:wasAssociatedWith ?agent . ?agent schema:softwareVersion ?version } }""")
    assert set(prov["version"]) == {matching.VERSION} and len(set(prov["hash"])) == 1

    factcheck.reject(store, quote, str(factcheck_iri(UNIPOLAR)), reviewer="Ana", note="another speech")
    assert _matched(store, quote) == []
    claims.ingest([founding_article], store, progress=False, force=True)  # re-ingest
    assert _matched(store, quote) == []
    layers.rebuild(store, "factcheck")
    assert _matched(store, quote) == []
    factcheck.import_paths(store, [_factchecks(tmp_path)])  # re-import
    assert _matched(store, quote) == []
    factcheck.confirm(store, quote, str(factcheck_iri(UNIPOLAR)), reviewer="Ben")
    assert _matched(store, quote) == [UNIPOLAR]
    assert factcheck.views.matches_of(store, quote)["method"].iloc[0].startswith("editor: confirmed")


def test_import_after_ingestion_matches_the_stored_statements(
        store: Store, tmp_path: Path, founding_article: Path) -> None:
    claims.ingest([founding_article], store, progress=False)
    quote = _putin(store)
    assert _matched(store, quote) == []
    factcheck.import_paths(store, [_factchecks(tmp_path)])
    assert _matched(store, quote) == [UNIPOLAR]


def test_match_text_for_a_sentence_not_in_the_store(tmp_path: Path) -> None:
    store = MemoryStore()
    factcheck.import_paths(store, [_factchecks(tmp_path)])
    found = factcheck.match_text(store, "Is it true that melanin protects against the coronavirus?")
    assert found[0].doc == str(factcheck_iri(OTHER)) and found[0].rank == 1
    assert factcheck.match_text(store, "") == []


def test_without_the_layer_nothing_is_matched(tmp_path: Path, founding_article: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_LAYERS", "none")
    store = MemoryStore()
    factcheck.import_paths(store, [_factchecks(tmp_path)])
    claims.ingest([founding_article], store, progress=False)
    assert matching.match_graphs(store) == []


def test_cli_import_match_list_reject(tmp_path: Path, founding_article: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from claims.cli import cli

    monkeypatch.setenv("CLAIMS_STORE", str(tmp_path / "store"))
    runner = CliRunner()
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"url": "https://checkers.example/x", "claim": "no rating here"}\n')
    done = runner.invoke(cli, ["factchecks", "import", str(_factchecks(tmp_path)), str(bad)])
    assert done.exit_code == 0, done.output
    assert "imported 2 fact-checks" in done.output and "[no-factcheck-rating]" in done.output
    assert f"{bad} line 1" in done.output
    listed = runner.invoke(cli, ["factchecks", "list", "--rating", "mostly-false", "--format", "json"])
    assert [r["url"] for r in json.loads(listed.output)] == [UNIPOLAR]

    one = runner.invoke(cli, ["factchecks", "match", "--text", "Melanin protects against the coronavirus",
                              "--speaker", "Someone", "--date", "2020-03-01"])
    assert one.exit_code == 0, one.output
    first = one.output.splitlines()[0].split("\t")
    assert first[:3] == ["text", OTHER, "1"] and 0 <= float(first[3]) <= 1

    queries = tmp_path / "q.jsonl"
    queries.write_text('{"id": "q1", "text": "A unipolar world is unacceptable", "speaker": "Putin"}\n'
                       '{"id": "q2", "text": "melanin and the coronavirus"}\n')
    many = runner.invoke(cli, ["factchecks", "match", "--queries", str(queries)])
    rows = [line.split("\t") for line in many.output.splitlines()]
    assert [(r[0], r[1], r[2]) for r in rows if r[2] == "1"] == [("q1", UNIPOLAR, "1"), ("q2", OTHER, "1")]
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "no id"}\n')
    failed = runner.invoke(cli, ["factchecks", "match", "--queries", str(broken)])
    assert failed.exit_code == 1 and "[malformed-batch]" in failed.output

    assert runner.invoke(cli, ["ingest", str(founding_article)]).exit_code == 0
    listing = ["factchecks", "list", "--statements", "--format", "json"]
    matched = json.loads(runner.invoke(cli, listing).output)
    assert [r["url"] for r in matched] == [UNIPOLAR]
    statement = expand(matched[0]["statement"])
    rejected = runner.invoke(cli, ["factchecks", "reject", statement, str(factcheck_iri(UNIPOLAR)),
                                   "--reviewer", "Ana"])
    assert rejected.exit_code == 0, rejected.output
    after = runner.invoke(cli, listing).output
    assert json.loads(after) == []
