"""Property tests over the whole pipeline: any text, HTML or bytes gives a valid record or a typed error.

Short in CI (``NEWSPARSE_FUZZ_EXAMPLES``, default 30, derandomized); docs/fuzzing.md has the
long-campaign command. Found crashers go to tests/crashers/ (see tests/test_crashers.py).
"""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz_checks import analyze_checked
from tests.fuzz_strategies import FUZZ, any_html, any_text, news_html, news_text


@FUZZ
@given(text=any_text)
def test_any_text(text):
    analyze_checked(text=text)


@FUZZ
@given(text=news_text)
def test_news_like_text(text):
    analyze_checked(text=text)


@FUZZ
@given(html=any_html)
def test_any_html(html):
    analyze_checked(html=html)


@FUZZ
@given(html=news_html)
def test_news_like_html(html):
    analyze_checked(html=html)


@FUZZ
@given(data=st.one_of(
    st.binary(max_size=400),
    news_text.map(lambda t: t.encode("utf-8")),
    st.tuples(news_text, st.sampled_from(["cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]))
      .map(lambda t: t[0].encode(t[1], errors="replace")),
    news_html.map(lambda h: h.encode("utf-8")),
))
def test_any_bytes(data):
    """Sniffing and decoding included: bytes are a record, or an input error (binary, empty)."""
    analyze_checked(data=data)


@FUZZ
@given(text=news_text)
def test_same_input_same_record(text):
    """Deterministic output: batches, resumed runs and pool vs Dask must agree record for record."""
    first, second = analyze_checked(text=text), analyze_checked(text=text)
    first.pop("timings", None)
    second.pop("timings", None)
    assert first == second
