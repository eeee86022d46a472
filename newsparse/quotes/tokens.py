"""Paragraphs as tagged tokens, with each quotation collapsed into one ``Q`` token, cut into units.

Why: attribution patterns (``"…," she said``, ``X said that …``, ``…, said X.``) are
easiest to state over a token sequence where a whole quotation - however many sentences
it holds - is one item, and where sentence boundaries are only taken from the writer's text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from newsparse.quotes.marks import QSpan

TOKEN_RE = re.compile(
    r"""(?:[A-Z]\.){2,}(?![A-Za-z])
      | (?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|St|Jr|Sr|Insp|Det|Const|Supt|Hon|Rev|Mt|Ft|
           Inc|Ltd|Corp|Co|No|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Cpl|Cst|Coun|Atty|Pres|Gov)\.(?=\s)
      | [A-Z]\.(?=\s+[A-Z])
      | \d+(?:-[A-Za-z]+)+\b(?!['’])   # "26-year-old", "10-day"
      | \d+(?:[.,:]\d+)*%?
      | [A-Za-z]\w*(?:\.(?:[a-z0-9]\w*|[A-Z0-9]+\b))+(?=['’]s\b|[^\w.]|\.\W|\.?$)
      | \w+(?:[-'’]\w+)*(?=['’]s\b)
      | \w+(?:[-]\w+)*(?:n['’]t|['’](?:ll|re|ve|d|m))?
      | ['’]s\b
      | \.\.\.|--|[^\w\s]""",
    re.X,
)
PUNCT = {",", ".", ":", ";", "!", "?", "—", "–", "-", "(", ")", "...", "…"}
_ABBREV_UPPER = re.compile(r"^(?:[A-Z]\.){2,}$")
_BREAK_NEXT = {"The", "A", "An", "He", "She", "It", "They", "We", "I", "But", "And", "In", "On", "This", "That",
               "His", "Her", "Their", "There", "Its", "Our", "As", "If", "When", "While", "After", "Before"}


@dataclass
class Tok:
    """A token (``tag`` "Q" and ``q`` set for a collapsed quotation)."""

    start: int
    end: int
    w: str
    low: str
    tag: str
    q: Optional[QSpan] = None


def tokenize_paragraph(text: str, lo: int, hi: int, quotes: list[QSpan], tagger,
                       proper: frozenset[str] = frozenset()) -> list[Tok]:
    """Tagged tokens of ``text[lo:hi]``; each quotation (marks included) becomes one Q token.

    ``proper``: capitalised words the document uses as names mid-sentence (:func:`proper_words`);
    opening a sentence they are names too ("Young said …" after "coach Mike Young").
    """
    toks: list[Tok] = []
    pos = lo
    for q in sorted(quotes, key=lambda q: q.open):
        if q.open > pos:
            toks.extend(_words(text, pos, q.open))
        qend = (q.close + 1) if q.close is not None else hi
        toks.append(Tok(q.start, q.end, "<Q>", "<q>", "Q", q))
        pos = qend
    if pos < hi:
        toks.extend(_words(text, pos, hi))
    _tag(toks, tagger, proper)
    return toks


_MID_SENTENCE_CAP = re.compile(r"(?<=[a-z0-9,;)] )[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*\b(?![-'’])")
# tags of words whose capitalised sentence-initial form may be a name the document uses elsewhere
_CONTENT_TAGS = ("NN", "JJ", "VB", "RB")


def proper_words(text: str, spans: list[tuple[int, int]]) -> frozenset[str]:
    """Capitalised words found mid-sentence in ``spans`` (body paragraphs): the document's names."""
    found: set[str] = set()
    for lo, hi in spans:
        found.update(m.group() for m in _MID_SENTENCE_CAP.finditer(text, lo, hi))
    return frozenset(found)


def _words(text: str, lo: int, hi: int) -> list[Tok]:
    out = []
    for m in TOKEN_RE.finditer(text, lo, hi):
        w = m.group()
        out.append(Tok(m.start(), m.end(), w, w.lower(), ""))
    return out


def _tag(toks: list[Tok], tagger, proper: frozenset[str] = frozenset()) -> None:
    initial = True
    prev = None
    for t in toks:
        if t.tag == "Q":
            initial = False
            prev = t
            continue
        t.tag = tagger.tag_word(t.w, initial)
        if initial and t.w in proper and t.tag.startswith(_CONTENT_TAGS):
            t.tag = "NNP"
        if t.low in ("'s", "’s") and prev is not None and (prev.tag in ("PRP", "EX", "WP") or prev.low in ("that", "there", "what", "here")):
            t.tag = "VBZ"  # "there's", "it's": a verb, not a possessive
        elif t.w in ("’", "'") and prev is not None and prev.end == t.start and prev.low.endswith("s") \
                and prev.tag not in ("Q", "POS"):
            t.tag = "POS"  # "the Smiths’ lawyer", "the United Nations’ panel": a plural possessive
        prev = t
        initial = t.w in (".", "!", "?", ":", "—", "(")


def _quote_ends_sentence(text: str, q: QSpan) -> bool:
    inner = text[q.start : q.end].rstrip()
    return inner.endswith((".", "!", "?", "…", ".'", ".’"))


def split_units(text: str, toks: list[Tok]) -> list[list[Tok]]:
    """Sentence-like units: breaks after writer-text ``. ! ?`` or a sentence-final quotation
    when the next token starts a sentence (capitalised word or quotation)."""
    units: list[list[Tok]] = []
    cur: list[Tok] = []
    n = len(toks)
    for i, t in enumerate(toks):
        cur.append(t)
        nxt = toks[i + 1] if i + 1 < n else None
        if nxt is None:
            break
        starts = nxt.tag == "Q" or nxt.w[:1].isupper() or nxt.w[:1].isdigit() or nxt.w == "("
        if not starts:
            continue
        if (t.w in (".", "!", "?") or t.w == "…") and (t.end >= len(text) or not text[t.end].isalnum()):
            units.append(cur)
            cur = []
        elif t.tag == "Q" and _quote_ends_sentence(text, t.q):
            units.append(cur)
            cur = []
        elif _ABBREV_UPPER.match(t.w) and nxt.w in _BREAK_NEXT:
            units.append(cur)
            cur = []
    if cur:
        units.append(cur)
    return units
