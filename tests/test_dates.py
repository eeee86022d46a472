"""Publication dates of HTML pages: only a date the page states, taken from where it states it."""
from __future__ import annotations

import json

from newsparse.extraction.metadata import (
    collect,
    dateline_date,
    find_title,
    header_date,
    parse_html,
    stated_date,
    text_runs,
    visible_dates,
    written_dates,
)
from newsparse.model import Document
from newsparse.stages.extract import ExtractParams, ExtractStage

HEADLINE = "Council approves the new tram line"
BODY = (
    "<p>The council voted on Tuesday to build a tram line from the station to the harbour, ending "
    "a debate that lasted most of the decade.</p>"
    "<p>Work is due to start next spring and should take three years, officials told reporters.</p>"
)


def article(*, head: str = "", above: str = "", below: str = "", after: str = "", lang: str = "en") -> str:
    """A news page: masthead, kicker, headline, dateline, body, then whatever comes after the article."""
    return (f'<html lang="{lang}"><head><title>{HEADLINE} | Example Courier</title>{head}</head><body>'
            f'<header><a href="/">Example Courier</a></header><main><article>{above}<h1>{HEADLINE}</h1>'
            f'{below}{BODY}</article>{after}</main></body></html>')


def date_of(html: str, guess: str | None = None, trust_markup: bool = True) -> str | None:
    tree = parse_html(html)
    facts = collect(tree)
    return stated_date(tree, facts, guess, trust_markup, title=find_title(facts, None))


def ld(**fields: str) -> str:
    return f'<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", **fields})}</script>'


RELATED = ('<aside class="related"><h2>More from the city desk</h2>'
           '<div class="card"><a href="/a">Bus lanes extended</a><span class="date">March 3, 2024</span></div>'
           '<div class="card"><a href="/b">Bridge repairs finished</a><span class="date">March 1, 2024</span></div>'
           '</aside>')


def test_the_dateline_under_the_headline_beats_dates_in_related_lists_and_the_guess():
    html = article(below='<p class="byline">By Ana Ruiz</p><p class="meta">February 12, 2024</p>', after=RELATED)
    assert date_of(html, guess="2024-03-03") == "2024-02-12"


def test_a_kicker_date_just_above_the_headline_counts():
    html = article(above='<div class="kicker"><a href="/city">City</a> <span>April 9, 2024</span></div>')
    assert date_of(html) == "2024-04-09"


def test_a_date_in_a_body_sentence_is_not_the_page_date():
    sentence = ("<p>The plan was first put to voters on May 5, 2022, when it was rejected by a narrow "
                "margin after a long campaign.</p>")
    assert date_of(article(below=sentence)) is None


def test_a_visible_update_date_with_a_published_label_gives_the_publication():
    line = '<p class="dateline">Published June 2, 2024 · Updated June 4, 2024</p>'
    assert date_of(article(below=line)) == "2024-06-02"
    assert dateline_date("Posted on 7 July 2024, updated 9 July 2024", None, [], True) == ("2024-07-07", True)


def test_a_publication_stated_only_to_the_month_is_no_publication_day():
    line = "<p><em>Originally published in March 2022. Last updated on June 4, 2024.</em></p>"
    assert date_of(article(below=line)) is None


def test_reader_comment_dates_are_not_the_article_date():
    comments = ('<section id="comments"><ol class="comment-list"><li class="comment">'
                '<div class="comment-meta"><time datetime="2024-05-20T10:00:00Z">May 20, 2024</time></div>'
                '<p>Great news for the harbour.</p></li></ol></section>')
    html = article(head=ld(datePublished="2024-05-18T08:00:00Z"), after=comments)
    assert date_of(html) == "2024-05-18"
    assert "2024-05-20" not in visible_dates(parse_html(html))


