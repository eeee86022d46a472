"""Pronoun antecedents: which named speakers "he", "she" and "they" may refer back to."""
from __future__ import annotations

from tests.quotes_helpers import find, run_quotes


def test_a_one_word_name_that_only_reported_is_an_outlet_not_she() -> None:
    doc = run_quotes("As Kestrel Wire and Hollis have reported, the plant will close in May.\n"
                     "The paper spoke to one worker, who asked not to be named. "
                     "\"We have nowhere else to go,\" she said.", entities=True)
    assert find(doc, "We have nowhere").speaker != "Hollis"


def test_a_country_inside_the_report_is_no_antecedent_for_he() -> None:
    doc = run_quotes("For now, Rask, at the Nordic Policy Institute, said Norway and Sweden had settled the dispute. "
                     "\"It took them years to get there,\" he said.", entities=True)
    assert find(doc, "It took them").speaker == "Rask"


def test_a_surname_the_tagger_typed_org_still_takes_she_after_said() -> None:
    # "Sowers" is typed ORG by the entities stage; "said Sowers, who …" is a person speaking
    doc = run_quotes("Eyamba Sowers did not expect the visit.\n"
                     "\"He has me thinking now,\" said Sowers, who is also weighing two other candidates. "
                     "She said that the governor could win.", entities=True)
    assert find(doc, "the governor could win").speaker in ("Sowers", "Eyamba Sowers")


def test_singular_they_for_a_spokesperson_just_named() -> None:
    for entities in (False, True):
        doc = run_quotes("Sam Okafor, a spokesperson for the transit agency, said the line would reopen soon.\n"
                         "\"We are working around the clock,\" they said.", entities=entities)
        assert find(doc, "We are working").speaker == "Sam Okafor"
    doc = run_quotes("Rowan Vale, a spokesperson for the water board, confirmed the delay on Monday. "
                     "\"The repairs will take another week,\" they said in an email.", entities=True)
    assert find(doc, "The repairs will").speaker == "Rowan Vale"


def test_they_stays_plural_when_a_group_or_a_gendered_pronoun_is_near() -> None:
    texts = [
        # two people named together
        "Rowan Vale and Kim Sato, both nurses at the hospital, said the ward was full. "
        "\"We turn people away every night,\" they said.",
        # the text calls the person "his"
        "Rowan Vale, a spokesperson for the agency, said his team would review the plan. "
        "\"It will take time,\" they said.",
        # a plural subject after the person
        "Rowan Vale, a spokesperson for the agency, said the line would reopen. Commuters were furious on Monday. "
        "\"We were never told,\" they said.",
        # no role introduces the person
        "Rowan Vale walked out of the hearing on Monday. \"It was a farce,\" they said.",
    ]
    for text in texts:
        doc = run_quotes(text, entities=True)
        q = next(q for q in doc.quotes if q.speaker_mention is not None and q.speaker_mention.text == "they")
        assert q.speaker not in ("Rowan Vale", "Kim Sato"), text


def test_a_voice_introduced_with_a_role_or_an_age_takes_the_next_quotation() -> None:
    text = ("Carl Mertens, 61, says the class changed his mornings. \"I used to sleep in,\" he says.\n"
            "The class also won over Dornby welder Omar Vexley, 44. \"I come every week now,\" he says. "
            "\"Even in the snow.\"")
    for entities in (False, True):
        doc = run_quotes(text, entities=entities)
        assert find(doc, "I used to sleep").speaker == "Carl Mertens"
        assert find(doc, "I come every week").speaker == "Omar Vexley"
        assert find(doc, "Even in the snow").speaker == "Omar Vexley"


def test_a_name_in_passing_is_no_new_voice() -> None:
    # no role before the name, no age after it: the subject keeps the quotation
    doc = run_quotes("Carl Mertens, 61, says the class changed his mornings. He thanked Omar Vexley. "
                     "\"I used to sleep in,\" he says.", entities=True)
    assert find(doc, "I used to sleep").speaker == "Carl Mertens"


def test_names_in_a_photo_caption_left_in_the_text_are_no_antecedents() -> None:
    text = ("Author Lena Brandt says the ferry workers changed the town. She spent four years on the book.\n"
            "Marta Holm, a retired deckhand, stands on the pier in 2001. ( Example Daily file photo )\n"
            "The strike of 1962 closed the harbour for a month. \"They were braver than anyone knew,\" she says.")
    for entities in (False, True):
        doc = run_quotes(text, entities=entities)
        assert find(doc, "They were braver").speaker == "Lena Brandt"
    # the same paragraph without its credit is story text, and its subject is the antecedent
    doc = run_quotes(text.replace(" ( Example Daily file photo )", ""), entities=True)
    assert find(doc, "They were braver").speaker == "Marta Holm"


def test_a_floating_quotation_skips_names_joined_by_and() -> None:
    text = ("\"It has been a great year for us,\" said Ivo Brandt, who won twice. Ruiz and Okafor have also won "
            "this season.\n"
            "\"We are all proud to play for this club.\"")
    for entities in (False, True):
        doc = run_quotes(text, entities=entities)
        assert find(doc, "We are all proud").speaker == "Ivo Brandt"


def test_a_subject_inside_reported_content_is_not_the_antecedent() -> None:
    doc = run_quotes("Tom Berg said Omar Haddad had left the company in May. \"It came as a surprise,\" he said.",
                     entities=True)
    assert find(doc, "It came as a surprise").speaker == "Tom Berg"
    doc = run_quotes("Vexamo Inc. said Halvex Corp. had revoked its licence on Monday.\n"
                     "\"We are working with Halvex on a fix,\" the company said.", entities=True)
    assert find(doc, "We are working with").speaker.startswith("Vexamo")
