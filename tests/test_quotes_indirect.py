"""Indirect (reported) speech, partial quotes and scare quotes, on sentences written for these tests."""
from __future__ import annotations

from tests.quotes_helpers import attributed, find, run_quotes


def test_said_that_clause() -> None:
    doc = run_quotes("Mayor Joan Hill said that the new bridge would open before the winter.")
    q = find(doc, "the new bridge")
    assert (q.kind, q.speaker, q.cue.text) == ("indirect", "Joan Hill", "said")


def test_said_without_that_and_time_phrase_after_the_cue() -> None:
    q = find(run_quotes("The union said on Friday its members would strike next month."), "its members")
    assert q.kind == "indirect" and q.speaker == "The union"


def test_clause_then_speaker_and_cue_at_the_end() -> None:
    q = find(run_quotes("The pipeline will be finished by spring, Victor Olsen said."), "The pipeline will")
    assert q.kind == "indirect" and q.speaker == "Victor Olsen" and q.text.endswith("spring")


def test_clause_then_inverted_cue_and_speaker() -> None:
    q = find(run_quotes("The tax was never meant to last, said Priya Raman, an economist at the institute."), "The tax")
    assert q.speaker == "Priya Raman" and q.speaker_description == "an economist at the institute"


def test_according_to_before_and_after() -> None:
    q = find(run_quotes("According to Statistics Norway, prices rose by four per cent last year."), "prices rose")
    assert q.speaker == "Statistics Norway" and q.cue.text.lower() == "according to"
    q = find(run_quotes("Prices rose by four per cent last year, according to the central bank."), "Prices rose")
    assert q.speaker == "the central bank"


def test_told_reporters_and_reporting_verbs() -> None:
    doc = run_quotes("Hugo Brandt told reporters the talks had failed.\n"
                     "The ministry confirmed that two ships were damaged.\n"
                     "Diana Moss denied that she had seen the report.\n"
                     "Scientists warned that the glacier was shrinking faster than expected.\n"
                     "Lawyers for the family argued that the contract was void.")
    assert find(doc, "the talks").speaker == "Hugo Brandt"
    assert find(doc, "two ships").cue.text == "confirmed"
    assert find(doc, "she had seen").speaker == "Diana Moss"
    assert find(doc, "the glacier").speaker == "Scientists"
    assert find(doc, "the contract was void").cue.text == "argued"


def test_parenthetical_attribution_splits_the_content() -> None:
    doc = run_quotes("The harvest, farmers say, will be the smallest in a decade.")
    texts = sorted(q.text for q in attributed(doc))
    assert texts == ["The harvest", "will be the smallest in a decade"]


def test_subordinate_intro_is_not_reported_content() -> None:
    doc = run_quotes("Despite the storm she faced, Alice Grant said she would race again next year.")
    assert [q.text for q in attributed(doc)] == ["she would race again next year"]


def test_partial_quote_inside_a_reported_clause() -> None:
    q = find(run_quotes('Simon Kerr said the decision was "deeply unfair" to the workers who stayed on.'), "the decision")
    assert q.kind == "partial" and q.speaker == "Simon Kerr" and '"deeply unfair"' in q.text


def test_partial_quote_after_a_quotation_goes_to_that_speaker() -> None:
    text = ('"We need clear rules on data," Ruth Olsen said, hoping that a "fair and open" '
            "process would follow within a year.")
    doc = run_quotes(text)
    frag = [q for q in doc.quotes if "fair and open" in q.text]
    assert frag and frag[0].kind == "partial" and frag[0].speaker == "Ruth Olsen"


def test_scare_quotes_and_names_in_quotes_are_not_attributed() -> None:
    doc = run_quotes('The government launched its "Green Roads" programme to remove "unsafe" trucks from the city.')
    assert attributed(doc) == []
    assert sorted(q.text for q in doc.quotes if q.kind == "scare") == ["Green Roads", "unsafe"]
    assert all(q.speaker is None for q in doc.quotes)


def test_scare_term_inside_a_reported_clause_is_left_out_of_it() -> None:
    doc = run_quotes('Critics said the fees are too high, and the money ends up in the "Rainy Day" fund.')
    q = [q for q in attributed(doc)][0]
    assert q.text == "the fees are too high" and q.speaker == "Critics"


