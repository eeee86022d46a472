"""The JSON record of one analysis: schema_version "1", documented in docs/output.md."""
from __future__ import annotations

from typing import Any, Optional

from newsparse import SCHEMA_VERSION
from newsparse.errors import NewsparseError
from newsparse.model import Analysis, TextSpan


def _span(span: Optional[TextSpan]) -> Optional[dict[str, Any]]:
    if span is None:
        return None
    return {"text": span.text, "start": span.start, "end": span.end}


def analysis_to_dict(analysis: Analysis, *, explain: bool = False) -> dict[str, Any]:
    doc = analysis.document
    md = doc.metadata
    record: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "input": doc.input,
        "metadata": {
            "title": md.title,
            "date": md.date,
            "authors": list(md.authors),
            "source": md.source,
            "publisher": md.publisher,
            "url": md.url,
            "language": md.language,
            "description": md.description,
        },
        "text": doc.text,
        "paragraphs": [{"start": p.start, "end": p.end, "kind": p.kind} for p in doc.paragraphs],
        "sentences": [{"start": s.start, "end": s.end} for s in doc.sentences],
        "captions": list(doc.captions),
        "quotes": [],
        "entities": [],
        "warnings": list(doc.warnings),
    }
    for q in doc.quotes:
        item = {
            "text": q.text,
            "start": q.start,
            "end": q.end,
            "kind": q.kind,
            "speaker": q.speaker,
            "speaker_mention": _span(q.speaker_mention),
            "speaker_description": q.speaker_description,
            "cue": _span(q.cue),
            "entity": q.entity,
            "confidence": round(q.confidence, 3),
        }
        if explain:
            item["rule"] = q.rule
        record["quotes"].append(item)
    for e in doc.entities:
        record["entities"].append(
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "count": e.count,
                "quoted": e.quoted,
                "aliases": list(e.aliases),
                "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in e.mentions],
            }
        )
    if explain:
        record["removed"] = [{"text": r.text, "reason": r.reason, "stage": r.stage} for r in doc.removed]
        record["timings"] = {k: round(v, 6) for k, v in doc.timings.items()}
    for key, value in doc.extra.items():
        record.setdefault(key, value)
    return record


def error_record(input_name: str, error: BaseException) -> dict[str, Any]:
    """The record of an input that failed: ``error`` instead of results."""
    if isinstance(error, NewsparseError):
        etype, message = error.type, str(error)
    else:
        etype, message = "internal_error", f"{type(error).__name__}: {error}"
    err: dict[str, Any] = {"type": etype, "message": message}
    stage = getattr(error, "stage", None)
    if stage:
        err["stage"] = stage
    return {"schema_version": SCHEMA_VERSION, "input": input_name, "error": err}


def load_schema() -> dict[str, Any]:
    """The published JSON Schema of a record (``newsparse schema`` prints it)."""
    import json
    from importlib import resources

    return json.loads(resources.files("newsparse.schema").joinpath("analysis.schema.json").read_text("utf-8"))
