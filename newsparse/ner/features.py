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
_NEIGH: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {}
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


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def _tables() -> tuple:
    """The lookup tables a word's features read, bound once (a call each per word is slow)."""
    return gazetteer(), first_names(), clusters()


def own_features(word: str) -> list[str]:
    """Features of the word type itself (cached)."""
    feats = _OWN.get(word)
    if feats is not None:
        return feats
    gaz, names, cls = _tables()
    low = word.lower()
    cap = word[:1].isupper()
    feats = ["b", "w=" + low, "sh=" + shape(word), "p2=" + word[:2], "p3=" + word[:3],
             "s2=" + low[-2:], "s3=" + low[-3:], "s4=" + low[-4:]]
    if cap:
        feats.append("T" if not word.isupper() or len(word) == 1 else "U")
    if _DIGIT.search(word):
        feats.append("D")
    if "-" in word:
        feats.append("H")
    if len(word) == 1:
        feats.append("len1")
    classes = gaz.get(low, ())
    common = False
    for c in classes:
        if c.startswith("common"):
            common = True
            feats.append("g=" + c)
        elif cap:
            feats.append("g=" + c)
        elif c in _PLACE_CLASSES:
            feats.append("lg=" + c)  # a place name written in lower case (web text; WEB_FEATURES)
    fn = names.get(low)
    if fn:
        feats.append("fn=" + fn)
    cl = cls.get(low)
    if cl:
        feats += ["c1=" + cl[0], "c2=" + cl[1], "cr=" + cl[2]]
        if not cap:
            feats.append("lcr=" + cl[2])  # a lower-case word usually capitalised: a name in lower case
    else:
        feats.append("c=none")
    if cap and not common:
        feats.append("rarecap")
    if len(_OWN) < _CACHE_MAX:
        _OWN[word] = feats
    return feats


_PLACE_CLASSES = frozenset({"country", "state", "city", "region", "demonym"})
_OFFSET_INDEX = {-1: 0, 1: 1, -2: 2, 2: 3}

#: prefixes of the features only the web-text model is trained with (lower-case names). They are
#: computed for every model: a model trained without them has no weight for them, so they add
#: exactly zero to its scores (the news model's output is unchanged); ``training/train_ner.py``
#: leaves them out unless ``--features web``.
WEB_FEATURES = ("lg=", "lcdoc=")


def neighbour_features(word: str, offset: int) -> list[str]:
    """Features the word contributes to the token ``offset`` (-2..+2) positions away (cached)."""
    return neighbour_all(word)[_OFFSET_INDEX[offset]]


def neighbour_all(word: str) -> tuple[list[str], list[str], list[str], list[str]]:
    """What the word contributes to the tokens at -1, +1, -2 and +2, computed together (cached)."""
    out = _NEIGH.get(word)
    if out is not None:
        return out
    gaz, names, cls = _tables()
    low = word.lower()
    sh = shape(word)
    s3 = low[-3:]
    prev = ["-1w=" + low, "-1sh=" + sh, "-1s3=" + s3]
    nxt = ["+1w=" + low, "+1sh=" + sh, "+1s3=" + s3]
    if word[:1].isupper():
        prev.append("-1T")
        nxt.append("+1T")
        for c in gaz.get(low, ()):
            if not c.startswith("common"):
                prev.append("-1g=" + c)
                nxt.append("+1g=" + c)
    if names.get(low):
        prev.append("-1fn")
        nxt.append("+1fn")
    cl = cls.get(low)
    if cl:
        prev += ["-1c2=" + cl[1], "-1cr=" + cl[2]]
        nxt += ["+1c2=" + cl[1], "+1cr=" + cl[2]]
    out = (prev, nxt, ["-2w=" + low, "-2sh=" + sh], ["+2w=" + low, "+2sh=" + sh])
    if len(_NEIGH) < _CACHE_MAX:
        _NEIGH[word] = out
    return out


def is_caps_sentence(words: list[str]) -> bool:
    """A headline in capitals: (nearly) every word that starts with a letter is upper-case."""
    cased = upper = 0
    limit = 0.2 * len(words)  # more non-capital words than this: no headline (stop early)
    for w in words:
        if w[:1].isalpha():
            cased += 1
            if w.isupper():
                upper += 1
            elif cased - upper > limit:
                return False
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


#: ``doc_context`` key (no word contains a tab) marking a document written without capitals
LOWER_DOC = "\t"


def doc_context(sentences: list[list[str]]) -> dict[str, str]:
    """How each word is cased elsewhere in the document: ``C`` capitalised inside a sentence,
    ``U`` all-caps, ``L`` lower-case. A sentence-initial or headline word borrows this evidence."""
    caps: set[str] = set()
    upper: set[str] = set()
    lower: set[str] = set()
    for words in sentences:
        if is_caps_sentence(words):
            continue
        for w in words[1:]:
            first = w[:1]
            if first.isupper():
                if len(w) > 1 and w.isupper() and w.isalpha():
                    upper.add(w.lower())
                else:
                    caps.add(w.lower())
            elif first.islower():
                lower.add(w.lower())
    out: dict[str, str] = {}
    for w in caps | upper | lower:
        out[w] = ("C" if w in caps else "") + ("L" if w in lower else "") + ("U" if w in upper else "")
    firsts = [ws[0][:1] for ws in sentences if ws and ws[0][:1].isalpha()]
    if firsts and sum(c.islower() for c in firsts) * 2 >= len(firsts):
        out[LOWER_DOC] = "1"  # the writer does not capitalise sentences: names may be lower case too
    return out


def position_features(words: list[str], caps: bool, phrases: list[str | None],
                      ctx: dict[str, str] | None = None) -> list[list[str]]:
    """The per-token features that do not depend on the word type alone."""
    n = len(words)
    out: list[list[str]] = []
    lower_doc = ctx is not None and LOWER_DOC in ctx
    cls = clusters() if lower_doc else {}
    for i in range(n):
        f: list[str] = []
        if ctx is not None and (caps or words[i][:1].isupper()) and words[i][:1].isalpha():
            f.append("doc=" + ctx.get(words[i].lower(), "-"))
        if lower_doc and words[i][:1].islower():
            cl = cls.get(words[i])
            f.append("lcdoc=" + (cl[2] if cl else "none"))
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
