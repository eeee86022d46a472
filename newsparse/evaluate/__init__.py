"""``newsparse eval``: score the configured pipeline against annotated gold.

One module per task (``quotes``, ``entities``, ``extraction``), each with
``evaluate(gold, pipeline, errors=0, limit=None) -> dict``. This package tells the
task from the gold path and imports the evaluator lazily, so a task whose module
is missing only fails when asked for.
"""
from __future__ import annotations

import importlib
import json
import pathlib
from typing import Any, Optional

from newsparse.evaluate.common import EvaluationError

TASKS = ("quotes", "entities", "extraction")
_ENTITY_SUFFIXES = (".conll", ".conllu", ".iob", ".iob2", ".bio", ".bioes", ".tsv")

__all__ = ["TASKS", "EvaluationError", "detect_task", "evaluate", "load_evaluator"]


def _first_json_line(path: pathlib.Path) -> Optional[dict[str, Any]]:
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    value = json.loads(line)
                    return value if isinstance(value, dict) else None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return None


def detect_task(gold: pathlib.Path) -> str:
    """The task a gold path is for, from its name, its layout and its first record.

    - ``*.jsonl`` whose records have ``quotes`` → quotes
    - ``*.gold.yaml``, CoNLL / IOB / CoNLL-U files, or folders of them (e.g. under
      ``data/train``) → entities
    - a folder with ``ground-truth.json`` or ``ground-truth/`` → extraction
    """
    gold = pathlib.Path(gold)
    if not gold.exists():
        raise EvaluationError(f"{gold}: no such file or folder")
    name = gold.name.lower()
    if gold.is_dir():
        if (gold / "ground-truth.json").is_file() or (gold / "ground-truth").is_dir():
            return "extraction"
        if "train" in gold.parts or any(p.suffix.lower() in _ENTITY_SUFFIXES for p in gold.rglob("*") if p.is_file()):
            return "entities"
        if (gold / "gold.jsonl").is_file():
            return detect_task(gold / "gold.jsonl")
        raise EvaluationError(f"{gold}: cannot tell which task this gold folder is for; pass --task")
    if name.endswith(".jsonl"):
        first = _first_json_line(gold)
        if first is not None and "quotes" in first:
            return "quotes"
        raise EvaluationError(f"{gold}: JSON Lines without a 'quotes' field; pass --task")
    if name.endswith((".gold.yaml", ".gold.yml")):
        return "entities"
    if name.endswith(_ENTITY_SUFFIXES) or "train" in gold.parts:
        return "entities"
    if name == "ground-truth.json":
        return "extraction"
    raise EvaluationError(f"{gold}: cannot tell which task this gold file is for; pass --task")


def load_evaluator(task: str) -> Any:
    """The evaluator module of ``task``; a one-line error if it does not exist (yet)."""
    if task not in TASKS:
        raise EvaluationError(f"unknown task {task!r} (expected one of: {', '.join(TASKS)})")
    module_name = f"newsparse.evaluate.{task}"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            raise EvaluationError(
                f"the {task} evaluator is not available in this version (no module {module_name})"
            ) from None
        raise
    if not callable(getattr(module, "evaluate", None)):
        raise EvaluationError(f"the {task} evaluator ({module_name}) has no evaluate() function")
    return module


def evaluate(gold: pathlib.Path | str, pipeline: Any, task: Optional[str] = None, errors: int = 0,
             limit: Optional[int] = None) -> dict[str, Any]:
    """Detect the task (unless given) and run its evaluator."""
    gold = pathlib.Path(gold)
    if not gold.exists():
        raise EvaluationError(f"{gold}: no such file or folder")
    task = task or detect_task(gold)
    if task == "quotes" and gold.is_dir() and (gold / "gold.jsonl").is_file():
        gold = gold / "gold.jsonl"  # a corpus folder of the shared layout
    module = load_evaluator(task)
    return module.evaluate(gold, pipeline, errors=errors, limit=limit)
