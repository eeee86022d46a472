"""Layered pipeline configuration with provenance.

Layers, lowest to highest precedence: the packaged default, the user file
(``$XDG_CONFIG_HOME/newsparse/config.yaml``), ``NEWSPARSE_CONFIG`` (a path),
``--config FILE``, then ``--set stage.param=value``. Every leaf remembers which
layer (file and line) set it, so ``newsparse config show`` can explain itself and
a bad value is reported as one line naming the file, the key and the line.
"""
from __future__ import annotations

import dataclasses
import os
import types
import typing
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Optional, Union

from newsparse.errors import ConfigError

TOP_LEVEL_KEYS = {"pipeline", "skip", "stages"}


@dataclass
class Origin:
    """Where a configuration value came from."""

    source: str  # a path, "default", "--set", "NEWSPARSE_CONFIG", ...
    line: Optional[int] = None

    def __str__(self) -> str:
        return f"{self.source}:{self.line}" if self.line else self.source


@dataclass
class Layer:
    """One parsed configuration source: its data and the line of every key path."""

    source: str
    data: dict[str, Any]
    lines: dict[tuple[str, ...], int] = field(default_factory=dict)

    def origin(self, path: tuple[str, ...]) -> Origin:
        return Origin(self.source, self.lines.get(path))


@dataclass
class Config:
    """A merged configuration: stage order, skipped stages, per-stage parameters."""

    pipeline: list[str]
    skip: list[str]
    stages: dict[str, dict[str, Any]]
    origins: dict[tuple[str, ...], Origin] = field(default_factory=dict)

    def active_stages(self) -> list[str]:
        return [name for name in self.pipeline if name not in set(self.skip)]

    def to_dict(self) -> dict[str, Any]:
        return {"pipeline": list(self.pipeline), "skip": list(self.skip), "stages": self.stages}


# ---------------------------------------------------------------- YAML parsing


def _node_to_python(node: Any, path: tuple[str, ...], lines: dict[tuple[str, ...], int]) -> Any:
    import yaml

    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = yaml.safe_load(yaml.serialize(key_node)) if not isinstance(key_node, yaml.ScalarNode) else key_node.value
            key = str(key)
            lines[path + (key,)] = key_node.start_mark.line + 1
            out[key] = _node_to_python(value_node, path + (key,), lines)
            lines[path + (key,)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_node_to_python(item, path + (str(i),), lines) for i, item in enumerate(node.value)]
    # scalars: let the safe constructor resolve the tag (int, bool, null, ...)
    return yaml.safe_load(yaml.serialize(node))


def _error_line(exc: Any, text: str) -> Optional[int]:
    """The most useful line of a YAML error: where the construct opened if the problem is at end of input."""
    problem = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    if problem is None:
        return context.line + 1 if context else None
    at_end = problem.index >= len(text.rstrip())
    if at_end and context is not None:
        return context.line + 1
    return problem.line + 1


def parse_yaml(text: str, source: str) -> Layer:
    """Parse YAML safely, keeping the line of every key.

    Object tags are refused (no code runs from a config) and so are anchors and
    aliases: a config never needs them, and refusing them rules out alias bombs
    and recursive structures.
    """
    import yaml

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)  # syntax errors first; aliases are not expanded here
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, (yaml.AliasToken, yaml.AnchorToken)):
                raise ConfigError(
                    f"{source}:{token.start_mark.line + 1}: invalid YAML: anchors and aliases (&, *) "
                    "are not supported in newsparse configs"
                )
        yaml.safe_load(text)  # refuses object tags (!!python/...) and any other unsafe construct
    except yaml.MarkedYAMLError as exc:
        line = _error_line(exc, text)
        where = f"{source}:{line}" if line else source
        raise ConfigError(f"{where}: invalid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: invalid YAML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{source}: invalid YAML: nested too deeply") from None
    if node is None:
        return Layer(source, {})
    lines: dict[tuple[str, ...], int] = {}
    try:
        data = _node_to_python(node, (), lines)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: invalid YAML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{source}: invalid YAML: nested too deeply") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{source}:{node.start_mark.line + 1}: a config must be a mapping, got {type(data).__name__}")
    return Layer(source, data, lines)


