"""Config errors: every kind of bad YAML, unknown keys, wrong types, unsafe tags - one line naming
the file, the key and the line, exit 2, no traceback; a stage that raises costs one article only."""
from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsparse import registry
from newsparse.cli.app import app
from newsparse.config import build_config
from newsparse.errors import ConfigError
from newsparse.model import Document
from newsparse.stages.base import Stage
from tests.conftest import NEWSPARSE, REPO, cli_env

ENV = {"XDG_CONFIG_HOME": str(REPO / "tests" / "no-such-config-home"), "NEWSPARSE_CONFIG": ""}
ARTICLE = "Bridge reopens\n\nThe bridge reopened on Monday, said Maria Okafor, after months of repairs.\n"


def invoke(*args: str, env: dict | None = None):
    return CliRunner().invoke(app, list(args), env={**ENV, **(env or {})})


def config_error(result, path: Path | None = None, line: int | None = None) -> str:  # noqa: ANN001
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    msg = lines[0]
    assert msg.startswith("newsparse: error: ")
    if path is not None:
        where = f"{path}:{line}" if line else str(path)
        assert where in msg, (where, msg)
    assert result.stdout == ""
    return msg


@pytest.fixture
def article(tmp_path: Path) -> Path:
    p = tmp_path / "article.txt"
    p.write_text(ARTICLE)
    return p


# ---------------------------------------------------------------- YAML syntax errors

YAML_ERRORS = {
    "tab-indent": ("pipeline:\n\t- extract\n", 2, "invalid YAML"),
    "unclosed-flow": ("pipeline: [extract, clean\nskip: []\n", 2, "invalid YAML"),
    "unclosed-quote": ('stages:\n  quotes:\n    min_words: "3\n', 3, "invalid YAML"),
    "bad-indent": ("stages:\n  quotes:\n    min_words: 3\n   cues: [said]\n", 4, "invalid YAML"),
    "mapping-in-scalar": ("stages: quotes: min_words: 3\n", 1, "invalid YAML"),
    "undefined-alias": ("skip: *nothing\n", 1, "invalid YAML"),
    "duplicate-anchor-junk": ("pipeline: &a [extract]\nskip: &a [\n", 2, "invalid YAML"),
    "top-level-list": ("- extract\n- clean\n", 1, "a config must be a mapping"),
    "top-level-scalar": ("just words\n", 1, "a config must be a mapping"),
}


@pytest.mark.parametrize("name", sorted(YAML_ERRORS))
def test_yaml_syntax_errors(tmp_path, article, name):
    text, line, message = YAML_ERRORS[name]
    cfg = tmp_path / f"{name}.yaml"
    cfg.write_text(text)
    result = invoke("analyze", str(article), "--config", str(cfg))
    assert message in config_error(result, cfg, line)


def test_config_not_utf8(tmp_path, article):
    cfg = tmp_path / "latin.yaml"
    cfg.write_bytes(b"skip: [caf\xe9]\n")
    msg = config_error(invoke("analyze", str(article), "--config", str(cfg)), cfg)
    assert "cannot read config" in msg


def test_config_is_a_binary_file(tmp_path, article):
    cfg = tmp_path / "pic.yaml"
    cfg.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    config_error(invoke("analyze", str(article), "--config", str(cfg)), cfg)


def test_config_file_missing(tmp_path, article):
    msg = config_error(invoke("analyze", str(article), "--config", str(tmp_path / "nope.yaml")))
    assert "config file not found" in msg


def test_empty_config_is_fine(tmp_path, article):
    cfg = tmp_path / "empty.yaml"
    cfg.write_text("# nothing here\n")
    result = invoke("analyze", str(article), "--config", str(cfg), "-f", "json")
    assert result.exit_code == 0, result.stderr


# ---------------------------------------------------------------- unknown keys, wrong types

SEMANTIC_ERRORS = {
    "unknown-top-key": ("pipeline: [extract]\nstagez: {}\n", 2, "unknown key 'stagez'"),
    "unknown-stage-in-pipeline": ("pipeline: [extract, summarise]\n", 1, "unknown stage 'summarise'"),
    "unknown-stage-block": ("stages:\n  sentiment:\n    on: true\n", 2, "stages.sentiment"),
    "unknown-param": ("stages:\n  quotes:\n    min_wordz: 3\n", 3, "stages.quotes.min_wordz: unknown parameter"),
    "int-given-string": ("stages:\n  quotes:\n    min_words: three\n", 3, "stages.quotes.min_words: expected int, got 'three'"),
    "int-given-bool": ("stages:\n  quotes:\n    min_words: yes\n", 3, "expected int, got True"),
    "bool-given-string": ("stages:\n  extract:\n    include_comments: maybe\n", 3, "stages.extract.include_comments: expected bool"),
    "literal-out-of-range": ("stages:\n  extract:\n    favor: fastest\n", 3, "stages.extract.favor: expected"),
    "list-given-scalar": ("stages:\n  quotes:\n    extra_cues: said\n", 3, "stages.quotes.extra_cues: expected"),
    "pipeline-not-a-list": ("pipeline: extract\n", 1, "'pipeline' must be a list of stage names"),
    "pipeline-of-numbers": ("pipeline: [1, 2]\n", 1, "'pipeline' must be a list of stage names"),
    "stages-not-a-mapping": ("stages: [extract]\n", 1, "'stages' must be a mapping"),
    "stage-params-not-a-mapping": ("stages:\n  quotes: 3\n", 2, "stages.quotes must be a mapping"),
}


