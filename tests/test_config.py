"""Configuration: precedence with provenance, --set/--skip, and one-line errors with file, key and line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsparse.config import build_config
from newsparse.errors import ConfigError
from tests.helpers import TEXT_EXAMPLE, run_cli


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def layers(tmp_path: Path) -> dict[str, str]:
    """A user config, an env config and a --config file, each setting min_words differently."""
    xdg = tmp_path / "xdg"
    write(xdg / "newsparse" / "config.yaml", "stages:\n  quotes:\n    min_words: 2\n  extract:\n    favor: recall\n")
    env_file = write(tmp_path / "env.yaml", "stages:\n  quotes:\n    min_words: 3\n")
    cli_file = write(tmp_path / "cli.yaml", "stages:\n  quotes:\n    min_words: 4\n")
    return {"XDG_CONFIG_HOME": str(xdg), "NEWSPARSE_CONFIG": str(env_file), "cli": str(cli_file)}


def sources(run_stdout: str) -> dict[str, tuple]:
    data = json.loads(run_stdout)
    return {e["key"]: (e["value"], e["source"]) for e in data["sources"]}


def test_precedence_set_over_config_over_env_over_user_over_default(layers: dict[str, str]) -> None:
    environ = {k: v for k, v in layers.items() if k != "cli"}
    run = run_cli(["config", "show", "--config", layers["cli"], "--set", "quotes.min_words=5"], environ=environ)
    assert run.exit_code == 0, run.stderr
    s = sources(run.stdout)
    assert s["stages.quotes.min_words"] == (5, "--set")
    assert s["stages.extract.favor"][0] == "recall"
    assert s["stages.extract.favor"][1].endswith("config.yaml:5")

    run = run_cli(["config", "show", "--config", layers["cli"]], environ=environ)
    value, source = sources(run.stdout)["stages.quotes.min_words"]
    assert value == 4 and source == f"{layers['cli']}:3"

    run = run_cli(["config", "show"], environ=environ)
    value, source = sources(run.stdout)["stages.quotes.min_words"]
    assert value == 3 and source.startswith(layers["NEWSPARSE_CONFIG"])

    run = run_cli(["config", "show"], environ={"XDG_CONFIG_HOME": layers["XDG_CONFIG_HOME"]})
    assert sources(run.stdout)["stages.quotes.min_words"][0] == 2

    run = run_cli(["config", "show"], environ={"XDG_CONFIG_HOME": "/nonexistent"})
    value, source = sources(run.stdout)["stages.quotes.min_words"]
    assert source.startswith("default")


def test_config_show_table_on_tty() -> None:
    run = run_cli(["config", "show", "--set", "quotes.min_words=7"], tty=True, environ={"NO_COLOR": "1"})
    assert run.exit_code == 0
    assert "stages.quotes.min_words" in run.stdout and "--set" in run.stdout


def test_set_changes_behaviour_of_a_run() -> None:
    run = run_cli(["analyze", TEXT_EXAMPLE, "--set", "quotes.min_words=200"])
    assert run.exit_code == 0
    assert json.loads(run.stdout)["quotes"] == []


def test_skip_and_reorder_by_config(tmp_path: Path) -> None:
    run = run_cli(["analyze", TEXT_EXAMPLE, "--skip", "entities", "--skip", "quotes"])
    record = json.loads(run.stdout)
    assert record["quotes"] == [] and record["entities"] == []
    cfg = write(tmp_path / "order.yaml", "pipeline: [extract, clean, segment, quotes]\n")
    run = run_cli(["analyze", TEXT_EXAMPLE, "--config", str(cfg)])
    record = json.loads(run.stdout)
    assert record["quotes"] and record["entities"] == []


@pytest.mark.parametrize(
    "yaml_text, expected",
    [
        ("stages:\n  quotes: [unclosed\n", ["invalid YAML", ":2"]),
        ("a: &x [1]\nb: *x\n", ["anchors and aliases", ":1"]),
        ("pipeline: [extract, clean, nosuchstage]\n", ["unknown stage 'nosuchstage'", ":1"]),
        ("stages:\n  quotes:\n    min_wordz: 3\n", ["stages.quotes.min_wordz", "unknown parameter", ":3"]),
        ("stages:\n  quotes:\n    min_words: many\n", ["stages.quotes.min_words", "expected int", ":3"]),
        ("stages:\n  extract:\n    favor: fast\n", ["stages.extract.favor", ":3"]),
        ("stages:\n  nosuch:\n    x: 1\n", ["stages.nosuch", "unknown stage", ":2"]),
        ("pipelines: [extract]\n", ["unknown key 'pipelines'", ":1"]),
        ("- just\n- a list\n", ["must be a mapping"]),
        ("stages:\n  quotes: !!python/object:os.system {}\n", ["invalid YAML"]),
    ],
)
def test_config_errors_are_one_line_with_file_key_line(tmp_path: Path, yaml_text: str, expected: list[str]) -> None:
    cfg = write(tmp_path / "bad.yaml", yaml_text)
    run = run_cli(["analyze", TEXT_EXAMPLE, "--config", str(cfg)])
    assert run.exit_code == 2
    assert run.stdout == ""
    line = run.stderr.strip()
    assert "\n" not in line and "Traceback" not in line
    assert str(cfg) in line
    for fragment in expected:
        assert fragment in line


def test_bad_set_and_skip_are_usage_errors() -> None:
    for args in (["--set", "quotes.min_words=lots"], ["--set", "nonsense"], ["--set", "quotes.nope=1"],
                 ["--skip", "nosuchstage"]):
        run = run_cli(["analyze", TEXT_EXAMPLE, *args])
        assert run.exit_code == 2, args
        assert run.stderr.count("\n") == 1 and run.stdout == ""


def test_missing_config_file_and_bad_env_config(tmp_path: Path) -> None:
    run = run_cli(["analyze", TEXT_EXAMPLE, "--config", str(tmp_path / "nope.yaml")])
    assert run.exit_code == 2 and "not found" in run.stderr
    bad = write(tmp_path / "env.yaml", "stages: {quotes: {min_words: x}}\n")
    run = run_cli(["analyze", TEXT_EXAMPLE], environ={"NEWSPARSE_CONFIG": str(bad)})
    assert run.exit_code == 2 and str(bad) in run.stderr


def test_library_build_config_raises_config_error(tmp_path: Path) -> None:
    cfg = write(tmp_path / "bad.yaml", "stages:\n  quotes:\n    min_words: true\n")
    with pytest.raises(ConfigError, match="min_words"):
        build_config(config_file=str(cfg), use_user_config=False)
