"""extract: HTML or saved text -> blocks (paragraphs, headings, captions) and metadata."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from newsparse.errors import InputError
from newsparse.model import Block, Document
from newsparse.stages.base import Stage


@dataclass
class ExtractParams:
    favor: Literal["balanced", "precision", "recall"] = "balanced"
    include_comments: bool = False
    include_tables: bool = True
    max_chars: int = 10_000_000  # larger inputs are refused with a clear message


_HEADER_LINE = re.compile(
    r"^\s*(?:[·•|]\s*)?(?P<date>\d{4}-\d{2}-\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:[·•|]\s*)?"
    r"(?:Source\s*:\s*(?P<source>[^·•|]+?))?\s*(?:[·•|]\s*)?$",
    re.I,
)


def split_text_blocks(text: str) -> list[str]:
    """Blank lines separate paragraphs; in text with no blank lines each line is one."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if re.search(r"\n\s*\n", text):
        parts = re.split(r"\n\s*\n", text)
        blocks: list[str] = []
        for part in parts:
            lines = [ln for ln in part.split("\n") if ln.strip()]
            # a short run of lines that are each a complete unit (nav lists) stays line by line
            if len(lines) > 1 and _is_wrapped(lines):
                blocks.append(" ".join(ln.strip() for ln in lines))
            else:
                blocks.extend(lines)
        return blocks
    return [ln for ln in text.split("\n") if ln.strip()]


def _is_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped prose: every break falls mid-sentence, or 3+ long lines of similar width."""
    pairs = list(zip(lines, lines[1:]))
    if all(a.rstrip()[-1:].isalnum() and b.lstrip()[:1].islower() for a, b in pairs):
        return True
    body = [len(ln) for ln in lines[:-1]]
    if len(body) < 2 or min(body) < 50 or max(body) > 1.25 * min(body):
        return False
    return all(not a.rstrip().endswith((".", "!", "?", ":", '"', "”")) for a, _ in pairs)


def extract_text(doc: Document) -> None:
    """Saved-text articles: a title line, an optional date/source line, then paragraphs."""
    blocks = split_text_blocks(doc.raw)
    out: list[Block] = []
    i = 0
    if blocks:
        first = blocks[0].strip()
        if "\n" not in first and len(first) < 200 and not first.endswith((".", "?", "!")) and len(blocks) > 1:
            doc.metadata.title = first
            out.append(Block(first, "title"))
            i = 1
    # a header line with the date and source right after the title
    for j in range(i, min(i + 3, len(blocks))):
        lines = blocks[j].split("\n")
        m = _HEADER_LINE.match(lines[0])
        if m:
            doc.metadata.date = m.group("date")
            if m.group("source"):
                doc.metadata.source = m.group("source").strip()
            out.append(Block(lines[0].strip(), "byline"))
            rest = "\n".join(lines[1:]).strip()
            if rest:
                out.extend(Block(part) for part in split_text_blocks(rest))
            i = j + 1
            break
    out.extend(Block(b) for b in blocks[i:])
    doc.blocks = out


def extract_html(doc: Document, params: ExtractParams) -> None:
    import trafilatura

    result = trafilatura.bare_extraction(
        doc.raw,
        url=doc.url,
        with_metadata=True,
        include_comments=params.include_comments,
        include_tables=params.include_tables,
        favor_precision=params.favor == "precision",
        favor_recall=params.favor == "recall",
    )
    if result is None:
        doc.blocks = []
        doc.warnings.append("no article text found in the HTML page")
        return
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    md = doc.metadata
    md.title = data.get("title") or None
    md.authors = [a.strip() for a in re.split(r";|\band\b", data.get("author") or "") if a.strip()]
    md.date = data.get("date") or None
    md.publisher = data.get("sitename") or None
    md.url = data.get("url") or doc.url
    md.description = data.get("description") or None
    md.language = data.get("language") or None
    text = data.get("text") or ""
    doc.blocks = [Block(line) for line in text.split("\n") if line.strip()]


class ExtractStage(Stage):
    """Find the article in the input: trafilatura for HTML, header parsing for saved text."""

    name = "extract"
    Params = ExtractParams
    description = "HTML or saved text to article blocks and metadata"

    def process(self, doc: Document) -> Document:
        if len(doc.raw) > self.params.max_chars:
            raise InputError(
                f"{doc.input}: input too large ({len(doc.raw):,} characters; "
                f"limit {self.params.max_chars:,}, set extract.max_chars)"
            )
        if doc.content_type == "html":
            extract_html(doc, self.params)
        else:
            extract_text(doc)
        return doc
