"""Which language is an article in? Small, offline, good enough to warn before English-only rules.

Two signals, both cheap: the Unicode script of the letters (Greek, Hebrew, Thai, Hangul, Kana,
Han, Devanagari... each names a language on its own), and for scripts several languages share
(Latin, Cyrillic, Arabic) the share of words that are among each language's most frequent words
(``newsparse/data/stopwords.tsv``, built by ``training/build_stopwords.py`` from wordfreq).

The :class:`LanguageStage` puts the guess in ``metadata.language`` (when the page did not
state one), adds a warning for a non-English article (shown on stderr by the CLI) and, as
configured, marks, skips or refuses the English-only stages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal, Optional

from newsparse import limits
from newsparse.errors import InputError
from newsparse.model import Document
from newsparse.stages.base import Stage

_WORD = re.compile(r"[^\W\d_]+")

# Scripts that identify one language (or one dominant news language) by themselves.
_SCRIPT_RANGES: list[tuple[int, int, str]] = [
    (0x0041, 0x024F, "latin"),
    (0x1E00, 0x1EFF, "latin"),
    (0x0370, 0x03FF, "el"),
    (0x1F00, 0x1FFF, "el"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0590, 0x05FF, "he"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
    (0x0900, 0x097F, "hi"),
    (0x0980, 0x09FF, "bn"),
    (0x0A80, 0x0AFF, "gu"),
    (0x0B80, 0x0BFF, "ta"),
    (0x0C00, 0x0C7F, "te"),
    (0x0D00, 0x0D7F, "ml"),
    (0x0E00, 0x0E7F, "th"),
    (0x10A0, 0x10FF, "ka"),
    (0x0530, 0x058F, "hy"),
    (0x1100, 0x11FF, "ko"),
    (0xAC00, 0xD7AF, "ko"),
    (0x3040, 0x30FF, "kana"),
    (0x4E00, 0x9FFF, "han"),
    (0x3400, 0x4DBF, "han"),
]
_SHARED_SCRIPTS = {"latin", "cyrillic", "arabic"}


@dataclass
class LanguageGuess:
    """A language code (ISO 639-1) or None when the evidence is too thin, and how sure we are."""

    code: Optional[str]
    confidence: float = 0.0
    script: Optional[str] = None
    words: int = 0
    scores: dict[str, float] = field(default_factory=dict)

    @property
    def is_english(self) -> bool:
        return self.code == "en"


@lru_cache(maxsize=1)
def stopwords() -> dict[str, frozenset[str]]:
    """Each language's most frequent words, loaded once from the packaged data file."""
    text = (Path(__file__).resolve().parent / "data" / "stopwords.tsv").read_text(encoding="utf-8")
    out: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lang, _, words = line.partition("\t")
        out[lang.strip()] = frozenset(words.split())
    return out


@lru_cache(maxsize=1)
def _weights() -> dict[str, dict[str, float]]:
    """word -> {language: weight}; a word frequent in k languages counts 1/k for each."""
    langs_of: dict[str, list[str]] = {}
    for lang, words in stopwords().items():
        for w in words:
            langs_of.setdefault(w, []).append(lang)
    return {w: {lang: 1.0 / len(ls) for lang in ls} for w, ls in langs_of.items()}


def _script_of(ch: str) -> Optional[str]:
    cp = ord(ch)
    if cp < 0x41:
        return None
    for lo, hi, name in _SCRIPT_RANGES:
        if lo <= cp <= hi:
            return name
    return None


def _scripts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            s = _script_of(ch)
            if s:
                counts[s] = counts.get(s, 0) + 1
    return counts


_SCRIPT_LANGS = {"cyrillic": {"ru", "uk", "bg", "hr"}, "arabic": {"ar", "fa", "ur"}}


