"""The example configs in configs/ load, and configs/default.yaml is the packaged default."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from newsparse.config import build_config

CONFIGS = Path(__file__).resolve().parent.parent / "configs"


def test_top_level_default_is_the_packaged_default() -> None:
    packaged = resources.files("newsparse.configs").joinpath("default.yaml").read_text(encoding="utf-8")
    assert (CONFIGS / "default.yaml").read_text(encoding="utf-8") == packaged


@pytest.mark.parametrize("path", sorted(CONFIGS.glob("*.yaml")), ids=lambda p: p.name)
def test_example_configs_are_valid(path: Path) -> None:
    config = build_config(config_file=str(path), use_user_config=False)
    assert config.active_stages()[:2] == ["extract", "clean"]
