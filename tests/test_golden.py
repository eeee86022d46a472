"""Golden JSON: the output contract of the shipped examples, and its JSON Schema.

A deliberate change of output is recorded with
``NEWSPARSE_UPDATE_GOLDEN=1 python3 -m pytest tests/test_golden.py`` and reviewed in the diff.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

import newsparse
import newsparse.errors
from newsparse.output.record import error_record, load_schema

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
EXAMPLES = sorted(p for p in (REPO / "examples").iterdir() if p.suffix in (".html", ".txt"))


def record_for(path: Path) -> dict:
    rel = path.relative_to(REPO).as_posix()
    record = newsparse.analyze(str(path)).to_dict(explain=True)
    record["input"] = rel
    record.pop("timings", None)  # wall-clock, never stable
    return record


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_golden_record(path: Path) -> None:
    record = record_for(path)
    golden = GOLDEN / (path.name + ".json")
    if os.environ.get("NEWSPARSE_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert record == expected, f"output of {path.name} changed; see the module docstring to update"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_records_validate_against_schema(path: Path) -> None:
    jsonschema.validate(record_for(path), load_schema())


def test_error_record_validates() -> None:
    record = error_record("x.html", newsparse.errors.InputError("x.html: empty input"))
    record["index"] = 3
    jsonschema.validate(record, load_schema())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"schema_version": "1", "input": "x"}, load_schema())
