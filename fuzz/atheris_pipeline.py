"""Coverage-guided fuzzing of the whole pipeline with atheris (optional; not a dependency).

    pip install atheris
    python fuzz/atheris_pipeline.py -max_total_time=600

Same checks as the hypothesis properties (tests/fuzz_checks.py): a record or a typed error,
valid offsets, schema-valid JSON, table and CSV rendering.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import atheris  # noqa: E402

with atheris.instrument_imports():
    from tests.fuzz_checks import analyze_checked


def one_input(data: bytes) -> None:
    analyze_checked(data=data)


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
