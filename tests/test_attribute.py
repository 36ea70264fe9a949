"""Speaker resolution: explicit, inverted, appositive, roles, chains, organisations."""

from __future__ import annotations

from claims.document import Document
from claims.extract import extract
from claims.statements import Kind, Speaker


def _speakers(text: str) -> list[Speaker | None]:
    return [s.speaker for s in extract(Document.from_text(text, id="t"))
            if s.kind is Kind.QUOTATION]


def _names(text: str) -> list[str | None]:
    return [s.name if s else None for s in _speakers(text)]


def test_said_x_and_x_said() -> None:
    assert _names('"We are ready," said John Baird.') == ["John Baird"]
    assert _names('"We are ready," John Baird said.') == ["John Baird"]


def test_colon_before_quote() -> None:
    assert _names('Later, Maria Lopez said: "We are ready for this fight."') == ["Maria Lopez"]


def test_surname_and_pronoun_chain() -> None:
    text = ('Senator Maria Lopez spoke on Monday.\n"We are ready," Lopez said.\n'
            '"We will win this vote," she added.')
    sps = _speakers(text)
    assert [s.name if s else None for s in sps] == ["Maria Lopez", "Maria Lopez"]
    assert sps[1] is not None and sps[1].method == "pronoun"


def test_previous_paragraph_speaker() -> None:
    text = '"We are ready for it," Lopez said.\n"And we will not back down from it."'
    sps = _speakers(text)
    assert sps[1] is not None and (sps[1].name, sps[1].method) == ("Lopez", "previous")


def test_organisation_speaker() -> None:
    (sp,) = _speakers('"The talks were useful and honest," the Kremlin said.')
    assert sp is not None and sp.name == "Kremlin" and sp.is_organization


def test_according_to() -> None:
    (sp,) = _speakers('According to Jane Doe, "the plan was never going to work."')
    assert sp is not None and (sp.name, sp.method) == ("Jane Doe", "according-to")


def test_unknown_speaker_is_none() -> None:
    assert _names('"This will never work, and everyone knows it."') == [None]


def test_role_before_name() -> None:
    (sp,) = _speakers('"We disagree," White House spokesman Josh Earnest told reporters.')
    assert sp is not None and (sp.name, sp.role) == ("Josh Earnest", "White House spokesman")


def test_honorific_and_party_tag_do_not_split_the_sentence() -> None:
    (sp,) = _speakers('"We are ready for a long fight," Sen. Ann J. Rowe (D-Ohio) said.')
    assert sp is not None and sp.name == "Ann J. Rowe"
    (sp,) = _speakers('"The plan will not survive the winter," Mr. Okafor said.')
    assert sp is not None and sp.mention == "Mr. Okafor" and sp.name == "Okafor"


def test_role_word_as_surname() -> None:
    (sp,) = _speakers('"It was a fine evening for all of us," Mr. King said.')
    assert sp is not None and sp.name == "King"


def test_dash_signature() -> None:
    (sp,) = _speakers("“I never expected to see this happen in my town.” ― Lena Morales")
    assert sp is not None and (sp.name, sp.method) == ("Lena Morales", "signature")


def test_cue_later_in_the_sentence() -> None:
    text = '"I like the mechanics" of the new tax plan, Mr. Halvorsen said.'
    (sp,) = _speakers(text)
    assert sp is not None and sp.mention == "Mr. Halvorsen"


def test_subject_of_the_sentence_as_last_resort() -> None:
    gift = '"a gift to the very richest people in the whole country."'
    (sp,) = _speakers(f"Grace Okoye is framing the bill as {gift}")
    assert sp is not None and (sp.name, sp.method) == ("Grace Okoye", "subject")
    assert _names(f"If anything, the bill is {gift}") == [None]


def test_pronoun_respects_gender() -> None:
    text = ('Maria Lopez met Tom Becker on Monday.\n"We will win this," Becker said.\n'
            '"It is a fair deal for everyone," Lopez said.\n'
            '"I do not agree with any of it," he said.')
    sps = _speakers(text)
    assert sps[2] is not None and sps[2].name == "Tom Becker"
    assert sps[2].method == "pronoun" and sps[2].antecedent == "Becker"


def test_pronoun_finds_a_named_person_who_was_not_quoted() -> None:
    text = ('Mr. Adeyemi toured the plant on Friday.\n'
            '"This is the future of the region," he said.')
    (sp,) = _speakers(text)
    assert sp is not None and sp.name == "Adeyemi" and sp.antecedent == "Mr. Adeyemi"


def test_surname_gets_gender_from_full_name_elsewhere() -> None:
    text = ('Tom Okafor runs the county board.\nLater, Okafor and Jane Smith toured the dam.\n'
            'Smith left early.\n'
            'Okafor stayed on.\n"The repairs will take a year," he said.')
    sps = _speakers(text)
    assert sps[-1] is not None and sps[-1].antecedent == "Okafor"


