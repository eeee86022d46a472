"""Turning what the user typed (paths, folders, URLs, -) into a stream of loadable inputs."""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from newsparse.errors import InputError
from newsparse.inputs.sources import Source, load_source

ARTICLE_EXTENSIONS = (".html", ".htm", ".xhtml", ".txt")


@dataclass
class InputItem:
    """One article to process: its name as shown to the user and how to load it."""

    name: str
    load: Callable[[], Source]


def _failing(name: str, error: InputError) -> InputItem:
    def load() -> Source:
        raise error

    return InputItem(name, load)


def walk_directory(path: str, extensions: tuple[str, ...] = ARTICLE_EXTENSIONS) -> Iterator[str | InputItem]:
    """Article files under ``path``, sorted, recursively; symlinked folders are not followed (no loops)."""
    errors: list[OSError] = []
    for root, dirs, files in os.walk(path, onerror=errors.append, followlinks=False):
        dirs.sort()
        for err in errors:
            yield _failing(err.filename or root, InputError(f"{err.filename or root}: cannot read folder ({err.strerror})"))
        errors.clear()
        for name in sorted(files):
            if name.lower().endswith(extensions) and not name.startswith("."):
                yield os.path.join(root, name)
    for err in errors:
        yield _failing(err.filename or path, InputError(f"{err.filename or path}: cannot read folder ({err.strerror})"))


def expand_inputs(specs: Iterable[str], max_bytes: int, fetch_limits=None) -> Iterator[InputItem]:  # noqa: ANN001
    """Expand folders; every other spec (file, URL, -) is one input, loaded lazily."""
    for spec in specs:
        if spec != "-" and os.path.isdir(spec):
            for entry in walk_directory(spec):
                if isinstance(entry, InputItem):
                    yield entry
                else:
                    yield InputItem(entry, lambda p=entry: load_source(p, max_bytes, fetch_limits))
        else:
            yield InputItem(spec, lambda s=spec: load_source(s, max_bytes, fetch_limits))