def test_indirect_can_be_switched_off() -> None:
    assert attributed(run_quotes("Mayor Joan Hill said that the bridge would open soon.", indirect=False)) == []


def test_belief_verbs_need_that() -> None:
    assert attributed(run_quotes("Martin Abel believes in hard work and long walks.")) == []
    q = find(run_quotes("Martin Abel believes that the walk will take four hours."), "the walk")
    assert q.kind == "indirect"


def test_participle_cue_reports_for_the_sentence_subject() -> None:
    q = find(run_quotes("Lena Ortiz rejected the offer, saying the price was far too low."), "the price")
    assert q.kind == "indirect" and q.speaker == "Lena Ortiz" and q.cue.text == "saying"


def test_coordinated_cue_borrows_the_subject() -> None:
    q = find(run_quotes("Governor Sam Reyes visited the site and said the repairs would take a year."), "the repairs")
    assert q.speaker == "Sam Reyes"


def test_adding_that_after_a_quotation_is_a_second_report() -> None:
    doc = run_quotes('"We are ready," Mira Holt said, adding that the team had trained for months.')
    assert find(doc, "We are ready").speaker == "Mira Holt"
    q = find(doc, "the team had trained")
    assert q.kind == "indirect" and q.speaker == "Mira Holt"


def test_institutions_and_roles_named_by_their_kind_speak() -> None:
    doc = run_quotes("Floods cut the valley road.\nThe army said it was sending two bridging units.\n\n"
                     "The hospital says beds are running short.\nA paramedic said crews were exhausted.")
    assert find(doc, "it was sending").speaker == "The army"
    assert find(doc, "beds are running").speaker == "The hospital"
    assert find(doc, "crews were").speaker == "A paramedic"


def test_a_three_word_report_is_a_quote_but_a_bare_cue_is_not() -> None:
    doc = run_quotes("Lena Ortiz runs the co-operative.\nOrtiz says it is self-financing.")
    q = find(doc, "it is self-financing")
    assert q.kind == "indirect" and q.speaker == "Lena Ortiz"
    doc = run_quotes("Lena Ortiz runs the co-operative.\nOrtiz said so.")
    assert not [q for q in doc.quotes if q.kind == "indirect"]


def test_the_listener_of_told_is_not_part_of_the_report() -> None:
    doc = run_quotes("Hugo Brandt told reporters the talks had failed.\n"
                     "Vera Lind told the crowd that the strike would go on.\n"
                     "Ines Moreau told The Daily Courier on Monday that she would run again.")
    assert find(doc, "the talks").speaker == "Hugo Brandt"
    assert find(doc, "the strike").speaker == "Vera Lind"
    assert find(doc, "she would run").speaker == "Ines Moreau"
    assert not [q for q in doc.quotes if q.text.startswith(("reporters", "the crowd", "The Daily"))]


def test_told_without_a_listener_reports_nothing_but_a_directive_to_a_listener_does() -> None:
    doc = run_quotes("The old map only tells part of the story of how the port grew.\n"
                     "The mayor told a long story about the harbour.")
    assert attributed(doc) == []
    q = find(run_quotes("Mayor Ann Lee urged voters to stay home during the storm."), "to stay home")
    assert q.kind == "indirect" and q.speaker == "Ann Lee"


def test_subject_with_an_acronym_or_a_time_phrase_before_the_verb() -> None:
    doc = run_quotes("The Harbour Pilots Association (HPA) said in a statement that it was worried about the tides.\n"
                     "Minister Laura Brandt on Wednesday defended the curbs, saying they were needed.")
    assert find(doc, "it was worried").speaker.endswith("Harbour Pilots Association")
    assert find(doc, "they were needed").speaker == "Laura Brandt"


def test_a_report_after_according_to_is_not_the_source_s_description() -> None:
    doc = run_quotes("The Harbour Pilots Association (HPA) met on Monday.\n"
                     "According to the HPA, ships sold 40 tonnes of fuel to the port in May.", entities=True)
    q = find(doc, "ships sold")
    assert q.speaker.endswith("Harbour Pilots Association") and q.speaker_description is None


