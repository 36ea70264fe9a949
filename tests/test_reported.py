"""Reported speech: "X said that …", "…, X said", "according to X"."""

from __future__ import annotations

from claims.document import Document
from claims.extract import extract
from claims.statements import Kind


def _rep(text: str) -> list[tuple[str, str | None, str | None]]:
    sts = extract(Document.from_text(text, id="t"))
    return [(s.text, s.cue, s.speaker.name if s.speaker else None)
            for s in sts if s.kind is Kind.REPORTED_SPEECH]


def test_said_that() -> None:
    assert _rep("Mayor Jane Doe said that the bridge would reopen in May.") == [
        ("the bridge would reopen in May", "said", "Jane Doe")]


def test_trailing_source() -> None:
    assert _rep("The talks will resume next week, a senior official said.") == [
        ("The talks will resume next week", "said", "senior official")]


def test_according_to() -> None:
    assert _rep("According to the ministry, exports fell sharply in March.") == [
        ("exports fell sharply in March", "According to", "ministry")]


def test_direct_quote_is_not_reported_speech() -> None:
    assert _rep('Putin said: "We will not retreat from our goals."') == []


def test_no_verb_no_reported_speech() -> None:
    assert _rep("The river rose three metres overnight.") == []


def test_two_attributions_in_one_sentence() -> None:
    assert _rep("The mayor said the bridge would reopen in May, and the council warned that "
                "the budget was too small.") == [
        ("the bridge would reopen in May", "said", "mayor"),
        ("the budget was too small", "warned", "council")]


def test_auxiliary_and_statement_forms() -> None:
    assert _rep("Jane Roe has argued that the tax would hurt small farms.") == [
        ("the tax would hurt small farms", "argued", "Jane Roe")]
    assert _rep("The agency wrote in a statement that its inspectors found no fault.") == [
        ("its inspectors found no fault", "wrote", "agency")]
    assert _rep("Jon Doe is telling voters the plan will cut their bills.")[0][:2] == (
        "voters the plan will cut their bills", "telling")


def test_told_object_then_content() -> None:
    assert _rep("Jane Roe told reporters the vote would be close.") == [
        ("the vote would be close", "told", "Jane Roe")]


def test_says_without_that_and_lowercase_source() -> None:
    assert _rep("Critics say the rules would slow new housing.") == [
        ("the rules would slow new housing", "say", "Critics")]


def test_parenthetical_cue_takes_both_sides() -> None:
    assert _rep("The old mill was a landmark, Mr. Doe said, until it burned down in 1990.") == [
        ("The old mill was a landmark, Mr. Doe said, until it burned down in 1990", "said",
         "Doe")]


def test_participle_cue_speaker_is_subject() -> None:
    out = _rep("Jane Roe defended the budget on Monday, saying that the cuts were needed.")
    assert out == [("the cuts were needed", "saying", "Jane Roe")]


def test_appositive_name_after_description() -> None:
    assert _rep("A lawyer for the firm, Jon Doe, said no decision had been made.") == [
        ("no decision had been made", "said", "Jon Doe")]


def test_adverbial_after_verb_is_not_content() -> None:
    assert _rep('"We will win," Jane Roe said in a statement on Monday.') == []


def test_called_for_and_plural_subject() -> None:
    assert _rep("The union called for a full review of the safety rules.") == [
        ("a full review of the safety rules", "called for", "union")]
    assert _rep("Farmers complain bitterly that fuel prices are too high.") == [
        ("fuel prices are too high", "complain", "Farmers")]


def test_concessive_clause_ends_the_content() -> None:
    assert _rep("Jane Roe said the plan was sound, although she refused to back it.") == [
        ("the plan was sound", "said", "Jane Roe")]


def test_a_sentence_ends_before_a_quotation() -> None:
    assert _rep('Jane Roe said the vote was close. "We won the county," she added.') == [
        ("the vote was close", "said", "Jane Roe")]
    assert _rep("Jon Doe said the plan was sound. ''We will see,'' he added.") == [
        ("the plan was sound", "said", "Jon Doe")]


def test_trailing_cue_with_a_day_and_a_plural_noun() -> None:
    assert _rep("Prices will rise again next year, officials said Thursday.") == [
        ("Prices will rise again next year", "said", "officials")]
    assert _rep("The merger will cut hundreds of jobs, donors said.") == [
        ("The merger will cut hundreds of jobs", "said", "donors")]


def test_a_clause_after_said_is_content_not_an_inverted_source() -> None:
    assert _rep("Congressman Jon Doe, a party donor, said Senate aides plan to secure enough "
                "votes.") == [("Senate aides plan to secure enough votes", "said", "Jon Doe")]
    assert _rep("Jane Roe, the county clerk, said Tuesday that she had counted the ballots.") == [
        ("she had counted the ballots", "said", "Jane Roe")]


def test_reported_questions_and_requests() -> None:
    assert _rep("The senator asked whether the plan would cut taxes for farmers.") == [
        ("whether the plan would cut taxes for farmers", "asked", "senator")]
    assert _rep("The council asked the mayor to delay the vote until June.") == [
        ("the mayor to delay the vote until June", "asked", "council")]
    assert _rep("She asked about the weather in the mountains.") == []


