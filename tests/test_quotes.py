"""Quote-mark pairing and the quotation/scare-quote decision."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.document import Document
from claims.extract import extract
from claims.extract.quotes import find_quotes


def _quotes(text: str) -> list[str]:
    return [q.text for q in find_quotes(Document.from_text(text, id="t"))]


def test_curly_straight_and_doubled_apostrophes() -> None:
    assert _quotes("“We will win,” she said.") == ["We will win,"]
    assert _quotes('"We will win," she said.') == ["We will win,"]
    assert _quotes("''We will win,'' she said.") == ["We will win,"]


def test_scare_quotes_and_titles_are_not_quotations() -> None:
    assert _quotes('The "bridge to nowhere" was finally cancelled.') == []
    assert _quotes('She starred in "The Long Goodbye" in 1973.') == []
    assert _quotes('The so-called "deal" collapsed.') == []


def test_partial_quote_with_speech_verb() -> None:
    qs = find_quotes(Document.from_text('Putin praised the "balanced" approach.', id="t"))
    assert [(q.text, q.partial) for q in qs] == [("balanced", True)]


def test_multi_paragraph_quotation() -> None:
    text = '"First part of it,\n"second part of it,\n"and the end," he said.'
    assert _quotes(text) == ["First part of it,", "second part of it,", "and the end,"]


def test_unbalanced_marks_never_crash() -> None:
    for text in ['"', '“', '”', 'a " b', '"a" "', '“a “b” c', "''", '" said he']:
        for s in extract(Document.from_text(text, id="t")):
            assert text[s.span.start:s.span.end] == s.text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab XY."“”\'\n,:said he Smith 12%$'))
               | st.characters(exclude_categories=("Cs",)), max_size=200))
def test_spans_exact_on_arbitrary_text(text: str) -> None:
    for s in extract(Document.from_text(text, id="t")):
        assert text[s.span.start:s.span.end] == s.text


def test_titles_and_nicknames_next_to_a_speech_verb_are_not_quotations() -> None:
    text = ('Jane Roe told NBC\'s "Evening Report" that the vote was close. '
            'Rep. Robert C. "Bobby" Doe said he agreed.')
    assert [q.text for q in find_quotes(Document.from_text(text, id="t"))] == []


def test_programme_titles_with_the_comma_inside_are_not_quotations() -> None:
    assert _quotes('Speaking on ABC\'s "Morning Hour," Jane Roe said the plan was fair.') == []
    assert _quotes('In his 1999 book, "Grow Your Savings Fast," Tom Ode said so.') == []
    assert _quotes('Roe said it on an episode of "The Late Roundup."') == []
    # a real short quotation with its comma inside is kept
    assert _quotes('"We Will Win," Roe said.') == ["We Will Win,"]


def test_phrases_after_a_naming_word_are_not_quotations() -> None:
    assert _quotes('Roe said the levy, known as the "pickle tax," would end.') == []
    assert _quotes('Roe backed the plan dubbed "quiet reform" on Monday, she said.') == []


def test_markup_attribute_values_are_not_quotations() -> None:
    assert _quotes('<post author="janeroe" id="12">Roe said the vote was fair.</post>') == []


def test_quoted_transcript_turns_are_not_quotations() -> None:
    text = ('Partial transcript as follows:\n\n"HOST: Will you debate her on Monday night?\n\n'
            '"ROE: Of course I will, and I will win that debate.\n\n"(CROSSTALK.)\n\n'
            '"HOST: Thank you, governor."')
    assert _quotes(text) == []
    # an ordinary quotation running over paragraphs is kept
    run = '"We will win this race in the fall.\n\n"And we will win the next one," Roe said.'
    assert _quotes(run) == ["We will win this race in the fall.",
                            "And we will win the next one,"]
