"""Batch runs through the real CLI: folders, lists, globs, shards, errors, exit codes, --jobs."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import NEWSPARSE, cli_env

SPEAKERS = ["Maria Lopez", "Daniel Okafor", "Priya Raman", "Henrik Nilsson", "Grace Mwangi",
            "Tomas Novak", "Aiko Tanaka", "Samuel Adeyemi", "Lena Fischer", "Omar Haddad"]
TOPICS = ["the harbour bridge", "the school budget", "the new bus routes", "the river cleanup",
          "the library hours", "the stadium vote", "the water rates", "the park redesign"]


def article_text(i: int) -> str:
    """A small made-up article with two quoted speakers; varies with ``i``."""
    a, b = SPEAKERS[i % len(SPEAKERS)], SPEAKERS[(i * 3 + 1) % len(SPEAKERS)]
    topic = TOPICS[i % len(TOPICS)]
    return (
        f"Council Debates {topic.title()} (Part {i})\n\n"
        f"The town council met on Monday evening to discuss {topic}. "
        f"\"We have waited long enough for a decision on {topic},\" said {a}, who chairs the committee.\n\n"
        f"Not everyone agreed. \"The numbers for item {i} still do not add up,\" said {b}. "
        f"The Riverside Tenants Association asked for another public hearing.\n"
    )


def article_html(i: int) -> str:
    paras = article_text(i).split("\n\n")
    body = "".join(f"<p>{p.strip()}</p>" for p in paras[1:])
    return (f"<!DOCTYPE html><html><head><title>{paras[0]}</title></head><body>"
            f"<article><h1>{paras[0]}</h1>{body}</article></body></html>")


def make_corpus(root: Path, n: int, start: int = 0) -> list[Path]:
    """``n`` articles in two sub-folders, alternating .txt and .html."""
    paths = []
    for i in range(start, start + n):
        sub = root / ("day1" if i % 2 else "day2")
        sub.mkdir(parents=True, exist_ok=True)
        p = sub / (f"a{i:03d}.html" if i % 3 == 0 else f"a{i:03d}.txt")
        p.write_text(article_html(i) if p.suffix == ".html" else article_text(i), encoding="utf-8")
        paths.append(p)
    return paths


def run_cli(*args: str, stdin: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([*NEWSPARSE, "analyze", *args], input=stdin, capture_output=True, text=True,
                          env=cli_env(), timeout=timeout)


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def comparable(recs: list[dict]) -> list[dict]:
    """Records sorted by index, without timing fields (the only thing allowed to differ between runs)."""
    out = []
    for r in sorted(recs, key=lambda r: r["index"]):
        r = dict(r)
        r.pop("timings", None)
        out.append(r)
    return out


def test_folder_in_parallel_gives_every_input_once_with_index_and_input(tmp_path: Path) -> None:
    paths = make_corpus(tmp_path / "c", 12)
    two = run_cli(str(tmp_path / "c"), "--jobs", "2")
    assert two.returncode == 0, two.stderr
    recs = records(two.stdout)
    assert sorted(r["index"] for r in recs) == list(range(12))
    assert sorted(r["input"] for r in recs) == sorted(str(p) for p in paths)
    assert all("error" not in r and r["quotes"] for r in recs)
    assert two.stderr == ""  # not a TTY: no progress bar, nothing to report
    one = run_cli(str(tmp_path / "c"), "--jobs", "1")
    assert comparable(records(one.stdout)) == comparable(recs)


def test_bad_inputs_become_error_records_and_the_rest_go_on(tmp_path: Path) -> None:
    make_corpus(tmp_path / "c", 4)
    (tmp_path / "c" / "day1" / "empty.txt").write_text("   \n")
    (tmp_path / "c" / "day1" / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    res = run_cli(str(tmp_path / "c"), "--jobs", "2")
    assert res.returncode == 1
    recs = records(res.stdout)
    assert len(recs) == 6
    errors = {Path(r["input"]).name: r["error"] for r in recs if "error" in r}
    assert set(errors) == {"empty.txt", "dangling.txt"}
    assert all(e["type"] == "input_error" and e["message"] for e in errors.values())
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("newsparse: error: ") for line in lines)


def test_unreadable_file_in_a_folder(tmp_path: Path) -> None:
    make_corpus(tmp_path / "c", 3)
    locked = tmp_path / "c" / "day1" / "locked.txt"
    locked.write_text(article_text(99))
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running with privileges that ignore file permissions (root)")
        res = run_cli(str(tmp_path / "c"), "--jobs", "2")
    finally:
        locked.chmod(0o644)
    assert res.returncode == 1
    recs = records(res.stdout)
    assert len(recs) == 4
    (bad,) = [r for r in recs if "error" in r]
    assert bad["input"] == str(locked) and "permission denied" in bad["error"]["message"]
    assert "permission denied" in res.stderr


def test_all_failed_exits_3_and_fail_fast_stops(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    for i in range(5):
        (folder / f"e{i}.txt").write_text(" ")
    res = run_cli(str(folder), "--jobs", "2")
    assert res.returncode == 3 and len(records(res.stdout)) == 5
    res = run_cli(str(folder), "--jobs", "1", "--fail-fast")
    assert res.returncode == 3
    assert len(records(res.stdout)) == 1
    assert "--fail-fast" in res.stderr


def test_input_file_list_from_a_file_and_from_stdin(tmp_path: Path) -> None:
    paths = make_corpus(tmp_path / "c", 3)
    listing = "# my articles\n" + "\n".join(str(p) for p in paths) + "\n\n"
    (tmp_path / "list.txt").write_text(listing)
    from_file = run_cli("--input-file", str(tmp_path / "list.txt"), "--jobs", "2")
    from_stdin = run_cli("--input-file", "-", "--jobs", "1", stdin=listing)
    assert from_file.returncode == from_stdin.returncode == 0
    assert comparable(records(from_file.stdout)) == comparable(records(from_stdin.stdout))
    assert [r["input"] for r in comparable(records(from_file.stdout))] == [str(p) for p in paths]


def test_glob_chooses_files_in_folders(tmp_path: Path) -> None:
    make_corpus(tmp_path / "c", 6)
    res = run_cli(str(tmp_path / "c"), "--glob", "*.html", "--jobs", "1")
    assert res.returncode == 0
    assert {Path(r["input"]).suffix for r in records(res.stdout)} == {".html"}
    assert len(records(res.stdout)) == 2
    res = run_cli(str(tmp_path / "c"), "--glob", "day1/*", "--jobs", "1")
    assert {Path(r["input"]).parent.name for r in records(res.stdout)} == {"day1"}


def test_shards_partition_the_inputs_deterministically(tmp_path: Path) -> None:
    make_corpus(tmp_path / "c", 10)
    seen: list[int] = []
    for i in (1, 2, 3):
        res = run_cli(str(tmp_path / "c"), "--shard", f"{i}/3", "--jobs", "1")
        assert res.returncode == 0, res.stderr
        idx = [r["index"] for r in records(res.stdout)]
        assert all(k % 3 == i - 1 for k in idx)
        seen += idx
    assert sorted(seen) == list(range(10))


@pytest.mark.parametrize("args, message", [
    (["--shard", "0/3"], "--shard"),
    (["--shard", "x"], "--shard"),
    (["--resume"], "--resume needs --output"),
    (["--executor", "ftp://x"], "--executor"),
])
def test_batch_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    make_corpus(tmp_path / "c", 2)
    res = run_cli(str(tmp_path / "c"), *args)
    assert res.returncode == 2
    assert message in res.stderr and "Traceback" not in res.stderr


def test_stdin_among_other_inputs_is_read_by_the_parent(tmp_path: Path) -> None:
    (p,) = make_corpus(tmp_path / "c", 1)
    res = run_cli(str(p), "-", "--jobs", "2", stdin=article_text(7))
    assert res.returncode == 0, res.stderr
    recs = comparable(records(res.stdout))
    assert [r["input"] for r in recs] == [str(p), "-"]
    assert "item 7" in recs[1]["text"]


def test_output_to_an_unwritable_place_is_a_usage_error(tmp_path: Path) -> None:
    make_corpus(tmp_path / "c", 2)
    res = run_cli(str(tmp_path / "c"), "--output", str(tmp_path / "no" / "such" / "dir.jsonl"))
    assert res.returncode == 2 and "cannot write" in res.stderr and "Traceback" not in res.stderr
