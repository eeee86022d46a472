"""Speaker descriptions from the text: appositives (``Name, a former official,``) and
titles before a name (``Treasury Secretary Name``)."""
from __future__ import annotations

import re
from typing import Optional

from newsparse.quotes.cues import CueLexicon

_APPOS_START = re.compile(r",\s+(?=(?:a|an|the|[a-z]|[A-Z]))")
BAD_APPOS_START = re.compile(r"^(?:who|whose|whom|which|that|where|when|said|says|told|and|but|he|she|they|it|we|I|is|was|"
                              r"however|meanwhile|though|also|too|instead|likewise|meanwhile|nonetheless|"
                              r"nevertheless|still|then|now|therefore|though|via|"
                              r"has|had|according|as|adding|saying|in|on|at|of|for|with|to|from|by|if|because|"
                              r"\d)\b")


def appositive_after(text: str, end: int) -> Optional[str]:
    m = _APPOS_START.match(text, end)
    if not m:
        return None
    rest = text[m.end() : m.end() + 300]
    cut = len(rest)
    for pat in (r",", r"\.(?=\s|$)(?<![A-Z]\.)(?<!\b[A-Z][a-z]\.)", r";", r"[\"“”]", r"\n", r"\(", r"—"):
        mm = re.search(pat, rest)
        if mm and mm.start() < cut:
            cut = mm.start()
    desc = rest[:cut].strip()
    desc = re.split(r"\s+(?:who|which|whose|that)\s+", desc)[0]  # "a scientist who studies X" -> "a scientist"
    words = desc.split()
    if not (1 <= len(words) <= 30) or BAD_APPOS_START.match(desc):
        return None
    if re.search(r"\b(said|says|told|is|was|are|were|has|have|had|will|would)\b", desc) or _has_finite_verb(words):
        return None  # "According to the union, members voted …": a clause, not a description
    if len(words) == 1 and not words[0][0].isupper():
        return None
    return desc


def _has_finite_verb(words: list[str]) -> bool:
    """A lowercase word the tagger reads as a finite verb (a clause, not a noun phrase)."""
    from newsparse.nlp.pos import load_tagger

    tagger = load_tagger()
    return any(w[:1].islower() and tagger.tag_word(w.strip(",.;:"), False) in ("VBD", "VBZ", "VBP", "MD")
               for w in words[1:])


# discourse adverbs set off by commas look like appositives ("Smith, however, said")
DISCOURSE_START = re.compile(r"^(?:however|meanwhile|though|also|too|instead|likewise|similarly|nonetheless|"
                             r"nevertheless|still|then|now|therefore|in turn|in contrast|by contrast|for (?:his|her|their|its) part|"
                             r"via|through|speaking)\b", re.I)
_DANGLING_END = {"of", "at", "for", "in", "to", "the", "a", "an", "and", "or", "with", "from", "by", "on", "that",
                 "whose", "who", "which", "as", "than", "its", "his", "her", "their"}

_BAD_FIRST = {"of", "at", "for", "in", "to", "and", "or", "with", "from", "by", "on", "that", "whose", "who", "which",
              "as", "than"}


def clean_description(desc: Optional[str]) -> Optional[str]:
    """A description fit to show, or None: not a discourse adverb (``however``), not a lone
    function word, not cut off after a preposition (``laboratory of``), no page furniture."""
    if not desc:
        return None
    d = desc.strip(" ,;:—–-")
    words = d.split()
    if not words or DISCOURSE_START.match(d) or re.search(r"[|<>{}]", d):
        return None
    if words[-1].lower().strip(",.") in _DANGLING_END or words[0].lower() in _BAD_FIRST:
        return None
    if len(words) == 1 and not words[0][:1].isupper():
        return None
    return d


def title_before(text: str, start: int, lex: CueLexicon) -> Optional[str]:
    before = text[max(0, start - 120) : start]
    m = re.search(r"((?:(?:[A-Z][\w.'’-]*|of|the|and|for)\s+)*?(?:[A-Z][\w.'’-]*\s+)*(?:[a-z]+\s+)?)$", before)
    if not m:
        return None
    cand = m.group(1).strip()
    words = cand.split()
    while words and (words[0].lower() in ("of", "the", "and", "for") or words[0] in ("The", "A", "An")):
        words = words[1:]
    if not words:
        return None
    last = words[-1]
    if last not in lex.titles and last.lower() not in lex.speaker_nouns:
        return None
    if last.lower() in ("company", "report", "statement", "study", "data", "group", "city", "people"):
        return None
    # lowercase words are only allowed as the final role noun ("Foreign Ministry spokesperson")
    if any(w[0].islower() and w not in ("of", "the", "and", "for") for w in words[:-1]):
        k = max(i for i, w in enumerate(words[:-1]) if w[0].islower() and w not in ("of", "the", "and", "for"))
        words = words[k + 1 :]
    if not words:
        return None
    return " ".join(words)