def test_an_inline_photo_credit_ends_a_sentence_and_the_next_one_still_speaks() -> None:
    doc = run_quotes("Dag Parr says he has lost weight since he joined the program. (Jane Roe / Example Star) "
                     "Oslo accountant Bode Farinde, 50, says he is happy with the results.")
    assert find(doc, "he has lost weight").text.endswith("the program")
    assert find(doc, "he is happy").speaker == "Bode Farinde"


def test_a_clause_closed_by_x_said_is_a_report_even_without_a_tagged_verb() -> None:
    doc = run_quotes("Farm sales account for about a tenth of the region's yearly income, Ida Klemm said.\n"
                     "In a statement on Thursday from his office, Jon Roe said the plan had failed.")
    assert find(doc, "Farm sales account").speaker == "Ida Klemm"
    assert not [q for q in doc.quotes if q.text.startswith("In a statement")]


def test_and_said_after_a_long_introductory_phrase() -> None:
    doc = run_quotes("In an interview with a TV network on Monday, Secretary of State Ada Pomme praised the talks "
                     "and said she did not think the dispute would affect them.")
    assert find(doc, "she did not think").speaker == "Ada Pomme"


def test_a_clause_of_the_writer_around_a_quotation_is_one_partial_quote() -> None:
    doc = run_quotes('Its president, Mat Skov, said officers were "stretched to the breaking point."')
    q = find(doc, "officers were")
    assert q.kind == "partial" and q.speaker == "Mat Skov"
    doc = run_quotes('Critics called the plan "a blunt instrument that helps nobody at all."')
    assert find(doc, "a blunt instrument").speaker == "Critics"


def test_a_time_phrase_between_cue_and_report_is_not_reported() -> None:
    doc = run_quotes("Vexamo said on September 14 it had submitted a proposal to the regulator.\n"
                     "Ada Holm said last week the plan was dead.")
    assert find(doc, "it had submitted").speaker == "Vexamo"
    assert find(doc, "the plan was dead").speaker == "Ada Holm"


def test_a_participle_introducing_the_report_is_cut_off() -> None:
    doc = run_quotes('The deal is good, Ada Holm said, expressing hope that a set of "fair and open" rules '
                     'would follow.')
    q = find(doc, 'a set of "fair and open" rules')
    assert q.kind == "partial" and q.speaker == "Ada Holm"
    assert [q.text for q in doc.quotes if q.text.startswith("expressing")] == []


def test_a_scene_setting_clause_before_the_speaker_is_not_what_was_said() -> None:
    doc = run_quotes("When pressed on Friday about the missing funds, Mayor Ivo Marek said, "
                     "\u201cThe audit will answer that question.\u201d")
    assert not any(q.text.startswith("When pressed") for q in doc.quotes)
    assert any(q.text.startswith("The audit will") and q.speaker == "Ivo Marek" for q in doc.quotes)


def test_an_announced_event_is_not_reported_speech_but_an_announced_clause_is() -> None:
    doc = run_quotes("President Ana Ruiz announced the opening of the bridge, which had taken six years to build.\n"
                     "The ministry announced that the border would reopen on Friday.")
    assert not any(q.speaker == "Ana Ruiz" for q in attributed(doc))
    assert find(doc, "the border would reopen").speaker == "The ministry"


def test_the_writers_aside_after_a_closing_attribution_is_not_reported() -> None:
    doc = run_quotes("Prices will keep rising through the winter, the finance minister said, though he gave "
                     "no figures.\n"
                     "The library will open two branches next year, said Erin Vale, who chairs its board.")
    assert not any(q.text.startswith(("though he gave", "who chairs")) for q in doc.quotes)
    assert find(doc, "Prices will keep").speaker == "the finance minister"
    assert find(doc, "The library will open").speaker == "Erin Vale"


def test_a_negated_report_says_nothing() -> None:
    doc = run_quotes("Vexacom did not say whether it would raise its prices.\n"
                     "Roe would not say if she planned to run again.\n"
                     "Roe said the talks would resume next week.")
    assert [q.text for q in attributed(doc)] == ["the talks would resume next week"]
