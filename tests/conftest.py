"""Shared test fixtures: the ../shared data folder (skip cleanly when absent), the repo root."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSPARSE_SHARED", REPO.parent / "shared"))
SEED = SHARED / "seed" / "000_c49ed8084bd9069c.txt"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder; tests using it are skipped where it is absent."""
    if not (SHARED / "README.md").is_file():
        pytest.skip("../shared is not available")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    return shared_dir / "seed" / "000_c49ed8084bd9069c.txt"


def cli_env(**extra: str) -> dict[str, str]:
    """Environment for running ``python -m newsparse`` in a subprocess against this checkout."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSPARSE_")}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env["XDG_CONFIG_HOME"] = str(REPO / "tests" / "no-such-config-home")
    env.update(extra)
    return env


NEWSPARSE = [sys.executable, "-m", "newsparse"]
