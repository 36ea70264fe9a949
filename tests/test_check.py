"""The figure checker (claims.check): each measure, comparator and year rule on sentences
written for these tests, membership by the article's date, and the founding article.

Expected values are computed here from the reference table (claims.reference.statistics),
never typed in, so a test fails when the checker sums the wrong members or years."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.check import Check, check_sentence
from claims.check.compute import verdict_of
from claims.reference.groups import members
from claims.reference.statistics import value

ROOT = Path(__file__).resolve().parents[1]


def _one(sentence: str, date: str, context: str = "") -> Check:
    found = check_sentence(sentence, date=date, context=context)
    assert len(found) == 1, [c.reading.phrase for c in found]
    return found[0]


def _share(series: str, codes: tuple[str, ...], year: int) -> float:
    total = sum(v for c in codes if (v := value(series, c, year)) is not None)
    world = value(series, "WLD", year)
    assert world is not None
    return total / world * 100


def _sum(series: str, codes: tuple[str, ...], year: int) -> float:
    return sum(v for c in codes if (v := value(series, c, year)) is not None)


# -- measures ---------------------------------------------------------------------------------

def test_population_share_of_a_group_counts_its_members_on_the_day() -> None:
    c = _one("The SCO is home to 40 percent of the world's population, officials said.", "2021-06-15")
    sco = members("SCO", "2021-06-15")
    assert (c.reading.measure, c.reading.entity and c.reading.entity.members) == ("pop_share", sco)
    assert c.computed == pytest.approx(_share("population", sco, 2021))
    actual = _share("population", sco, 2021)
    assert c.verdict == verdict_of(abs(40 - actual) / actual)


def test_gdp_share_named_as_gdp_is_nominal() -> None:
    c = _one("The G7 produced 45% of world GDP in 2021.", "2022-05-01")
    g7 = members("G7", "2022-05-01")
    assert c.reading.measure == "gdp_share" and len(g7) == 7
    assert c.computed == pytest.approx(_share("gdp_usd", g7, 2021))


def test_the_global_economy_computes_nominal_and_ppp_and_says_ambiguous_when_they_disagree() -> None:
    c = _one("The G7 accounts for 30 percent of the global economy.", "2024-03-01")
    g7 = members("G7", "2024-03-01")
    assert c.reading.measure == "gdp_share|ppp_share"
    nominal, ppp = _share("gdp_usd", g7, 2023), _share("gdp_ppp", g7, 2023)
    assert [p.computed for p in c.parts] == pytest.approx([nominal, ppp])
    assert verdict_of(abs(30 - nominal) / nominal) != verdict_of(abs(30 - ppp) / ppp)
    assert c.verdict == "ambiguous"


def test_ppp_named_in_the_sentence() -> None:
    c = _one("In 2022, BRICS made up 31.5% of the world economy at purchasing power parity.", "2023-06-01")
    assert c.reading.measure == "ppp_share"
    assert c.computed == pytest.approx(_share("gdp_ppp", members("BRICS", "2023-06-01"), 2022))


def test_surface_share_and_area_in_square_kilometres_and_miles() -> None:
    share = _one("Russia covers 11 percent of the world's land area.", "2020-02-01")
    assert share.reading.measure == "surface_share" and share.reading.entity is not None
    assert share.reading.entity.members == ("RUS",)
    area = _one("Russia spans 17.1 million square kilometers.", "2020-02-01")
    assert (area.reading.measure, area.verdict) == ("surface_abs", "accurate")
    assert area.computed == value("surface_km2", "RUS", 2019)
    miles = _one("Russia spans 6.6 million square miles.", "2020-02-01")
    assert miles.reading.claimed == pytest.approx(6.6e6 * 2.589988110336) and miles.verdict == "accurate"


def test_absolute_population_and_gdp() -> None:
    pop = _one("Nigeria has 250 million people.", "2019-03-01")
    nigeria = value("population", "NGA", 2018)
    assert nigeria is not None and (pop.reading.measure, pop.computed) == ("pop_abs", nigeria)
    assert pop.verdict == verdict_of((250e6 - nigeria) / nigeria) and pop.direction == "overstated"
    gdp = _one("Brazil's economy, worth $1.9 trillion, is Latin America's largest.", "2019-03-01")
    assert (gdp.reading.measure, gdp.computed) == ("gdp_abs", value("gdp_usd", "BRA", 2018))


def test_gdp_at_purchasing_power_parity_and_exports_in_dollars() -> None:
    ppp = _one("China's GDP at purchasing power parity was $30 trillion in 2022.", "2023-06-01")
    assert (ppp.reading.measure, ppp.computed) == ("ppp_abs", value("gdp_ppp", "CHN", 2022))
    exports = _one("Germany's exports of goods and services reached $1.9 trillion in 2021.", "2023-06-01")
    assert (exports.reading.measure, exports.computed) == ("exports_abs", value("exports_usd", "DEU", 2021))


def test_exports_of_goods_and_services_but_not_merchandise() -> None:
    share = _one("Germany earns 8% of world exports.", "2020-01-10")
    assert share.reading.measure == "exports_share" and share.verdict != "uncheckable"
    goods = _one("Germany's merchandise exports reached $1.5 trillion.", "2020-01-10")
    assert goods.verdict == "uncheckable" and "merchandise" in goods.reason


def test_member_count_of_a_group_and_not_of_a_crowd() -> None:
    c = _one("The EU's 28 member states met in Brussels.", "2019-05-01")
    assert (c.reading.measure, c.computed, c.verdict) == ("member_count", 28.0, "accurate")
    nine = _one("Leaders of the nine-nation SCO met in Astana.", "2022-09-15")
    assert (nine.reading.claimed, nine.computed, nine.verdict) == (9.0, 8.0, "roughly_right")
    assert check_sentence("Seven member states had bid to host it.", date="2019-07-10",
                          context="The AU met in Niamey.") == []


def test_rank_in_a_continent() -> None:
    found = check_sentence('He said, "Nigeria is Africa\'s biggest economy and most populous country."',
                           date="2019-07-10")
    assert [(c.reading.measure, c.verdict) for c in found] == [
        ("rank_gdp", "accurate"), ("rank_pop", "accurate")]
    (wrong,) = check_sentence("Kenya is Africa's largest economy.", date="2019-07-10")
    assert (wrong.reading.measure, wrong.verdict) == ("rank_gdp", "inaccurate")
    assert wrong.computed is not None and wrong.computed > 1


def test_a_population_difference_between_two_countries() -> None:
    found = check_sentence("India has 1.43 billion people, about 20 million more than China.",
                           date="2024-05-01")
    assert [x.reading.measure for x in found] == ["pop_abs", "pop_diff"]
    c = found[1]
    india, china = value("population", "IND", 2023), value("population", "CHN", 2023)
    assert india is not None and china is not None and c.computed == india - china


def test_growth_of_one_country_and_not_of_a_group() -> None:
    c = _one("India's economy grew 7 percent in 2022.", "2023-03-01")
    india = value("gdp_growth_pct", "IND", 2022)
    assert india is not None
    assert (c.reading.measure, c.reading.year, c.computed) == ("gdp_growth", 2022, india)
    assert c.verdict == verdict_of(abs(7 - india) / india)
    shrank = _one("Russia's economy shrank 2.1% in 2022.", "2023-03-01")
    assert shrank.reading.claimed == -2.1 and shrank.computed == value("gdp_growth_pct", "RUS", 2022)
    group = _one("BRICS economies grew 4% in 2022.", "2023-03-01")
    assert group.verdict == "uncheckable" and "growth of a group" in group.reason


@pytest.mark.parametrize("sentence", [
    "South Korea evacuated about 80 people in the town of Yeoncheon.",
    "Iran issued arrest warrants on 36 people, Fars reported.",
    "Some 200,000 people were displaced in Syria last year.",
    "Police said 2,000 were killed in Syria.",
])
def test_people_an_event_counts_are_not_a_population(sentence: str) -> None:
    assert check_sentence(sentence, date="2020-01-01") == [] or all(
        c.reading.measure != "pop_abs" for c in check_sentence(sentence, date="2020-01-01"))


@pytest.mark.parametrize(("sentence", "why"), [
    ("About 16 percent of African trade is between African countries.", "trade"),
    ("The rainforest makes 20 percent of the planet's oxygen.", "oxygen"),
    ("Half of the French population is vaccinated.", "own people"),
])
def test_what_the_data_cannot_answer_is_uncheckable(sentence: str, why: str) -> None:
    c = _one(sentence, "2021-05-01")
    assert c.verdict == "uncheckable" and why in c.reason and c.parts == ()


@pytest.mark.parametrize("sentence", [
    "The plan caps arrivals at 0.3 percent of the national population a year.",
    "Only two-thirds of the country's population voted for the Union.",
    "Japanese Brazilians make up 1% of Sao Paulo's population, the EU said.",
    "About a fifth of Portugal's citizens live abroad, the EU said.",
    "NATO members agreed to spend 2 percent of gross domestic product on defence.",
    "Spending will fall to 1.2 percent of Germany's GDP, a NATO official said.",
])
def test_a_share_of_someones_own_people_or_economy_is_not_a_world_share(sentence: str) -> None:
    found = check_sentence(sentence, date="2020-05-01")
    assert found and all(c.verdict == "uncheckable" and "own" in c.reading.measure for c in found), [
        (c.reading.phrase, c.reading.measure, c.verdict) for c in found]


def test_a_bare_population_is_the_worlds_when_the_sentence_says_so() -> None:
    gdp, people = check_sentence("The G7 makes 30 percent of global GDP and 10 percent of the population.",
                                 date="2024-03-01")
    assert (gdp.reading.measure, people.reading.measure) == ("gdp_share", "pop_share")
    assert people.computed == pytest.approx(_share("population", members("G7", "2024-03-01"), 2024))
    alone = _one("The G7 has 10 percent of the population.", "2024-03-01")
    assert alone.verdict == "uncheckable"  # whose population, the sentence does not say


@pytest.mark.parametrize("sentence", [
    "The senator told 3,000 in Reno that Germany was wrong.",  # a crowd in a city
    "Troop strength, around 166,000 in April, lags Germany's target.",  # a month
    "He has not said what he would do with the 11 million people in the United States illegally.",
    "Workers there earn $10 an hour, less than anywhere in the OECD, despite its great wealth.",
    "Job growth in Canada was 30% lower than it would have been without the treaty.",
])
def test_figures_that_are_no_population_gdp_or_growth_are_not_read(sentence: str) -> None:
    assert [(c.reading.phrase, c.reading.measure) for c in check_sentence(sentence, date="2016-05-01")] == []


@pytest.mark.parametrize(("sentence", "why"), [
    ("Chile exports $3 billion of copper wire to the world.", "one product"),
    ("Tariffs hit more than $2 billion in Canadian exports to Mexico.", "from one country to another"),
    ("The IMF expects that Brazil's output will expand by 2.1 percent.", "forecast"),
    ("Vietnam's economy took off, averaging 7 percent growth a year for the last decade.", "average"),
])
def test_exports_of_a_product_or_between_two_countries_forecasts_and_averages_are_uncheckable(
        sentence: str, why: str) -> None:
    c = _one(sentence, "2016-05-01")
    assert c.verdict == "uncheckable" and why in c.reason, (c.reading.measure, c.reason)


def test_people_of_a_bloc_or_nation_the_sentence_describes_not_a_country_named_elsewhere() -> None:
    context = "EU leaders met in Brussels. A common army would defend the bloc of 450 million citizens, " \
              "whatever the United States decides."
    bloc = _one("A common army would defend the bloc of 450 million citizens, whatever the United States "
                "decides.", "2021-06-01", context=context)
    assert bloc.reading.entity is not None and bloc.reading.entity.label == "EU"
    nation = _one("U.S. firms hope to invest in the nation of 53 million people.", "2015-06-01")
    assert nation.verdict == "uncheckable" and nation.reading.entity is None
    apposed = _one("Indonesia, a nation of 270 million people, is the largest in the region.", "2020-06-01")
    assert apposed.reading.entity is not None and apposed.reading.entity.label == "IDN"


def test_a_subset_of_a_groups_members_is_not_its_size() -> None:
    assert check_sentence("Only five countries in NATO spend more than the target.", date="2016-05-01") == []
    ten = _one("The 10 members of ASEAN met in Vientiane.", "2016-09-06")
    assert (ten.reading.measure, ten.verdict) == ("member_count", "accurate")


def test_african_american_is_not_africa() -> None:
    c = _one("Nearly 70 percent of its residents are African-American.", "2016-05-01")
    assert c.verdict == "uncheckable" and (c.reading.entity is None or c.reading.entity.label != "Africa")


@pytest.mark.parametrize("sentence", [
    "The reform will cost the French economy $40 billion a year, the minister said.",
    "A new car plant will bring a $2 billion infusion into Hungary's economy.",
    "Tourism contributes $9 billion to Portugal's economy each year.",
    "The tax cuts of $1.5 trillion will kick Canada's economy into gear.",
    "When Japan's national debt reaches $9 trillion, its debt-to-GDP ratio will top 250 percent.",
    "Chile's copper exports are expected to increase by $2 billion a year.",
    "Some 1.2 million people left the workforce in Spain last year.",
    "About 2.7 million people in Mexico are addicted, the survey found.",
    "Of all cities in Brazil with more than 100,000 people, Curitiba is the safest.",
    "Floods killed 48 people in Chad, 8 in Niger and 10,728 in Nigeria over the years.",
])
def test_what_a_policy_costs_or_adds_and_people_something_counts_are_not_read(sentence: str) -> None:
    assert [(c.reading.phrase, c.reading.measure) for c in check_sentence(sentence, date="2016-05-01")] == []


def test_the_size_of_an_economy_is_read() -> None:
    year = 2015
    for sentence in ("Mexico's GDP was $1.2 trillion last year.", "Mexico has a $1.2 trillion economy.",
                     "Mexico's economy, worth $1.2 trillion, grew slowly."):
        c = _one(sentence, "2016-05-01")
        assert (c.reading.measure, c.reading.entity and c.reading.entity.label) == ("gdp_abs", "MEX")
        assert c.computed == pytest.approx(value("gdp_usd", "MEX", year))
    its = _one("The deal gives Iran $150 billion for its $400 billion economy, says a US senator.",
               "2016-05-01")
    assert its.reading.entity is not None and its.reading.entity.label == "IRN"


def test_a_part_of_the_worlds_people_is_not_the_worlds_population() -> None:
    c = _one("Brazil holds 3 percent of the world's prison population.", "2016-05-01")
    assert c.verdict == "uncheckable" and "prison" in c.reading.measure
    whole = _one("Brazil holds 3 percent of the world's population.", "2016-05-01")
    assert whole.reading.measure == "pop_share"


def test_a_forecast_beyond_the_data_is_uncheckable() -> None:
    c = _one("By 2050, ASEAN will hold 10 percent of the world's population.", "2024-01-01")
    assert c.verdict == "uncheckable" and "forecast" in c.reason


def test_no_group_or_country_found_is_uncheckable_with_the_reason() -> None:
    c = _one("They hold 40 percent of the world's population.", "2022-01-01")
    assert c.verdict == "uncheckable" and "no country or group" in c.reason


# -- comparators ------------------------------------------------------------------------------

def test_more_than_holds_when_the_value_is_above_the_bound() -> None:
    asean = members("ASEAN", "2017-08-06")
    actual = _sum("population", asean, 2016)
    c = _one(f"ASEAN has more than {int(actual * 0.9 / 1e6)} million people.", "2017-08-06")
    assert (c.reading.comparator, c.rel_error, c.verdict) == ("at_least", 0.0, "accurate")
    high = _one(f"ASEAN has more than {int(actual * 1.5 / 1e6)} million people.", "2017-08-06")
    assert high.reading.comparator == "at_least" and high.verdict == "inaccurate"


def test_under_and_nearly() -> None:
    under = _one("The G7 holds under 15 percent of the world's population.", "2023-01-01")
    assert (under.reading.comparator, under.rel_error) == ("at_most", 0.0)
    nearly = _one("The G7 holds nearly 15 percent of the world's population.", "2023-01-01")
    assert nearly.reading.comparator == "approx" and nearly.verdict == "inaccurate"


def test_a_range_is_judged_by_its_nearest_end() -> None:
    g7 = members("G7", "2023-01-01")
    share = _share("population", g7, 2023)
    inside = _one(f"The G7 holds {int(share) - 1}-{int(share) + 1} percent of the world's population.",
                  "2023-01-01")
    assert (inside.reading.comparator, inside.rel_error) == ("range", 0.0)


def test_fractions_and_a_parenthesised_precise_value() -> None:
    third = _one("BRICS is home to a third of the world's population.", "2020-01-01")
    assert third.reading.claimed == pytest.approx(100 / 3)
    precise = _one("The G20 has slightly more than 60% of the world population (62%).", "2022-11-17")
    assert precise.reading.claimed == 62.0 and precise.reading.comparator == "approx"


def test_a_quarter_two_thirds_and_about() -> None:
    eu = members("EU", "2023-06-01")
    quarter = _one("The EU produces a quarter of the world's GDP.", "2023-06-01")
    assert (quarter.reading.claimed, quarter.reading.comparator) == (25.0, "approx")
    assert quarter.computed == pytest.approx(_share("gdp_usd", eu, 2022))
    g20 = members("G20", "2023-06-01", organisations="expand")
    actual = _share("population", g20, 2023)
    for sentence in ("The G20 is home to two-thirds of the world's population.",
                     "The G20 is home to about two thirds of the world's population."):
        c = _one(sentence, "2023-06-01")
        assert (c.reading.claimed, c.reading.comparator) == (pytest.approx(200 / 3), "approx")
        assert c.computed == pytest.approx(actual)
        assert c.verdict == verdict_of(abs(200 / 3 - actual) / actual)


def test_more_than_or_over_a_fraction_is_a_bound() -> None:
    g20 = members("G20", "2023-06-01", organisations="expand")
    actual = _share("population", g20, 2023)
    assert actual > 50  # so "more than half" holds and "about half" is off by actual/50 - 1
    more = _one("The G20 is home to more than half of the world's population.", "2023-06-01")
    assert (more.reading.comparator, more.rel_error, more.verdict) == ("at_least", 0.0, "accurate")
    over = _one("The G20 is home to over a third of the world's population.", "2023-06-01")
    assert (over.reading.comparator, over.verdict) == ("at_least", "accurate")
    about = _one("The G20 is home to about half of the world's population.", "2023-06-01")
    assert about.reading.comparator == "approx"
    assert about.rel_error == pytest.approx(abs(50 - actual) / actual)
    under = _one("The G20 holds less than a third of the world's population.", "2023-06-01")
    assert (under.reading.comparator, under.verdict) == ("at_most", verdict_of((actual - 100 / 3) / actual))


# -- year rules -------------------------------------------------------------------------------

def test_year_stated_in_the_sentence_wins() -> None:
    c = _one("In 2015, the G7 produced 46% of world GDP.", "2022-05-01")
    assert (c.reading.year, c.reading.year_rule) == (2015, "stated in the sentence")


def test_years_ago_counts_back_from_the_assumed_year() -> None:
    c = _one("Germany's GDP was US$3.4 trillion seven years ago.", "2017-08-06")
    assert c.reading.year == 2009


def test_a_founding_year_is_not_the_year_of_the_data() -> None:
    c = _one("Set up in 2001, the SCO has half of the world's population.", "2022-09-15")
    assert c.reading.year == 2022


def test_years_listed_after_a_joining_date_the_joining_too() -> None:
    c = _one("Chile and Mexico, members since 2010 and 1994, hold 150 million people.", "2021-03-01")
    assert c.reading.year_rule == "publication year - 1 (assumed)"
    both = _one("The group, which Chile and Peru joined in 2010 and 2016, makes 3% of world GDP.",
                "2021-03-01")
    assert (both.reading.year, both.reading.year_rule) == (2020, "publication year - 1 (assumed)")


def test_the_year_the_article_states_elsewhere() -> None:
    c = _one("The G7 makes 43% of global GDP.", "2022-11-17",
             context="In 2022, the G20 economies accounted for most of it. The G7 makes 43% of global GDP.")
    assert (c.reading.year, c.reading.year_rule) == (2022, "stated elsewhere in the article")


def test_assumed_year_is_the_one_before_publication_and_population_shares_the_same_year() -> None:
    gdp = _one("Indonesia's GDP is US$1 trillion.", "2017-08-06")
    assert (gdp.reading.year, gdp.reading.year_rule) == (2016, "publication year - 1 (assumed)")
    pop = _one("ASEAN holds 8.6 per cent of the world's population.", "2017-08-06")
    assert pop.reading.year == 2017


# -- membership by the article's date ------------------------------------------------------------

def test_sco_before_and_after_india_and_pakistan_joined_in_2017() -> None:
    before = _one("The SCO has a fifth of the world's population.", "2016-06-01")
    after = _one("The SCO has a fifth of the world's population.", "2018-06-01")
    assert before.reading.entity is not None and after.reading.entity is not None
    assert len(before.reading.entity.members) == 6 and len(after.reading.entity.members) == 8
    assert "IND" not in before.reading.entity.members and "IND" in after.reading.entity.members
    assert before.verdict == "accurate" and after.verdict == "inaccurate"


def test_brics_before_and_after_the_2024_enlargement() -> None:
    before = _one("The five-nation BRICS group met in Johannesburg.", "2023-08-22")
    after = _one("The five-nation BRICS group met in Kazan.", "2024-10-22")
    assert (before.computed, before.verdict) == (5.0, "accurate")
    assert after.computed == 9.0 and after.verdict == "inaccurate"


def test_a_group_named_earlier_in_the_article() -> None:
    context = "BRICS leaders met in Johannesburg. The group's members hold 3.2 billion people."
    c = _one("The group's members hold 3.2 billion people.", "2023-08-22", context=context)
    assert c.reading.entity is not None and c.reading.entity.label == "BRICS"
    assert c.reading.entity.how == "group named earlier in the article"


def test_countries_listed_with_a_group_named_after_them_are_added_to_it() -> None:
    c = _one("Together with Argentina and Indonesia, the G7 holds 14 percent of the world's population.",
             "2023-05-20")
    counted = (*members("G7", "2023-05-20"), "ARG", "IDN")
    assert c.reading.entity is not None and c.reading.entity.members == counted
    assert c.computed == pytest.approx(_share("population", counted, 2023))


def test_they_with_countries_listed_is_the_group_named_before_plus_the_list() -> None:
    sentence = "Together with India and Brazil, they hold 30 percent of the world's population."
    c = _one(sentence, "2023-05-20", context=f"The G7 leaders met in Hiroshima. {sentence}")
    counted = (*members("G7", "2023-05-20"), "IND", "BRA")
    assert c.reading.entity is not None and c.reading.entity.group == "G7"
    assert c.reading.entity.members == counted
    assert c.computed == pytest.approx(_share("population", counted, 2023))


def test_they_with_countries_that_join_is_the_group_they_join_in_the_year_stated() -> None:
    brics = _one("Together with Egypt, Ethiopia, Iran and the United Arab Emirates, which join in 2024, "
                 "they will hold 3.5 billion people.", "2023-09-01")
    assert brics.reading.entity is not None and brics.reading.entity.group == "BRICS"
    assert set(brics.reading.entity.members) == set(members("BRICS", "2023-09-01")) | {
        "EGY", "ETH", "IRN", "ARE"}
    # Finland and Sweden are in the EU (1995) and in NATO (2023, 2024): the year told them apart
    nato = _one("Together with Finland and Sweden, which joined in 2023 and 2024, they are home to "
                "970 million people.", "2024-07-10")
    assert nato.reading.entity is not None and nato.reading.entity.group == "NATO"
    assert nato.computed == pytest.approx(_sum("population", members("NATO", "2024-07-10"), 2023))


def test_they_with_countries_listed_and_no_group_to_refer_to_is_uncheckable() -> None:
    c = _one("Together with Chile and Peru, they hold 10 percent of the world's population.", "2023-01-01")
    assert c.verdict == "uncheckable" and c.computed is None  # not the two countries alone


def test_us_dollars_are_not_the_united_states() -> None:
    c = _one("Its member states have a combined GDP of US$2.5 trillion.", "2017-08-06",
             context="Asean turns 50. Its member states have a combined GDP of US$2.5 trillion.")
    assert c.reading.entity is not None and c.reading.entity.label == "ASEAN"


# -- the founding article ----------------------------------------------------------------------

def test_the_founding_article() -> None:
    text = (ROOT / "kb" / "articles" / "sco-summit-samarkand.txt").read_text(encoding="utf-8")
    half = _one("In total, the SCO represents an audience of half of the world's population.",
                "2022-09-15", context=text)
    sco = members("SCO", "2022-09-15")
    assert sco == ("CHN", "IND", "KAZ", "KGZ", "PAK", "RUS", "TJK", "UZB")
    assert (half.verdict, half.direction, half.reading.year) == ("roughly_right", "overstated", 2022)
    assert round(half.computed or 0, 1) == 41.3
    assert [c for c, _ in half.parts[0].values] == list(sco)
    eight = check_sentence("Set up in 2001, the SCO refers to an eight-nation group made up of China, "
                           "Russia, India, Pakistan, Kazakhstan, Uzbekistan, Kyrgyzstan and Tajikistan.",
                           date="2022-09-15")
    assert [(c.reading.phrase, c.verdict) for c in eight] == [("eight-nation", "accurate")]
