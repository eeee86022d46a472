"""The shipped part-of-speech lexicon tagger: loads once, tags common words, backs off sensibly."""
from __future__ import annotations

from newsparse.nlp.pos import LexiconTagger, load_tagger


def test_loads_once_and_tags_common_words() -> None:
    tagger = load_tagger()
    assert tagger is load_tagger()
    tags = tagger.tag(["The", "minister", "said", "she", "would", "resign", "."])
    assert tags[0] == "DT" and tags[1] == "NN" and tags[2] == "VBD" and tags[3] == "PRP" and tags[4] == "MD"
    assert tags[6] == "."


def test_unknown_words_back_off_by_shape_and_suffix() -> None:
    tagger = load_tagger()
    assert tagger.tag_word("Zbigniewska") == "NNP"
    assert tagger.tag_word("1,250") == "CD"
    assert tagger.tag_word("reforestations").startswith("NN")


def test_capitalised_function_words_mid_sentence_keep_their_class() -> None:
    model = {"words": {"the": "DT"}, "lower": {"the": "DT"}, "suffix": {}}
    tagger = LexiconTagger(model)
    assert tagger.tag_word("The", sentence_initial=False) == "DT"
    assert tagger.tag_word("Okafor", sentence_initial=False) == "NNP"