def test_recent_speaker_of_unknown_gender_beats_older_mention() -> None:
    text = ('"We need a plan now," said Ode Zedd, who served under Bill Ross.\n'
            'Zedd said the party should act.\n'
            '"It is something you would be a fool not to prepare for," he said.')
    sps = _speakers(text)
    assert sps[-1] is not None and sps[-1].name == "Ode Zedd"


def test_possessive_pronoun_mention_is_the_pronoun() -> None:
    text = ('Mr. Okafor spoke on Monday.\nHe’s "tired of the delays," he said.')
    sps = _speakers(text)
    assert sps[-1] is not None and sps[-1].antecedent == "Mr. Okafor"


def test_quote_only_sentence_after_a_cue_continues_the_speaker() -> None:
    text = ('"We will not stop," Dana Ruiz (D-Ohio) said on the radio. "It goes on every day."')
    assert _names(text) == ["Dana Ruiz", "Dana Ruiz"]


def test_cue_later_in_the_sentence_before_a_second_quote() -> None:
    text = ("''I admire the design'' of the new plan, Mr. Pell said. ''It is very detailed.''")
    assert _names(text) == ["Pell", "Pell"]


def test_party_tag_before_the_verb_of_a_partial_quote() -> None:
    text = 'Gov. Pat Orrin (R) said it would be "improper" to comment on the case.'
    assert _names(text) == ["Pat Orrin"]


def test_long_appositive_between_name_and_verb() -> None:
    text = 'Deputy mayor Lena Hart, at a later press briefing, said, "We were told nothing."'
    assert _names(text) == ["Lena Hart"]
    text = ("Rosa Delgado, 59, of Ashton, Md., who watched the parade from a bench, said the day "
            "brought back memories of ''all the people who are gone.''")
    assert _names(text) == ["Rosa Delgado"]


def test_names_inside_a_content_do_not_outrank_its_speaker() -> None:
    text = ("Alex Morrow, an economist at the institute, said Mr. Penn's statement clarified "
            'nothing.\n"I see no details at all," he said.')
    assert _names(text)[-1] == "Alex Morrow"


def test_possessives_and_countries_are_not_pronoun_antecedents() -> None:
    text = ("Omar Ruiz said he disliked Mr. Penn's tariff plan.\n"
            '"We must not overreact to campaign talk," he told me.')
    assert _names(text) == ["Omar Ruiz"]
    text = ('North Korea said the test succeeded. President Obama condemned the test.\n'
            '"We will never accept it," he said.')
    assert _names(text) == ["Barack Obama"]


def test_pronoun_picks_the_right_member_of_a_family() -> None:
    text = ("Hillary Clinton spoke first. Bill Clinton spoke later about the plan.\n"
            'Clinton then took questions. "We are ready," she said.')
    assert _names(text) == ["Hillary Clinton"]


def test_name_after_an_organisation_possessive() -> None:
    assert _names('"It is over," said NBC’s Dana Chinn. "Really," she added.') == [
        "Dana Chinn", "Dana Chinn"]


def test_documents_and_descriptions_as_sources() -> None:
    def mention(text: str) -> str | None:
        sp = _speakers(text)[0]
        return sp.mention if sp else None

    assert mention('"The law cannot stand," the ruling said.') == "the ruling"
    assert mention('The clip says, "Jane Roe will fight for you."') == "The clip"
    assert mention('"He never gave up," a friend said.') == "a friend"
    assert mention('One questioner asked, "Why now?"') == "One questioner"


def test_no_cue_after_a_quote_that_ends_its_sentence_midway() -> None:
    text = ('The Dutch insisted that Kelvania "halt its reckless tests." '
            'The Ravel Agency said the tests broke the treaty.')
    assert _names(text) == ["Dutch"]


def test_often_said_and_inverted_said_opening_a_sentence() -> None:
    assert _names('"Rain is coming," my father often said.') == ["my father"]
    assert _names('Few agree. Said Brannigan: "I do not see it happening."') == ["Brannigan"]


def test_addressee_of_tell_is_not_the_speaker() -> None:
    text = ('The campaign had sharp words for the hosts, telling Tom Vell that '
            '"the format is unfair to us."')
    assert _names(text) != ["Tom Vell"]


def test_as_x_put_it() -> None:
    text = 'As Ms. Varga put it in a note to her staff, the plan is "doomed from day one."'
    assert [s.mention if s else None for s in _speakers(text)] == ["Ms. Varga"]


def test_clause_after_a_quote_and_clause_openers_are_not_sources() -> None:
    text = 'The clip shows Kane saying, "That makes me smart," when Jane Roe blasted him.'
    assert _names(text) == ["Kane"]
    text = 'After saying her knee was "so swollen I could not walk," she was taken away.'
    assert _names(text) != ["After"]


def test_plural_noun_homograph_is_not_a_quote_cue() -> None:
    text = ('The Fact Desk rated 30% of Kelvan claims as "false," compared to 10% of Ostran '
            'claims in 2015.')
    assert _names(text) == ["Fact Desk"]
    assert _names('"We are ready," the report states.') == ["report"]
