"""Speaker patterns found by reading errors on the PolNeAR train split, one regression test
each. Every sentence here is written for the test (none is taken from the evaluation data)."""

from __future__ import annotations

from claims.document import Document
from claims.extract import extract
from claims.statements import Kind, Speaker


def _speakers(text: str, kind: Kind = Kind.QUOTATION) -> list[Speaker | None]:
    return [s.speaker for s in extract(Document.from_text(text, id="t")) if s.kind is kind]


def _names(text: str, kind: Kind = Kind.QUOTATION) -> list[str | None]:
    return [s.name if s else None for s in _speakers(text, kind)]


def test_an_opening_phrase_before_the_subject_in_a_later_sentence() -> None:
    text = ("The council met twice this week. The budget was not on the agenda.\n"
            "At the second meeting, Ingrid Solberg wanted the plan stopped because "
            "it was \"a disaster that nobody in this town will ever forgive\" in her eyes.")
    assert _names(text) == ["Ingrid Solberg"]


def test_an_auxiliary_or_adverb_between_the_source_and_the_verb() -> None:
    text = ('The mayor left the room. Councillor Petra Lind has since said: "We were never '
            'told about the second contract, not once."\n'
            'Omar Haddad once wrote: "A bridge is only as strong as its worst weld."')
    assert _names(text) == ["Petra Lind", "Omar Haddad"]


def test_several_opening_phrases_before_the_subject() -> None:
    text = ("The vote was close.\n"
            "With her deputy, a former judge, standing beside her, Marta Vidal wanted the "
            "rule gone because it was \"a trap that catches only the honest people\" in "
            "her view.")
    assert _names(text) == ["Marta Vidal"]


def test_a_described_source_after_the_cue_keeps_its_capitalised_modifiers() -> None:
    text = ('"Nobody in the office expected the audit to go this far," said a senior Lindqvist '
            'adviser.\n'
            '"We will see more of this before the summer," wrote one longtime Labour volunteer '
            'on a forum.')
    sps = _speakers(text)
    assert [(sp.name, sp.method) if sp else None for sp in sps] == [
        ("senior Lindqvist adviser", "descriptive"),
        ("one longtime Labour volunteer", "descriptive")]


def test_an_occupation_before_a_name_is_a_role() -> None:
    text = ('"Children copy what they see at home," says psychologist Lena Brandt.\n'
            'Historian Tomas Eriksen told the panel: "Nothing like this happened in 1930."')
    sps = _speakers(text)
    assert [(sp.name, sp.role) if sp else None for sp in sps] == [
        ("Lena Brandt", "psychologist"), ("Tomas Eriksen", "Historian")]


def test_a_described_person_after_the_cue_is_cut_before_its_modifier() -> None:
    text = ('"The money will not be the problem this time," said one Republican involved in '
            'the talks, who asked not to be named.\n'
            '"I have never seen a crowd like this one," said the 52-year-old.')
    assert [(sp.name, sp.method) if sp else None for sp in _speakers(text)] == [
        ("one Republican", "descriptive"), ("52-year-old", "descriptive")]


def test_the_name_in_an_appositive_after_a_role_following_the_cue() -> None:
    text = ('"We are counting every ballot twice," said the mayor’s chief of staff, Nadia '
            'Okonkwo, who ran the count.')
    sps = _speakers(text)
    assert [(sp.name, sp.role) if sp else None for sp in sps] == [
        ("Nadia Okonkwo", "chief of staff")]


def test_the_subject_is_the_shortest_phrase_before_a_verb_that_parses_as_a_source() -> None:
    text = ("The hearing ended late.\n"
            "The five-member tribunal found the contract \"void from the first day it was "
            "signed by either party\" and closed the case.")
    sps = _speakers(text)
    assert [(sp.name, sp.method) if sp else None for sp in sps] == [
        ("five-member tribunal", "descriptive")]


def test_a_described_subject_introducing_a_colon_is_the_source() -> None:
    text = ("The palace issued a short note on Friday: \"The family asks for privacy while "
            "the investigation continues.\"")
    sps = _speakers(text)
    assert [(sp.name, sp.method) if sp else None for sp in sps] == [("palace", "descriptive")]


def test_a_role_of_a_place_or_body_before_the_name() -> None:
    text = ('Chief Minister of Goa Lina Fernandes said on Monday: "The beaches stay open."\n'
            'Director of the Harbour Trust Piet Visser told the radio station the port was '
            '"working at full speed again".')
    sps = _speakers(text)
    assert [(sp.name, sp.role) if sp else None for sp in sps] == [
        ("Lina Fernandes", "Chief Minister of Goa"), ("Piet Visser", "Director of the Harbour Trust")]


def test_a_relative_who_before_the_cue_and_a_phrase_after_the_name() -> None:
    text = ('The motion was tabled by Amara Diallo who said in the chamber, "This law is long '
            'overdue and everybody here knows it."\n'
            'Kenji Sato from the fishermen’s cooperative said at a press conference: "Our boats '
            'have not left the harbour in a month."')
    sps = _speakers(text)
    assert [(sp.name, sp.affiliation) if sp else None for sp in sps] == [
        ("Amara Diallo", None), ("Kenji Sato", "fishermen’s cooperative")]


