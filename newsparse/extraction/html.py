"""HTML body extraction: trafilatura's structured (XML) output turned into typed blocks.

By default two trafilatura runs are combined. The precision run finds the article
core reliably but sometimes drops body paragraphs or the link text inside them; the
recall run keeps every body paragraph but also page furniture around the article.
We keep the recall run's blocks from the first to the last block the precision run
agrees with: body paragraphs inside the article survive, furniture before and after
it goes (each dropped block is reported with its reason).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

_WORD = re.compile(r"\w+")
PROSE_WORDS = 30
FRAGMENT = 0.2  # a precision run with less than this share of the recall run's text found a fragment
SECOND_RUN = "recall"  # favor_recall with trafilatura's fallbacks; "recall_fast" skips them (faster, worse)


@dataclass
class HtmlBlock:
    """A block of trafilatura's output with what the post-filters need to judge it."""

    text: str
    kind: str = "paragraph"  # paragraph | heading | list_item | blockquote | table | caption
    link_chars: int = 0
    rend: str = ""  # h1..h6 for headings, ul/ol for list items
    in_list: int = -1  # index of the list a list item belongs to

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text.strip()))


@dataclass
class HtmlExtraction:
    blocks: list[HtmlBlock]
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (text, reason)
    strategy: str = ""
    meta: dict = field(default_factory=dict)  # trafilatura's metadata (title, author, date, sitename, ...)


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    toks = _WORD.findall(text.lower())
    return {tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1))}


def run_trafilatura(html: str, url: Optional[str], mode: str, *, include_comments: bool = False,
                    include_tables: bool = True, meta: Optional[dict] = None) -> list[HtmlBlock]:
    """One trafilatura run, XML output with links and formatting, parsed into blocks."""
    import trafilatura

    xml = trafilatura.extract(
        html,
        url=url,
        output_format="xml",
        include_comments=include_comments,
        include_tables=include_tables,
        include_links=False,
        include_formatting=False,
        include_images=False,
        with_metadata=meta is not None,
        favor_precision=mode == "precision",
        favor_recall=mode.startswith("recall"),
        fast=mode == "recall_fast",
        deduplicate=False,
    )
    if not xml:
        return []
    return xml_to_blocks(xml, meta)


def xml_to_blocks(xml: str, meta: Optional[dict] = None) -> list[HtmlBlock]:
    """Flatten trafilatura's XML: one block per paragraph, heading, list item, quote, table row."""
    from lxml import etree

    try:
        root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(recover=True, huge_tree=True))
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    if meta is not None:
        meta.update({k: v for k, v in root.attrib.items() if v})
    main = root.find("main")
    if main is None:
        main = root
    blocks: list[HtmlBlock] = []
    counter = [0]
    _loose(main.text, blocks)
    for child in main:
        _walk(child, blocks, counter, None)
        _loose(child.tail, blocks)
    return [b for b in blocks if b.text.strip()]


def _loose(text: Optional[str], blocks: list[HtmlBlock]) -> None:
    """Text sitting directly in <main> (between headings, say) is body text too."""
    for line in (text or "").split("\n"):
        line = " ".join(line.split())
        if line:
            blocks.append(HtmlBlock(line))


_KIND = {"p": "paragraph", "head": "heading", "quote": "blockquote", "code": "paragraph"}


def _walk(el, blocks: list[HtmlBlock], counter: list[int], context: Optional[str], list_id: int = -1) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "list":
        counter[0] += 1
        lid = counter[0]
        for item in el:
            if isinstance(item.tag, str) and item.tag == "item":
                _emit(item, "list_item", blocks, el.get("rend", ""), lid)
            elif isinstance(item.tag, str):
                _walk(item, blocks, counter, context, lid)
        return
    if tag == "table":
        for row in el.iter("row"):
            cells = [" ".join(" ".join(c.itertext()).split()) for c in row if isinstance(c.tag, str)]
            text = " | ".join(c for c in cells if c)
            if text:
                blocks.append(HtmlBlock(text, "table", _link_chars(row)))
        return
    if tag == "quote" and any(isinstance(c.tag, str) and c.tag in ("p", "list", "head") for c in el):
        for c in el:
            _walk(c, blocks, counter, "blockquote", list_id)
            _loose(c.tail, blocks)
        return
    if tag == "graphic":
        return
    kind = _KIND.get(tag, "paragraph")
    if context == "blockquote" and kind == "paragraph":
        kind = "blockquote"
    _emit(el, kind, blocks, el.get("rend", ""), list_id)


