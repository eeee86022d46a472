"""Regression corpus: every input in tests/crashers/ must give a valid record or a typed error."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.fuzz_checks import analyze_checked

CRASHERS = Path(__file__).resolve().parent / "crashers"
KNOWN = json.loads((CRASHERS / "xfail.json").read_text(encoding="utf-8"))
CASES = sorted(p for p in CRASHERS.iterdir() if p.suffix in (".txt", ".html", ".bin"))


def _param(path: Path):  # noqa: ANN202
    marks = [pytest.mark.xfail(reason=KNOWN[path.name], strict=False)] if path.name in KNOWN else []
    return pytest.param(path, id=path.name, marks=marks)


@pytest.mark.parametrize("path", [_param(p) for p in CASES])
def test_crasher_stays_fixed(path: Path):
    if path.suffix == ".bin":
        analyze_checked(data=path.read_bytes())
    elif path.suffix == ".html":
        analyze_checked(html=path.read_text(encoding="utf-8"))
    else:
        analyze_checked(text=path.read_text(encoding="utf-8"))


def test_corpus_is_not_empty():
    assert CASES and all(name in {p.name for p in CASES} for name in KNOWN)
