"""A local HTTP server on 127.0.0.1 with one route per way a web server can misbehave.

Used by tests/test_urls.py (and anyone else who needs a hostile server): start it with
``with serve() as base:`` and fetch ``base + "/404"`` etc. Nothing leaves the machine.
"""
from __future__ import annotations

import gzip
import threading
import time
import zlib
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

ARTICLE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Harbour bridge reopens after repairs</title></head>
<body><article>
<h1>Harbour bridge reopens after repairs</h1>
<p>The old harbour bridge reopened to traffic on Monday after eight months of repairs to its steel deck.</p>
<p>"We finished two weeks early and under budget," said Maria Okafor, the city's chief engineer.</p>
<p>Local shop owners said the closure had cut their trade by almost a third during the summer.</p>
<p>"People can finally walk to the market again," said Tomas Lindqvist, who runs a bakery near the bridge.</p>
</article></body></html>
"""

ARTICLE_TEXT = (
    "Harbour bridge reopens after repairs\n\n"
    "The old harbour bridge reopened to traffic on Monday after eight months of repairs.\n\n"
    "\u201cWe finished two weeks early,\u201d said Maria Okafor, the city's chief engineer.\n"
)

#: Bytes a "huge" route would send in total if nobody stopped it (2 GB; it is streamed, never built).
HUGE_TOTAL = 2 * 1024**3


def _gzip_bomb(size: int = 64 * 1024**2) -> bytes:
    """``size`` bytes of spaces in HTML, gzip-compressed (about 1000:1), built in chunks."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    out = [comp.compress(b"<html><body><p>")]
    block = b" " * (1024**2)
    for _ in range(size // len(block)):
        out.append(comp.compress(block))
    out.append(comp.compress(b"</p></body></html>"))
    out.append(comp.flush())
    return b"".join(out)


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _send(self, code: int, body: bytes, ctype: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str, code: int = 302) -> None:
        self.send_response(code)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.send_header("Connection", "close")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: C901 - one branch per route is the point
        path = self.path.split("?")[0]
        stop = self.server.stop
        self.server.hits.append(path)
        if path == "/article":
            self._send(200, ARTICLE_HTML.encode("utf-8"))
        elif path == "/article.txt":
            self._send(200, ARTICLE_TEXT.encode("utf-8"), "text/plain; charset=utf-8")
        elif path == "/latin1":
            body = ARTICLE_HTML.replace('<meta charset="utf-8">', "").replace("Okafor", "Oka\u00e9for")
            self._send(200, body.encode("latin-1"), "text/html; charset=iso-8859-1")
        elif path == "/gzip":
            self._send(200, gzip.compress(ARTICLE_HTML.encode("utf-8")), Content_Encoding="gzip")
        elif path == "/404":
            self._send(404, b"<html><body><p>Not here</p></body></html>")
        elif path == "/500":
            self._send(500, b"<html><body><p>Broken</p></body></html>")
        elif path == "/hang":  # accept, read the request, never answer
            stop.wait(60)
        elif path == "/hang-body":  # headers, then silence
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.flush()
            stop.wait(60)
        elif path == "/trickle":  # one byte a second, forever (well, a long time)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"<html><body><p>")
            self.wfile.flush()
            for _ in range(100000):
                if stop.wait(1.0):
                    break
                try:
                    self.wfile.write(b"a")
                    self.wfile.flush()
                except OSError:
                    break
        elif path == "/trickle-headers":  # the status line and headers, a byte a second
            for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"x" * 10000:
                if stop.wait(1.0):
                    break
                try:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                except OSError:
                    break
            self.close_connection = True
        elif path.startswith("/loop"):  # /loop -> /loop2 -> /loop -> ...
            self._redirect("/loop2" if path == "/loop" else "/loop")
        elif path.startswith("/chain/"):  # /chain/N redirects N times, then the article
            n = int(path.rsplit("/", 1)[1])
            self._redirect(f"/chain/{n - 1}" if n > 0 else "/article")
        elif path == "/to-file":
            self._redirect("file:///etc/passwd")
        elif path == "/to-ftp":
            self._redirect("ftp://127.0.0.1/article.html")
        elif path == "/to-article":
            self._redirect("/article", 301)
        elif path == "/huge":  # 2 GB, no Content-Length, streamed until the client hangs up
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            block = b"<p>" + b"x" * 65530 + b"</p>"
            sent = 0
            while sent < HUGE_TOTAL and not stop.is_set():
                try:
                    self.wfile.write(block)
                except OSError:
                    break
                sent += len(block)
            self.server.huge_sent.append(sent)
        elif path == "/huge-declared":  # honest Content-Length of 2 GB
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(HUGE_TOTAL))
            self.end_headers()
        elif path == "/gzip-bomb":
            self._send(200, self.server.bomb(), Content_Encoding="gzip")
        elif path == "/bad-gzip":
            self._send(200, b"\x1f\x8b\x08\x00this is not gzip at all", Content_Encoding="gzip")
        elif path == "/pdf":
            self._send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "application/pdf")
        elif path == "/json":
            self._send(200, b'{"title": "not a page"}', "application/json")
        elif path == "/png-as-html":  # lies about its type
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "text/html")
        elif path == "/empty":
            self._send(200, b"", "text/html")
        elif path == "/truncated":  # promises more than it sends
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "5000")
            self.end_headers()
            self.wfile.write(b"<html><body><p>short</p>")
            self.wfile.flush()
            self.close_connection = True
        else:
            self._send(404, b"no such route")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.stop = threading.Event()
        self.hits: list[str] = []
        self.huge_sent: list[int] = []
        self._bomb: bytes | None = None
        self._bomb_lock = threading.Lock()

    def bomb(self) -> bytes:
        with self._bomb_lock:
            if self._bomb is None:
                self._bomb = _gzip_bomb()
            return self._bomb


@contextmanager
def serve() -> Iterator["RunningServer"]:
    """Start the server in a thread; yields an object with ``.url(path)`` and the server."""
    server = _Server()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield RunningServer(server)
    finally:
        server.stop.set()
        server.shutdown()
        server.server_close()


class RunningServer:
    def __init__(self, server: _Server) -> None:
        self.server = server
        host, port = server.server_address[:2]
        self.base = f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path


if __name__ == "__main__":  # manual poking: python -m tests.http_server
    with serve() as s:
        print(s.base, flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
