"""The people reference: the rebuild script on a small fixture, and the shipped tables."""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path

import pytest

from claims.reference import build as building
from claims.reference.people import People, fold, held_on, name_keys, people, surname_keys

PEOPLE = """qid,name,gender,dob,countries,n_positions,aliases
Q1,Vladimir Putin,male,1952-10-07,RUS,2,Vladimir Putin
Q2,Xi Jinping,male,1953-06-15,CHN,1,Xi Jinping
Q3,Tony Abbott,male,1957-11-04,AUS,1,Tony Abbott
Q4,Tony Abbott,,,MSR,1,Tony Abbott
Q5,Sergey Lavrov,male,1950-03-21,RUS,1,Sergey Lavrov|Sergei Lavrov
"""
POSITIONS = """qid,position,position_qid,country_iso3,start,end,source
Q1,President,,RUS,2012-05-07,,eps/russia-cabinet
Q1,President of Russia,Q218295,RUS,2012,,eps/world-leaders-2021
Q1,President of Russia,Q218295,RUS,2012,,eps/world-leaders-2021
Q2,President,,CHN,2013-03-14,,eps/china-ministers
Q3,Prime Minister,,AUS,2013-09-18,2015-09-15,eps/australia-cabinet
Q4,head of state,,MSR,1997-09-17,2001-05-11,geografia
Q5,Minister of Foreign Affairs,Q1418873,RUS,2004-03-09,,eps/russia-cabinet
Q9,Someone not in people.csv,,RUS,2000,,eps/x
"""
ALIASES = """qid,alias,kind
Q5,Sergey Lavrov,enwiki_title
Q5,Sergei Lavrov,generated_translit
Q3,Tony Abbott (politician),enwiki_title
Q2,Xi Jinping,wikidata_label_en
"""


def _read(path: Path) -> list[dict[str, str]]:
    with gzip.open(path, "rb") as raw:
        return list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline="")))


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "shared"
    folder.mkdir()
    for name, text in (("people.csv", PEOPLE), ("people_positions.csv", POSITIONS),
                       ("people_aliases.csv", ALIASES)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_the_rebuild_writes_compact_tables_that_load_into_the_lookups(source: Path, tmp_path: Path) -> None:
    from claims.reference import people as module

    written = module.build(source, tmp_path / "out")
    assert [p.name for p in written] == ["people_persons.csv.gz", "people_positions.csv.gz",
                                         "people_aliases.csv.gz"]
    persons, positions, aliases = (_read(p) for p in written)
    assert [p["qid"] for p in persons] == ["Q1", "Q2", "Q3", "Q4", "Q5"]
    assert len(positions) == 6  # the exact duplicate and the unknown person's row dropped
    assert ("Q3", "Tony Abbott") not in {(a["qid"], a["alias"]) for a in aliases}  # qualifier dropped
    table = People.from_rows(persons, positions)
    assert table.named("Sergei Lavrov") == ("Q5",) and table.surnamed("Lavrov") == ("Q5",)
    assert table.surnamed("Xi") == ("Q2",)  # family name first
    assert sorted(table.named("Tony Abbott")) == ["Q3", "Q4"]
    assert [p.title for p in table.held("Q1", "2022-09-15")] == ["President of Russia", "President"]
    assert table.held("Q3", "2016-01-01") == ()
    assert "tony" in table.given_names


def test_the_rebuild_is_byte_for_byte_repeatable(source: Path, tmp_path: Path) -> None:
    from claims.reference import people as module

    first = [p.read_bytes() for p in module.build(source, tmp_path / "a")]
    second = [p.read_bytes() for p in module.build(source, tmp_path / "b")]
    assert first == second


def test_the_build_script_runs_every_module(source: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(building, "MODULES", ("claims.reference.people",))
    written = building.build(source, tmp_path / "out")
    assert {p.name for p in written} == {"people_persons.csv.gz", "people_positions.csv.gz",
                                         "people_aliases.csv.gz"}


def test_keys_and_terms() -> None:
    assert fold("Raïsi  Amir-Abdollahian") == "raisi amir abdollahian"
    assert fold("O’Brien") == fold("O'Brien") == "obrien"
    assert name_keys("Loretta E. Lynch") == {"loretta e lynch", "loretta lynch"}
    assert surname_keys("Abdullah II of Jordan") == set()
    assert surname_keys("Charles de Gaulle") >= {"gaulle", "de gaulle"}
    from claims.reference.people import Position

    term = Position("Q1", "Governor", "", "USA", "2013", "2015")
    assert held_on(term, "2013-01-01") and held_on(term, "2015-12-31") and not held_on(term, "2016-01-01")


def test_the_shipped_tables_hold_the_founding_article_people() -> None:
    table = people()
    assert len(table.persons) == 11_706
    assert sum(len(p) for p in table.positions.values()) > 18_000
    for name, qid in (("Vladimir Putin", "Q7747"), ("Xi Jinping", "Q15031"),
                      ("Ebrahim Raisi", "Q5947347"), ("Yuri Ushakov", "Q4479563"),
                      ("Yury Ushakov", "Q4479563"), ("Sergei Lavrov", "Q58217")):
        assert qid in table.named(name), name
    assert "Sergei Lavrov" in table.aliases("Q58217")
