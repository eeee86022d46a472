"""The scripts that write the numbers into docs/evaluation.md: block replacement and rendering."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import REPO


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


eval_all = _load("eval_all")


def test_replace_block_only_touches_the_marked_block(tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    begin, end = eval_all.EVAL_MARKERS
    doc.write_text(f"intro\n{begin}\nold numbers\n{end}\noutro\n", encoding="utf-8")
    eval_all.replace_block(doc, eval_all.EVAL_MARKERS, "| new |")
    assert doc.read_text(encoding="utf-8") == f"intro\n{begin}\n| new |\n{end}\noutro\n"
    eval_all.replace_block(doc, eval_all.EVAL_MARKERS, "again")  # idempotent layout
    assert doc.read_text(encoding="utf-8").count(begin) == 1
    doc.write_text("no markers here\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        eval_all.replace_block(doc, eval_all.EVAL_MARKERS, "x")


def test_docs_keep_both_generated_blocks() -> None:
    text = (REPO / "docs" / "evaluation.md").read_text(encoding="utf-8")
    for begin, end in (eval_all.EVAL_MARKERS, eval_all.BENCH_MARKERS):
        assert text.count(begin) == 1 and text.count(end) == 1 and text.index(begin) < text.index(end)


def test_render_rows_and_unavailable_evaluators() -> None:
    rows = [
        {"label": "mine", "task": "quotes", "gold": "x.jsonl", "status": "ok", "seconds": 1.25, "result": {
            "overall": {"documents": 2, "precision": 0.5, "recall": 0.25, "f1": 1 / 3, "f1_80": 0.2,
                        "speaker_exact": None, "gold": 8, "predicted": 4},
            "breakdowns": {"recall by gold kind": {"direct": {"gold": 4, "recall": 0.5}}}}},
        {"label": "pages", "task": "extraction", "gold": "p/", "status": "the extraction evaluator is not available",
         "seconds": 0.0},
    ]
    text = eval_all.render(rows)
    assert "| quotes | mine | 2 | 0.500 | 0.250 | 0.333 | 1.2 |" in text
    assert "not available" in text
    assert "0.500 of 4" in text  # recall by kind