def test_hidden_elements_and_printed_machine_stamps_are_not_visible_dates():
    html = article(below='<span class="hidden">April 1, 2024</span><span style="display: none">April 2, 2024</span>'
                         '<span class="updated">2024-04-03T10:00:00+00:00</span>'
                         '<span class="hidden md:inline">April 4, 2024</span>'
                         '<span class="d-none d-md-inline">April 5, 2024</span>')
    assert visible_dates(parse_html(html)) == {"2024-04-04", "2024-04-05"}


def test_markup_date_written_on_the_page_beats_the_guess():
    # the markup's date is written (month first) in the footer; the extractor read it day first
    html = article(head=ld(datePublished="2024-09-10"), after='<footer><p>Page date 09.10.2024</p></footer>')
    assert date_of(html, guess="2024-10-09") == "2024-09-10"


def test_numeric_dateline_read_by_its_datetime_the_guess_then_the_page_language():
    html = article(below='<time datetime="2024-03-04T09:00:00Z">04/03/2024</time>')
    assert date_of(html) == "2024-03-04"
    assert date_of(article(below="<p>04/03/2024</p>", lang="en-US")) == "2024-04-03"
    assert date_of(article(below="<p>04/03/2024</p>", lang="en-GB")) == "2024-03-04"
    assert date_of(article(below="<p>04/03/2024</p>", lang="pt-BR"), guess="2024-03-04") == "2024-03-04"
    # no language declared and nothing else to go by: left unread rather than guessed
    assert date_of(article(below="<p>04/03/2024</p>", lang="")) is None


def test_a_published_label_beats_a_nearer_update_date():
    line = ('<div class="meta"><span>Updated</span> <time>May 9, 2024</time></div>'
            '<div class="meta"><span>Posted:</span> <time>May 7, 2024</time></div>')
    assert date_of(article(below=line)) == "2024-05-07"


def test_the_headline_inside_the_article_beats_a_sticky_header_copy():
    sticky = (f'<div class="site-header"><h1>{HEADLINE}</h1>'
              '<div class="site-header__date">Saturday, June 22, 2024</div></div>')
    html = article(below='<p class="byline">June 20, 2024</p>').replace("<header>", "<header>" + sticky, 1)
    assert date_of(html) == "2024-06-20"


def test_dates_of_linked_teasers_are_not_the_page_markup_date():
    teaser = ('<ul class="more"><li itemprop="datePublished"><a href="/other">August 1, 2024</a></li></ul>'
              '<div><a href="/older"><time class="published" datetime="2024-07-30">July 30, 2024</time></a></div>')
    html = article(head='<meta property="article:published_time" content="2024-06-15T12:00:00Z">',
                   after="<p>" + "Filler text about the city. " * 40 + "</p>" + teaser)
    assert date_of(html) == "2024-06-15"


def test_machine_timestamp_of_an_article_is_trusted_only_when_asked():
    html = article(head=ld(datePublished="2024-01-20T07:30:00Z"))
    assert date_of(html) == "2024-01-20"
    assert date_of(html, trust_markup=False) is None
    # a bare date in the JSON-LD of a page that shows none is too often a template date
    assert date_of(article(head=ld(datePublished="2024-01-20"))) is None
    # ... and a WebPage's date is the page's, not an article's
    webpage = '<script type="application/ld+json">{"@type": "WebPage", "datePublished": "2024-01-20T07:30:00Z"}</script>'
    assert date_of(article(head=webpage)) is None


def test_a_meta_tag_named_for_the_publication_date_counts():
    assert date_of(article(head='<meta name="published" content="March 30, 2024">')) == "2024-03-30"
    assert date_of(article(head='<meta name="last-published" content="March 30, 2024">')) is None


def test_written_dates_keep_order_and_both_readings():
    found = written_dates("Updated 05/06/2024, first seen March 2, 2024")
    assert found[0][1] == ("2024-05-06", "2024-06-05")
    assert found[1][1] == ("2024-03-02",)
    assert header_date([], None, HEADLINE, [], "en") is None


def test_text_runs_survive_deep_nesting():
    html = "<html><body>" + "<div>" * 1500 + "<h1>Deep</h1><p>June 1, 2024</p>" + "</div>" * 1500 + "</body></html>"
    runs = text_runs(parse_html(html))
    assert [r[1] for r in runs][-1] == "June 1, 2024"


