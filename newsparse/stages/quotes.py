"""quotes: direct quotations with a cue verb and an adjacent named speaker (first version)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsparse.model import Document, Quote, TextSpan
from newsparse.stages.base import Stage

DEFAULT_CUES = ["said", "says", "told", "added", "asked", "wrote", "stated", "explained", "noted", "argued",
                "warned", "tweeted", "continued", "insisted", "replied", "according to"]


@dataclass
class QuotesParams:
    min_words: int = 1
    cues: list[str] = field(default_factory=lambda: list(DEFAULT_CUES))


OPEN_CLOSE = {"“": "”", '"': '"', "«": "»", "„": "“"}
NAME = r"(?:[A-Z][\w'’.-]+)(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|al|bin))*"


def _quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the words inside paired double quotation marks in a paragraph."""
    spans = []
    i = start
    while i < end:
        ch = text[i]
        if ch in OPEN_CLOSE:
            close = OPEN_CLOSE[ch]
            j = text.find(close, i + 1, end)
            if ch == '"' or close == "“":
                j = text.find(close, i + 1, end)
            if j == -1 and ch == "“":
                spans.append((i + 1, end))  # runs to the paragraph end (continues next paragraph)
                break
            if j == -1:
                break
            spans.append((i + 1, j))
            i = j + 1
            continue
        i += 1
    return spans


class QuotesStage(Stage):
    """Direct quotes attributed to a named speaker next to a cue verb."""

    name = "quotes"
    Params = QuotesParams
    description = "quotations with speaker and cue"

    def process(self, doc: Document) -> Document:
        text = doc.text
        cues = "|".join(sorted((re.escape(c) for c in self.params.cues), key=len, reverse=True))
        after = re.compile(rf"[\s,]*[”\"»]?[\s,]*(?:(?P<n1>{NAME})\s+(?P<c1>{cues})\b|(?P<c2>{cues})\s+(?P<n2>{NAME}))")
        before = re.compile(rf"(?:(?P<n1>{NAME})\s+(?P<c1>{cues})|(?P<c2>{cues})\s+(?P<n2>{NAME}))\s*[:,]\s*[“\"«]?$")
        names = [m.group(0) for m in re.finditer(NAME, text)]
        quotes: list[Quote] = []
        for para in doc.paragraphs:
            if getattr(para, "kind", "paragraph") != "paragraph":
                continue
            last_speaker = None
            for qs, qe in _quote_spans(text, para.start, para.end):
                body = text[qs:qe].strip().rstrip(",")
                if len(body.split()) < max(self.params.min_words, 1) or len(body.split()) < 4 and not body.endswith((".", "!", "?")):
                    continue
                qend = qs + len(text[qs:qe].rstrip().rstrip(","))
                m = after.match(text, qe + 1, para.end) if qe < para.end else None
                offset = 0  # match() on the full text gives absolute offsets
                if m is None:
                    window_start = max(para.start, qs - 120)
                    mb = before.search(text[window_start : qs])
                    m, offset = mb, window_start
                if m is None:
                    if last_speaker:
                        quotes.append(Quote(qs, qend, text[qs:qend], "direct", speaker=last_speaker,
                                            confidence=0.6, rule="continuation"))
                    continue
                grp = "1" if m.group("n1") else "2"
                name, cue = m.group("n" + grp), m.group("c" + grp)
                ns, cs = m.start("n" + grp) + offset, m.start("c" + grp) + offset
                full = max((n for n in names if n.split()[-1] == name.split()[-1] and name in n), key=len, default=name)
                quotes.append(Quote(qs, qend, text[qs:qend], "direct", speaker=full,
                                    speaker_mention=TextSpan(ns, ns + len(name), name),
                                    cue=TextSpan(cs, cs + len(cue), cue), confidence=0.8, rule="adjacent-cue"))
                last_speaker = full
        doc.quotes = sorted(quotes, key=lambda q: q.start)
        link_speakers(doc)
        return doc


def link_speakers(doc: Document) -> None:
    """Point each quote at its speaker's entity and count quotes per entity."""
    for q in doc.quotes:
        for e in doc.entities:
            if q.speaker and (q.speaker == e.name or q.speaker in e.aliases):
                q.entity = e.id
                e.quoted += 1
                break
