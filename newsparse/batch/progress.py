"""The batch's stderr: a rich progress bar on a terminal (done/total, articles/s, ETA, failures),
one line per failed input, and nothing else unless asked.

The total is counted by a background thread (a second, cheap pass over the
inputs), so the first article starts at once and the bar learns its total later.
"""
from __future__ import annotations

import threading
from typing import Any, Callable, Optional

from newsparse.cli.env import Environment


class Reporter:
    """Routes per-input messages and progress to stderr; a no-op bar when stderr is not a TTY or --quiet."""

    def __init__(self, env: Environment, show_bar: Optional[bool] = None, total: Optional[int] = None) -> None:
        self.env = env
        self.show_bar = bool(env.stderr_isatty and not env.quiet) if show_bar is None else show_bar
        self.done = 0
        self.failed = 0
        self._progress: Any = None
        self._task: Any = None
        self._total = total

    def __enter__(self) -> "Reporter":
        if self.show_bar:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._progress = Progress(
                TextColumn("[bold]analyze"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                TextColumn("{task.fields[fails]}"),
                console=self.env.console("stderr"),
                transient=False,
                refresh_per_second=4,
            )
            self._progress.start()
            self._task = self._progress.add_task("analyze", total=self._total, rate="", fails="")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def set_total(self, total: Optional[int]) -> None:
        self._total = total
        if self._progress is not None:
            self._progress.update(self._task, total=total)

    def advance(self, ok: bool) -> None:
        self.done += 1
        if not ok:
            self.failed += 1
        if self._progress is not None:
            task = self._progress.tasks[0]
            speed = task.speed
            self._progress.update(
                self._task, advance=1,
                rate=f"{speed:.1f} articles/s" if speed else "",
                fails=f"[red]{self.failed} failed" if self.failed else "",
            )

    def _line(self, text: str) -> None:
        if self._progress is not None:
            self._progress.console.print(text, markup=False, highlight=False, soft_wrap=True)
        else:
            self.env._write_err(text)

    def error(self, message: str) -> None:
        self._line(f"newsparse: error: {message}")

    def warn(self, message: str) -> None:
        if not self.env.quiet:
            self._line(f"newsparse: warning: {message}")

    def info(self, message: str) -> None:
        if not self.env.quiet:
            self._line(f"newsparse: {message}")

    def raw(self, text: str) -> None:
        """A multi-line block (a --debug traceback)."""
        for line in text.rstrip("\n").splitlines():
            self._line(line)


def count_in_background(count: Callable[[], Optional[int]], done: Callable[[Optional[int]], None]) -> threading.Thread:
    """Run ``count`` in a daemon thread and hand its result to ``done`` (errors mean: total unknown)."""

    def work() -> None:
        try:
            total = count()
        except Exception:  # noqa: BLE001 - the bar simply stays without a total
            total = None
        done(total)

    thread = threading.Thread(target=work, name="newsparse-count", daemon=True)
    thread.start()
    return thread
