"""Speaker-name comparison for evaluation: exact after normalisation, and lenient (same surname)."""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

# Courtesy titles, honorifics and abbreviated ranks written before a name; dropped only
# at the start of a name (so "General Motors" keeps its "general").
HONORIFICS = frozenset(
    """mr mrs ms miss mx dr prof professor sir dame lord lady madam madame rev reverend fr
    hon honourable honorable rt sen rep gov gen col capt captain lt sgt cpl mme mlle herr frau""".split()
)
SUFFIXES = frozenset("jr sr ii iii iv phd md".split())
_NON_WORD = re.compile(r"[^\w\s-]+")


def normalise_name(name: Optional[str]) -> str:
    """Lower case, accents stripped, punctuation and honorifics removed, spaces collapsed.

    ``"Dr. José  O'Neil"`` and ``"jose oneil"`` normalise alike; ``"Trump's"`` loses
    its possessive.
    """
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = _NON_WORD.sub("", text).replace("-", " ")
    words = text.split()
    while len(words) > 1 and words[0] in HONORIFICS:
        words.pop(0)
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    return " ".join(words)


_STOP = frozenset("the a an of and for".split())


def surname(name: Optional[str]) -> str:
    """The last word of the normalised name (``""`` if none)."""
    words = [w for w in normalise_name(name).split() if w not in _STOP]
    return words[-1] if words else ""


def same_speaker_exact(predicted: Optional[str], gold: Optional[str]) -> bool:
    p, g = normalise_name(predicted), normalise_name(gold)
    return bool(p) and p == g


def same_speaker_lenient(predicted: Optional[str], gold: Optional[str]) -> bool:
    """Same surname; also accepts one name's words contained in the other's.

    Containment covers family-name-first names (``"Zhao"`` for ``"Zhao Lijian"``)
    where the last word is the given name.
    """
    if same_speaker_exact(predicted, gold):
        return True
    p_words = [w for w in normalise_name(predicted).split() if w not in _STOP]
    g_words = [w for w in normalise_name(gold).split() if w not in _STOP]
    if not p_words or not g_words:
        return False
    if p_words[-1] == g_words[-1]:
        return True
    p_set, g_set = set(p_words), set(g_words)
    return p_set <= g_set or g_set <= p_set
