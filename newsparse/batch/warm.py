"""Imported by the pool's forkserver: load the heavy parts once, so every worker forks warm.

Workers are recycled every ``--max-tasks-per-child`` articles (parsers and their
caches only grow); with the libraries imported and the models loaded here, in
the forkserver, a fresh worker costs a fork instead of seconds of loading, and
the loaded models are shared copy-on-write between workers.
"""
from __future__ import annotations


def _warm() -> None:
    try:
        from newsparse.inputs.sources import Source
        from newsparse.pipeline import Pipeline

        pipeline = Pipeline.from_config(None, use_user_config=False)
        html = ("<html><head><title>Warm up</title></head><body><article><h1>Warm up</h1>"
                "<p>\"The bridge opens on Monday,\" said Ana Ruiz, the mayor of Springfield.</p>"
                "</article></body></html>")
        pipeline.run(Source("warm.html", text=html, content_type="html").to_document())
        pipeline.run(Source("warm.txt", text="Warm up\n\n\"It opens soon,\" said Ana Ruiz.\n",
                            content_type="text").to_document())
    except Exception:  # noqa: BLE001 - warming is an optimisation; a worker builds what it needs anyway
        pass


_warm()
