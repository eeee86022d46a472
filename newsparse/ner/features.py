"""CRF features for news NER, computed once per word type and cached.

A token's features are the concatenation of cached lists: its own word-type features, the
neighbour features of the words at offsets -2..+2, and a few position features (sentence start,
all-caps headline, gazetteer phrase membership). Only position features are built per token, so
tagging stays fast. All-caps sentences (headlines) are truecased first - a word whose lowercase
form is common becomes lowercase, any other word Title-case - so they look like ordinary text.
"""
from __future__ import annotations

import re
from functools import lru_cache

from newsparse.ner.gazetteers import first_names, gazetteer, multiword_max

_SHAPE_SUBS = ((re.compile(r"[A-Z]"), "X"), (re.compile(r"[a-z]"), "x"), (re.compile(r"\d"), "d"))
_REPEAT = re.compile(r"(.)\1+")
_OWN: dict[str, list[str]] = {}
_NEIGH: dict[tuple[str, int], list[str]] = {}
_CACHE_MAX = 500_000


def shape(word: str) -> str:
    """Short word shape: ``Xx``, ``X.X.``, ``dd-dd`` collapsed (``McDonald`` -> ``XxXx``)."""
    s = word
    for rx, rep in _SHAPE_SUBS:
        s = rx.sub(rep, s)
    return _REPEAT.sub(r"\1", s)


def _gaz_classes(word: str) -> tuple[str, ...]:
    return gazetteer().get(word.lower(), ())


def own_features(word: str) -> list[str]:
    """Features of the word type itself (cached)."""
    feats = _OWN.get(word)
    if feats is not None:
        return feats
    low = word.lower()
    feats = ["b", "w=" + low, "sh=" + shape(word), "p2=" + word[:2], "p3=" + word[:3],
             "s2=" + low[-2:], "s3=" + low[-3:], "s4=" + low[-4:]]
    if word[:1].isupper():
        feats.append("T" if not word.isupper() or len(word) == 1 else "U")
    if any(c.isdigit() for c in word):
        feats.append("D")
    if "-" in word:
        feats.append("H")
    if len(word) == 1:
        feats.append("len1")
    for c in _gaz_classes(word):
        if c.startswith("common") or word[:1].isupper():
            feats.append("g=" + c)
    fn = first_names().get(low)
    if fn:
        feats.append("fn=" + fn)
    if word[:1].isupper() and not any(c.startswith("common") for c in _gaz_classes(word)):
        feats.append("rarecap")
    if len(_OWN) < _CACHE_MAX:
        _OWN[word] = feats
    return feats


def neighbour_features(word: str, offset: int) -> list[str]:
    """Features the word contributes to the token ``offset`` positions away (cached)."""
    key = (word, offset)
    feats = _NEIGH.get(key)
    if feats is not None:
        return feats
    p = f"{offset:+d}"
    feats = [p + "w=" + word.lower(), p + "sh=" + shape(word)]
    if abs(offset) == 1:
        feats.append(p + "s3=" + word.lower()[-3:])
        if word[:1].isupper():
            feats.append(p + "T")
            feats.extend(p + "g=" + c for c in _gaz_classes(word) if not c.startswith("common"))
        if first_names().get(word.lower()):
            feats.append(p + "fn")
    if len(_NEIGH) < _CACHE_MAX:
        _NEIGH[key] = feats
    return feats


def is_caps_sentence(words: list[str]) -> bool:
    """A headline in capitals: (nearly) every cased word upper-case, at least two of them."""
    cased = upper = 0
    for w in words:
        if w.lower() != w.upper():
            cased += 1
            upper += w.isupper()
    return upper >= 2 and upper >= 0.8 * cased


def truecase(word: str) -> str:
    """Case an all-caps word as running text would: common words lower, others Title."""
    if not word.isupper() or len(word) < 2:
        return word
    classes = _gaz_classes(word)
    places = {"country", "state", "city", "region", "demonym"}
    if any(c in places for c in classes) or first_names().get(word.lower()):
        return word[0] + word[1:].lower()
    if any(c in ("common4", "common5", "common6", "common3") for c in classes):
        return word.lower()
    if "." in word:  # U.S., U.N.
        return word
    return word[0] + word[1:].lower()


@lru_cache(maxsize=1)
def _phrase_starts() -> frozenset[str]:
    """First words of the multi-word gazetteer names (most words start none: skip them fast)."""
    return frozenset(k.split(" ", 1)[0] for k in gazetteer() if " " in k)


def phrase_tags(words: list[str]) -> list[str | None]:
    """Gazetteer membership of multi-word capitalised phrases (``New York``): B-/I-class per token."""
    out: list[str | None] = [None] * len(words)
    gaz = gazetteer()
    starts = _phrase_starts()
    n = len(words)
    maxlen = min(multiword_max(), 6)
    i = 0
    while i < n:
        if not words[i][:1].isupper() or words[i].lower() not in starts:
            i += 1
            continue
        found = 0
        for ln in range(min(maxlen, n - i), 1, -1):
            classes = gaz.get(" ".join(words[i : i + ln]).lower())
            if classes:
                cls = next((c for c in classes if not c.startswith("common")), None)
                if cls:
                    out[i] = "B" + cls
                    for j in range(i + 1, i + ln):
                        out[j] = "I" + cls
                    found = ln
                    break
        i += found or 1
    return out


def position_features(words: list[str], caps: bool, phrases: list[str | None]) -> list[list[str]]:
    """The per-token features that do not depend on the word type alone."""
    n = len(words)
    out: list[list[str]] = []
    for i in range(n):
        f: list[str] = []
        if i == 0:
            f.append("BOS")
            if words[0][:1].isupper():
                f.append("BOS_T")
        elif i == 1:
            f.append("-2BOS")
        if i == n - 1:
            f.append("EOS")
        if caps:
            f.append("CAPS")
        if phrases[i]:
            f.append("ph=" + phrases[i])
        out.append(f)
    return out


def prepare(words: list[str]) -> tuple[list[str], list[list[str]]]:
    """Truecase an all-caps sentence and compute its position features."""
    caps = is_caps_sentence(words)
    if caps:
        words = [truecase(w) for w in words]
    return words, position_features(words, caps, phrase_tags(words))


def sentence_features(words: list[str]) -> list[list[str]]:
    """Feature lists for every token of one sentence (training and the reference tagger)."""
    words, pos = prepare(words)
    n = len(words)
    out: list[list[str]] = []
    for i in range(n):
        f = own_features(words[i]) + pos[i]
        if i > 0:
            f = f + neighbour_features(words[i - 1], -1)
            if i > 1:
                f = f + neighbour_features(words[i - 2], -2)
        if i < n - 1:
            f = f + neighbour_features(words[i + 1], 1)
            if i < n - 2:
                f = f + neighbour_features(words[i + 2], 2)
        out.append(f)
    return out
