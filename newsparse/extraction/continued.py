"""Article bodies split across several containers.

Some sites cut the body into a run of identical containers with advertisements between
them (``<div class="article__body">…</div><aside>ad</aside><div class="article__body">…``).
trafilatura keeps the first container and drops the rest, so half an article goes missing.
After extraction we find the container that holds the last body paragraph found and read
the paragraphs of the later containers of the same tag and the same class - the same
template slot - that trafilatura did not keep.
"""
from __future__ import annotations

import re
from typing import Any, Optional

from newsparse.extraction.html import HtmlBlock, _key

_BLOCK_TAGS = {"p": "paragraph", "h2": "heading", "h3": "heading", "h4": "heading", "blockquote": "blockquote",
               "li": "list_item"}
MIN_WORDS = 40  # a continuation holds prose, not a caption or a share bar
MAX_LINK_DENSITY = 0.5
PROSE_SHARE = 0.8  # of a continuation's words in paragraphs or block quotes
MAX_GAP_WORDS = 40  # visible words allowed between two parts of one body


def _text(el) -> str:
    return " ".join(" ".join(el.itertext()).split())


def _link_chars(el) -> int:
    return sum(len(_text(a)) for a in el.iter("a"))


def _container_of(tree, key: str) -> Optional[Any]:
    """The element whose paragraph reads ``key`` (its parent: the template's body slot)."""
    for p in tree.iter("p"):
        if _key(_text(p)) == key:
            return p.getparent()
    return None


def _blocks_in(container) -> list[HtmlBlock]:
    out: list[HtmlBlock] = []
    for el in container.iter(*_BLOCK_TAGS):
        if any(a.tag in _BLOCK_TAGS for a in el.iterancestors() if a is not container and
               container in a.iterancestors()):
            continue  # a paragraph inside a list item or a quote: read with its parent
        text = _text(el)
        if text:
            kind = _BLOCK_TAGS[el.tag]
            out.append(HtmlBlock(text, kind, _link_chars(el), el.tag if kind == "heading" else ""))
    return out


def continued_blocks(tree, blocks: list[HtmlBlock]) -> list[HtmlBlock]:
    """Body paragraphs in later containers of the same template slot as the extracted body's
    last paragraph, not already extracted (empty when the page has no such containers)."""
    if tree is None:
        return []
    last = next((b for b in reversed(blocks) if b.kind == "paragraph" and len(b.text.split()) >= 8), None)
    if last is None:
        return []
    box = _container_of(tree, _key(last.text))
    cls = (box.get("class") or "").strip() if box is not None else ""
    if not cls:
        return []
    seen = {_key(b.text) for b in blocks}
    out: list[HtmlBlock] = []
    prev = box
    for el in _later_same_slot(tree, box, cls):
        if _gap_words(tree, prev, el) > MAX_GAP_WORDS:
            break  # the article ended: what follows is another part of the page
        new = [b for b in _blocks_in(el) if _key(b.text) and _key(b.text) not in seen]
        if not _continues(new):
            break
        out.extend(new)
        seen.update(_key(b.text) for b in new)
        prev = el
    return out


def _later_same_slot(tree, box, cls: str) -> list[Any]:
    after = False
    out = []
    for el in tree.iter(box.tag):
        if el is box:
            after = True
        elif after and (el.get("class") or "").strip() == cls and box not in el.iterancestors() \
                and not any(o in el.iterancestors() for o in out):
            out.append(el)
    return out


def _continues(new: list[HtmlBlock]) -> bool:
    """Body text going on: prose paragraphs first and mostly, few links - not a list of other
    stories, a comment thread or a widget under its own heading."""
    words = sum(len(b.text.split()) for b in new)
    prose = sum(len(b.text.split()) for b in new if b.kind in ("paragraph", "blockquote"))
    links = sum(b.link_chars for b in new) / max(1, sum(len(b.text) for b in new))
    return bool(new) and new[0].kind == "paragraph" and words >= MIN_WORDS and prose >= PROSE_SHARE * words \
        and links <= MAX_LINK_DENSITY


_SKIP = {"script", "style", "noscript", "template", "svg"}


def _gap_words(tree, a, b) -> int:
    """Words of visible text between the end of ``a`` and the start of ``b`` (advertisement
    labels and share bars between two parts of one body are short)."""
    inside = set(a.iter())
    passed = False
    words = 0
    for el in tree.iter():
        if el is b:
            return words
        if el in inside:
            passed = True
            continue
        if passed and isinstance(el.tag, str) and el.tag not in _SKIP:
            words += len((el.text or "").split())
        if passed:
            words += len((el.tail or "").split())
    return words
