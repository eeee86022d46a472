"""CLI output: formats, TTY detection, colour, stdout/stderr separation, exit codes."""
from __future__ import annotations

import csv
import io
import json

import pytest

from newsparse.errors import ExitStatus
from tests.helpers import HTML_EXAMPLE, TEXT_EXAMPLE, run_cli

ANSI = "\x1b["


def test_piped_output_is_json() -> None:
    run = run_cli(["analyze", HTML_EXAMPLE])
    assert run.exit_code == 0
    record = json.loads(run.stdout)
    assert record["schema_version"] == "1"
    assert record["input"] == HTML_EXAMPLE
    assert run.stderr == ""


def test_tty_output_is_tables_with_colour() -> None:
    run = run_cli(["analyze", HTML_EXAMPLE], tty=True)
    assert run.exit_code == 0
    assert "Quotes" in run.stdout and "Entities" in run.stdout
    assert "Council approves" in run.stdout
    assert ANSI in run.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(run.stdout)


@pytest.mark.parametrize("how", ["env", "flag"])
def test_no_color(how: str) -> None:
    environ = {"NO_COLOR": "1"} if how == "env" else {}
    args = ["analyze", HTML_EXAMPLE] + (["--no-color"] if how == "flag" else [])
    run = run_cli(args, tty=True, environ=environ)
    assert run.exit_code == 0
    assert "Quotes" in run.stdout
    assert ANSI not in run.stdout


def test_explicit_table_when_piped_has_no_escape_codes() -> None:
    run = run_cli(["analyze", TEXT_EXAMPLE, "--format", "table"])
    assert run.exit_code == 0 and "Quotes" in run.stdout
    assert ANSI not in run.stdout


def test_several_inputs_give_json_lines_with_input_and_index() -> None:
    run = run_cli(["analyze", HTML_EXAMPLE, TEXT_EXAMPLE])
    assert run.exit_code == 0
    lines = run.stdout.strip().split("\n")
    records = sorted((json.loads(line) for line in lines), key=lambda r: r["index"])  # completion order
    assert [r["index"] for r in records] == [0, 1]
    assert [r["input"] for r in records] == [HTML_EXAMPLE, TEXT_EXAMPLE]


def test_jsonl_for_single_input_is_one_line() -> None:
    run = run_cli(["analyze", TEXT_EXAMPLE, "-f", "jsonl"])
    assert run.exit_code == 0
    assert run.stdout.count("\n") == 1
    assert json.loads(run.stdout)["index"] == 0


def test_csv_quotes_and_entities() -> None:
    run = run_cli(["analyze", HTML_EXAMPLE, TEXT_EXAMPLE, "-f", "csv"])
    assert run.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert rows and {"speaker", "quote", "cue", "kind", "input"} <= set(rows[0])
    assert {r["input"] for r in rows} == {HTML_EXAMPLE, TEXT_EXAMPLE}
    run = run_cli(["analyze", TEXT_EXAMPLE, "-f", "csv", "--csv-of", "entities"])
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert rows and {"name", "type", "count", "quoted"} <= set(rows[0])
    assert all(int(r["count"]) >= 1 for r in rows)


def test_missing_file_is_one_line_on_stderr_and_exit_3() -> None:
    run = run_cli(["analyze", "no/such/article.html"])
    assert run.exit_code == ExitStatus.ALL_FAILED == 3
    assert run.stderr.strip().count("\n") == 0
    assert "no/such/article.html" in run.stderr and "no such file" in run.stderr
    assert "Traceback" not in run.stderr
    record = json.loads(run.stdout)
    assert record["error"]["type"] == "input_error"


def test_some_failed_exit_1_and_others_still_run() -> None:
    run = run_cli(["analyze", HTML_EXAMPLE, "missing.txt", TEXT_EXAMPLE])
    assert run.exit_code == ExitStatus.SOME_FAILED == 1
    records = sorted((json.loads(line) for line in run.stdout.strip().split("\n")), key=lambda r: r["index"])
    assert len(records) == 3
    assert "error" in records[1] and records[1]["input"] == "missing.txt"
    assert records[0]["quotes"] and records[2]["quotes"]


def test_empty_input_is_an_error(tmp_path) -> None:  # noqa: ANN001
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    run = run_cli(["analyze", str(empty)])
    assert run.exit_code == 3
    assert "empty" in run.stderr


def test_stdin_dash() -> None:
    text = open(TEXT_EXAMPLE, encoding="utf-8").read()
    run = run_cli(["analyze", "-"], stdin=text)
    assert run.exit_code == 0
    record = json.loads(run.stdout)
    assert record["input"] == "-"
    assert record["metadata"]["title"].startswith("Drought")


def test_folder_input_is_json_lines(tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(open(TEXT_EXAMPLE, encoding="utf-8").read())
    (tmp_path / "sub" / "b.html").write_text(open(HTML_EXAMPLE, encoding="utf-8").read())
    (tmp_path / "notes.md").write_text("# not an article")
    run = run_cli(["analyze", str(tmp_path)])
    assert run.exit_code == 0
    records = [json.loads(line) for line in run.stdout.strip().split("\n")]
    assert sorted(r["input"].rsplit("/", 1)[-1] for r in records) == ["a.txt", "b.html"]


def test_usage_error_is_exit_2() -> None:
    run = run_cli(["analyze", HTML_EXAMPLE, "--format", "yaml"])
    assert run.exit_code == 2
    run = run_cli(["analyze", HTML_EXAMPLE, "--no-such-flag"])
    assert run.exit_code == 2


def test_explain_lists_removed_lines() -> None:
    run = run_cli(["analyze", TEXT_EXAMPLE, "--explain"])
    record = json.loads(run.stdout)
    removed = [r["text"] for r in record["removed"]]
    assert any("All rights reserved" in r for r in removed)
    assert all(r["reason"] for r in record["removed"])
    assert "All rights reserved" not in record["text"]


def test_version_and_schema() -> None:
    run = run_cli(["--version"])
    assert run.exit_code == 0 and run.stdout.startswith("newsparse ")
    run = run_cli(["schema"])
    assert json.loads(run.stdout)["title"].startswith("newsparse analysis record")


def test_stages_command_lists_parameters() -> None:
    run = run_cli(["stages", "--format", "json"])
    rows = {r["name"]: r for r in json.loads(run.stdout)}
    assert {"extract", "clean", "segment", "entities", "quotes"} <= set(rows)
    assert any(p["name"] == "favor" and p["default"] == "balanced" for p in rows["extract"]["params"])
    run = run_cli(["stages"], tty=True)
    assert "favor" in run.stdout


def test_shared_options_read_the_same_in_every_command() -> None:
    """--config/--set/--skip/--quiet/--no-color/--debug are declared once (cli/options.py)."""
    import typer.main

    from newsparse.cli.app import app

    SHARED = {"--config", "--set", "--skip", "--quiet", "--no-color", "--debug"}
    group = typer.main.get_command(app)
    helps: dict[str, set[str]] = {}

    def walk(command) -> None:  # noqa: ANN001 - typer's own click command class
        for sub in getattr(command, "commands", {}).values():
            walk(sub)
        for param in command.params:
            if param.param_type_name == "option" and param.opts[0] in SHARED:
                helps.setdefault(param.opts[0], set()).add(f"{param.opts} {param.help}")

    walk(group)
    assert SHARED <= set(helps)
    assert all(len(texts) == 1 for texts in helps.values()), helps
