"""``newsparse summarize``: a corpus roll-up of ``analyze`` results (JSON Lines)."""
from __future__ import annotations

import enum
import json
import sys
from typing import Any, List, Optional

import typer

from newsparse.cli.app import Format, fail, make_env
from newsparse.cli.options import NoColorOpt, QuietOpt


class By(str, enum.Enum):
    source = "source"
    month = "month"
    input_dir = "input-dir"


def summarize(
    results: List[str] = typer.Argument(..., help="JSON Lines written by 'newsparse analyze' (- for stdin).", metavar="RESULTS.jsonl..."),
    by: Optional[By] = typer.Option(None, "--by", help="Also break the figures down by outlet, month or input folder."),
    top: int = typer.Option(10, "--top", "-n", help="How many speakers and entities to list.", metavar="N"),
    format: Format = typer.Option(Format.auto, "--format", "-f", help="auto = tables on a terminal, JSON when piped."),
    quiet: bool = QuietOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """Roll up batch results: most-quoted speakers, most-mentioned entities, the ratio of
    quoted to mentioned people, quotes per outlet and per month."""
    from newsparse.errors import InputError
    from newsparse.summarize import summarize_streams

    env = make_env(quiet, no_color)
    streams = []
    try:
        for name in results:
            streams.append(sys.stdin if name == "-" else open(name, encoding="utf-8", errors="replace"))
    except OSError as exc:
        raise fail(env, InputError(f"{exc.filename}: cannot read ({exc.strerror})")) from None
    try:
        rollup = summarize_streams(streams, by.value if by else None)
    finally:
        for s in streams:
            if s is not sys.stdin:
                s.close()
    if rollup.bad_lines:
        env.warn(f"skipped {rollup.bad_lines} line(s) that are not newsparse records")
    data = rollup.to_dict(top=max(1, top))
    fmt = format if format != Format.auto else (Format.table if env.stdout_isatty else Format.json)
    if fmt == Format.table:
        render_summary(data, env.console("stdout"))
    else:
        env.stdout.write(json.dumps(data, ensure_ascii=False, indent=None if fmt == Format.jsonl else 2) + "\n")
    if data["articles"] == 0 and data["failed"] == 0:
        env.error("no records found")
        raise typer.Exit(3)


def _pct(value: Optional[float]) -> str:
    return "-" if value is None else f"{value:.0%}"


def render_summary(data: dict[str, Any], console: Any) -> None:
    from rich import box
    from rich.table import Table

    head = Table(title="Corpus", box=box.SIMPLE_HEAVY, show_header=False)
    head.add_column(style="dim")
    head.add_column(justify="right")
    for label, key in (("articles", "articles"), ("failed inputs", "failed"), ("quotes", "quotes"),
                       ("attributed quotes", "attributed_quotes"), ("quotes per article", "quotes_per_article"),
                       ("people mentioned", "people_mentioned"), ("people quoted", "people_quoted")):
        head.add_row(label, str(data[key] if data[key] is not None else "-"))
    head.add_row("quoted / mentioned people", _pct(data["quoted_to_mentioned_ratio"]))
    console.print(head)

    def table(title: str, columns: list[tuple[str, str]], rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        t = Table(title=title, box=box.SIMPLE_HEAVY)
        for label, key in columns:
            t.add_column(label, justify="left" if key in ("speaker", "name", "source", "month", "type") else "right")
        for row in rows:
            t.add_row(*("-" if row.get(k) is None else str(row.get(k)) for _, k in columns))
        console.print(t)

    table("Most-quoted speakers", [("Speaker", "speaker"), ("Quotes", "quotes"), ("Articles", "articles")], data["top_speakers"])
    table("Most-mentioned entities", [("Entity", "name"), ("Type", "type"), ("Mentions", "mentions"), ("Articles", "articles")], data["top_entities"])
    table("Quotes by source", [("Source", "source"), ("Articles", "articles"), ("Quotes", "quotes"), ("Per article", "quotes_per_article")], data["quotes_by_source"])
    table("Quotes by month", [("Month", "month"), ("Articles", "articles"), ("Quotes", "quotes"), ("Per article", "quotes_per_article")], data["quotes_by_month"])
    if data.get("groups"):
        by = data["by"]
        t = Table(title=f"By {by}", box=box.SIMPLE_HEAVY)
        for label in (by, "Articles", "Quotes", "People mentioned", "People quoted", "Quoted/mentioned", "Top speakers"):
            t.add_column(label, justify="left" if label in (by, "Top speakers") else "right")
        for g in data["groups"]:
            t.add_row(str(g[by]), str(g["articles"]), str(g["quotes"]), str(g["people_mentioned"]), str(g["people_quoted"]),
                      _pct(g["quoted_to_mentioned_ratio"]), ", ".join(f"{s['speaker']} ({s['quotes']})" for s in g["top_speakers"]))
        console.print(t)
