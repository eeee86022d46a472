"""The library entry point: ``newsparse.analyze``."""
from __future__ import annotations

from typing import Optional, Union

from newsparse.config import Config
from newsparse.inputs.sources import Source, load_source
from newsparse.model import Analysis
from newsparse.pipeline import Pipeline

_default_pipeline: Optional[Pipeline] = None


def _pipeline_for(config: Union[Config, str, Pipeline, None]) -> Pipeline:
    global _default_pipeline
    if isinstance(config, Pipeline):
        return config
    if config is None:
        if _default_pipeline is None:
            _default_pipeline = Pipeline.from_config(None, use_user_config=False)
        return _default_pipeline
    return Pipeline.from_config(config)


def analyze(
    source: Union[str, bytes, Source],
    config: Union[Config, str, Pipeline, None] = None,
    *,
    text: Optional[str] = None,
    html: Optional[str] = None,
) -> Analysis:
    """Analyze one article.

    ``source`` is a file path, an http(s) URL, ``-`` for stdin, or a :class:`Source`.
    Pass ``text=`` or ``html=`` to analyze a string directly (``source`` then only
    names it). ``config`` is a :class:`Config`, a YAML path, a built
    :class:`Pipeline`, or None for the packaged default (user config files are not
    read by the library; the CLI reads them).
    """
    pipeline = _pipeline_for(config)
    if text is not None or html is not None:
        src = Source.from_string(html if html is not None else text, name=str(source or "<string>"),
                                 content_type="html" if html is not None else "text")
    elif isinstance(source, Source):
        src = source
    elif isinstance(source, bytes):
        src = Source.from_bytes(source, name="<bytes>")
    else:
        src = load_source(source)
    return pipeline.run(src.to_document())
