"""Error classes found by reading the quotes stage's output on real pages nobody tuned for
(sentences here are our own): passive cues, the writer's own voice, cues that report no
speech, inverted phrases that are clauses, and descriptions that are not descriptions."""
from __future__ import annotations

import pytest

from newsparse.quotes.describe import clean_description
from tests.quotes_helpers import attributed, find, run_quotes


@pytest.mark.parametrize("sentence", [
    "It is alleged that the treasurer moved the club's money into a private account.",
    "It was reported that the bridge would stay closed until the spring thaw.",
    "Marta Kovacs was told that her permit had expired in the autumn.",
])
def test_subject_of_a_passive_cue_did_not_speak(sentence: str) -> None:
    doc = run_quotes("Marta Kovacs runs a bakery in the old town.\n" + sentence)
    assert all(q.speaker != "Marta Kovacs" and q.speaker not in ("it", "It") for q in attributed(doc)), \
        [(q.speaker, q.text) for q in doc.quotes]


def test_progressive_cue_still_attributes() -> None:
    doc = run_quotes('Olu Adeyemi was saying that the harbour needs a new breakwater before winter.')
    q = find(doc, "the harbour needs")
    assert q.speaker == "Olu Adeyemi"


@pytest.mark.parametrize("sentence", [
    "I truly believe that small gardens feed more families than large farms do.",
    "We suggest comparing at most five offers before you sign anything.",
    "You write the rules once and the tool applies them to every new order.",
])
def test_writers_and_readers_voice_is_not_reported_speech(sentence: str) -> None:
    doc = run_quotes(sentence)
    assert attributed(doc) == [], [(q.speaker, q.text) for q in doc.quotes]


def test_we_never_resolves_to_an_organisation() -> None:
    text = ("Northwind Games sells a deluxe edition of its new title.\n"
            "The offer usually ends at launch, but we confirmed that buyers still receive the credit.")
    doc = run_quotes(text)
    assert all(q.speaker != "Northwind Games" for q in attributed(doc))


def test_direct_quote_by_the_writer_is_kept() -> None:
    doc = run_quotes('I told the crowd: "This plan is going to work if we stay patient."')
    assert [q.kind for q in attributed(doc)] == ["direct"]


def test_cue_followed_by_a_gerund_of_manner_reports_nothing() -> None:
    doc = run_quotes("The goalkeeper lost his temper, and Pavel Orlov responded by pushing him to the ground.")
    assert attributed(doc) == [], [(q.speaker, q.text) for q in doc.quotes]


def test_inverted_phrase_starting_with_that_is_a_clause_not_a_speaker() -> None:
    text = ('Linus Berg played the whole match.\n'
            'Greta Holm, via her agent, said that Berg "cannot start a fight and then complain about it."')
    doc = run_quotes(text)
    q = find(doc, "cannot start a fight")
    assert q.speaker == "Greta Holm"


def test_report_is_the_clause_before_a_cue_with_a_circumstance() -> None:
    text = "The ice sheet lost more mass this decade than in the last century, the survey team wrote in a paper published on Monday."
    doc = run_quotes(text)
    qs = attributed(doc)
    assert len(qs) == 1 and qs[0].text.startswith("The ice sheet lost more mass")


def test_cue_with_a_circumstance_then_that_keeps_the_clause_after() -> None:
    text = "After the vote, Ines Moreau declared on national radio that she would run for mayor next year."
    q = find(run_quotes(text), "she would run")
    assert q.speaker == "Ines Moreau"


@pytest.mark.parametrize("text, desc", [
    ("Defender Tomas Reyes, however, said that the referee had been fair to both teams all night.", None),
    ("Airline chief Dana Whitfield, meanwhile, told reporters that the fleet would grow again by 2030.", None),
])
def test_discourse_adverbs_are_not_descriptions(text: str, desc) -> None:
    qs = attributed(run_quotes(text))
    assert qs and all(q.speaker_description is None or "however" not in q.speaker_description
                      and "meanwhile" not in q.speaker_description for q in qs)


@pytest.mark.parametrize("desc, expected", [
    ("however, decided to comment on the game on Monday", None),
    ("meanwhile", None),
    ("that", None),
    ("laboratory of", None),
    ("Institute at", None),
    ("no menu | home <22 items", None),
    ("a marine biologist at the coastal institute", "a marine biologist at the coastal institute"),
    ("Deputy Mayor", "Deputy Mayor"),
])
def test_clean_description(desc: str, expected) -> None:
    assert clean_description(desc) == expected


