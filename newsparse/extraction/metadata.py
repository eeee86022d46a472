"""Metadata of an HTML page from what the page itself states.

Title: the page's headline without the site-name suffix. Authors: person names
from structured data, author meta tags or a visible byline, without job titles.
Date: only a date the page states - first the dateline written next to its headline,
then a markup date (JSON-LD, meta tags, ``<time>``/``itemprop``) written on the page,
then an article's machine publication timestamp - never a date guessed from the URL,
the copyright year or the crawl time, so undated pages get none.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date as _date
from typing import Any, Optional
from html import unescape as html_unescape
from urllib.parse import urlparse

ARTICLE_TYPES = {
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "techarticle", "scholarlyarticle", "liveblogposting", "socialmediaposting",
    "backgroundnewsarticle", "reviewnewsarticle", "review", "medicalwebpage", "howto", "recipe", "posting",
}


@dataclass
class PageFacts:
    """What the page's markup says about itself (collected once, used by every field)."""

    meta: dict[str, str] = field(default_factory=dict)
    jsonld: list[dict[str, Any]] = field(default_factory=list)
    title_tag: str = ""
    h1: list[str] = field(default_factory=list)
    canonical: Optional[str] = None
    lang: Optional[str] = None
    lang_tag: Optional[str] = None  # the full ``<html lang>`` ("en-US"): reads d/m/y dates
    time_published: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    rel_authors: list[str] = field(default_factory=list)


