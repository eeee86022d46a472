"""JSON Lines of articles: ``{"id", "url", "html" | "text", ...}`` one a line, read lazily.

Every field other than ``html``/``text`` is carried through to the output record
(``id``, ``url`` and any of the user's own fields). A line that is not a JSON
object with an ``html`` or ``text`` string becomes one error input; the rest go on.
"""
from __future__ import annotations

import gzip
import io
import json
import sys
from typing import IO, Any, Iterator

from newsparse.errors import InputError
from newsparse.inputs.expand import InputItem
from newsparse.inputs.sources import DEFAULT_MAX_BYTES, Source

# Keys a carried-through field may not take: they would change what a record means.
RESERVED_KEYS = frozenset({"schema_version", "input", "index", "error", "metadata", "text", "quotes", "entities"})


def _open(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    fh: IO[bytes] = open(path, "rb")
    if path.lower().endswith(".gz"):
        return gzip.GzipFile(fileobj=fh)  # type: ignore[return-value]
    return fh


def item_name(path: str, lineno: int, obj: Any = None) -> str:
    """``FILE#ID`` when the article has an id, else ``FILE:LINE``: stable, so --resume can key on it."""
    if isinstance(obj, dict) and isinstance(obj.get("id"), (str, int)) and not isinstance(obj.get("id"), bool):
        return f"{path}#{obj['id']}"
    return f"{path}:{lineno}"


def parse_article(path: str, lineno: int, line: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> InputItem:
    """One JSONL line -> an article input, or an error input naming the file and line."""
    where = f"{path}:{lineno}"
    if len(line) > max_bytes:
        return InputItem(where, error=InputError(f"{where}: line too large ({len(line):,} bytes; limit {max_bytes:,}, see --max-bytes)"))
    try:
        obj = json.loads(line)
    except (ValueError, UnicodeDecodeError) as exc:
        return InputItem(where, error=InputError(f"{where}: malformed JSON line ({exc})"))
    name = item_name(path, lineno, obj)
    if not isinstance(obj, dict):
        return InputItem(name, error=InputError(f"{where}: expected a JSON object, got {type(obj).__name__}"))
    html, text = obj.get("html"), obj.get("text")
    body, ctype = (html, "html") if isinstance(html, str) and html.strip() else (text, "text")
    if not isinstance(body, str):
        return InputItem(name, error=InputError(f"{where}: article has no \"html\" or \"text\" string"))
    extra = {k: v for k, v in obj.items() if k not in ("html", "text") and k not in RESERVED_KEYS}
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    source = Source(name=name, text=body, content_type=ctype, url=url, extra=extra)
    return InputItem(name, source=source, max_bytes=max_bytes)


def iter_jsonl(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[InputItem]:
    """Articles of a JSON Lines file (``.gz`` too, ``-`` for stdin), one at a time; blank lines skipped."""
    try:
        fh = _open(path)
    except OSError as exc:
        yield InputItem(path, error=InputError(f"{path}: cannot read ({exc.strerror or exc})"))
        return
    lineno = 0
    try:
        reader = io.BufferedReader(fh) if not isinstance(fh, io.BufferedIOBase) else fh
        while True:
            try:
                line = reader.readline(max_bytes + 1)
            except (OSError, EOFError, gzip.BadGzipFile) as exc:
                yield InputItem(f"{path}:{lineno + 1}", error=InputError(f"{path}:{lineno + 1}: cannot read ({exc})"))
                return
            if not line:
                return
            lineno += 1
            if len(line) > max_bytes and not line.endswith(b"\n"):
                # skip the rest of an over-long line without holding it in memory
                while line and not line.endswith(b"\n"):
                    line = reader.readline(1 << 20)
                yield InputItem(f"{path}:{lineno}", error=InputError(f"{path}:{lineno}: line too large (limit {max_bytes:,} bytes, see --max-bytes)"))
                continue
            if not line.strip():
                continue
            yield parse_article(path, lineno, line, max_bytes)
    finally:
        if path != "-":
            fh.close()
