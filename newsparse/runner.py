"""Running a pipeline over many inputs: one bad input never stops the others."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional

from newsparse.errors import NewsparseError
from newsparse.inputs.expand import InputItem
from newsparse.model import Analysis
from newsparse.output.record import error_record
from newsparse.pipeline import Pipeline


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


def process_item(index: int, item: InputItem, pipeline: Pipeline, debug: bool = False) -> Result:
    try:
        source = item.load()
        doc = source.to_document()
        doc.input = item.name
        return Result(index, item.name, analysis=pipeline.run(doc))
    except NewsparseError as exc:
        return Result(index, item.name, error=exc)
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # an internal bug on one article must not stop the batch
        if debug:
            raise
        return Result(index, item.name, error=exc)


def run_items(items: Iterable[InputItem], pipeline: Pipeline, debug: bool = False) -> Iterator[Result]:
    for index, item in enumerate(items):
        yield process_item(index, item, pipeline, debug)
