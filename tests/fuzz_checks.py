"""What a fuzz case must satisfy: a result or a typed error; valid offsets; valid JSON; renderable.

Shared by tests/test_fuzz_*.py, tests/test_crashers.py and the long campaigns in fuzz/.
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import os
from functools import lru_cache
from typing import Any, Optional

from newsparse.errors import NewsparseError, StageError
from newsparse.output.record import error_record
from tests.invariants import offset_problems


@lru_cache(maxsize=1)
def _validator():  # noqa: ANN202
    import jsonschema

    from newsparse.output.record import load_schema

    schema = load_schema()
    return jsonschema.Draft202012Validator(schema)


def schema_problems(rec: dict[str, Any]) -> list[str]:
    return [f"schema: {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in _validator().iter_errors(rec)]


def render_all(rec: dict[str, Any]) -> None:
    """Every renderer on one record: JSON, rich tables (terminal and not), CSV of quotes and entities."""
    from rich.console import Console

    from newsparse.output.csv_out import CsvWriter
    from newsparse.output.table import render_tables

    text = json.dumps(rec, ensure_ascii=False, allow_nan=False)
    assert json.loads(text) == rec
    for tty, width in ((True, 80), (False, 120), (True, 20)):
        console = Console(file=io.StringIO(), force_terminal=tty, width=width, no_color=not tty)
        render_tables(rec, console, explain=True)
    for of in ("quotes", "entities"):
        out = io.StringIO()
        writer = CsvWriter(out, of)
        writer.write(rec)
        rows = list(csv.reader(io.StringIO(out.getvalue())))
        assert rows and rows[0]


def check_record(rec: dict[str, Any]) -> None:
    """Offsets, schema and renderers; raises AssertionError listing every problem."""
    problems = schema_problems(rec)
    if "error" not in rec:
        problems += offset_problems(rec)
    assert not problems, problems
    render_all(rec)


class SlowInput(AssertionError):
    """An input took longer than NEWSPARSE_FUZZ_TIMEOUT seconds: likely a pathological regex or loop."""


@contextlib.contextmanager
def time_guard():
    """With NEWSPARSE_FUZZ_TIMEOUT set (campaigns set it), a too-slow input fails instead of hanging.

    Uses the product's own per-article limit (newsparse.timelimit), whose error would otherwise be
    an accepted error record: here it is a failure.
    """
    from newsparse.errors import TimeLimitError
    from newsparse.timelimit import Expired, time_limit

    seconds = float(os.environ.get("NEWSPARSE_FUZZ_TIMEOUT", "0") or 0)
    try:
        with time_limit(seconds or None):
            yield
    except (Expired, TimeLimitError) as exc:
        raise SlowInput(f"input took longer than {seconds:g}s ({exc})") from None


def analyze_checked(*, text: Optional[str] = None, html: Optional[str] = None, data: Optional[bytes] = None,
                    pipeline=None) -> dict[str, Any]:  # noqa: ANN001
    """Analyze one input; a NewsparseError (not a StageError) is fine, anything else fails the case.

    A StageError means a stage crashed on this input: the message names the stage, so the
    failure says whose code to fix.
    """
    import newsparse
    from newsparse.inputs.sources import Source

    try:
        with time_guard():
            if data is not None:
                analysis = newsparse.analyze(Source.from_bytes(data, name="fuzz"), pipeline)
            else:
                analysis = newsparse.analyze("fuzz", pipeline, text=text, html=html)
    except StageError as exc:
        raise AssertionError(f"stage crashed: {exc}") from exc
    except NewsparseError as exc:
        rec = error_record("fuzz", exc)
        check_record(rec)
        return rec
    rec = analysis.to_dict(explain=True)
    rec["index"] = 0
    check_record(rec)
    return rec
