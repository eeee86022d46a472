"""Speaker phrases around a cue: the subject before it, the phrase after it (inverted order,
``according to X``), and what kind of phrase it is (name, pronoun, role)."""
from __future__ import annotations

import re
from typing import Optional

from newsparse.nlp.calendar import MONTHS, RELATIVE_DAYS, WEEKDAYS
from newsparse.quotes.cues import CueLexicon
from newsparse.quotes.tokens import Tok

AGE_NOUN = re.compile(r"^(?:\d+|[a-z]+(?:-[a-z]+)?)-year-old$")  # "the 47-year-old said"
PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "we": "p", "i": "s", "you": "s"}
NP_TAGS = {"NNP", "NNPS", "NN", "NNS", "JJ", "JJR", "JJS", "CD", "POS", "HYPH", "VBN", "VBG"}
HEAD_TAGS = {"NNP", "NNPS", "NN", "NNS"}
DETS = {"the", "a", "an", "one", "another", "some", "two", "three", "four", "many", "several", "both", "all",
        "most", "other", "its", "his", "her", "their", "our", "this", "that", "these", "those", "each", "every"}
LINK_PREPS = {"of", "for", "at", "from", "with", "in", "on"}
SKIP_BEFORE_CUE = {"also", "previously", "later", "earlier", "then", "has", "have", "had", "was", "is", "were",
                   "will", "would", "could", "may", "might", "recently", "repeatedly", "further", "once", "again",
                   "publicly", "reportedly", "subsequently", "initially", "not", "n't", "never", "has", "had",
                   "already", "often", "simply", "just", "still", "even", "only", "first", "quickly", "however",
                   "previously", "separately", "clearly", "told", "did", "does", "do", "can", "should", "must"}
NON_SPEAKER_HEADS = (WEEKDAYS | RELATIVE_DAYS | (MONTHS - {"may"})) | {
    "week", "year", "month", "day", "time", "morning", "night", "afternoon", "evening", "weekend", "years", "months",
    "days", "weeks", "hours", "minutes", "interview", "thing", "things", "way", "lot", "point", "part", "end", "fact",
    "seconds", "second", "minute", "hour"}


