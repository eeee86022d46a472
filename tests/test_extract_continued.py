"""A body split across several containers of one template slot is read whole."""
from __future__ import annotations

from newsparse.extraction.continued import continued_blocks
from newsparse.extraction.html import HtmlBlock
from newsparse.extraction.metadata import parse_html

P1 = ("The council voted on Tuesday to build a tram line from the station to the harbour, ending a debate "
      "that lasted most of the decade and split the city's two main parties.")
P2 = ("Work is due to start next spring and should take three years, officials said, and the route will "
      "pass the hospital, the university and the new stadium before it reaches the ferry terminal.")
P3 = ("Opponents say the money would be better spent on buses, which can change their routes as the city "
      "grows, and they plan to ask for a referendum before the first rails are laid next year.")


def page(after: str) -> str:
    return (f'<html><body><main><h1>Tram line approved</h1><div class="article__body"><p>{P1}</p><p>{P2}</p></div>'
            f'{after}</main><footer><p>About us</p></footer></body></html>')


def found(html: str) -> list[str]:
    return [b.text for b in continued_blocks(parse_html(html), [HtmlBlock(P1), HtmlBlock(P2)])]


def test_the_rest_of_the_body_after_an_advertisement_is_read():
    html = page(f'<aside class="ad"><span>Advertisement</span></aside><div class="article__body"><p>{P3}</p>'
                f'<p>{P1.replace("Tuesday", "Monday")}</p></div>')
    assert found(html)[0] == P3


def test_widgets_of_the_same_class_that_are_not_body_text_stay_out():
    comments = ('<div class="article__body"><h3>3 thoughts on the tram</h3><ul>'
                + "".join(f"<li>Reader {i} wrote on May {i}: I like trams and I will ride it to work every day "
                          f"when it opens, it is about time.</li>" for i in range(3)) + "</ul></div>")
    assert found(page(comments)) == []
    # a continuation after a long stretch of other page text is another part of the page
    other = "<section>" + "<p>Other story teaser with its own words and a link to read it.</p>" * 8 + "</section>"
    assert found(page(other + f'<div class="article__body"><p>{P3}</p><p>{P3}</p></div>')) == []