def test_writer_contraction_is_the_writers_voice() -> None:
    doc = run_quotes("We've tested the new tablet for a week and can say that the battery lasts two full days.")
    assert attributed(doc) == [], [(q.speaker, q.text) for q in doc.quotes]


@pytest.mark.parametrize("text, speaker", [
    ("A person familiar with the matter told the newspaper that the plant would close in March.",
     "A person familiar with the matter"),
    ("Two people briefed on the talks said the deal was nearly done.", "Two people briefed on the talks"),
])
def test_sources_familiar_with_something_keep_their_head(text: str, speaker: str) -> None:
    qs = attributed(run_quotes(text))
    assert [q.speaker for q in qs] == [speaker]


def test_a_share_of_people_is_not_cut_to_the_share() -> None:
    qs = attributed(run_quotes("About 70 percent of Americans say that the law should change soon."))
    assert qs and "percent" not in (qs[0].speaker or "").split()[-1]


def test_time_spent_is_not_a_speaker() -> None:
    doc = run_quotes("Ivo Marek spent 45 seconds explaining how the engine could not have failed that night.")
    assert all(q.speaker != "45 seconds" for q in doc.quotes)


def test_a_brand_is_not_its_product() -> None:
    text = "Apple TV costs less this year.\nApple says that the new laptop runs cooler than the old one."
    q = find(run_quotes(text, entities=True), "the new laptop")
    assert q.speaker == "Apple"


def test_first_name_reference_still_resolves() -> None:
    q = find(run_quotes("Helen Ruiz runs the shop.\nHelen said that sales rose in the spring.", entities=True), "sales rose")
    assert q.speaker == "Helen Ruiz"


@pytest.mark.parametrize("text", [
    "She wrote hundreds of songs that summer in a small flat by the river.",
    "Although he had written a will, it was never signed by any witness.",
])
def test_writing_a_work_is_not_reported_speech(text: str) -> None:
    assert attributed(run_quotes(text)) == []


def test_writing_that_is_reported_speech() -> None:
    q = find(run_quotes("The mayor wrote in a letter that the bridge would reopen in May."), "the bridge would")
    assert q.speaker == "The mayor"


@pytest.mark.parametrize("text, starts", [
    ("BERLIN -- The space agency says sleeping astronauts could reach Mars more cheaply.", "sleeping astronauts"),
    ("OSLO, Norway — The northern lights were brighter than usual this week, scientists said on Friday.",
     "The northern lights"),
    ("(Wire) — The regulator is examining the bank, according to two people familiar with the matter.",
     "The regulator"),
])
def test_dateline_is_not_part_of_the_report(text: str, starts: str) -> None:
    qs = attributed(run_quotes(text))
    assert [q.text[: len(starts)] for q in qs] == [starts]


@pytest.mark.parametrize("text", [
    "TORONTO — Hours before the game, the coach praised her goalie, saying she always finds a way to win.",
    "HALIFAX, N.S. — Before the match, team captain Rhea Moss praised the keeper, saying she always finds a way to win.",
])
def test_dateline_is_not_a_speaker(text: str) -> None:
    qs = attributed(run_quotes(text))
    assert all(q.speaker not in ("TORONTO", "HALIFAX") for q in qs)
    if "Rhea Moss" in text:
        assert [q.speaker for q in qs] == ["Rhea Moss"]


def test_fragments_in_the_writers_own_sentence_are_nobodys_quote() -> None:
    doc = run_quotes('I would call that stage "scaling up" in my own notes.')
    assert attributed(doc) == []


@pytest.mark.parametrize("text, speaker", [
    ('Mona Vale runs the lab.\n"We found water in vapour form," Vale added.', "Mona Vale"),
    ('"Our plan is to go where the players are," Anton Weiss, chief of Weissworks, adds.', "Anton Weiss"),
])
def test_need_that_cue_closing_a_quotation_attributes_it(text: str, speaker: str) -> None:
    qs = attributed(run_quotes(text, entities=True))
    assert [(q.kind, q.speaker, q.rule) for q in qs] == [("direct", speaker, "after-quote")]


