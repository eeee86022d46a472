"""Fetching http(s) URLs safely: timeout, overall deadline, size cap, limited redirects.

Hostile servers are the norm in a crawl, so every way a download can go wrong ends in a
one-line :class:`FetchError` within bounded time and memory:

* only http and https, for the first URL and for every redirect (never file://, ftp://...);
* a per-operation socket timeout *and* an overall deadline enforced by a watchdog that
  shuts the socket down, so a server trickling a byte a second cannot hold us forever;
* the body is streamed and capped (after decompression: a gzip bomb stops at the cap);
* redirects are counted (loops stop) and their bodies are never read.
"""
from __future__ import annotations

import http.client
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass
from typing import Optional

from newsparse import __version__
from newsparse import limits as L
from newsparse.errors import FetchError

USER_AGENT = f"Mozilla/5.0 (compatible; newsparse/{__version__}; +https://pypi.org/project/newsparse/)"
ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
_CHUNK = 65536


@dataclass
class FetchLimits:
    """Bounds on one fetch; defaults in :mod:`newsparse.limits`, documented in docs/limits.md."""

    timeout: float = L.FETCH_TIMEOUT  # seconds per socket operation
    deadline: float = L.FETCH_DEADLINE  # seconds for the whole download
    max_bytes: int = L.MAX_INPUT_BYTES  # body size, after decompression
    max_redirects: int = L.MAX_REDIRECTS


@dataclass
class Fetched:
    url: str  # final URL after redirects
    data: bytes
    content_type: str
    charset: Optional[str]


class _Deadline:
    """A watchdog: when the deadline passes, shut down every socket of this fetch."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def start(self) -> None:
        self._timer.start()

    def cancel(self) -> None:
        self._timer.cancel()

    def track(self, sock: Optional[socket.socket]) -> None:
        if sock is None:
            return
        with self._lock:
            self._socks.append(sock)
            expired = self.expired
        if expired:
            _shutdown(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            socks = list(self._socks)
        for sock in socks:
            _shutdown(sock)


def _shutdown(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def _tracked(base: type, deadline: _Deadline) -> type:
    """An http.client connection class whose sockets the watchdog can shut down."""

    class Tracked(base):  # type: ignore[misc, valid-type]
        def connect(self) -> None:
            super().connect()
            deadline.track(self.sock)

    return Tracked


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._conn = _tracked(http.client.HTTPConnection, deadline)

    def http_open(self, req):  # noqa: ANN001, ANN201
        return self.do_open(self._conn, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._conn = _tracked(http.client.HTTPSConnection, deadline)

    def https_open(self, req):  # noqa: ANN001, ANN201
        return self.do_open(self._conn, req, context=self._context)


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow at most ``limit`` redirects, only to http(s), never reading a redirect's body."""

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def http_error_302(self, req, fp, code, msg, headers):  # noqa: ANN001, ANN201
        location = headers.get("location") or headers.get("uri")
        if not location:
            return None
        newurl = urllib.parse.urljoin(req.full_url, location.strip())
        scheme = urllib.parse.urlsplit(newurl).scheme.lower()
        fp.close()
        if scheme not in L.ALLOWED_SCHEMES:
            raise FetchError(f"redirect to a non-http(s) URL refused ({scheme or 'no scheme'}: {_short(newurl)})")
        visited = getattr(req, "redirect_dict", {})
        if len(visited) >= self.limit or visited.get(newurl, 0) >= 1:
            loop = " (a redirect loop)" if newurl in visited or newurl == req.full_url else ""
            raise FetchError(f"too many redirects{loop}; limit {self.limit}")
        new = self.redirect_request(req, fp, code, msg, headers, newurl)
        if new is None:
            return None
        new.redirect_dict = dict(visited)
        new.redirect_dict[newurl] = new.redirect_dict.get(newurl, 0) + 1
        return self.parent.open(new, timeout=req.timeout)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _short(url: str, n: int = 80) -> str:
    return url if len(url) <= n else url[: n - 1] + "…"


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def check_url(url: str) -> None:
    """Refuse anything that is not a well-formed http(s) URL with a host."""
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise FetchError(f"{_short(url)}: invalid URL ({exc})") from None
    if parts.scheme.lower() not in L.ALLOWED_SCHEMES:
        raise FetchError(f"{_short(url)}: only http(s) URLs are fetched")
    if not host:
        raise FetchError(f"{_short(url)}: invalid URL (no host)")
    if any(c.isspace() for c in url) or any(ord(c) < 32 for c in url):
        raise FetchError(f"{_short(url)}: invalid URL (contains spaces or control characters)")


