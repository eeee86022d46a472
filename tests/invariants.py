"""Properties every analysis record must have, shared by the bad-input, fuzz and crasher tests."""
from __future__ import annotations

from typing import Any


def offset_problems(rec: dict[str, Any], attribution: bool = True) -> list[str]:
    """Every span in range and slicing to its text; returns what is wrong (empty list: all fine).

    ``attribution=False`` leaves out quote speaker/cue spans, so a known bug there (tracked as
    an xfail in tests/crashers) does not hide every other check.
    """
    text = rec["text"]
    n = len(text)
    problems: list[str] = []

    def span(where: str, s: dict[str, Any], expected: str | None = None) -> None:
        start, end = s.get("start"), s.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= n):
            problems.append(f"{where}: span {start}..{end} out of range 0..{n}")
        elif expected is not None and text[start:end] != expected:
            problems.append(f"{where}: text[{start}:{end}] == {text[start:end]!r} != {expected!r}")

    for i, p in enumerate(rec.get("paragraphs", [])):
        span(f"paragraphs[{i}]", p)
    for i, s in enumerate(rec.get("sentences", [])):
        span(f"sentences[{i}]", s)
    for i, q in enumerate(rec.get("quotes", [])):
        span(f"quotes[{i}]", q, q.get("text"))
        if attribution:
            for key in ("speaker_mention", "cue"):
                if q.get(key):
                    span(f"quotes[{i}].{key}", q[key], q[key].get("text"))
    for i, e in enumerate(rec.get("entities", [])):
        for j, m in enumerate(e.get("mentions", [])):
            span(f"entities[{i}].mentions[{j}]", m, m.get("text"))
    return problems