def _link_chars(el) -> int:
    return sum(len(" ".join(" ".join(r.itertext()).split())) for r in el.iter("ref"))


def _emit(el, kind: str, blocks: list[HtmlBlock], rend: str, list_id: int) -> None:
    """Text of an element as trafilatura's own text output renders it; each line its own block."""
    from trafilatura.xml import xmltotxt

    tail, el.tail = el.tail, None
    try:
        text = xmltotxt(el, include_formatting=False)
    finally:
        el.tail = tail
    for line in text.split("\n"):
        line = " ".join(line.split())
        if kind == "list_item":
            line = _MARKER.sub("", line)
        if line:
            blocks.append(HtmlBlock(line, kind, 0, rend, list_id))


_MARKER = re.compile(r"^(?:[-*•]|\d+\.)\s+")


def combine(precise: list[HtmlBlock], recall: list[HtmlBlock]) -> HtmlExtraction:
    """The recall run trimmed to the span the precision run agrees with (see module doc)."""
    if not recall:
        return HtmlExtraction(precise, strategy="precision only (recall run found nothing)")
    if not precise:
        return HtmlExtraction(recall, strategy="recall only (precision run found nothing)")
    p_sh: set = set()
    for b in precise:
        p_sh |= _shingles(b.text)
    r_sh: set = set()
    for b in recall:
        r_sh |= _shingles(b.text)
    agree = len(p_sh & r_sh) / max(1, len(p_sh))
    p_len, r_len = sum(len(b.text) for b in precise), sum(len(b.text) for b in recall)
    if p_len < FRAGMENT * r_len:
        return HtmlExtraction(recall, strategy="recall (precision run found only a fragment)")
    if agree < 0.5:
        if p_len >= 0.25 * r_len:
            return HtmlExtraction(precise, strategy=f"precision (runs disagree: {agree:.0%} shared)")
        return HtmlExtraction(recall, strategy=f"recall (runs disagree: {agree:.0%} shared; precision run too short)")
    if len(recall) * 2 < len(precise):
        return HtmlExtraction(precise, strategy="precision (recall run merged paragraphs)")
    p_keys = {_key(b.text) for b in precise}
    matched = []
    for i, b in enumerate(recall):
        sh = _shingles(b.text)
        if _key(b.text) in p_keys or len(sh & p_sh) >= 0.6 * len(sh):
            matched.append(i)
    if not matched:
        return HtmlExtraction(recall, strategy="recall (no block in common)")
    first, last = matched[0], matched[-1]
    # prose right before the agreed span is the article's opening, not furniture
    while first > 0 and _is_prose(recall[first - 1]):
        first -= 1
    dropped = [(b.text, "outside the article (only the recall run kept it)") for b in recall[:first]]
    dropped += [(b.text, "outside the article (only the recall run kept it)") for b in recall[last + 1 :]]
    return HtmlExtraction(recall[first : last + 1], dropped, strategy="recall trimmed to precision span")


def _is_prose(b: HtmlBlock, min_words: int = PROSE_WORDS) -> bool:
    """A paragraph of several full sentences (a standfirst or teaser is shorter)."""
    t = b.text.strip()
    return b.kind == "paragraph" and len(t.split()) >= min_words and len(re.findall(r"[.!?](?:\s|$)", t)) >= 2


def extract_blocks(html: str, url: Optional[str] = None, favor: str = "balanced", *,
                   include_comments: bool = False, include_tables: bool = True) -> HtmlExtraction:
    """Main-text blocks of a page: ``favor`` balanced (two runs combined), precision or recall."""
    kw = dict(include_comments=include_comments, include_tables=include_tables)
    meta: dict = {}
    if favor in ("precision", "recall"):
        ex = HtmlExtraction(run_trafilatura(html, url, favor, meta=meta, **kw), strategy=favor)
    else:
        precise = run_trafilatura(html, url, "precision", meta=meta, **kw)
        recall = run_trafilatura(html, url, SECOND_RUN, **kw)
        ex = combine(precise, recall)
    ex.meta = meta
    return ex
