"""The quotes stage never crashes and always returns valid spans, whatever the marks and text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.quotes_helpers import attributed, run_quotes

PIECES = ['"', "“", "”", "‘", "’", "«", "»", "„", ",", ".", ":", "\n", " ", "said", "says", "told", "according to",
          "she", "He", "Anna Berg", "Berg", "the company", "that", "The plan", "would fail", "Mr.", "U.S.", "adding",
          "It", "(", ")", "—", "?", "!", "'s", "Dr. Ode", "officials", "'", "'quoted'"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=0, max_size=60))
def test_random_mark_soup_gives_valid_spans(parts: list[str]) -> None:
    text = " ".join(parts)
    doc = run_quotes(text, entities=False)  # run_quotes checks text[start:end] == quote.text
    for q in doc.quotes:
        assert 0 <= q.start < q.end <= len(doc.text)
        if q.speaker_mention is not None:
            m = q.speaker_mention
            assert doc.text[m.start : m.end] == m.text
        if q.cue is not None:
            assert doc.text[q.cue.start : q.cue.end] == q.cue.text
        assert q.kind in ("direct", "partial", "indirect", "scare")


def test_empty_and_markless_texts() -> None:
    assert run_quotes("").quotes == []
    assert run_quotes("No quotations and no speech here at all.").quotes == []


def test_a_title_in_title_case_is_a_name_not_speech() -> None:
    doc = run_quotes(
        "The studio says the film will open in forty cities. \u201cThe Boy Who Sailed Past the Moon\u201d "
        "premieres on Friday.\n"
        "A still provided by Northlight Pictures shows Mara Lindqvist on the set of "
        "\"The Boy Who Sailed Past the Moon.\" ( Ola Berg / AP )\n"
        "Lindqvist said the sequel \u201cwill be darker and much longer than the first one.\u201d", entities=True)
    assert not any("The Boy Who Sailed" in q.text for q in attributed(doc))
    # a real fragment of speech in the same article is still reported
    assert any(q.text.startswith("will be darker") for q in attributed(doc))
