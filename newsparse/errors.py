"""Error types and exit statuses: user errors print one line, never a traceback."""
from __future__ import annotations

import enum


class ExitStatus(enum.IntEnum):
    """Documented process exit codes (see ``newsparse --help`` and docs/usage.md)."""

    OK = 0
    SOME_FAILED = 1
    USAGE = 2
    ALL_FAILED = 3
    INTERRUPTED = 130


class NewsparseError(Exception):
    """Base class for every error newsparse reports to a user as one line."""

    type: str = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:  # one line, always
        return " ".join(str(self.message).split())


class ConfigError(NewsparseError):
    """Bad YAML, unknown stage, unknown or ill-typed parameter (exit 2)."""

    type = "config_error"


class InputError(NewsparseError):
    """An input that cannot be read or is not an article (empty, binary, too large...)."""

    type = "input_error"


class FetchError(InputError):
    """A URL that could not be fetched (HTTP error, timeout, DNS, wrong content type)."""

    type = "fetch_error"


class StageError(NewsparseError):
    """A stage raised on one article; the article becomes an error record naming the stage."""

    type = "stage_error"

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(f"stage {stage!r} failed: {message}")
        self.stage = stage


class TimeLimitError(NewsparseError):
    """An article took longer than the per-article time limit (``--time-limit``)."""

    type = "time_limit"

    def __init__(self, message: str, stage: str = "") -> None:
        super().__init__(message)
        self.stage = stage
