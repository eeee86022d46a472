"""Corpus roll-up of batch results: who is quoted, who is mentioned, by outlet and by month.

:class:`Rollup` reads records one at a time (memory grows with the number of
distinct speakers, entities and groups, never with the number of articles), so a
year of an outlet's articles summarises from a pipe.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Any, Iterable, Iterator, Optional
from urllib.parse import urlsplit

GROUPINGS = ("source", "month", "input-dir")
UNKNOWN = "(unknown)"


def outlet_of(record: dict[str, Any]) -> str:
    """The outlet: metadata source, else publisher, else the host of the article's URL."""
    md = record.get("metadata") or {}
    for value in (md.get("source"), md.get("publisher")):
        if isinstance(value, str) and value.strip():
            return value.strip()
    for url in (md.get("url"), record.get("url"), record.get("input")):
        if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
            host = urlsplit(url).hostname or ""
            return host[4:] if host.startswith("www.") else host or UNKNOWN
    return UNKNOWN


def month_of(record: dict[str, Any]) -> str:
    date = (record.get("metadata") or {}).get("date")
    if isinstance(date, str) and len(date) >= 7 and date[4] == "-" and date[:4].isdigit() and date[5:7].isdigit():
        return date[:7]
    return UNKNOWN


def input_dir_of(record: dict[str, Any]) -> str:
    """The folder of the input (for JSON Lines and WARC records: of the container file)."""
    name = str(record.get("warc") or record.get("input") or "")
    if "#" in name and not name.lower().startswith(("http://", "https://")):
        name = name.split("#", 1)[0]
    return os.path.dirname(name) or "."


def _most_common(counter: Counter, n: int) -> list[tuple[Any, int]]:
    """Like Counter.most_common, but ties broken by key: the same output whatever the record order."""
    return sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))[:n]


GROUP_KEYS = {"source": outlet_of, "month": month_of, "input-dir": input_dir_of}


@dataclass
class Stats:
    """Counts over a set of articles."""

    articles: int = 0
    failed: int = 0
    quotes: int = 0
    attributed: int = 0  # quotes with a speaker
    speakers: Counter = field(default_factory=Counter)  # speaker -> quotes
    speaker_articles: Counter = field(default_factory=Counter)  # speaker -> articles quoting them
    entities: Counter = field(default_factory=Counter)  # (name, type) -> mentions
    entity_articles: Counter = field(default_factory=Counter)
    people_mentioned: set = field(default_factory=set)
    people_quoted: set = field(default_factory=set)

    def add(self, record: dict[str, Any]) -> None:
        if "error" in record:
            self.failed += 1
            return
        self.articles += 1
        quotes = record.get("quotes") or []
        entities = record.get("entities") or []
        by_id = {e.get("id"): e for e in entities}
        self.quotes += len(quotes)
        quoted_here: set[str] = set()
        for q in quotes:
            speaker = q.get("speaker")
            ent = by_id.get(q.get("entity"))
            if ent is not None and ent.get("name"):
                speaker = speaker or ent["name"]
                if ent.get("type") == "PERSON":
                    self.people_quoted.add(ent["name"])
            if speaker:
                self.attributed += 1
                self.speakers[speaker] += 1
                quoted_here.add(speaker)
        self.speaker_articles.update(quoted_here)
        for e in entities:
            key = (e.get("name") or "", e.get("type") or "")
            self.entities[key] += int(e.get("count") or len(e.get("mentions") or []) or 1)
            self.entity_articles[key] += 1
            if key[1] == "PERSON":
                self.people_mentioned.add(key[0])
                if e.get("quoted"):
                    self.people_quoted.add(key[0])

    @property
    def quoted_ratio(self) -> Optional[float]:
        """Distinct people quoted / distinct people mentioned (None when nobody is mentioned)."""
        if not self.people_mentioned:
            return None
        return round(len(self.people_quoted & self.people_mentioned) / len(self.people_mentioned), 4)

    def top_speakers(self, n: int) -> list[dict[str, Any]]:
        return [{"speaker": s, "quotes": c, "articles": self.speaker_articles[s]} for s, c in _most_common(self.speakers, n)]

    def top_entities(self, n: int) -> list[dict[str, Any]]:
        return [{"name": k[0], "type": k[1], "mentions": c, "articles": self.entity_articles[k]}
                for k, c in _most_common(self.entities, n)]

    def headline(self) -> dict[str, Any]:
        return {
            "articles": self.articles, "failed": self.failed, "quotes": self.quotes,
            "attributed_quotes": self.attributed,
            "quotes_per_article": round(self.quotes / self.articles, 3) if self.articles else None,
            "people_mentioned": len(self.people_mentioned),
            "people_quoted": len(self.people_quoted & self.people_mentioned),
            "quoted_to_mentioned_ratio": self.quoted_ratio,
        }


