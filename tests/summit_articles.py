"""Small summit articles with named speakers, for the kill suites (tests/adversarial)."""

from __future__ import annotations

PEOPLE = ["Vladimir Putin", "Xi Jinping", "Narendra Modi", "Olaf Scholz", "Emmanuel Macron",
          "Joe Biden", "Ebrahim Raisi", "Recep Tayyip Erdogan"]


def summit_article(i: int, *, figure: bool = False) -> str:
    """Article ``i``: a quotation, reported speech and a second quotation by two of
    :data:`PEOPLE`, and with ``figure`` a population figure too."""
    a, b = PEOPLE[i % len(PEOPLE)], PEOPLE[(i * 3 + 1) % len(PEOPLE)]
    text = (f"Summit talks, day {i}\n\n"
            f'{a} said: "The talks on trade number {i} will go on for another winter."\n\n'
            f"{b} told reporters that {i * 7} per cent of the trade would be settled in yuan.\n\n"
            f'"We agree on the plan for {i} years," {b} said, adding that the meeting went well.\n')
    if figure:
        text += f"\nIndia has a population of {1400 + i} million people, {b} said.\n"
    return text