def test_a_subject_with_a_modifier_speaks() -> None:
    assert _rep("Several supporters of the reform said it would pass easily.") == [
        ("it would pass easily", "said", "Several supporters of the reform")]
    assert _rep("Jane Roe earlier Thursday said the committee had finished its work.") == [
        ("the committee had finished its work", "said", "Jane Roe")]


def test_a_poll_share_reports_without_a_speaker() -> None:
    assert _rep("Nearly half said they would vote for the incumbent again.") == [
        ("they would vote for the incumbent again", "said", None)]


def test_where_it_was_said_is_not_content() -> None:
    assert _rep("The company said in a statement Thursday night it had closed the account.") == [
        ("it had closed the account", "said", "company")]
    assert _rep("Jane Roe said in an interview with a local radio station last week that the "
                "mill would reopen.") == [("the mill would reopen", "said", "Jane Roe")]


def test_the_reporters_additions_end_the_content() -> None:
    assert _rep("Jane Roe said she supports the bill, which passed the House in May.") == [
        ("she supports the bill", "said", "Jane Roe")]
    assert _rep("The minister said the plan would fail, pointing to last year's losses.") == [
        ("the plan would fail", "said", "minister")]


def test_words_leading_into_a_quotation_are_not_reported_speech() -> None:
    assert _rep('Sooner or later, the governor told reporters, "it starts to pay off."') == []


def test_according_to_after_a_short_opening_takes_both_sides() -> None:
    assert _rep("But the next day, according to the mayor, the council changed its mind.") == [
        ("But the next day, according to the mayor, the council changed its mind",
         "according to", "mayor")]


def test_a_participle_before_a_noun_is_no_cue() -> None:
    assert _rep("Nearly half of the firm's reported profits came from abroad, according to "
                "the filing.") == [
        ("Nearly half of the firm's reported profits came from abroad", "according to",
         "filing")]


def test_an_addressee_or_a_thing_written_is_not_content() -> None:
    assert _rep('"We will win," Jane Roe told a local radio station on Friday.') == []
    assert _rep('"We will win," Jane Roe said to a cheering crowd in Ohio.') == []
    assert _rep("Jon Doe wrote a long letter to the board last week.") == []


def test_a_nounish_cue_after_a_pronoun_or_adverb_is_a_verb() -> None:
    assert [r[:2] for r in _rep("He also claims his fortune is larger than reported.")] == [
        ("his fortune is larger than reported", "claims")]


def test_pointed_to() -> None:
    assert _rep("The minister pointed to the falling price of grain as proof.") == [
        ("the falling price of grain as proof", "pointed", "minister")]


def test_a_question_put_to_someone_has_no_named_asker() -> None:
    assert _rep("The rally was loud. Asked whether he would run again, the mayor said he had "
                "not decided.") == [("whether he would run again", "Asked", None),
                                    ("he had not decided", "said", "mayor")]


def test_calling_someone_something_is_reported() -> None:
    assert _rep("Former governor Jane Roe called him a political opportunist.") == [
        ("him a political opportunist", "called", "Jane Roe")]
    assert _rep("She called the police after the break-in.") == []


def test_described_as() -> None:
    assert _rep("The minister described the agreement as a turning point for the region.") == [
        ("the agreement as a turning point for the region", "described", "minister")]


def test_what_follows_a_quotations_cue_is_not_content_without_that() -> None:
    assert _rep('"We will win," Jane Roe said carefully, as the crowd cheered.') == []
    assert _rep('"We will win," Jane Roe said of the vote in Ohio.') == []
    assert _rep('"We will win," Jane Roe said, and she added that the count was over.') == [
        ("the count was over", "added", "Jane Roe")]


def test_a_reporters_comment_after_a_last_dash_or_comma_ends_the_content() -> None:
    assert _rep("Jane Roe said she would not block the bill — a swipe at her party's "
                "leaders.") == [("she would not block the bill", "said", "Jane Roe")]
    assert _rep("Most voters say they trust the mayor, compared with 40 percent last "
                "year.")[0][:2] == ("they trust the mayor", "say")


def test_an_adverb_of_the_saying_is_not_content() -> None:
    assert _rep("The minister said publicly the tax would be cut in May.") == [
        ("the tax would be cut in May", "said", "minister")]
    assert _rep("The minister said only five people were hurt.") == [
        ("only five people were hurt", "said", "minister")]


def test_a_report_nested_in_another_is_the_outer_speakers_claim() -> None:
    # "X said that Y told Z …": Y's words are only what X says they were.
    assert _rep("The mayor said that the contractor had told her the bridge would reopen "
                "in May.") == [("the contractor had told her the bridge would reopen in May",
                                "said", "mayor")]


def test_a_new_clause_after_and_or_but_ends_the_content() -> None:
    assert _rep("Jane Roe said the plant would close next year, and the union called a "
                "strike for Monday.") == [("the plant would close next year", "said", "Jane Roe")]
    assert _rep("The agency said prices would rise in the spring, but wages stayed flat "
                "all year.") == [("prices would rise in the spring", "said", "agency")]
    # a second "that" is a second content of the same verb: it stays
    assert _rep("Jon Doe said that the mill would close, and that forty jobs would go.") == [
        ("the mill would close, and that forty jobs would go", "said", "Jon Doe")]


