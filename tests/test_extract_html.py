"""HTML extraction: typed blocks from trafilatura's XML, combined runs, stated metadata only."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse.extraction.html import HtmlBlock, combine, xml_to_blocks
from newsparse.extraction.metadata import clean_author, parse_date, strip_site_name
from newsparse.model import Document
from newsparse.stages.clean import CleanStage
from newsparse.stages.extract import ExtractStage

PARAS = [
    "The harbour reopened on Monday after repairs that lasted two years, the council said in a statement.",
    "Ferries will run every hour from the new quay, and the old ticket office will become a small museum.",
    "Residents gathered on the pier to watch the first boat arrive, many of them carrying flags and banners.",
    "The repairs cost more than expected because storms damaged the sea wall twice during the works.",
]


def page(*, dated: bool) -> str:
    date_meta = ('<meta property="article:published_time" content="2024-04-02T09:00:00Z">' if dated else "")
    date_line = '<p class="byline">By Jane Roe, Senior Reporter · April 2, 2024</p>' if dated else (
        '<p class="byline">By Jane Roe, Senior Reporter</p>')
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return f"""<html lang="en"><head><title>Harbour reopens after repairs | Example Gazette</title>
<meta property="og:site_name" content="Example Gazette">{date_meta}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Harbour reopens after repairs</h1>{date_line}{body}
<h3>Get our newsletter</h3></article>
<footer><p>© 2031 Example Gazette. All rights reserved.</p></footer></body></html>"""


def run(html: str) -> Document:
    doc = Document(input="t", raw=html, content_type="html")
    return CleanStage().process(ExtractStage().process(doc))


def test_dated_page_metadata_and_body():
    doc = run(page(dated=True))
    md = doc.metadata
    assert md.title == "Harbour reopens after repairs"
    assert md.authors == ["Jane Roe"]
    assert md.date == "2024-04-02"
    assert md.publisher == "Example Gazette"
    assert md.language == "en"
    for p in PARAS:
        assert p in doc.text
    assert "newsletter" not in doc.text
    assert "Home" not in doc.text


def test_undated_page_gets_no_date():
    doc = run(page(dated=False))
    assert doc.metadata.date is None
    assert PARAS[0] in doc.text


def test_xml_blocks_keep_kinds_and_loose_text():
    xml = ("<doc><main><head rend='h2'>Section</head>Loose text after a heading."
           "<p>A paragraph.<lb/>Second line.</p><list rend='ul'><item>First item</item><item>Second item</item></list>"
           "<quote><p>A quoted passage.</p></quote><table><row><cell>a</cell><cell>b</cell></row></table></main></doc>")
    blocks = xml_to_blocks(xml)
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Section"), ("paragraph", "Loose text after a heading."), ("paragraph", "A paragraph."),
        ("paragraph", "Second line."), ("list_item", "First item"), ("list_item", "Second item"),
        ("blockquote", "A quoted passage."), ("table", "a | b"),
    ]


def test_combine_trims_recall_run_to_the_agreed_span():
    body = [HtmlBlock(p) for p in PARAS]
    recall = [HtmlBlock("Menu"), HtmlBlock("Short teaser line")] + body + [HtmlBlock("Related story one")]
    precise = [body[0], body[1], body[3]]  # the precision run missed a body paragraph
    ex = combine(precise, recall)
    assert [b.text for b in ex.blocks] == PARAS
    assert {t for t, _ in ex.dropped} == {"Menu", "Short teaser line", "Related story one"}


def test_metadata_helpers():
    assert strip_site_name("Harbour reopens | Example Gazette", "Example Gazette", None) == "Harbour reopens"
    assert strip_site_name("Harbour reopens - example.org", None, "https://www.example.org/x") == "Harbour reopens"
    assert strip_site_name("Q&A - what the harbour means", None, None) == "Q&A - what the harbour means"
    assert clean_author("By Jane Roe, Senior Reporter") == "Jane Roe"
    assert clean_author("Nicola Park Senior Editor") == "Nicola Park"
    assert clean_author("https://example.org/staff") is None
    assert parse_date("April 2, 2024") == "2024-04-02"
    assert parse_date("2023-02-30") is None


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<h1>", "<script>", "<!--", "-->", "&amp;",
                                 "text ", "More words here. ", "<a href='x'>", "</a>", "<time datetime='2031-01-01'>",
                                 "<meta property='og:title' content='T'>", "\u200b", "Ã©", "<table><tr><td>"]),
                max_size=80).map("".join))
def test_html_pipeline_never_raises(html):
    doc = run("<html><body>" + html + "</body></html>")
    assert isinstance(doc.text, str)


def test_precision_fragment_does_not_trim_the_recall_run():
    body = [HtmlBlock(p) for p in PARAS]
    recall = [HtmlBlock("Menu")] + body
    precise = [HtmlBlock("https://example.org/harbour")]  # the precision run latched onto a link line
    ex = combine(precise, recall + [HtmlBlock("https://example.org/harbour")])
    assert [b.text for b in ex.blocks][1:5] == PARAS
    assert "fragment" in ex.strategy


def test_site_credited_as_author_gives_way_to_a_person_in_the_byline():
    from newsparse.extraction.metadata import collect, find_authors, parse_html

    html = ('<html><head><meta property="og:site_name" content="Example Gazette">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Organization", '
            '"name": "Example Gazette"}}</script></head><body><p class="byline">By Sam Lee</p></body></html>')
    f = collect(parse_html(html))
    assert find_authors(f, "Example Gazette") == ["Sam Lee"]


def test_the_outlet_credited_beside_its_writers_is_not_an_author():
    from newsparse.extraction.metadata import collect, find_authors, parse_html

    html = ('<html><head><meta property="og:site_name" content="Courier Online">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", '
            '"name": "Sam Lee and Ana Ruiz, The Harbour Courier"}, "publisher": {"@type": "Organization", '
            '"name": "The Harbour Courier"}}</script></head><body><p>Text.</p></body></html>')
    assert find_authors(collect(parse_html(html)), "Courier Online") == ["Sam Lee", "Ana Ruiz"]
    # an outlet that is the only credit stays (nothing better is named)
    alone = html.replace("Sam Lee and Ana Ruiz, ", "")
    assert find_authors(collect(parse_html(alone)), "Courier Online") == ["The Harbour Courier"]
