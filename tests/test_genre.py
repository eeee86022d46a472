"""The genre detector: edited news prose vs informal user-written web text."""
from __future__ import annotations

from newsparse.ner import genre

NEWS = ("The regional council approved the new bridge on Tuesday, officials said. Council leader Marta "
        "Okonkwo told reporters that construction would begin in March and cost about 40 million euros. "
        "\"I don't think we can wait any longer. You have seen the traffic,\" she said. The opposition "
        "said the plan was rushed and that the Harbour Authority had not been consulted.")
REVIEW = ("ok so i finally tried the new noodle bar near my office lol. honestly it's the best ramen i've had "
          "since moving here!! the staff were super friendly :) you guys should def go, i'm going back "
          "next week for sure. can't wait")
EMAIL = ("hi tom, thanks for your note! i'm out of the office until monday so can you send me the slides "
         "when you get a chance? i'll look at them over the weekend. let me know if you need anything "
         "else from me. cheers!")
BLOG = ("Have you ever wondered why your sourdough won't rise? You're not alone! I've baked bread for ten "
        "years and I still get it wrong sometimes. Here's what I learned from Marta Okonkwo, who runs a "
        "bakery in Lisbon. Trust me, you'll love the results!")


def test_news_paragraph_is_news() -> None:
    assert genre.detect(NEWS)[0] == genre.NEWS


def test_informal_review_and_email_are_web() -> None:
    assert genre.detect(REVIEW)[0] == genre.WEB
    assert genre.detect(EMAIL)[0] == genre.WEB


def test_an_informal_register_written_with_capitals_stays_news() -> None:
    """A blog talking to its reader in the first and second person, but writing names and
    sentences as edited text does: the news model tags such text better."""
    assert genre.web_probability(BLOG) > 0.5
    assert genre.detect(BLOG)[0] == genre.NEWS


def test_first_person_inside_quotes_is_not_informal() -> None:
    """News quotes people who say I and you: quoted speech is left out of those signals."""
    s = genre.signals(NEWS)
    assert s["first"] == 0 and s["second"] == 0 and s["contraction"] == 0
    assert s["quoted"] > 0.1 and s["reporting"] > 0


def test_signals_of_informal_writing() -> None:
    s = genre.signals(REVIEW)
    assert s["lower_i"] > 0 and s["lower_start"] > 0.5 and s["emoticon"] > 0 and s["exclaim"] > 0
    assert genre.web_probability(REVIEW) > genre.web_probability(NEWS)


def test_short_text_stays_news() -> None:
    """Too few words to be sure: the news model, whose mistakes on web text cost less."""
    assert genre.detect("lol i love it!! so good")[0] == genre.NEWS


def test_the_fast_route_agrees_with_the_detector() -> None:
    for text in (NEWS, REVIEW, EMAIL, BLOG, "lol i love it!! so good", ""):
        assert genre.route(text) == genre.detect(text)[0]
