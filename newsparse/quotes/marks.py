"""Pair quotation marks into quoted spans, across mark styles and paragraphs.

Why its own module: real text mixes curly and straight marks, German and French
styles, single quotes nested in double ones, apostrophes that look like closing
single quotes, and the journalistic rule that a paragraph which opens a quotation
without closing it continues in the next paragraph (which reopens the mark).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

# opening mark -> closing marks accepted for it
PAIRS: dict[str, str] = {"“": "”\"", "„": "“”", "«": "»", "»": "«", "‹": "›", "‘": "’"}
DOUBLE_OPEN = "“„«\""
STRAIGHT = '"'
_MARK = re.compile(r'["“„«‘]')


@dataclass
class QSpan:
    """Words inside one pair of marks within one paragraph (``start:end`` excludes the marks).

    ``open``/``close`` are the mark offsets (``close`` is None when the quote runs to the
    paragraph end unclosed); ``chain`` groups the pieces of one quotation that spans
    paragraphs; ``continues`` is True for a piece that continues the previous paragraph's.
    """

    start: int
    end: int
    open: int
    close: Optional[int]
    para: int
    chain: int = -1
    continues: bool = False


def _is_opening_straight(text: str, i: int, lo: int) -> bool:
    prev = text[i - 1] if i > lo else " "
    return prev.isspace() or prev in "([{—–-/:;,“‘" or i == lo


def _pairs_in(text: str, lo: int, hi: int) -> tuple[list[tuple[int, Optional[int]]], bool]:
    """Top-level (open, close) mark pairs in ``text[lo:hi]``; the bool says an unclosed opener ends it."""
    out: list[tuple[int, Optional[int]]] = []
    i = lo
    while i < hi:
        m = _MARK.search(text, i, hi)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if ch == STRAIGHT or ch in "“„«":
            if ch == STRAIGHT:
                if not _is_opening_straight(text, i, lo) and not out:
                    i += 1
                    continue
                j = text.find(STRAIGHT, i + 1, hi)
                jc = text.find("”", i + 1, hi)
                if jc != -1 and (j == -1 or jc < j) and "“" not in text[i + 1 : jc]:
                    j = jc  # "mixed styles” closed by a curly mark
            else:
                j = _find_close(text, i + 1, hi, ch, PAIRS[ch])
            if j == -1:
                out.append((i, None))
                return out, True
            out.append((i, j))
            i = j + 1
            continue
        if ch == "‘" and _single_can_open(text, i, lo):
            j = _find_single_close(text, i + 1, hi)
            if j != -1:
                out.append((i, j))
                i = j + 1
                continue
        i += 1
    return out, False


def _find_close(text: str, i: int, hi: int, opener: str, closers: str) -> int:
    """Index of the mark closing ``opener`` (nested same-style openers are skipped)."""
    pat = re.compile("[" + re.escape(opener + closers) + "]")
    depth = 0
    while i < hi:
        m = pat.search(text, i, hi)
        if m is None:
            return -1
        i = m.start()
        ch = text[i]
        if ch == opener and opener not in closers:
            depth += 1
        elif ch in closers:
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return -1


def _single_can_open(text: str, i: int, lo: int) -> bool:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([{—–“\"") and not nxt.isspace()


def _find_single_close(text: str, i: int, hi: int) -> int:
    """A ’ that ends a single-quoted span: not followed by a letter (else it is an apostrophe)."""
    while True:
        j = text.find("’", i, hi)
        if j == -1:
            return -1
        nxt = text[j + 1] if j + 1 < len(text) else " "
        if not nxt.isalpha() and not text[j - 1].isspace():
            return j
        i = j + 1


def find_quotes(text: str, paragraphs: list[tuple[int, int]], single_top_level: bool = True) -> list[QSpan]:
    """Quoted spans per paragraph, chained across paragraphs by the continuation convention.

    Single curly quotes count as top-level quotes only in a paragraph without double marks
    (British style); inside double quotes they are nested and stay part of the outer quote.
    """
    spans: list[QSpan] = []
    chain_id = 0
    open_chain: Optional[int] = None  # chain of an unclosed quote at the end of the previous paragraph
    for pi, (lo, hi) in enumerate(paragraphs):
        seg = text[lo:hi]
        has_double = any(c in seg for c in DOUBLE_OPEN) or "”" in seg
        pairs, _unclosed = _pairs_in(text, lo, hi) if (has_double or single_top_level) else ([], False)
        if not has_double:
            pairs = [p for p in pairs if text[p[0]] == "‘"] if single_top_level else []
        else:
            pairs = [p for p in pairs if text[p[0]] != "‘"]
        # a paragraph that starts with a closing mark only: stray; ignore it
        continuing = open_chain
        open_chain = None
        for k, (o, c) in enumerate(pairs):
            s, e = o + 1, (c if c is not None else hi)
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e <= s:
                continue
            if k == 0 and continuing is not None and text[lo:o].strip() == "":
                chain, cont = continuing, True
            else:
                chain_id += 1
                chain, cont = chain_id, False
            spans.append(QSpan(s, e, o, c, pi, chain, cont))
            if c is None:
                open_chain = chain
    return spans
