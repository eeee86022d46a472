"""The dateline that opens a wire story (``BUFFALO, N.Y. —``, ``PARIS (AP) —``): where the
story was filed. Its place is neither a speaker nor the subject of the first sentence, and
it is a place even when written in capitals. One definition for the quotes and entities stages.
"""
from __future__ import annotations

import re
from typing import Optional

# an upper-case place, an optional ", State" or ", Date", an optional short parenthetical
# (the agency: "(AP)", "(Reuters)", "(CNN)"), then a dash
_DATELINE = re.compile(r"(?P<place>[A-Z][A-Z.'’]{2,}(?:[ -][A-Z][A-Z.'’]*){0,4})\s*(?:,[^\n—–]{1,40})?\s*"
                       r"(?:\([A-Za-z. ]{1,20}\)\s*)?(?:—|–|--)")


def dateline_at(text: str, pos: int = 0) -> Optional[tuple[int, int]]:
    """``(place_end, end)`` of a dateline opening ``text`` at ``pos`` (``end`` after its dash),
    or None when none opens there."""
    m = _DATELINE.match(text, pos)
    if m is None:
        return None
    return m.end("place"), m.end()
