"""Direct quotations: every attribution construction, on sentences written for these tests."""
from __future__ import annotations

from tests.quotes_helpers import attributed, find, run_quotes


def test_quote_then_name_and_cue() -> None:
    doc = run_quotes('"The harbour will reopen next week," Maria Lopez said.')
    q = find(doc, "The harbour will reopen")
    assert (q.kind, q.speaker, q.cue.text, q.rule) == ("direct", "Maria Lopez", "said", "after-quote")
    assert q.speaker_mention.text == "Maria Lopez" and q.confidence > 0.8


def test_inverted_order_with_appositive_description() -> None:
    doc = run_quotes('"We expected more rain," said Pavel Novak, a hydrologist at the regional weather office.')
    q = find(doc, "We expected")
    assert q.speaker == "Pavel Novak" and q.rule == "inverted"
    assert q.speaker_description == "a hydrologist at the regional weather office"


def test_split_quote_gives_two_quotes_one_speaker() -> None:
    doc = run_quotes('"The first half is done," Rachel Kim said. "The second half starts in spring."')
    a, b = find(doc, "The first half"), find(doc, "The second half")
    assert a.speaker == b.speaker == "Rachel Kim"
    assert b.cue is None and b.rule == "continuation"


def test_quote_interrupted_mid_sentence() -> None:
    doc = run_quotes('"If the levee holds," Omar Haddad said, "the town will be fine."')
    assert find(doc, "If the levee").speaker == find(doc, "the town will").speaker == "Omar Haddad"


def test_colon_introduction_same_and_next_paragraph() -> None:
    doc = run_quotes('Lena Fischer said: "The budget is balanced."')
    assert find(doc, "The budget").speaker == "Lena Fischer"
    doc = run_quotes('Lena Fischer told the assembly:\n"The budget is balanced and the reserve is full."')
    q = find(doc, "The budget")
    assert q.speaker == "Lena Fischer" and q.rule == "colon-intro"


def test_told_listener_is_not_the_speaker() -> None:
    doc = run_quotes('"Nothing has changed," Amir Said, a former mayor, told The Daily Ledger.')
    q = find(doc, "Nothing has changed")
    assert q.speaker == "Amir Said" and q.cue.text == "told" and q.speaker_description == "a former mayor"


def test_present_tense_and_written_cues() -> None:
    doc = run_quotes('"Prices keep rising," Joan Baird says.\n"Stay home tonight," the mayor tweeted.\n'
                     '"We apologise for the delay," Northline Rail wrote in a statement.')
    assert find(doc, "Prices").speaker == "Joan Baird"
    assert find(doc, "Stay home").cue.text == "tweeted"
    assert find(doc, "We apologise").speaker == "Northline Rail"


def test_organisation_speaks_in_a_statement() -> None:
    doc = run_quotes('Acme Robotics said in a statement that the recall "covers every unit sold since March last year."')
    q = find(doc, "covers every unit")
    assert q.speaker == "Acme Robotics"


def test_pronoun_resolves_to_the_most_recent_compatible_person() -> None:
    text = ("Harold Price runs the ferry. His sister Margaret Price keeps the books.\n"
            '"The numbers are fine this year," she said.\n'
            '"I trust her completely," he said.')
    doc = run_quotes(text)
    assert find(doc, "The numbers").speaker == "Margaret Price"
    assert find(doc, "I trust her").speaker == "Harold Price"


def test_surname_back_reference_gives_the_full_name() -> None:
    text = 'Council member Denise Okoro opposed the plan.\n"It is far too expensive," Okoro said.'
    q = find(run_quotes(text), "It is far too expensive")
    assert q.speaker == "Denise Okoro" and q.speaker_mention.text == "Okoro"


def test_titled_first_mention_gives_the_name_and_the_title_as_description() -> None:
    text = 'Finance Minister Carla Mendes spoke on Monday.\n"Taxes will not rise," Mendes said.'
    q = find(run_quotes(text), "Taxes will not rise")
    assert q.speaker == "Carla Mendes" and q.speaker_description == "Finance Minister"


def test_floating_quote_in_next_paragraph_keeps_the_speaker() -> None:
    text = ('"The river rose overnight," said Tomas Berg, a farmer near the dam.\n'
            '"By morning the lower field was gone."')
    q = find(run_quotes(text), "By morning")
    assert q.speaker == "Tomas Berg" and q.cue is None and q.rule == "floating"


def test_continued_paragraph_quote_takes_the_speaker_found_later() -> None:
    text = '"We had no warning at all and the water kept coming\n"until it reached the roof," said Ines Duarte.'
    doc = run_quotes(text)
    assert find(doc, "We had no warning").speaker == "Ines Duarte"
    assert find(doc, "until it reached").speaker == "Ines Duarte"


def test_quote_at_start_and_end_of_text_and_unbalanced_mark() -> None:
    doc = run_quotes('"Welcome back," said Nora Lind.\nLater Nora Lind added: "we are not finished')
    assert find(doc, "Welcome back").speaker == "Nora Lind"
    q = find(doc, "we are not finished")
    assert q.speaker == "Nora Lind" and q.end == len(doc.text)


def test_nested_quote_stays_inside_the_outer_quote() -> None:
    doc = run_quotes("“My father always said ‘fix it yourself’ and I still do,” said Ruth Ames.")
    qs = attributed(doc)
    assert len(qs) == 1 and "‘fix it yourself’" in qs[0].text and qs[0].speaker == "Ruth Ames"


def test_without_cue_or_speaker_nothing_is_invented() -> None:
    doc = run_quotes('The sign read "Closed for winter" in red letters.')
    assert attributed(doc) == []


def test_a_cue_right_after_a_quotation_reports_it_whatever_follows() -> None:
    from tests.quotes_helpers import find, run_quotes

    doc = run_quotes('"We are proud of you," Ola Brandt told some of the miners.\n'
                     '"Really," Ada Holm added when the interviewer looked surprised.')
    assert find(doc, "We are proud").speaker == "Ola Brandt"
    assert find(doc, "Really").speaker == "Ada Holm"


def test_quotations_introduced_in_other_common_ways() -> None:
    from tests.quotes_helpers import attributed, find, run_quotes

    doc = run_quotes('Ada Holm spoke for an hour. She went on to say, "The plan will not survive the winter."\n'
                     '"Louder!" the crowd screamed back.\n'
                     'Ola Brandt posted a note of his own, saying, "We are thrilled to join the team!"\n'
                     'Sen. Vera Lind (D-Vt.), noting the size of the crowd, said, "This is a big night."')
    assert find(doc, "The plan will not").speaker == "Ada Holm"
    assert find(doc, "Louder").speaker == "the crowd"
    assert find(doc, "We are thrilled").speaker == "Ola Brandt"
    assert not [q for q in attributed(doc) if q.text.startswith("Ola Brandt posted")]
    assert find(doc, "This is a big night").speaker == "Vera Lind"


def test_a_short_adverbial_between_the_cue_and_a_colon_or_that() -> None:
    from tests.quotes_helpers import find, run_quotes

    doc = run_quotes('Asked why, Ben Semb responded in a text message: "The party will unite."\n'
                     "Ada Holm added on Twitter that the plan was dead.")
    q = find(doc, "The party will unite")
    assert q.kind == "direct" and q.speaker == "Ben Semb"
    assert find(doc, "the plan was dead").speaker == "Ada Holm"
