"""entities: capitalised-name mentions, typed where obvious, merged by surname, counted (first version)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from newsparse.model import Document, Entity, Mention
from newsparse.stages.base import Stage


@dataclass
class EntitiesParams:
    min_count: int = 1


_CAP_SEQ = re.compile(r"\b(?:[A-Z][\w'’&.-]*|of|for|the|and)(?:\s+(?:[A-Z][\w'’&.-]*|of|for|the|and))*\b")
_STOP = {"The", "A", "An", "In", "On", "At", "But", "And", "He", "She", "It", "They", "We", "I", "This",
         "That", "These", "Those", "His", "Her", "Their", "Its", "Our", "As", "If", "When", "While", "Since",
         "After", "Before", "Meanwhile", "However", "Last", "None", "Of", "For", "There", "Some", "Many"}
_ORG = re.compile(r"\b(Inc|Corp|Ltd|University|Institute|Agency|Department|Ministry|Company|Group|Bank|Council|"
                  r"Association|Party|Times|News|Post|Capital|Nations|Committee|Commission|Court)\b")


class EntitiesStage(Stage):
    """Count capitalised names; a surname seen with a first name merges into the full name."""

    name = "entities"
    Params = EntitiesParams
    description = "named entities, merged and counted"

    def process(self, doc: Document) -> Document:
        text = doc.text
        found: list[tuple[str, int, int]] = []
        for m in _CAP_SEQ.finditer(text):
            words = m.group().split()
            while words and (words[0] in _STOP or words[0][0].islower()):
                words = words[1:]
            while words and words[-1][0].islower():
                words = words[:-1]
            if not words:
                continue
            name = " ".join(words).rstrip(".")
            name = re.sub(r"['’]s$", "", name)
            start = text.index(words[0], m.start())
            found.append((name, start, start + len(name)))
        by_name: dict[str, list[Mention]] = {}
        for name, s, e in found:
            by_name.setdefault(name, []).append(Mention(s, e, text[s:e]))
        canonical: dict[str, str] = {}
        for name in by_name:
            longer = [n for n in by_name if n != name and n.split()[-1] == name and len(n.split()) == 2]
            canonical[name] = longer[0] if len(longer) == 1 else name
        entities: dict[str, Entity] = {}
        for name, mentions in by_name.items():
            canon = canonical[name]
            ent = entities.setdefault(canon, Entity(id="", name=canon, type=_guess_type(canon)))
            ent.mentions.extend(mentions)
            if name not in ent.aliases:
                ent.aliases.append(name)
        result = [e for e in entities.values() if len(e.mentions) >= self.params.min_count]
        result.sort(key=lambda e: (-len(e.mentions), e.name))
        for i, e in enumerate(result, 1):
            e.id = f"e{i}"
            e.count = len(e.mentions)
            e.mentions.sort(key=lambda m: m.start)
        doc.entities = result
        return doc


def _guess_type(name: str) -> str:
    if _ORG.search(name):
        return "ORG"
    if len(name.split()) in (2, 3) and all(w[0].isupper() for w in name.split()):
        return "PERSON"
    return "MISC"
