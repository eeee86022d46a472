"""Executors: run inputs somewhere and stream their outcomes back in completion order.

All three share one interface, :class:`Executor` - ``run(jobs)`` takes an iterator
of ``(index, InputItem)`` and yields :class:`~newsparse.runner.Outcome` as they
finish, keeping at most ``max_inflight`` inputs submitted at a time so memory stays
flat whatever the corpus size; ``close(cancel=True)`` stops at once.

- :class:`InlineExecutor` - this process, one at a time (a single input; library use).
- :class:`LocalPoolExecutor` - a process pool (forkserver, else spawn: no fork
  after threads), the pipeline built once per worker by the pool initializer.
- :class:`DaskExecutor` - a Dask cluster (``--executor dask://HOST:PORT``; the
  optional extra ``newsparse[dask]``).
"""
from __future__ import annotations

import multiprocessing
import os
import uuid
from abc import ABC, abstractmethod
from typing import Iterator, Optional

from newsparse.batch.worker import WorkerSpec, init_pool_worker, pipeline_for, run_in_pool, run_with
from newsparse.errors import ConfigError, NewsparseError
from newsparse.inputs.expand import InputItem
from newsparse.runner import Outcome

Job = tuple[int, InputItem]

# A worker is replaced after this many articles: HTML parsing leaves memory behind (parser
# dictionaries, library caches) that only a new process gives back. Cheap with the forkserver,
# which forks workers already warm (newsparse.batch.warm). 0 or None: never.
DEFAULT_MAX_TASKS_PER_CHILD = 200


class WorkerError(NewsparseError):
    """The worker running an input died or was lost; the input becomes an error record."""

    type = "worker_error"


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def failed_outcome(index: int, item: InputItem, message: str, spec: WorkerSpec) -> Outcome:
    """An error record for an input whose worker itself failed (killed, out of memory, lost)."""
    import json

    from newsparse.output.record import error_record

    record = error_record(item.name, WorkerError(f"{item.name}: {message}"))
    record["index"] = index
    out = Outcome(index, item.name, False, message=record["error"]["message"])
    if spec.mode == "dict":
        out.record = record
    else:
        out.line = json.dumps(record, ensure_ascii=False, indent=2 if spec.mode == "json" else None)
    return out


class Executor(ABC):
    """Runs jobs and yields their outcomes in completion order."""

    name = "executor"
    workers = 1

    def __init__(self, spec: WorkerSpec) -> None:
        self.spec = spec

    @abstractmethod
    def run(self, jobs: Iterator[Job]) -> Iterator[Outcome]:
        """Outcomes of ``jobs``, as they complete; pulls jobs lazily."""

    def close(self, cancel: bool = False) -> None:
        """Release workers; ``cancel`` drops queued work and stops running work now."""

    def __enter__(self) -> "Executor":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:  # noqa: ANN001
        self.close(cancel=exc_type is not None)


class InlineExecutor(Executor):
    """In this process, in order: no start-up cost, simplest to debug."""

    name = "inline"

    def run(self, jobs: Iterator[Job]) -> Iterator[Outcome]:
        pipeline_for(self.spec)
        for index, item in jobs:
            yield run_with(self.spec, index, item)


class LocalPoolExecutor(Executor):
    """A pool of ``jobs`` worker processes on this machine."""

    name = "local"

    def __init__(self, spec: WorkerSpec, jobs: int, max_inflight: Optional[int] = None,
                 start_method: Optional[str] = None, max_tasks_per_child: Optional[int] = DEFAULT_MAX_TASKS_PER_CHILD) -> None:
        super().__init__(spec)
        self.workers = max(1, jobs)
        self.max_inflight = max_inflight or 4 * self.workers
        methods = multiprocessing.get_all_start_methods()
        self.start_method = start_method or ("forkserver" if "forkserver" in methods else "spawn")
        self.max_tasks_per_child = max_tasks_per_child or None
        self.pool = None

    def _new_pool(self):  # noqa: ANN202
        from concurrent.futures import ProcessPoolExecutor

        ctx = multiprocessing.get_context(self.start_method)
        if self.start_method == "forkserver":
            ctx.set_forkserver_preload(["newsparse.batch.warm"])
        return ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=init_pool_worker, initargs=(self.spec,),
                                   max_tasks_per_child=self.max_tasks_per_child)

    def run(self, jobs: Iterator[Job]) -> Iterator[Outcome]:
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        self.pool = self._new_pool()
        pending: dict = {}
        jobs = iter(jobs)
        exhausted = False
        while True:
            while not exhausted and len(pending) < self.max_inflight:
                job = next(jobs, None)
                if job is None:
                    exhausted = True
                    break
                pending[self.pool.submit(run_in_pool, *job)] = job
            if not pending:
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = False
            for fut in done:
                job = pending.pop(fut)
                try:
                    yield fut.result()
                except BrokenProcessPool:
                    pending[fut] = job
                    broken = True
                except Exception as exc:  # noqa: BLE001 - e.g. an unpicklable result
                    yield failed_outcome(*job, f"worker failed ({type(exc).__name__}: {exc})", self.spec)
            if broken:
                suspects = sorted(pending.values(), key=lambda j: j[0])
                pending.clear()
                yield from self._isolate(suspects)

    def _isolate(self, suspects: list[Job]) -> Iterator[Outcome]:
        """A worker died (killed, out of memory): rerun each in-flight input alone to find the culprit."""
        from concurrent.futures.process import BrokenProcessPool

        self._kill_pool()
        self.pool = self._new_pool()
        for job in suspects:
            fut = self.pool.submit(run_in_pool, *job)
            try:
                yield fut.result()
            except BrokenProcessPool:
                yield failed_outcome(*job, "the worker process died on this input (killed or out of memory)", self.spec)
                self._kill_pool()
                self.pool = self._new_pool()

    def _kill_pool(self) -> None:
        pool, self.pool = self.pool, None
        if pool is None:
            return
        procs = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for p in procs:
            try:
                p.terminate()
            except Exception:  # noqa: BLE001 - already gone
                pass
        for p in procs:
            p.join(timeout=5)

    def close(self, cancel: bool = False) -> None:
        if self.pool is None:
            return
        if cancel:
            self._kill_pool()
        else:
            self.pool.shutdown(wait=True)
            self.pool = None


