"""Turning what the user typed (paths, folders, lists, JSONL, WARC, URLs, -) into a lazy stream of inputs.

Every :class:`InputItem` is picklable, so a batch can ship it to a worker process
(or a Dask worker) that loads it there; containers (JSON Lines, WARC) are read in
the calling process one record at a time and ship the article itself.
"""
from __future__ import annotations

import fnmatch
import os
import sys
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional

from newsparse.errors import InputError, NewsparseError
from newsparse.inputs.sources import DEFAULT_MAX_BYTES, Source, load_source

ARTICLE_EXTENSIONS = (".html", ".htm", ".xhtml", ".txt", ".html.gz", ".htm.gz", ".xhtml.gz", ".txt.gz")
JSONL_EXTENSIONS = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
WARC_EXTENSIONS = (".warc", ".warc.gz", ".arc", ".arc.gz")
INPUT_FORMATS = ("auto", "article", "jsonl", "warc")


@dataclass
class InputItem:
    """One article to process: its name as shown to the user, and how to get it.

    Exactly one of ``spec`` (a path, URL or ``-``, read where the item is loaded),
    ``source`` (an article already read from a container) or ``error`` (an input
    that failed before it could become an article) is set.
    """

    name: str
    spec: Optional[str] = None
    source: Optional[Source] = None
    error: Optional[NewsparseError] = None
    max_bytes: int = DEFAULT_MAX_BYTES
    fetch_limits: Any = None

    def load(self) -> Source:
        if self.error is not None:
            raise self.error
        if self.source is not None:
            return self.source
        return load_source(self.spec or self.name, self.max_bytes, self.fetch_limits)

    def materialize(self) -> "InputItem":
        """Read a local file now (for executors whose workers may not see this filesystem)."""
        if self.spec is None or self.spec == "-" or "://" in self.spec[:12]:
            return self
        try:
            return InputItem(self.name, source=self.load(), max_bytes=self.max_bytes)
        except NewsparseError as exc:
            return InputItem(self.name, error=exc)


def _failing(name: str, error: NewsparseError) -> InputItem:
    return InputItem(name, error=error)


def container_kind(path: str, input_format: str = "auto") -> str:
    """``article``, ``jsonl`` or ``warc``: by --input-format, else by the file name."""
    if input_format != "auto":
        return input_format
    low = path.lower()
    if low.endswith(JSONL_EXTENSIONS):
        return "jsonl"
    if low.endswith(WARC_EXTENSIONS):
        return "warc"
    return "article"


def _matches(rel: str, name: str, globs: Optional[list[str]]) -> bool:
    if name.startswith("."):
        return False
    if not globs:
        return name.lower().endswith(ARTICLE_EXTENSIONS)
    return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(rel, g) for g in globs)


def walk_directory(path: str, globs: Optional[list[str]] = None) -> Iterator[str | InputItem]:
    """Matching files under ``path``, sorted, recursively; symlinked folders are not followed (no loops).

    Without ``globs`` the article extensions (.html .htm .xhtml .txt, and the same + .gz) match; a glob
    matches a file's name or its path relative to ``path`` (``2024/*/*.html``).
    """
    errors: list[OSError] = []
    for root, dirs, files in os.walk(path, onerror=errors.append, followlinks=False):
        dirs.sort()
        for err in errors:
            yield _failing(err.filename or root, InputError(f"{err.filename or root}: cannot read folder ({err.strerror})"))
        errors.clear()
        for name in sorted(files):
            full = os.path.join(root, name)
            if _matches(os.path.relpath(full, path), name, globs):
                yield full
    for err in errors:
        yield _failing(err.filename or path, InputError(f"{err.filename or path}: cannot read folder ({err.strerror})"))


def read_input_list(spec: str) -> Iterator[str]:
    """Paths or URLs from a list file (``-`` = stdin), one a line; blank lines and ``#`` comments skipped."""
    try:
        fh = sys.stdin if spec == "-" else open(spec, encoding="utf-8", errors="surrogateescape")
    except OSError as exc:
        raise InputError(f"{spec}: cannot read input list ({exc.strerror or exc})") from None
    try:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line
    finally:
        if fh is not sys.stdin:
            fh.close()


def _expand_file(path: str, input_format: str, max_bytes: int, fetch_limits: Any) -> Iterator[InputItem]:
    kind = container_kind(path, input_format)
    if kind == "jsonl":
        from newsparse.inputs.jsonl import iter_jsonl

        yield from iter_jsonl(path, max_bytes)
    elif kind == "warc":
        from newsparse.inputs.warc import iter_warc

        yield from iter_warc(path, max_bytes)
    else:
        yield InputItem(path, spec=path, max_bytes=max_bytes, fetch_limits=fetch_limits)


def expand_inputs(
    specs: Iterable[str],
    max_bytes: int = DEFAULT_MAX_BYTES,
    fetch_limits: Any = None,
    *,
    globs: Optional[list[str]] = None,
    input_format: str = "auto",
) -> Iterator[InputItem]:
    """Expand folders and containers lazily; every other spec (file, URL, -) is one input."""
    for spec in specs:
        if spec != "-" and os.path.isdir(spec):
            for entry in walk_directory(spec, globs):
                if isinstance(entry, InputItem):
                    yield entry
                else:
                    yield from _expand_file(entry, input_format, max_bytes, fetch_limits)
        elif spec == "-" and input_format in ("jsonl", "warc"):
            yield from _expand_file(spec, input_format, max_bytes, fetch_limits)
        elif spec != "-" and "://" not in spec[:12] and container_kind(spec, input_format) != "article":
            yield from _expand_file(spec, input_format, max_bytes, fetch_limits)
        elif spec == "-":  # read here: a worker process has no access to our stdin
            try:
                yield InputItem("-", source=load_source("-", max_bytes))
            except NewsparseError as exc:
                yield InputItem("-", error=exc)
        else:
            yield InputItem(spec, spec=spec, max_bytes=max_bytes, fetch_limits=fetch_limits)


def _count_lines(path: str) -> int:
    import gzip

    opener = gzip.open if path.lower().endswith(".gz") else open
    n = 0
    with opener(path, "rb") as fh:
        for line in fh:
            if line.strip():
                n += 1
    return n


def count_inputs(specs: Iterable[str], *, globs: Optional[list[str]] = None, input_format: str = "auto") -> Optional[int]:
    """How many inputs :func:`expand_inputs` will yield, cheaply (None if stdin is involved).

    Used only for a progress bar's total: JSON Lines are counted by non-blank lines
    (each is one input, article or error), archives by their HTML records.
    """
    total = 0
    for spec in specs:
        if spec == "-":
            return None
        paths: Iterable[str | InputItem] = walk_directory(spec, globs) if os.path.isdir(spec) else [spec]
        for entry in paths:
            if isinstance(entry, InputItem) or "://" in entry[:12]:
                total += 1
                continue
            kind = container_kind(entry, input_format)
            try:
                if kind == "jsonl":
                    total += _count_lines(entry)
                elif kind == "warc":
                    total += sum(1 for _ in _expand_file(entry, "warc", 1, None))
                else:
                    total += 1
            except OSError:
                total += 1
    return total
