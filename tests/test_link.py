"""The speaker linker on sentences written for the tests: each kind of mention, and NIL.

The cases live in ``tests/data/link_mentions.jsonl`` (also scored by
``benchmarks/linking.py``); the tests below add the mechanics around them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.link import Linker, link, link_mentions
from claims.link.mentions import parse
from claims.link.offices import fits, office_words

CASES = [json.loads(line) for line in
         (Path(__file__).parent / "data" / "link_mentions.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]


@pytest.mark.parametrize("case", CASES, ids=[f"{c['id']}:{c['kind']}" for c in CASES])
def test_each_kind_of_mention(case: dict[str, str]) -> None:
    found = link(case["mention"], context=case["context"], date=case["date"])
    assert (found.qid or "NIL") == case["gold"], found.reason
    if found.linked:
        assert 0.5 <= found.confidence <= 1 and found.method and found.name
    else:
        assert found.confidence == 0 and found.reason


def test_the_founding_article_speakers_with_their_offices_on_the_day(founding_article: Path) -> None:
    text = founding_article.read_text(encoding="utf-8")
    linker = Linker(text, "2022-09-15")
    expected = {"Russian President Vladimir Putin": ("Q7747", "President of Russia"),
                "Chinese President Xi Jinping": ("Q15031", "President of the People's Republic of China"),
                "Iranian President Ebrahim Raisi": ("Q5947347", "President of Iran"),
                "Kremlin foreign policy adviser Yuri Ushakov": ("Q4479563", None)}
    for mention, (qid, office) in expected.items():
        found = linker.link(mention)
        assert found.qid == qid, found.reason
        titles = [p.title for p in found.offices]
        assert (office in titles) if office else titles == []  # the tables lack his adviser post
    assert linker.link("Putin").qid == "Q7747" and linker.link("Raisi").qid == "Q5947347"
    assert linker.link("Small").qid is None  # Andrew Small is not in the tables


def test_a_surname_takes_the_fuller_name_the_article_gives_and_the_speaker_name_attribution_gave() -> None:
    linker = Linker("Hossein Amir-Abdollahian, Iran's foreign minister, arrived on Monday.", "2022-09-15")
    assert linker.link("Amir-Abdollahian").method == "surname + fuller mention"
    # ingestion passes the canonical name the attribution resolved a pronoun to
    assert Linker("", "2022-09-15").link("he", name="Ebrahim Raisi").qid == "Q5947347"


def test_the_date_decides_who_held_an_office() -> None:
    assert link("Britain's prime minister", date="2020-05-01").name == "Boris Johnson"
    assert link("Britain's prime minister", date="2015-05-01").name == "David Cameron"
    assert link("Britain's prime minister").method == "no date"


def test_roles_and_titles_match_by_office_words() -> None:
    foreign = "Secretary of State for Foreign and Commonwealth Affairs"
    assert fits(office_words("foreign minister"), foreign) == 2
    assert fits(office_words("the FBI director"), "Director of the FBI") == 2
    assert fits(office_words("president"), "Vice President") == 0
    assert fits(office_words("White House"), "White House Counsel") == 0  # an institution is no one
    assert fits(office_words("Chinese leader"), "head of state") == 1


def test_mentions_taken_apart() -> None:
    m = parse("Adil Abdul-Mahdi, the acting Prime Minister of Iraq")
    assert (m.name, m.role, m.qualifiers) == ("Adil Abdul-Mahdi", "acting Prime Minister of Iraq", ("iraq",))
    assert parse("a longtime adviser to Trump").kind == "anonymous"  # Trump is not the speaker
    assert parse("Obama and Biden").kind == "group"
    assert parse("Ms. Perino, a White House press secretary for George W. Bush").name == "Perino"
    assert parse("former Vice President Dick Cheney").former


def test_link_mentions_reads_cli_records() -> None:
    found = dict(link_mentions([{"id": "a", "mention": "Putin", "context": "", "date": "2022-09-15"},
                                {"id": "b", "mention": "officials", "date": None}]))
    assert found["a"].qid == "Q7747" and found["b"].qid is None
