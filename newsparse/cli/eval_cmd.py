"""``newsparse eval GOLD``: run the configured pipeline over annotated gold and print the scores."""
from __future__ import annotations

import enum
import json
import math
import time
from typing import Any, List, Optional

import typer

from newsparse.cli.options import ConfigOpt, DebugOpt, NoColorOpt, QuietOpt, SetOpt, SkipOpt


class Task(str, enum.Enum):
    quotes = "quotes"
    entities = "entities"
    extraction = "extraction"


class EvalFormat(str, enum.Enum):
    auto = "auto"
    table = "table"
    json = "json"


def eval_command(
    gold: str = typer.Argument(..., help="Gold file or folder (the task is detected from it).", metavar="GOLD"),
    task: Optional[Task] = typer.Option(None, "--task", "-t", help="Task to evaluate (default: detected from GOLD)."),
    format: EvalFormat = typer.Option(EvalFormat.auto, "--format", "-f", help="table, or json (one object); auto = table on a terminal, JSON when piped."),
    config: Optional[str] = ConfigOpt,
    set_: Optional[List[str]] = SetOpt,
    skip: Optional[List[str]] = SkipOpt,
    errors: int = typer.Option(0, "--errors", "-e", min=0, help="Also show the N worst documents: what was missed and what was wrong.", metavar="N"),
    limit: Optional[int] = typer.Option(None, "--limit", "-n", min=1, help="Evaluate only the first N documents.", metavar="N"),
    quiet: bool = QuietOpt,
    no_color: bool = NoColorOpt,
    debug: bool = DebugOpt,
) -> None:
    """Score the pipeline against gold: precision, recall, F1 and breakdowns.

    Quotes: JSON Lines gold (text + quotes with spans, kinds, speakers, cues).
    Entities: CoNLL/IOB files or a *.gold.yaml entity list. Extraction: a folder of
    HTML pages with ground-truth.json or ground-truth/. See docs/evaluation.md.
    """
    from newsparse.cli.app import fail, load_config, make_env
    from newsparse.errors import NewsparseError
    from newsparse.evaluate import evaluate
    from newsparse.pipeline import Pipeline

    env = make_env(quiet, no_color, debug)
    cfg = load_config(env, config, set_, skip)
    try:
        pipeline = Pipeline.from_config(cfg)
    except Exception as exc:  # noqa: BLE001 - a broken plugin is a config error
        raise fail(env, exc) from None
    started = time.perf_counter()
    try:
        result = evaluate(gold, pipeline, task=task.value if task else None, errors=errors, limit=limit)
    except NewsparseError as exc:
        raise fail(env, exc) from None
    env.info(f"evaluated {result.get('task')} on {result.get('gold')} in {time.perf_counter() - started:.1f} s")
    fmt = format
    if fmt == EvalFormat.auto:
        fmt = EvalFormat.table if env.stdout_isatty else EvalFormat.json
    if fmt == EvalFormat.json:
        env.stdout.write(json.dumps(_clean(result), ensure_ascii=False, indent=2) + "\n")
    else:
        render_result(result, env.console("stdout"))
    env.stdout.flush()


def _clean(value: Any) -> Any:
    """JSON-safe copy: NaN/inf become null (json.dumps would write invalid JSON)."""
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, (list, tuple)):
        return ", ".join(_fmt(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={_fmt(v)}" for k, v in value.items())
    return str(value)


def render_result(result: dict[str, Any], console: Any) -> None:
    """Rich tables: overall metrics, one table per breakdown, then the worst documents."""
    from rich.table import Table
    from rich.text import Text

    overall = result.get("overall") or {}
    console.print(Text.assemble(("newsparse eval ", "bold"), (str(result.get("task", "?")), "bold cyan"), " ",
                                str(result.get("gold", ""))))
    table = Table(title="overall")
    table.add_column("Metric", style="bold")
    table.add_column("Value", justify="right")
    head = [k for k in ("precision", "recall", "f1") if k in overall]
    for key in head + [k for k in overall if k not in head]:
        table.add_row(key, _fmt(overall[key]))
    console.print(table)
    loose: list[tuple[str, Any]] = []  # breakdown entries that are not tables of rows
    for name, rows in (result.get("breakdowns") or {}).items():
        if isinstance(rows, dict) and rows and all(isinstance(r, dict) for r in rows.values()):
            _print_rows(console, name, rows)
        elif isinstance(rows, dict):
            loose.extend((f"{name}.{k}", v) for k, v in rows.items())
        else:
            loose.append((name, rows))
    if loose:
        more = Table(title="more")
        more.add_column("Metric", style="bold")
        more.add_column("Value", justify="right")
        for key, value in loose:
            more.add_row(key, _fmt(value))
        console.print(more)
    for note in result.get("notes") or []:
        console.print(Text("note: " + note, style="dim"))
    for doc in result.get("errors") or []:
        if not isinstance(doc, dict):
            console.print(Text(f"error: {doc}"))
            continue
        name = doc.get("document", doc.get("id", doc.get("page")))
        score = doc.get("score", doc.get("f1"))
        et = Table(title=f"document {name} — score {_fmt(score)}", show_lines=False)
        et.add_column("", style="bold")
        et.add_column("what")
        if doc.get("error"):
            et.add_row("error", str(doc["error"]))
        # missed and wrong first (the documented interface), then whatever else the evaluator adds
        keys = [k for k in ("missed", "wrong") if k in doc]
        keys += [k for k in doc if k not in keys and k not in ("document", "id", "page", "score", "f1", "error")]
        for key in keys:
            value = doc[key]
            if isinstance(value, list):
                for item in value:
                    et.add_row(key, _describe(item))
            elif value not in (None, "", {}):
                et.add_row(key, _describe(value))
        console.print(et)


def _print_rows(console: Any, name: str, rows: dict[str, dict[str, Any]]) -> None:
    """One breakdown as a table: a row per label, a column per metric."""
    from rich.table import Table

    columns: list[str] = []
    for row in rows.values():
        for key in row:
            if key not in columns:
                columns.append(key)
    table = Table(title=name)
    table.add_column("", style="bold")
    for col in columns:
        table.add_column(col, justify="right")
    for label, row in rows.items():
        table.add_row(str(label), *(_fmt(row.get(col)) for col in columns))
    console.print(table)


def _describe(item: Any) -> str:
    if not isinstance(item, dict):
        return str(item)
    parts = []
    if item.get("problem"):
        parts.append(f"[{item['problem']}]")
    if item.get("kind"):
        parts.append(f"({item['kind']})")
    if "text" in item:
        parts.append(repr(item["text"]))
    if "gold_speaker" in item:
        parts.append(f"speaker {item.get('speaker')!r}, gold {item['gold_speaker']!r}")
    elif "speaker" in item:
        parts.append(f"speaker {item.get('speaker')!r}")
    for key, value in item.items():
        if key not in ("problem", "kind", "text", "speaker", "gold_speaker", "start", "rule"):
            parts.append(f"{key}={_fmt(value)}")
    return " ".join(parts)


def register(app: typer.Typer) -> None:
    """Add the ``eval`` command to the main application."""
    app.command("eval")(eval_command)
