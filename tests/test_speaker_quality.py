"""Speakers and statements that must not be made from stray words: participle clauses,
described sources, anaphoric counts, junk names, titles and places glued to names.
Every sentence here is written for the test (none is taken from the evaluation data)."""

from __future__ import annotations

from rdflib import RDF

from claims.document import Document
from claims.extract import extract
from claims.model.mapping import to_graphs
from claims.statements import Kind, Speaker, Statement
from claims.vocab import CLAIMS, SCHEMA


def _extract(text: str) -> list[Statement]:
    return extract(Document.from_text(text, id="t"))


def _speakers(text: str, kind: Kind = Kind.QUOTATION) -> list[Speaker | None]:
    return [s.speaker for s in _extract(text) if s.kind is kind]


def _names(text: str, kind: Kind = Kind.QUOTATION) -> list[str | None]:
    return [s.name if s else None for s in _speakers(text, kind)]


def test_participle_clause_before_the_subject_is_no_cue() -> None:
    text = ('Openly mocking the committee, Garcia told reporters: "This hearing is a circus '
            'and everyone here knows it."')
    sts = _extract(text)
    assert [(s.kind, s.speaker.name if s.speaker else None) for s in sts] == [
        (Kind.QUOTATION, "Garcia")]


def test_a_participle_after_an_auxiliary_still_reports() -> None:
    sts = _extract("Garcia was warning that the bridge would not hold.")
    assert [(s.text, s.speaker.name if s.speaker else None) for s in sts] == [
        ("the bridge would not hold", "Garcia")]


def test_described_source_is_neither_person_nor_organisation() -> None:
    doc = Document.from_text("The ministers met in secret, according to local media reports.",
                             id="t")
    sts = extract(doc)
    sp = next(s.speaker for s in sts if s.kind is Kind.REPORTED_SPEECH)
    assert sp is not None and sp.method == "descriptive" and "media reports" in sp.name
    _, entities = to_graphs(doc, sts)
    kinds = {o for s, o in entities.subject_objects(RDF.type)}
    assert CLAIMS.DescribedSource in kinds
    assert SCHEMA.Person not in kinds and SCHEMA.Organization not in kinds


def test_anaphoric_counts_are_not_figures() -> None:
    text = ("The two ministers shook hands. Both three delegations left, and the other two "
            "stayed. Police counted 200 protesters.")
    figs = [s.text for s in _extract(text) if s.kind is Kind.FIGURE]
    assert figs == ["200 protesters"]
