"""``--output FILE --resume``: skip the inputs FILE already holds, survive a SIGKILL.

Records are written as whole lines with one unbuffered write each; a batch killed
mid-write can leave only a torn *last* line, which :func:`load_done` cuts off
before the resumed batch appends. Inputs are matched by their ``input`` name,
counted (a multiset), so an input given twice is also done twice, exactly.
"""
from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

# Our records start with these two keys; read the name without parsing the whole (large) line.
_PREFIX = re.compile(rb'^\{"schema_version": "[^"]*", "input": ("(?:[^"\\]|\\.)*")')


@dataclass
class DoneSet:
    """Inputs already in the output file, with how many times each occurs."""

    counts: Counter = field(default_factory=Counter)
    records: int = 0
    torn_bytes: int = 0  # length of the incomplete last line that was cut off
    bad_lines: int = 0  # complete lines that are not records (ignored)

    def take(self, name: str) -> bool:
        """True (and consume one) if ``name`` is already done."""
        n = self.counts.get(name, 0)
        if n <= 0:
            return False
        if n == 1:
            del self.counts[name]
        else:
            self.counts[name] = n - 1
        return True


def record_input(line: bytes) -> Optional[str]:
    m = _PREFIX.match(line)
    if m:
        try:
            return json.loads(m.group(1))
        except ValueError:
            pass
    try:
        obj = json.loads(line)
    except ValueError:
        return None
    return obj.get("input") if isinstance(obj, dict) and isinstance(obj.get("input"), str) else None


def load_done(path: str, truncate: bool = True) -> DoneSet:
    """Read the inputs done in ``path`` (missing file = nothing done); cut a torn last line off."""
    done = DoneSet()
    try:
        fh = open(path, "r+b" if truncate else "rb")
    except FileNotFoundError:
        return done
    with fh:
        good_end = 0
        for line in fh:
            if not line.endswith(b"\n"):
                done.torn_bytes = len(line)
                break
            good_end += len(line)
            if not line.strip():
                continue
            name = record_input(line)
            if name is None:
                done.bad_lines += 1
                continue
            done.counts[name] += 1
            done.records += 1
        if done.torn_bytes and truncate:
            fh.truncate(good_end)
    return done


class LineSink:
    """Appends whole lines to a file: one unbuffered ``write`` per record, so a kill tears at most the last."""

    def __init__(self, path: str, append: bool) -> None:
        self.path = path
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC), 0o666)

    def write_line(self, line: str) -> None:
        data = (line + "\n").encode("utf-8", "surrogateescape")
        view = memoryview(data)
        while view:
            n = os.write(self.fd, view)
            view = view[n:]

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

