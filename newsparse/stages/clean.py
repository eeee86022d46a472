"""clean: normalise unicode and whitespace, drop page furniture, build the cleaned text.

Works on the blocks the extract stage produced (HTML or saved text alike): each
block is normalised (``newsparse.extraction.normalise``), link text doubled by
screen-reader spans is undone, furniture lines are dropped with a reason
(``newsparse.extraction.furniture``), captions go to ``doc.captions`` and headings
become heading paragraphs. Nothing is removed from inside the body by length alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsparse.model import Block, Document, Paragraph, Removed
from newsparse.stages.base import Stage


@dataclass
class CleanParams:
    fix_mojibake: bool = field(default=True, metadata={"help": "repair mis-decoded text with ftfy (quotes keep their style)"})
    drop_furniture: bool = field(default=True, metadata={
        "help": "remove newsletter prompts, teasers, credits, footers... (each listed by --explain)"})
    keep_captions_in_text: bool = field(default=False, metadata={"help": "leave photo captions in the text too"})
    keep_headings_in_text: bool = field(default=True, metadata={"help": "section headings stay in the text as heading paragraphs"})
    repeat_min_words: int = field(default=300, metadata={
        "help": "a passage of at least this many words that repeats an earlier one block for block, word for "
                "word, is dropped (a page that carries its article twice); 0 keeps every repeat"})


_END_PUNCT = re.compile(r"[.!?,;:\"”’»)]$")


def trailing_navigation(blocks: list[Block]) -> int:
    """Index where the page footer begins: a final run of short unpunctuated lines and furniture.

    Only runs of at least two lines count (one short last line may be the body's).
    """
    from newsparse.extraction.furniture import furniture_reason

    i = len(blocks)
    run = 0
    while i > 0:
        b = blocks[i - 1]
        t = b.text.strip()
        short_nav = len(t.split()) <= 6 and not _END_PUNCT.search(t) and b.kind in ("paragraph", "list_item")
        if short_nav or (b.kind != "title" and furniture_reason(t)) or ("|" in t and len(t.split("|")) >= 3):
            i -= 1
            run += 1
            continue
        break
    if run >= 2 or (run == 1 and furniture_reason(blocks[-1].text)):
        return i
    return len(blocks)


def repeated_passages(blocks: list[Block], min_words: int) -> set[int]:
    """Indexes of blocks that repeat an earlier passage of ``min_words`` or more words, block for
    block and in the same order: a page that carries its article twice (an app or print copy, a
    second tab). Shorter repeats stay - a meal plan's recurring lines, a question put to each
    interviewee in turn, a refrain are the writer's."""
    if min_words <= 0:
        return set()
    keys = [" ".join(re.findall(r"\w+", b.text.lower())) for b in blocks]
    first: dict[str, int] = {}
    for i, k in enumerate(keys):
        first.setdefault(k, i)
    out: set[int] = set()
    i = 0
    while i < len(keys):
        j = first[keys[i]]
        n = words = 0
        if keys[i] and j < i:
            while i + n < len(keys) and j + n < i and keys[i + n] == keys[j + n]:
                words += keys[i + n].count(" ") + 1
                n += 1
        if words >= min_words:
            out.update(range(i, i + n))
        i += max(n, 1)
    return out


def looks_like_heading(text: str, blocks: list[Block], idx: int) -> bool:
    """A short title-like line with no final punctuation, followed by a paragraph of prose."""
    words = text.split()
    if not (1 <= len(words) <= 10) or _END_PUNCT.search(text) or not text[:1].isupper():
        return False
    nxt = blocks[idx + 1].text if idx + 1 < len(blocks) else ""
    return len(nxt.split()) > 12 and bool(re.search(r"[.!?\"”]$", nxt.strip()))


class CleanStage(Stage):
    """Turn extracted blocks into the cleaned text every later offset indexes."""

    name = "clean"
    Params = CleanParams
    description = "unicode/whitespace normalisation, furniture removal, captions and headings, paragraphs"

    def process(self, doc: Document) -> Document:
        from newsparse.extraction.furniture import furniture_reason, is_caption, undouble
        from newsparse.extraction.normalise import normalise_line
        from newsparse.extraction.textpage import publisher_from_copyright

        p = self.params
        blocks: list[Block] = []
        for b in doc.blocks:
            t = undouble(normalise_line(b.text, p.fix_mojibake))
            if t:
                blocks.append(Block(t, b.kind))
        if doc.metadata.title:
            doc.metadata.title = normalise_line(doc.metadata.title, p.fix_mojibake)
        if p.drop_furniture and doc.content_type != "html":  # HTML: the extractor already cut the page
            cut = trailing_navigation(blocks)
            for b in blocks[cut:]:
                doc.removed.append(Removed(b.text, furniture_reason(b.text) or "trailing navigation"))
                if not doc.metadata.publisher and re.search(r"©|\bcopyright\b", b.text, re.I):
                    doc.metadata.publisher = publisher_from_copyright(b.text)
            blocks = blocks[:cut]
        parts: list[str] = []
        paragraphs: list[Paragraph] = []
        repeated = repeated_passages(blocks, p.repeat_min_words) if p.drop_furniture else set()
        pos = 0
        for idx, b in enumerate(blocks):
            kind = b.kind
            if kind in ("title", "byline"):
                continue
            if idx in repeated:
                doc.removed.append(Removed(b.text, "repeated passage"))
                continue
            if p.drop_furniture and kind not in ("blockquote", "table"):
                reason = furniture_reason(b.text)
                if reason:
                    doc.removed.append(Removed(b.text, reason))
                    if reason == "copyright line" and not doc.metadata.publisher:
                        doc.metadata.publisher = publisher_from_copyright(b.text)
                    continue
            if kind == "paragraph" and is_caption(b.text):
                kind = "caption"
            elif kind == "paragraph" and doc.content_type == "text" and looks_like_heading(b.text, blocks, idx):
                kind = "heading"
            if kind == "caption":
                doc.captions.append(b.text)
                if not p.keep_captions_in_text:
                    doc.removed.append(Removed(b.text, "photo caption (kept in captions)"))
                    continue
            if kind == "heading" and not p.keep_headings_in_text:
                doc.removed.append(Removed(b.text, "heading (keep_headings_in_text is off)"))
                continue
            if parts:
                pos += 2
            paragraphs.append(Paragraph(pos, pos + len(b.text), kind))
            parts.append(b.text)
            pos += len(b.text)
        doc.text = "\n\n".join(parts)
        doc.paragraphs = paragraphs
        return doc
