"""The process environment the CLI talks to, injectable so tests can fake a TTY (as httpie does)."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import IO, Mapping, Optional


@dataclass
class Environment:
    """Streams, TTY-ness and colour policy for one CLI run."""

    stdout: IO[str] = field(default_factory=lambda: sys.stdout)
    stderr: IO[str] = field(default_factory=lambda: sys.stderr)
    stdout_isatty: Optional[bool] = None
    stderr_isatty: Optional[bool] = None
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    no_color: bool = False
    quiet: bool = False
    debug: bool = False

    def __post_init__(self) -> None:
        if self.stdout_isatty is None:
            self.stdout_isatty = _isatty(self.stdout)
        if self.stderr_isatty is None:
            self.stderr_isatty = _isatty(self.stderr)

    @property
    def color(self) -> bool:
        return not self.no_color and "NO_COLOR" not in self.environ and self.environ.get("TERM") != "dumb"

    def console(self, stream: str = "stdout"):  # noqa: ANN201 - rich is imported lazily
        from rich.console import Console

        tty = self.stdout_isatty if stream == "stdout" else self.stderr_isatty
        return Console(
            file=self.stdout if stream == "stdout" else self.stderr,
            force_terminal=bool(tty),
            no_color=not self.color,
            color_system="auto" if self.color else None,
            highlight=False,
            soft_wrap=False,
            width=None if tty else 120,
        )

    def error(self, message: str) -> None:
        """One line on stderr, prefixed so it is recognisable in logs."""
        self._write_err(f"newsparse: error: {message}")

    def warn(self, message: str) -> None:
        if not self.quiet:
            self._write_err(f"newsparse: warning: {message}")

    def info(self, message: str) -> None:
        if not self.quiet:
            self._write_err(f"newsparse: {message}")

    def _write_err(self, line: str) -> None:
        try:
            self.stderr.write(line.rstrip("\n") + "\n")
            self.stderr.flush()
        except (BrokenPipeError, ValueError):
            pass


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
