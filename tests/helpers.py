"""Helpers for CLI tests: run the typer app in-process with an injected environment."""
from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Mapping, Optional

from typer.testing import CliRunner

from newsparse.cli import app as app_module
from newsparse.cli.env import Environment

EXAMPLES = app_module.__file__ and __import__("pathlib").Path(__file__).resolve().parent.parent / "examples"
HTML_EXAMPLE = str(EXAMPLES / "harbour-bridge.html")
TEXT_EXAMPLE = str(EXAMPLES / "water-report.txt")


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(args: list[str], *, tty: bool = False, environ: Optional[Mapping[str, str]] = None,
            stdin: Optional[str] = None, monkeypatch=None) -> Run:  # noqa: ANN001
    """Invoke ``newsparse ARGS`` in-process; ``tty`` fakes a terminal on stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    env_vars = dict(environ or {"XDG_CONFIG_HOME": "/nonexistent-newsparse-test"})

    def factory() -> Environment:
        return Environment(stdout=out, stderr=err, stdout_isatty=tty, stderr_isatty=tty, environ=env_vars)

    previous = app_module.environment_factory
    app_module.environment_factory = factory
    try:
        result = CliRunner().invoke(app_module.app, args, input=stdin, catch_exceptions=False)
    finally:
        app_module.environment_factory = previous
    return Run(result.exit_code, out.getvalue() + result.stdout, err.getvalue() + result.stderr)