def test_content_boundaries_that_are_not_clause_ends() -> None:
    # a comma inside a number, a list's last item, a word in -ing that is no participle
    assert _rep("When the firm says there are more than 2,400 stores in the chain, it counts "
                "kiosks.") == [("there are more than 2,400 stores in the chain", "says", "firm")]
    assert _rep("Jon Doe said he expects Ann Lee, Bob Roe, and Carl Poe to sign the deal.") == [
        ("he expects Ann Lee, Bob Roe, and Carl Poe to sign the deal", "said", "Jon Doe")]
    assert _rep("Jane Roe said the council holds the mayor, during his two terms, responsible "
                "for the debt.") == [("the council holds the mayor, during his two terms, "
                                      "responsible for the debt", "said", "Jane Roe")]


def test_a_complement_after_the_cue_is_no_trailing_attribution() -> None:
    # "…, who pledged in March to back …": what comes before is not what was pledged
    out = _rep("It was a setback for the senator, who pledged in March to back the nominee.")
    assert all(not text.startswith("It was a setback") for text, _, _ in out)
    assert _rep("The talks will resume next week, a senior official said to reporters.") == [
        ("The talks will resume next week", "said", "senior official")]


def test_nounish_cues_before_a_relative_that_or_as_adjectives() -> None:
    assert _rep("Clinton leads in most Southern states that will vote on March 1.") == []
    assert _rep("The totals include pledged delegates and superdelegates from both "
                "parties.") == []
    assert _rep("He cannot overcome her leads in both pledged delegates and the popular "
                "vote.") == []
    assert _rep("The ministry states that the border will reopen in June.") == [
        ("the border will reopen in June", "states", "ministry")]


def test_content_on_both_sides_of_a_mid_sentence_cue_with_a_quotation() -> None:
    assert _rep('The golf industry, she said, is "doing much better than it has in years."') == [
        ('The golf industry, she said, is "doing much better than it has in years."', "said",
         None)]
    assert _rep("The contrast with the rival, said Jo Roe and others, would be clear since he "
                "has no allies.") == [
        ("The contrast with the rival, said Jo Roe and others, would be clear since he has no "
         "allies", "said", "Jo Roe")]


def test_a_quotation_after_an_inverted_cue_is_no_source_and_one_content_is_one_report() -> None:
    # 'Name, a role, said the “old model” …': the subject is no content, "the" no source
    assert _rep('Lesley Roe, a vice president of the firm, said the "old model" of private '
                "clubs is in decline.") == [
        ('the "old model" of private clubs is in decline', "said", "Lesley Roe")]
    assert len(_rep("This makes it harder to correct the record, he said.")) == 1


def test_a_title_case_headline_reports_speech() -> None:
    assert _rep("River County Mayor Says New Bridge Will Open In May.\n\nThe mayor of River "
                "County spoke on Monday.") == [
        ("New Bridge Will Open In May", "Says", "River County Mayor")]
    # a headline without a cue, and a capitalised word in running text, give nothing
    assert _rep("New Bridge Will Open In May After Long Delays.") == []
    assert _rep("The Claims Office Opens On Monday In The Old Town Hall.") == []


def test_a_poll_share_in_figures_reports_with_no_speaker() -> None:
    assert _rep("About 4 in 10 say the next mayor should cut taxes.") == [
        ("the next mayor should cut taxes", "say", None)]
    assert _rep("In the survey, 62 percent of voters said the roads were getting worse.") == [
        ("the roads were getting worse", "said", None)]
    # a number before a participle is still no cue: "eight reported incidents"
    assert _rep("Police logged eight reported incidents near the station.") == []


def test_when_and_where_it_was_said_and_empty_objects_are_no_content() -> None:
    assert _rep("Jane Roe said in a video message the plant would close in June.") == [
        ("the plant would close in June", "said", "Jane Roe")]
    assert _rep("Jane Roe said Wednesday morning the plant would close in June.") == [
        ("the plant would close in June", "said", "Jane Roe")]
    assert _rep("Jon Doe said last week the plant would close in June.") == [
        ("the plant would close in June", "said", "Jon Doe")]
    assert _rep("Half of the members said so in December, after the vote.") == []
    assert _rep("The minister said little about the plan in the spring.") == []


def test_maintain_claim_concede_with_a_thing_are_no_speech() -> None:
    assert _rep("Jane Roe maintains a commanding lead over her rivals in the north.") == []
    assert _rep("Jon Doe claimed victory in the first round on Tuesday night.") == []
    assert _rep("The senator conceded the race to her rival late on Tuesday.") == []
    assert _rep("Jane Roe maintains that the vote was rigged in the north.") == [
        ("the vote was rigged in the north", "maintains", "Jane Roe")]
    assert _rep("Jon Doe claimed he had won the first round easily.") == [
        ("he had won the first round easily", "claimed", "Jon Doe")]
