"""Map character offsets in our cleaned text onto a gold text.

The tool reports spans into ``Document.text`` (the cleaned text); gold files give
spans into *their* text. The two differ: the cleaner folds whitespace, may
straighten or curl quotation marks, repairs mojibake, and drops title, caption and
footer lines. Comparing raw offsets would punish the quote finder for what the
cleaner did, so every predicted span is first carried over to the gold text.

Method: both texts are folded character by character (case, accents,
compatibility forms, quote and dash styles) and cut into tokens (runs of word
characters, or single punctuation marks; whitespace dropped). Identical token
streams map one to one; otherwise :class:`difflib.SequenceMatcher` aligns the
token streams (tokens are far more varied than characters, so this stays fast on
long articles) and characters inside matched tokens map position by position.
Characters of ours that have no counterpart in the gold text (a dropped line on
the gold side, an inserted line on ours) map to nothing; a span maps to the range
from its first to its last mapped character.
"""
from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

# Quotation marks and apostrophes of every style fold to the ASCII ones.
_DOUBLE_QUOTES = "\"“”„‟«»〝〞＂″‶"
_SINGLE_QUOTES = "'‘’‚‛‹›＇′‵`´"
_DASHES = "‐‑‒–—―−﹘﹣－"
_FOLD_TABLE = {ord(c): '"' for c in _DOUBLE_QUOTES}
_FOLD_TABLE.update({ord(c): "'" for c in _SINGLE_QUOTES})
_FOLD_TABLE.update({ord(c): "-" for c in _DASHES})

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def fold_char(ch: str) -> str:
    """One character folded for comparison: may become zero, one or several characters."""
    if ch.isascii():
        return ch.lower()
    ch = ch.translate(_FOLD_TABLE)
    if ch.isascii():
        return ch
    decomposed = unicodedata.normalize("NFKD", ch)
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    return out.translate(_FOLD_TABLE).lower()


def fold(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index of its source character."""
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = fold_char(ch)
        chars.append(folded)
        origin.extend([i] * len(folded))
    return "".join(chars), origin


@dataclass
class _Tokens:
    """Tokens of a folded text with the source offsets of each token's characters."""

    strings: list[str] = field(default_factory=list)
    # per token, the source index of every folded character in it
    sources: list[list[int]] = field(default_factory=list)


def tokenize(text: str) -> _Tokens:
    folded, origin = fold(text)
    toks = _Tokens()
    for m in _TOKEN.finditer(folded):
        toks.strings.append(m.group())
        toks.sources.append(origin[m.start() : m.end()])
    return toks


class Aligner:
    """Carries offsets from ``source`` (our cleaned text) onto ``target`` (the gold text)."""

    def __init__(self, source: str, target: str) -> None:
        self.source = source
        self.target = target
        self.identical = source == target
        if self.identical:
            return
        a = tokenize(source)
        b = tokenize(target)
        # char_map[i] = target index of source character i, or -1 when it has no counterpart
        char_map = [-1] * (len(source) + 1)
        if a.strings == b.strings:
            pairs = [(k, k) for k in range(len(a.strings))]
        else:
            matcher = difflib.SequenceMatcher(None, a.strings, b.strings, autojunk=False)
            pairs = [(blk.a + k, blk.b + k) for blk in matcher.get_matching_blocks() for k in range(blk.size)]
        for ia, ib in pairs:
            src, dst = a.sources[ia], b.sources[ib]
            for k, s in enumerate(src):
                # tokens are equal after folding, so positions correspond one to one
                if char_map[s] < 0:
                    char_map[s] = dst[min(k, len(dst) - 1)]
        self._mapped_src = [i for i, t in enumerate(char_map[: len(source)]) if t >= 0]
        self._mapped_dst = [char_map[i] for i in self._mapped_src]
        self.matched_fraction = len(self._mapped_src) / max(1, sum(len(s) for s in a.sources))

    def map_span(self, start: int, end: int) -> Optional[tuple[int, int]]:
        """The gold-text span covering the same words as ``[start, end)`` of ours, or None.

        None means no character of the span exists in the gold text (e.g. a line
        the gold text does not have) or the span is empty or out of range.
        """
        if start is None or end is None:
            return None
        start, end = max(0, int(start)), min(len(self.source), int(end))
        if end <= start:
            return None
        if self.identical:
            return start, end
        lo = bisect.bisect_left(self._mapped_src, start)
        hi = bisect.bisect_left(self._mapped_src, end) - 1
        if lo > hi:
            return None
        first, last = self._mapped_dst[lo], self._mapped_dst[hi]
        if last < first:  # cannot happen with monotone blocks; guard anyway
            first, last = last, first
        return first, last + 1

    def map_offset(self, offset: int) -> Optional[int]:
        """The gold-text position of our character ``offset`` (the next mapped one), or None."""
        if self.identical:
            return offset if 0 <= offset <= len(self.source) else None
        k = bisect.bisect_left(self._mapped_src, offset)
        if k >= len(self._mapped_src):
            return None
        return self._mapped_dst[k]
