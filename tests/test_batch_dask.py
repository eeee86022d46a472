"""The same inputs through the local process pool and a Dask LocalCluster give identical records."""
from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest

from newsparse.batch.executors import DaskExecutor, LocalPoolExecutor, parse_executor
from newsparse.batch.progress import Reporter
from newsparse.batch.run import BatchOptions, run_batch
from newsparse.batch.worker import WorkerSpec
from newsparse.cli.env import Environment
from newsparse.config import build_config
from newsparse.inputs.expand import expand_inputs
from tests.conftest import NEWSPARSE, cli_env
from tests.test_batch_cli import comparable, make_corpus, records, run_cli
from tests.test_inputs_jsonl import write_jsonl

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp",
                      dashboard_address=":0") as c:
        yield c


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    make_corpus(tmp_path / "c", 10)
    (tmp_path / "c" / "day1" / "empty.txt").write_text("\n")
    write_jsonl(tmp_path / "c" / "more.jsonl", 4, malformed_at=2)
    return tmp_path / "c"


def test_cli_local_pool_and_dask_give_identical_records(cluster, corpus: Path) -> None:
    globs = ["*.txt", "*.html", "*.jsonl"]
    glob_args = [a for g in globs for a in ("--glob", g)]
    local = run_cli(str(corpus), *glob_args, "--jobs", "2")
    address = cluster.scheduler_address.replace("tcp://", "dask://")
    dask = run_cli(str(corpus), *glob_args, "--executor", address)
    # the messages say what differed: this test failed twice on a loaded machine and passed on rerun
    assert local.returncode == dask.returncode == 1, (local.returncode, dask.returncode, local.stderr, dask.stderr)
    a, b = comparable(records(local.stdout)), comparable(records(dask.stdout))
    assert len(a) == 15 and sum("error" in r for r in a) == 2, [r.get("error") for r in a]
    assert a == b, [(x.get("input"), x.get("error"), y.get("error")) for x, y in zip(a, b) if x != y]
    assert sorted(local.stderr.splitlines()) == sorted(dask.stderr.splitlines()), (local.stderr, dask.stderr)


def test_executors_share_one_interface(cluster, corpus: Path) -> None:
    spec = WorkerSpec(build_config(use_user_config=False), mode="dict")
    results = {}
    for name, executor in [("local", LocalPoolExecutor(spec, 2, start_method="spawn")),
                           ("dask", DaskExecutor(spec, cluster.scheduler_address))]:
        out: list[dict] = []
        env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), quiet=True)
        with Reporter(env) as reporter:
            summary = run_batch(expand_inputs([str(corpus)]), spec, lambda o: out.append(o.record), reporter,
                                BatchOptions(), executor=executor)
        assert summary.executor == name and summary.failed == 1 and summary.ok == 10
        assert "empty" in env.stderr.getvalue()
        results[name] = comparable(out)
    assert results["local"] == results["dask"]


def test_executor_addresses() -> None:
    assert parse_executor("local") == ("local", None)
    assert parse_executor("dask://10.0.0.5:8786") == ("dask", "tcp://10.0.0.5:8786")
    assert parse_executor("tls://sched:8786") == ("dask", "tls://sched:8786")
    with pytest.raises(Exception, match="dask://HOST:PORT"):
        parse_executor("dask://")


def test_unreachable_scheduler_is_a_usage_error(tmp_path: Path) -> None:
    make_corpus(tmp_path / "c", 2)
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    res = subprocess.run([*NEWSPARSE, "analyze", str(tmp_path / "c"), "--executor", f"dask://127.0.0.1:{port}"],
                         capture_output=True, text=True, timeout=120,
                         env=cli_env(DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="2s"))
    assert res.returncode == 2
    assert "cannot connect to the Dask scheduler" in res.stderr and "Traceback" not in res.stderr
