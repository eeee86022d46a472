"""The stage registry: built-in stages by name, plus third-party ones from entry points.

Stages are referenced as ``module:Class`` strings so that listing or resolving a
name never imports heavy libraries until the stage is actually built.
"""
from __future__ import annotations

import importlib
from functools import lru_cache
from importlib.metadata import entry_points

from newsparse.errors import ConfigError
from newsparse.stages.base import Stage

ENTRY_POINT_GROUP = "newsparse.stages"

BUILTIN_STAGES: dict[str, str] = {
    "extract": "newsparse.stages.extract:ExtractStage",
    "clean": "newsparse.stages.clean:CleanStage",
    "language": "newsparse.language:LanguageStage",
    "segment": "newsparse.stages.segment:SegmentStage",
    "quotes": "newsparse.stages.quotes:QuotesStage",
    "entities": "newsparse.stages.entities:EntitiesStage",
}

_registered: dict[str, type[Stage]] = {}


def register(cls: type[Stage]) -> type[Stage]:
    """Class decorator registering a stage under ``cls.name`` (for in-process plugins and tests)."""
    if not cls.name:
        raise ValueError(f"stage class {cls.__qualname__} has no name")
    _registered[cls.name] = cls
    return cls


@lru_cache(maxsize=1)
def _entry_point_targets() -> dict[str, str]:
    return {ep.name: ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}


def available() -> dict[str, str]:
    """Every known stage name mapped to where it comes from (``module:Class``)."""
    names: dict[str, str] = dict(BUILTIN_STAGES)
    names.update(_entry_point_targets())
    for name, cls in _registered.items():
        names[name] = f"{cls.__module__}:{cls.__qualname__}"
    return names


def _import_target(target: str) -> type[Stage]:
    module_name, _, attr = target.partition(":")
    module = importlib.import_module(module_name)
    obj = module
    for part in attr.split("."):
        obj = getattr(obj, part)
    return obj  # type: ignore[return-value]


def get_stage_class(name: str) -> type[Stage]:
    """Resolve a stage name to its class; unknown names are a :class:`ConfigError`."""
    if name in _registered:
        return _registered[name]
    targets = available()
    if name not in targets:
        known = ", ".join(sorted(targets))
        raise ConfigError(f"unknown stage {name!r} (known: {known})")
    try:
        cls = _import_target(targets[name])
    except Exception as exc:  # a broken plugin must not crash the tool
        raise ConfigError(f"stage {name!r} could not be loaded from {targets[name]}: {exc}") from exc
    if not (isinstance(cls, type) and issubclass(cls, Stage)):
        raise ConfigError(f"stage {name!r} ({targets[name]}) is not a newsparse Stage class")
    return cls


def describe(config=None) -> list[dict]:  # noqa: ANN001 - config: Optional[Config]
    """Every available stage with its parameters (type, default, configured value), for listings and docs."""
    import dataclasses
    import typing

    rows = []
    for name, target in sorted(available().items()):
        cls = get_stage_class(name)
        hints = typing.get_type_hints(cls.Params)
        defaults = cls.Params()
        configured = (config.stages.get(name, {}) if config else {})
        params = []
        for f in dataclasses.fields(cls.Params):
            tp = hints[f.name]
            params.append({
                "name": f.name,
                "type": tp.__name__ if isinstance(tp, type) else str(tp).replace("typing.", ""),
                "default": getattr(defaults, f.name),
                "value": configured.get(f.name, getattr(defaults, f.name)),
                "help": (f.metadata or {}).get("help", ""),
            })
        rows.append({
            "name": name,
            "target": target,
            "description": cls.description or (cls.__doc__ or "").strip().split("\n")[0],
            "in_pipeline": bool(config) and name in config.pipeline,
            "enabled": bool(config) and name in config.active_stages(),
            "params": params,
        })
    return rows