def load_file(path: str | os.PathLike[str], source: Optional[str] = None) -> Layer:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    return parse_yaml(text, source or str(path))


def default_layer() -> Layer:
    text = resources.files("newsparse.configs").joinpath("default.yaml").read_text(encoding="utf-8")
    return parse_yaml(text, "default")


def parse_set(assignment: str) -> Layer:
    """``stage.param=value`` (value parsed as YAML) into a one-key layer."""
    import yaml

    key, sep, raw = assignment.partition("=")
    key = key.strip()
    if not sep or not key:
        raise ConfigError(f"--set {assignment!r}: expected STAGE.PARAM=VALUE")
    parts = key.split(".")
    try:
        value = yaml.safe_load(raw) if raw.strip() else ""
    except yaml.YAMLError:
        value = raw
    if parts[0] in ("pipeline", "skip") and len(parts) == 1:
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        return Layer("--set", {parts[0]: value})
    if len(parts) != 2:
        raise ConfigError(f"--set {assignment!r}: expected STAGE.PARAM=VALUE")
    return Layer("--set", {"stages": {parts[0]: {parts[1]: value}}})


def user_layers(env: Optional[typing.Mapping[str, str]] = None) -> list[Layer]:
    """The user's config file and ``NEWSPARSE_CONFIG``, in precedence order (lowest first)."""
    env = os.environ if env is None else env
    layers = []
    xdg = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME", "~")).expanduser() / ".config")
    user_file = Path(xdg) / "newsparse" / "config.yaml"
    if user_file.is_file():
        layers.append(load_file(user_file))
    if env.get("NEWSPARSE_CONFIG"):
        layers.append(load_file(env["NEWSPARSE_CONFIG"]))
    return layers


# ---------------------------------------------------------------- merging


def merge(layers: list[Layer]) -> Config:
    """Merge layers (lowest precedence first) and validate against the stage registry."""
    pipeline: list[str] = []
    skip: list[str] = []
    stages: dict[str, dict[str, Any]] = {}
    origins: dict[tuple[str, ...], Origin] = {}
    for layer in layers:
        data = layer.data
        for key in data:
            if key not in TOP_LEVEL_KEYS:
                raise ConfigError(
                    f"{layer.origin((key,))}: unknown key {key!r} (expected one of: {', '.join(sorted(TOP_LEVEL_KEYS))})"
                )
        for key in ("pipeline", "skip"):
            if key in data:
                value = data[key]
                if value is None:
                    value = []
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise ConfigError(f"{layer.origin((key,))}: {key!r} must be a list of stage names")
                if key == "pipeline":
                    pipeline = list(value)
                else:
                    skip = list(value)
                origins[(key,)] = layer.origin((key,))
        if "stages" in data:
            block = data["stages"] or {}
            if not isinstance(block, dict):
                raise ConfigError(f"{layer.origin(('stages',))}: 'stages' must be a mapping of stage name to parameters")
            for stage_name, params in block.items():
                if params is None:
                    params = {}
                if not isinstance(params, dict):
                    raise ConfigError(
                        f"{layer.origin(('stages', stage_name))}: stages.{stage_name} must be a mapping of parameters"
                    )
                target = stages.setdefault(stage_name, {})
                for pname, pvalue in params.items():
                    target[pname] = pvalue
                    origins[("stages", stage_name, pname)] = layer.origin(("stages", stage_name, pname))
                origins.setdefault(("stages", stage_name), layer.origin(("stages", stage_name)))
    config = Config(pipeline, skip, stages, origins)
    validate(config)
    return config


