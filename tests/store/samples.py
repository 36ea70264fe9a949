"""A small hand-made knowledge base: three articles with quotations, reported speech and
figures, built through ``claims.model.mapping.to_graphs`` (no extractor involved): the
three article graphs and the entities graph that describes the people and outlets."""

from __future__ import annotations

from rdflib import Graph

from claims.document import Document
from claims.model.mapping import to_graphs
from claims.statements import Kind, Quantity, Span, Speaker, Statement
from claims.store import Store

PUTIN = Speaker("Vladimir Putin", mention="Putin", role="President of Russia", qid="Q7747",
                affiliation="Government of Russia")
RAISI = Speaker("Ebrahim Raisi", mention="Raisi", role="President of Iran", qid="Q5820961")
SMALL = Speaker("Andrew Small", mention="Small", role="senior fellow",
                affiliation="German Marshall Fund")


def _statement(text: str, doc: str, kind: Kind, fragment: str, *, speaker: Speaker | None = None,
               cue: str | None = None, confidence: float = 0.9, partial: bool = False,
               quantity: Quantity | None = None, mention: str | None = None) -> Statement:
    start = text.index(fragment)
    if speaker is not None and mention is not None:
        at = text.index(mention)
        speaker = Speaker(speaker.name, mention=mention, mention_span=Span(at, at + len(mention)),
                          role=speaker.role, affiliation=speaker.affiliation, qid=speaker.qid,
                          method="explicit")
    return Statement(kind, fragment, Span(start, start + len(fragment)), speaker=speaker, cue=cue,
                     confidence=confidence, partial=partial, quantity=quantity,
                     extractor="hand-made", extractor_version="1")


def articles() -> list[tuple[Document, list[Statement]]]:
    """Three documents and their statements; every span is exact."""
    one = ('Putin said: "Attempts to create a unipolar world are unacceptable." '
           'Raisi added: "Sanctions will not stop us." The eight-nation group was set up in 2001. '
           'Putin praised the "balanced" approach.')
    two = ('Small said: "It means Xi can put on this strong show." About half of the world\'s '
           'population lives in member states. Putin said that cooperation was developing.')
    three = 'Raisi said: "Our perception is right." The café cost 3.5 million dollars.'
    d1 = Document.from_text(one, id="one", title="Summit opens", publisher="Example News",
                            date="2022-09-15", url="https://example.org/one")
    d2 = Document.from_text(two, id="two", title="Analysts weigh in", publisher="Daily Sample",
                            date="2022-09-16", derived_from="DW")
    d3 = Document.from_text(three, id="three", title="Late edition", publisher="Example News",
                            date="2022-09-14", url="https://example.org/three")
    return [
        (d1, [
            _statement(one, "one", Kind.QUOTATION,
                       "Attempts to create a unipolar world are unacceptable.", speaker=PUTIN,
                       cue="said", mention="Putin"),
            _statement(one, "one", Kind.QUOTATION, "Sanctions will not stop us.", speaker=RAISI,
                       cue="added", confidence=0.75, mention="Raisi"),
            _statement(one, "one", Kind.QUOTATION, "balanced", speaker=PUTIN, cue="praised",
                       partial=True, confidence=0.6),
            _statement(one, "one", Kind.FIGURE, "eight-nation", quantity=Quantity(
                8, kind="count", measures="members")),
            _statement(one, "one", Kind.FIGURE, "2001", quantity=Quantity(2001, kind="year")),
        ]),
        (d2, [
            _statement(two, "two", Kind.QUOTATION, "It means Xi can put on this strong show.",
                       speaker=SMALL, cue="said", mention="Small"),
            _statement(two, "two", Kind.FIGURE, "About half", quantity=Quantity(
                0.5, kind="proportion", approximate=True, qualifier="about",
                measures="world population")),
            _statement(two, "two", Kind.REPORTED_SPEECH, "cooperation was developing",
                       speaker=PUTIN, cue="said", confidence=0.5),
        ]),
        (d3, [
            _statement(three, "three", Kind.QUOTATION, "Our perception is right.",
                       speaker=RAISI, cue="said", mention="Raisi"),
            _statement(three, "three", Kind.FIGURE, "3.5 million dollars", quantity=Quantity(
                3_500_000, unit="USD", kind="money", upper=4_000_000.25)),
        ]),
    ]


def graphs() -> list[Graph]:
    """The three article graphs."""
    return [to_graphs(doc, statements)[0] for doc, statements in articles()]


def entities() -> Graph:
    """The entities graph the three articles make together."""
    parts = [to_graphs(doc, statements)[1] for doc, statements in articles()]
    merged = Graph(identifier=parts[0].identifier)
    for part in parts:
        merged += part
    return merged


def all_graphs() -> list[Graph]:
    """Every graph of the sample knowledge base, articles and entities."""
    return [*graphs(), entities()]


def write(store: Store) -> Store:
    """The sample knowledge base written to ``store`` (the article graphs replaced)."""
    store.write(replace=graphs(), add=[entities()])
    return store