def np_before(toks: list[Tok], c: int, lex: CueLexicon, lo: int = 0) -> Optional[tuple[int, int]]:
    """Token range [i, j) of the subject phrase ending right before index ``c`` (skipping adverbs)."""
    j = c
    skipped = 0
    while j - 1 >= lo and (toks[j - 1].low in SKIP_BEFORE_CUE or toks[j - 1].tag in ("RB", "MD")) and skipped < 3 \
            and toks[j - 1].low not in PRONOUNS and toks[j - 1].w[0].islower():
        j -= 1
        skipped += 1
    if j - 1 < lo:
        return None
    if toks[j - 1].w == ")":
        # "the Semiconductor Industry Association (SIA) said", "Sen. Ada Holm (D-Vt.), …": the
        # phrase ends before a short parenthetical of capitalised words (an acronym, a party-state tag)
        o = next((z for z in range(j - 2, max(lo, j - 7) - 1, -1) if toks[z].w == "("), None)
        if o is None or o - 1 < lo or not toks[o - 1].w[:1].isupper() or \
                any(t.w[:1].islower() for t in toks[o + 1 : j - 1]):
            return None
        return np_before(toks, o, lex, lo)
    t = toks[j - 1]
    if t.low in PRONOUNS and t.tag in ("PRP", "NNP", "NN") :
        return (j - 1, j)
    if (t.tag not in HEAD_TAGS and t.low not in lex.speaker_nouns and not AGE_NOUN.match(t.low)) \
            or t.low in NON_SPEAKER_HEADS:
        return None  # ("official" is mostly an adjective in the tagger's data, a speaker here)
    i = j - 1
    while i - 1 >= lo:
        p = toks[i - 1]
        if p.tag in NP_TAGS and p.low not in SKIP_BEFORE_CUE and not (p.tag in ("VBN", "VBG") and p.w[0].islower()):
            i -= 1
            continue
        if p.tag in ("VB", "VBP") and p.w[0].islower() and i - 2 >= lo and toks[i - 2].tag in ("DT", "JJ", "CD", "PRP$") \
                and toks[i - 2].low not in PRONOUNS:
            i -= 1  # "the real estate agent", "one neo-bank CEO": a noun the tagger took for a verb
            continue
        if p.low in DETS or p.tag in ("DT", "PRP$"):
            i -= 1
            # "Tim Guest with the Nova Scotia Health Authority said": the phrase goes on to the left
            if i - 2 >= lo and toks[i - 1].low in ("with", "of", "for", "at", "from") and toks[i - 2].tag in HEAD_TAGS:
                i -= 1
                continue
            # "two voters in the queue said", "police in the city said"
            if i - 2 >= lo and toks[i - 1].low == "in" and (toks[i - 2].tag == "NNS" or toks[i - 2].low in lex.speaker_nouns):
                i -= 1
                continue
            break
        if p.tag == "VBN" and p.w[:1].islower() and i - 2 >= lo and toks[i - 2].tag in ("DT", "JJ", ",", "PRP$"):
            i -= 1  # "the retired engineer": a participle used as an adjective
            continue
        if p.w == "," and i - 2 >= lo and toks[i - 2].tag.startswith("JJ") and toks[i].tag in ("JJ", "VBN") \
                and toks[i].w[:1].islower():
            i -= 1  # "the tall, soft-spoken baker said": adjectives in a row
            continue
        if p.low in ("and", "&") and _org_of_and(toks, i, lo):
            i -= 1  # "the Ministry of Ecology and Environment said": one name
            continue
        if p.low in LINK_PREPS and i - 2 >= lo and toks[i - 2].tag in HEAD_TAGS and (
                p.low in ("of", "for", "at") or toks[i - 2].tag == "NNS" or toks[i - 2].low in lex.speaker_nouns):
            i -= 1
            continue
        break
    # "Farmers like Delgado say", "critics such as Roe argue": the group speaks, the name is an example
    if i - 2 >= lo and toks[i - 1].low in ("like", "including") and toks[i - 2].tag == "NNS":
        r = np_before(toks, i - 1, lex, lo)
        if r is not None:
            i = r[0]
    elif i - 3 >= lo and toks[i - 1].low == "as" and toks[i - 2].low == "such" and toks[i - 3].tag == "NNS":
        r = np_before(toks, i - 2, lex, lo)
        if r is not None:
            i = r[0]
    # "a person familiar with the matter said", "two people briefed on the talks said"
    if i - 2 >= lo and toks[i - 1].low in ("with", "on", "to") and toks[i - 2].low in ("familiar", "briefed", "close"):
        r = np_before(toks, i - 2, lex, lo)
        if r is not None and toks[r[1] - 1].tag in ("NN", "NNS"):
            i = r[0]
    if j - i > 12:
        return None
    return (i, j)


def _org_of_and(toks: list[Tok], i: int, lo: int) -> bool:
    """Whether ``and`` before ``toks[i]`` joins the last part of an institution's name
    (``Department of Health and Human Services``): an organisation head word, ``of``, then
    capitalised words only, on both sides of the ``and``."""
    from newsparse.quotes.names import ORG_WORDS

    if not (toks[i].w[:1].isupper() and toks[i - 2].w[:1].isupper()):
        return False
    z = i - 2
    while z > lo and z > i - 7 and toks[z].w[:1].isupper():
        z -= 1
    return toks[z].low == "of" and z - 1 >= lo and bool(ORG_WORDS.fullmatch(toks[z - 1].w))


