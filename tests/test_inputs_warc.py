"""WARC archives written by the test: each HTML response record is an article keyed by its target URI."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from newsparse.inputs.warc import iter_warc
from tests.test_batch_cli import article_html, comparable, records, run_cli

warcio = pytest.importorskip("warcio")


def write_warc(path: Path, n: int, gz: bool = True) -> list[str]:
    """``n`` HTML responses plus records that must be skipped: a request, a PNG, a 404, a redirect."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    uris = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)

        def response(uri: str, status: str, ctype: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))

        for i in range(n):
            uri = f"https://paper.example.com/city/{i}.html"
            writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            response(uri, "200 OK", "text/html; charset=utf-8", article_html(i).encode("utf-8"))
            uris.append(uri)
        response("https://paper.example.com/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n")
        response("https://paper.example.com/gone.html", "404 Not Found", "text/html", b"<html><body>gone</body></html>")
        response("https://paper.example.com/old.html", "301 Moved Permanently", "text/html", b"<html></html>")
    return uris


@pytest.mark.parametrize("gz", [True, False])
def test_warc_html_responses_are_articles(tmp_path: Path, gz: bool) -> None:
    warc = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    uris = write_warc(warc, 4, gz=gz)
    items = list(iter_warc(str(warc)))
    assert [i.name for i in items] == uris
    res = run_cli(str(warc), "--jobs", "2")
    assert res.returncode == 0, res.stderr
    recs = comparable(records(res.stdout))
    assert [r["input"] for r in recs] == uris
    for r in recs:
        assert r["url"] == r["input"] and r["warc"] == str(warc) and r["warc_date"]
        assert r["metadata"]["title"].startswith("Council Debates")
        assert len(r["quotes"]) == 2


def test_warc_in_a_folder_with_glob_and_a_damaged_archive(tmp_path: Path) -> None:
    folder = tmp_path / "crawls"
    folder.mkdir()
    write_warc(folder / "one.warc.gz", 2)
    good = (folder / "one.warc.gz").read_bytes()
    for k, frac in enumerate((0.3, 0.5, 0.6)):  # cut inside a payload, inside headers, ...
        (folder / f"cut{k}.warc.gz").write_bytes(good[: int(len(good) * frac)])
    res = run_cli(str(folder), "--glob", "*.warc.gz", "--jobs", "2")
    assert res.returncode == 1
    recs = records(res.stdout)
    errors = [r for r in recs if "error" in r]
    assert len(errors) == 3
    assert all("damaged archive" in e["error"]["message"] and "cut" in e["error"]["message"] for e in errors)
    assert {r["input"] for r in recs if "error" not in r} >= {f"https://paper.example.com/city/{i}.html" for i in (0, 1)}
