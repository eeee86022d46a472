"""An ordered list of configured stages that turns a Document into an Analysis."""
from __future__ import annotations

import time
from typing import Optional

from newsparse.config import Config, build_config, stage_params
from newsparse.errors import NewsparseError, StageError, TimeLimitError
from newsparse.model import Analysis, Document
from newsparse.registry import get_stage_class
from newsparse.stages.base import Stage
from newsparse.timelimit import Expired


class Pipeline:
    """The stages of a run, built once and applied to many documents."""

    def __init__(self, stages: list[Stage], config: Optional[Config] = None) -> None:
        self.stages = stages
        self.config = config

    @classmethod
    def from_config(cls, config: Config | str | None = None, **build_kwargs) -> "Pipeline":
        """Build from a :class:`Config`, a YAML path, or (None) the effective default config."""
        if config is None or isinstance(config, str):
            config = build_config(config_file=config, **build_kwargs)
        stages = []
        for name in config.active_stages():
            stage_cls = get_stage_class(name)
            stages.append(stage_cls(stage_params(config, name, stage_cls.Params)))
        return cls(stages, config)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def stage(self, name: str) -> Optional[Stage]:
        return next((s for s in self.stages if s.name == name), None)

    def run(self, doc: Document) -> Analysis:
        """Apply every stage in order; an unexpected exception names the stage that raised."""
        for stage in self.stages:
            if stage.name in doc.extra.get("skipped_stages", ()):  # e.g. English-only stages on other languages
                continue
            t0 = time.perf_counter()
            try:
                doc = stage(doc)
            except NewsparseError:
                raise
            except Expired as exc:
                raise TimeLimitError(f"{exc} (in stage {stage.name!r}; see --time-limit)", stage.name) from None
            except RecursionError:
                raise StageError(stage.name, "input nested too deeply") from None
            except MemoryError:
                raise StageError(stage.name, "out of memory") from None
            except Exception as exc:
                raise StageError(stage.name, f"{type(exc).__name__}: {exc}") from exc
            doc.timings[stage.name] = doc.timings.get(stage.name, 0.0) + time.perf_counter() - t0
        return Analysis(document=doc, stages=self.names)