def _continues_to_role_or_name(toks: list[Tok], k: int) -> bool:
    """After ``Heart and``: the capitalised run goes on into a role or a name ("Heart and Stroke
    senior manager Erin Kim"), so the ``and`` is inside one organisation's name, not a list of speakers."""
    z = k
    while z < len(toks) and toks[z].tag in ("NNP", "NNPS") and toks[z].w[:1].isupper():
        z += 1
    return z < len(toks) and (toks[z].tag in ("NN", "JJ") and toks[z].w[:1].islower())


def _compound_modifier_and(toks: list[Tok], j: int) -> bool:
    """``oil and gas worker Tom Reyes``, ``health and safety officer Ana Ruiz``: an ``and`` between
    two lowercase nouns of a role that runs on into a capitalised name is inside one speaker phrase."""
    if not (toks[j - 1].tag in ("NN", "JJ") and toks[j - 1].w[:1].islower()):
        return False
    z = j + 1
    while z < len(toks) and z <= j + 3 and toks[z].tag in ("NN", "NNS", "JJ") and toks[z].w[:1].islower():
        z += 1
    return z > j + 1 and z < len(toks) and toks[z].tag in ("NNP", "NNPS") and toks[z].w[:1].isupper()


def np_after(toks: list[Tok], k: int, lex: CueLexicon) -> Optional[tuple[int, int]]:
    """Token range of a speaker phrase starting at ``k`` (inverted "said Zhao", "according to X")."""
    n = len(toks)
    if k >= n:
        return None
    t = toks[k]
    if t.low in PRONOUNS and t.tag == "PRP":
        return (k, k + 1)
    i = k
    if t.low in DETS or t.tag in ("DT", "PRP$"):
        i += 1
    j = i
    while j < n and (toks[j].tag in NP_TAGS or (toks[j].low in ("of", "for", "at") and j + 1 < n and
                                                   toks[j + 1].tag in HEAD_TAGS | {"DT"} and j > i)
                     or (toks[j].low in ("and", "&") and j > i and toks[j - 1].tag in ("NNP", "NNPS")
                         and j + 1 < n and toks[j + 1].tag in ("NNP", "NNPS") and toks[j + 1].w[:1].isupper()
                         and _continues_to_role_or_name(toks, j + 1))
                     or (toks[j].low in ("and", "&") and j > i and _compound_modifier_and(toks, j))):
        if toks[j].tag in ("VBN", "VBG") and toks[j].w[0].islower():
            break
        if toks[j].low in ("of", "for", "at") and j + 1 < n and toks[j + 1].tag == "DT":
            j += 1
        j += 1
    while j > i and toks[j - 1].tag not in HEAD_TAGS:
        j -= 1
    if j <= i or toks[j - 1].low in NON_SPEAKER_HEADS or j - k > 14:
        return None
    # "sources familiar with the talks", "officials close to the deal"
    if j + 2 < n and toks[j].low in ("familiar", "close") and toks[j + 1].low in ("with", "to"):
        z = j + 2
        if z < n and toks[z].tag in ("DT", "PRP$"):
            z += 1
        while z < n and toks[z].tag in NP_TAGS and toks[z].tag not in ("VBN", "VBG"):
            z += 1
        if z > j + 2 and toks[z - 1].tag in HEAD_TAGS:
            j = z
    return (k, j)


def phrase_kind(toks: list[Tok], i: int, j: int) -> str:
    """name | pronoun | role for a speaker phrase."""
    if j - i == 1 and toks[i].low in PRONOUNS:
        return "pronoun"
    if any(toks[z].low in ("like", "including") or (toks[z].low == "such" and toks[z + 1].low == "as")
           for z in range(i + 1, j - 1)):
        return "role"  # "Farmers like Delgado": a group, the name an example
    if any(t.tag in ("NNP", "NNPS") and t.w[0].isupper() for t in toks[i:j]):
        # "A Freedom Mobile spokesperson": a name used as a modifier of a role noun
        if toks[j - 1].w[0].islower():  # also when the tagger calls a lowercase "ministry" NNP
            return "role"
        return "name"
    return "role"
