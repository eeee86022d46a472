"""Unicode and whitespace normalisation of extracted text.

NFC, mojibake repaired by ftfy (quotation marks keep their original characters),
invisible characters (zero-width, soft hyphen, BOM) removed, every kind of space
folded to one ASCII space, and words hyphenated across line breaks rejoined.
"""
from __future__ import annotations

import re
import unicodedata

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"), None)
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u180e]+")
_BROKEN_WORD = re.compile(r"(\w)-[ \t]*\n[ \t]*([a-z])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Every quotation mark later stages must treat alike (text keeps the original character).
QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u201f\u201b\u2039\u203a"
_FOLD = str.maketrans({c: '"' for c in "\u201c\u201d\u00ab\u00bb\u201e\u201f"} | {c: "'" for c in "\u2018\u2019\u201a\u201b\u2039\u203a"})


def fold_quotes(text: str) -> str:
    """Same-length copy with curly/guillemet quotation marks mapped to ASCII (for matching only)."""
    return text.translate(_FOLD)


def fix_mojibake(text: str) -> str:
    """Repair mis-decoded text (UTF-8 read as Latin-1, HTML entities left over) with ftfy."""
    if text.isascii() and "&" not in text:
        return text
    import ftfy

    return ftfy.fix_text(
        text,
        unescape_html="auto",
        uncurl_quotes=False,
        fix_character_width=False,
        fix_latin_ligatures=True,
        fix_line_breaks=True,
        normalization="NFC",
        explain=False,
    )


def normalise(text: str, mojibake: bool = True) -> str:
    """Normalised text with lines kept (blank lines dropped), each line stripped."""
    if mojibake:
        text = fix_mojibake(text)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text.translate(_INVISIBLE))
    text = _BROKEN_WORD.sub(r"\1\2", text)
    lines = (_SPACES.sub(" ", ln).strip() for ln in text.split("\n"))
    return "\n".join(ln for ln in lines if ln)


def normalise_line(text: str, mojibake: bool = True) -> str:
    """One block as one line: normalised, inner line breaks folded into spaces."""
    return " ".join(normalise(text, mojibake).split("\n"))
