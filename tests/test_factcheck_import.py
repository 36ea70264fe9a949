"""Importing published fact-checks: the real ClaimReview samples field by field, the Fact Check
Tools and vclaims forms, coded errors per bad record, idempotent re-import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.errors import (
    MalformedFactCheck,
    MissingFactCheckRating,
    NotAClaimReview,
    UnreadableFactChecks,
)
from claims.factcheck import import_paths, read_path
from claims.factcheck.graph import factcheck_iri, source_graph_iri
from claims.factcheck.ratings import normalise
from claims.factcheck.records import parse_date
from claims.store import MemoryStore
from claims.store.oxigraph import OxigraphStore


@pytest.fixture
def samples(shared_dir: Path) -> Path:
    return shared_dir / "factcheck" / "claimreview_samples"


def _one(path: Path):  # type: ignore[no-untyped-def]
    facts, errors = read_path(path)
    assert errors == []
    assert len(facts) == 1
    return facts[0]


def test_politifact_melanin(samples: Path) -> None:
    fc = _one(samples / "politifact_2020-03-10_melanin-coronavirus.json")
    assert fc.url == ("https://www.politifact.com/factchecks/2020/mar/10/facebook-posts/"
                      "melanin-doesnt-protect-against-coronavirus/")
    assert fc.claim == "“People Of Color May Be Immune To The Coronavirus Because Of Melanin."
    assert (fc.publisher, fc.publisher_url, fc.source) == ("PolitiFact", "http://www.politifact.com",
                                                           "politifact.com")
    assert fc.claimant == "Facebook posts"
    assert (fc.claim_date, fc.review_date) == ("2020-02-23", "2020-03-11")  # non-ISO dates
    # a string ratingValue on a scale whose label says False: the label decides
    assert (fc.rating_text, fc.rating, fc.rating_value, fc.best_rating) == ("False", "false", 4.0, 9.0)
    assert fc.language is None and fc.appearances == ()


def test_politifact_inverted_scale(samples: Path) -> None:
    fc = _one(samples / "politifact_2020-11-09_washington-times-president-gore.json")
    assert fc.claim == "The Washington Times ran a front-page headline that said, “President Gore.”"
    assert fc.claimant == "Viral image"
    assert (fc.claim_date, fc.review_date) == ("2020-11-07", "2020-11-09")
    assert (fc.rating_value, fc.best_rating, fc.worst_rating) == (4.0, 0.0, 5.0)
    assert fc.rating == "false"
    assert fc.appearances == ()  # an empty appearance list


def test_fact_crescendo_sinhala(samples: Path) -> None:
    fc = _one(samples / "factcrescendo-srilanka_2023-08-21_manipulated-image.json")
    assert fc.claim.startswith("කාන්තාරයක")
    assert fc.language == "si"  # told by the script: the record states none
    assert (fc.rating_text, fc.rating) == ("Misleading", "mostly-false")  # only alternateName
    assert fc.rating_value is None
    assert fc.publisher_url == "https://srilanka.factcrescendo.com/"  # an author with only a url
    assert fc.publisher == "srilanka.factcrescendo.com"
    assert fc.claimant == "Social Media Users"
    assert fc.claim_date == "2023-08-18" and fc.review_date is None
    assert fc.appearances == ("https://tinyurl.com/26krkebo",)


def test_samples_in_the_store(samples: Path, tmp_path: Path) -> None:
    with OxigraphStore(tmp_path / "store") as store:
        report = import_paths(store, sorted(samples.glob("*.json")))
        assert report.imported == 3 and report.errors == ()
        assert sorted(report.sources) == [str(source_graph_iri("politifact.com")),
                                          str(source_graph_iri("srilanka.factcrescendo.com"))]
        rows = store.query("""
            PREFIX schema: <https://schema.org/>
            PREFIX claims: <https://w3id.org/claims#>
            SELECT ?g ?rating ?text ?who ?lang WHERE { GRAPH ?g {
              ?fc a claims:ImportedFactCheck ; schema:url ?url ; claims:normalisedRating ?rating ;
                  schema:reviewRating/schema:alternateName ?text ; schema:claimReviewed ?claim ;
                  schema:itemReviewed/schema:author ?who .
              BIND(LANG(?claim) AS ?lang) } } ORDER BY ?who""")
        got = [tuple(str(v) for v in row.values()) for row in rows]  # type: ignore[union-attr]
        assert got == [
            (str(source_graph_iri("politifact.com")), "https://w3id.org/claims/rating/false", "False",
             "Facebook posts", ""),
            (str(source_graph_iri("srilanka.factcrescendo.com")),
             "https://w3id.org/claims/rating/mostly-false", "Misleading", "Social Media Users", "si"),
            (str(source_graph_iri("politifact.com")), "https://w3id.org/claims/rating/false", "False",
             "Viral image", ""),
        ]
        before = store.dump(format="nquads")
        again = import_paths(store, sorted(samples.glob("*.json")))  # idempotent
        assert again.imported == 3
        assert sorted(store.dump(format="nquads").splitlines()) == sorted(before.splitlines())


def _review(url: str, rating: object = None, **more: object) -> dict[str, object]:
    out: dict[str, object] = {"@context": "https://schema.org", "@type": "ClaimReview", "url": url,
                              "claimReviewed": f"claim of {url}",
                              "author": {"@type": "Organization", "name": "Checkers"}}
    if rating is not None:
        out["reviewRating"] = rating
    out.update(more)
    return out


def test_bad_records_get_coded_errors_and_the_rest_imports(tmp_path: Path) -> None:
    good = _review("https://checkers.example/a", {"@type": "Rating", "alternateName": "Mostly true"})
    wrong_type = dict(good, **{"@type": "NewsArticle", "url": "https://checkers.example/b"})
    no_rating = _review("https://checkers.example/c")
    malformed = _review("not a url", {"alternateName": "False"})
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps({"@context": "https://schema.org",
                                "@graph": [good, wrong_type, no_rating, malformed]}))
    store = MemoryStore()
    report = import_paths(store, [path])
    assert report.imported == 1
    assert [type(e) for e in report.errors] == [NotAClaimReview, MissingFactCheckRating, MalformedFactCheck]
    assert [e.code for e in report.errors] == ["not-a-claimreview", "no-factcheck-rating",
                                               "malformed-factcheck"]
    assert f"{path} record 2" in str(report.errors[0]) and f"{path} record 4" in str(report.errors[2])
    assert store.graphs() == [str(source_graph_iri("checkers.example"))]
    only = store.query("SELECT ?s WHERE { GRAPH ?g { ?s a <https://schema.org/ClaimReview> } }")
    assert [str(r["s"]) for r in only] == [str(factcheck_iri("https://checkers.example/a"))]  # type: ignore[union-attr]


def test_a_file_of_only_bad_records_leaves_the_store_as_it_was(tmp_path: Path, samples: Path) -> None:
    store = MemoryStore()
    import_paths(store, [samples / "politifact_2020-03-10_melanin-coronavirus.json"])
    before = store.dump(format="nquads")
    path = tmp_path / "bad.jsonl"
    path.write_text('{"url": "https://politifact.com/x", "claim": "c"}\n{oops\n'
                    '{"@type": "Person", "name": "x"}\n')
    report = import_paths(store, [path])
    assert report.imported == 0
    assert [e.code for e in report.errors] == ["no-factcheck-rating", "malformed-factcheck",
                                               "not-a-claimreview"]
    assert "line 2" in str(report.errors[1])
    assert store.dump(format="nquads") == before


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text("{nope")
    with pytest.raises(UnreadableFactChecks, match=r"x\.json"):
        read_path(path)
    with pytest.raises(UnreadableFactChecks, match="unknown file type"):
        read_path(tmp_path / "x.xml")


def test_google_fact_check_tools_response(tmp_path: Path) -> None:
    path = tmp_path / "google.json"
    path.write_text(json.dumps({"claims": [
        {"text": "Drinking hot water cures the flu", "claimant": "Social media",
         "claimDate": "2020-03-01T00:00:00Z",
         "claimReview": [
             {"publisher": {"name": "AFP Fact Check", "site": "factcheck.afp.com"},
              "url": "https://factcheck.afp.com/hot-water", "title": "No, hot water does not cure flu",
              "reviewDate": "2020-03-03T10:00:00Z", "textualRating": "False", "languageCode": "en"},
             {"publisher": {"name": "Maldita", "site": "maldita.es"}, "url": "https://maldita.es/agua",
              "reviewDate": "2020-03-04T10:00:00Z", "textualRating": "Falso", "languageCode": "es"}]},
        {"text": "no reviews here"}]}))
    facts, errors = read_path(path)
    assert [(f.publisher, f.source, f.rating, f.language, f.claim_date, f.review_date) for f in facts] == [
        ("AFP Fact Check", "factcheck.afp.com", "false", "en", "2020-03-01", "2020-03-03"),
        ("Maldita", "maldita.es", "false", "es", "2020-03-01", "2020-03-04")]
    assert facts[0].title == "No, hot water does not cure flu" and facts[0].claimant == "Social media"
    assert [e.code for e in errors] == ["no-factcheck-rating"] and "claims[1]" in str(errors[0])


def test_vclaims_rows_jsonl_and_csv(tmp_path: Path, shared_dir: Path) -> None:
    lines = (shared_dir / "factcheck" / "vclaims.jsonl").read_text(encoding="utf-8").splitlines()[:50]
    jsonl = tmp_path / "v.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = [json.loads(line) for line in lines]
    csv_path = tmp_path / "v.csv"
    import csv

    with csv_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    from_jsonl, e1 = read_path(jsonl)
    from_csv, e2 = read_path(csv_path)
    assert e1 == e2 == [] and from_jsonl == from_csv and len(from_jsonl) == 50
    first = from_jsonl[0]
    assert (first.record_id, first.url, first.claimant, first.claim_date) == (
        rows[0]["id"], rows[0]["url"], rows[0]["speaker"], rows[0]["date"])
    assert first.publisher == "PolitiFact" and first.title == rows[0]["title"]
    slugs = {r["rating"]: f.rating for r, f in zip(rows, from_jsonl, strict=True)}
    assert slugs.get("pants-fire", "false") == "false"
    assert slugs.get("barely-true", "mostly-false") == "mostly-false"


@pytest.mark.parametrize(("label", "value", "best", "worst", "expected"), [
    ("Pants on Fire!", None, None, None, "false"), ("MOSTLY TRUE", None, None, None, "mostly-true"),
    ("half-true", None, None, None, "mixture"), ("Engañoso", None, None, None, "mostly-false"),
    (None, 5, 5, 1, "true"), (None, 1, 5, 1, "false"), (None, 0, 0, 5, "true"),  # inverted scale
    (None, 3, 5, 1, "mixture"), ("full-flop", None, None, None, None), ("???", 7, 5, 1, None),
])
def test_rating_normalisation(label: str | None, value: float | None, best: float | None,
                              worst: float | None, expected: str | None) -> None:
    assert normalise(label, value, best, worst) == expected


def test_dates() -> None:
    assert parse_date("Mon, 09 Nov 2020 18:42:22 UTC +00:00") == "2020-11-09"
    assert parse_date("stated on October 22, 2019 in a campaign mailer.:") == "2019-10-22"
    assert parse_date("2020/3/7") == "2020-03-07"
    assert parse_date("31 Feb 2020") is None and parse_date(17) is None


def test_claimreview_export_includes_imported_only_when_asked(samples: Path) -> None:
    from claims.export import claimreview

    store = MemoryStore()
    import_paths(store, sorted(samples.glob("*.json")))
    assert claimreview(store)["@graph"] == []
    exported = claimreview(store, imported=True)["@graph"]
    assert sorted(r["url"] for r in exported) == sorted(fc.url for p in samples.glob("*.json")
                                                        for fc in read_path(p)[0])
    melanin = next(r for r in exported if "melanin" in r["url"])
    assert melanin["reviewRating"]["alternateName"] == "False"
    claimant = {"@type": "Thing", "name": "Facebook posts"}
    assert melanin["itemReviewed"] == {"@type": "Claim", "author": claimant, "datePublished": "2020-02-23"}
    assert melanin["datePublished"] == "2020-03-11" and melanin["author"]["name"] == "PolitiFact"


def test_a_big_batch_bulk_loads_into_a_private_store_and_reimports(tmp_path: Path, shared_dir: Path) -> None:
    from claims.factcheck.importer import BULK_MIN

    every = (shared_dir / "factcheck" / "vclaims.jsonl").read_text(encoding="utf-8").splitlines()
    lines = every[:BULK_MIN + 10]
    path = tmp_path / "v.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with OxigraphStore(tmp_path / "store") as store:
        first = import_paths(store, [path])
        assert first.imported == len(lines) and first.errors == ()
        count = store.query("SELECT (COUNT(?s) AS ?n) WHERE { GRAPH ?g "
                            "{ ?s a <https://w3id.org/claims#ImportedFactCheck> } }")
        assert int(count.rows[0][0].toPython()) == len(lines)  # type: ignore[union-attr]
        before = sorted(store.dump(format="nquads").splitlines())
        import_paths(store, [path])
        assert sorted(store.dump(format="nquads").splitlines()) == before


def test_nquads_text_is_the_quads(samples: Path) -> None:
    """The import writes N-Quads as text; it must say exactly what the term-built quads say,
    quotes, backslashes, line breaks and language tags included."""
    import pyoxigraph as ox

    from claims.factcheck import graph
    from claims.factcheck.records import from_row

    facts = [fc for path in sorted(samples.glob("*.json")) for fc in read_path(path)[0]]
    facts.append(from_row({"claim": 'He said "no"\\ twice\nthen\r"yes" — 10%', "title": "ä \\n",
                           "speaker": 'A "B"', "rating": "half-true", "language": "en-GB",
                           "url": "https://www.politifact.com/f/ü/"}))
    expected = {q for fc in facts for q in graph.quads(fc)}
    written = set(ox.parse(graph.nquads(facts), format=ox.RdfFormat.N_QUADS))
    assert written == expected
    assert len(expected) > 40