def _opener(limits: FetchLimits, deadline: _Deadline) -> urllib.request.OpenerDirector:
    """Only the handlers we need: proxies from the environment, http, https, our redirects."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        _HTTPHandler(deadline),
        _HTTPSHandler(deadline),
        urllib.request.HTTPDefaultErrorHandler(),
        _Redirects(limits.max_redirects),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def fetch(url: str, limits: Optional[FetchLimits] = None) -> Fetched:
    """Download one page. Every failure is a one-line :class:`FetchError` naming the URL."""
    limits = limits or FetchLimits()
    check_url(url)
    deadline = _Deadline(limits.deadline)
    deadline.start()
    try:
        return _fetch(url, limits, deadline)
    except FetchError as exc:
        if deadline.expired:
            raise FetchError(f"{_short(url)}: download took longer than {limits.deadline:g}s (deadline)") from None
        if not str(exc).startswith(_short(url)):
            raise FetchError(f"{_short(url)}: {exc}") from None
        raise
    finally:
        deadline.cancel()


def _fetch(url: str, limits: FetchLimits, deadline: _Deadline) -> Fetched:
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
        response = _opener(limits, deadline).open(request, timeout=limits.timeout)
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        exc.close()
        raise FetchError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise _connect_error(url, exc.reason, limits) from None
    except (socket.timeout, TimeoutError):
        raise FetchError(f"timed out after {limits.timeout:g}s") from None
    except http.client.HTTPException as exc:
        raise FetchError(f"bad HTTP response ({type(exc).__name__})") from None
    except (ValueError, OSError) as exc:
        raise FetchError(f"cannot fetch ({exc})") from None
    with response:
        content_type = response.headers.get_content_type()
        charset = response.headers.get_content_charset()
        if content_type not in ACCEPTED_TYPES:
            raise FetchError(f"not an HTML or text page (Content-Type: {content_type})")
        length = response.headers.get("Content-Length")
        encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
        if length and length.strip().isdigit() and encoding in ("", "identity") and int(length) > limits.max_bytes:
            raise FetchError(f"page too large ({int(length):,} bytes; limit {limits.max_bytes:,}, see --max-bytes)")
        data = _read_body(response, encoding, limits, started)
        if deadline.expired:  # the watchdog cut the connection: the body is incomplete
            raise FetchError(f"download took longer than {limits.deadline:g}s (deadline)")
        return Fetched(response.geturl(), data, content_type, charset)


def _connect_error(url: str, reason: object, limits: FetchLimits) -> FetchError:
    if isinstance(reason, FetchError):
        return reason
    if isinstance(reason, socket.gaierror):
        host = urllib.parse.urlsplit(url).hostname
        return FetchError(f"cannot resolve host {host!r} (DNS failure)")
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return FetchError(f"timed out after {limits.timeout:g}s")
    if isinstance(reason, ConnectionRefusedError):
        return FetchError("connection refused")
    if isinstance(reason, OSError):
        return FetchError(f"cannot connect ({reason.strerror or reason})")
    return FetchError(f"cannot connect ({reason})")


def _read_body(response: http.client.HTTPResponse, encoding: str, limits: FetchLimits, started: float) -> bytes:
    """Stream the body with ``read1`` (returns what has arrived), decompressing under the cap."""
    decompressor = None
    if encoding in ("gzip", "x-gzip"):
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        decompressor = zlib.decompressobj()
    elif encoding not in ("", "identity"):
        raise FetchError(f"unsupported Content-Encoding {encoding!r}")
    chunks: list[bytes] = []
    size = 0
    read = getattr(response, "read1", response.read)
    try:
        while True:
            if time.monotonic() - started > limits.deadline:
                raise FetchError(f"download took longer than {limits.deadline:g}s (deadline)")
            chunk = read(_CHUNK)
            if not chunk:
                if (getattr(response, "length", None) or 0) > 0:  # fewer bytes than Content-Length
                    raise http.client.IncompleteRead(b"")
                break
            if decompressor is not None:
                chunk = decompressor.decompress(chunk, limits.max_bytes + 1 - size)
                if decompressor.unconsumed_tail:
                    raise FetchError(f"page too large after decompression (limit {limits.max_bytes:,} bytes)")
            size += len(chunk)
            if size > limits.max_bytes:
                what = "after decompression " if decompressor is not None else ""
                raise FetchError(f"page too large {what}(limit {limits.max_bytes:,} bytes, see --max-bytes)")
            chunks.append(chunk)
    except (socket.timeout, TimeoutError):
        raise FetchError(f"timed out after {limits.timeout:g}s while reading") from None
    except zlib.error as exc:
        raise FetchError(f"corrupt compressed body ({exc})") from None
    except http.client.IncompleteRead:
        raise FetchError("connection closed before the whole page arrived") from None
    except (http.client.HTTPException, OSError, ValueError) as exc:
        raise FetchError(f"connection failed while reading ({type(exc).__name__})") from None
    return b"".join(chunks)
