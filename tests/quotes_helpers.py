"""Run the segment (+ entities) + quotes stages on hand-written text for the quotes tests."""
from __future__ import annotations

from newsparse.model import Document, Quote
from newsparse.stages.quotes import QuotesParams, QuotesStage
from newsparse.stages.segment import SegmentStage


def run_quotes(text: str, entities: bool = False, **params) -> Document:
    """Paragraphs are the text's lines; returns the processed document."""
    doc = Document.from_lines(text, input="test")
    SegmentStage().process(doc)
    if entities:
        from newsparse.stages.entities import EntitiesStage

        EntitiesStage().process(doc)
    QuotesStage(QuotesParams(**params)).process(doc)
    for q in doc.quotes:
        assert doc.text[q.start : q.end] == q.text
    return doc


def attributed(doc: Document) -> list[Quote]:
    return [q for q in doc.quotes if q.kind != "scare"]


def find(doc: Document, starts: str) -> Quote:
    hits = [q for q in doc.quotes if q.text.startswith(starts)]
    assert hits, f"no quote starting {starts!r}: {[q.text for q in doc.quotes]}"
    return hits[0]
