"""Running a pipeline over many inputs: one bad input never stops the others.

:class:`Result` is the in-process outcome (it holds the :class:`Analysis`);
:class:`Outcome` is what crosses a process boundary in a batch - the record,
already serialized by the worker when the output is JSON, plus what the parent
needs to report it - so the parent does almost no work per article.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Optional

from newsparse.errors import NewsparseError, TimeLimitError
from newsparse.inputs.expand import InputItem
from newsparse.model import Analysis
from newsparse.output.record import error_record
from newsparse.pipeline import Pipeline
from newsparse.timelimit import Expired
from newsparse.timelimit import time_limit as limit_time

# How a worker hands back a record: a JSON line, pretty JSON, or the dict itself (tables, CSV).
SERIALIZE_MODES = ("jsonl", "json", "dict")


@dataclass
class Result:
    """The outcome of one input: an analysis, or an error; ``record`` is its JSON form."""

    index: int
    input: str
    analysis: Optional[Analysis] = None
    error: Optional[BaseException] = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def record(self, explain: bool = False) -> dict[str, Any]:
        if self.analysis is not None:
            rec = self.analysis.to_dict(explain=explain)
            rec["input"] = self.input
        else:
            rec = error_record(self.input, self.error or RuntimeError("unknown error"))
        rec["index"] = self.index
        return rec


@dataclass
class Outcome:
    """A finished input as the batch parent sees it: small, picklable, ready to write."""

    index: int
    input: str
    ok: bool
    line: Optional[str] = None  # the serialized record (modes jsonl/json)
    record: Optional[dict[str, Any]] = None  # the record itself (mode dict)
    message: Optional[str] = None  # the error message of a failed input
    warnings: list[str] = field(default_factory=list)
    traceback: Optional[str] = None  # with --debug, for an internal error


def process_item(index: int, item: InputItem, pipeline: Pipeline, debug: bool = False,
                 time_limit: Optional[float] = None) -> Result:
    """Load and analyze one input; ``time_limit`` seconds bound the analysis (fetching has its own)."""
    try:
        source = item.load()
        doc = source.to_document()
        doc.input = item.name
        with limit_time(time_limit):
            analysis = pipeline.run(doc)
        return Result(index, item.name, analysis=analysis)
    except Expired as exc:  # the alarm rang between two stages
        return Result(index, item.name, error=TimeLimitError(f"{exc} (see --time-limit)"))
    except NewsparseError as exc:
        return Result(index, item.name, error=exc)
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # an internal bug on one article must not stop the batch
        if debug:
            raise
        return Result(index, item.name, error=exc)


def run_items(items: Iterable[InputItem], pipeline: Pipeline, debug: bool = False,
              time_limit: Optional[float] = None) -> Iterator[Result]:
    for index, item in enumerate(items):
        yield process_item(index, item, pipeline, debug, time_limit)


def run_outcome(index: int, item: InputItem, pipeline: Pipeline, *, explain: bool = False,
                mode: str = "jsonl", debug: bool = False, time_limit: Optional[float] = None) -> Outcome:
    """Process one input and package its record for the parent; never raises for a bad input."""
    tb = None
    try:
        result = process_item(index, item, pipeline, debug=debug, time_limit=time_limit)
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # only with debug: keep the traceback, still yield a record
        import traceback

        tb = traceback.format_exc()
        result = Result(index, item.name, error=exc)
    record = result.record(explain=explain)
    out = Outcome(index, item.name, result.ok, traceback=tb)
    if result.ok:
        out.warnings = [str(w) for w in record.get("warnings") or []]
    else:
        message = record["error"]["message"]
        # stderr names the input even when the error itself does not (a stage error, a time limit)
        out.message = message if message.startswith(item.name) else f"{item.name}: {message}"
    if mode == "jsonl":
        out.line = json.dumps(record, ensure_ascii=False)
    elif mode == "json":
        out.line = json.dumps(record, ensure_ascii=False, indent=2)
    else:
        out.record = record
    return out
