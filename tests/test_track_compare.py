"""The quotation matcher: each variant kind the issue names, on sentences written for the tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims.cli import cli
from claims.errors import MalformedBatch
from claims.track import compare, read_pairs, tokens

BASE = "We are going to rebuild every bridge in this state, and we will do it before the winter comes"


@pytest.mark.parametrize(("variant", "relation"), [
    (BASE, "exact"),
    ("we are going to rebuild every bridge in this state, and we will do it before the winter comes.",
     "cosmetic"),
    ("We’re going to rebuild every bridge in this state — and we’ll do it before the winter comes",
     "cosmetic"),
    ("WE ARE GOING TO REBUILD EVERY BRIDGE IN THIS STATE, AND WE WILL DO IT BEFORE THE WINTER COMES",
     "cosmetic"),
    ("going to rebuild every bridge in this state", "truncated"),
    ("We are going to rebuild every bridge ... before the winter comes", "cut"),
    ("We are going to rebuild every bridge . . . before the winter comes", "cut"),
    ("[W]e are going to rebuild every bridge in [Ohio], and we will do it before the winter comes",
     "cut"),
    ("We are going to rebiuld every bridge in this state, and we will do it before the winter comes",
     "cosmetic"),
])
def test_same_utterance(variant: str, relation: str) -> None:
    found = compare(BASE, variant, "Ana Lopez", "Lopez")
    assert (found.label, found.relation) == ("same", relation)
    assert not found.material


@pytest.mark.parametrize(("variant", "kind", "a", "b"), [
    ("We are going to rebuild every bridge in this state, and we will do it after the winter comes",
     "replaced", ("before",), ("after",)),
    ("We are not going to rebuild every bridge in this state, and we will do it before the winter comes",
     "added", (), ("not",)),
    ("We are going to rebuild every bridge in this state, and we will do it before the winter comes",
     None, (), ()),
    ("We are going to rebuild 40 bridges in this state, and we will do it before the winter comes",
     "replaced", ("every", "bridge"), ("40", "bridges")),
    ("We are going to rebuild every bridge in this state, and we will do it before winter comes",
     None, (), ()),
    ("We are going to rebuild almost every bridge in this state, and we will do it before the winter comes",
     "added", (), ("almost",)),
])
def test_misquote_changes_are_data(variant: str, kind: str | None, a: tuple[str, ...],
                                   b: tuple[str, ...]) -> None:
    found = compare(BASE, variant)
    if kind is None:  # verbatim, or a light function word dropped ("the"): not a misquote
        assert found.label == "same"
        return
    assert found.label == "misquote"
    assert [(c.kind, c.a, c.b) for c in found.material] == [(kind, a, b)]


def test_words_reordered_are_a_misquote() -> None:
    found = compare("We will close the coal plants and the gas plants across the whole state",
                    "We will close the gas plants and the coal plants across the whole state")
    assert found.label == "misquote"
    assert {c.kind for c in found.material} <= {"moved", "replaced"}


def test_clause_swap_is_a_misquote() -> None:
    found = compare("The budget is tight this year, but the schools will get every dollar they need",
                    "The schools will get every dollar they need, but the budget is tight this year")
    assert (found.label, [c.kind for c in found.material]) == ("misquote", ["moved"])


def test_other_remarks_of_the_same_speaker_stay_apart() -> None:
    found = compare("The schools in this state will get every dollar they need this year",
                    "Every family in this state deserves a school that meets their needs",
                    "Ana Lopez", "Ana Lopez")
    assert found.label == "different"


def test_a_stock_phrase_of_two_people_stays_apart() -> None:
    found = compare("and that is not who we are as a people",
                    "This is not who we are", "Ana Lopez", "Ben Okafor")
    assert found.label == "different"
    # the same short phrase as a fragment of the same person's longer quotation is the same
    assert compare("Look, this is not who we are, and we will not accept it",
                   "This is not who we are", "Ana Lopez", "Lopez").label == "same"


def test_a_number_changed_is_never_a_typo() -> None:
    found = compare("Unemployment fell to 4.5 percent in the last quarter of the year",
                    "Unemployment fell to 5.5 percent in the last quarter of the year")
    assert found.label == "misquote"
    assert found.material[0].a == ("4.5",) and found.material[0].b == ("5.5",)


def test_a_conjunction_spliced_before_a_cut_is_no_change_but_a_dropped_word_is() -> None:
    long = ("The trouble is mayors cannot promise anything they like, because it has costs here and "
            "across the state")
    spliced = "But mayors cannot promise anything they like. It has costs across the state"
    found = compare(long, spliced, "Ana Lopez", "Lopez")
    assert found.label == "misquote"
    assert [(c.kind, c.a, c.b) for c in found.material] == [("dropped", ("here", "and"), ())]
    # the same splice with every word kept is the same utterance
    kept = "But mayors cannot promise anything they like. It has costs here and across the state"
    assert compare(long, kept, "Ana Lopez", "Lopez").label == "same"


def test_a_determiner_variant_is_cosmetic_an_article_change_is_not() -> None:
    said = "Our task is to rebuild our state and to understand that we are all in this together"
    assert compare(said, said.replace("rebuild our", "rebuild this")).relation == "cosmetic"
    found = compare("We are going to rebuild a bridge in every county before the winter comes",
                    "We are going to rebuild the bridge in every county before the winter comes")
    assert found.label == "misquote"


def test_a_changed_last_word_of_a_truncated_quotation_is_a_misquote() -> None:
    # the shorter quotation ends on a word the longer does not have there, and the longer runs on
    found = compare("We are going to rebuild every bridge in this state, and we will do it before the "
                    "winter comes, whatever it costs",
                    "We are going to rebuild every bridge in this state, and we will do it before the summer",
                    "Ana Lopez", "Lopez")
    assert found.label == "misquote"
    assert [(c.kind, c.a, c.b) for c in found.material] == [("replaced", ("winter",), ("summer",))]
    # a look-alike word where two remarks part ways is no typo
    assert compare("We will not be going to go into that", "we will not be going to go into what my "
                   "campaign is doing next", "Ana Lopez", "Lopez").label == "different"


def test_tokens_mark_cuts_and_insertions() -> None:
    assert tokens("he [the mayor] said … 1,200") == ("he", "⁂", "said", "…", "1200")


def test_compare_cli_reads_pairs_and_prints_labels(tmp_path: Path) -> None:
    lines = [{"pair_id": "p1", "a": {"id": "a1", "text": BASE, "speaker": "Ana Lopez"},
              "b": {"id": "b1", "text": BASE.replace("before", "after"), "speaker": None}},
             {"pair_id": "p2", "a": {"id": "a2", "text": BASE, "speaker": None},
              "b": {"id": "b2", "text": "Something else entirely, said on another day", "speaker": None}}]
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["track", "compare", str(path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in result.output.splitlines()]
    assert [(r["pair_id"], r["label"]) for r in rows] == [("p1", "misquote"), ("p2", "different")]
    assert rows[0]["changes"] == [{"kind": "replaced", "a": "before", "b": "after"}]


def test_compare_cli_names_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    path.write_text('{"pair_id": "p1", "a": {"text": "x"}}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["track", "compare", str(path)])
    assert result.exit_code == 1 and "line 1" in result.output
    with pytest.raises(MalformedBatch):
        list(read_pairs(["not json"]))
