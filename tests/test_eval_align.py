"""Offset mapping from our cleaned text onto a gold text (sentences written for these tests)."""
from __future__ import annotations

from newsparse.evaluate.align import Aligner, fold


def _span_of(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_identical_texts_map_to_themselves() -> None:
    text = "The mayor said the bridge would open in May."
    al = Aligner(text, text)
    assert al.map_span(4, 9) == (4, 9)
    assert al.map_span(0, len(text)) == (0, len(text))


def test_whitespace_changes_keep_the_words() -> None:
    gold = "The council met on Monday.\n\n\n  The mayor   said the bridge\nwould open in May."
    ours = "The council met on Monday.\nThe mayor said the bridge would open in May."
    al = Aligner(ours, gold)
    s, e = _span_of(ours, "the bridge would open in May")
    ms, me = al.map_span(s, e)
    assert gold[ms:me] == "the bridge\nwould open in May"


def test_curly_and_straight_quotes_align() -> None:
    gold = "He said: \u201cWe\u2019re not done yet,\u201d and left the room."
    ours = "He said: \"We're not done yet,\" and left the room."
    al = Aligner(ours, gold)
    s, e = _span_of(ours, "We're not done yet")
    ms, me = al.map_span(s, e)
    assert gold[ms:me] == "We\u2019re not done yet"
    # the quotation marks themselves map too
    qs = ours.index('"')
    assert al.map_span(qs, qs + 1) == (gold.index("\u201c"), gold.index("\u201c") + 1)


def test_straight_gold_curly_ours() -> None:
    gold = "'It is fine,' she said."
    ours = "\u2018It is fine,\u2019 she said."
    al = Aligner(ours, gold)
    s, e = _span_of(ours, "It is fine")
    assert al.map_span(s, e) == _span_of(gold, "It is fine")


def test_removed_title_and_footer_lines_shift_offsets() -> None:
    gold = ("Harbour Plan Approved\n2031-04-02 Source: Example Wire\n"
            "The harbour plan was approved on Tuesday.\n"
            "\"It is a good day for the town,\" the mayor said.\n"
            "About Us | Contact Us | Advertise\nCopyright Example Wire")
    ours = ("The harbour plan was approved on Tuesday.\n\n"
            "\"It is a good day for the town,\" the mayor said.")
    al = Aligner(ours, gold)
    s, e = _span_of(ours, "It is a good day for the town")
    assert al.map_span(s, e) == _span_of(gold, "It is a good day for the town")
    assert al.map_offset(0) == gold.index("The harbour")


def test_line_only_in_our_text_maps_to_nothing() -> None:
    gold = "First paragraph here.\nSecond paragraph here."
    ours = "First paragraph here.\nA photo caption we kept.\nSecond paragraph here."
    al = Aligner(ours, gold)
    assert al.map_span(*_span_of(ours, "photo caption we kept")) is None
    assert al.map_span(*_span_of(ours, "Second paragraph")) == _span_of(gold, "Second paragraph")


def test_span_partly_outside_gold_is_trimmed_to_the_mapped_words() -> None:
    gold = "Alpha beta gamma.\nDelta epsilon."
    ours = "Alpha beta gamma.\nInserted words.\nDelta epsilon."
    al = Aligner(ours, gold)
    s = ours.index("gamma")
    e = ours.index("Delta") + len("Delta")
    ms, me = al.map_span(s, e)
    assert gold[ms:me] == "gamma.\nDelta"


def test_accents_case_and_dashes_fold() -> None:
    gold = "The caf\u00e9 owner \u2014 Ren\u00e9e \u2014 agreed."
    ours = "The cafe owner - RENEE - agreed."
    al = Aligner(ours, gold)
    assert al.map_span(*_span_of(ours, "RENEE")) == _span_of(gold, "Ren\u00e9e")


def test_decomposed_accents_and_ligatures() -> None:
    gold = "The \ufb01nal o\u0301ffer."  # fi ligature, combining accent
    ours = "The final offer."
    al = Aligner(ours, gold)
    assert al.map_span(*_span_of(ours, "final offer")) == (4, len(gold) - 1)


def test_empty_and_out_of_range_spans() -> None:
    al = Aligner("abc def", "abc  def")
    assert al.map_span(3, 3) is None
    assert al.map_span(50, 60) is None
    assert al.map_span(-5, 3) == (0, 3)


def test_fold_keeps_origins() -> None:
    folded, origin = fold("\u201cA\ufb01\u201d")
    assert folded == '"afi"'
    assert origin == [0, 1, 2, 2, 3]


# ---------------------------------------------------------------- property: reformatting never loses a word

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDS = ["the", "mayor", "said", "bridge", "opens", "in", "May", "we're", "ready", "council", "café", "vote"]
_SEPS = [" ", "  ", "\n", "\n\n", " \t "]
_CURL = {'"': "\u201c", "'": "\u2019"}


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.sampled_from(_WORDS), min_size=3, max_size=30),
    seps=st.lists(st.sampled_from(_SEPS), min_size=30, max_size=30),
    quote_at=st.integers(min_value=0, max_value=29),
)
def test_every_word_maps_to_itself_after_reformatting(words: list[str], seps: list[str], quote_at: int) -> None:
    # gold: words with messy separators and curly marks; ours: single spaces and straight marks
    tokens = list(words)
    if quote_at < len(tokens):
        tokens[quote_at] = '"' + tokens[quote_at] + '"'
    ours = " ".join(tokens)
    gold = "".join(t.replace('"', _CURL['"']).replace("'", _CURL["'"]) + seps[i] for i, t in enumerate(tokens))
    al = Aligner(ours, gold)
    pos_ours = pos_gold = 0
    for word in words:
        s = ours.index(word, pos_ours)
        g = gold.index(word.replace("'", _CURL["'"]), pos_gold)
        assert al.map_span(s, s + len(word)) == (g, g + len(word))
        pos_ours, pos_gold = s + len(word), g + len(word)