@dataclass
class Tally:
    """Articles and quotes per key (outlet, month): small, for the overall breakdowns."""

    articles: Counter = field(default_factory=Counter)
    quotes: Counter = field(default_factory=Counter)

    def add(self, key: str, record: dict[str, Any]) -> None:
        if "error" not in record:
            self.articles[key] += 1
            self.quotes[key] += len(record.get("quotes") or [])

    def rows(self, label: str, sort_by_key: bool = False) -> list[dict[str, Any]]:
        keys = sorted(self.articles) if sort_by_key else sorted(self.articles, key=lambda k: (-self.quotes[k], -self.articles[k], k))
        out = []
        for k in keys:
            n = self.articles[k]
            out.append({label: k, "articles": n, "quotes": self.quotes[k],
                        "quotes_per_article": round(self.quotes[k] / n, 3) if n else None})
        return out


@dataclass
class Rollup:
    """The whole summary: overall stats, per-outlet and per-month tallies, optional groups."""

    by: Optional[str] = None
    overall: Stats = field(default_factory=Stats)
    outlets: Tally = field(default_factory=Tally)
    months: Tally = field(default_factory=Tally)
    groups: dict[str, Stats] = field(default_factory=dict)
    bad_lines: int = 0

    def add(self, record: dict[str, Any]) -> None:
        self.overall.add(record)
        self.outlets.add(outlet_of(record), record)
        self.months.add(month_of(record), record)
        if self.by:
            key = GROUP_KEYS[self.by](record)
            self.groups.setdefault(key, Stats()).add(record)

    def to_dict(self, top: int = 10) -> dict[str, Any]:
        out: dict[str, Any] = {
            **self.overall.headline(),
            "top_speakers": self.overall.top_speakers(top),
            "top_entities": self.overall.top_entities(top),
            "quotes_by_source": self.outlets.rows("source"),
            "quotes_by_month": self.months.rows("month", sort_by_key=True),
        }
        if self.by:
            keys = sorted(self.groups) if self.by == "month" else sorted(self.groups, key=lambda k: (-self.groups[k].quotes, k))
            out["by"] = self.by
            out["groups"] = [{self.by: k, **self.groups[k].headline(),
                              "top_speakers": self.groups[k].top_speakers(min(top, 3))} for k in keys]
        if self.bad_lines:
            out["skipped_lines"] = self.bad_lines
        return out


def read_records(stream: IO[str], rollup: Optional[Rollup] = None) -> Iterator[dict[str, Any]]:
    """Records of a JSON Lines stream; lines that are not records (a torn last line) are counted and skipped."""
    for line in stream:
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            obj = None
        if not isinstance(obj, dict) or ("error" not in obj and "quotes" not in obj and "entities" not in obj):
            if rollup is not None:
                rollup.bad_lines += 1
            continue
        yield obj


def summarize_streams(streams: Iterable[IO[str]], by: Optional[str] = None) -> Rollup:
    rollup = Rollup(by=by)
    for stream in streams:
        for record in read_records(stream, rollup):
            rollup.add(record)
    return rollup