class DaskExecutor(Executor):
    """A Dask cluster: the same work, shipped to ``distributed`` workers.

    Local files are read here and shipped with the task (workers need not share
    this filesystem); URLs are fetched by the workers.
    """

    name = "dask"

    def __init__(self, spec: WorkerSpec, address: str, max_inflight: Optional[int] = None,
                 materialize: bool = True) -> None:
        super().__init__(spec)
        try:
            from distributed import Client
        except ImportError:
            raise ConfigError("--executor dask:// needs the optional extra: pip install 'newsparse[dask]'") from None
        self.address = address
        try:
            # connect timeout: Dask's config (distributed.comm.timeouts.connect, 30s by default)
            self.client = Client(address, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"--executor: cannot connect to the Dask scheduler at {address} ({exc})") from None
        self.workers = max(1, sum(self.client.nthreads().values()))
        self.max_inflight = max_inflight or 4 * self.workers
        self.materialize = materialize
        self._futures: dict = {}

    def run(self, jobs: Iterator[Job]) -> Iterator[Outcome]:
        from distributed import as_completed

        try:
            spec_f = self.client.scatter(self.spec, broadcast=True, hash=False)
        except Exception as exc:  # noqa: BLE001 - e.g. newsparse not installed on the workers
            raise ConfigError(f"--executor: the Dask workers at {self.address} cannot take the work "
                              f"(is newsparse installed there?): {exc}") from None
        batch = uuid.uuid4().hex[:12]
        pending = self._futures
        completed = None
        jobs = iter(jobs)
        exhausted = False

        def refill() -> None:
            nonlocal exhausted, completed
            while not exhausted and len(pending) < self.max_inflight:
                job = next(jobs, None)
                if job is None:
                    exhausted = True
                    return
                index, item = job
                if self.materialize:
                    item = item.materialize()
                fut = self.client.submit(run_with, spec_f, index, item, pure=False, key=f"newsparse-{batch}-{index}")
                pending[fut.key] = (fut, (index, item))
                if completed is None:
                    completed = as_completed([fut], loop=self.client.loop)  # our client, not a default one
                else:
                    completed.add(fut)

        refill()
        if completed is None:
            return
        for fut in completed:
            _, job = pending.pop(fut.key)
            try:
                out = fut.result()
            except Exception as exc:  # noqa: BLE001 - a lost or failed worker
                out = failed_outcome(*job, f"Dask task failed ({type(exc).__name__}: {exc})", self.spec)
            fut.release()
            refill()
            yield out

    def close(self, cancel: bool = False) -> None:
        if cancel and self._futures:
            self.client.cancel([f for f, _ in self._futures.values()])
        self._futures.clear()
        self.client.close()


def parse_executor(value: str) -> tuple[str, Optional[str]]:
    """``local`` -> (local, None); ``dask://HOST:PORT`` -> (dask, tcp://HOST:PORT); tcp://, tls://, inproc:// as is."""
    v = value.strip()
    if v in ("", "local"):
        return "local", None
    if v.startswith("dask://"):
        rest = v[len("dask://"):]
        if not rest:
            raise ConfigError("--executor dask:// needs an address: dask://HOST:PORT")
        return "dask", rest if "://" in rest else "tcp://" + rest
    if v.startswith(("tcp://", "tls://", "inproc://", "ucx://", "ws://", "wss://")):
        return "dask", v
    raise ConfigError(f"--executor {value!r}: expected 'local' or 'dask://HOST:PORT'")


def make_executor(value: str, spec: WorkerSpec, jobs: int, max_inflight: Optional[int] = None,
                  max_tasks_per_child: Optional[int] = DEFAULT_MAX_TASKS_PER_CHILD) -> Executor:
    kind, address = parse_executor(value)
    if kind == "dask":
        return DaskExecutor(spec, address or "", max_inflight=max_inflight)
    # --jobs 1 is still one worker process: the same memory bound (recycling) and the same code path
    return LocalPoolExecutor(spec, max(1, jobs), max_inflight=max_inflight, max_tasks_per_child=max_tasks_per_child)
