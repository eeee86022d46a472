"""URL inputs against a hostile local server: every failure is one line, bounded, and batches go on."""
from __future__ import annotations

import json
import os
import subprocess
import time

import pytest

from newsparse.errors import FetchError, NewsparseError
from newsparse.inputs.fetch import FetchLimits, check_url, fetch
from newsparse.inputs.sources import load_source
from tests.conftest import NEWSPARSE, cli_env
from tests.http_server import serve

FAST = FetchLimits(timeout=1.0, deadline=3.0, max_bytes=1_000_000, max_redirects=5)


@pytest.fixture(scope="module", autouse=True)
def _no_proxy_for_loopback():
    """A proxy from the environment must not swallow requests to the local test server."""
    saved = {k: os.environ.get(k) for k in ("no_proxy", "NO_PROXY")}
    for k in saved:
        os.environ[k] = ",".join(filter(None, [saved[k], "127.0.0.1", "localhost", ".invalid"]))
    yield
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="module")
def server():
    with serve() as s:
        yield s


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([*NEWSPARSE, "analyze", *args], capture_output=True, text=True, env=cli_env(), timeout=timeout)


def one_error_line(stderr: str) -> str:
    """The stderr of a failed single input: exactly one line, no traceback."""
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert "Traceback" not in stderr
    assert len(lines) == 1, stderr
    assert lines[0].startswith("newsparse: error: ")
    return lines[0]


# ---------------------------------------------------------------- what works


def test_fetch_html_article(server):
    got = fetch(server.url("/article"), FAST)
    assert got.content_type == "text/html"
    assert b"harbour bridge" in got.data


def test_fetch_follows_a_redirect_and_reports_final_url(server):
    got = fetch(server.url("/to-article"), FAST)
    assert got.url.endswith("/article")


def test_fetch_gzip_body_is_decompressed(server):
    assert b"Maria Okafor" in fetch(server.url("/gzip"), FAST).data


def test_declared_charset_is_honoured(server):
    src = load_source(server.url("/latin1"), fetch_limits=FAST)
    assert src.charset == "iso-8859-1"
    assert "Oka\u00e9for" in src.to_document().raw


def test_cli_analyzes_a_url(server):
    proc = run_cli(server.url("/article"), "-f", "json")
    assert proc.returncode == 0, proc.stderr
    rec = json.loads(proc.stdout)
    assert rec["input"] == server.url("/article")
    assert "harbour bridge" in rec["text"]


def test_redirects_up_to_the_limit_are_followed(server):
    assert fetch(server.url("/chain/3"), FAST).url.endswith("/article")


# ---------------------------------------------------------------- what fails, and how


@pytest.mark.parametrize(
    "path, message",
    [
        ("/404", "HTTP 404"),
        ("/500", "HTTP 500"),
        ("/loop", "too many redirects (a redirect loop)"),
        ("/chain/9", "too many redirects; limit 5"),
        ("/to-file", "redirect to a non-http(s) URL refused (file:"),
        ("/to-ftp", "redirect to a non-http(s) URL refused (ftp:"),
        ("/pdf", "not an HTML or text page (Content-Type: application/pdf)"),
        ("/json", "not an HTML or text page (Content-Type: application/json)"),
        ("/huge-declared", "page too large (2,147,483,648 bytes; limit 1,000,000"),
        ("/huge", "page too large (limit 1,000,000 bytes"),
        ("/gzip-bomb", "page too large after decompression (limit 1,000,000 bytes)"),
        ("/bad-gzip", "corrupt compressed body"),
        ("/truncated", "connection closed before the whole page arrived"),
        ("/hang", "timed out after 1s"),
        ("/hang-body", "timed out after 1s while reading"),
        ("/trickle", "download took longer than 3s (deadline)"),
        ("/trickle-headers", "download took longer than 3s (deadline)"),
    ],
)
def test_fetch_failures_are_one_line_fetch_errors(server, path, message):
    url = server.url(path)
    # the trickle sends a byte a second: a per-read timeout longer than that never fires; the deadline does
    slow = path.startswith("/trickle")
    limits = FetchLimits(timeout=5.0, deadline=3.0, max_bytes=FAST.max_bytes) if slow else FAST
    with pytest.raises(FetchError) as info:
        fetch(url, limits)
    text = str(info.value)
    assert text.startswith(url + ": ")
    assert message in text
    assert "\n" not in text


