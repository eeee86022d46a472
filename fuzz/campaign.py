"""Long fuzz campaigns: run each property of tests/test_fuzz_*.py for a time budget.

    python fuzz/campaign.py --minutes 10                 # every target, 10 minutes each
    python fuzz/campaign.py --minutes 10 --target quotes # one stage
    python fuzz/campaign.py --list

The CI runs the same properties with a few dozen derandomized examples; here they run with
fresh random seeds, batch after batch, until the budget is spent. A failure prints hypothesis's
minimal falsifying example and saves it under fuzz/findings/ (copy the input into
tests/crashers/ to keep it as a regression test). Exit status: 0 no failure, 1 failures.
See docs/fuzzing.md.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("NEWSPARSE_FUZZ_RANDOM", "1")  # before the strategies module reads it
os.environ.setdefault("NEWSPARSE_FUZZ_TIMEOUT", "10")  # seconds per input: slower is a finding (a hang)

# target name -> (module, test function)
TARGETS: dict[str, tuple[str, str]] = {
    "pipeline-text": ("tests.test_fuzz_pipeline", "test_any_text"),
    "pipeline-news-text": ("tests.test_fuzz_pipeline", "test_news_like_text"),
    "pipeline-html": ("tests.test_fuzz_pipeline", "test_any_html"),
    "pipeline-news-html": ("tests.test_fuzz_pipeline", "test_news_like_html"),
    "pipeline-bytes": ("tests.test_fuzz_pipeline", "test_any_bytes"),
    "extract": ("tests.test_fuzz_stages", "test_extract"),
    "clean": ("tests.test_fuzz_stages", "test_clean"),
    "segment": ("tests.test_fuzz_stages", "test_segment"),
    "entities": ("tests.test_fuzz_stages", "test_entities"),
    "quotes": ("tests.test_fuzz_stages", "test_quotes"),
    "language": ("tests.test_fuzz_stages", "test_language"),
    "decode": ("tests.test_fuzz_inputs", "test_decode_bytes_gives_text_or_input_error"),
    "flatten": ("tests.test_fuzz_inputs", "test_flatten_keeps_text_and_bounds_depth"),
    "urls": ("tests.test_fuzz_inputs", "test_check_url_accepts_or_refuses_in_one_line"),
}
FINDINGS = REPO / "fuzz" / "findings"


def load(target: str):  # noqa: ANN201
    import importlib

    module, name = TARGETS[target]
    return getattr(importlib.import_module(module), name)


def run_target(target: str, seconds: float, batch: int) -> tuple[int, int]:
    """Run one property until ``seconds`` pass; returns (examples tried, failures)."""
    tuned = load(target)  # its settings read NEWSPARSE_FUZZ_EXAMPLES / _RANDOM (set in main)
    end = time.monotonic() + seconds
    tried = failures = 0
    while time.monotonic() < end:
        try:
            tuned()
        except Exception as exc:  # noqa: BLE001 - any failure is a finding
            failures += 1
            FINDINGS.mkdir(parents=True, exist_ok=True)
            out = FINDINGS / f"{target}-{int(time.time())}.txt"
            notes = "\n".join(getattr(exc, "__notes__", []))
            out.write_text(notes + "\n\n" + "".join(traceback.format_exception(exc)), encoding="utf-8")
            print(f"  FAILURE in {target}: {type(exc).__name__}: {str(exc)[:200]}\n  {notes[:600]}\n  saved {out}",
                  flush=True)
        tried += batch
    return tried, failures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=10.0, help="budget per target (default 10)")
    ap.add_argument("--target", action="append", choices=sorted(TARGETS), help="repeatable; default: all")
    ap.add_argument("--batch", type=int, default=200, help="examples per hypothesis run (default 200)")
    ap.add_argument("--list", action="store_true", help="list the targets and exit")
    args = ap.parse_args()
    os.environ["NEWSPARSE_FUZZ_EXAMPLES"] = str(args.batch)
    if args.list:
        for name, (module, fn) in TARGETS.items():
            print(f"{name:20} {module}.{fn}")
        return 0
    total_failures = 0
    for target in args.target or list(TARGETS):
        t0 = time.monotonic()
        tried, failures = run_target(target, args.minutes * 60, args.batch)
        total_failures += failures
        print(f"{target:20} {tried:>8,} examples  {failures} failures  {time.monotonic() - t0:6.0f}s", flush=True)
    return 1 if total_failures else 0


if __name__ == "__main__":
    sys.exit(main())