def parse_html(html: str):
    """An lxml tree of the page (None when it cannot be parsed)."""
    import lxml.html
    from lxml import etree

    try:
        return lxml.html.document_fromstring(html.encode("utf-8", "replace"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8", huge_tree=True))
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return None


def _text(el) -> str:
    return " ".join(" ".join(el.itertext()).split())


def collect(tree) -> PageFacts:
    f = PageFacts()
    if tree is None:
        return f
    f.lang_tag = (tree.get("lang") or "").strip() or None
    f.lang = (f.lang_tag or "").split("-")[0].lower() or None
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        val = (m.get("content") or "").strip()
        if key and val and key not in f.meta:
            f.meta[key] = val
    for s in tree.iter("script"):
        if (s.get("type") or "").lower().strip() == "application/ld+json" and s.text:
            try:
                data = json.loads(s.text.strip().rstrip(";"))
            except (ValueError, RecursionError):
                continue
            f.jsonld.extend(_flatten_ld(data))
    t = tree.find(".//title")
    if t is not None:
        f.title_tag = _text(t)
    f.h1 = [x for x in (_text(h) for h in tree.iter("h1")) if x][:5]
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel and link.get("href") and not f.canonical:
            f.canonical = link.get("href").strip()
    for el in tree.iter("time"):
        dt = el.get("datetime") or ""
        cls = " ".join(filter(None, [el.get("class"), el.get("itemprop"), el.getparent().get("class") if el.getparent() is not None else ""])).lower()
        # a date inside a link or a reader comment dates another page or the comment
        if dt and "modif" not in cls and "updat" not in cls and not _in_link_or_comment(el):
            f.time_published.append(dt if ("publish" in cls or el.get("pubdate") is not None or "date" in cls or "post" in cls) else "~" + dt)
    for el in tree.xpath('//*[@itemprop="datePublished"]'):
        v = el.get("content") or el.get("datetime") or _text(el)
        if v and not _in_link_or_comment(el) and el.find(".//a") is None:
            f.time_published.insert(0, v)
    for el in tree.xpath('//a[@rel="author"]|//*[@itemprop="author"]'):
        name = el.get("content") or _text(el)
        sub = el.xpath('.//*[@itemprop="name"]')
        if sub:
            name = sub[0].get("content") or _text(sub[0])
        if name:
            f.rel_authors.append(name)
    for el in tree.xpath("//body//*[self::p or self::span or self::div or self::address or self::a or self::li]"):
        own = " ".join((el.text or "").split())
        if own[:3].lower() == "by " and len(own) < 60 and own[3:4].isupper():
            f.bylines.append(own)
            break
    for el in tree.xpath('//*[contains(concat(" ", normalize-space(@class), " "), " byline ") or '
                         'contains(@class, "byline") or contains(@class, "author-name") or contains(@class, "authorName")]'):
        txt = _text(el)
        if txt and len(txt) < 200:
            f.bylines.append(txt)
    return f


def _in_link_or_comment(el) -> bool:
    """Inside a link (a teaser of another page) or a reader comment: not this article's date."""
    return any(a.tag == "a" or _is_comment(a) for a in el.iterancestors())


def _flatten_ld(data: Any, depth: int = 0) -> list[dict[str, Any]]:
    if depth > 5:
        return []
    out: list[dict[str, Any]] = []
    if isinstance(data, list):
        for d in data:
            out.extend(_flatten_ld(d, depth + 1))
    elif isinstance(data, dict):
        out.append(data)
        if "@graph" in data:
            out.extend(_flatten_ld(data["@graph"], depth + 1))
        main = data.get("mainEntity") or data.get("mainEntityOfPage")
        if isinstance(main, dict) and main.get("@type"):
            out.extend(_flatten_ld(main, depth + 1))
    return out


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type", "")
    return {str(x).lower() for x in (t if isinstance(t, list) else [t])}


def article_objects(f: PageFacts) -> list[dict[str, Any]]:
    return [o for o in f.jsonld if _types(o) & ARTICLE_TYPES]


# --------------------------------------------------------------------------- site name and title
def site_name(f: PageFacts, url: Optional[str]) -> Optional[str]:
    for key in ("og:site_name", "application-name", "twitter:site", "publisher"):
        v = f.meta.get(key)
        if v and not v.startswith("http"):
            return v.lstrip("@").strip()
    for o in f.jsonld:
        if _types(o) & {"website", "organization", "newsmediaorganization"} and isinstance(o.get("name"), str):
            return o["name"].strip()
    for o in article_objects(f):
        pub = o.get("publisher")
        if isinstance(pub, dict) and isinstance(pub.get("name"), str):
            return pub["name"].strip()
    return None


_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/)\s+|\s*\|\s*")


def _squash(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


def strip_site_name(title: str, site: Optional[str], url: Optional[str]) -> str:
    """Drop a leading or trailing segment that names the site ("Headline | Site")."""
    parts = [p for p in _SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return title.strip()
    names = {_squash(site)} if site else set()
    host = urlparse(url or "").netloc.lower()
    if host:
        host = host.split(":")[0]
        host = host[4:] if host.startswith("www.") else host
        names.add(_squash(host.split(".")[0]))
        names.add(_squash(host))
    names.discard("")

    def is_site(seg: str) -> bool:
        s = _squash(seg)
        return bool(s) and any(s == n or (len(n) > 3 and (n in s or s in n)) for n in names)

    if is_site(parts[-1]):
        parts = parts[:-1]
    elif is_site(parts[0]):
        parts = parts[1:]
    elif len(parts[-1].split()) <= 3 and len(" ".join(parts[:-1]).split()) >= 4 and not names:
        parts = parts[:-1]
    # keep the separators that were inside the headline itself
    head = title
    first, last = parts[0], parts[-1]
    start = head.find(first)
    end = head.rfind(last) + len(last)
    return head[start:end].strip() if start >= 0 and end > start else " ".join(parts)


def _similar(a: str, b: str) -> bool:
    wa, wb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.6


HEADLINE_MIN_WORDS = 5  # a first <h1> this long is the headline even when the metadata title differs


def find_title(f: PageFacts, url: Optional[str]) -> Optional[str]:
    """The visible headline when it agrees with the metadata title, else the stripped metadata title."""
    site = site_name(f, url)
    meta_titles = [f.meta.get("og:title"), f.meta.get("twitter:title")]
    meta_titles += [o.get("headline") or o.get("name") for o in article_objects(f)]
    meta_titles += [f.title_tag]
    meta_titles = [" ".join(str(t).split()) for t in meta_titles if isinstance(t, str) and t.strip()]
    stripped = [strip_site_name(t, site, url) for t in meta_titles]
    for h in f.h1:
        if 2 <= len(h.split()) <= 40 and not (site and _squash(h) == _squash(site)):
            if not stripped:
                return h
            match = next((s for s in stripped if _similar(h, s)), None)
            if match is not None:
                # the metadata title says the same and more ("8 Trends" vs a headline that lost
                # its number to CSS): keep the fuller wording
                hw, mw = set(re.findall(r"\w+", h.lower())), set(re.findall(r"\w+", match.lower()))
                if hw < mw and len(mw - hw) <= 2 and not _SEPARATORS.search(match):
                    return match
                return h
    # No headline agrees with the metadata: the metadata title is then often a search-engine
    # variant of the page's headline ("Best X of 2025 - Top 10 Picks" over "Top 10: Best X").
    # A visible headline of a sentence's length is what readers see as the title; a short one
    # is more often the site's or a section's name ("Yoga Pathways", "Open Menu").
    first = f.h1[0] if f.h1 else ""
    if HEADLINE_MIN_WORDS <= len(first.split()) <= 40 and not (site and _squash(first) == _squash(site)):
        return first
    if stripped:
        return stripped[0]
    return f.h1[0] if f.h1 else None


# --------------------------------------------------------------------------- dates
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_TEXT_DATE = re.compile(
    r"\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?P<y1>\d{4})"
    r"|(?P<m2>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4}))\b",
    re.I,
)


def parse_date(value: str) -> Optional[str]:
    """ISO ``YYYY-MM-DD`` from an ISO timestamp or an English date ("March 3, 2025"); None if invalid."""
    value = value.strip()
    m = _ISO.search(value)
    y = mo = d = None
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        t = _TEXT_DATE.search(value)
        if t:
            y = int(t.group("y1") or t.group("y2"))
            mo = _MONTHS[(t.group("m1") or t.group("m2")).lower()[:3]]
            d = int(t.group("d1") or t.group("d2"))
    if y is None:
        return None
    try:
        day = _date(y, mo, d)
    except ValueError:
        return None
    if not 1990 <= y <= _date.today().year + 1:
        return None
    return day.isoformat()


_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified")
_DATE_META = (
    "article:published_time", "og:published_time", "published_time", "datepublished", "date", "pubdate",
    "publishdate", "publish-date", "publish_date", "parsely-pub-date", "sailthru.date", "dc.date.issued",
    "dc.date", "dcterms.created", "citation_publication_date", "citation_date", "article.published",
    "og:article:published_time", "release_date", "originalpublicationdate",
)


# --------------------------------------------------------------------------- authors
_BY = re.compile(r"^\s*(?:written |posted |reviewed |words |story )?by[:\s]+", re.I)
_JOB = re.compile(
    r"\b(?:editor|reporter|correspondent|writer|columnist|contributor|author|journalist|producer|"
    r"director|manager|analyst|expert|specialist|founder|ceo|president|chief|head of|senior|associate|"
    r"freelance|photographer|intern|fellow|professor|consultant|former|contributing|staff writer|sponsored|partner content)\b.*$",
    re.I,
)
_NOT_NAME = re.compile(r"https?://|www\.|@|©|:|^\d+$|\b(?:unknown|anonymous|more about|view all|posts by|undefined|null|none|"
                       r"written by|by)$|^(?:undefined|null|none|written by|by)\b", re.I)


def clean_author(name: str, strict: bool = True) -> Optional[str]:
    """A byline name: no "By", no job title, no date, no e-mail.

    ``strict`` (visible bylines) also wants a capitalised name of at most five words;
    structured data (JSON-LD, author meta tags) may name a team or a user handle.
    """
    n = " ".join(html_unescape(str(name)).split())
    n = _BY.sub("", n)
    n = re.split(r"\s+[|•·/]\s+|\s+-\s+|,\s+|\s+\(", n)[0]
    n = n.strip(" ,.;:-")
    m = _JOB.search(n)
    if m and m.start() == 0:
        return None
    if m and m.start() > 0:
        n = n[: m.start()].strip(" ,.-")
        words = n.split()
        while len(words) > 2 and re.fullmatch(r"[A-Z]{1,3}", words[-1]):  # "Jane Roe AI Writer"
            words.pop()
        n = " ".join(words)
        if len(words) < 2:  # "Shipping Expert": a title, not a name
            return None
        if len(words) > 3:
            n = " ".join(words[:-1])
    if not n or _NOT_NAME.search(n) or len(n.split()) > 6:
        return None
    if strict and (not n[0].isupper() or len(n.split()) > 5 or re.search(r"\d", n)):
        return None
    return n


def _ld_names(v: Any) -> list[str]:
    if isinstance(v, list):
        people = [x for x in v if isinstance(x, dict) and "person" in _types(x)]
        return [n for x in (people or v) for n in _ld_names(x)]
    if isinstance(v, dict):
        name = v.get("name")
        if isinstance(name, list):
            return [x for x in name if isinstance(x, str)]
        return [name] if isinstance(name, str) else []
    if isinstance(v, str):
        return [v]
    return []


def _split_names(v: str) -> list[str]:
    return re.split(r"\s*(?:;|&|\band\b)\s*|,\s*(?=[^,]+\s[^,]+(?:,|$))", v)


def find_authors(f: PageFacts, site: Optional[str]) -> list[str]:
    """Author names: JSON-LD, then author meta tags, then rel=author / itemprop, then a byline."""
    sources: list[tuple[list[str], bool]] = []
    for o in article_objects(f):
        names = _ld_names(o.get("author"))
        if names:
            sources.append((names, False))
            break
    for key in ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"):
        v = f.meta.get(key)
        if v and not v.startswith("http"):
            sources.append(([_BY.sub("", v)], False))
            break
    if f.rel_authors:
        sources.append((f.rel_authors[:1], True))
    if f.bylines:
        sources.append(([_BY.sub("", f.bylines[0])], True))
    site_key = _squash(site or "")
    # the outlet credited beside its writers ("Jane Roe and John Doe, The Example Courier")
    outlets = {site_key} | {_squash(n) for o in article_objects(f) for n in _ld_names(o.get("publisher"))}
    outlets.discard("")
    fallback: list[str] = []
    for candidates, strict in sources:
        out: list[str] = []
        seen: set[str] = set()
        for c in candidates:
            for part in _split_names(html_unescape(str(c))):
                if site and strict and part.rstrip().lower().endswith(" " + site.lower()):
                    part = part.rstrip()[: -len(site)]  # "Jane Roe USA Today" on usatoday
                n = clean_author(part, strict)
                if n and _squash(n) not in seen:
                    seen.add(_squash(n))
                    out.append(n)
        people = [n for n in out if _squash(n) not in outlets]
        if people and len(people) < len(out):
            out = people
        if out and site_key and all(_squash(n) == site_key for n in out):
            # the site credited as author: a person named in a visible byline is the better answer
            fallback = fallback or out
            continue
        if out:
            return out[:10]
    return fallback[:10]


# --------------------------------------------------------------------------- language, url
def find_language(f: PageFacts) -> Optional[str]:
    lang = f.lang or (f.meta.get("og:locale") or f.meta.get("language") or "").split("_")[0].split("-")[0].lower()
    return lang or None


def find_url(f: PageFacts, url: Optional[str]) -> Optional[str]:
    c = f.canonical or f.meta.get("og:url")
    return c if c and c.startswith("http") else url


_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b|\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")


def written_dates(chunk: str) -> list[tuple[int, tuple[str, ...]]]:
    """Each date written in a piece of text with its position: ``(start, readings)``.

    A numeric d/m/y date has two readings, month first then day first ("03/04/2031":
    March 4, April 3); the others have one.
    """
    out: list[tuple[int, tuple[str, ...]]] = []
    for rx in (_TEXT_DATE, _ISO):
        for m in rx.finditer(chunk):
            d = parse_date(m.group(0))
            if d:
                out.append((m.start(), (d,)))
    for m in _NUMERIC.finditer(chunk):
        if m.group(3):
            a, b, y = m.group(1), m.group(2), m.group(3)
            cands = [f"{y}-{a}-{b}", f"{y}-{b}-{a}"]
        else:
            cands = [f"{m.group(4)}-{m.group(5)}-{m.group(6)}"]
        readings = tuple(dict.fromkeys(d for d in (parse_date(c) for c in cands) if d))
        if readings and not any(start == m.start() for start, _ in out):
            out.append((m.start(), readings))
    return sorted(out, key=lambda x: x[0])


def dates_in(chunk: str) -> set[str]:
    """Dates written in a piece of text; a numeric d/m/y is read both ways (only used to check visibility)."""
    return {d for _, readings in written_dates(chunk) for d in readings}


_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "svg", "select", "option", "textarea"}
_COMMENT_TOKEN = re.compile(
    r"^(?!(?:has|no|with|show|enable|disable|allow|open|closed)[-_])(?:[a-z0-9]+[-_]+)*comments?"
    r"(?:[-_]+(?:list|area|body|content|meta|metadata|author|date|time|item|thread|wrap|wrapper|container|"
    r"inner|header|text|section|article|level[-_]?\d+))?$|^commentlist$", re.I)
_MACHINE_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


_RESPONSIVE_DISPLAY = re.compile(r"d-(?:sm|md|lg|xl|xxl)-(?!none)")


def _invisible(el) -> bool:
    """An element a reader never sees: ``hidden``, ``display:none``, or a plain ``hidden`` class."""
    if not el.attrib:
        return False
    if el.get("hidden") is not None:
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    classes = (el.get("class") or "").lower().split()
    # responsive utility classes ("hidden md:block", "d-none d-lg-flex"): shown on some screens
    if any(":" in c or _RESPONSIVE_DISPLAY.match(c) for c in classes):
        return False
    return any(c in ("hidden", "is-hidden", "d-none") for c in classes)


def _is_comment(el) -> bool:
    """A reader comment (or the comment section): its dates are the commenters', not the article's."""
    names = f'{el.get("class") or ""} {el.get("id") or ""}'
    return "comment" in names.lower() and any(_COMMENT_TOKEN.match(t) for t in names.split())


def text_runs(tree) -> list[tuple[int, str, Any]]:
    """The page's visible text in reading order: ``(offset, text, element)`` per text node.

    Skipped: scripts and styles, hidden elements and reader comments (their dates are
    not the article's). ``element`` is the element the text belongs to (a tail belongs
    to the parent); the offsets count characters of the joined text.
    """
    out: list[tuple[int, str, Any]] = []
    if tree is None:
        return out
    pos = 0
    stack: list[tuple[Any, bool]] = [(tree, False)]
    while stack:  # iterative: deeply nested pages must not hit the recursion limit
        el, closing = stack.pop()
        if closing:
            if el.tail and el.tail.strip() and el.getparent() is not None:
                out.append((pos, el.tail, el.getparent()))
                pos += len(el.tail) + 1
            continue
        stack.append((el, True))
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag and tag not in _SKIP_TAGS and not _invisible(el) and not _is_comment(el):
            if el.text and el.text.strip():
                out.append((pos, el.text, el))
                pos += len(el.text) + 1
            stack.extend((child, False) for child in reversed(el))
    return out


def visible_dates(tree, runs: Optional[list] = None) -> set[str]:
    """Every date written out in the page's visible text (ISO or English month names).

    A machine timestamp printed as text ("2025-01-02T10:00:00") is markup a theme
    left in, not a date a reader is shown.
    """
    out: set[str] = set()
    for _, chunk, _el in (text_runs(tree) if runs is None else runs):
        if any(ch.isdigit() for ch in chunk) and not _MACHINE_STAMP.search(chunk):
            out.update(dates_in(chunk))
    return out


def markup_split(f: PageFacts) -> tuple[list[str], list[str]]:
    """The markup's publication dates and its modification dates, each in order of trust."""
    published: list[str] = []
    modified: list[str] = []
    for o in article_objects(f) + f.jsonld:
        for key in ("datePublished", "dateCreated", "dateModified"):
            v = o.get(key)
            if isinstance(v, str) and parse_date(v):
                (modified if key == "dateModified" else published).append(parse_date(v))
    for keys, out in ((_DATE_META, published), (_MODIFIED_META, modified)):
        for key in keys:
            v = f.meta.get(key)
            if v and parse_date(v):
                out.append(parse_date(v))
    published += [parse_date(v.lstrip("~")) for v in f.time_published if parse_date(v.lstrip("~"))]
    return list(dict.fromkeys(published)), list(dict.fromkeys(modified))


def markup_dates(f: PageFacts) -> list[str]:
    """Dates the markup states (published first, then modified), in order of trust.

    Modification dates count only beside a publication date: markup that records when a
    page was last changed but never when it was published (cost guides, directory pages
    rebuilt on a schedule) states no publication date.
    """
    published, modified = markup_split(f)
    return list(dict.fromkeys(published + modified)) if published else []


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def headline_span(runs: list[tuple[int, str, Any]], tree, title: Optional[str]) -> Optional[tuple[int, int]]:
    """Where the article's headline sits in ``runs``: the ``<h1>`` that agrees with the title,
    else a text node that is the title itself; None when neither is found."""
    if tree is None or not title:
        return None
    heads = [h for h in tree.iter("h1") if _similar(_text(h), title)]
    # a sticky site header may repeat the headline: the one inside <article>/<main> is the article's
    heads.sort(key=lambda h: not any(a.tag in ("article", "main") for a in h.iterancestors()))
    for h in heads:
        inside = set(h.iter())
        hits = [r for r in runs if r[2] in inside]
        if hits:
            return hits[0][0], hits[-1][0] + len(hits[-1][1])
    key = _words(title)
    for pos, text, _el in runs:
        if key and _words(text) == key:
            return pos, pos + len(text)
    return None


HEADER_AFTER = 400   # characters of visible text after the headline that belong to its header
HEADER_BEFORE = 100  # ... and before it (kicker, "Back to all articles  March 3, 2031")
_DATE_LINE_CHARS = 80  # a dateline or byline; a longer text node is a sentence of the article


def _resolve(readings: tuple[str, ...], el, markup: list[str], guess: Optional[str],
             month_first: Optional[bool]) -> Optional[str]:
    """One date out of the readings of a written date ("03/04/2031" reads two ways).

    The element's own ``datetime`` decides, then the markup's dates, then the extractor's
    guess, then the page language (month first in US English, day first elsewhere); with
    none of these (no language declared) the date is left unread rather than guessed.
    """
    if len(readings) == 1:
        return readings[0]
    for node in [el, *el.iterancestors()][:3]:
        for attr in ("datetime", "content"):
            d = parse_date(node.get(attr) or "")
            if d in readings:
                return d
    for d in [*markup, (guess or "")[:10]]:
        if d in readings:
            return d
    if month_first is None:
        return None
    return readings[0] if month_first else readings[-1]


_PUBLISHED_LABEL = re.compile(r"\b(?:published|posted)\b\W{0,3}(?:on\s+|in\s+)?", re.I)
_LABEL_BEFORE = re.compile(r"\b(?:published|posted)\b\W{0,3}(?:on|in)?\s*$", re.I)
_MONTH_YEAR = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b", re.I)


def dateline_date(chunk: str, el, markup: list[str], month_first: Optional[bool], guess: Optional[str] = None,
                  prefix: str = "") -> tuple[Optional[str], bool]:
    """The publication date a dateline states, and whether a label says it is the publication.

    "Published May 2, 2031 · Updated May 3, 2031": the date after a "Published"/"Posted"
    label (in the line or just before it, ``prefix``) wins, else the first date written. A
    dateline that gives the publication only to the month ("Originally published in March
    2031. Last updated ...") states no publication day: None, rather than the update.
    """
    dates = written_dates(chunk)
    if not dates:
        return None, False
    label = _PUBLISHED_LABEL.search(chunk)
    if label:
        after = [readings for start, readings in dates if start == label.end()]
        if after:
            return _resolve(after[0], el, markup, guess, month_first), True
        if _MONTH_YEAR.match(chunk, label.end()):
            return None, False
    labelled = dates[0][0] == 0 and bool(_LABEL_BEFORE.search(prefix))
    return _resolve(dates[0][1], el, markup, guess, month_first), labelled


def _month_first(lang: Optional[str]) -> Optional[bool]:
    """How a page writes d/m/y dates, from its declared language: None when it declares none."""
    if not lang:
        return None
    lang = lang.lower().replace("_", "-")
    return lang in ("en", "en-us")


def _joined(runs: list[tuple[int, str, Any]]) -> list[tuple[int, str, Any]]:
    """Consecutive text nodes of one element joined: a sentence that HTML comments cut into
    pieces (``valid until<!-- --> 01/23/2031<!-- -->.``) is one line, not a short dateline."""
    out: list[tuple[int, str, Any]] = []
    for pos, text, el in runs:
        if out and out[-1][2] is el:
            out[-1] = (out[-1][0], out[-1][1] + " " + text, el)
        else:
            out.append((pos, text, el))
    return out


def header_date(runs: list[tuple[int, str, Any]], tree, title: Optional[str], markup: list[str],
                lang: Optional[str] = None, guess: Optional[str] = None) -> Optional[str]:
    """The date written next to the headline (the dateline under it or the kicker above it).

    That is where a news page states its date to the reader; dates further down belong to
    the text, related-article lists or the footer. Only short text nodes count (a byline or
    a dateline, not a sentence that mentions a date). A date labelled "Published"/"Posted"
    wins over the others ("Updated ..."); then the nearest one, text above the headline
    counting double distance (the masthead there may show today's date).
    """
    span = headline_span(runs, tree, title)
    if span is None:
        return None
    month_first = _month_first(lang)
    found_at: list[tuple[bool, int, str]] = []
    prev = ""
    for pos, text, el in _joined(runs):
        if pos + len(text) < span[0] - HEADER_BEFORE:
            continue
        if pos > span[1] + HEADER_AFTER:
            break
        chunk = " ".join(text.split())
        prefix, prev = prev, chunk
        if len(chunk) > _DATE_LINE_CHARS or not any(c.isdigit() for c in chunk) or _MACHINE_STAMP.search(chunk):
            continue
        d, published = dateline_date(chunk, el, markup, month_first, guess, prefix)
        if not d:
            continue
        if pos >= span[1]:
            found_at.append((not published, pos - span[1], d))
        elif pos + len(text) <= span[0]:
            found_at.append((not published, 2 * (span[0] - pos - len(text)) + 1, d))
    return min(found_at)[2] if found_at else None


def stated_date(tree, f: PageFacts, guess: Optional[str], trust_markup: bool = True,
                title: Optional[str] = None) -> Optional[str]:
    """A date the page states: the one next to its headline; else the extractor's ``guess``
    or a markup date when written somewhere on the page; else (``trust_markup``) the
    article's machine-written publication timestamp."""
    runs = text_runs(tree)
    markup = markup_dates(f)
    near = header_date(runs, tree, title, markup, f.lang_tag, guess)
    if near:
        return near
    shown = visible_dates(tree, runs)
    # a markup date written on the page is two sources agreeing; the extractor's guess may
    # come from a list of other articles (or read "09.10.2031" day first)
    for d in markup:
        if d in shown:
            return d
    # the extractor's guess may be such a lone modification date: not a publication date
    if guess and guess[:10] in shown and (markup or guess[:10] not in markup_split(f)[1]):
        return guess[:10]
    if trust_markup:
        # Nothing visible: trust an article's machine-written publication timestamp. A bare
        # date without a time of day is too often a template or sitemap date to be trusted.
        # A lone structured-data timestamp is believed unless the record was rewritten long
        # after (dateModified more than a month later): a page re-edited months or years on
        # that shows the reader no date is an evergreen page (a guide, a ranking), and its
        # first timestamp is not a date the page stands by - unless a publication meta tag
        # repeats it. Corrections in the days after publication are ordinary news practice.
        meta_pub = {parse_date(v) for k, v in f.meta.items() if k in _DATE_META}
        for o in article_objects(f):
            v, mod = o.get("datePublished"), o.get("dateModified")
            published = parse_date(v) if isinstance(v, str) and _HAS_TIME.search(v) else None
            if published and (published in meta_pub or not _rewritten_later(published, mod)):
                return published
        v = f.meta.get("article:published_time")
        if v and _HAS_TIME.search(v) and parse_date(v):
            return parse_date(v)
        # a meta tag the site names as the publication date ("published", "publish-date"):
        # written for this purpose, so a bare date counts
        for key, v in f.meta.items():
            if _PUBLICATION_META.search(key) and not _NOT_PUBLICATION_META.search(key) and parse_date(v):
                return parse_date(v)
    return None


EVERGREEN_DAYS = 31


def _rewritten_later(published: str, modified: Any) -> bool:
    """Whether a record modified on ``modified`` was rewritten over a month after ``published``."""
    m = parse_date(modified) if isinstance(modified, str) else None
    return bool(m) and (_date.fromisoformat(m) - _date.fromisoformat(published)).days > EVERGREEN_DAYS


_PUBLICATION_META = re.compile(r"publish|pub[-_.]?date")
_NOT_PUBLICATION_META = re.compile(r"publisher|publishing|last|modif|updat")


_HAS_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}")