def test_extract_stage_uses_the_dateline_and_the_visible_only_switch():
    html = article(head=ld(datePublished="2024-02-01T09:00:00Z"), below="<p>Updated February 3, 2024</p>")
    doc = ExtractStage().process(Document(input="t", raw=html, content_type="html"))
    assert doc.metadata.date == "2024-02-03"
    markup_only = article(head=ld(datePublished="2024-02-01T09:00:00Z"))
    strict = ExtractStage(ExtractParams(date_requires_visible=True))
    assert strict.process(Document(input="t", raw=markup_only, content_type="html")).metadata.date is None


def test_a_page_that_states_only_when_it_was_last_updated_has_no_publication_date():
    # the stamp sits far below the headline (a cost guide's sidebar); the markup records
    # only a modification; the extractor's guess repeats that modification date
    filler = "<p>" + "Prices depend on the size of the job and the materials chosen. " * 12 + "</p>"
    stamp = '<div class="side"><b>Last Updated:</b> <p>Nov 4, 2024</p></div>'
    only_modified = article(head=ld(dateModified="2024-11-04T00:00:00Z"), after=filler + stamp)
    assert date_of(only_modified, guess="2024-11-04") is None
    # the same page with a publication date in its markup: the shown date stands
    both = article(head=ld(datePublished="2024-10-01T08:00:00Z", dateModified="2024-11-04T00:00:00Z"),
                   after=filler + stamp)
    assert date_of(both, guess="2024-11-04") == "2024-11-04"


def test_a_lone_timestamp_of_a_page_rewritten_long_after_is_not_its_date():
    # an evergreen guide: no date shown, one structured-data record first written in 2019
    # and rewritten in 2024
    evergreen = article(head=ld(datePublished="2019-05-02T10:00:00Z", dateModified="2024-03-27T09:00:00Z"))
    assert date_of(evergreen) is None
    # a correction the next day is ordinary news practice: the timestamp stands
    corrected = article(head=ld(datePublished="2024-03-26T10:00:00Z", dateModified="2024-03-27T09:00:00Z"))
    assert date_of(corrected) == "2024-03-26"
    # and a publication meta tag repeating the timestamp corroborates it
    tagged = article(head=ld(datePublished="2019-05-02T10:00:00Z", dateModified="2024-03-27T09:00:00Z")
                     + '<meta property="article:published_time" content="2019-05-02T10:00:00Z">')
    assert date_of(tagged) == "2019-05-02"


def _title_of(head: str, h1: str) -> str | None:
    facts = collect(parse_html(f"<html><head>{head}</head><body><main><h1>{h1}</h1>{BODY}</main></body></html>"))
    return find_title(facts, "https://courier.example.org/city/tram")


def test_a_visible_headline_beats_a_different_search_title():
    seo = '<meta property="og:title" content="Tram Line Approved 2024 - Costs, Route and Timeline">'
    assert _title_of(seo, "Council approves the new tram line after a decade") == \
        "Council approves the new tram line after a decade"
    # a short first heading is the site's or a section's name: the metadata title stands
    assert _title_of(seo, "City Desk") == "Tram Line Approved 2024 - Costs, Route and Timeline"
    # a headline that agrees with the metadata title is kept as written on the page
    assert _title_of('<title>Council approves new tram line | Example Courier</title>',
                     "Council approves the new tram line") == "Council approves the new tram line"


def test_a_date_inside_a_sentence_cut_by_comments_is_no_dateline():
    # frameworks cut text with empty comments: "valid until<!-- --> 01/23/2026<!-- -->." is a
    # sentence, not a dateline under the headline
    html = article(below='<p>Our price guide is checked by the editors every quarter and stays valid '
                         'until<!-- --> <!-- -->01/23/2026<!-- -->. Call us for a free quote today.</p>')
    assert date_of(html) is None
