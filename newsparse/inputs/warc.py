"""WARC / WARC.gz archives (warcio): each HTML response record is one article, keyed by its target URI."""
from __future__ import annotations

import os
import sys
from typing import Iterator, Optional

from newsparse.errors import InputError
from newsparse.inputs.expand import InputItem
from newsparse.inputs.sources import DEFAULT_MAX_BYTES, Source

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _content_type(value: Optional[str]) -> tuple[str, Optional[str]]:
    """``text/html; charset=UTF-8`` -> (``text/html``, ``UTF-8``)."""
    if not value:
        return "", None
    parts = [p.strip() for p in value.split(";")]
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip().strip("\"'") or None
    return parts[0].lower(), charset


def iter_warc(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[InputItem]:
    """Article inputs of an archive, streamed; request, metadata, non-HTML and non-2xx records are skipped.

    A record larger than ``max_bytes`` becomes an error input; a damaged archive
    ends with one error input naming it (the records before the damage still count).
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        fh = sys.stdin.buffer if path == "-" else open(path, "rb")
    except OSError as exc:
        yield InputItem(path, error=InputError(f"{path}: cannot read ({exc.strerror or exc})"))
        return
    try:
        archive = ArchiveIterator(fh, arc2warc=True)
        for record in archive:
            if record.rec_type not in ("response", "resource"):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"{path}@{record.rec_headers.get_header('WARC-Record-ID')}"
            if record.rec_type == "response":
                if record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode() or ""
                if not status.startswith("2"):
                    continue
                ctype, charset = _content_type(record.http_headers.get_header("Content-Type"))
            else:
                ctype, charset = _content_type(record.rec_headers.get_header("Content-Type"))
            if ctype not in HTML_TYPES:
                continue
            data = record.content_stream().read(max_bytes + 1)
            if len(data) > max_bytes:
                yield InputItem(uri, error=InputError(f"{uri}: record too large (limit {max_bytes:,} bytes, see --max-bytes)"))
                continue
            if getattr(record.raw_stream, "limit", 0):  # the archive ends inside this record
                yield InputItem(uri, error=InputError(f"{path}: damaged archive (record for {uri} is truncated)"))
                return
            extra = {"url": uri, "warc": path}
            date = record.rec_headers.get_header("WARC-Date")
            if date:
                extra["warc_date"] = date
            source = Source(name=uri, data=data, content_type="html", url=uri, charset=charset, extra=extra)
            yield InputItem(uri, source=source, max_bytes=max_bytes)
        if path != "-" and archive.offset < os.fstat(fh.fileno()).st_size:
            yield InputItem(path, error=InputError(f"{path}: damaged archive (unreadable data at byte {archive.offset:,})"))
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError) as exc:  # AttributeError: warcio on torn headers
        yield InputItem(path, error=InputError(f"{path}: damaged or unreadable archive ({exc})"))
    finally:
        if path != "-":
            fh.close()
