"""JSON Lines of articles: lazily read, extra fields carried through, a malformed line is one error record."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from newsparse.inputs.expand import expand_inputs
from newsparse.inputs.jsonl import iter_jsonl
from tests.test_batch_cli import article_html, article_text, comparable, records, run_cli


def write_jsonl(path: Path, n: int, malformed_at: int | None = None) -> None:
    lines = []
    for i in range(n):
        if i == malformed_at:
            lines.append('{"id": "broken", "text": "no closing brace"')
            continue
        art = {"id": f"art-{i}", "url": f"https://news.example.org/{i}", "section": "city", "tags": ["council", i]}
        art["html" if i % 2 else "text"] = article_html(i) if i % 2 else article_text(i)
        lines.append(json.dumps(art))
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines[:2]) + "\n\n" + "\n".join(lines[2:]) + "\n")  # a blank line is skipped


def test_malformed_line_is_an_error_record_and_the_rest_are_processed(tmp_path: Path) -> None:
    src = tmp_path / "articles.jsonl"
    write_jsonl(src, 6, malformed_at=3)
    res = run_cli(str(src), "--jobs", "2")
    assert res.returncode == 1
    recs = comparable(records(res.stdout))
    assert [r["index"] for r in recs] == list(range(6))
    bad = [r for r in recs if "error" in r]
    assert len(bad) == 1
    assert bad[0]["input"] == f"{src}:5"  # line 5: line 3 is blank
    assert "malformed JSON" in bad[0]["error"]["message"] and f"{src}:5" in res.stderr
    good = [r for r in recs if "error" not in r]
    assert [r["input"] for r in good] == [f"{src}#art-{i}" for i in (0, 1, 2, 4, 5)]
    for r in good:
        i = int(r["id"].split("-")[1])
        assert r["url"] == f"https://news.example.org/{i}"
        assert r["section"] == "city" and r["tags"] == ["council", i]
        assert r["quotes"], r["input"]
        assert "html" not in r


def test_gzip_jsonl_and_input_format_from_stdin(tmp_path: Path) -> None:
    plain, packed = tmp_path / "a.jsonl", tmp_path / "a.jsonl.gz"
    write_jsonl(plain, 3)
    write_jsonl(packed, 3)
    a = comparable(records(run_cli(str(packed), "--jobs", "1").stdout))
    b = comparable(records(run_cli("-", "--input-format", "jsonl", "--jobs", "1", stdin=plain.read_text()).stdout))
    assert len(a) == len(b) == 3
    for x, y in zip(a, b):
        assert x["input"].split("#")[1] == y["input"].split("#")[1]
        assert x["text"] == y["text"] and x["quotes"] == y["quotes"]


def test_lines_that_are_not_articles(tmp_path: Path) -> None:
    src = tmp_path / "odd.jsonl"
    src.write_text('[1, 2]\n{"id": 7, "title": "no body"}\n{"text": "A plain line about the council."}\n')
    items = list(iter_jsonl(str(src)))
    assert [i.name for i in items] == [f"{src}:1", f"{src}#7", f"{src}:3"]
    assert "expected a JSON object" in str(items[0].error)
    assert "no \"html\" or \"text\"" in str(items[1].error)
    assert items[2].error is None and items[2].load().text.startswith("A plain line")


def test_reading_is_lazy(tmp_path: Path) -> None:
    src = tmp_path / "big.jsonl"
    write_jsonl(src, 50)
    stream = expand_inputs([str(src)])
    first = next(stream)
    assert first.name.endswith("#art-0")  # the rest is not read yet: a generator, one line at a time
    assert sum(1 for _ in stream) == 49


def test_over_long_line_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    src = tmp_path / "long.jsonl"
    src.write_text(json.dumps({"id": "big", "text": "word " * 5000}) + "\n" + json.dumps({"id": "ok", "text": article_text(1)}) + "\n")
    items = list(iter_jsonl(str(src), max_bytes=1000))
    assert "line too large" in str(items[0].error)
    assert items[1].name.endswith("#ok") and items[1].error is None
