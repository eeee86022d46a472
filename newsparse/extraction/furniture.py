"""Page furniture that survives main-text extraction: recognised line by line, with a reason.

Every rule is anchored to the whole line and limited to short lines, so a body
sentence that merely mentions a newsletter or a photo is never dropped. A rule
returns the reason shown by ``--explain``; ``None`` means the line is body text.
"""
from __future__ import annotations

import re
from typing import Optional

_I = re.I

# (reason, pattern, max words): a line matching the pattern with at most that many words is furniture.
_RULES: list[tuple[str, re.Pattern[str], int]] = [
    ("newsletter prompt", re.compile(
        r"^(?:sign up|subscribe|register|join)\b.{0,160}\b(?:newsletters?|inbox|e-?mail (?:updates|alerts|list)|updates|alerts|digest|briefing)\b"
        r"|^(?:thanks|thank you) for (?:signing up|subscribing|registering)"
        r"|^keep an eye on your inbox|error processing your subscription|^get (?:the|our) .{0,80}\b(?:in|to) your inbox"
        r"|^(?:enter )?your e-?mail(?: address)?[.:]?$|^enter (?:your )?e-?mail\b|^by (?:signing up|subscribing|clicking)\b.{0,200}(?:privacy|terms)"
        r"|^(?:newsletter|subscribe now|sign up now|sign up|subscribe)[.!:]?$", _I), 45),
    ("read-more teaser", re.compile(
        r"^(?:read more|read next|read also|also read|read|more|see also|related|related stories|related articles|"
        r"related coverage|recommended|recommended for you|you may also like|you might also like|more from [\w .'-]{1,40}|"
        r"more stories|more on this( story)?|further reading|most popular|most read|trending( now)?|editor'?s picks|"
        r"watch|listen|continue reading|keep reading|click here)\s*(?:[:>»|–—-]+\s*.{0,160})?$"
        r"|^also on [\w.-]+\.[a-z]{2,}\b.{0,160}$"
        , _I), 25),
    ("read-more teaser", re.compile(r"^(?:READ MORE|ALSO READ|RELATED|READ NEXT|MORE ON|SEE ALSO)\b.{0,160}$"), 25),
    ("social prompt", re.compile(
        r"^(?:follow|like|join|find|connect with) (?:us|[\w .@'-]{1,40}) on (?:twitter|x|facebook|instagram|linkedin|"
        r"youtube|tiktok|telegram|whatsapp|threads|bluesky|google news)\b"
        r"|^(?:share|tweet|email|pin|print)(?: (?:this|the))?(?: (?:article|story|page|post))?(?: (?:on|via|with) [\w ]{1,20})?[.:!]?$"
        r"|^click to (?:share|email|print)\b|^share (?:on|via) |^copy (?:to clipboard|link)$"
        r"|^(?:like|liked|enjoy|enjoyed) this (?:story|article|post)\?.{0,60}\bshare\b", _I), 20),
    ("copyright line", re.compile(
        r"^(?:©|\(c\)|copyright\b)|\ball rights reserved\b|^this (?:material|article|copy) (?:may not|is for your personal)", _I), 40),
    ("photo credit", re.compile(
        r"^[\[(]?(?:photo|image|picture|photograph|video|illustration|graphic)s?(?: credit)?\s*(?:by|:|/)\s*[^.]{0,80}$"
        r"|^\(?(?:photo|image|credit)s?\s*(?:by|:)\s*[^.]{0,80}\)?$|^credit:\s*.{0,80}$"
        r"|^[\[(](?:file )?(?:photo|image|picture|video)s?\b[^\]).]{0,60}[\])]$"
        r"|^(?:getty images|reuters|ap photo|afp|shutterstock|istock)(?:\s*/\s*[\w .]+)?$", _I), 14),
    ("image URL", re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|svg|avif)(?:\?\S*)?$", _I), 1),
    ("advertisement label", re.compile(
        r"^(?:advertisement|advertising|sponsored(?: content| post)?|ad|ads|paid (?:content|post)|"
        r"story continues (?:below|after) (?:this )?(?:advertisement|ad)|continue reading (?:below|the main story)|"
        r"scroll (?:down )?to continue(?: with content)?|article continues below|skip advert(?:isement)?)\s*[.:]?$", _I), 12),
    ("date stamp", re.compile(
        r"^(?:(?:last )?updated|published|posted|first published|modified|created)(?: on| at)?\s*:?\s*"
        r"(?=.*(?:\d{1,2}:\d{2}|\b\d{4}\b|\bago\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))[^!?]{0,80}$", _I), 16),
    ("comment widget", re.compile(
        r"^(?:comments?|\d+ comments?|leave a (?:comment|reply)|post a comment|add a comment|join the (?:conversation|discussion)|"
        r"show comments|view comments|be the first to comment|comments are closed|comment on this (?:story|article)|"
        r"you must be logged in to post a comment|log ?in to comment|reply|report)\s*[.:!]?$", _I), 12),
    ("page widget", re.compile(
        r"^(?:text size|font size|order reprints|reprints?|print article|save article|save|bookmark|listen to (?:this )?article|"
        r"listen|audio|close|menu|search|skip to (?:main )?content|back to top|home|next article|previous article|"
        r"toggle navigation|open in app|download the app|gift this article|view gallery|enlarge this image|"
        r"an error has occurred, please try again later|this article has been sent to|loading\.*|sorry!?|"
        r"table of contents|contents|in this article|on this page|jump to(?: section)?|article contents)\s*[.:]?$", _I), 8),
    ("link prompt", re.compile(
        r"^(?:click|tap) here\b.{0,80}$|\bby (?:clicking|tapping) here[.!]?$"
        r"|^(?:get|download) (?:the|our) [\w .'&-]{1,30} app\b.{0,30}$", _I), 16),
    ("link list", re.compile(r"^[^|]{0,60}(?:\|[^|]{0,60}){2,}$"), 60),
    ("contact line", re.compile(r"^(?:write to|contact|email|e-mail|reach) [^@]{0,60}\bat\b\s*\S+@\S+$|^\S+@\S+\.\w+$", _I), 14),
]


