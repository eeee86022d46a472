"""CoNLL-style word tokens with character offsets, as the NER model was trained on.

Differs from the segment stage's tokens where NER needs it: possessives are split off
(``Vexamo's`` -> ``Vexamo`` ``'s``), and a capitalised name hyphen-joined to a lowercase word
is split (``U.S.-based`` -> ``U.S.`` ``-`` ``based``; not a two-letter syllable of a
Korean given name, ``Hyun-jo``), and so is a prefix before a name
(``anti-China`` -> ``anti`` ``-`` ``China``), so the name can be a mention of its own.
"""
from __future__ import annotations

import re

TOKEN_RE = re.compile(
    r"""(?:[A-Za-z]\.){2,}(?![A-Za-z])             # U.S. U.K. a.m.
      | (?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|St|Jr|Sr|Inc|Ltd|Co|Corp|Mt|Rev|Messrs|No)\.(?=\s)
      | [A-Z]\.(?=[\s,])                          # initials: J. Smith
      | \d\w*(?:[.,:/-]\w+)*%?                    # numbers 1,000.5 10:30 1996-08-30 31st 26-year-old
      | \w+(?:[-&]\w+)*(?:['’]\w+)?(?<!['’]s)(?<!['’])   # words, hyphenated, O'Brien (not possessive)
      | ['’](?:[sSmMdD]|re|ve|ll)\b | n['’]t\b
      | \.\.\.|--|[^\w\s]""",
    re.X,
)
#: a name hyphen-joined to a lower-case word of three letters or more (``U.S.-based``,
#: ``Trump-led``); a shorter tail is a syllable of the name (``Dae Hyun-jo``, ``Seo Min-ah``)
_SPLIT_HYPHEN = re.compile(r"^([A-Z][\w.]*?)(-)([a-z]{3,}(?:-[a-z]+)*)$")
_SPLIT_PREFIX = re.compile(r"^(anti|pro|non|ex|post|pre|mid|pan|all|trans|intra|inter|neo|sub|super)(-)([A-Z][\w.]*)$")


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Token ``(start, end)`` offsets inside ``text[start:end]``."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    for m in TOKEN_RE.finditer(text, start, end):
        s, e = m.span()
        tok = m.group()
        hm = (_SPLIT_HYPHEN.match(tok) or _SPLIT_PREFIX.match(tok)) if "-" in tok else None
        if hm:
            a = s + len(hm.group(1))
            out += [(s, a), (a, a + 1), (a + 1, e)]
            continue
        out.append((s, e))
    return out