def test_city_and_state_in_an_appositive_is_not_the_speaker() -> None:
    text = ('"The rocks are older than we thought," study author Lena Brandt, a geologist at the Space Center in '
            'Houston, Texas, and Rice University in Houston, said.')
    q = find(run_quotes(text, entities=True), "The rocks")
    assert q.speaker == "Lena Brandt"


def test_person_of_an_organisation_speaks_not_the_organisation() -> None:
    text = '"It may live in the crust," said planetary geologist Rosa Leon of the Jet Propulsion Laboratory in California.'
    q = find(run_quotes(text, entities=True), "It may live")
    assert q.speaker == "Rosa Leon"


@pytest.mark.parametrize("text, speaker", [
    ('The 47-year-old said after his appointment: "I am thrilled to be joining a club with such a proud history."',
     "The 47-year-old"),
    ('Omar Lind, Senior Vice President of Sales for Brightwell, Inc., says: "Reliable alarms remain a top priority."',
     "Omar Lind"),
    ('"These are families too," Lopez added, speaking of the detained migrants.', "Lopez"),
    ('"We are thrilled about the tour," comments Hale in a statement.', "Hale"),
    ('According to his aunt, Ruth Vane, "He was reading at an adult level in kindergarten."', None),
    ('"Hands up! Show me your hands!" an officer ordered.', "an officer"),
])
def test_long_quotations_with_a_cue_are_not_scare_quotes(text: str, speaker) -> None:
    qs = attributed(run_quotes(text, entities=True))
    assert qs and qs[0].kind == "direct", [(q.kind, q.speaker, q.text) for q in run_quotes(text).quotes]
    if speaker is not None:
        assert qs[0].speaker == speaker


def test_she_goes_to_the_speaker_with_an_unlisted_first_name_not_a_later_object() -> None:
    text = ('Eyamba Sowers did not expect the visit.\n'
            '"He has me thinking now," said Sowers, who is also weighing Bernie Sanders and Joe Biden. '
            'She said that if the governor gets his message out, he could win.')
    q = find(run_quotes(text, entities=True), "if the governor")
    assert q.speaker in ("Sowers", "Eyamba Sowers")


@pytest.mark.parametrize("text", [
    "Big projects involve major changes, such as removing walls, adding rooms, or reconfiguring layouts.",
    "Good analytics help tailor content, recommend products, and create experiences that keep readers.",
])
def test_a_list_of_verb_phrases_is_not_an_inverted_attribution(text: str) -> None:
    assert attributed(run_quotes(text)) == [], [(q.speaker, q.text) for q in run_quotes(text).quotes]


def test_inverted_plural_speakers_still_attribute() -> None:
    q = find(run_quotes("The plan will fail, say residents of the town."), "The plan will fail")
    assert q.speaker == "residents of the town"


@pytest.mark.parametrize("text, speaker", [
    ("The real estate agent said she related to him as someone raised by one parent.", "The real estate agent"),
    ("Russia's foreign ministry said it viewed the move as a serious mistake.", "Russia's foreign ministry"),
    ("One bank CEO said that customers want calm after the crash.", "One bank CEO"),
])
def test_role_phrases_are_kept_whole(text: str, speaker: str) -> None:
    qs = attributed(run_quotes(text))
    assert [q.speaker for q in qs] == [speaker]


def test_quotation_set_off_by_a_colon_is_displayed_speech() -> None:
    text = ('Mara Holt sings in a choir.\n'
            'Holt has found only one drawback to the project: "They are such good singers that people will be '
            'intimidated by them."')
    q = find(run_quotes(text, entities=True), "They are such good singers")
    assert q.kind == "direct" and q.speaker == "Mara Holt"


@pytest.mark.parametrize("text, speaker", [
    ('A survivor of the flood, who asked that her name be withheld, wrote: "We lost the house and the barn in '
     'a single night."', "A survivor of the flood"),
    ('Two voters in the queue agreed: "Nobody told us the polling station had moved across town."',
     "Two voters in the queue"),
])
def test_role_nouns_introduce_colon_quotations(text: str, speaker: str) -> None:
    qs = attributed(run_quotes(text))
    assert [(q.kind, q.speaker) for q in qs] == [("direct", speaker)]
