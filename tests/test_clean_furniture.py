"""The clean stage: furniture rules, captions, doubled link text, normalisation, fuzzing."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse.extraction.furniture import furniture_reason, is_caption, undouble
from newsparse.extraction.normalise import fold_quotes, normalise, normalise_line
from newsparse.model import Block, Document
from newsparse.stages.clean import CleanStage


def test_furniture_lines_have_reasons():
    assert furniture_reason("Sign up for our morning newsletter") == "newsletter prompt"
    assert furniture_reason("Read more: Council approves the new bridge") == "read-more teaser"
    assert furniture_reason("Follow us on Instagram") == "social prompt"
    assert furniture_reason("© 2031 Example Gazette. All rights reserved.") == "copyright line"
    assert furniture_reason("Advertisement") == "advertisement label"
    assert furniture_reason("Updated: March 3, 2031 10:15 AM") == "date stamp"
    assert furniture_reason("Leave a comment") == "comment widget"
    assert furniture_reason("https://cdn.example.org/img/harbour.jpg") == "image URL"
    assert furniture_reason("Home | World | Sport | Weather") == "link list"
    assert furniture_reason("CLICK HERE TO GET THE EXAMPLE NEWS APP") == "link prompt"
    assert furniture_reason("Get Example Business on the go by clicking here") == "link prompt"
    assert furniture_reason("[Photo/Example Agency]") == "photo credit"
    assert furniture_reason("Table of Contents") == "page widget"
    assert furniture_reason("In this article:") == "page widget"


def test_body_sentences_are_never_furniture():
    for line in [
        "Paranoia pure and simple.",
        "Read the full report before the vote, she said.",
        "The newsletter was read by thousands of residents who signed up last spring.",
        "More than 100 people attended the hearing.",
        "Share prices fell sharply after the announcement on Monday.",
        "Comments made by the mayor angered residents.",
        "The contents of the report were leaked on Monday.",
        "Voters can click here and there on the new site to check their registration, officials said.",
    ]:
        assert furniture_reason(line) is None, line


def test_captions():
    assert is_caption("Photo taken on May 2 shows a ferry leaving the harbour. (Example Agency)") or is_caption(
        "Photo taken on May 2 shows a ferry leaving the harbour.")
    assert is_caption("A ferry leaves the harbour. Image: Jane Roe / Getty Images")
    assert not is_caption("Photographs taken in the wild are always in demand, she said.")


def test_doubled_link_text():
    assert undouble("Sen. Maria LopezMaria Lopez said no.") == "Sen. Maria Lopez said no."
    assert undouble("McDonald and iPhone stay") == "McDonald and iPhone stay"


def test_normalise_spaces_invisibles_and_broken_words():
    raw = "Caf\u0065\u0301\u00a0au\u200b lait, a well-\nknown co\u00adoperative exam-\nple"
    out = normalise(raw)
    assert out.startswith("Café au lait")
    assert "\u200b" not in out and "\u00ad" not in out and "\u00a0" not in out
    assert "example" in out


def test_mojibake_fixed_quotes_kept():
    assert normalise_line("He said \u201cyes\u201d at the caf\u00c3\u00a9") == "He said \u201cyes\u201d at the caf\u00e9"
    assert fold_quotes("\u201cA\u201d \u2018b\u2019 \u00abc\u00bb") == "\"A\" 'b' \"c\""


def _clean(blocks, content_type="html"):
    doc = Document(input="t", content_type=content_type, blocks=blocks)
    return CleanStage().process(doc)


def test_clean_builds_text_paragraphs_and_removed():
    doc = _clean([
        Block("Harbour reopens", "title"),
        Block("The harbour reopened on Monday after repairs that lasted two years."),
        Block("Advertisement"),
        Block("A ferry leaves the harbour. Image: Jane Roe / Getty Images"),
        Block("What comes next", "heading"),
        Block("Paranoia pure and simple."),
    ])
    assert "Advertisement" not in doc.text
    assert "Getty" not in doc.text and doc.captions
    assert "Paranoia pure and simple." in doc.text
    kinds = [p.kind for p in doc.paragraphs]
    assert kinds == ["paragraph", "heading", "paragraph"]
    for p in doc.paragraphs:
        assert doc.text[p.start:p.end].strip() == doc.text[p.start:p.end]
    reasons = {r.reason for r in doc.removed}
    assert "advertisement label" in reasons and "photo caption (kept in captions)" in reasons


_PIECES = list("ab <>/&;|©\u00a0\u200b\u00ad\n\t\"'“”«»-.:Ã©\x00\x1f\ufeff") + [
    "Read more:", "Photo:", "Copyright", "All rights reserved", "RoeRoe", "Jane RoeJane Roe", "exam-\nple"]
_HTMLISH = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_HTMLISH | st.text(max_size=200),
                          st.sampled_from(["paragraph", "heading", "caption", "list_item", "title", "table"])),
                max_size=12),
       st.sampled_from(["html", "text"]))
def test_clean_never_raises(blocks, content_type):
    doc = _clean([Block(t, k) for t, k in blocks], content_type)
    for p in doc.paragraphs:
        assert 0 <= p.start <= p.end <= len(doc.text)


def test_hover_card_after_doubled_name_is_removed():
    text = "He threatened Rep. Jane RoeJane RoeLatest: budget talks stall | Vote delayed MORE (D-Ore.), officials said."
    assert undouble(text) == "He threatened Rep. Jane Roe (D-Ore.), officials said."


def _story(n: int) -> list[Block]:
    """``n`` distinct paragraphs of about 45 words each (a few hundred words in all)."""
    return [Block(f"Paragraph {i} of the council story: the members debated the tram line for the "
                  f"{i}th hour, heard residents from the harbour district, read letters from shop "
                  f"owners and bus drivers, and adjourned again without a vote while the mayor "
                  f"promised a decision before the summer recess of year {2020 + i}.") for i in range(n)]


def test_a_page_that_carries_its_article_twice_keeps_one_copy():
    story = _story(9)  # about 400 words
    doc = _clean([Block("Tram line", "title"), *story, Block("Related: more from the city desk"),
                  *[Block(b.text) for b in story]])
    assert doc.text.count("Paragraph 3 of the council story") == 1
    assert sum(r.reason == "repeated passage" for r in doc.removed) == 9


def test_short_repeats_are_the_writers_and_stay():
    plan = []
    for day in ("Monday", "Tuesday", "Wednesday"):
        plan += [Block(f"{day} plan"), Block("Breakfast: two eggs, one cup of spinach and a slice of rye bread."),
                 Block("Lunch: a bowl of lentil soup with carrots, celery and one small wholegrain roll."),
                 Block(f"Dinner on {day}: grilled fish with rice.")]
    doc = _clean(plan)
    assert doc.text.count("Breakfast: two eggs") == 3
    assert not any(r.reason == "repeated passage" for r in doc.removed)
    # the rule can be turned off
    story = _story(9)
    doc = Document(input="t", content_type="html", blocks=[*story, *[Block(b.text) for b in story]])
    kept = CleanStage(CleanStage.Params(repeat_min_words=0)).process(doc)
    assert kept.text.count("Paragraph 3 of the council story") == 2
