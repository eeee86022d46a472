"""Rich tables for people at a terminal: article panel, quotes, entities."""
from __future__ import annotations

from typing import Any


def render_tables(record: dict[str, Any], console: Any, explain: bool = False) -> None:
    from rich import box
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    if "error" in record:
        console.print(Text(f"{record['input']}: {record['error']['message']}", style="bold red"))
        return
    md = record["metadata"]
    words = len(record["text"].split())
    lines = Text()
    lines.append(md.get("title") or "(untitled)", style="bold")
    for label, value in (
        ("date", md.get("date")),
        ("authors", ", ".join(md.get("authors") or []) or None),
        ("source", md.get("source")),
        ("publisher", md.get("publisher")),
        ("url", md.get("url")),
    ):
        if value:
            lines.append(f"\n{label}: ", style="dim")
            lines.append(str(value))
    lines.append("\nwords: ", style="dim")
    lines.append(f"{words:,}  quotes: {len(record['quotes'])}  entities: {len(record['entities'])}")
    console.print(Panel(lines, title=record["input"], title_align="left", box=box.ROUNDED))

    if record["quotes"]:
        table = Table(title="Quotes", box=box.SIMPLE_HEAVY, show_lines=False, expand=True)
        # Kind and Cue keep their words whole ("indirect", "according to"); Speaker and Quote share the rest
        kind_w = max(len(q["kind"]) for q in record["quotes"])
        cue_w = min(12, max((len((q.get("cue") or {}).get("text") or "") for q in record["quotes"]), default=3))
        spk_w = min(16, max(len(q["speaker"] or "—") for q in record["quotes"]))
        table.add_column("Speaker", style="bold cyan", min_width=spk_w, max_width=24)
        table.add_column("Quote", ratio=1)
        table.add_column("Kind", style="dim", no_wrap=True, min_width=kind_w)
        table.add_column("Cue", style="magenta", min_width=max(3, cue_w))
        for q in record["quotes"]:
            speaker = Text(q["speaker"] or "—")
            if q.get("speaker_description"):
                speaker.append(f"\n{q['speaker_description']}", style="dim")
            table.add_row(speaker, q["text"], q["kind"], (q.get("cue") or {}).get("text") or "")
        console.print(table)

    if record["entities"]:
        table = Table(title="Entities", box=box.SIMPLE_HEAVY, expand=False)
        table.add_column("Name", style="bold")
        table.add_column("Type", style="green")
        table.add_column("Mentions", justify="right")
        table.add_column("Quoted", justify="right")
        table.add_column("Aliases", style="dim")
        for e in record["entities"]:
            aliases = ", ".join(a for a in e["aliases"] if a != e["name"])
            table.add_row(e["name"], e["type"], str(e["count"]), str(e.get("quoted", 0)) if e.get("quoted") else "", aliases)
        console.print(table)

    if explain and record.get("removed"):
        table = Table(title="Removed by cleaning", box=box.SIMPLE)
        table.add_column("Reason", style="yellow")
        table.add_column("Text", style="dim")
        for r in record["removed"]:
            table.add_row(r["reason"], r["text"][:200])
        console.print(table)
    for w in record.get("warnings") or []:
        console.print(Text(f"warning: {w}", style="yellow"))
