"""Saved-text articles: a title line, a ``· date · Source:`` header, captions, headings, a footer.

The shape is the one a browser's "save as text" or a copy-paste of a news page
produces: the headline first, a dateline/source line, then paragraphs separated
by blank lines, and the site's navigation and copyright at the end.
"""
from __future__ import annotations

import re
from typing import Optional

from newsparse.model import Block, Metadata

_HEADER_LINE = re.compile(
    r"^\s*(?:[·•|]\s*)?(?P<date>\d{4}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:[·•|]\s*)?"
    r"(?:(?:Source|From)\s*:\s*(?P<source>[^·•|]+?))?\s*(?:[·•|]\s*)?$",
    re.I,
)
_SOURCE_LINE = re.compile(r"^\s*(?:[·•|]\s*)?Source\s*:\s*(?P<source>[^·•|]{2,80}?)\s*(?:[·•|].*)?$", re.I)
_COPYRIGHT_OWNER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+)?(?P<owner>[A-Z][\w&.,' -]{1,60}?)"
    r"\s*(?:[.,]\s*)?(?:all rights reserved|$)",
    re.I,
)


def publisher_from_copyright(line: str) -> Optional[str]:
    """"Copyright X All rights reserved" / "© 2024 X." -> X (None when no owner is named)."""
    m = _COPYRIGHT_OWNER.search(" ".join(line.split()))
    if not m:
        return None
    owner = m.group("owner").strip(" .,-")
    if not owner or owner.lower() in {"all", "the"} or len(owner.split()) > 8:
        return None
    return owner


def split_text_blocks(text: str) -> list[str]:
    """Blank lines separate paragraphs; in text with no blank lines each line is one.

    Hard-wrapped prose inside a paragraph is joined; a run of lines that are each a
    complete unit (a navigation list) stays line by line.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if re.search(r"\n[ \t\u00a0]*\n", text):
        blocks: list[str] = []
        for part in re.split(r"\n[ \t\u00a0]*\n", text):
            lines = [ln for ln in part.split("\n") if ln.strip()]
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


def looks_like_title(line: str) -> bool:
    t = line.strip()
    return 0 < len(t) < 200 and len(t.split()) >= 2 and not t.endswith((".", "?", "!", ":", ",")) or (
        0 < len(t) < 200 and t.endswith("?") and len(t.split()) >= 3
    )


def extract_text_page(raw: str, md: Metadata) -> list[Block]:
    """Blocks of a saved-text article; fills title, date and source in ``md`` when stated."""
    blocks = split_text_blocks(raw)
    out: list[Block] = []
    i = 0
    if len(blocks) > 1 and looks_like_title(blocks[0]) and not _HEADER_LINE.match(blocks[0]):
        md.title = " ".join(blocks[0].split())
        out.append(Block(blocks[0].strip(), "title"))
        i = 1
    for j in range(i, min(i + 3, len(blocks))):
        line = blocks[j]
        m = _HEADER_LINE.match(line)
        if m and (m.group("source") or "·" in line or "•" in line or len(line.strip()) <= 25):
            md.date = m.group("date")
            if m.group("source"):
                md.source = m.group("source").strip()
            out.extend(Block(b) for b in blocks[i:j])
            out.append(Block(line.strip(), "byline"))
            i = j + 1
            break
        s = _SOURCE_LINE.match(line)
        if s:
            md.source = s.group("source").strip()
            out.extend(Block(b) for b in blocks[i:j])
            out.append(Block(line.strip(), "byline"))
            i = j + 1
            break
    out.extend(Block(b) for b in blocks[i:])
    for b in reversed(blocks[-8:]):
        owner = publisher_from_copyright(b) if re.search(r"©|\bcopyright\b|all rights reserved", b, re.I) else None
        if owner:
            md.publisher = md.publisher or owner
            break
    return out
