"""The cue lexicon: verbs and phrases that mark reported speech, loaded from YAML.

Why a data file: which words signal speech is a matter of style and language variety;
users extend it (``extra_cues``, ``cues_file``) without touching code.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

DEFAULT_PATH = Path(__file__).resolve().parent / "cues.yaml"


@dataclass(frozen=True)
class Cue:
    """One cue form: ``words`` (lowercase tokens), its lemma and how it may be used."""

    words: tuple[str, ...]
    lemma: str
    indirect: bool = True  # may introduce a reported clause
    takes_object: bool = False  # "told reporters ..."
    needs_that: bool = False  # as indirect cue only with "that"
    source: bool = False  # "according to X": speaker follows the cue


@dataclass
class CueLexicon:
    """Cue forms indexed by their first word, plus the speaker-noun and title lists."""

    by_first: dict[str, list[Cue]] = field(default_factory=dict)
    speaker_nouns: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()

    def add(self, cue: Cue) -> None:
        lst = self.by_first.setdefault(cue.words[0], [])
        if cue not in lst:
            lst.append(cue)
            lst.sort(key=lambda c: -len(c.words))

    def match(self, words: list[str], i: int) -> Optional[Cue]:
        """The longest cue starting at ``words[i]`` (lowercase words), or None."""
        for cue in self.by_first.get(words[i], ()):
            n = len(cue.words)
            if tuple(words[i : i + n]) == cue.words:
                return cue
        return None


def _add_yaml(lex: CueLexicon, data: dict) -> None:
    obj = set(data.get("object_verbs") or [])
    need = set(data.get("need_that") or [])
    for section, indirect in (("verbs", True), ("direct_only", False)):
        for lemma, forms in (data.get(section) or {}).items():
            for form in forms or []:
                lex.add(Cue(tuple(str(form).lower().split()), str(lemma), indirect, lemma in obj, lemma in need))
    for phrase in data.get("source_phrases") or []:
        lex.add(Cue(tuple(str(phrase).lower().split()), str(phrase), True, False, False, True))
    lex.speaker_nouns = lex.speaker_nouns | {str(w).lower() for w in data.get("speaker_nouns") or []}
    lex.titles = lex.titles | {str(w) for w in data.get("titles") or []}


@lru_cache(maxsize=8)
def _read_yaml(path: str) -> dict:
    import yaml

    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a cue file must be a YAML mapping")
    return data


def load_lexicon(cues_file: Optional[str] = None, extra_cues: Iterable[str] = ()) -> CueLexicon:
    """The packaged lexicon, extended by a user file and extra cue words or phrases."""
    lex = CueLexicon()
    _add_yaml(lex, _read_yaml(str(DEFAULT_PATH)))
    if cues_file:
        _add_yaml(lex, _read_yaml(str(Path(cues_file).expanduser())))
    for phrase in extra_cues:
        words = tuple(str(phrase).lower().split())
        if words:
            lex.add(Cue(words, " ".join(words)))
    return lex
