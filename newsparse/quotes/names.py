"""Names in an article: the capitalised-name pattern, titles, first-name genders, and checks
that a capitalised run (or an entity's name) is fit to be a speaker's canonical name."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

from newsparse.nlp.calendar import MONTHS, NAME_MONTHS, RELATIVE_DAYS, WEEKDAYS
from newsparse.nlp.dateline import dateline_at
from newsparse.quotes.cues import CueLexicon

FIRST_NAMES = Path(__file__).resolve().parent.parent / "data" / "first_names.tsv"

HONORIFIC_GENDER = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "miss": "f",
                    "sir": "m", "lady": "f", "king": "m", "queen": "f", "prince": "m", "princess": "f"}
ORG_WORDS = re.compile(r"\b(Inc|Corp|Ltd|LLC|University|Institute|Agency|Department|Ministry|Company|Group|Bank|"
                       r"Council|Association|Party|Times|News|Post|Capital|Nations|Committee|Commission|Court|"
                       r"Service|Services|Police|Office|Board|Union|Foundation|Society|Centre|Center|Network|"
                       r"Hospital|School|College|Government|Federation|Coalition|Alliance|Authority|Club|"
                       r"Press|Media|Health|Corporation|Industries|Systems|Technologies|Airlines|Laboratory|Laboratories|"
                       r"Observatory|Museum|Library|Academy|Agencies|Ministries|Administration|Organization|"
                       r"Organisation|Program|Programme|Project|Fund|Trust|Forum|Energy|Holdings|Partners|Motors|"
                       r"Petroleum|Airways|Ventures|Bancorp|Investments|Insurance|Entertainment|Communications|"
                       r"Broadcasting|Brothers|Labs|Resources|Pharmaceuticals|Logistics)\b")
_PARTICLE = r"(?:de|van|von|da|di|le|la|bin|al|el|der|den|du|dos|del|ter|ten|St\.)"
_CAP = r"(?:[A-Z][a-zA-Z'’-]+|[A-Z]\.)"
NAME_RE = re.compile(rf"(?<![\w'’-]){_CAP}(?:[ ](?:{_PARTICLE}[ ])*{_CAP})*")
NOT_NAME_START = {"The", "A", "An", "In", "On", "At", "But", "And", "As", "If", "When", "According", "He", "She",
                   "It", "They", "We", "I", "This", "That", "These", "Those", "His", "Her", "Their", "Its", "Our",
                   "After", "Before", "While", "Since", "For", "From", "With", "By", "Of", "To", "One", "Some",
                   "Many", "Most", "Last", "Next", "There", "Here", "Then", "So", "Or", "Not", "No", "Yes", "Why",
                   "What", "Who", "How", "Where", "Meanwhile", "However", "Although", "Though", "Because", "Under",
                   "Over", "During", "Despite", "Like", "Unlike", "Mr.", "Ms.", "Mrs.", "Dr."}
POSS = re.compile(r"['’]s\s+")
POSS_END = re.compile(r"['’]s?$")
CALENDAR_WORDS = WEEKDAYS | MONTHS | RELATIVE_DAYS
# interjections that open sentences; the tagger's UH class also holds names from chat text ("Lu")
INTERJECTIONS = {"oh", "ah", "well", "yes", "yeah", "no", "hey", "ok", "okay", "please", "wow", "thanks", "sorry"}
# days and months that never start a person's name ("May", "June", "April", "August" may)
NOT_NAME_CALENDAR = CALENDAR_WORDS - NAME_MONTHS
_NAME_OK_LOWER = {"of", "the", "and", "for", "de", "van", "von", "da", "di", "le", "la", "bin", "al", "el", "der",
                  "den", "du", "dos", "del", "on", "in", "at", "&"}


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """first name (lowercase) -> m / f / u, from the shipped list (built from gender-guesser)."""
    out: dict[str, str] = {}
    with FIRST_NAMES.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            name, _, g = line.rstrip("\n").partition("\t")
            out[name] = g
    return out


def strip_titles(words: list[str], titles: frozenset[str]) -> tuple[list[str], list[str]]:
    """(title words, name words): the name is what follows the last title word."""
    cut = 0
    for k, w in enumerate(words[:-1]):
        if w in titles or w.lower() in ("spokesperson", "spokesman", "spokeswoman", "minister", "secretary",
                                         "president", "chief", "leader", "mayor", "premier", "director",
                                         "professor", "ceo", "chair", "founder", "judge", "officer", "coach"):
            cut = k + 1
    return words[:cut], words[cut:]


def clean_entity_name(name: str, lex: CueLexicon, kind: str) -> Optional[str]:
    """An entity's name fit to be a speaker's canonical name (titles and possessors off), or None."""
    if not name or "\n" in name or re.search(r"[.!?]\s", name) or name.endswith((".", ",")) and not re.search(r"\b[A-Z]\.$", name):
        return None
    name = re.split(r"['’]s\s+", name)[-1]
    name = POSS_END.sub("", name) if re.search(r"['’]s$", name) else name
    words = name.split()
    if kind == "org" and words and words[0] in ("The", "the"):
        words = words[1:]
    from newsparse.nlp.pos import load_tagger

    lower = load_tagger().lower
    while len(words) > 1 and (lower.get(words[0].lower()) in ("RB", "IN", "CC", "DT", "WRB") or
                              words[0].lower() in INTERJECTIONS):
        words = words[1:]  # "Even Veterans Affairs": a sentence-initial adverb swept into the name
    if not words or words[0] in NOT_NAME_START:
        return None
    if any(not (w[0].isupper() or w[0].isdigit() or w.lower() in _NAME_OK_LOWER) for w in words):
        return None
    if any(len(w) == 1 and w.isalpha() for w in words):
        return None  # "T Vickers": a stray initial
    if len(words) == 1 and kind == "person" and (words[0].lower() in CALENDAR_WORDS or not plausible_unknown_name(words)):
        return None
    while words and (words[0] in NOT_NAME_START or (len(words) > 1 and words[0].lower() in NOT_NAME_CALENDAR)):
        words = words[1:]
    if len(set(w.lower() for w in words)) < len(words):
        return None  # "Justin Trudeau Trudeau": two mentions run together
    if kind == "person":
        _, words = strip_titles(words, lex.titles)
        genders = first_name_genders()
        if len(words) >= 3 and not genders.get(words[0].lower()):
            for z in range(1, len(words) - 1):
                if genders.get(words[z].lower()):
                    words = words[z:]
                    break
    return " ".join(words) or None


def in_credit(text: str, start: int, end: int) -> bool:
    """A name inside a photo credit or byline aside: ``(Jane Doe/CBC)``."""
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    return "(" in before or "/" in before or after[:1] == "/" or after.lstrip()[:1] == "/"


def in_dateline(text: str, start: int, end: int) -> bool:
    """A name inside a paragraph-opening dateline (``BARRIE, Ont. —``, ``PARIS (AP) —``): where
    the story was filed, never a speaker or an antecedent for "it"."""
    para = text.rfind("\n", 0, start) + 1
    if start - para > 60:
        return False
    r = dateline_at(text, para)
    return r is not None and end <= r[1]


def function_word(word: str) -> bool:
    """A capitalised adverb, preposition, conjunction or determiner ("Even", "Despite") is no name part."""
    from newsparse.nlp.pos import load_tagger

    return load_tagger().lower.get(word.lower()) in ("RB", "IN", "CC", "DT", "WRB", "PRP", "PRP$", "WP", "EX") \
        or word.lower() in INTERJECTIONS


def plausible_unknown_name(words: list[str]) -> bool:
    """A capitalised pair whose first word is not a known first name: a person unless its
    words are ordinary English words (``Other Syrian``, ``Christmas Day``, ``Associated Press``)."""
    from newsparse.nlp.pos import load_tagger

    lower = load_tagger().lower
    for w in (words[0], words[-1]):
        if "." in w or not w[0].isupper() or w.isupper():
            return False
        tag = lower.get(w.lower())
        if tag is not None and not tag.startswith("NNP"):
            return False
    return True
