"""The entities stage end to end on sentences written for these tests (the shipped model runs)."""
from __future__ import annotations

from newsparse.model import Document
from newsparse.stages.entities import EntitiesParams, EntitiesStage


def run(text: str, **params) -> Document:
    return EntitiesStage(EntitiesParams(**params)).process(Document(input="t", text=text))


def entity(doc: Document, name: str):
    found = [e for e in doc.entities if e.name == name or name in e.aliases]
    assert found, f"{name!r} not among {[(e.name, e.type) for e in doc.entities]}"
    return found[0]


def test_mentions_index_the_text() -> None:
    doc = run("Maria Lindqvist, the head of Norrland Energy, met officials in Oslo on Monday.")
    for e in doc.entities:
        for m in e.mentions:
            assert doc.text[m.start:m.end] == m.text
        assert e.count == len(e.mentions)
    assert entity(doc, "Maria Lindqvist").type == "PERSON"
    assert entity(doc, "Oslo").type == "GPE"


def test_possessive_is_not_part_of_the_name() -> None:
    doc = run("Vexamo's shares fell on Tuesday after Vexamo's chief executive resigned, Reuters reported.")
    e = entity(doc, "Vexamo")
    assert e.type == "ORG" and e.count == 2 and e.aliases == ["Vexamo"]


def test_hyphenated_modifier_is_a_country_mention() -> None:
    doc = run("The U.S.-based company said it would hire 300 engineers in Norway next year.")
    us = entity(doc, "United States")
    assert us.type == "GPE" and us.mentions[0].text == "U.S."


def test_title_before_a_name_gives_a_country_and_a_person() -> None:
    doc = run("U.S. Treasury Secretary Helena Marsh said on Friday that talks would continue.")
    assert entity(doc, "United States").type == "GPE"
    marsh = entity(doc, "Helena Marsh")
    assert marsh.type == "PERSON" and marsh.mentions[0].text == "Helena Marsh"


def test_nested_country_inside_an_organisation_is_not_a_country_mention() -> None:
    doc = run("Li Wen, a researcher at the China Institute of Marine Affairs, said the survey was late.")
    assert not any(e.name == "China" for e in doc.entities), [(e.name, e.type) for e in doc.entities]


def test_all_caps_headline() -> None:
    doc = run("FLOODS FORCE THOUSANDS TO FLEE IN NORWAY\n\nHeavy rain hit Norway on Sunday, officials said.")
    norway = entity(doc, "Norway")
    assert norway.type == "GPE" and norway.count == 2


def test_sentence_initial_name_and_surname_merge() -> None:
    doc = run("Daniel Okafor runs the clinic. Okafor said demand had doubled. Nurses praised Okafor.")
    e = entity(doc, "Daniel Okafor")
    assert e.type == "PERSON" and e.count == 3 and set(e.aliases) == {"Daniel Okafor", "Okafor"}


def test_two_people_with_one_surname_are_not_merged() -> None:
    doc = run("Anna Brandt and her brother Paul Brandt both ran for mayor. Brandt won by 40 votes.")
    anna, paul = entity(doc, "Anna Brandt"), entity(doc, "Paul Brandt")
    assert anna is not paul
    assert "Brandt" not in anna.aliases and "Brandt" not in paul.aliases


def test_country_short_forms_and_acronyms_merge() -> None:
    text = ("Britain and the United States signed the deal. The U.K. said the Nordic Council for Fisheries "
            "Research (NCFR) would check it. The NCFR praised America and the U.S. Senate.")
    doc = run(text)
    us = entity(doc, "United States")
    assert set(us.aliases) >= {"United States", "America", "U.S."}
    assert set(entity(doc, "United Kingdom").aliases) == {"Britain", "U.K."}
    council = entity(doc, "NCFR")
    assert council.type == "ORG" and "NCFR" in council.aliases and council.count == 3


def test_pronouns_are_a_parameter() -> None:
    text = "Maria Lindqvist arrived late. She said she had missed the train."
    assert entity(run(text), "Maria Lindqvist").count == 1
    assert entity(run(text, count_pronouns=True), "Maria Lindqvist").count == 3


def test_nationalities_are_norp() -> None:
    doc = run("Norwegian fishermen and Chilean officials met in Lima.")
    assert entity(doc, "Norwegian").type == "NORP"


def test_empty_text() -> None:
    assert run("").entities == []


def test_given_tokens_are_tagged_as_they_are() -> None:
    """The evaluator hands over a corpus's own tokens; mentions then start and end on them."""
    from newsparse.stages.entities import GIVEN_TOKENS

    text = "Reporters met Maria Lindqvist@NORRLAND in Oslo"
    doc = Document(input="t", text=text)
    tokens = [(0, 9), (10, 13), (14, 19), (20, 38), (39, 41), (42, 46)]
    doc.extra[GIVEN_TOKENS] = [tokens]
    EntitiesStage().process(doc)
    starts, ends = {s for s, _ in tokens}, {e for _, e in tokens}
    mentions = [m for e in doc.entities for m in e.mentions]
    assert mentions and all(m.start in starts and m.end in ends for m in mentions)
    assert any(m.text == "Oslo" for m in mentions)


def test_title_word_before_a_place_word_is_a_firm_not_a_person() -> None:
    # "General" + a region word: no general's surname, one organisation
    doc = run("Backers of the deal include Norvane Partners and General Pacific, a growth investor.")
    assert not any(e.type == "PERSON" and e.name == "Pacific" for e in doc.entities)
    assert entity(doc, "General Pacific").type == "ORG"


def test_title_before_a_surname_is_still_dropped() -> None:
    doc = run("General Marta Okonkwo inspected the troops in Lagos on Friday.")
    assert entity(doc, "Marta Okonkwo").type == "PERSON"


def test_publication_after_a_source_cue_is_an_organisation() -> None:
    doc = run("The firm has close ties to the mayor, according to the Harbour Courier. Shares rose.")
    e = entity(doc, "Harbour Courier")
    assert e.type == "ORG" and e.mentions[0].text == "Harbour Courier"


def test_a_name_never_ends_with_an_article(monkeypatch) -> None:
    """A ragged tagger span ``Vexamo Pizza the`` loses the article at its end."""
    import newsparse.ner.model as ner_model
    from newsparse.stages.entities import tagged_mentions

    text = "We ate at Vexamo Pizza the other day"
    monkeypatch.setattr(ner_model, "tag_sentences",
                        lambda sents, path=None: [["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]])
    mentions, _ = tagged_mentions(text, [(0, len(text))])
    assert [(m.text, m.type) for m in mentions] == [("Vexamo Pizza", "ORG")]
