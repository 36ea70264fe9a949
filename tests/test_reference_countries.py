"""Countries and groups of the shipped reference tables, and the script that rebuilds them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from claims.reference import build, countries, groups
from claims.reference.countries import NOT_COUNTRIES, country, mentions


@pytest.mark.parametrize(("key", "iso3"), [
    ("Russia", "RUS"), ("Russian Federation", "RUS"), ("russian federation", "RUS"),
    ("Iran", "IRN"), ("Iran, Islamic Rep.", "IRN"), ("Iranian", "IRN"), ("Russian", "RUS"),
    ("the United States", "USA"), ("U.S.", "USA"), ("US", "USA"), ("USA", "USA"),
    ("Britain", "GBR"), ("British", "GBR"), ("Korea, Rep.", "KOR"), ("South Korean", "KOR"),
    ("Ivory Coast", "CIV"), ("Burma", "MMR"), ("Swaziland", "SWZ"), ("Kosovo", "XKX"),
    ("IN", "IND"), ("RU", "RUS"), ("World", "WLD"), ("Euro area", "EMU"), ("DRC", "COD"),
])
def test_a_country_is_found_by_code_name_variant_or_demonym(key: str, iso3: str) -> None:
    found = country(key)
    assert found is not None and found.iso3 == iso3


def test_codes_only_count_in_upper_case_and_unknown_names_are_none() -> None:
    assert country("in") is None and country("us") is None
    assert country("Atlantis") is None and country("") is None


def test_entries_carry_codes_qids_kind_and_preferred_names() -> None:
    russia = country("RUS")
    assert russia is not None
    assert (russia.iso2, russia.qid, russia.kind, russia.name, russia.region) == (
        "RU", "Q159", "country", "Russia", "Europe")
    assert "Russian Federation" in russia.names and "Russian" in russia.demonyms
    world = country("WLD")
    assert world is not None and world.kind == "aggregate" and world.in_wdi
    taiwan = country("Taiwan")
    assert taiwan is not None and taiwan.qid == "Q865" and not taiwan.in_wdi
    assert all(c.qid for c in countries.countries(kind="country") if c.independent)


def test_listing_by_kind_and_region() -> None:
    aggregates = countries.countries(kind="aggregate")
    assert len(aggregates) == 47 and {"WLD", "EUU", "SAS"} <= {c.iso3 for c in aggregates}
    africa = {c.iso3 for c in countries.countries(region="Africa")}
    assert {"NGA", "ZAF", "EGY"} <= africa and "FRA" not in africa


def test_mentions_as_news_writes_them() -> None:
    text = ("Iran's foreign minister met Russian and South Sudanese envoys in the U.S. and "
            "in Papua New Guinea; the Philippines' delegation flew in from China.")
    found = [(m.text, m.value.iso3, text[m.start:m.end]) for m in mentions(text)]
    assert [(t, c) for t, c, _ in found] == [
        ("Iran", "IRN"), ("Russian", "RUS"), ("South Sudanese", "SSD"), ("U.S.", "USA"),
        ("Papua New Guinea", "PNG"), ("Philippines", "PHL"), ("China", "CHN")]
    assert all(t == span for t, _, span in found)


def test_mentions_leave_out_names_that_only_contain_a_country() -> None:
    text = "Latin American leaders sailed the Indian Ocean; Indian troops stayed in Mexico City."
    assert [(m.text, m.value.iso3) for m in mentions(text)] == [("Indian", "IND")]
    own = {n for c in countries.countries(kind="country") for n in (*c.names, *c.demonyms)}
    assert not own & set(NOT_COUNTRIES)
    assert mentions("china plates and a turkey dinner") == []


def test_groups_by_alias() -> None:
    for alias, code in (("Shanghai Cooperation Organisation", "SCO"), ("G-20", "G20"),
                        ("Nato", "NATO"), ("BRIC", "BRICS"), ("european union", "EU"),
                        ("Commonwealth of Independent States", "CIS"), ("the Commonwealth", "Commonwealth")):
        found = groups.group(alias)
        assert found is not None and found.code == code, alias
    assert groups.group("G77") is None
    assert len(groups.groups()) == 18
    text = "The SCO and the G-20 met; the Commonwealth of Independent States did not."
    assert [(m.text, m.value.code) for m in groups.mentions(text)] == [
        ("SCO", "SCO"), ("G-20", "G20"), ("Commonwealth of Independent States", "CIS")]


@pytest.mark.parametrize(("code", "before", "after", "joined"), [
    ("SCO", "2017-06-08", "2017-06-09", {"IND", "PAK"}),
    ("SCO", "2023-07-03", "2023-07-04", {"IRN"}),
    ("BRICS", "2023-12-31", "2024-01-01", {"EGY", "ETH", "IRN", "ARE"}),
    ("BRICS", "2010-12-23", "2010-12-24", {"ZAF"}),
])
def test_membership_is_counted_on_the_day(code: str, before: str, after: str, joined: set[str]) -> None:
    assert set(groups.members(code, after)) - set(groups.members(code, before)) == joined


def test_membership_ends_and_other_statuses() -> None:
    assert "GBR" in groups.members("EU", "2020-01-30") and "GBR" not in groups.members("EU", "2020-01-31")
    assert "RUS" in groups.members("G8", "2013-06-01") and groups.members("G8", "2015-01-01") == ()
    assert "SAU" not in groups.members("BRICS", "2024-06-01")
    assert groups.members("BRICS", "2024-06-01", status="invited") == ("SAU",)
    assert "IRN" in groups.members("SCO", "2022-09-15", status="observer")
    assert groups.member_of("IRN", "2024-06-01") == ("SCO", "BRICS", "OPEC")


def test_organisation_members_are_dropped_kept_or_expanded() -> None:
    on = "2022-11-17"
    states = groups.members("G20", on)
    assert len(states) == 19 and "EU" not in states
    assert set(groups.members("G20", on, organisations="keep")) == {*states, "EU"}
    expanded = groups.members("G20", on, organisations="expand")
    assert len(expanded) == 43 and {"AUT", "BEL", "DEU"} <= set(expanded) and "GBR" in expanded
    assert "AU" in groups.members("G20", "2023-09-09", organisations="keep")


def test_partial_dates_count_from_their_first_day() -> None:
    assert groups.day("2005-07") == groups.day("2005-07-01")
    assert groups.day("1977").isoformat() == "1977-01-01"
    assert "EU" in groups.members("G7", "1977-01-01", organisations="keep")
    assert "EU" not in groups.members("G7", "1976-12-31", organisations="keep")


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)


@pytest.fixture()
def shared(tmp_path: Path) -> Path:
    """A tiny ../shared/reference, written here."""
    src = tmp_path / "shared"
    src.mkdir()
    _write(src / "countries.csv", ["iso3", "iso2", "name", "official_name_en", "wikidata_qid",
                                   "un_region", "un_subregion", "is_independent"],
           [["FRA", "FR", "France", "France", "Q142", "Europe", "Western Europe", "Yes"],
            ["TWN", "TW", "Taiwan", "Taiwan", "Q865", "Asia", "Eastern Asia", "Yes"]])
    _write(src / "wb_entities.csv", ["iso3", "name", "kind"],
           [["FRA", "France", "country"], ["XKX", "Kosovo", "country"], ["WLD", "World", "aggregate"]])
    _write(src / "country_groups.csv", ["group", "member", "member_kind", "joined", "left", "status", "note"],
           [["G7", "FRA", "state", "1975-11-15", "", "member", ""],
            ["G7", "EU", "organisation", "1977", "", "member", ""],
            ["EU", "FRA", "state", "1958-01-01", "", "member", "founder"]])
    _write(src / "country_group_aliases.csv", ["group", "alias", "is_abbreviation", "note"],
           [["G7", "G7", "yes", ""], ["G7", "Group of Seven", "no", ""], ["XX", "orphan", "no", ""]])
    return src


def test_the_builder_writes_compact_tables_from_the_shared_data(shared: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "kb"
    target.mkdir()
    _write(target / "country_names.csv", ["iso3", "kind", "value"],
           [["XKX", "qid", "Q1246"], ["XKX", "iso2", "XK"], ["FRA", "demonym", "French"]])
    monkeypatch.setattr(build, "MODULES", ("claims.reference.countries", "claims.reference.groups"))
    written = build.build(shared, target)
    assert sorted(p.name for p in written) == ["countries.csv", "group_aliases.csv", "groups.csv"]
    with open(target / "countries.csv", encoding="utf-8") as f:
        rows = {r["iso3"]: r for r in csv.DictReader(f)}
    assert set(rows) == {"FRA", "TWN", "WLD", "XKX"}
    assert (rows["XKX"]["qid"], rows["XKX"]["iso2"], rows["XKX"]["wdi_name"]) == ("Q1246", "XK", "Kosovo")
    assert rows["TWN"]["wdi_name"] == "" and rows["WLD"]["kind"] == "aggregate"
    with open(target / "group_aliases.csv", encoding="utf-8") as f:
        assert [r["alias"] for r in csv.DictReader(f)] == ["G7", "Group of Seven"]


def test_the_builder_refuses_a_malformed_table(shared: Path, tmp_path: Path) -> None:
    with open(shared / "country_groups.csv", "a", encoding="utf-8") as f:
        f.write("G7,ITA,state,1975-13,,member,\n")
    with pytest.raises(ValueError):
        groups.build(shared, tmp_path)
