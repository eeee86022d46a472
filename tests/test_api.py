"""The library API: analyze() returns a typed Analysis whose offsets slice the cleaned text."""
from __future__ import annotations

import newsparse
from newsparse.config import build_config
from newsparse.model import Analysis
from newsparse.pipeline import Pipeline
from tests.helpers import HTML_EXAMPLE, TEXT_EXAMPLE

STORY = (
    "Flood barriers go up in Riverton\n\n"
    "Workers in Riverton began installing temporary flood barriers on Monday as the river rose.\n\n"
    "\"We have never seen the water this high in April,\" said Carla Montoya, the town's emergency manager. "
    "\"Everyone near the bank should be ready to leave.\"\n\n"
    "Montoya said the barriers would stay up until the end of the month.\n"
)


def assert_offsets_slice(analysis: Analysis) -> None:
    text = analysis.text
    for q in analysis.quotes:
        assert text[q.start : q.end] == q.text
        if q.cue:
            assert text[q.cue.start : q.cue.end] == q.cue.text
        if q.speaker_mention:
            assert text[q.speaker_mention.start : q.speaker_mention.end] == q.speaker_mention.text
    for e in analysis.entities:
        assert e.count == len(e.mentions)
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    for p in analysis.document.paragraphs:
        assert 0 <= p.start <= p.end <= len(text)
    for s in analysis.document.sentences:
        assert 0 <= s.start <= s.end <= len(text)


def test_analyze_text_string_finds_quote_and_speaker() -> None:
    result = newsparse.analyze("story.txt", text=STORY)
    assert isinstance(result, Analysis)
    assert result.metadata.title == "Flood barriers go up in Riverton"
    assert_offsets_slice(result)
    speakers = {q.speaker for q in result.quotes if q.kind == "direct"}
    assert any(s and "Montoya" in s for s in speakers)
    assert any(q.text.startswith("We have never seen the water") for q in result.quotes)


def test_analyze_files_html_and_text() -> None:
    for path in (HTML_EXAMPLE, TEXT_EXAMPLE):
        result = newsparse.analyze(path)
        assert result.text
        assert result.quotes, path
        assert result.entities, path
        assert_offsets_slice(result)
    html = newsparse.analyze(HTML_EXAMPLE)
    assert html.document.content_type == "html"
    assert "Sign up for our free morning newsletter" not in html.text
    assert html.metadata.title.startswith("Council approves")


def test_html_recognised_by_content_not_extension(tmp_path) -> None:  # noqa: ANN001
    page = tmp_path / "page.txt"
    page.write_text(open(HTML_EXAMPLE, encoding="utf-8").read(), encoding="utf-8")
    result = newsparse.analyze(str(page))
    assert result.document.content_type == "html"
    assert "<p>" not in result.text


def test_pipeline_from_config_skip_and_reuse() -> None:
    config = build_config(skip=["quotes"], use_user_config=False)
    pipeline = Pipeline.from_config(config)
    assert "quotes" not in pipeline.names and "entities" in pipeline.names
    first = newsparse.analyze("a", text=STORY, config=pipeline)
    second = newsparse.analyze("b", text=STORY, config=pipeline)
    assert first.quotes == [] and second.quotes == []
    assert first.entities and first.stages == pipeline.names


def test_to_dict_matches_contract() -> None:
    record = newsparse.analyze("story.txt", text=STORY).to_dict()
    assert record["schema_version"] == "1"
    for key in ("input", "metadata", "text", "quotes", "entities"):
        assert key in record
    for key in ("title", "date", "authors", "source", "publisher", "url", "language"):
        assert key in record["metadata"]
    q = record["quotes"][0]
    for key in ("text", "start", "end", "kind", "speaker", "speaker_mention", "cue", "entity", "confidence"):
        assert key in q
    e = record["entities"][0]
    for key in ("id", "name", "type", "count", "aliases", "mentions"):
        assert key in e


def test_document_from_lines_makes_one_paragraph_per_non_blank_line() -> None:
    from newsparse.model import Document

    doc = Document.from_lines("First line.\n\n  \nSecond line here.")
    assert [doc.text[p.start:p.end] for p in doc.paragraphs] == ["First line.", "Second line here."]
