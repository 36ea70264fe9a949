"""The explorer's variant display: a member's words as its article wrote them (case, quote
marks, punctuation, numbers), with only the differences from the canonical wording marked."""

from __future__ import annotations

from claims.track.views import highlight


def test_the_words_are_shown_as_written_not_folded() -> None:
    shown = highlight("We will rebuild every bridge in this state, before the winter",
                      "“We’ll rebuild EVERY bridge in this state — AFTER the winter,”")
    assert shown.startswith("“We’ll rebuild EVERY bridge in this state — ")
    assert "<del>before</del> <ins>AFTER</ins> the winter,”" in shown
    assert "we will" not in shown  # no folded token anywhere


def test_spelling_case_and_number_commas_are_no_differences() -> None:
    shown = highlight("Our colour costs 1000 dollars", "our color costs 1,000 Dollars!")
    assert shown == "our color costs 1,000 Dollars!"


def test_a_changed_number_and_a_dropped_word_are_marked_in_the_member_text() -> None:
    shown = highlight("It has consequences here and around the world, 12 of them",
                      "It has consequences around the world, 13 of them.")
    assert shown == ("It has consequences <del>here and</del> around the world, "
                     "<del>12</del> <ins>13</ins> of them.")


def test_a_truncated_member_shows_only_its_own_words() -> None:
    assert highlight("I am working for you now, not for myself", "working for you now") \
        == "working for you now"


def test_markup_in_a_quotation_is_escaped() -> None:
    assert highlight("a <b> c d f", "a <b> c e f") == "a &lt;b&gt; c <del>d</del> <ins>e</ins> f"


def test_a_negation_added_inside_a_contraction_marks_the_contraction() -> None:
    assert highlight("We do know it", "We don’t know it") == "We <ins>don’t</ins> know it"
    assert highlight("We do not know it", "We don’t know it") == "We don’t know it"
