"""Fetching http(s) URLs safely: timeout, overall deadline, size cap, limited redirects."""
from __future__ import annotations

import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass
from typing import Optional

from newsparse import __version__
from newsparse.errors import FetchError

USER_AGENT = f"Mozilla/5.0 (compatible; newsparse/{__version__}; +https://pypi.org/project/newsparse/)"
ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")


@dataclass
class FetchLimits:
    """Bounds on one fetch; all documented in docs/limits.md."""

    timeout: float = 15.0  # seconds per socket operation
    deadline: float = 60.0  # seconds for the whole download
    max_bytes: int = 20_000_000  # body size, after decompression
    max_redirects: int = 5


@dataclass
class Fetched:
    url: str  # final URL after redirects
    data: bytes
    content_type: str
    charset: Optional[str]


class _Redirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, limit: int) -> None:
        self.max_redirections = limit
        self.max_repeats = 2

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001
        scheme = urllib.parse.urlsplit(newurl).scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(f"{req.full_url}: redirect to a non-http(s) URL refused ({scheme}:)")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def check_url(url: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"{url}: only http(s) URLs are fetched")
    if not parts.hostname:
        raise FetchError(f"{url}: invalid URL (no host)")


def fetch(url: str, limits: Optional[FetchLimits] = None) -> Fetched:
    """Download one page. Every failure is a one-line :class:`FetchError`."""
    limits = limits or FetchLimits()
    try:
        check_url(url)
    except ValueError as exc:
        raise FetchError(f"{url}: invalid URL ({exc})") from None
    opener = urllib.request.build_opener(_Redirects(limits.max_redirects))
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        },
    )
    started = time.monotonic()
    try:
        response = opener.open(request, timeout=limits.timeout)
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            raise FetchError(f"{url}: too many redirects (more than {limits.max_redirects}) or a redirect loop") from None
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, socket.gaierror):
            host = urllib.parse.urlsplit(url).hostname
            raise FetchError(f"{url}: cannot resolve host {host!r} (DNS failure)") from None
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise FetchError(f"{url}: timed out after {limits.timeout:g}s") from None
        raise FetchError(f"{url}: cannot connect ({reason})") from None
    except (socket.timeout, TimeoutError):
        raise FetchError(f"{url}: timed out after {limits.timeout:g}s") from None
    except (ValueError, OSError) as exc:
        raise FetchError(f"{url}: {exc}") from None
    with response:
        content_type = response.headers.get_content_type()
        charset = response.headers.get_content_charset()
        if content_type not in ACCEPTED_TYPES:
            raise FetchError(f"{url}: not an HTML or text page (Content-Type: {content_type})")
        length = response.headers.get("Content-Length")
        encoding = (response.headers.get("Content-Encoding") or "").lower()
        if length and length.isdigit() and not encoding and int(length) > limits.max_bytes:
            raise FetchError(f"{url}: page too large ({int(length):,} bytes; limit {limits.max_bytes:,})")
        decompressor = None
        if encoding in ("gzip", "x-gzip"):
            decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            decompressor = zlib.decompressobj()
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                if time.monotonic() - started > limits.deadline:
                    raise FetchError(f"{url}: download took longer than {limits.deadline:g}s")
                chunk = response.read(65536)
                if not chunk:
                    break
                if decompressor is not None:
                    chunk = decompressor.decompress(chunk, limits.max_bytes + 1 - size)
                    if decompressor.unconsumed_tail:
                        raise FetchError(f"{url}: page too large after decompression (limit {limits.max_bytes:,} bytes)")
                size += len(chunk)
                if size > limits.max_bytes:
                    raise FetchError(f"{url}: page too large (limit {limits.max_bytes:,} bytes)")
                chunks.append(chunk)
        except (socket.timeout, TimeoutError):
            raise FetchError(f"{url}: timed out after {limits.timeout:g}s while reading") from None
        except zlib.error as exc:
            raise FetchError(f"{url}: corrupt compressed body ({exc})") from None
        except (OSError, ValueError) as exc:
            raise FetchError(f"{url}: connection failed while reading ({exc})") from None
        return Fetched(response.geturl(), b"".join(chunks), content_type, charset)
