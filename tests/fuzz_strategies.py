"""Hypothesis strategies for fuzzing newsparse: news-like text and HTML, and plain garbage.

Shared by the short CI properties (tests/test_fuzz_*.py) and the long campaigns (fuzz/).
News-like inputs matter more than random unicode: quotation marks, capitalised names, cue
verbs and paragraph breaks are what drive the quote and entity rules into their corners.
"""
from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

#: Examples per property: a few dozen in CI; campaigns raise it (fuzz/campaign.py sets this).
EXAMPLES = int(os.environ.get("NEWSPARSE_FUZZ_EXAMPLES", "30"))

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    derandomize=os.environ.get("NEWSPARSE_FUZZ_RANDOM") is None,  # CI: reproducible; campaigns: explore
)

QUOTE_MARKS = ['"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "\u00ab", "\u00bb", "\u201e", "\u2039", "\u203a", "`", "``", "''"]
NAMES = ["Maria Okafor", "Okafor", "Tomas Lindqvist", "Dr. Ana Ruiz", "the minister", "U.S.", "United Nations",
         "He", "she", "Mr. Lee", "O'Neill", "Jean-Luc Picard", "van der Berg", "MARIA", "J.R.R. Tolkien", "al-Rashid",
         "Ms.", "Inc.", "Corp", "Washington", "Beijing", "New York Times"]
CUES = ["said", "says", "told", "added", "according to", "asked", "wrote", "warned", "stated", "claims", "noted"]
WORDS = ["the", "a", "bridge", "reopened", "on", "Monday", "after", "months", "of", "repairs", "and", "it", "was",
         "not", "clear", "why", "we", "will", "see", "budget", "council", "people", "market", "2020", "3.5%",
         "e.g.", "etc.", "No.", "St.", "—", "–", "...", "…", "(", ")", "[", "]", ":", ";", ",", ".", "!", "?",
         "\u00e9t\u00e9", "\u0645\u0631\u062d\u0628\u0627", "\u05e9\u05dc\u05d5\u05dd", "\u4e2d\u56fd", "\U0001F680",
         "\u200b", "\u00ad", "\ufeff", "\u202e", "\u0301", "&amp;", "<b>", "http://x.example/a?b=c", "#tag", "@user"]
SEPARATORS = [" ", " ", " ", "  ", "\n", "\n\n", "\n\n\n", "\t", "\r\n", "\u00a0", "\u2028", ""]

token = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(NAMES), st.sampled_from(CUES), st.sampled_from(QUOTE_MARKS),
    st.text(max_size=6),
)
news_text = st.lists(st.tuples(token, st.sampled_from(SEPARATORS)), max_size=80).map(
    lambda parts: "".join(t + s for t, s in parts)
)
any_text = st.one_of(news_text, st.text(max_size=300), st.lists(st.sampled_from(QUOTE_MARKS + [" ", "\n", "a", "A"]), max_size=200).map("".join))

TAGS = ["p", "div", "span", "article", "section", "h1", "h2", "blockquote", "li", "ul", "a", "em", "strong",
        "figure", "figcaption", "table", "td", "tr", "header", "footer", "nav", "aside", "main", "time", "q"]
RAW_TAGS = ["script", "style", "noscript", "template", "textarea", "title"]


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    attrs = st.sampled_from(["", ' class="byline"', ' id="main"', ' itemprop="articleBody"', ' href="/x"',
                             ' class="comment"', " hidden", ' style="display:none"', ' lang="en"', " data-x='\"'"])
    normal = st.tuples(st.sampled_from(TAGS), attrs, st.lists(children, max_size=4)).map(
        lambda t: f"<{t[0]}{t[1]}>{''.join(t[2])}</{t[0]}>")
    unclosed = st.tuples(st.sampled_from(TAGS), st.lists(children, max_size=3)).map(lambda t: f"<{t[0]}>{''.join(t[1])}")
    raw = st.tuples(st.sampled_from(RAW_TAGS), any_text).map(lambda t: f"<{t[0]}>{t[1]}</{t[0]}>")
    void = st.sampled_from(["<br>", "<br/>", "<hr>", '<img src="x.png" alt="A photo">', "<meta charset=utf-8>",
                            "<!-- a comment -->", "<!--", "<![CDATA[x]]>", "<?xml version='1.0'?>", "</p>", "&nbsp;",
                            "&#0;", "&#xD800;", "&bogus;", "<", ">", "<p <p>"])
    return st.one_of(normal, unclosed, raw, void)


html_fragment = st.recursive(news_text, _element, max_leaves=25)
news_html = st.tuples(
    st.sampled_from(["", "<!doctype html>", "<?xml version='1.0' encoding='utf-8'?>", "\ufeff"]),
    st.sampled_from(["", "<html>", '<html lang="de">']),
    st.sampled_from(["", "<head><title>Title here</title><meta name=\"author\" content=\"A. Writer\">"
                         "<meta property=\"article:published_time\" content=\"2020-09-14\"></head>",
                     "<head><script>var a = '<p>';</script></head>"]),
    st.lists(html_fragment, max_size=6),
).map(lambda t: t[0] + t[1] + t[2] + "<body>" + "".join(t[3]) + "</body></html>")
any_html = st.one_of(news_html, html_fragment, st.text(alphabet=st.sampled_from(list("<>/=\"' abcdiv\n&;!-")), max_size=300))
