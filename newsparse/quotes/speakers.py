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
from typing import Optional

from newsparse.model import Document
from newsparse.quotes.cues import CueLexicon
from newsparse.quotes.describe import appositive_after, title_before
from newsparse.quotes.names import (
    POSS,
    POSS_END,
    HONORIFIC_GENDER,
    ORG_WORDS,
    NAME_RE,
    NOT_NAME_START,
    clean_entity_name,
    function_word,
    in_credit,
    in_dateline,
    NOT_NAME_CALENDAR,
    plausible_unknown_name,
    first_name_genders,
    strip_titles,
)
from newsparse.quotes.phrases import PRONOUNS
from newsparse.quotes.tokens import Tok

_HE = re.compile(r"\b(?:he|his|him|himself)\b", re.I)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.I)
ORG_ROLE_NOUNS = {"company", "agency", "firm", "group", "organization", "organisation", "union", "ministry",
                  "department", "government", "board", "council", "association", "club", "team", "party",
                  "network", "broadcaster", "newspaper", "bank", "university", "school", "service", "office",
                  "hospital", "commission", "committee", "court", "city", "province", "charity", "society"}
ROLE_NEAR_CHARS = 120  # "… by Acme. The company said": an organisation just named, in any position
NEAR_ROLE_HEADS = {"company", "agency", "firm", "organization", "organisation", "charity", "bank", "network",
                   "broadcaster", "newspaper"}  # kinds of organisation known by a proper name