def test_huge_body_is_stopped_early_not_downloaded(server):
    server.server.huge_sent.clear()
    with pytest.raises(FetchError):
        fetch(server.url("/huge"), FAST)
    # the server notices the hang-up after a few more socket buffers; never near 2 GB
    for _ in range(50):
        if server.server.huge_sent:
            break
        time.sleep(0.1)
    assert server.server.huge_sent and server.server.huge_sent[0] < 100_000_000


def test_redirect_to_file_scheme_never_reads_the_file(server):
    with pytest.raises(FetchError) as info:
        fetch(server.url("/to-file"), FAST)
    assert "root:" not in str(info.value)


@pytest.mark.parametrize(
    "url, message",
    [
        ("file:///etc/passwd", "only http(s) URLs are fetched"),
        ("ftp://127.0.0.1/x.html", "only http(s) URLs are fetched"),
        ("http://", "invalid URL (no host)"),
        ("http://[::1", "invalid URL"),
        ("http://127.0.0.1:99999/", "invalid URL"),
        ("http://exa mple.com/", "invalid URL"),
    ],
)
def test_invalid_urls(url, message):
    with pytest.raises(FetchError) as info:
        check_url(url)
    assert message in str(info.value)


def test_dns_failure_on_reserved_invalid_host():
    with pytest.raises(FetchError) as info:
        fetch("http://newsparse-test.invalid/article", FAST)
    msg = str(info.value)
    # with no resolver at all some systems report a connect error instead; both are one line
    assert "cannot resolve host 'newsparse-test.invalid' (DNS failure)" in msg or "cannot connect" in msg


def test_connection_refused():
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    with pytest.raises(FetchError) as info:
        fetch(f"http://127.0.0.1:{port}/", FAST)
    assert "connection refused" in str(info.value) or "cannot connect" in str(info.value)


def test_a_lying_content_type_is_caught_by_sniffing(server):
    src = load_source(server.url("/png-as-html"), fetch_limits=FAST)
    with pytest.raises(NewsparseError) as info:
        src.to_document()
    assert "looks like a PNG image" in str(info.value)


def test_empty_page_is_an_input_error(server):
    src = load_source(server.url("/empty"), fetch_limits=FAST)
    with pytest.raises(NewsparseError) as info:
        src.to_document()
    assert "empty input" in str(info.value)


# ---------------------------------------------------------------- through the CLI


@pytest.mark.parametrize(
    "path, message",
    [
        ("/404", "HTTP 404 Not Found"),
        ("/pdf", "not an HTML or text page"),
        ("/loop", "too many redirects"),
        ("/to-file", "redirect to a non-http(s) URL refused"),
        ("/hang", "timed out after 1s"),
    ],
)
def test_cli_url_error_is_one_line_exit_3(server, path, message):
    proc = run_cli(server.url(path), "--timeout", "1", "-f", "json")
    assert proc.returncode == 3
    line = one_error_line(proc.stderr)
    assert server.url(path) in line and message in line


def test_cli_max_bytes_caps_a_url(server):
    proc = run_cli(server.url("/huge"), "--max-bytes", "200000", "-f", "json")
    assert proc.returncode == 3
    assert "page too large (limit 200,000 bytes" in one_error_line(proc.stderr)


def test_cli_gzip_bomb_is_capped(server):
    proc = run_cli(server.url("/gzip-bomb"), "--max-bytes", "1000000", "-f", "json")
    assert proc.returncode == 3
    assert "after decompression" in one_error_line(proc.stderr)


def test_cli_non_http_scheme_refused():
    proc = run_cli("file:///etc/passwd", "-f", "json")
    assert proc.returncode == 3
    line = one_error_line(proc.stderr)
    assert "only http and https" in line or "only http(s)" in line
    assert "root:" not in proc.stdout


def test_cli_batch_of_urls_keeps_going(server):
    good, bad, worse = server.url("/article"), server.url("/404"), server.url("/pdf")
    proc = run_cli(bad, good, worse, server.url("/article.txt"), "--timeout", "1", "-f", "jsonl")
    assert proc.returncode == 1, proc.stderr
    records = sorted((json.loads(line) for line in proc.stdout.splitlines()), key=lambda r: r["index"])
    assert [r["input"] for r in records] == [bad, good, worse, server.url("/article.txt")]
    assert [("error" in r) for r in records] == [True, False, True, False]
    assert records[0]["error"]["type"] == "fetch_error"
    assert "harbour bridge" in records[1]["text"]
    errors = [ln for ln in proc.stderr.splitlines() if "error:" in ln]
    assert len(errors) == 2 and "Traceback" not in proc.stderr