def test_a_second_verb_coordinated_with_and_keeps_the_subject() -> None:
    text = ('Olga Petrenko said the plan was "late but welcome", and said it was "far too '
            'small for a city of this size".')
    assert _names(text) == ["Olga Petrenko", "Olga Petrenko"]


def test_he_after_a_named_subject_of_unknown_gender_in_the_sentence_before() -> None:
    text = ("The cabinet discussed an offer from Kovalchuk on Monday.\n"
            "Kovalchuk filed his resignation after the recording leaked. He said the minister "
            "was \"a model of patience for all of us\" in the end.")
    sps = _speakers(text)
    assert [(sp.name, sp.method) if sp else None for sp in sps] == [("Kovalchuk", "pronoun")]


def test_he_resolves_to_a_subject_after_a_clause_opener() -> None:
    text = ('"Prices will fall," said Jonas Weller, a trader.\n\n'
            'And Thomas Brandt, for all the votes he won last spring, seems worried. '
            '"We do not know yet what will work," he said.')
    sps = _speakers(text)
    assert [(sp.name, sp.method) if sp else None for sp in sps] == [
        ("Jonas Weller", "explicit"), ("Thomas Brandt", "pronoun")]


def test_he_resolves_to_a_subject_behind_its_titles_or_its_occupation() -> None:
    text = ('"The port is open," said Erik Sundqvist.\n\n'
            'House Majority Whip Daniel Okafor, R-Ohio, boasted of the vote last week. '
            '"Everybody thought the bill was dead, right?" he told a radio host.\n\n'
            '"Rents are up," said Ines Berg.\n\n'
            'Only a month ago, Denver developer Martin Koenig rejected the plan outright. '
            '"I kept telling myself it would pass," he told the local paper.')
    assert _names(text) == ["Erik Sundqvist", "Daniel Okafor", "Ines Berg", "Martin Koenig"]


def test_a_document_that_is_the_object_of_the_subjects_verb_is_not_the_source() -> None:
    text = ('Voters lined up early. Harlow’s campaign sent out a press release on Friday '
            'saying "the count will show a clear win."\n'
            'Later, Senator Abigail Morton released a statement saying "we accept no '
            'part of this deal."')
    sps = _speakers(text)
    assert [sp.name if sp else None for sp in sps] == ["Harlow’s campaign", "Abigail Morton"]


def test_a_name_and_a_verb_the_cue_list_lacks_after_an_opening_quote() -> None:
    text = ('"Look at all of them," Ruth Calder said.\n\n'
            '"They only came for the free lunch," Tomas Pernell shot back with a grin.\n\n'
            '"Our harbour will always be our harbour," an angry Pernell retaliated.\n\n'
            '"Our survey succeeds where others fail," Calder is quoted as saying.')
    assert _names(text) == ["Ruth Calder", "Tomas Pernell", "Tomas Pernell", "Ruth Calder"]


def test_a_quote_whose_sentence_names_another_source_does_not_take_the_voice_before() -> None:
    text = ('"Look at all of them," Ruth Calder said.\n\n'
            '"They only came for the free lunch," came a shout from the back of the hall.')
    assert _names(text) == ["Ruth Calder", None]


def test_a_lower_case_particle_opens_a_surname() -> None:
    text = ('Asked about the strike, van Buren said, "Nobody told me about it."\n'
            '"It is over," said Mayor Ada de Luca.')
    assert _names(text) == ["van Buren", "Ada de Luca"]


def test_a_trailing_source_is_not_replaced_by_a_report_that_swallowed_it() -> None:
    text = ('"This office was never meant to be a political one," Greta Holm, who ran it for '
            'a decade under two governors, told the Ledger.')
    assert _names(text) == ["Greta Holm"]


def test_a_verb_right_before_the_quote_is_its_cue_even_with_a_cue_after_it() -> None:
    text = ('Noor Haddad, a steward, was in the room. When Pia Lund shouted, '
            '"Order in this hall, now!" Haddad laughed at her.\n'
            'Another reader, Jonas Ekberg, wrote of Ms. Lund: "She runs the hall like a court."')
    assert _names(text) == ["Pia Lund", "Jonas Ekberg"]


def test_a_second_verb_after_but_keeps_the_subject() -> None:
    text = ('Karl Wendt said the club will still meet for dinners, but said, "It is time we '
            'changed how we do it," promising a return to its roots.')
    assert _names(text) == ["Karl Wendt"]


def test_a_source_speaking_to_an_outlet_is_not_the_outlet() -> None:
    text = 'A senior diplomat speaking to the Daily Ledger said, "The talks are over for now."'
    assert _names(text) == ["senior diplomat"]


def test_a_bracketed_full_stop_ends_the_quote_sentence() -> None:
    text = ('The vote is in March. In support of her bid, Mira Solvik pointed out she had '
            '"given up every title and lived like everyone else[.]" Sources report she is '
            'still treated as royalty.')
    assert _names(text) == ["Mira Solvik"]