def build_config(
    config_file: Optional[str] = None,
    sets: Optional[list[str]] = None,
    skip: Optional[list[str]] = None,
    env: Optional[typing.Mapping[str, str]] = None,
    use_user_config: bool = True,
) -> Config:
    """The effective configuration for a run, honouring the documented precedence."""
    layers = [default_layer()]
    if use_user_config:
        layers += user_layers(env)
    if config_file:
        layers.append(load_file(config_file))
    for assignment in sets or []:
        layers.append(parse_set(assignment))
    config = merge(layers)
    if skip:
        for name in skip:
            if name not in config.pipeline:
                raise ConfigError(f"--skip {name}: no stage named {name!r} in the pipeline ({', '.join(config.pipeline)})")
        config.skip = list(dict.fromkeys(config.skip + list(skip)))
        config.origins[("skip",)] = Origin("--skip")
    return config


# ---------------------------------------------------------------- validation


def _type_name(tp: Any) -> str:
    return getattr(tp, "__name__", None) or str(tp).replace("typing.", "")


def check_type(value: Any, tp: Any) -> tuple[bool, Any]:
    """Check (and gently coerce: int -> float) a value against a parameter type."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is Any:
        return True, value
    if origin in (Union, types.UnionType):
        for arg in args:
            ok, coerced = check_type(value, arg)
            if ok:
                return True, coerced
        return False, value
    if tp is type(None):
        return value is None, value
    if origin is typing.Literal:
        return value in args, value
    if tp is bool:
        return isinstance(value, bool), value
    if tp is int:
        return isinstance(value, int) and not isinstance(value, bool), value
    if tp is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return True, float(value)
        return False, value
    if tp is str:
        return isinstance(value, str), value
    if origin in (list, tuple) or tp in (list, tuple):
        if not isinstance(value, list):
            return False, value
        if args:
            out = []
            for item in value:
                ok, coerced = check_type(item, args[0])
                if not ok:
                    return False, value
                out.append(coerced)
            return True, out
        return True, value
    if origin is dict or tp is dict:
        if not isinstance(value, dict):
            return False, value
        if len(args) == 2:
            out_d = {}
            for k, v in value.items():
                ok_k, ck = check_type(k, args[0])
                ok_v, cv = check_type(v, args[1])
                if not (ok_k and ok_v):
                    return False, value
                out_d[ck] = cv
            return True, out_d
        return True, value
    return isinstance(value, tp) if isinstance(tp, type) else True, value


def param_types(params_cls: type) -> dict[str, Any]:
    return typing.get_type_hints(params_cls)


def validate(config: Config) -> None:
    """Unknown stages, unknown parameters and ill-typed values are ConfigErrors with a location."""
    from newsparse.registry import get_stage_class

    for name in config.pipeline + config.skip:
        try:
            get_stage_class(name)
        except ConfigError as exc:
            key = "pipeline" if name in config.pipeline else "skip"
            raise ConfigError(f"{config.origins.get((key,), Origin('config'))}: {exc}") from None
    for stage_name, params in config.stages.items():
        where = config.origins.get(("stages", stage_name), Origin("config"))
        try:
            cls = get_stage_class(stage_name)
        except ConfigError as exc:
            raise ConfigError(f"{where}: stages.{stage_name}: {exc}") from None
        hints = param_types(cls.Params)
        for pname, value in list(params.items()):
            loc = config.origins.get(("stages", stage_name, pname), where)
            if pname not in hints:
                known = ", ".join(sorted(hints)) or "none"
                raise ConfigError(f"{loc}: stages.{stage_name}.{pname}: unknown parameter (known: {known})")
            ok, coerced = check_type(value, hints[pname])
            if not ok:
                raise ConfigError(
                    f"{loc}: stages.{stage_name}.{pname}: expected {_type_name(hints[pname])}, got {value!r}"
                )
            params[pname] = coerced


def stage_params(config: Config, name: str, params_cls: type) -> Any:
    """Build a stage's Params dataclass from its defaults and the configured overrides."""
    values = dict(config.stages.get(name, {}))
    defaults = params_cls()
    for f in dataclasses.fields(params_cls):
        if f.name not in values:
            values[f.name] = getattr(defaults, f.name)
    return params_cls(**values)
