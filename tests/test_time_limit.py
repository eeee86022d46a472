"""The per-article time limit: a slow article becomes one error record, the others still run."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from newsparse import registry
from newsparse.config import build_config
from newsparse.errors import TimeLimitError
from newsparse.inputs.expand import InputItem
from newsparse.inputs.sources import Source
from newsparse.pipeline import Pipeline
from newsparse.runner import run_items
from newsparse.stages.base import Stage
from newsparse.timelimit import Expired, enforceable, time_limit
from tests.helpers import run_cli

pytestmark = pytest.mark.skipif(not enforceable(), reason="needs SIGALRM in the main thread")

# seconds: far above what a three-line article takes (so a busy CI machine cannot trip it),
# far below the 30 s the stalling stage would spin
LIMIT = 3.0


class StallStage(Stage):
    """Spins on articles that say STALL, and swallows every Exception while it does (as careless code might)."""

    name = "test_stall"
    description = "stalls on STALL (tests)"

    def process(self, doc):  # noqa: ANN001, ANN201
        if "STALL" in doc.text:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    sum(range(1000))
                except Exception:  # noqa: BLE001 - must not catch the time limit
                    pass
        return doc


@pytest.fixture
def stall_pipeline():
    registry.register(StallStage)
    cfg = build_config(use_user_config=False)
    cfg.pipeline = ["extract", "clean", "test_stall", "segment"]
    yield Pipeline.from_config(cfg)
    registry._registered.pop("test_stall", None)


def items(*bodies: str) -> list[InputItem]:
    return [InputItem(f"a{i}.txt", source=Source(f"a{i}.txt", text=f"Headline {i}\n\n{body}\n"))
            for i, body in enumerate(bodies)]


def test_a_stalled_article_becomes_a_time_limit_error_and_the_next_runs(stall_pipeline) -> None:
    started = time.monotonic()
    # generous limit: the calm article must finish well inside it even on a loaded machine
    results = list(run_items(items("It will STALL here.", "All calm in the harbour."), stall_pipeline,
                             time_limit=LIMIT))
    assert time.monotonic() - started < 25
    bad, good = results
    assert isinstance(bad.error, TimeLimitError) and bad.error.stage == "test_stall"
    assert bad.record()["error"]["type"] == "time_limit"
    assert f"took longer than {LIMIT:g} s" in str(bad.error) and "--time-limit" in str(bad.error)
    assert good.ok and "harbour" in good.analysis.document.text


def test_no_limit_and_the_alarm_is_cleared_afterwards(stall_pipeline) -> None:
    import signal

    results = list(run_items(items("All calm.", "Still calm."), stall_pipeline, time_limit=5))
    assert all(r.ok for r in results)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    with time_limit(None):
        pass
    with pytest.raises(Expired):
        with time_limit(0.05):
            time.sleep(2)


def test_cli_time_limit_flag(tmp_path: Path, stall_pipeline) -> None:
    paths = []
    for i, body in enumerate(["It will STALL here.", "All calm in the harbour."]):
        p = tmp_path / f"{i}.txt"
        p.write_text(f"Headline {i}\n\n{body}\n")
        paths.append(str(p))
    cfg = tmp_path / "stall.yaml"
    cfg.write_text("pipeline: [extract, clean, test_stall, segment]\n")
    run = run_cli(["analyze", *paths, "--config", str(cfg), "--time-limit", str(LIMIT), "--jobs", "1", "-f", "jsonl"])
    assert run.exit_code == 1, run.stderr
    recs = sorted((json.loads(line) for line in run.stdout.splitlines()), key=lambda r: r["index"])
    assert recs[0]["error"]["type"] == "time_limit" and recs[0]["error"]["stage"] == "test_stall"
    assert "text" in recs[1]
    assert run.stderr.strip() == f"newsparse: error: {paths[0]}: {recs[0]['error']['message']}"


def test_the_limit_holds_in_pool_workers(stall_pipeline) -> None:
    import io

    from newsparse.batch.executors import LocalPoolExecutor
    from newsparse.batch.progress import Reporter
    from newsparse.batch.run import run_batch
    from newsparse.batch.worker import WorkerSpec
    from newsparse.cli.env import Environment

    cfg = build_config(use_user_config=False)
    cfg.pipeline = ["extract", "clean", "test_stall", "segment"]
    spec = WorkerSpec(cfg, mode="dict", time_limit=LIMIT)
    got = []
    with Reporter(Environment(stdout=io.StringIO(), stderr=io.StringIO())) as rep:
        summary = run_batch(items("STALL now.", "All calm.", "STALL again.", "Calm again."), spec,
                            got.append, rep, executor=LocalPoolExecutor(spec, 2))
    assert (summary.ok, summary.failed) == (2, 2)
    failed = sorted(o.index for o in got if not o.ok)
    assert failed == [0, 2]
    assert all(f"took longer than {LIMIT:g} s" in o.message for o in got if not o.ok)
