"""clean: normalise unicode and whitespace, drop page furniture, build the cleaned text."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from newsparse.model import Block, Document, Paragraph, Removed
from newsparse.stages.base import Stage


@dataclass
class CleanParams:
    fix_mojibake: bool = True
    drop_furniture: bool = True
    keep_captions_in_text: bool = False
    keep_headings_in_text: bool = True


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")

FURNITURE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("copyright line", re.compile(r"^\s*(©|\(c\)|copyright\b).{0,200}$|all rights reserved", re.I)),
    ("clipboard/share widget", re.compile(r"^\s*(copy to clipboard|copy link|share( this)?( article| story)?|print|email)\s*$", re.I)),
    ("link list", re.compile(r"^[^|]{0,60}(\|[^|]{0,60}){2,}$")),
    ("newsletter prompt", re.compile(r"^\s*(sign up|subscribe)\b.{0,120}(newsletter|inbox|updates|free)", re.I)),
    ("social prompt", re.compile(r"^\s*(follow us|like us|join us) on\b", re.I)),
    ("teaser", re.compile(r"^\s*(read more|related( stories| articles)?|see also|more on this|recommended)\s*:?\s*$", re.I)),
    ("advertisement label", re.compile(r"^\s*(advertisement|sponsored( content)?|ad)\s*$", re.I)),
    ("navigation", re.compile(r"^\s*(about us|contact us|advertise with us|privacy policy|terms of (use|service)|site map|home)\s*$", re.I)),
]

_CAPTION = re.compile(
    r"^(photo|file photo|picture|image)\b.{0,40}\b(taken|shows?|of)\b|\((xinhua|ap|afp|reuters|getty images?)\)\s*$|"
    r"^(photo|image|picture)\s*:|/\s*getty images\s*$|\b(photo|image)\s*(credit|courtesy)\b",
    re.I,
)


def normalise(text: str, fix_mojibake: bool = True) -> str:
    """NFC, invisible characters out, every kind of space folded, mojibake repaired."""
    if fix_mojibake:
        import ftfy

        text = ftfy.fix_text(
            text,
            uncurl_quotes=False,
            fix_character_width=False,
            fix_line_breaks=True,
            normalization="NFC",
            explain=False,
        ) if not text.isascii() else text
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)  # words broken across lines
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def furniture_reason(line: str) -> str | None:
    for reason, pattern in FURNITURE_RULES:
        if pattern.search(line):
            return reason
    return None


def _trailing_nav(blocks: list[Block]) -> int:
    """Index where a trailing run of short, unpunctuated lines (site navigation) begins."""
    i = len(blocks)
    while i > 0:
        b = blocks[i - 1]
        t = b.text.strip()
        if b.kind == "paragraph" and len(t.split()) <= 6 and not re.search(r"[.!?\"”:]$", t):
            i -= 1
            continue
        if b.kind == "paragraph" and furniture_reason(t):
            i -= 1
            continue
        break
    return i


class CleanStage(Stage):
    """Turn extracted blocks into the cleaned text every later offset indexes."""

    name = "clean"
    Params = CleanParams
    description = "unicode/whitespace normalisation, furniture removal, paragraphs"

    def process(self, doc: Document) -> Document:
        p = self.params
        blocks = []
        for b in doc.blocks:
            t = normalise(b.text, p.fix_mojibake)
            if t:
                blocks.append(Block(t, b.kind))
        if p.drop_furniture:
            cut = _trailing_nav(blocks)
            for b in blocks[cut:]:
                doc.removed.append(Removed(b.text, furniture_reason(b.text) or "trailing navigation"))
            blocks = blocks[:cut]
        parts: list[str] = []
        paragraphs: list[Paragraph] = []
        pos = 0
        for idx, b in enumerate(blocks):
            kind = b.kind
            if kind in ("title", "byline"):
                continue
            if p.drop_furniture:
                reason = furniture_reason(b.text)
                if reason:
                    doc.removed.append(Removed(b.text, reason))
                    continue
            if kind == "paragraph" and _CAPTION.search(b.text):
                kind = "caption"
            if kind == "paragraph" and _looks_like_heading(b.text, blocks, idx):
                kind = "heading"
            if kind == "caption":
                doc.captions.append(b.text)
                if not p.keep_captions_in_text:
                    continue
            if kind == "heading" and not p.keep_headings_in_text:
                continue
            if parts:
                pos += 2
            paragraphs.append(Paragraph(pos, pos + len(b.text), kind))
            parts.append(b.text)
            pos += len(b.text)
        doc.text = "\n\n".join(parts)
        doc.paragraphs = paragraphs
        return doc


def _looks_like_heading(text: str, blocks: list[Block], idx: int) -> bool:
    """A short title-like line with no final punctuation between two paragraphs of prose."""
    words = text.split()
    if not (1 <= len(words) <= 8) or re.search(r"[.!?,;:\"”]$", text):
        return False
    if not text[0].isupper():
        return False
    nxt = blocks[idx + 1].text if idx + 1 < len(blocks) else ""
    return len(nxt.split()) > 12
