"""Property tests for the input layer: decoding, sniffing, HTML flattening, URL checks."""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newsparse.errors import FetchError, InputError
from newsparse.inputs.decode import binary_kind, decode_bytes, flatten_deep_html, html_depth, looks_like_html
from newsparse.inputs.fetch import check_url
from tests.fuzz_strategies import FUZZ, any_html, news_text


@FUZZ
@given(data=st.binary(max_size=2000), declared=st.sampled_from([None, "utf-8", "latin-1", "bogus", "utf-16", "cp1252", ""]))
def test_decode_bytes_gives_text_or_input_error(data, declared):
    try:
        text, enc = decode_bytes(data, declared)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    assert isinstance(text, str) and isinstance(enc, str)


@FUZZ
@given(text=news_text, enc=st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "utf-32"]))
def test_unicode_encodings_round_trip(text, enc):
    """Text in a Unicode encoding with a BOM decodes back to itself (modulo the BOM)."""
    data = text.encode(enc)
    if enc == "utf-8" and text.startswith("\ufeff"):
        text = text[1:]
    if binary_kind(data):
        return  # e.g. text that starts with a magic number, or is mostly control characters
    assert decode_bytes(data)[0] == text


@FUZZ
@given(html=any_html, depth=st.integers(1, 40))
def test_flatten_keeps_text_and_bounds_depth(html, depth):
    flat, original = flatten_deep_html(html, depth)
    if original <= depth:
        assert flat == html
        return
    assert html_depth(flat) <= depth

    def words(s: str) -> list[str]:
        return re.findall(r"\w+", re.sub(r"<[^<>]*>", " ", s))

    assert words(flat) == [w for w in words(flat) if w in set(words(html))]


@FUZZ
@given(html=any_html)
def test_sniffing_never_raises(html):
    assert looks_like_html(html) in (True, False)


@FUZZ
@given(url=st.one_of(st.text(max_size=60), st.builds(lambda s, h, p: f"{s}://{h}{p}",
                                                     st.sampled_from(["http", "https", "HTTP", "file", "ftp", "javascript", ""]),
                                                     st.text(max_size=20), st.text(max_size=20))))
def test_check_url_accepts_or_refuses_in_one_line(url):
    try:
        check_url(url)
    except FetchError as exc:
        assert "\n" not in str(exc)
        return
    assert url.lower().startswith(("http://", "https://"))