@pytest.mark.parametrize("name", sorted(SEMANTIC_ERRORS))
def test_unknown_keys_and_wrong_types(tmp_path, article, name):
    text, line, message = SEMANTIC_ERRORS[name]
    cfg = tmp_path / f"{name}.yaml"
    cfg.write_text(text)
    msg = config_error(invoke("analyze", str(article), "--config", str(cfg)), cfg, line)
    assert message in msg, msg


@pytest.mark.parametrize(
    "assignment, message",
    [
        ("nodot", "expected STAGE.PARAM=VALUE"),
        ("quotes.min_words", "expected STAGE.PARAM=VALUE"),
        ("a.b.c=1", "expected STAGE.PARAM=VALUE"),
        ("quotes.min_words=many", "stages.quotes.min_words: expected int"),
        ("nosuchstage.x=1", "unknown stage 'nosuchstage'"),
        ("quotes.nosuch=1", "unknown parameter"),
    ],
)
def test_bad_set(article, assignment, message):
    msg = config_error(invoke("analyze", str(article), "--set", assignment))
    assert message in msg


def test_bad_skip(article):
    assert "no stage named 'nosuch'" in config_error(invoke("analyze", str(article), "--skip", "nosuch"))


def test_bad_config_from_environment_variable(tmp_path, article):
    cfg = tmp_path / "env.yaml"
    cfg.write_text("stages:\n  quotes:\n    min_words: [1, 2]\n")
    msg = config_error(invoke("analyze", str(article), env={"NEWSPARSE_CONFIG": str(cfg)}), cfg, 3)
    assert "stages.quotes.min_words" in msg


def test_bad_user_config_file(tmp_path, article):
    (tmp_path / "newsparse").mkdir()
    cfg = tmp_path / "newsparse" / "config.yaml"
    cfg.write_text("pipeline: [extract\n")
    config_error(invoke("analyze", str(article), env={"XDG_CONFIG_HOME": str(tmp_path)}), cfg)


# ---------------------------------------------------------------- security: no code from configs


@pytest.mark.parametrize(
    "payload",
    [
        "skip: !!python/object/apply:os.system ['touch {marker}']\n",
        "skip: [!!python/object/apply:os.system ['touch {marker}']]\n",
        "stages:\n  quotes:\n    min_words: !!python/object/apply:os.system ['touch {marker}']\n",
        "stages:\n  quotes:\n    extra_cues: [!!python/name:os.system ]\n",
        "stages: !!python/object/new:os.system ['touch {marker}']\n",
        "pipeline: !!python/object:subprocess.Popen {{args: ['touch', '{marker}']}}\n",
    ],
)
def test_python_object_tags_are_refused(tmp_path, article, payload):
    marker = tmp_path / "pwned"
    cfg = tmp_path / "evil.yaml"
    cfg.write_text(payload.format(marker=marker))
    result = invoke("analyze", str(article), "--config", str(cfg))
    config_error(result, cfg)
    assert not marker.exists()


def test_set_value_with_python_tag_is_not_executed(tmp_path, article):
    marker = tmp_path / "pwned"
    result = invoke("analyze", str(article), "--set", f"quotes.min_words=!!python/object/apply:os.system ['touch {marker}']")
    assert result.exit_code == 2
    assert not marker.exists()


def test_stage_names_resolve_only_to_registered_stages(tmp_path, article):
    """A config can name a stage, never a module path to import."""
    cfg = tmp_path / "import.yaml"
    cfg.write_text("pipeline: ['os:system', 'subprocess:Popen']\n")
    assert "unknown stage 'os:system'" in config_error(invoke("analyze", str(article), "--config", str(cfg)), cfg)


def test_recursive_alias_is_a_config_error_not_a_traceback(tmp_path):
    cfg = tmp_path / "loop.yaml"
    cfg.write_text("skip: &a [*a]\n")
    assert_config_error_in_a_process(cfg)


def test_alias_bomb_is_bounded(tmp_path):
    cfg = tmp_path / "lol.yaml"
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    cfg.write_text("\n".join(lines) + "\n")
    assert_config_error_in_a_process(cfg)


