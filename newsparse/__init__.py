"""newsparse: clean text, quotations with speakers, and counted entities from news articles.

The library API is small: :func:`analyze` for one article, :class:`Pipeline` to
reuse a configured pipeline over many. Heavy dependencies load lazily.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
SCHEMA_VERSION = "1"

__all__ = ["__version__", "SCHEMA_VERSION", "analyze", "Pipeline", "Analysis", "Document", "build_config"]

if TYPE_CHECKING:  # pragma: no cover
    from newsparse.api import analyze
    from newsparse.config import build_config
    from newsparse.model import Analysis, Document
    from newsparse.pipeline import Pipeline


def __getattr__(name: str) -> Any:
    if name == "analyze":
        from newsparse.api import analyze

        return analyze
    if name == "Pipeline":
        from newsparse.pipeline import Pipeline

        return Pipeline
    if name in ("Analysis", "Document"):
        from newsparse import model

        return getattr(model, name)
    if name == "build_config":
        from newsparse.config import build_config

        return build_config
    raise AttributeError(f"module 'newsparse' has no attribute {name!r}")
