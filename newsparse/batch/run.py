"""Running a batch: inputs -> (shard, resume) -> an executor -> whole lines out, with clean interrupts."""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, islice
from typing import Callable, Iterable, Iterator, Optional

from newsparse.batch.executors import (DEFAULT_MAX_TASKS_PER_CHILD, Executor, InlineExecutor, Job, default_jobs,
                                       make_executor)
from newsparse.batch.progress import Reporter
from newsparse.batch.resume import DoneSet
from newsparse.batch.shard import Shard
from newsparse.batch.worker import WorkerSpec
from newsparse.errors import ExitStatus
from newsparse.inputs.expand import InputItem
from newsparse.runner import Outcome


@dataclass
class BatchOptions:
    jobs: int = 0  # 0 = the number of cores
    executor: str = "local"  # or dask://HOST:PORT
    shard: Optional[Shard] = None
    fail_fast: bool = False
    max_inflight: Optional[int] = None
    max_tasks_per_child: Optional[int] = DEFAULT_MAX_TASKS_PER_CHILD


@dataclass
class BatchSummary:
    ok: int = 0
    failed: int = 0
    skipped: int = 0  # already in the output file (--resume)
    stopped: bool = False  # --fail-fast stopped the batch
    executor: str = ""

    def exit_status(self) -> ExitStatus:
        if self.failed == 0:
            return ExitStatus.OK
        return ExitStatus.ALL_FAILED if self.ok == 0 else ExitStatus.SOME_FAILED


class InterruptGuard:
    """Ctrl-C raises at once, except while a record is being written: then right after it.

    So an interrupted batch leaves complete lines only, whatever it was doing.
    """

    def __init__(self) -> None:
        self.pending = False
        self.writing = False
        self._previous = None

    def __enter__(self) -> "InterruptGuard":
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handler)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None

    def _handler(self, signum, frame) -> None:  # noqa: ANN001
        if self.writing:
            self.pending = True
        else:
            raise KeyboardInterrupt

    @contextmanager
    def critical(self) -> Iterator[None]:
        self.writing = True
        try:
            yield
        finally:
            self.writing = False
        if self.pending:
            self.pending = False
            raise KeyboardInterrupt


def _picklable(spec: WorkerSpec) -> bool:
    import pickle

    try:
        pickle.dumps(spec)
        return True
    except Exception:  # noqa: BLE001 - e.g. a stage class defined inside a function
        return False


def select_jobs(items: Iterable[InputItem], shard: Optional[Shard], done: DoneSet, summary: BatchSummary) -> Iterator[Job]:
    """Number every input (globally, before sharding) and keep this shard's, minus those already done."""
    for index, item in enumerate(items):
        if shard is not None and not shard.selects(index):
            continue
        if done.take(item.name):
            summary.skipped += 1
            continue
        yield index, item


def run_batch(
    items: Iterable[InputItem],
    spec: WorkerSpec,
    write: Callable[[Outcome], None],
    reporter: Reporter,
    options: Optional[BatchOptions] = None,
    done: Optional[DoneSet] = None,
    executor: Optional[Executor] = None,
) -> BatchSummary:
    """Process ``items``, calling ``write`` for each outcome as it completes.

    Raises KeyboardInterrupt (after stopping the workers) when interrupted; every
    ``write`` call has then either completed or not started.
    """
    opts = options or BatchOptions()
    summary = BatchSummary()
    jobs = select_jobs(items, opts.shard, done or DoneSet(), summary)
    first = list(islice(jobs, 2))
    if executor is None:
        n = opts.jobs or default_jobs()
        if len(first) < 2 and opts.executor in ("", "local"):
            executor = InlineExecutor(spec)  # one input: no pool to start
        elif n > 1 and not _picklable(spec):
            reporter.warn("a stage registered in this process cannot be sent to worker processes; "
                          "running in this process (make it importable or an entry point to run in parallel)")
            executor = InlineExecutor(spec)
        else:
            executor = make_executor(opts.executor, spec, n, opts.max_inflight, opts.max_tasks_per_child)
    summary.executor = executor.name
    interrupted = False
    with InterruptGuard() as guard:
        outcomes = executor.run(chain(first, jobs))
        try:
            for out in outcomes:
                with guard.critical():
                    write(out)
                reporter.advance(out.ok)
                if out.ok:
                    summary.ok += 1
                    for w in out.warnings:
                        reporter.warn(f"{out.input}: {w}")
                else:
                    summary.failed += 1
                    reporter.error(out.message or f"{out.input}: failed")
                    if out.traceback:
                        reporter.raw(out.traceback)
                    if opts.fail_fast:
                        summary.stopped = True
                        break
        except KeyboardInterrupt:
            interrupted = True
            raise
        finally:
            try:
                outcomes.close()
            finally:
                executor.close(cancel=interrupted or summary.stopped)
    return summary
