"""Quotation-mark pairing: styles, nesting, apostrophes, unbalanced marks, paragraph continuation."""
from __future__ import annotations

from newsparse.quotes.marks import find_quotes


def spans(text: str) -> list[str]:
    paras, pos = [], 0
    for line in text.split("\n"):
        paras.append((pos, pos + len(line)))
        pos += len(line) + 1
    return [text[q.start : q.end] for q in find_quotes(text, paras)]


def test_curly_straight_guillemets_and_german_marks() -> None:
    assert spans("“Curly words,” she said.") == ["Curly words,"]
    assert spans('"Straight words," he said.') == ["Straight words,"]
    assert spans("« Des mots », dit-il.") == ["Des mots"]
    assert spans("„Deutsche Wörter“, sagte er.") == ["Deutsche Wörter"]


def test_single_quotes_nested_inside_double_stay_inside() -> None:
    assert spans("“He told me ‘never again’ and left,” she said.") == ["He told me ‘never again’ and left,"]


def test_apostrophes_are_not_quotation_marks() -> None:
    assert spans("The council’s plan isn’t ready, Jones’ aide said.") == []


def test_single_quotes_as_top_level_marks_without_double_quotes() -> None:
    assert spans("Headline says ‘Storm ahead’ for the region.") == ["Storm ahead"]


def test_mixed_opening_curly_closing_straight() -> None:
    assert spans('“Mixed marks happen," said the editor.') == ["Mixed marks happen,"]


def test_unbalanced_opening_mark_runs_to_paragraph_end() -> None:
    assert spans('He said: "this never closes\nNext paragraph.') == ["this never closes"]


def test_quote_continues_into_next_paragraph() -> None:
    text = "“The first part goes on\n“and the second part ends here,” she said."
    paras = [(0, 23), (24, len(text))]
    qs = find_quotes(text, paras)
    assert [text[q.start : q.end] for q in qs] == ["The first part goes on", "and the second part ends here,"]
    assert qs[0].close is None and qs[1].continues and qs[0].chain == qs[1].chain


def test_quote_at_very_start_and_very_end_of_text() -> None:
    assert spans('"Start of text," she said. Then he said "end of text"') == ["Start of text,", "end of text"]
