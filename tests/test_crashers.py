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


# ---------------------------------------------------------------- hangs: superlinear time on long inputs
#
# A stage that is quadratic in some pattern turns one odd 1 MB page into hours: a hung batch.
# These 40 kB inputs take well under a second in a linear implementation; the guard (5 s, a
# hang guard with a wide margin, not a benchmark) fails the quadratic ones. Found by
# adversarial probing (docs/fuzzing.md); the owners' fixes turn the xfails into passes.

HANG_GUARD_SECONDS = 5.0
N = 40_000
LONG_INPUTS = {
    "abbreviation-run": ("Mr. " * (N // 4), None),  # was quadratic in segment.split_sentences
    "capitalised-run": ("Abc " * (N // 4), None),  # was quadratic in ner.spans.split_person_tail
    "cue-chain": ("said " * (N // 5), None),
    "comma-run": (", " * (N // 2), None),
    "apostrophes": ("O'" * (N // 2), None),
    "dot-run": ("." * N, None),
    "short-paragraphs": ("A.\n\n" * (N // 4), None),
    "unclosed-quote": ("\u201c" + "word " * (N // 5), None),
}


def _long_param(name: str):  # noqa: ANN202
    text, known = LONG_INPUTS[name]
    marks = [pytest.mark.xfail(reason=known, strict=False)] if known else []
    return pytest.param(name, id=name, marks=marks)


@pytest.mark.parametrize("name", [_long_param(n) for n in LONG_INPUTS])
def test_long_repetitive_input_is_not_a_hang(name, monkeypatch):
    monkeypatch.setenv("NEWSPARSE_FUZZ_TIMEOUT", str(HANG_GUARD_SECONDS))
    analyze_checked(text=LONG_INPUTS[name][0])
