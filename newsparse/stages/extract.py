"""extract: HTML or saved text -> typed blocks (paragraphs, headings, captions...) and metadata.

HTML: trafilatura finds the main text (two runs combined, see
``newsparse.extraction.html``); metadata comes from what the page states
(``newsparse.extraction.metadata``). Saved text: title line, ``· date · Source:``
header, copyright footer (``newsparse.extraction.textpage``). Line-level furniture
is left to the ``clean`` stage.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from newsparse.errors import InputError
from newsparse.model import Block, Document, Removed
from newsparse.stages.base import Stage


@dataclass
class ExtractParams:
    favor: Literal["balanced", "precision", "recall"] = field(default="balanced", metadata={
        "help": "HTML body: balanced = a precision and a recall trafilatura run combined; precision or recall = one run"})
    include_comments: bool = field(default=False, metadata={"help": "keep reader comments in the body (HTML)"})
    include_tables: bool = field(default=True, metadata={"help": "keep tables, one block per row (HTML)"})
    continued: bool = field(default=True, metadata={
        "help": "read the rest of a body split across several containers of the same template slot (HTML)"})
    date_requires_visible: bool = field(default=False, metadata={
        "help": "a date only when it is written in the page's visible text (fewer dates, fewer wrong ones)"})
    max_chars: int = field(default=10_000_000, metadata={"help": "larger inputs are refused with a clear message"})


def add_continued(ex, tree) -> None:
    """Insert the paragraphs of later body containers after the last body paragraph found
    (``newsparse.extraction.continued``)."""
    from newsparse.extraction.continued import continued_blocks

    more = continued_blocks(tree, ex.blocks)
    if not more:
        return
    at = max(i for i, b in enumerate(ex.blocks) if b.kind == "paragraph" and len(b.text.split()) >= 8) + 1
    ex.blocks[at:at] = more
    ex.strategy += f" + {len(more)} blocks from later body containers"


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def extract_html(doc: Document, params: ExtractParams) -> None:
    from newsparse.extraction import metadata as M
    from newsparse.extraction.furniture import undouble
    from newsparse.extraction.html import extract_blocks

    ex = extract_blocks(doc.raw, doc.url, params.favor, include_comments=params.include_comments,
                        include_tables=params.include_tables)
    for text, reason in ex.dropped:
        doc.removed.append(Removed(text, reason, stage="extract"))
    tree = M.parse_html(doc.raw)
    if params.continued:
        add_continued(ex, tree)
    facts = M.collect(tree)
    md = doc.metadata
    url = doc.url or ex.meta.get("url")
    site = M.site_name(facts, url) or ex.meta.get("sitename")
    md.title = M.find_title(facts, url) or (M.strip_site_name(ex.meta["title"], site, url) if ex.meta.get("title") else None)
    md.title = undouble(md.title) if md.title else None
    md.authors = M.find_authors(facts, site)
    if not md.authors and ex.meta.get("author"):
        md.authors = [a for a in (M.clean_author(x) for x in re.split(r";|\band\b", ex.meta["author"])) if a]
    md.date = M.stated_date(tree, facts, ex.meta.get("date"), trust_markup=not params.date_requires_visible,
                            title=md.title)
    md.publisher = site
    md.url = M.find_url(facts, url)
    md.description = facts.meta.get("og:description") or facts.meta.get("description") or ex.meta.get("description")
    md.language = M.find_language(facts) or ex.meta.get("language")
    if not ex.blocks:
        doc.warnings.append("no article text found in the HTML page")
    blocks = [Block(b.text, b.kind) for b in ex.blocks]
    _mark_title(blocks, md.title)
    _drop_trailing_headings(blocks, doc)
    doc.blocks = blocks
    doc.extra["extraction"] = ex.strategy


def _mark_title(blocks: list[Block], title: str | None) -> None:
    """The headline repeated at the top of the body is the title, not body text."""
    if not title:
        return
    t = _key(title)
    for b in blocks[:3]:
        if b.kind in ("paragraph", "heading") and _key(b.text) == t:
            b.kind = "title"
            return


def _drop_trailing_headings(blocks: list[Block], doc: Document) -> None:
    """A heading with no text after it heads nothing: a newsletter box or a related-links widget."""
    while blocks and blocks[-1].kind == "heading":
        doc.removed.append(Removed(blocks.pop().text, "heading with no text after it", stage="extract"))


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
            from newsparse.extraction.textpage import extract_text_page

            doc.blocks = extract_text_page(doc.raw, doc.metadata)
        return doc
