"""Saved-text articles: a title line, a ``· date · Source:`` header, captions, headings, a footer.

The shape is the one a browser's "save as text" or a copy-paste of a news page
produces: the headline first, a dateline/source line, then paragraphs separated
by blank lines, and the site's navigation and copyright at the end.
"""
from __future__ import annotations

import re
from typing import Optional

from newsparse.extraction.metadata import _MONTHS, _TEXT_DATE
from newsparse.model import Block, Metadata

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


# --------------------------------------------------------------------------- header lines
# a numeric date with any of the usual separators ("2031-04-02", "2031/04/02", "2031.04.02");
# written-out dates are read with the HTML metadata's pattern (newsparse.extraction.metadata)
_NUMERIC_DATE = re.compile(r"\b(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})\b")
_FIELD_SPLIT = re.compile(r"\s*[|·•]\s*|\s{3,}")
_LABEL = re.compile(r"^(?:(?P<outlet>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,4})\s+(?=(?:updated|published|posted)\b))?"
                    r"(?P<label>source|from|updated|last updated|published|posted|first published|date|editor|"
                    r"edited by|author|writer|reporter|written by)"
                    r"(?:\s*:\s*|\s+(?=[\w]*\d|(?:on\s+)?(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))"
                    r"(?P<value>.+)$", re.I)
_BY_FIELD = re.compile(r"^by\s+(?P<names>[^\d:]{2,80})$", re.I)
_TIME = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?$", re.I)
_OUTLET = re.compile(r"^(?:[A-Z][\w&.'-]*)(?:\s+(?:[A-Z][\w&.'-]*|of|the|and|&)){0,5}$")


def parse_date(value: str) -> Optional[str]:
    """The first calendar date written in ``value`` (ISO, "March 5, 2021", "5 Mar 2021") as YYYY-MM-DD.

    Unlike the HTML reader's ``parse_date`` any year is accepted: the header states it, nothing guesses it.
    """
    import datetime

    for m in (_NUMERIC_DATE.search(value), _TEXT_DATE.search(value)):
        if not m:
            continue
        g = m.groupdict()
        if g.get("y") is not None:
            y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
        else:
            y, d = int(g["y1"] or g["y2"]), int(g["d1"] or g["d2"])
            mo = _MONTHS[(g["m1"] or g["m2"]).lower()[:3]]
        try:
            return datetime.date(y, mo, d).isoformat()
        except ValueError:
            continue
    return None


def _author_names(names: str) -> list[str]:
    from newsparse.extraction.metadata import clean_author

    out = []
    for part in re.split(r"\s*(?:,|;|&|\band\b)\s*", names):
        words = [w.capitalize() if w.isupper() and len(w) > 1 else w for w in part.split()]  # "ZHANG Ming"
        name = clean_author(" ".join(words))
        if name:
            out.append(name)
    return out


def header_fields(line: str) -> Optional[dict[str, object]]:
    """The facts of a header line under the title (``By X | Outlet | Updated: 2021-03-05 07:29``,
    ``Source: Xinhua | 2021-03-05 10:17 | Editor: Y``, ``· 2020-09-16 · Source: Z``), or None when
    the line is not made only of such fields."""
    t = " ".join(line.split()) if "   " not in line else line.strip()
    if not t or len(t) > 200:
        return None
    facts: dict[str, object] = {}
    for field_ in (f.strip() for f in _FIELD_SPLIT.split(t)):
        if not field_ or _TIME.match(field_):
            continue
        lab = _LABEL.match(field_)
        label, value = (lab.group("label").lower(), lab.group("value").strip()) if lab else ("", field_)
        if lab and lab.group("outlet"):
            facts.setdefault("outlet", lab.group("outlet"))  # "Global Times Published: …"
        if label in ("source", "from"):
            facts.setdefault("source", value)
        elif label in ("editor", "edited by"):
            continue  # the desk editor is not the author
        elif label in ("author", "writer", "reporter", "written by"):
            facts.setdefault("authors", _author_names(value))
        elif parse_date(value) and (label or len(value.split()) <= 6):
            key = "updated" if label in ("updated", "last updated") else "date"  # a publication date wins
            facts.setdefault(key, parse_date(value))
        elif label:
            return None
        elif _BY_FIELD.match(value):
            names = _author_names(_BY_FIELD.match(value).group("names"))
            if not names:
                return None
            facts.setdefault("authors", names)
        elif _OUTLET.match(value) and facts:
            facts.setdefault("outlet", value)  # "By X | China Daily": the outlet beside a byline or date
        else:
            return None
    return facts or None


def extract_text_page(raw: str, md: Metadata) -> list[Block]:
    """Blocks of a saved-text article; fills title, date and source in ``md`` when stated."""
    blocks = split_text_blocks(raw)
    out: list[Block] = []
    i = 0
    if len(blocks) > 1 and looks_like_title(blocks[0]) and header_fields(blocks[0]) is None:
        md.title = " ".join(blocks[0].split())
        out.append(Block(blocks[0].strip(), "title"))
        i = 1
    # header lines right under the title (a byline, a date, a source), in any order
    j = i
    while j < min(i + 3, len(blocks)):
        facts = header_fields(blocks[j])
        if facts is None:
            break
        date = facts.get("date") or facts.get("updated")
        if date and not md.date:
            md.date = str(date)
        if facts.get("source") or facts.get("outlet"):
            md.source = md.source or str(facts.get("source") or facts.get("outlet"))
        if facts.get("authors") and not md.authors:
            md.authors = list(facts["authors"])  # type: ignore[arg-type]
        out.append(Block(blocks[j].strip(), "byline"))
        j += 1
    i = j
    out.extend(Block(b) for b in blocks[i:])
    for b in reversed(blocks[-8:]):
        owner = publisher_from_copyright(b) if re.search(r"©|\bcopyright\b|all rights reserved", b, re.I) else None
        if owner:
            md.publisher = md.publisher or owner
            break
    return out
