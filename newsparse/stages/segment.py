"""segment: sentences and tokens as character spans into the cleaned text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from newsparse.model import Document, Span, Token
from newsparse.stages.base import Stage


@dataclass
class SegmentParams:
    tokens: bool = True


TOKEN_RE = re.compile(
    r"""(?:[A-Z]\.){2,}(?![A-Za-z])          # U.S. U.K.
      | \d+(?:[.,:]\d+)*%?                   # numbers 1,000.5 10:30
      | \w+(?:[-'’]\w+)*(?:['’]s?)?         # words, hyphenated, possessives kept whole
      | \.\.\.|[“”‘’«»„"']|--|—|–
      | [^\w\s]""",
    re.X,
)

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st",
    "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "no", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "ave", "blvd", "u.s", "e.g", "i.e",
    "a.m", "p.m", "fig", "approx", "dept", "est", "hon", "rev", "pres", "supt", "atty", "messrs",
}

_SENT_END = re.compile(r"""[.!?]+["”’')\]]*(?=\s+["“‘(\[]?[A-Z0-9])|[.!?]+["”’')\]]*$""")


_LAST_WORD = re.compile(r"([\w.]+)\.$")


def split_sentences(text: str, start: int, end: int) -> list[Span]:
    """Rule-based sentence spans inside ``text[start:end]`` (one paragraph)."""
    spans: list[Span] = []
    chunk = text[start:end]
    s = 0
    for m in _SENT_END.finditer(chunk):
        cut = m.end()
        # only the word before the stop matters: look at a short window, not the whole
        # growing sentence (which made long runs of abbreviations quadratic)
        before = chunk[max(s, m.start() - 63) : m.start() + 1]
        word = _LAST_WORD.search(before.rstrip("!?"))
        if m.group().startswith(".") and word:
            w = word.group(1).lower()
            if w in ABBREVIATIONS or re.fullmatch(r"[a-z]", w) or re.fullmatch(r"(\w\.)+\w", w):
                continue
        seg = chunk[s:cut]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            spans.append(Span(start + s + lead, start + cut))
        s = cut
    if chunk[s:].strip():
        lead = len(chunk[s:]) - len(chunk[s:].lstrip())
        spans.append(Span(start + s + lead, start + len(chunk.rstrip())))
    return spans


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Token spans (absolute offsets) inside ``text[start:end]``."""
    end = len(text) if end is None else end
    return [Token(m.start(), m.end()) for m in TOKEN_RE.finditer(text, start, end)]


class SegmentStage(Stage):
    """Split each paragraph into sentences (headings are one unit) and tokens."""

    name = "segment"
    Params = SegmentParams
    description = "sentence and token spans"

    def process(self, doc: Document) -> Document:
        text = doc.text
        paragraphs = doc.paragraphs or ([] if not text else [Span(0, len(text))])
        sentences: list[Span] = []
        for para in paragraphs:
            if getattr(para, "kind", "paragraph") in ("heading", "caption"):
                sentences.append(Span(para.start, para.end))
            else:
                sentences.extend(split_sentences(text, para.start, para.end))
        doc.sentences = sentences
        if self.params.tokens:
            doc.tokens = tokenize(text)
        return doc
