"""Speakers: subject phrases next to cues, canonical names, pronouns, role nouns, descriptions.

Why: in news only a minority of quotes carry a full name; most say "Brooks said",
"she said" or "the spokesperson said". Turning those into "the most complete name of
the speaker inferable from the context" needs the document's name inventory (from the
entities stage when it ran, else our own capitalised-name finder), genders for pronouns,
and a memory of who spoke and who was the subject of recent sentences.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from newsparse.model import Document
from newsparse.quotes.cues import CueLexicon
from newsparse.quotes.tokens import Tok

FIRST_NAMES = Path(__file__).resolve().parent.parent / "data" / "first_names.tsv"

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
NON_SPEAKER_HEADS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week",
                     "year", "month", "day", "today", "yesterday", "time", "morning", "night", "afternoon",
                     "evening", "weekend", "years", "months", "days", "weeks", "hours", "minutes", "interview",
                     "january", "february", "march", "april", "june", "july", "august", "september", "october",
                     "november", "december", "thing", "things", "way", "lot", "point", "part", "end", "fact"}
HONORIFIC_GENDER = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "miss": "f",
                    "sir": "m", "lady": "f", "king": "m", "queen": "f", "prince": "m", "princess": "f"}
ORG_WORDS = re.compile(r"\b(Inc|Corp|Ltd|LLC|University|Institute|Agency|Department|Ministry|Company|Group|Bank|"
                       r"Council|Association|Party|Times|News|Post|Capital|Nations|Committee|Commission|Court|"
                       r"Service|Services|Police|Office|Board|Union|Foundation|Society|Centre|Center|Network|"
                       r"Hospital|School|College|Government|Federation|Coalition|Alliance|Authority|Club|"
                       r"Press|Media|Health|Canada|Corporation|Industries|Systems|Technologies|Airlines)\b")
_NAME_RE = re.compile(r"(?:[A-Z][a-zA-Z'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-zA-Z'’-]+|[A-Z]\.|de|van|von|da|di|le|la|"
                      r"bin|al|el|der|den|du|dos|del))*(?:\s+[A-Z][a-zA-Z'’-]+)?")


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


@dataclass
class Person:
    """A name in the article: canonical form, kind (person/org/unknown) and gender (m/f/u)."""

    name: str
    kind: str = "unknown"
    gender: str = "u"
    entity: Optional[str] = None
    description: Optional[str] = None


@dataclass
class MentionRec:
    """A mention of a named speaker candidate at ``start`` (for pronoun and role resolution)."""

    start: int
    end: int
    person: Person
    subject: bool = False
    speaker: bool = False


@dataclass
class Speaker:
    """The resolved speaker of a quote."""

    name: Optional[str]
    mention_start: int
    mention_end: int
    mention_text: str
    kind: str  # name | pronoun | role
    person: Optional[Person] = None
    resolved: bool = True
    confidence: float = 1.0


def strip_titles(words: list[str], titles: frozenset[str]) -> tuple[list[str], list[str]]:
    """(title words, name words): the name is what follows the last title word."""
    cut = 0
    for k, w in enumerate(words[:-1]):
        if w in titles or w.lower() in ("spokesperson", "spokesman", "spokeswoman", "minister", "secretary",
                                         "president", "chief", "leader", "mayor", "premier", "director",
                                         "professor", "ceo", "chair", "founder", "judge", "officer", "coach"):
            cut = k + 1
    return words[:cut], words[cut:]


@dataclass
class SpeakerIndex:
    """The document's name inventory and mention timeline, used to canonicalise speakers."""

    doc: Document
    lex: CueLexicon
    persons: dict[str, Person] = field(default_factory=dict)
    by_last: dict[str, list[Person]] = field(default_factory=dict)
    by_first: dict[str, list[Person]] = field(default_factory=dict)
    mentions: list[MentionRec] = field(default_factory=list)
    entity_spans: list[tuple[int, int, str, str, str]] = field(default_factory=list)  # start, end, id, name, type
    _starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Document, lex: CueLexicon) -> "SpeakerIndex":
        idx = cls(doc, lex)
        genders = first_name_genders()
        text = doc.text
        ents = [e for e in doc.entities if e.type in ("PERSON", "PER", "ORG", "NORP", "GPE")]
        if ents:
            for e in ents:
                kind = "person" if e.type in ("PERSON", "PER") else "org"
                p = idx._add(e.name, kind, genders)
                p.entity = e.id
                for m in e.mentions:
                    idx.entity_spans.append((m.start, m.end, e.id, e.name, e.type))
                    if kind == "person" or e.type == "ORG":
                        idx.mentions.append(MentionRec(m.start, m.end, p))
            idx.entity_spans.sort()
        # our own capitalised-name finder complements (or replaces) the entities
        for m in _NAME_RE.finditer(text):
            words = m.group().split()
            titles, name = strip_titles(words, lex.titles)
            while name and name[0] in ("The", "A", "An", "In", "On", "At", "But", "And", "As", "If", "When", "According"):
                name = name[1:]
            if name and name[-1] in ("’s", "'s"):
                name = name[:-1]
            if not name:
                continue
            nm = re.sub(r"['’]s$", "", " ".join(name))
            first = nm.split()[0].lower()
            kind = "unknown"
            if len(nm.split()) >= 2 and genders.get(first) in ("m", "f", "u") and not ORG_WORDS.search(nm):
                kind = "person"
            elif titles and not ORG_WORDS.search(nm):
                kind = "person"
            elif ORG_WORDS.search(nm):
                kind = "org"
            if kind == "unknown" and len(nm.split()) == 1 and nm in idx.by_last:
                continue
            start = m.start() + m.group().index(name[0]) if name else m.start()
            if kind == "person" and not idx._covered(start):
                p = idx._add(nm, kind, genders)
                for t in titles:
                    g = HONORIFIC_GENDER.get(t.lower())
                    if g:
                        p.gender = g
                idx.mentions.append(MentionRec(start, start + len(nm), p))
        # surname-only mentions of known persons
        for last, plist in list(idx.by_last.items()):
            persons = [p for p in plist if p.kind == "person" and len(p.name.split()) >= 2]
            if not persons:
                continue
            for m in re.finditer(rf"\b{re.escape(last)}\b", text):
                if idx._covered(m.start()) or any(r.start <= m.start() < r.end for r in idx.mentions):
                    continue
                prev = [p for p in persons]
                idx.mentions.append(MentionRec(m.start(), m.end(), prev[-1]))
        # honorific + surname gives gender
        for m in re.finditer(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w'’-]+)", text):
            g = HONORIFIC_GENDER[m.group(1).lower()]
            for p in idx.by_last.get(m.group(2), []):
                if p.gender == "u":
                    p.gender = g
        idx.mentions.sort(key=lambda r: r.start)
        idx._starts = [r.start for r in idx.mentions]
        idx._mark_subjects()
        return idx

    def _covered(self, pos: int) -> bool:
        if not self.entity_spans:
            return False
        i = bisect_left(self.entity_spans, (pos + 1,)) - 1
        return i >= 0 and self.entity_spans[i][0] <= pos < self.entity_spans[i][1]

    def _add(self, name: str, kind: str, genders: dict[str, str]) -> Person:
        p = self.persons.get(name)
        if p is None:
            words = name.split()
            g = genders.get(words[0].lower(), "u") if kind == "person" and len(words) >= 2 else "u"
            p = Person(name, kind, g if g in ("m", "f") else "u")
            self.persons[name] = p
            self.by_last.setdefault(words[-1], []).append(p)
            if len(words) >= 2:
                self.by_first.setdefault(words[0], []).append(p)
        elif kind == "person" and p.kind != "person":
            p.kind = "person"
        return p

    def _mark_subjects(self) -> None:
        text = self.doc.text
        for r in self.mentions:
            before = text[max(0, r.start - 60) : r.start]
            seg = re.split(r"[.!?”\"]\s+|\n|^", before)[-1]
            # sentence-initial (after a short intro phrase or title run) or followed by a verb-ish word
            if len(seg.split()) <= 4 and not re.search(r"\b(of|to|with|by|for|and|from|about|against|on)\s*$", seg):
                r.subject = True
            after = text[r.end : r.end + 40]
            if re.match(r"\s*(?:,[^,]{0,120},\s*)?(?:\w+ly\s+|also\s+|has\s+|had\s+|have\s+|will\s+)?"
                        r"(?:said|says|told|added|explained|wrote|argued|noted|warned|stated|asked)\b", after):
                r.subject = True

    # ----------------------------------------------------------------- naming
    def entity_at(self, start: int, end: int) -> Optional[tuple[str, str, str]]:
        """(id, name, type) of the entity mention overlapping ``[start, end)`` (rightmost wins)."""
        if not self.entity_spans:
            return None
        i = bisect_left(self.entity_spans, (end,))
        best = None
        for s, e, eid, name, typ in self.entity_spans[max(0, i - 8) : i]:
            if s < end and e > start:
                best = (eid, name, typ)
        return best

    def canonical(self, words: list[str], start: int, end: int) -> tuple[str, Optional[Person]]:
        """The most complete known name for a name mention (full name for a surname)."""
        ent = self.entity_at(start, end)
        if ent is not None:
            eid, name, typ = ent
            p = self.persons.get(name)
            if p is not None and typ in ("PERSON", "PER") and len(name.split()) == 1:
                longer = self._longer(name, start)
                if longer is not None:
                    return longer.name, longer
            if p is not None:
                return name, p
        _, name_words = strip_titles(words, self.lex.titles)
        name = re.sub(r"\s*['’]s$", "", " ".join(name_words)).strip()
        if not name:
            return " ".join(words), None
        if name in self.persons and len(name.split()) >= 2:
            return name, self.persons[name]
        longer = self._longer(name, start)
        if longer is not None:
            return longer.name, longer
        p = self.persons.get(name)
        if p is None:
            genders = first_name_genders()
            kind = "org" if ORG_WORDS.search(name) else ("person" if len(name.split()) >= 2 and
                                                        genders.get(name.split()[0].lower()) else "unknown")
            p = self._add(name, kind, genders)
        return name, p

    def _longer(self, name: str, before: int) -> Optional[Person]:
        """A longer person name ending (or starting) with single-word ``name``: nearest earlier one."""
        words = name.split()
        if len(words) != 1:
            # "Mnuchin" style only; multiword names that are a suffix of a longer one
            cands = [p for p in self.by_last.get(words[-1], []) if p.kind == "person" and len(p.name.split()) > len(words)
                     and p.name.endswith(name)]
        else:
            cands = [p for p in self.by_last.get(name, []) if p.kind == "person" and len(p.name.split()) >= 2]
            if not cands:
                cands = [p for p in self.by_first.get(name, []) if p.kind == "person"]
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        # nearest preceding mention of one of the candidates
        best, best_pos = cands[0], -1
        for r in self.mentions:
            if r.start >= before:
                break
            if r.person in cands and r.start > best_pos:
                best, best_pos = r.person, r.start
        return best

    # ---------------------------------------------------------------- pronouns
    def note_speaker(self, start: int, end: int, person: Person) -> None:
        """Record a resolved speaker mention so later pronouns can refer back to it."""
        i = bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self.mentions.insert(i, MentionRec(start, end, person, True, True))

    def resolve_pronoun(self, pron: str, pos: int, sentence_starts: list[int]) -> Optional[Person]:
        """The most recent compatible person: subjects and speakers of recent sentences first."""
        g = PRONOUNS.get(pron.lower())
        if g in ("s", None):
            return None
        i = bisect_left(self._starts, pos) - 1
        if g == "n" or g == "p":
            want = ("org",) if g == "n" else ("org",)
            k = i
            while k >= 0 and pos - self.mentions[k].start < 1500:
                r = self.mentions[k]
                if r.person.kind in want and (r.subject or r.speaker):
                    return r.person
                k -= 1
            return None
        fallback: Optional[Person] = None
        k = i
        limit = 2500
        while k >= 0 and pos - self.mentions[k].start < limit:
            r = self.mentions[k]
            p = r.person
            if p.kind == "person" and p.gender in (g, "u"):
                if r.subject or r.speaker:
                    if fallback is not None and p.gender == "u" and fallback.gender == g and \
                            self._sentence_distance(r.start, pos, sentence_starts) > 2:
                        return fallback
                    return p
                if fallback is None:
                    fallback = p
            k -= 1
        return fallback

    @staticmethod
    def _sentence_distance(a: int, b: int, starts: list[int]) -> int:
        return bisect_left(starts, b) - bisect_left(starts, a)

    # ------------------------------------------------------------ descriptions
    def description(self, person: Person, toks_by_pos=None) -> Optional[str]:
        """Appositive (``Name, a former official,``) or pre-name title (``Treasury Secretary Name``)."""
        if person.description is not None:
            return person.description or None
        text = self.doc.text
        desc = ""
        for r in self.mentions:
            if r.person is not person:
                continue
            d = _appositive_after(text, r.end) or _title_before(text, r.start, self.lex)
            if d:
                desc = d
                break
        person.description = desc
        return desc or None


_APPOS_START = re.compile(r",\s+(?=(?:a|an|the|[a-z]|[A-Z]))")
_BAD_APPOS_START = re.compile(r"^(?:who|which|that|where|when|said|says|told|and|but|he|she|they|it|we|I|is|was|"
                              r"has|had|according|as|adding|saying|in|on|at|of|for|with|to|from|by|if|because|"
                              r"\d)\b")


def _appositive_after(text: str, end: int) -> Optional[str]:
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
    words = desc.split()
    if not (1 <= len(words) <= 30) or _BAD_APPOS_START.match(desc):
        return None
    if re.search(r"\b(said|says|told|is|was|are|were|has|have|had|will|would)\b", desc):
        return None
    if len(words) == 1 and not words[0][0].isupper():
        return None
    return desc


def _title_before(text: str, start: int, lex: CueLexicon) -> Optional[str]:
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


# ----------------------------------------------------------------------- phrases
def np_before(toks: list[Tok], c: int, lex: CueLexicon, lo: int = 0) -> Optional[tuple[int, int]]:
    """Token range [i, j) of the subject phrase ending right before index ``c`` (skipping adverbs)."""
    j = c
    skipped = 0
    while j - 1 >= lo and (toks[j - 1].low in SKIP_BEFORE_CUE or toks[j - 1].tag in ("RB", "MD")) and skipped < 3 \
            and toks[j - 1].low not in PRONOUNS:
        j -= 1
        skipped += 1
    if j - 1 < lo:
        return None
    t = toks[j - 1]
    if t.low in PRONOUNS and t.tag in ("PRP", "NNP", "NN") :
        return (j - 1, j)
    if t.tag not in HEAD_TAGS or t.low in NON_SPEAKER_HEADS:
        return None
    i = j - 1
    while i - 1 >= lo:
        p = toks[i - 1]
        if p.tag in NP_TAGS and p.low not in SKIP_BEFORE_CUE and not (p.tag in ("VBN", "VBG") and p.w[0].islower()):
            i -= 1
            continue
        if p.low in DETS or p.tag in ("DT", "PRP$"):
            i -= 1
            break
        if p.low in LINK_PREPS and i - 2 >= lo and toks[i - 2].tag in HEAD_TAGS and p.low in ("of", "for", "at"):
            i -= 1
            continue
        break
    if j - i > 12:
        return None
    return (i, j)


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
                                                   toks[j + 1].tag in HEAD_TAGS | {"DT"} and j > i)):
        if toks[j].tag in ("VBN", "VBG") and toks[j].w[0].islower():
            break
        if toks[j].low in ("of", "for", "at") and j + 1 < n and toks[j + 1].tag == "DT":
            j += 1
        j += 1
    while j > i and toks[j - 1].tag not in HEAD_TAGS:
        j -= 1
    if j <= i or toks[j - 1].low in NON_SPEAKER_HEADS or j - k > 14:
        return None
    return (k, j)


def phrase_kind(toks: list[Tok], i: int, j: int) -> str:
    """name | pronoun | role for a speaker phrase."""
    if j - i == 1 and toks[i].low in PRONOUNS:
        return "pronoun"
    if any(t.tag in ("NNP", "NNPS") and t.w[0].isupper() for t in toks[i:j]):
        # "A Freedom Mobile spokesperson": a name used as a modifier of a role noun
        if toks[j - 1].tag in ("NN", "NNS") and toks[j - 1].w[0].islower():
            return "role"
        return "name"
    return "role"
