"""Exports: ClaimReview and Web Annotation JSON-LD, CSV with status, TriG round trip, --since.

The JSON-LD documents name the standard remote contexts (schema.org, anno.jsonld), which
cannot be fetched here; expansion is checked with rdflib against local copies of the
term definitions the exports use, taken from those contexts.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from claims import review
from claims.config import base_iri
from claims.export import FORMATS, ExportError, export
from claims.model import iris
from claims.store import MemoryStore, OxigraphStore, Store
from graphs import write_graphs
from test_review import TEXT, article, statement_iri, statements

SDO = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
AS = Namespace("https://www.w3.org/ns/activitystreams#")
T0 = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)

SCHEMA_TERMS = {"@vocab": "https://schema.org/",
                "url": {"@id": "https://schema.org/url", "@type": "@id"}}
ANNO_TERMS = {
    "oa": "http://www.w3.org/ns/oa#", "as": "https://www.w3.org/ns/activitystreams#",
    "dc": "http://purl.org/dc/elements/1.1/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "id": {"@type": "@id", "@id": "@id"}, "type": {"@type": "@id", "@id": "@type"},
    "Annotation": "oa:Annotation", "TextualBody": "oa:TextualBody",
    "TextQuoteSelector": "oa:TextQuoteSelector", "TextPositionSelector": "oa:TextPositionSelector",
    "AnnotationCollection": "as:OrderedCollection", "AnnotationPage": "as:OrderedCollectionPage",
    "body": {"@type": "@id", "@id": "oa:hasBody"}, "target": {"@type": "@id", "@id": "oa:hasTarget"},
    "source": {"@type": "@id", "@id": "oa:hasSource"},
    "selector": {"@type": "@id", "@id": "oa:hasSelector"},
    "motivation": {"@type": "@vocab", "@id": "oa:motivatedBy"},
    "purpose": {"@type": "@vocab", "@id": "oa:hasPurpose"},
    "describing": "oa:describing", "tagging": "oa:tagging", "assessing": "oa:assessing",
    "value": "rdf:value", "format": "dc:format", "label": "rdfs:label",
    "exact": "oa:exact", "prefix": "oa:prefix", "suffix": "oa:suffix",
    "start": {"@id": "oa:start", "@type": "xsd:nonNegativeInteger"},
    "end": {"@id": "oa:end", "@type": "xsd:nonNegativeInteger"},
    "total": {"@id": "as:totalItems", "@type": "xsd:nonNegativeInteger"},
    "startIndex": {"@id": "as:startIndex", "@type": "xsd:nonNegativeInteger"},
    "first": {"@type": "@id", "@id": "as:first"},
    "items": {"@type": "@id", "@id": "as:items", "@container": "@list"},
}


@pytest.fixture(params=["memory", "oxigraph"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    kb: Store = MemoryStore() if request.param == "memory" else OxigraphStore(tmp_path / "kb")
    doc, sts = article(), statements()
    write_graphs(kb, [(doc, sts)])
    quote, figure = statement_iri(doc, sts[0]), statement_iri(doc, sts[2])
    review.record(kb, quote, "misattributed", reviewer="Ana", corrected_speaker="Sergei Lavrov",
                  note="the video shows Lavrov", at=T0)
    review.rate(kb, figure, "mostly false", reviewer="Faye", rating_text="Exaggerated",
                url="https://factcheck.example/sco-members", evidence=["sco.int"], at=T0)
    review.rate(kb, figure, "true", reviewer="Gus", rating_text="Correct",
                url="https://factcheck.example/sco-members-2", at=T0 + timedelta(days=2))
    review.rate(kb, quote, "unverifiable", reviewer="Faye", at=T0 + timedelta(days=3))
    yield kb
    kb.close()


def expand(data: bytes, context: dict[str, Any]) -> Graph:
    document = json.loads(data)
    document["@context"] = context
    return Graph().parse(data=json.dumps(document), format="json-ld")


def test_claimreview_has_every_required_field(store: Store) -> None:
    data = json.loads(export(store, "claimreview"))
    assert data["@context"] == "https://schema.org"
    reviews = {r["claimReviewed"]: r for r in data["@graph"]}
    assert sorted(reviews) == ["We agree on everything.", "eight members"]
    figure = reviews["eight members"]
    assert figure["@type"] == "ClaimReview"
    assert figure["url"] == "https://factcheck.example/sco-members-2"  # the current rating
    assert figure["author"] == {"@type": "Person", "name": "Gus"}
    assert figure["datePublished"] == "2024-05-03"
    assert figure["reviewRating"] == {"@type": "Rating", "ratingValue": 5, "bestRating": 5,
                                      "worstRating": 1, "alternateName": "Correct"}
    claim = figure["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["author"] == {"@type": "Organization", "name": "Example News"}
    assert claim["datePublished"] == "2024-04-30"
    assert claim["appearance"]["url"] == "https://news.example/a1"
    assert claim["appearance"]["headline"] == "Summit"
    quote = reviews["We agree on everything."]
    assert quote["itemReviewed"]["author"] == {"@type": "Person", "name": "Sergei Lavrov"}
    assert quote["reviewRating"] == {"@type": "Rating", "bestRating": 5, "worstRating": 1,
                                     "alternateName": "Unverifiable"}
    assert quote["url"] == quote["@id"]  # no published fact-check: the event's IRI


def test_claimreview_expands_as_json_ld(store: Store) -> None:
    graph = expand(export(store, "claimreview"), SCHEMA_TERMS)
    reviews = set(graph.subjects(RDF.type, SDO.ClaimReview))
    assert len(reviews) == 2
    for node in reviews:
        claim = graph.value(node, SDO.itemReviewed)
        assert (claim, RDF.type, SDO.Claim) in graph
        appearance = graph.value(claim, SDO.appearance)
        assert graph.value(appearance, SDO.url) == URIRef("https://news.example/a1")
        assert graph.value(graph.value(node, SDO.reviewRating), SDO.alternateName) is not None
    assert (None, SDO.url, URIRef("https://factcheck.example/sco-members-2")) in graph


def test_claimreview_since(store: Store) -> None:
    data = json.loads(export(store, "claimreview", since="2024-05-04"))
    assert [r["claimReviewed"] for r in data["@graph"]] == ["We agree on everything."]
    assert json.loads(export(store, "claimreview", since="2024-06-01"))["@graph"] == []


def test_annotations_target_the_quotation_span(store: Store) -> None:
    data = json.loads(export(store, "annotations"))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    assert data["total"] == 1
    [item] = data["first"]["items"]
    quote, position = item["target"]["selector"]
    assert item["target"]["source"] == "https://news.example/a1"
    assert quote == {"type": "TextQuoteSelector", "exact": "We agree on everything.",
                     "prefix": 'Putin said: "', "suffix": '" Xi said the talks went well. T'}
    assert position == {"type": "TextPositionSelector", "start": 13, "end": 36}
    assert TEXT[position["start"]:position["end"]] == quote["exact"]
    assert [b["value"] for b in item["body"]] == [
        "Quotation attributed to Sergei Lavrov", "Sergei Lavrov", "misattributed"]


def test_annotations_expand_as_json_ld(store: Store) -> None:
    graph = expand(export(store, "annotations"), ANNO_TERMS)
    [node] = graph.subjects(RDF.type, OA.Annotation)
    target = graph.value(node, OA.hasTarget)
    assert graph.value(target, OA.hasSource) == URIRef("https://news.example/a1")
    selectors = {graph.value(s, RDF.type): s for s in graph.objects(target, OA.hasSelector)}
    assert graph.value(selectors[OA.TextQuoteSelector], OA.exact) == Literal(
        "We agree on everything.")
    assert graph.value(selectors[OA.TextPositionSelector], OA.start).toPython() == 13
    assert graph.value(selectors[OA.TextPositionSelector], OA.end).toPython() == 36
    assert (None, RDF.type, AS.OrderedCollection) in graph


def test_annotations_since(store: Store) -> None:
    assert json.loads(export(store, "annotations", since="2024-05-02"))["total"] == 1
    assert json.loads(export(store, "annotations", since="2024-05-05"))["total"] == 0


def test_csv_lists_statements_with_current_status(store: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(export(store, "csv").decode())))
    assert [(r["text"], r["speaker"], r["current_speaker"], r["verdict"], r["rating"])
            for r in rows] == [
        ("We agree on everything.", "Vladimir Putin", "Sergei Lavrov", "misattributed",
         "unverifiable"),
        ("the talks went well", "Xi Jinping", "", "", ""),
        ("eight members", "", "", "", "true"),
    ]
    assert rows[0]["note"] == "the video shows Lavrov"
    assert rows[2]["rating_text"] == "Correct"
    since = list(csv.DictReader(io.StringIO(export(store, "csv", since="2024-05-02").decode())))
    assert [r["text"] for r in since] == ["We agree on everything.", "eight members"]


NUMBERS = {XSD.integer, XSD.nonNegativeInteger, XSD.decimal}


def by_value(graph: Graph) -> Graph:
    """Numbers by value: Oxigraph stores canonical forms ("8.0" -> "8", and
    xsd:nonNegativeInteger as xsd:integer), so only values survive a change of backend."""
    out = Graph()
    for s, p, o in graph:
        number = isinstance(o, Literal) and o.datatype in NUMBERS
        out.add((s, p, Literal(o.toPython()) if number else o))  # type: ignore[union-attr]
    return out


def datasets_equal(left: Dataset, right: Dataset, *, values_only: bool = False) -> None:
    def named(ds: Dataset) -> dict[str, Graph]:
        return {str(g.identifier): by_value(g) if values_only else g for g in ds.graphs()
                if len(g) and g.identifier != ds.default_graph.identifier}

    a, b = named(left), named(right)
    assert sorted(a) == sorted(b)
    for name in a:
        assert isomorphic(a[name], b[name]), name


def as_dataset(data: bytes, format: str = "trig") -> Dataset:
    dataset = Dataset(default_union=False)
    dataset.parse(data=data, format=format)
    return dataset


def fresh(kind: str, tmp_path: Path) -> Store:
    return MemoryStore() if kind == "memory" else OxigraphStore(tmp_path / "copy")


def test_trig_round_trip_into_an_empty_store_is_isomorphic(store: Store, tmp_path: Path) -> None:
    dump = export(store, "trig")
    empty = fresh(store.kind, tmp_path)
    empty.load(dump, format="trig")
    assert empty.graphs() == store.graphs()
    assert str(iris.reviews_graph_iri()) in empty.graphs()
    datasets_equal(as_dataset(store.dump(format="nquads"), "nquads"),
                   as_dataset(empty.dump(format="nquads"), "nquads"))
    datasets_equal(as_dataset(dump), as_dataset(export(empty, "trig")))
    figure = statement_iri(article(), statements()[2])
    assert review.history(empty, figure) == review.history(store, figure)
    empty.close()


def test_trig_round_trip_across_backends_keeps_every_value(store: Store, tmp_path: Path) -> None:
    other = fresh("oxigraph" if store.kind == "memory" else "memory", tmp_path)
    other.load(export(store, "trig"), format="trig")
    datasets_equal(as_dataset(store.dump(format="nquads"), "nquads"),
                   as_dataset(other.dump(format="nquads"), "nquads"), values_only=True)
    other.close()


def test_trig_declares_prefixes_and_uses_them(store: Store) -> None:
    dump = export(store, "trig")
    head = dump.decode("utf-8").split("\n<", 1)[0]
    declared = dict(line.split()[1:3] for line in head.splitlines() if line.startswith("@prefix"))
    assert declared["schema:"] == "<https://schema.org/>"
    assert declared["statement:"] == f"<{base_iri()}statement/>"
    body = dump.decode("utf-8")[len(head):]
    assert "<https://schema.org/" not in body and "schema:text" in body
    assert f"statement:{statement_iri(article(), statements()[0]).rsplit('/', 1)[1]}" in body
    assert len(dump) < len(export(store, "nquads")) / 2


def test_trig_since_holds_only_the_later_review_events(store: Store) -> None:
    dataset = as_dataset(export(store, "trig", since="2024-05-02"))
    graphs = [g for g in dataset.graphs() if len(g)]
    assert [str(g.identifier) for g in graphs] == [str(iris.reviews_graph_iri())]
    prov = Namespace("http://www.w3.org/ns/prov#")
    names = {str(n) for n in graphs[0].objects(None, SDO.name)}
    assert names == {"Gus", "Faye"}
    assert len(set(graphs[0].subjects(prov.endedAtTime, None))) == 2


def test_trig_since_keeps_the_corrected_speaker_from_the_entities_graph(store: Store) -> None:
    dataset = as_dataset(export(store, "trig", since="2024-05-01"))
    people = dataset.graph(iris.entities_graph_iri())
    lavrov = iris.person_iri("Sergei Lavrov")
    assert set(people) == {(lavrov, RDF.type, SDO.Person), (lavrov, SDO.name, Literal("Sergei Lavrov"))}
    reviews = dataset.graph(iris.reviews_graph_iri())
    assert (None, URIRef("https://w3id.org/claims#correctedSpeaker"), lavrov) in reviews


def test_existing_formats_still_work(store: Store) -> None:
    assert set(FORMATS) >= {"trig", "nquads", "turtle", "jsonld", "csv", "claimreview",
                            "annotations"}
    assert len(Graph().parse(data=export(store, "turtle"), format="turtle")) > 50
    assert len(as_dataset(export(store, "nquads"), "nquads")) > 50
    assert len(as_dataset(export(store, "jsonld"), "json-ld")) > 50
    with pytest.raises(ExportError):
        export(store, "turtle", since="2024-01-01")
    with pytest.raises(ExportError):
        export(store, "csv", since="yesterday")
    with pytest.raises(ExportError):
        export(store, "xml")
