"""Is a document edited prose (news, encyclopedic) or informal user-written web text?

The entities stage ships two taggers: one trained mostly on news, one on web text (reviews,
answers, e-mails, forums), which writes names in lower case and talks in the first person. The
choice is made per document from general signals of its own text, not from its topic: pronouns
of the first and second person, contractions, a lower-case ``i``, lower-case sentence starts and
lower-case words that news text capitalises, exclamation and question marks, emoticons, against
the marks of reporting (quotations, ``said``), capitalised names and numbers. Speech inside
quotation marks is left out of the informal signals: news quotes people who say ``I`` and
``don't``.

The signals are combined by a small logistic model (``models/genre.json``, trained by
``training/train_genre.py`` on corpus documents labelled by their source). The decision is
conservative and rests on casing (see :func:`detect`): a news article sent to the web model
loses about 6 points of NER (CoNLL dev 0.91 -> 0.85), and what the web model gains on web text
comes mostly from documents written without capitals.
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "genre.json"
NEWS, WEB = "news", "web"

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,:]\d+)*")
_QUOTED = re.compile(r'"[^"\n]{0,1500}"|“[^”\n]{0,1500}”|«[^»\n]{0,1500}»')
_SENT_START = re.compile(r"(?:^|\n|[.!?]\s+)[\"“'‘(\[]*([^\W\d_])", re.M)
_CONTRACTION = re.compile(r"(?:n['’]t|['’](?:m|re|ve|ll|d))\b", re.I)
_EMOTICON = re.compile(r"(?:^|\s)(?:[:;=8][-o']?[)(\]\[dDpP/\\|*]|<3|\^_?\^|xD)(?=\s|$)|[\U0001F600-\U0001F64F]")
_REPEATED = re.compile(r"[!?]{2,}|\.{4,}")
FIRST = frozenset({"i", "me", "my", "mine", "myself", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "i'll", "i’ll"})
SECOND = frozenset({"you", "your", "yours", "yourself", "yourselves", "u", "ur"})
REPORTING = frozenset({"said", "says", "told", "according", "added", "stated", "announced", "reported",
                       "spokesman", "spokeswoman", "spokesperson"})

#: signal names, in the order of the model's weights
FEATURES = ("first", "lower_i", "lower_proper", "second", "contraction", "exclaim", "question", "lower_start",
            "emoticon", "reporting", "quoted", "capitalised", "numbers", "log_words")


def _lower_proper(words: list[str]) -> int:
    """Words written in lower case that news text nearly always capitalises (``paris``, ``monday``,
    ``john``: capitalisation-ratio bucket 3 of the NER word clusters): a writer who skips capitals."""
    from newsparse.ner.gazetteers import clusters

    cls = clusters()
    n = 0
    for w in words:
        if w[:1].islower():
            c = cls.get(w)
            if c is not None and c[2] == "3":
                n += 1
    return n


def _outside_quotes(text: str) -> str:
    return _QUOTED.sub(" § ", text)  # a sign, not a space: the word after a quote starts no sentence


def _lower_start(starts: list[str]) -> float:
    """Share of sentences (their first letters ``starts``) that begin in lower case."""
    return sum(c.islower() for c in starts) / max(len(starts), 1)


def signals(text: str) -> dict[str, float]:
    """The document's genre signals: rates per word (or per sentence, or shares of the text)."""
    outside = _outside_quotes(text)
    quoted_chars = sum(len(m.group()) for m in _QUOTED.finditer(text))
    words = _WORD.findall(outside)
    n = max(len(words), 1)
    starts = _SENT_START.findall(outside)
    n_sent = max(len(starts), 1)
    lows = [w.lower() for w in words]
    all_words = _WORD.findall(text)
    n_all = max(len(all_words), 1)
    # capitalised words that are not sentence starts nor "I": names, mostly
    caps = sum(w[:1].isupper() and w != "I" and not w.startswith(("I'", "I’")) for w in all_words)
    mid_caps = max(caps - sum(c.isupper() for c in _SENT_START.findall(text)), 0)
    return {
        "first": sum(w in FIRST for w in lows) / n,
        "lower_i": sum(w == "i" or w.startswith(("i'", "i’")) for w in words) / n,
        "lower_proper": _lower_proper(words) / n,
        "second": sum(w in SECOND for w in lows) / n,
        "contraction": len(_CONTRACTION.findall(outside)) / n,
        "exclaim": outside.count("!") / n_sent,
        "question": outside.count("?") / n_sent,
        "lower_start": _lower_start(starts),
        "emoticon": (len(_EMOTICON.findall(outside)) + len(_REPEATED.findall(outside))) / n_sent,
        "reporting": sum(w.lower() in REPORTING for w in all_words) / n_all,
        "quoted": quoted_chars / max(len(text), 1),
        "capitalised": mid_caps / n_all,
        "numbers": sum(w[:1].isdigit() for w in all_words) / n_all,
        "log_words": math.log(1 + len(all_words)),
        "words": len(all_words),  # not a model input: the detector's minimum length
    }


@lru_cache(maxsize=None)
def _model(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def web_probability(text: str, path: Path | str | None = None) -> float:
    """Probability (by the shipped logistic model) that ``text`` is informal user-written web text."""
    return probability(signals(text), _model(str(path or MODEL_PATH)))


def probability(sig: dict[str, float], m: dict) -> float:
    """The logistic model ``m`` applied to the signals ``sig``."""
    z = m["bias"]
    for name, w, mu, sd in zip(m["features"], m["weights"], m["mean"], m["scale"]):
        z += w * (sig[name] - mu) / sd
    return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


def detect(text: str, path: Path | str | None = None) -> tuple[str, float]:
    """``("web", p)`` or ``("news", p)`` with ``p`` the model's web probability.

    Web when the document has enough words and either its writer does not capitalise sentences
    (``lower_alone``: half of the sentence starts in lower case, which edited text never does),
    or the register is informal (``p >= threshold``) *and* some sentences start in lower case
    (``lower_with_register``). The register alone is not enough: blogs, advice columns and
    interviews talk to the reader in the first and second person but write names as news does,
    and the news model tags them better."""
    m = _model(str(path or MODEL_PATH))
    sig = signals(text)
    p = probability(sig, m)
    if sig["words"] < m["min_words"]:
        return NEWS, p
    lower = sig["lower_start"]
    if lower >= m["lower_alone"] or (p >= m["threshold"] and lower >= m["lower_with_register"]):
        return WEB, p
    return NEWS, p


def route(text: str, path: Path | str | None = None) -> str:
    """The genre :func:`detect` decides, computing the full signals only for the documents that
    could be web text: one whose sentences almost all start with a capital (every edited page)
    is news whatever its register, so the cheap casing count settles most documents."""
    m = _model(str(path or MODEL_PATH))
    if _lower_start(_SENT_START.findall(_outside_quotes(text))) < min(m["lower_alone"], m["lower_with_register"]):
        return NEWS
    return detect(text, path)[0]
