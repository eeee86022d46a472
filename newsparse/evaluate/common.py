"""Pieces every evaluator shares: P/R/F1 arithmetic, running the pipeline on a gold text, timing."""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any, Iterator, Optional

from newsparse.errors import NewsparseError


class EvaluationError(NewsparseError):
    """A gold file that cannot be read or a task that cannot be evaluated (exit 2)."""

    type = "evaluation_error"


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 as fractions; an empty side scores 1.0 only when both are empty."""
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def ratio(num: int, den: int) -> Optional[float]:
    """``num / den``, or None when there is nothing to measure."""
    return num / den if den else None


def read_jsonl(path: Path, limit: Optional[int] = None) -> Iterator[dict[str, Any]]:
    """Documents of a JSON Lines gold file, one a line; a bad line is a one-line error."""
    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot read gold file ({exc.strerror or exc})") from None
    with fh:
        n = 0
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            if limit is not None and n >= limit:
                return
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvaluationError(f"{path}:{lineno}: invalid JSON ({exc.msg})") from None
            if not isinstance(doc, dict):
                raise EvaluationError(f"{path}:{lineno}: expected one JSON object per line")
            n += 1
            yield doc


def run_on_text(pipeline: Any, text: str, name: str, content_type: str = "text") -> tuple[Any, Optional[str]]:
    """Run the pipeline on a gold text; returns ``(document, None)`` or ``(None, error message)``.

    A failure on one document is an error for that document only, as in ``analyze``.
    """
    from newsparse.inputs.sources import Source

    try:
        doc = Source.from_string(text, name=name, content_type=content_type).to_document()
        return pipeline.run(doc).document, None
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # noqa: BLE001 - a broken stage on one article must not stop the run
        return None, f"{type(exc).__name__}: {exc}"


class Stopwatch:
    """Wall time of an evaluation run, reported next to the scores."""

    def __init__(self) -> None:
        self.t0 = time.perf_counter()

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.t0