def assert_config_error_in_a_process(cfg: Path) -> None:
    """``config show`` in a real process (the timeout guards against a hang): one line, exit 2."""
    proc = subprocess.run([*NEWSPARSE, "config", "show", "--config", str(cfg)], capture_output=True,
                          text=True, env=cli_env(), timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith(f"newsparse: error: {cfg}:") and proc.stderr.count("\n") == 1, proc.stderr


def test_library_config_errors_are_typed(tmp_path):
    cfg = tmp_path / "bad.yaml"
    cfg.write_text("stages:\n  quotes:\n    min_words: x\n")
    with pytest.raises(ConfigError) as info:
        build_config(config_file=str(cfg), use_user_config=False)
    assert f"{cfg}:3" in str(info.value)


# ---------------------------------------------------------------- a stage that raises


@dataclasses.dataclass
class _BoomParams:
    trigger: str = "EXPLODE"


class BoomStage(Stage):
    """Raises on articles containing the trigger word; a stand-in for a buggy plugin."""

    name = "test_boom"
    Params = _BoomParams
    description = "raises on purpose (tests)"

    def process(self, doc: Document) -> Document:
        if self.params.trigger in doc.text:
            secret = "hunter2"  # noqa: F841 - a local that must never show in error output
            raise ValueError(f"cannot handle {self.params.trigger}")
        return doc


class DeepStage(Stage):
    name = "test_deep"
    description = "recurses without end on purpose (tests)"

    def process(self, doc: Document) -> Document:
        def down(n: int) -> int:
            return down(n + 1) + 1

        if "RECURSE" in doc.text:
            down(0)
        return doc


@pytest.fixture
def boom_config(tmp_path: Path) -> Path:
    registry.register(BoomStage)
    registry.register(DeepStage)
    cfg = tmp_path / "boom.yaml"
    cfg.write_text("pipeline: [extract, clean, test_boom, test_deep, segment, entities, quotes]\n")
    yield cfg
    registry._registered.pop("test_boom", None)
    registry._registered.pop("test_deep", None)


def test_a_stage_that_raises_costs_one_article(tmp_path, boom_config):
    inputs = []
    for i, body in enumerate(["All calm in the harbour today.", "Then it went EXPLODE in the harbour.",
                              "Everything went RECURSE in the town.", "All calm again, said Ana Ruiz."]):
        p = tmp_path / f"{i}.txt"
        p.write_text(f"Headline {i}\n\n{body}\n")
        inputs.append(str(p))
    # --jobs 1: the test stage is registered in this process only (real plugins are entry points)
    result = invoke("analyze", *inputs, "--config", str(boom_config), "-f", "jsonl", "--jobs", "1")
    assert result.exit_code == 1, result.stderr
    recs = sorted((json.loads(line) for line in result.stdout.splitlines()), key=lambda r: r["index"])
    assert [r["input"] for r in recs] == inputs
    assert ["error" in r for r in recs] == [False, True, True, False]
    boom, deep = recs[1]["error"], recs[2]["error"]
    assert boom == {"type": "stage_error", "stage": "test_boom",
                    "message": "stage 'test_boom' failed: ValueError: cannot handle EXPLODE"}
    assert deep["stage"] == "test_deep" and "nested too deeply" in deep["message"]
    errors = [ln for ln in result.stderr.splitlines() if ln.strip()]
    # one line per failed input, in whatever order the worker finished them
    assert sorted(errors) == sorted([f"newsparse: error: {inputs[1]}: {boom['message']}",
                                     f"newsparse: error: {inputs[2]}: {deep['message']}"])
    assert "hunter2" not in result.stderr + result.stdout and "Traceback" not in result.stderr


def test_a_stage_that_raises_in_a_real_process_shows_no_locals(tmp_path):
    """Subprocess: the plugin is registered by a tiny wrapper script; stderr must be one line."""
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nThen it went EXPLODE in the harbour today.\n")
    cfg = tmp_path / "boom.yaml"
    cfg.write_text("pipeline: [extract, clean, test_boom]\n")
    script = tmp_path / "run.py"
    script.write_text(
        "import sys\n"
        "from newsparse import registry\n"
        "from tests.test_config_errors import BoomStage\n"
        "registry.register(BoomStage)\n"
        "from newsparse.cli.app import main\n"
        f"sys.argv = ['newsparse', 'analyze', {str(article)!r}, '--config', {str(cfg)!r}, '-f', 'json', '--jobs', '1']\n"
        "main()\n"
    )
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=cli_env(),
                          cwd=str(REPO), timeout=60)
    assert proc.returncode == 3
    assert proc.stderr == f"newsparse: error: {article}: stage 'test_boom' failed: ValueError: cannot handle EXPLODE\n"
    assert "hunter2" not in proc.stdout + proc.stderr
