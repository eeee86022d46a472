"""What runs inside a worker (a pool process or a Dask worker): the pipeline, built once per process."""
from __future__ import annotations

import hashlib
import pickle
import signal
from dataclasses import dataclass, field
from typing import Optional

from newsparse.config import Config
from newsparse.inputs.expand import InputItem
from newsparse.pipeline import Pipeline
from newsparse.runner import Outcome, run_outcome


@dataclass
class WorkerSpec:
    """Everything a worker needs to build the pipeline and format records; picklable and small."""

    config: Config
    explain: bool = False
    mode: str = "jsonl"  # see newsparse.runner.SERIALIZE_MODES
    debug: bool = False
    time_limit: Optional[float] = None  # seconds per article (newsparse.timelimit); None = no limit
    key: str = field(default="", compare=False)
    # stages registered in this process with registry.register (not entry points): a worker
    # process has not run that code, so the classes travel with the spec (pickled by reference)
    registered: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        from newsparse import registry

        if not self.registered:
            self.registered = {n: c for n, c in registry._registered.items() if n in self.config.active_stages()}
        if not self.key:
            self.key = hashlib.sha1(pickle.dumps((self.config, sorted(self.registered)))).hexdigest()


# One pipeline per process and config (Dask threads share it; stages keep no per-article state).
_pipelines: dict[str, Pipeline] = {}
_spec: Optional[WorkerSpec] = None


_init_error: Optional[BaseException] = None


def pipeline_for(spec: WorkerSpec) -> Pipeline:
    pipeline = _pipelines.get(spec.key)
    if pipeline is None:
        from newsparse import registry

        for name, cls in spec.registered.items():
            if registry._registered.get(name) is not cls:
                registry.register(cls)
        pipeline = _pipelines[spec.key] = Pipeline.from_config(spec.config)
    return pipeline


def init_pool_worker(spec: WorkerSpec) -> None:
    """Pool initializer: Ctrl-C is the parent's to handle; build the pipeline before the first article.

    A failure is kept and reported per input (an exception here would only say the pool broke).
    """
    global _spec, _init_error
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _spec = spec
    try:
        pipeline_for(spec)
    except Exception as exc:  # noqa: BLE001
        _init_error = exc


def run_in_pool(index: int, item: InputItem) -> Outcome:
    """The local pool's task: uses the spec its initializer received."""
    if _spec is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("pool worker was not initialised")
    if _init_error is not None:
        from newsparse.runner import Result

        out = Outcome(index, item.name, False)
        record = Result(index, item.name, error=_init_error).record()
        out.message = f"{item.name}: worker could not build the pipeline: {record['error']['message']}"
        record["error"]["message"] = out.message
        _serialize(out, record, _spec.mode)
        return out
    return run_with(_spec, index, item)


def _serialize(out: Outcome, record: dict, mode: str) -> None:
    import json

    if mode == "dict":
        out.record = record
    else:
        out.line = json.dumps(record, ensure_ascii=False, indent=2 if mode == "json" else None)


def run_with(spec: WorkerSpec, index: int, item: InputItem) -> Outcome:
    """Run one input with the (cached) pipeline of ``spec``; the Dask executor's task."""
    return run_outcome(index, item, pipeline_for(spec), explain=spec.explain, mode=spec.mode, debug=spec.debug,
                       time_limit=spec.time_limit)
