"""The shipped CRF (``models/ner.crfsuite``): loaded lazily once, tags tokenised sentences."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from newsparse.ner.features import sentence_features

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "ner.crfsuite"
_TAGGERS: dict[str, Any] = {}
_LOCK = threading.Lock()


def tagger(path: Path | str | None = None) -> Any:
    """The pycrfsuite Tagger for ``path`` (default: the shipped model), opened once per process."""
    key = str(path or MODEL_PATH)
    tg = _TAGGERS.get(key)
    if tg is None:
        with _LOCK:
            tg = _TAGGERS.get(key)
            if tg is None:
                import pycrfsuite  # heavy-ish C extension: imported on first use only

                tg = pycrfsuite.Tagger()
                tg.open(key)
                _TAGGERS[key] = tg
    return tg


def tag_sentences(sentences: list[list[str]], path: Path | str | None = None) -> list[list[str]]:
    """IOB2 tags (PER/ORG/LOC/MISC) for each sentence of words."""
    tg = tagger(path)
    out: list[list[str]] = []
    for words in sentences:
        if not words:
            out.append([])
            continue
        out.append(tg.tag(sentence_features(words)))
    return out
