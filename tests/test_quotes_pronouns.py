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
