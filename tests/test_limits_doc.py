"""docs/limits.md lists every limit defined in newsparse/limits.py, with its current default."""
from __future__ import annotations

import re

from newsparse import limits
from tests.conftest import REPO


def test_every_limit_is_documented_with_its_default():
    doc = (REPO / "docs" / "limits.md").read_text(encoding="utf-8")
    names = [n for n in dir(limits) if n.isupper()]
    assert names
    for name in names:
        assert f"`{name}`" in doc, f"{name} missing from docs/limits.md"
        value = getattr(limits, name)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            shown = f"{value:,}" if isinstance(value, int) else f"{value:g}"
            row = next(line for line in doc.splitlines() if f"`{name}`" in line and "|" in line)
            assert re.search(rf"\b{re.escape(shown)}\b", row), f"{name}: default {shown} not in: {row}"


def test_cli_defaults_match_the_limits():
    from newsparse.cli.app import analyze

    import inspect

    params = inspect.signature(analyze).parameters
    assert params["max_bytes"].default.default == limits.MAX_INPUT_BYTES
    assert params["timeout"].default.default == limits.FETCH_TIMEOUT


def test_extract_default_matches_the_limits():
    from newsparse.stages.extract import ExtractParams

    assert ExtractParams().max_chars == limits.MAX_EXTRACT_CHARS
