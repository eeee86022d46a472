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

from newsparse.ner.gazetteers import clusters, first_names, gazetteer, multiword_max

_SHAPE_TABLE = str.maketrans({**{c: "X" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
                              **{c: "x" for c in "abcdefghijklmnopqrstuvwxyz"}, **{c: "d" for c in "0123456789"}})
_OWN: dict[str, list[str]] = {}
_NEIGH: dict[tuple[str, int], list[str]] = {}
_CACHE_MAX = 500_000


@lru_cache(maxsize=100_000)
def shape(word: str) -> str:
    """Short word shape: ``Xx``, ``X.X.``, ``d-d`` with repeats collapsed (``McDonald`` -> ``XxXx``)."""
    s = word.translate(_SHAPE_TABLE)
    if not s.isascii():
        s = "".join("X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c for c in s)
    out = [s[0]] if s else []
    for c in s[1:]:
        if c != out[-1]:
            out.append(c)
    return "".join(out)


@lru_cache(maxsize=100_000)
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
    cl = clusters().get(low)
    if cl:
        feats += ["c1=" + cl[0], "c2=" + cl[1], "cr=" + cl[2]]
        if not word[:1].isupper():
            feats.append("lcr=" + cl[2])  # a lower-case word usually capitalised: a name in lower case
    else:
        feats.append("c=none")
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
        cl = clusters().get(word.lower())
        if cl:
            feats += [p + "c2=" + cl[1], p + "cr=" + cl[2]]
    if len(_NEIGH) < _CACHE_MAX:
        _NEIGH[key] = feats
    return feats


def is_caps_sentence(words: list[str]) -> bool:
    """A headline in capitals: (nearly) every word that starts with a letter is upper-case."""
    cased = upper = 0
    for w in words:
        if w[:1].isalpha():
            cased += 1
            if w.isupper():
                upper += 1
    return upper >= 2 and upper >= 0.8 * cased


def truecase(word: str, ctx: dict[str, str] | None = None) -> str:
    """Case an all-caps word as running text would: as the document writes it elsewhere (``U``
    all-caps, ``C`` capitalised, ``L`` lower-case); else common words lower, others Title."""
    if not word.isupper() or len(word) < 2 or "." in word:
        return word
    seen = ctx.get(word.lower(), "") if ctx else ""
    if "U" in seen:
        return word
    if "C" in seen:
        return word[0] + word[1:].lower()
    if "L" in seen:
        return word.lower()
    classes = _gaz_classes(word)
    places = {"country", "state", "city", "region", "demonym"}
    if any(c in places for c in classes) or first_names().get(word.lower()):
        return word[0] + word[1:].lower()
    if any(c in ("common4", "common5", "common6", "common3") for c in classes):
        return word.lower()
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


def doc_context(sentences: list[list[str]]) -> dict[str, str]:
    """How each word is cased elsewhere in the document: ``C`` capitalised inside a sentence,
    ``U`` all-caps, ``L`` lower-case. A sentence-initial or headline word borrows this evidence."""
    flags: dict[str, set[str]] = {}
    for words in sentences:
        if is_caps_sentence(words):
            continue
        for w in words[1:]:
            first = w[:1]
            if len(w) > 1 and w.isupper() and w.isalpha():
                flags.setdefault(w.lower(), set()).add("U")
            elif first.isupper():
                flags.setdefault(w.lower(), set()).add("C")
            elif first.islower():
                flags.setdefault(w.lower(), set()).add("L")
    return {k: "".join(sorted(v)) for k, v in flags.items()}


def position_features(words: list[str], caps: bool, phrases: list[str | None],
                      ctx: dict[str, str] | None = None) -> list[list[str]]:
    """The per-token features that do not depend on the word type alone."""
    n = len(words)
    out: list[list[str]] = []
    for i in range(n):
        f: list[str] = []
        if ctx is not None and (caps or words[i][:1].isupper()) and words[i][:1].isalpha():
            f.append("doc=" + ctx.get(words[i].lower(), "-"))
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


def prepare(words: list[str], ctx: dict[str, str] | None = None) -> tuple[list[str], list[list[str]]]:
    """Truecase an all-caps sentence and compute its position features."""
    caps = is_caps_sentence(words)
    if caps:
        words = [truecase(w, ctx) for w in words]
    return words, position_features(words, caps, phrase_tags(words), ctx)


def sentence_features(words: list[str], ctx: dict[str, str] | None = None) -> list[list[str]]:
    """Feature lists for every token of one sentence (training and the reference tagger);
    ``ctx`` is :func:`doc_context` of the sentence's document."""
    words, pos = prepare(words, ctx)
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
