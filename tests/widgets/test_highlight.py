from __future__ import annotations

from claims.widgets.highlight import highlight, in_context, paragraph_bounds, sentence_bounds

TEXT = 'First para.\nIntro here. Putin said: "A < B. Really." Then he left.\nLast.'


def test_sentence_keeps_the_whole_quote() -> None:
    start = TEXT.index("A < B")
    end = TEXT.index('Really."') + len("Really.")
    left, right = sentence_bounds(TEXT, start, end)
    assert TEXT[left:right] == 'Putin said: "A < B. Really."'


def test_paragraph_bounds() -> None:
    start = TEXT.index("Putin")
    left, right = paragraph_bounds(TEXT, start, start + 5)
    assert TEXT[left:right] == 'Intro here. Putin said: "A < B. Really." Then he left.'


def test_highlight_escapes_and_marks_overlaps() -> None:
    assert highlight("a<b c", [(0, 3, "quote"), (2, 5, "speaker")]) == (
        '<mark class="claims-quote">a&lt;</mark><mark class="claims-quote claims-speaker">b</mark>'
        '<mark class="claims-speaker"> c</mark>')


def test_in_context_marks_quote_and_speaker() -> None:
    start, end = TEXT.index("A < B"), TEXT.index('Really."') + len("Really.")
    mention = (TEXT.index("Putin"), TEXT.index("Putin") + 5)
    out = in_context(TEXT, (start, end), mention)
    assert out.endswith('<div class="claims-context"><mark class="claims-speaker">Putin</mark> said: "'
                        '<mark class="claims-quote">A &lt; B. Really.</mark>"</div>')
