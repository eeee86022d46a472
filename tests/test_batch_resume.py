"""--output/--resume: a batch killed with SIGKILL and resumed ends with every input exactly once,
identical to an uninterrupted run; Ctrl-C exits 130 leaving complete lines only."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

from newsparse.batch.resume import LineSink, load_done
from tests.conftest import NEWSPARSE, cli_env
from tests.test_batch_cli import comparable, make_corpus, run_cli

N = 150  # enough that a batch is still running when the test interrupts it


def read_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def start_batch(folder: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([*NEWSPARSE, "analyze", str(folder), "--output", str(out), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env(), start_new_session=True)


def wait_for_lines(path: Path, n: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= n:
            return
        assert proc.poll() is None, "the batch finished before it could be interrupted"
        time.sleep(0.02)
    raise AssertionError("the batch produced no output in time")


def test_sigkill_then_resume_gives_every_input_exactly_once(tmp_path: Path) -> None:
    make_corpus(tmp_path / "c", N)
    reference = tmp_path / "reference.jsonl"
    res = run_cli(str(tmp_path / "c"), "--jobs", "2", "--output", str(reference))
    assert res.returncode == 0 and res.stdout == ""
    out = tmp_path / "out.jsonl"
    proc = start_batch(tmp_path / "c", out, "--jobs", "2")
    wait_for_lines(out, 3, proc)
    os.killpg(proc.pid, signal.SIGKILL)  # the parent and its workers, no chance to clean up
    proc.wait(timeout=30)
    first = out.read_bytes()
    assert 3 <= first.count(b"\n") < N
    with open(out, "ab") as fh:  # as if the kill had landed mid-write: a torn last line
        fh.write(b'{"schema_version": "1", "input": "' + str(tmp_path).encode() + b'/c/torn')
    res = run_cli(str(tmp_path / "c"), "--jobs", "2", "--output", str(out), "--resume")
    assert res.returncode == 0, res.stderr
    assert "incomplete last line" in res.stderr and "skipped" in res.stderr
    recs = read_records(out)  # every line parses: the torn one is gone
    counts = Counter(r["input"] for r in recs)
    assert len(counts) == N and set(counts.values()) == {1}
    assert comparable(recs) == comparable(read_records(reference))
    again = run_cli(str(tmp_path / "c"), "--output", str(out), "--resume")
    assert again.returncode == 0 and read_records(out) == recs  # nothing left to do


def test_ctrl_c_exits_130_with_complete_lines_only(tmp_path: Path) -> None:
    make_corpus(tmp_path / "c", N)
    out = tmp_path / "out.jsonl"
    proc = start_batch(tmp_path / "c", out, "--jobs", "2")
    wait_for_lines(out, 2, proc)
    os.killpg(proc.pid, signal.SIGINT)  # like Ctrl-C: the whole foreground process group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert b"interrupted" in err and b"Traceback" not in err
    data = out.read_bytes()
    assert data.endswith(b"\n")
    recs = read_records(out)
    assert 2 <= len(recs) < N
    res = run_cli(str(tmp_path / "c"), "--output", str(out), "--resume", "--jobs", "2")
    assert res.returncode == 0
    assert sorted(r["index"] for r in read_records(out)) == list(range(N))


def test_ctrl_c_on_stdout_leaves_complete_lines(tmp_path: Path) -> None:
    make_corpus(tmp_path / "c", N)
    proc = subprocess.Popen([*NEWSPARSE, "analyze", str(tmp_path / "c"), "--jobs", "2"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=cli_env(), start_new_session=True)
    first = proc.stdout.readline()
    os.killpg(proc.pid, signal.SIGINT)
    rest = proc.stdout.read()  # the same buffered reader: communicate() would skip what readline buffered
    proc.wait(timeout=60)
    assert proc.returncode == 130
    assert proc.stderr.read().strip().endswith(b"interrupted")
    for line in (first + rest).splitlines():
        json.loads(line)


def test_load_done_counts_inputs_and_cuts_a_torn_line(tmp_path: Path) -> None:
    path = tmp_path / "o.jsonl"
    sink = LineSink(str(path), append=False)
    for name in ["a.txt", "b.txt", "a.txt", 'we"ird\\name.txt']:
        sink.write_line(json.dumps({"schema_version": "1", "input": name, "index": 0}))
    sink.write_line("not json at all")
    sink.close()
    with open(path, "ab") as fh:
        fh.write(b'{"schema_version": "1", "input": "c.t')
    done = load_done(str(path))
    assert done.counts == Counter({"a.txt": 2, "b.txt": 1, 'we"ird\\name.txt': 1})
    assert done.bad_lines == 1 and done.torn_bytes > 0
    assert path.read_bytes().endswith(b"not json at all\n")
    assert done.take("a.txt") and done.take("a.txt") and not done.take("a.txt")
    assert not done.take("c.txt")
    assert load_done(str(tmp_path / "missing.jsonl")).records == 0


def test_resume_with_shards_appends_to_the_right_file(tmp_path: Path) -> None:
    make_corpus(tmp_path / "c", 9)
    outs = []
    for i in (1, 2, 3):
        out = tmp_path / f"part{i}.jsonl"
        assert run_cli(str(tmp_path / "c"), "--shard", f"{i}/3", "--output", str(out), "--resume").returncode == 0
        outs += read_records(out)
    again = run_cli(str(tmp_path / "c"), "--shard", "2/3", "--output", str(tmp_path / "part2.jsonl"), "--resume")
    assert again.returncode == 0 and "skipped 3" in again.stderr
    assert len(read_records(tmp_path / "part2.jsonl")) == 3
    assert sorted(r["index"] for r in outs) == list(range(9))
