"""A Source is one article to analyze, not yet decoded; loading it never reads more than the limit."""
from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from newsparse import limits
from newsparse.errors import InputError
from newsparse.inputs.decode import decode_bytes, flatten_deep_html, looks_like_html
from newsparse.model import Document

DEFAULT_MAX_BYTES = limits.MAX_INPUT_BYTES
_LOOKS_LIKE_HOST = re.compile(r"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|org|net|news|info|co|uk|de|fr|io|gov|edu)(/|$)", re.I)


@dataclass
class Source:
    """Raw article input: bytes or text, plus what we know about it."""

    name: str  # as the user gave it (path, URL, "-", or an id)
    data: Optional[bytes] = None
    text: Optional[str] = None
    content_type: Optional[str] = None  # "html" | "text" | None (sniff)
    url: Optional[str] = None
    charset: Optional[str] = None  # declared by HTTP or a container
    extra: dict[str, Any] = field(default_factory=dict)  # fields carried through to output
    encoding: Optional[str] = None  # what decoding found (set by decoded())

    @classmethod
    def from_string(cls, value: str, name: str = "<string>", content_type: Optional[str] = None) -> "Source":
        return cls(name=name, text=value, content_type=content_type)

    @classmethod
    def from_bytes(cls, data: bytes, name: str = "<bytes>", content_type: Optional[str] = None) -> "Source":
        return cls(name=name, data=data, content_type=content_type)

    def decoded(self) -> str:
        if self.text is not None:
            return self.text
        text, self.encoding = decode_bytes(self.data or b"", self.charset, self.name)
        return text

    def to_document(self, max_depth: int = limits.MAX_HTML_DEPTH) -> Document:
        """Decode, reject empty input, recognise HTML by content, flatten absurd nesting."""
        raw = self.decoded()
        if not raw.strip():
            what = "empty input" if not raw else "input is only whitespace"
            raise InputError(f"{self.name}: {what} (nothing to analyze)")
        warnings: list[str] = []
        if self.encoding == "mixed":
            warnings.append("not valid UTF-8 and no single encoding fits; invalid bytes were read as cp1252")
        if "\x00" in raw:
            raw = raw.replace("\x00", "")
        ctype = self.content_type or ("html" if looks_like_html(raw) else "text")
        if ctype == "html" and len(raw) <= limits.MAX_EXTRACT_CHARS:  # larger: extract refuses it anyway
            raw, depth = flatten_deep_html(raw, max_depth)
            if depth > max_depth:
                warnings.append(
                    f"HTML nested {depth:,} levels deep (limit {max_depth}); deeper tags were flattened, text kept"
                )
        doc = Document(input=self.name, raw=raw, content_type=ctype, url=self.url)
        doc.warnings.extend(warnings)
        if self.extra:
            doc.extra.update(self.extra)
        return doc


def read_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file with clear one-line errors and a size limit."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{path}: is a directory")
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{path}: file too large ({size:,} bytes; limit {max_bytes:,}, see --max-bytes)"
            )
        with open(p, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        hint = " (for a URL, start it with http:// or https://)" if _LOOKS_LIKE_HOST.match(path) else ""
        raise InputError(f"{path}: no such file{hint}") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(f"{path}: file too large (limit {max_bytes:,} bytes, see --max-bytes)")
    return data


GZIP_MAGIC = b"\x1f\x8b"


def gunzip_capped(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The article inside a gzip file (``page.html.gz``, as crawlers save pages), decompressed
    incrementally under ``max_bytes`` so a gzip bomb stops at the limit; other data unchanged."""
    if not data.startswith(GZIP_MAGIC):
        return data
    import zlib

    out = bytearray()
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        rest = data
        while rest:
            out += d.decompress(rest, max_bytes + 1 - len(out))
            if len(out) > max_bytes:
                raise InputError(f"{name}: too large after decompression (limit {max_bytes:,} bytes, see --max-bytes)")
            rest = d.unconsumed_tail
            if d.eof:
                if d.unused_data.startswith(GZIP_MAGIC):  # concatenated members (gzip -c a b > c)
                    rest, d = d.unused_data, zlib.decompressobj(16 + zlib.MAX_WBITS)
                    continue
                break
    except zlib.error as exc:
        raise InputError(f"{name}: corrupt gzip data ({exc})") from None
    if not d.eof:
        raise InputError(f"{name}: truncated gzip data")
    return bytes(out)


def read_stdin(max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        data = (sys.stdin.read() if sys.stdin else "").encode("utf-8")
    else:
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"-: standard input too large (limit {max_bytes:,} bytes, see --max-bytes)")
    return data


def load_source(spec: str, max_bytes: int = DEFAULT_MAX_BYTES, fetch_limits: Any = None) -> Source:
    """Load one input given as a path, ``-`` or an http(s) URL."""
    from newsparse.inputs.fetch import FetchLimits, fetch, is_url

    if spec == "-":
        return Source(name="-", data=gunzip_capped(read_stdin(max_bytes), "-", max_bytes))
    if is_url(spec):
        limits = fetch_limits or FetchLimits(max_bytes=max_bytes)
        fetched = fetch(spec, limits)
        ctype = "text" if fetched.content_type == "text/plain" else "html"
        return Source(name=spec, data=fetched.data, content_type=ctype, url=fetched.url, charset=fetched.charset)
    if "://" in spec[:12] and not os.path.exists(spec):
        raise InputError(f"{spec}: unsupported URL scheme (only http and https are fetched)")
    return Source(name=spec, data=gunzip_capped(read_file(spec, max_bytes), spec, max_bytes))
