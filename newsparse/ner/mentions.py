"""The mention the entity rules work on, and what they share: forms, places, lists, edges.

A ``RawMention`` is a typed span of the cleaned text before merging. The rules of
``newsparse.ner.spans`` (where a name starts and ends), ``newsparse.ner.retyping`` (what kind
of name it is) and ``newsparse.ner.merge`` (which names are one entity) all read the helpers
here: the normal form of a name, country short forms, the gazetteer's places, the words that
link a list of names, and the trimming of ragged edges.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsparse.ner.gazetteers import PACKAGE, classes, first_names


LOC_WORDS = {
    "river", "mountain", "mountains", "mount", "mt.", "lake", "sea", "ocean", "valley", "island", "islands",
    "peninsula", "desert", "bay", "gulf", "strait", "canal", "street", "avenue", "road", "square", "park",
    "bridge", "airport", "forest", "coast", "beach", "hill", "hills", "region", "basin", "plain", "plateau",
}


NAME_PARTICLES = {"of", "for", "and", "the", "on", "in", "&", "de", "la", "du", "von", "van", "der", "al"}


@dataclass
class RawMention:
    """A typed span of the text before merging."""

    start: int
    end: int
    text: str
    type: str
    source: str = "crf"  # crf | propagated | pronoun


@lru_cache(maxsize=1)
def country_aliases() -> dict[str, str]:
    """Lowercased country name or short form -> canonical name (``models/gaz_countries.tsv``)."""
    out: dict[str, str] = {}
    for line in (PACKAGE / "models" / "gaz_countries.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, _, canon = line.partition("\t")
            out[key] = canon
    return out


_SPACES = re.compile(r"\s+")


_LEADING_THE = re.compile(r"^(?:the|The|THE) ")


def full_name_words(mentions: list[RawMention]) -> set[str]:
    """The words of the people's full names in the article (``Ann Vexton`` gives ``Ann``,
    ``Vexton``): a word among them is a person's name here, whatever else it could be."""
    return {w for m in mentions if m.type == "PERSON" and " " in m.text for w in m.text.split()}


@lru_cache(maxsize=50_000)
def normal_form(text: str) -> str:
    """Whitespace collapsed, curly apostrophes straightened, a leading ``the`` dropped."""
    text = _SPACES.sub(" ", text.replace("’", "'")).strip()
    return _LEADING_THE.sub("", text)


def country_key(text: str) -> str | None:
    return country_aliases().get(normal_form(text).lower())


#: words and signs a name neither starts nor ends with (the stage's own edge list, as words)
_EDGE = {"of", "and", "for", "in", "on", "at", "to", "by", "with", "the", "'s", "’s", "-", "–", "—", ",", ".",
         ":", ";", "&", "(", ")", "'", "’"}


def _edge_word(word: str) -> bool:
    """An edge word; a capitalised ``The`` may start a name (``The Hague``), a lower-case one not."""
    return word.lower() in _EDGE and word != "The"


def trim_span(m: RawMention, text: str) -> RawMention:
    """Spaces, dangling signs and edge words (``of``, ``and``) off both ends of a cut span."""
    s, e = m.start, m.end
    while True:
        while s < e and (text[s].isspace() or text[s] in "-‑–—,:;&'’("):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in "-‑–—,:;&'’("):
            e -= 1
        first = re.match(r"\S+", text[s:e])
        last = re.search(r"\S+$", text[s:e])
        if first and _edge_word(first.group()) and first.end() < e - s:
            s += first.end()
        elif last and _edge_word(last.group()) and last.start() > 0:
            e = s + last.start()
        else:
            break
    if (s, e) == (m.start, m.end):
        return m
    return RawMention(s, e, text[s:e], m.type, m.source)


_NOT_SURNAME = {"region", "country", "state", "demonym", "orgword"}


def could_be_surname(word: str) -> bool:
    """A word left after a title is a surname unless it names a region, country, state or
    nationality or is an organisation word (cities are left alone: many are surnames too)."""
    if first_names().get(word.lower()):
        return True
    return not (_NOT_SURNAME & set(classes(word)))


#: US postal codes of the states, DC and the territories (``Denver, CO``)
US_STATE_CODES = set("""AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH
NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI""".split())


def is_known_place(name: str) -> bool:
    return bool({"city", "region", "state", "country"} & set(classes(name)))


LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+|&\s+)?|\s(?:and|or|&)\s+)\s*$")


PLACE_CLASSES = {"country", "state", "city", "region", "demonym"}


def fold(word: str) -> str:
    """Lower case without accents: ``Zürich`` -> ``zurich``."""
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def folded_places() -> frozenset[str]:
    """Place names of the gazetteer written without accents (news writes ``Zurich`` for ``Zürich``)."""
    from newsparse.ner.gazetteers import gazetteer
    return frozenset(fold(k) for k, cls in gazetteer().items() if PLACE_CLASSES & set(cls) and not k.isascii())


def list_chains(text: str, mentions: list[RawMention]) -> list[list[RawMention]]:
    """The mentions in text order, grouped into lists (``A, B and C``; a lone mention is a list
    of one)."""
    chains: list[list[RawMention]] = []
    for m in sorted(mentions, key=lambda m: m.start):
        prev = chains[-1][-1] if chains else None
        if prev is not None and m.start - prev.end <= 8 and LIST_SEP.match(text[prev.end:m.start]):
            chains[-1].append(m)
        else:
            chains.append([m])
    return chains


def sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?\n"


def is_common(word: str) -> bool:
    return any(c in ("common4", "common5", "common6") for c in classes(word))
