"""Property tests stage by stage: each stage gets inputs its predecessors might never produce.

The pipeline properties (tests/test_fuzz_pipeline.py) only reach a stage through extract and
clean; here each stage is driven directly, so a failure names exactly one stage (and owner).
"""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newsparse.model import Block, Document, Paragraph
from newsparse.registry import get_stage_class
from tests.fuzz_checks import time_guard
from tests.fuzz_strategies import FUZZ, any_html, any_text, news_text

BLOCK_KINDS = ["paragraph", "heading", "caption", "blockquote", "title", "byline", "list_item", "table"]


class _Guarded:
    def __init__(self, inner) -> None:  # noqa: ANN001
        self.inner = inner

    def process(self, doc: Document) -> Document:
        with time_guard():
            return self.inner.process(doc)


def stage(name: str) -> _Guarded:
    """A stage with default parameters, under the campaign's per-input time guard."""
    cls = get_stage_class(name)
    return _Guarded(cls(cls.Params()))


def text_document(text: str) -> Document:
    """A document as if clean had produced ``text``: paragraphs are its blank-line separated parts."""
    doc = Document(input="fuzz", raw=text, content_type="text", text=text)
    for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        doc.paragraphs.append(Paragraph(m.start(), m.end(), "paragraph"))
    return doc


def assert_spans(doc: Document) -> None:
    n = len(doc.text)
    for group in (doc.paragraphs, doc.sentences, doc.tokens):
        for s in group:
            assert 0 <= s.start <= s.end <= n, (s, n)
    for q in doc.quotes:
        assert doc.text[q.start:q.end] == q.text, q
        for sub in (q.speaker_mention, q.cue):
            if sub is not None:
                assert doc.text[sub.start:sub.end] == sub.text, (q, sub)
        assert 0.0 <= q.confidence <= 1.0
    for e in doc.entities:
        for m in e.mentions:
            assert doc.text[m.start:m.end] == m.text, (e, m)


@FUZZ
@given(raw=st.one_of(any_text, any_html), html=st.booleans())
def test_extract(raw, html):
    from newsparse.errors import NewsparseError

    doc = Document(input="fuzz", raw=raw, content_type="html" if html else "text")
    try:
        doc = stage("extract").process(doc)
    except NewsparseError:
        return
    assert all(isinstance(b, Block) and isinstance(b.text, str) for b in doc.blocks)


@FUZZ
@given(blocks=st.lists(st.tuples(any_text, st.sampled_from(BLOCK_KINDS)), max_size=12))
def test_clean(blocks):
    doc = Document(input="fuzz", blocks=[Block(t, k) for t, k in blocks])
    doc = stage("clean").process(doc)
    assert_spans(doc)
    for p in doc.paragraphs:
        assert doc.text[p.start:p.end].strip(), p


@FUZZ
@given(text=st.one_of(news_text, any_text))
def test_segment(text):
    doc = stage("segment").process(text_document(text))
    assert_spans(doc)


@FUZZ
@given(text=st.one_of(news_text, any_text))
def test_entities(text):
    doc = stage("segment").process(text_document(text))
    doc = stage("entities").process(doc)
    assert_spans(doc)
    for e in doc.entities:
        assert e.count >= 0 and e.name


@FUZZ
@given(text=st.one_of(news_text, any_text))
def test_quotes(text):
    doc = stage("segment").process(text_document(text))
    doc = stage("entities").process(doc)
    doc = stage("quotes").process(doc)
    assert_spans(doc)


@FUZZ
@given(text=st.one_of(news_text, any_text))
def test_language(text):
    from newsparse.language import LanguageStage

    doc = LanguageStage().process(text_document(text))
    assert doc.extra["language"]["detected"] is None or isinstance(doc.extra["language"]["detected"], str)
