"""The local pool: a worker that dies costs only its own input; in-flight work is bounded; shards; Ctrl-C guard."""
from __future__ import annotations

import io
import os
import signal
from pathlib import Path
from typing import Iterator

import pytest

from newsparse.batch.executors import InlineExecutor, LocalPoolExecutor
from newsparse.batch.progress import Reporter
from newsparse.batch.run import BatchOptions, InterruptGuard, run_batch
from newsparse.batch.shard import Shard, parse_shard
from newsparse.batch.worker import WorkerSpec
from newsparse.cli.env import Environment
from newsparse.config import build_config
from newsparse.errors import ConfigError
from newsparse.inputs.expand import InputItem
from newsparse.inputs.sources import Source
from tests.test_batch_cli import article_text


class DyingItem(InputItem):
    """An input whose loading kills the worker process outright (like the OOM killer would)."""

    def load(self) -> Source:
        os._exit(1)


def items(n: int, die_at: tuple[int, ...] = ()) -> list[InputItem]:
    out: list[InputItem] = []
    for i in range(n):
        cls = DyingItem if i in die_at else InputItem
        out.append(cls(f"art{i}", source=Source(f"art{i}", text=article_text(i), content_type="text")))
    return out


def spec() -> WorkerSpec:
    return WorkerSpec(build_config(use_user_config=False), mode="dict")


def quiet_reporter() -> Reporter:
    return Reporter(Environment(stdout=io.StringIO(), stderr=io.StringIO(), quiet=True))


def test_a_dead_worker_fails_only_its_own_input() -> None:
    got = {}
    with quiet_reporter() as rep:
        summary = run_batch(items(12, die_at=(5,)), spec(), lambda o: got.__setitem__(o.index, o), rep,
                            executor=LocalPoolExecutor(spec(), 2))
    assert sorted(got) == list(range(12))
    assert [i for i, o in got.items() if not o.ok] == [5]
    assert got[5].record["error"]["type"] == "worker_error"
    assert "died" in got[5].message
    assert summary.ok == 11 and summary.failed == 1


def test_in_flight_inputs_are_bounded() -> None:
    pulled = 0

    def feed() -> Iterator[tuple[int, InputItem]]:
        nonlocal pulled
        for i, item in enumerate(items(30)):
            pulled += 1
            yield i, item

    ex = LocalPoolExecutor(spec(), 2, max_inflight=3)
    outcomes = ex.run(feed())
    try:
        next(outcomes)
        assert pulled <= 3 + 1  # never more than max_inflight ahead of what was yielded
        rest = list(outcomes)
    finally:
        ex.close()
    assert len(rest) == 29 and pulled == 30


def test_inline_and_pool_records_are_identical() -> None:
    a, b = [], []
    with quiet_reporter() as rep:
        run_batch(items(6), spec(), lambda o: a.append(o.record), rep, executor=InlineExecutor(spec()))
        run_batch(items(6), spec(), lambda o: b.append(o.record), rep, executor=LocalPoolExecutor(spec(), 2))
    assert sorted(a, key=lambda r: r["index"]) == sorted(b, key=lambda r: r["index"])


def test_fail_fast_stops_the_pool() -> None:
    seen = []
    bad = [InputItem("empty", source=Source("empty", text="  "))] + items(20)
    with quiet_reporter() as rep:
        summary = run_batch(bad, spec(), seen.append, rep, BatchOptions(jobs=2, fail_fast=True))
    assert summary.stopped and summary.failed == 1
    assert len(seen) < 21


def test_shards() -> None:
    assert parse_shard("2/4") == Shard(2, 4)
    for bad in ("0/4", "5/4", "1/0", "a/b", "1"):
        with pytest.raises(ConfigError):
            parse_shard(bad)
    assert [Shard(i, 3).share(10) for i in (1, 2, 3)] == [4, 3, 3]
    assert sum(Shard(i, 3).selects(k) for i in (1, 2, 3) for k in range(10)) == 10


def test_interrupt_guard_defers_ctrl_c_while_writing() -> None:
    written = []
    with InterruptGuard() as guard:
        with pytest.raises(KeyboardInterrupt):
            with guard.critical():
                os.kill(os.getpid(), signal.SIGINT)
                written.append("the whole line")  # still runs: the interrupt waits for the write
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
            for _ in range(1000):  # outside a write, it interrupts at once
                pass
    assert written == ["the whole line"]


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    for tty, quiet, expect in ((True, False, True), (True, True, False), (False, False, False)):
        err = io.StringIO()
        env = Environment(stdout=io.StringIO(), stderr=err, stderr_isatty=tty, quiet=quiet, environ={"NO_COLOR": "1"})
        bad = [InputItem("empty", source=Source("empty", text="  "))] + items(3)
        with Reporter(env, total=4) as rep:
            run_batch(bad, spec(), lambda o: None, rep, executor=InlineExecutor(spec()))
        text = err.getvalue()
        assert ("4/4" in text and "1 failed" in text and "articles/s" in text) == expect, text
        assert "newsparse: error: empty" in text  # failures are always reported


def test_stages_registered_in_process_reach_the_workers(tmp_path: Path) -> None:
    """A plugin registered with registry.register (importable) runs in pool workers; a local one falls back."""
    from newsparse import registry

    registry.register(ShoutStage)
    try:
        cfg = build_config(use_user_config=False)
        cfg.pipeline = list(cfg.pipeline) + ["test_shout"]
        got = []
        with quiet_reporter() as rep:
            run_batch(items(4), WorkerSpec(cfg, mode="dict"), lambda o: got.append(o.record), rep,
                      executor=LocalPoolExecutor(WorkerSpec(cfg, mode="dict"), 2))
        assert len(got) == 4 and all(r["shouted"] for r in got)

        class LocalStage(ShoutStage):  # not importable: cannot travel to a worker
            name = "test_local"

        registry.register(LocalStage)
        cfg.pipeline = list(cfg.pipeline) + ["test_local"]
        err = io.StringIO()
        got.clear()
        with Reporter(Environment(stdout=io.StringIO(), stderr=err)) as rep:
            summary = run_batch(items(3), WorkerSpec(cfg, mode="dict"), lambda o: got.append(o.record), rep,
                                BatchOptions(jobs=2))
        assert summary.executor == "inline" and summary.ok == 3
        assert "cannot be sent to worker processes" in err.getvalue()
    finally:
        registry._registered.pop("test_shout", None)
        registry._registered.pop("test_local", None)


from newsparse.stages.base import Stage  # noqa: E402


class ShoutStage(Stage):
    name = "test_shout"
    description = "marks every document (tests)"

    def process(self, doc):  # noqa: ANN001, ANN201
        doc.extra["shouted"] = True
        return doc