_NICKNAME = re.compile(r"\b([A-Z][a-z][\w'’-]*)\s+[“\"‘'][A-Z][\w'’.-]*[”\"’']\s+([A-Z][a-z][\w'’-]*)\b")
_SENT_SPLIT = re.compile(r"(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\bSt)(?<!\b[A-Z])[.!?”\"]\s+|\n")
_AFTER_SUBJECT = re.compile(r"(?:\s*,[^,.;\"“”]{1,140},)?\s*(?:[a-z]+ly\s+|also\s+)?([a-z]+)\b")
_AFTER_APPOSITIVE = re.compile(r"\s*,\s*(?:[a-z]+ly\s+|also\s+)?([a-z]+)\b")
_REPORTED = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:reported|reports)\b")
_GENDERED = re.compile(r"\b(?:he|his|him|himself|she|her|hers|herself)\b", re.I)
_COORD_BEFORE = re.compile(r"(?:\band|&)\s+$")
_COORD_AFTER = re.compile(r"\s*(?:,\s*)?(?:and|&)\s")
PLURAL_DETERMINERS = {"both", "all", "two", "three", "four", "several", "many", "some", "each", "these", "those"}
INSTITUTION_HEADS = {"laboratory", "lab", "institute", "centre", "center", "foundation", "studio", "band", "station",
                     "magazine", "journal", "report", "statement", "study", "survey", "data", "letter", "email", "memo",
                     "release", "website", "poll", "findings", "document", "documents", "military", "army", "navy",
                     "police", "authority", "panel", "fund", "trust", "family", "couple", "crew", "staff", "public"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
HONORIFICS = {"mr", "mrs", "ms", "miss", "mx"}
SINGULAR_THEY_CHARS = 600  # the person must have spoken within a few sentences before
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_PREV_WORD = re.compile(r"\b([a-z][a-z-]+)\s+$")


@dataclass
class Person:
    """A name in the article: canonical form, kind (person/org/unknown) and gender (m/f/u)."""

    name: str
    kind: str = "unknown"
    gender: str = "u"
    entity: Optional[str] = None
    description: Optional[str] = None
    titles: set[str] = field(default_factory=set)
    article: bool = False  # an organisation the text calls "the X"
    text_gender: bool = False  # the gender comes from the text's pronouns, not the first-name list
    etype: Optional[str] = None  # the entities stage's type (PERSON, ORG, GPE, NORP), when it ran
    cues: set[str] = field(default_factory=set)  # lemmas of the cues it has spoken with so far
    institution: bool = False  # the text called it "the company" or "it": never "he" or "she"

    @property
    def display(self) -> str:
        """The name as a speaker: organisations keep the article the text gives them."""
        return f"the {self.name}" if self.article and self.kind != "person" else self.name


@dataclass
class MentionRec:
    """A mention of a named speaker candidate at ``start`` (for pronoun and role resolution)."""

    start: int
    end: int
    person: Person
    subject: bool = False
    speaker: bool = False
    full: bool = True
    cue: str = ""  # the cue lemma that made this mention a speaker ("say", "report")


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
    _quoted: bytearray = field(default_factory=bytearray)
    acronyms: dict[str, str] = field(default_factory=dict)  # "VEA" -> "Vexland Export Agency"
    _captions: list[tuple[int, int]] = field(default_factory=list)

    _reported: bytearray = field(default_factory=bytearray)

    def note_reported(self, start: int, end: int) -> None:
        """Mark the content of a reported clause: a subject inside it ("Acme said [Roe had
        left]") is what was said, not the subject the text goes on about."""
        if not self._reported:
            self._reported = bytearray(len(self.doc.text) + 1)
        self._reported[start:end] = b"\x01" * (end - start)

    def _reported_at(self, pos: int) -> bool:
        return bool(self._reported) and pos < len(self._reported) and self._reported[pos] == 1

    def _subject(self, r: "MentionRec") -> bool:
        return r.subject and not self._reported_at(r.start)

    def in_caption(self, pos: int) -> bool:
        i = bisect_left(self._captions, (pos + 1,)) - 1
        return i >= 0 and self._captions[i][0] <= pos < self._captions[i][1]

    def set_quoted(self, spans: list[tuple[int, int]]) -> None:
        """Mark quotation text: names inside quotes are not antecedents for pronouns or role nouns."""
        q = bytearray(len(self.doc.text) + 1)
        for a, b in spans:
            q[a:b] = b"\x01" * (b - a)
        self._quoted = q

    def _in_quote(self, pos: int) -> bool:
        return bool(self._quoted) and pos < len(self._quoted) and self._quoted[pos] == 1

    @classmethod
    def build(cls, doc: Document, lex: CueLexicon) -> "SpeakerIndex":
        idx = cls(doc, lex)
        genders = first_name_genders()
        text = doc.text
        idx.acronyms = defined_acronyms(text)
        ents = [e for e in doc.entities if e.type in ("PERSON", "PER", "ORG", "NORP", "GPE")]
        if ents:
            for e in ents:
                kind = "person" if e.type in ("PERSON", "PER") else "org"
                if kind == "org" and len(e.name.split()) >= 2 and e.name.split()[0] in lex.titles \
                        and e.name.split()[0] not in ("Chief", "Executive", "Staff", "Senior", "General", "Crown"):
                    kind = "person"  # "Justice Dunphy", "Mayor Tory": a titled person the tagger typed ORG
                clean = clean_entity_name(e.name, lex, kind)
                if clean is None:
                    continue
                cw = clean.split()
                if kind == "person" and not (genders.get(cw[0].lower()) or len(cw) == 1 or plausible_unknown_name(cw)):
                    kind = "unknown"
                p = idx._add(clean, kind, genders)
                p.entity = e.id
                p.etype = p.etype or e.type
                for m in e.mentions:
                    idx.entity_spans.append((m.start, m.end, e.id, clean, e.type))
                    if in_credit(text, m.start, m.end) or in_dateline(text, m.start, m.end):
                        continue
                    if kind == "person" or e.type == "ORG":
                        idx.mentions.append(MentionRec(m.start, m.end, p, full=len(m.text.split()) >= 2 or kind == "org"))
            idx.entity_spans.sort()
        # our own capitalised-name finder complements (or replaces) the entities
        for m in NAME_RE.finditer(text):
            mtext = m.group()
            cut = max((x.end() for x in POSS.finditer(mtext)), default=0)
            words = mtext[cut:].split()
            if words and POSS_END.search(words[-1]):
                words[-1] = POSS_END.sub("", words[-1])
            titles, name = strip_titles(words, lex.titles)
            while name and (name[0] in NOT_NAME_START or
                            (len(name) > 1 and (function_word(name[0]) or name[0].lower() in NOT_NAME_CALENDAR))):
                name = name[1:]
            if not name:
                continue
            nm = " ".join(name)
            first = name[0].lower()
            start = m.start() + mtext.rindex(nm) if nm in mtext else m.start()
            if in_credit(text, start, start + len(nm)) or in_dateline(text, start, start + len(nm)):
                continue
            if idx._covered(start):
                ent = idx.entity_at(start, start + len(nm))
                p = idx.persons.get(ent[1]) if ent else None
                if p is not None:
                    p.titles.update(t.lower().rstrip(".") for t in titles)
                    if p.kind == "person" and nm != p.name and nm.startswith(p.name) and len(nm.split()) == len(p.name.split()) \
                            and nm not in idx.persons:
                        idx.persons[nm] = p  # "Dae Hyun" cut short by the tagger: the text says "Dae Hyun-jo"
                        p.name = nm
                continue
            kind = "unknown"
            org = ORG_WORDS.search(nm)
            if org:
                kind = "org"
            elif len(name) >= 2 and genders.get(first):
                kind = "person"
            elif len(name) >= 3 and not plausible_unknown_name(name[:1]) and any(genders.get(w.lower()) for w in name[1:-1]):
                z = next(z for z in range(1, len(name) - 1) if genders.get(name[z].lower()))
                titles, name = titles + name[:z], name[z:]
                kind = "person"
            elif 2 <= len(name) <= 3 and plausible_unknown_name(name):
                kind = "person"
            elif titles:
                kind = "person"
            if kind == "unknown":
                continue
            nm = " ".join(name)
            if nm in mtext:
                start = m.start() + mtext.rindex(nm)
            if kind == "person" and len(name) == 1:
                # "Minister Smith": a titled surname; a known full name takes it
                continue
            p = idx._add(nm, kind, genders)
            for t in titles:
                g = HONORIFIC_GENDER.get(t.lower().rstrip("."))
                if g:
                    p.gender = g
                p.titles.add(t.lower().rstrip("."))
            idx.mentions.append(MentionRec(start, start + len(nm), p, full=True))
        # a nickname in quotation marks between the first name and the surname: 'Riya "Bee" Moss'
        # is Riya Moss (the name finder stops at the quotation mark)
        for m in _NICKNAME.finditer(text):
            first, last = m.group(1), m.group(2)
            if function_word(first) or first in lex.titles or first.lower() in NOT_NAME_CALENDAR or \
                    ORG_WORDS.search(last) or in_credit(text, m.start(), m.end()):
                continue
            p = idx._add(f"{first} {last}", "person", genders)
            idx.mentions.append(MentionRec(m.start(), m.end(), p, full=True))
        # lowercase role words right before a name are titles too: "director Jeff Fraser"
        for r in idx.mentions:
            if r.person.kind == "person":
                w = _PREV_WORD.search(text, max(0, r.start - 40), r.start)
                if w and w.group(1).lower() in lex.speaker_nouns:
                    r.person.titles.add(w.group(1).lower())
        idx.mentions.sort(key=lambda r: r.start)
        # surname-only (or first-name-only) mentions of known persons: the nearest full name before
        full = [r for r in idx.mentions if r.full and r.person.kind == "person"]
        seen_pos = {r.start for r in idx.mentions}
        keys: dict[str, list[Person]] = {}
        for p in idx.persons.values():
            if p.kind == "person" and len(p.name.split()) >= 2:
                keys.setdefault(p.name.split()[-1], []).append(p)
        covered = bytearray(len(text) + 1)
        for r in full:
            covered[r.start : r.end] = b"\x01" * (r.end - r.start)
        if keys:
            pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
                                 + r")(?![\w-])")
            for m in pattern.finditer(text):
                if m.start() in seen_pos or covered[m.start()] or idx._covered(m.start()):
                    continue
                person = idx._nearest_full(keys[m.group()], m.start(), full)
                idx.mentions.append(MentionRec(m.start(), m.end(), person, full=False))
        # names in a photo caption (a paragraph closed by a credit: "… at the station. (Jane Roe/CBC)")
        # describe a picture, not the story: no antecedents
        idx._captions = caption_spans(text)
        if idx._captions:
            idx.mentions = [r for r in idx.mentions if not idx.in_caption(r.start)]
        # honorific + surname gives gender
        for m in re.finditer(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w'’-]+)", text):
            g = HONORIFIC_GENDER[m.group(1).lower()]
            for p in keys.get(m.group(2), []):
                p.gender = g
        idx.mentions.sort(key=lambda r: r.start)
        idx._starts = [r.start for r in idx.mentions]
        seen: set[int] = set()
        for r in idx.mentions:  # an organisation first named "the X" keeps its article
            if r.person.kind == "org" and id(r.person) not in seen:
                seen.add(id(r.person))
                r.person.article = text[max(0, r.start - 4) : r.start].lower() == "the " and \
                    not re.match(r"\s+[A-Z0-9]|\s+[a-z]+\s+(?:of|for)\b|-", text[r.end : r.end + 20])  # not "the VW ID"
        idx._mark_subjects()
        idx._text_genders()
        return idx

    def _nearest_full(self, plist: list["Person"], pos: int, full: list[MentionRec]) -> "Person":
        """Which of several persons sharing a surname a bare surname at ``pos`` means."""
        if len(plist) == 1:
            return plist[0]
        best, best_pos = None, -1
        for r in full:
            if r.person in plist and best_pos < r.start < pos:
                best, best_pos = r.person, r.start
        # the person who was introduced first (the article's subject) unless a nearer one was just named
        earliest = min(plist, key=lambda p: next((r.start for r in full if r.person is p), 1 << 30))
        if best is not None and pos - best_pos < 400:
            return best
        return earliest

    def _text_genders(self) -> None:
        """Pronouns right after a person's subject mentions say their gender (overrides the name list)."""
        text = self.doc.text
        counts: dict[int, list[int]] = {}
        for r in self.mentions:
            if r.person.kind != "person" or not r.subject:
                continue
            window = text[r.end : r.end + 160]
            c = counts.setdefault(id(r.person), [0, 0])
            c[0] += len(_HE.findall(window))
            c[1] += len(_SHE.findall(window))
        for p in self.persons.values():
            c = counts.get(id(p))
            if not c:
                continue
            m, f = c
            strong = 3 if p.gender != "u" else 2
            if f >= strong and f > 3 * m:
                p.gender, p.text_gender = "f", True
            elif m >= strong and m > 3 * f:
                p.gender, p.text_gender = "m", True

    def _covered(self, pos: int) -> bool:
        if not self.entity_spans:
            return False
        i = bisect_left(self.entity_spans, (pos + 1,)) - 1
        return i >= 0 and self.entity_spans[i][0] <= pos < self.entity_spans[i][1]

    def _add(self, name: str, kind: str, genders: dict[str, str]) -> Person:
        p = self.persons.get(name)
        full = self.acronyms.get(name)
        if p is None and full is not None and kind != "person":
            # "Vexland Export Agency (VEA) … VEA says": the acronym speaks under the full name
            p = self.persons[name] = self._add(full, "org" if kind == "unknown" else kind, genders)
            return p
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
        from newsparse.nlp.pos import load_tagger

        tagger = load_tagger()
        text = self.doc.text
        for r in self.mentions:
            before = text[max(0, r.start - 60) : r.start]
            seg = _SENT_SPLIT.split(before)[-1]
            # sentence-initial (after a short intro phrase or title run) or followed by a verb
            words = seg.split()
            # "Unlike Roe, he …": a name governed by a preposition opening the sentence is
            # no subject (unless a verb follows it: "After Roe left, …", checked below)
            if len(words) <= 4 and not re.search(r"\b(of|to|with|by|for|and|from|about|against|on|at|in)\s*$", seg, re.I) \
                    and not (words and tagger.tag_word(words[-1].lower(), False) == "IN") \
                    and not re.search(r"['’]s?\s*$", seg) and \
                    not any(tagger.tag_word(w, False)[:2] in ("VB", "PR", "MD") for w in _LOWER_WORD.findall(seg)):
                r.subject = True
                continue
            after = text[r.end : r.end + 160]
            m = _AFTER_SUBJECT.match(after)
            if seg.rstrip().endswith(",") and len(words) <= 12 and \
                    not any(tagger.tag_word(w, False)[:2] in ("VB", "PR", "MD") for w in _LOWER_WORD.findall(seg)):
                # "Director of research at Acme, Jane Roe, agreed": the name closing a title
                # appositive is the subject of the verb after it
                m = _AFTER_APPOSITIVE.match(after) or m
            if m and _REPORTED.match(after):
                r.person.cues.add("report")  # "Bloomberg has reported": an outlet's verb (see INSTITUTION_CUES)
            tag = tagger.tag_word(m.group(1), False) if m else ""
            # right after a name an "-ed" word is a past tense ("Delgado nodded"), whatever the lexicon's
            # most frequent reading (the participle)
            if tag in ("VBD", "VBZ", "VBP", "MD") or (tag == "VBN" and m.group(1).endswith("ed")):
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
        own = " ".join(strip_titles(words, self.lex.titles)[1])
        if ent is not None and own != ent[1] and ent[1] in own and len(own) > len(ent[1]) \
                and not (ent[2] in ("PERSON", "PER") and own.endswith(" " + ent[1])):
            # the entity is a part of the name the text gives ("Red Cross" in "Kenya Red Cross");
            # a person at the end of the phrase is the name, the words before describe
            # ("Ohio Democrat Jane Roe")
            ent = None
        if ent is not None and ent[2] not in ("PERSON", "PER") and ent[1].startswith(own + " ") \
                and not ORG_WORDS.search(ent[1][len(own):]):
            ent = None  # a brand is not its product: "Apple says" is not "Apple TV"
        if ent is not None and ent[2] not in ("PERSON", "PER"):
            r = self.mention_at(start, end)
            if r is not None and r.person.kind == "person" and r.person.name.endswith(" " + own):
                return r.person.name, r.person  # 'Riya "Bee" Moss': a person's name the tagger typed otherwise
            longer = self._longer(own, start, use_mention=False) if len(own.split()) == 1 and ent[2] != "NORP" and \
                not ORG_WORDS.search(own) else None
            if longer is not None:
                return longer.name, longer  # "Moss said" after 'Riya "Bee" Moss'
        if ent is not None:
            eid, name, typ = ent
            p = self.persons.get(name)
            if p is not None and typ in ("PERSON", "PER") and len(name.split()) == 1:
                longer = self._longer(name, start)
                if longer is not None:
                    return longer.name, longer
            if p is not None:
                p = self.upgrade(p, start)
                return p.name, p
        _, name_words = strip_titles(words, self.lex.titles)
        name = re.sub(r"\s*['’]s$", "", " ".join(name_words)).strip()
        if not name:
            return " ".join(words), None
        longer = self._longer(name, start)
        if longer is None and name in self.persons and len(name.split()) >= 2:
            return name, self.persons[name]
        if longer is not None:
            return longer.name, longer
        p = self.persons.get(name)
        if p is None:
            genders = first_name_genders()
            kind = "org" if ORG_WORDS.search(name) else ("person" if len(name.split()) >= 2 and
                                                        genders.get(name.split()[0].lower()) else "unknown")
            p = self._add(name, kind, genders)
        if name in self.acronyms and p.kind != "person":
            return p.name, p  # "VEA" -> "Vexland Export Agency"
        return name, p

    def upgrade(self, person: Optional[Person], pos: int) -> Optional[Person]:
        """A person known by a short name (surname) -> the full-name person meant at ``pos``."""
        if person is None or person.kind != "person":
            return person
        longer = self._longer(person.name, pos, use_mention=False)
        return longer if longer is not None else person

    def mention_at(self, start: int, end: int) -> Optional[MentionRec]:
        i = bisect_left(self._starts, end) - 1
        while i >= 0 and self.mentions[i].end > start:
            r = self.mentions[i]
            if r.start < end and r.end > start:
                return r
            i -= 1
        return None

    def _longer(self, name: str, before: int, use_mention: bool = True) -> Optional[Person]:
        """A longer person name ending (or starting) with ``name``, the one meant at ``before``."""
        words = name.split()
        r = self.mention_at(before, before + len(name)) if use_mention else None
        if r is not None and r.person.kind == "person" and len(r.person.name.split()) > len(words) and \
                (r.person.name.endswith(name) or r.person.name.startswith(name)):
            return r.person
        if len(words) != 1:
            cands = [p for p in self.by_last.get(words[-1], []) if p.kind == "person" and len(p.name.split()) > len(words)
                     and p.name.endswith(name)]
        else:
            cands = [p for p in self.by_last.get(name, []) if p.kind == "person" and len(p.name.split()) >= 2]
            if not cands and (first_name_genders().get(name.lower()) or
                              any(p.gender in ("m", "f") for p in self.by_first.get(name, []))):
                # a first-name reference ("Helen" -> "Helen Ruiz"), not a brand before a product
                # ("Apple" is not "Apple TV")
                cands = [p for p in self.by_first.get(name, []) if p.kind == "person"]
        if not cands:
            return None
        full = [m for m in self.mentions if m.full]
        return self._nearest_full(cands, before, full)

    def latest_subject(self, lo: int, hi: int, quoted: list[tuple[int, int]], qstarts: list[int]) -> Optional[MentionRec]:
        """The last person in subject (or speaker) position in ``[lo, hi)``, outside quotations."""
        k = bisect_left(self._starts, hi) - 1
        while k >= 0 and self.mentions[k].start >= lo:
            r = self.mentions[k]
            if r.person.kind == "person" and (r.subject or r.speaker) and not self._coordinated(r):
                qi = bisect_left(qstarts, r.start + 1) - 1
                if not (qi >= 0 and quoted[qi][0] <= r.start < quoted[qi][1]):
                    return r
            k -= 1
        return None

    # ------------------------------------------------------------- role nouns
    def resolve_role(self, toks: list[Tok], pos: int) -> Optional[Person]:
        """``the company`` -> the latest organisation; ``the mayor`` -> the latest person titled mayor."""
        if len(toks) < 2 or toks[0].low not in ("the", "this"):
            return None
        words = [t.low for t in toks[1:] if not t.tag.startswith("JJ") and t.low not in ("former", "new", "current")
                 and t.w not in (",", "-") and t.tag != "VBN"]
        if not words or len(words) > 2:
            return None
        head = words[-1]
        i = bisect_left(self._starts, pos) - 1
        if head in ORG_ROLE_NOUNS:
            near = len(toks) == 2 and head in NEAR_ROLE_HEADS  # a bare "the company", "the agency"
            k = i
            while k >= 0 and pos - self.mentions[k].start < 600:
                r = self.mentions[k]
                if r.person.kind == "org" and not self._in_quote(r.start) and \
                        (self._subject(r) or r.speaker or head in r.person.name.lower() or
                         (near and pos - r.end < ROLE_NEAR_CHARS and not POSS_END.match(self.doc.text[r.end : r.end + 2]))):
                    org = r.person
                    if not (self._subject(r) or r.speaker) and self._reported_at(r.start):
                        # named inside what an organisation just said ("Acme said Halvex had …"): the
                        # organisation that spoke is "the company"
                        org = next((m.person for m in reversed(self.mentions[:k]) if pos - m.start < ROLE_NEAR_CHARS * 2
                                    and m.speaker and m.person.kind == "org"), org)
                    org.institution = True
                    return org
                k -= 1
            return None
        k = i
        while k >= 0 and pos - self.mentions[k].start < 5000:
            p = self.mentions[k].person
            if p.kind == "person" and not self._in_quote(self.mentions[k].start):
                desc = (self.description(p) or "").lower()
                if head in p.titles or re.search(rf"\b{re.escape(head)}\b", desc):
                    if len(words) == 1 or all(w in p.titles or w in desc for w in words):
                        return p
            k -= 1
        return None

    def latest_person(self, pos: int, max_chars: int = 800) -> Optional[Person]:
        """The person most recently named before ``pos`` (a subject or speaker first), for an
        epithet such as "the 26-year-old" or "the Kentucky Republican"."""
        i = bisect_left(self._starts, pos) - 1
        first: Optional[Person] = None
        while i >= 0 and pos - self.mentions[i].start < max_chars:
            r = self.mentions[i]
            if (r.person.kind == "person" or (r.person.kind == "unknown" and _could_be_person(r.person.name))) \
                    and not self._in_quote(r.start):
                if r.subject or r.speaker:
                    return self.upgrade(r.person, pos)
                first = first or r.person
            i -= 1
        return self.upgrade(first, pos) if first is not None else None

    # ---------------------------------------------------------------- pronouns
    def note_speaker(self, start: int, end: int, person: Person, cue: str = "") -> None:
        """Record a resolved speaker mention (and its cue lemma) so later pronouns can refer back to it."""
        if self.in_caption(start):
            return
        i = bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self.mentions.insert(i, MentionRec(start, end, person, True, True, cue=cue))
        if cue:
            person.cues.add(cue)

    def resolve_pronoun(self, pron: str, pos: int, sentence_starts: list[int]) -> Optional[Person]:
        """The most recent compatible person: subjects and speakers of recent sentences first."""
        return self.upgrade(self._resolve_pronoun(pron, pos, sentence_starts), pos)

    def _resolve_pronoun(self, pron: str, pos: int, sentence_starts: list[int]) -> Optional[Person]:
        g = PRONOUNS.get(pron.lower())
        if g in ("s", None) or pron.lower() == "we":  # "we" in the writer's text is the writer or the outlet
            return None
        i = bisect_left(self._starts, pos) - 1
        if g == "n" or g == "p":
            # "it said" / "they said": an organisation that spoke recently, else one in subject position
            for need_speaker in (True, False):
                k = i
                while k >= 0 and pos - self.mentions[k].start < 1500:
                    r = self.mentions[k]
                    if r.person.kind == "org" and not self._in_quote(r.start) and \
                            (r.speaker if need_speaker else r.subject):
                        if g == "n":
                            r.person.institution = True
                        return r.person
                    k -= 1
            return None
        intro = self._new_voice(g, pos, sentence_starts)
        if intro is not None:
            return intro
        fallback: Optional[Person] = None
        # the subject just before, whose name the first-name list calls the other gender ("Brit
        # Vitalius … "…," he said"): the text's pronoun outweighs the list when nobody else fits
        other_gender: Optional[Person] = None
        k = i
        limit = 2500
        while k >= 0 and pos - self.mentions[k].start < limit:
            r = self.mentions[k]
            p = r.person
            if self._in_quote(r.start):
                k -= 1
                continue
            if other_gender is None and p.kind == "person" and p.gender not in (g, "u") and (r.subject or r.speaker) \
                    and not p.text_gender and self._sentence_distance(r.start, pos, sentence_starts) <= 2:
                other_gender = p
            if p.cues and p.cues <= INSTITUTION_CUES and len(p.name.split()) == 1:
                k -= 1  # "As Acme and Bloomberg reported, …": a one-word name that only reported is an outlet
                continue
            # a name that spoke is a person unless it is an organisation ("it said")
            if (p.kind == "person" or (r.speaker and (p.kind == "unknown" or _org_may_be_person(p, r))
                                       and _could_be_person(p.name))) \
                    and p.gender in (g, "u"):
                if self._subject(r) or r.speaker:
                    if fallback is not None and p.gender == "u" and fallback.gender == g and \
                            self._sentence_distance(r.start, pos, sentence_starts) > 2:
                        return fallback
                    return p
                if fallback is None:
                    fallback = p
            k -= 1
        return fallback if fallback is not None else other_gender

    def _new_voice(self, g: str, pos: int, sentence_starts: list[int]) -> Optional[Person]:
        """A person the text introduces at the end of the sentence right before a quotation
        ("… helped Ottawa accountant Tom Reyes, 50. "…," he says."): a voice (re)introduced in
        full, with a role before the name or an age after it, takes the pronoun of the quotation
        that opens the next sentence, even as an object."""
        s = bisect_left(sentence_starts, pos + 1) - 1
        if s < 1:
            return None
        lo, hi = sentence_starts[s - 1], sentence_starts[s]
        text = self.doc.text
        if not (self._in_quote(hi) or text[hi : hi + 1] in "\"“‘'«"):
            return None  # the pronoun's sentence must open with the quotation
        k = bisect_left(self._starts, hi) - 1
        while k >= 0 and self.mentions[k].start >= lo and self._in_quote(self.mentions[k].start):
            k -= 1
        if k < 0 or self.mentions[k].start < lo:
            return None
        r = self.mentions[k]
        p = r.person
        if p.kind != "person" or p.gender not in (g, "u") or len(p.name.split()) < 2 or not r.full:
            return None
        tail = text[r.end : hi]
        if not re.match(r"\s*(?:,\s*\d{1,3}\s*)?[.!?:]\s*$", tail):
            return None  # the name closes its sentence
        role = _PREV_WORD.search(text, max(lo, r.start - 40), r.start)
        aged = re.match(r"\s*,\s*\d{1,3}\b", tail)
        if not (aged or (role and role.group(1).lower() in self.lex.speaker_nouns)):
            return None
        return p

    def singular_they(self, pos: int, after: int = -1) -> Optional[Person]:
        """``they`` for the person just named ("Jane Roe, a spokesperson for Acme, … "…," they
        said"), when no organisation fits (see ``_resolve_pronoun``): the latest subject or speaker
        before ``pos`` (and after ``after``, where an unnamed group spoke) is a named person
        introduced by a role, within a few sentences, whom the text never calls he or she nearby
        and gives no Mr./Ms. Plural "they" for groups is far more common, hence every condition."""
        k = bisect_left(self._starts, pos) - 1
        while k >= 0 and not ((self.mentions[k].subject or self.mentions[k].speaker)
                              and not self._in_quote(self.mentions[k].start)):
            k -= 1
        if k < 0 or self.mentions[k].start <= after:
            return None
        person, mention_start = self.mentions[k].person, self.mentions[k].start
        if person.kind != "person" or person.text_gender or person.titles & HONORIFICS:
            return None
        if not 0 <= pos - mention_start <= SINGULAR_THEY_CHARS:
            return None
        if not (self._role_words(self.description(person) or "") or self._role_words(" ".join(person.titles))):
            return None
        text = self.doc.text
        if self._coordinated(self.mentions[k]):
            return None  # "Ana Ruiz and Tom Berg said …": they are two
        if self._plural_subject_between(self.mentions[k].end, pos):
            return None  # "… Twenty states are suing. They argue …": the group is the antecedent
        first = min((r.start for r in self.mentions if r.person is person), default=mention_start)
        lo = max(min(first, mention_start), pos - 2000)
        for m in _GENDERED.finditer(text, lo, min(len(text), pos + 300)):
            if not self._in_quote(m.start()):
                return None
        return self.upgrade(person, pos)

    def _coordinated(self, r: MentionRec) -> bool:
        """A name joined to another by "and" ("Silverman and Svensson have won"): two people, not
        the one a quotation continues."""
        text = self.doc.text
        return bool(_COORD_BEFORE.search(text, max(0, r.start - 8), r.start) or _COORD_AFTER.match(text, r.end))

    def _plural_subject_between(self, lo: int, hi: int) -> bool:
        """A plural noun followed by a finite verb in the writer's text ("groups are", "states
        sued") between ``lo`` and ``hi``: a group "they" can refer to."""
        from newsparse.nlp.pos import load_tagger

        tagger = load_tagger()
        words = [(m.group(), m.start()) for m in _WORD.finditer(self.doc.text, lo, hi) if not self._in_quote(m.start())]
        for (w1, p1), (w2, p2) in zip(words, words[1:]):
            if tagger.tag_word(w1.lower(), False) in ("NNS", "NNPS") and \
                    tagger.tag_word(w2.lower(), False) in ("VBP", "VBD", "MD") and \
                    self.doc.text[p1 + len(w1) : p2].isspace():
                return True
        return False

    def _role_words(self, desc: str) -> bool:
        """A description naming one person's role ("a spokesperson for Acme", "planning director"),
        not an institution ("laboratory of"), a group ("both nurses") or an honorific ("Mr.")."""
        words = [w.strip(".,'’").lower() for w in desc.split()]
        if not words or words[-1] in ("of", "for", "at", "with", "in", "on") or words[0] in PLURAL_DETERMINERS:
            return False
        return any(w in self.lex.speaker_nouns and w not in ORG_ROLE_NOUNS and w not in INSTITUTION_HEADS
                   and not (w.endswith("s") and w[:-1] in self.lex.speaker_nouns) and w not in HONORIFICS
                   for w in words)

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
            # "According to the union, members voted …": after a source phrase the comma opens the report
            after_source = re.search(r"\baccording to\s+(?:the\s+)?$", text[max(0, r.start - 20) : r.start], re.I)
            d = (None if after_source else appositive_after(text, r.end)) or title_before(text, r.start, self.lex)
            if d:
                desc = d
                break
        person.description = desc
        return desc or None


# cues that institutions use rather than people: "As Acme News reported, …", "the agency announced"
INSTITUTION_CUES = {"report", "announce", "publish"}


def _org_may_be_person(p: Person, r: MentionRec) -> bool:
    """An organisation-typed speaker may still be a person for ``he``/``she`` (taggers type
    surnames such as "Sowers", "Hammond" or "Cuban" ORG, GPE or NORP): not a country or state,
    not a people ("Russians"), not a name the text writes with "the" ("the White House"), and
    cued the way people speak ("said", not "reported")."""
    if p.article or p.institution or r.cue in INSTITUTION_CUES:
        return False
    if p.etype in ("GPE", "NORP"):
        from newsparse.ner.gazetteers import classes

        cls = classes(p.name)
        return not ("country" in cls or "state" in cls or ("demonym" in cls and p.name.endswith("s")))
    return True


_CAPTION_CREDIT = re.compile(r"\(\s*[^()\n]*(?:\bPHOTO\b|\b[Pp]hoto\b|\b[Pp]hotograph\b|Getty Images|\bFILE\b|/)"
                             r"[^()\n]*\)[ \t]*$", re.M)


def caption_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs closed by a photo credit in parentheses (``(Jane Roe/CBC)``, ``( Star file photo )``):
    captions that the extractor left in the text."""
    out = []
    for m in _CAPTION_CREDIT.finditer(text):
        out.append((text.rfind("\n", 0, m.start()) + 1, m.end()))
    return out


_ACRONYM_DEF = re.compile(r"\b((?:[A-Z][\w'’.-]*\s+(?:(?:of|and|for|on|the|de|&)\s+)*){1,7}[A-Z][\w'’.-]*)"
                          r"\s*\(([A-Z][A-Z&.]{1,9})\)$")
_ACRONYM_PAREN = re.compile(r"\([A-Z][A-Z&.]{1,9}\)")
_ACRONYM_WINDOW = 160  # characters: eight capitalised words and their links
_ACRONYM_USE = re.compile(r"\b[A-Z]{2,6}\b")
_CAP_RUN = re.compile(r"\b[A-Z][a-z][\w'’-]*(?:\s+(?:(?:of|and|for|on|the|de|&)\s+)*[A-Z][a-z][\w'’-]*){1,6}")
_ACRONYM_SKIP = {"of", "and", "for", "on", "the", "de", "&"}


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronyms the text defines: ``Vexland Export Agency (VEA)`` -> {"VEA": "Vexland Export
    Agency"}, when the acronym's letters are the name's initials (the name's last words)."""
    out: dict[str, str] = {}
    for paren in _ACRONYM_PAREN.finditer(text):
        # the name is read in a bounded window before the parenthesis: scanning the whole text
        # with the name pattern is quadratic on long runs of capitalised letters ("O'O'O'…")
        start = max(0, paren.start() - _ACRONYM_WINDOW)
        m = _ACRONYM_DEF.search(text[start:paren.end()])
        if m is None:
            continue
        acr = m.group(2).replace(".", "").replace("&", "")
        words = m.group(1).split()
        # the shortest run of trailing words whose initials spell the acronym
        for i in range(len(words) - 1, -1, -1):
            if words[i] in _ACRONYM_SKIP:
                continue
            initials = "".join(w[0] for w in words[i:] if w not in _ACRONYM_SKIP).upper()
            if initials == acr:
                out.setdefault(m.group(2), " ".join(words[i:]))
                break
            if len(initials) >= len(acr):
                break
    # an acronym the text uses without defining it, whose letters are the initials of exactly one
    # capitalised name it gives ("The Harbour Budget Officer … the HBO said")
    used = {m.group() for m in _ACRONYM_USE.finditer(text)} - set(out)
    if used:
        spelled: dict[str, set[str]] = {}
        for m in _CAP_RUN.finditer(text):
            words = [w for w in m.group().split()]
            while words and words[0] in ("The", "A", "An"):
                words = words[1:]
            initials = "".join(w[0] for w in words if w not in _ACRONYM_SKIP)
            if len(words) >= 2 and initials in used:
                spelled.setdefault(initials, set()).add(" ".join(words))
        for acr, names in spelled.items():
            if len(names) == 1:
                out[acr] = next(iter(names))
    return out


def _could_be_person(name: str) -> bool:
    """A speaker name the name finder could not place (an unlisted first name) that may be a
    person for ``he``/``she``: plain capitalised words, no acronym, no organisation word."""
    words = name.split()
    return 1 <= len(words) <= 3 and all(w[:1].isupper() and not w.isupper() and w.replace("-", "").isalpha()
                                        for w in words) and not ORG_WORDS.search(name)