def detect_language(text: str, min_words: int = limits.LANGUAGE_MIN_WORDS,
                    sample_chars: int = limits.LANGUAGE_SAMPLE_CHARS) -> LanguageGuess:
    """Guess the language of ``text`` (its first ``sample_chars`` characters)."""
    sample = text[:sample_chars]
    scripts = _scripts(sample)
    letters = sum(scripts.values())
    if letters == 0:
        return LanguageGuess(None)
    script, count = max(scripts.items(), key=lambda kv: kv[1])
    if scripts.get("kana", 0) >= 0.1 * (scripts.get("kana", 0) + scripts.get("han", 0)) and \
            script in ("kana", "han"):
        script = "kana"
    if script not in _SHARED_SCRIPTS:
        if count < min_words:  # CJK: a character is about a word; others: still little evidence
            return LanguageGuess(None, script=script, words=count)
        code = {"kana": "ja", "han": "zh"}.get(script, script)
        return LanguageGuess(code, confidence=round(count / letters, 3), script=script, words=count)
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < min_words:
        return LanguageGuess(None, script=script, words=len(words))
    weights = _weights()
    allowed = _SCRIPT_LANGS.get(script)
    scores: dict[str, float] = {}
    for w in words:
        for lang, wt in weights.get(w, {}).items():
            if allowed is None or lang in allowed:
                scores[lang] = scores.get(lang, 0.0) + wt
    if not scores:
        return LanguageGuess(None, script=script, words=len(words))
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    coverage = top / len(words)  # weighted share of the words that are this language's frequent words
    if coverage < 0.05:
        return LanguageGuess(None, script=script, words=len(words), scores=dict(ranked[:5]))
    margin = (top - second) / top
    confidence = round(min(1.0, margin * min(1.0, coverage / 0.15)), 3)
    return LanguageGuess(best, confidence=confidence, script=script, words=len(words),
                         scores={k: round(v / len(words), 4) for k, v in ranked[:5]})


# ---------------------------------------------------------------- the stage


@dataclass
class LanguageParams:
    #: Languages the rules downstream were written for; others get a warning.
    expected: list[str] = field(default_factory=lambda: ["en"])
    #: What to do with an article in another language: ``warn`` (mark it, run everything),
    #: ``skip`` (also skip the English-only stages), ``error`` (refuse the article).
    on_other: Literal["warn", "skip", "error"] = "warn"
    #: The stages whose rules assume English.
    english_only: list[str] = field(default_factory=lambda: ["quotes", "entities"])
    #: Below this confidence the guess is recorded but no action is taken.
    min_confidence: float = 0.2
    min_words: int = limits.LANGUAGE_MIN_WORDS


class LanguageStage(Stage):
    """Detect the article's language; warn (and optionally skip English-only stages) if unexpected."""

    name = "language"
    Params = LanguageParams
    description = "detect the language; warn on, skip or refuse non-English articles"

    def process(self, doc: Document) -> Document:
        p = self.params
        guess = detect_language(doc.text or "", min_words=p.min_words)
        doc.extra["language"] = {"detected": guess.code, "confidence": guess.confidence}
        if guess.code and not doc.metadata.language:
            doc.metadata.language = guess.code
        if guess.code is None or guess.code in p.expected or guess.confidence < p.min_confidence:
            return doc
        expected = "/".join(p.expected)
        if p.on_other == "error":
            raise InputError(f"{doc.input}: the article looks {guess.code!r}, not {expected} "
                             f"(set language.on_other=warn to analyze it anyway)")
        if p.on_other == "skip":
            skipped = list(p.english_only)
            doc.extra["skipped_stages"] = sorted(set(doc.extra.get("skipped_stages", [])) | set(skipped))
            doc.warnings.append(f"the article looks {guess.code!r}, not {expected}: skipped the "
                                f"{expected}-only stages ({', '.join(skipped)})")
        else:
            doc.warnings.append(f"the article looks {guess.code!r}, not {expected}: "
                                f"{', '.join(p.english_only)} use {expected} rules, expect misses")
        return doc
