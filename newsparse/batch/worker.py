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
    key: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.key:
            self.key = hashlib.sha1(pickle.dumps(self.config)).hexdigest()


# One pipeline per process and config (Dask threads share it; stages keep no per-article state).
_pipelines: dict[str, Pipeline] = {}
_spec: Optional[WorkerSpec] = None


def pipeline_for(spec: WorkerSpec) -> Pipeline:
    pipeline = _pipelines.get(spec.key)
    if pipeline is None:
        pipeline = _pipelines[spec.key] = Pipeline.from_config(spec.config)
    return pipeline


def init_pool_worker(spec: WorkerSpec) -> None:
    """Pool initializer: Ctrl-C is the parent's to handle; build the pipeline before the first article."""
    global _spec
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _spec = spec
    pipeline_for(spec)


def run_in_pool(index: int, item: InputItem) -> Outcome:
    """The local pool's task: uses the spec its initializer received."""
    if _spec is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("pool worker was not initialised")
    return run_with(_spec, index, item)


def run_with(spec: WorkerSpec, index: int, item: InputItem) -> Outcome:
    """Run one input with the (cached) pipeline of ``spec``; the Dask executor's task."""
    return run_outcome(index, item, pipeline_for(spec), explain=spec.explain, mode=spec.mode, debug=spec.debug)
