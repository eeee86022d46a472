"""CRF features for news NER, computed once per word type and cached.

A token's features are the concatenation of cached lists: its own word-type features, the
neighbour features of the words at offsets -2..+2, and a few position features (sentence start,
all-caps headline, gazetteer phrase membership). Only position features are built per token, so
tagging stays fast. All-caps sentences (headlines) are truecased first - a word whose lowercase
form is common becomes lowercase, any other word Title-case - so they look like ordinary text.
"""
from __future__ import annotations

import re

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
    """A headline in capitals: at least three letters-words, (nearly) all upper-case."""
    alpha = [w for w in words if any(c.isalpha() for c in w)]
    if len(alpha) < 2:
        return False
    upper = sum(1 for w in alpha if w.isupper())
    return upper >= 0.8 * len(alpha) and upper >= 2


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


def phrase_tags(words: list[str]) -> list[str | None]:
    """Gazetteer membership of multi-word capitalised phrases (``New York``): B-/I-class per token."""
    out: list[str | None] = [None] * len(words)
    gaz = gazetteer()
    n = len(words)
    maxlen = min(multiword_max(), 6)
    i = 0
    while i < n:
        if not words[i][:1].isupper():
            i += 1
            continue
        found = 0
        for ln in range(min(maxlen, n - i), 1, -1):
            key = " ".join(words[i : i + ln]).lower()
            classes = gaz.get(key)
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


def sentence_features(words: list[str]) -> list[list[str]]:
    """Feature lists for every token of one sentence."""
    caps = is_caps_sentence(words)
    if caps:
        words = [truecase(w) for w in words]
    n = len(words)
    own = [own_features(w) for w in words]
    prev1 = [neighbour_features(w, -1) for w in words]  # what word i contributes to i+1
    next1 = [neighbour_features(w, 1) for w in words]
    prev2 = [neighbour_features(w, -2) for w in words]
    next2 = [neighbour_features(w, 2) for w in words]
    phrases = phrase_tags(words)
    out: list[list[str]] = []
    for i in range(n):
        f = list(own[i])
        if i > 0:
            f += prev1[i - 1]
            if i > 1:
                f += prev2[i - 2]
            else:
                f.append("-2BOS")
        else:
            f.append("BOS")
            if words[0][:1].isupper():
                f.append("BOS_T")
        if i < n - 1:
            f += next1[i + 1]
            if i < n - 2:
                f += next2[i + 2]
        else:
            f.append("EOS")
        if caps:
            f.append("CAPS")
        if phrases[i]:
            f.append("ph=" + phrases[i])
        out.append(f)
    return out
