"""CSV: one row per quote (default) or per entity, across every input."""
from __future__ import annotations

import csv
from typing import IO, Any

QUOTE_COLUMNS = ["index", "input", "title", "date", "speaker", "speaker_description", "quote", "kind", "cue",
                 "start", "end", "entity", "confidence", "error"]
ENTITY_COLUMNS = ["index", "input", "title", "date", "id", "name", "type", "count", "quoted", "aliases", "error"]


class CsvWriter:
    """Writes a header once, then the rows of each record as it comes."""

    def __init__(self, stream: IO[str], of: str = "quotes") -> None:
        self.of = of
        self.columns = QUOTE_COLUMNS if of == "quotes" else ENTITY_COLUMNS
        self.writer = csv.DictWriter(stream, fieldnames=self.columns, extrasaction="ignore", lineterminator="\n")
        self.writer.writeheader()

    def write(self, record: dict[str, Any]) -> None:
        base = {"index": record.get("index", 0), "input": record.get("input")}
        if "error" in record:
            self.writer.writerow({**base, "error": record["error"]["message"]})
            return
        base.update(title=record["metadata"].get("title"), date=record["metadata"].get("date"))
        if self.of == "quotes":
            for q in record["quotes"]:
                self.writer.writerow({
                    **base, "speaker": q["speaker"], "speaker_description": q.get("speaker_description"),
                    "quote": q["text"], "kind": q["kind"], "cue": (q.get("cue") or {}).get("text"),
                    "start": q["start"], "end": q["end"], "entity": q.get("entity"), "confidence": q.get("confidence"),
                })
        else:
            for e in record["entities"]:
                self.writer.writerow({
                    **base, "id": e["id"], "name": e["name"], "type": e["type"], "count": e["count"],
                    "quoted": e.get("quoted", 0), "aliases": "; ".join(e["aliases"]),
                })