def furniture_reason(line: str) -> Optional[str]:
    """The reason this line is page furniture, or None when it is (or may be) body text."""
    t = " ".join(line.split())
    if not t:
        return "empty line"
    n = len(t.split())
    for reason, pattern, max_words in _RULES:
        if n <= max_words and pattern.search(t):
            return reason
    return None


# --------------------------------------------------------------------------- captions
_CAPTION = re.compile(
    r"^(?:a |an |the )?(?:file )?(?:photo|picture|image)\b[^.]{0,60}\b(?:taken (?:on|in|at)|shows|showing)\b"
    r"|\((?:xinhua|ap|afp|reuters|getty images?|photo[^)]{0,60}|file[^)]{0,40})\)\s*$"
    # "… on March 30. (AGENCY)", "(AGENCY/Photographer)", "(AP Photo/Name)": a credited picture
    r"|[.!?]\s*\((?!(?:CORRECTION|CORRECTED|UPDATE|UPDATED|END|MORE|VIDEO|AUDIO|LIVE)\))"
    r"(?-i:[A-Z][A-Z.&-]+(?: [A-Z][A-Za-z.&-]*){0,3})(?:/[^)]{1,40})?\)\s*$"
    r"|^(?:photo|image|picture|photograph)\s*:\s"
    r"|/\s*(?:getty images|reuters|ap|afp|shutterstock|epa|xinhua)\s*$"
    r"|\b(?:photo|image)\s*(?:credit|courtesy)\s*:",
    re.I,
)


def is_caption(line: str) -> bool:
    """A photo caption: credited or introduced as a photo ("Photo taken on ... shows ...")."""
    t = " ".join(line.split())
    return len(t.split()) <= 80 and bool(_CAPTION.search(t))


# --------------------------------------------------------------------------- doubled link text
_JUNCTION = re.compile(r"(?<=[a-z.)])(?=[A-Z])")


def undouble(text: str) -> str:
    """Remove link text doubled by screen-reader spans: "Rep. Jane RoeJane Roe" -> "Rep. Jane Roe".

    At a lower-to-upper case junction with no space, if the words after it repeat the
    words just before it (at least two words, or one of 4+ letters followed by a
    non-letter), the repeat is dropped. A hover card glued to the repeat and closed
    by a "MORE" link ("Jane RoeJane RoeLatest headlines ... MORE") goes with it.
    """
    if not _JUNCTION.search(text):
        return text
    out = text
    for m in reversed(list(_JUNCTION.finditer(text))):
        i = m.start()
        if i > len(out):
            continue
        cut = 0
        for n in range(min(60, i, len(out) - i), 2, -1):
            seg = out[i : i + n]
            if out[i - n : i] != seg or (i - n > 0 and out[i - n - 1].isalpha()) or not (" " in seg or n >= 4):
                continue
            after = out[i + n : i + n + 1]
            if not after.isalpha():
                cut = n
                break
            card = _CARD_END.search(out, i + n, i + n + 600)
            if after.isupper() and card:
                cut = card.end() - i
                break
        if cut:
            out = out[:i] + out[i + cut :]
    return out


_CARD_END = re.compile(r" MORE\b")
