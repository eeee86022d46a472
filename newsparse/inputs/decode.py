"""Bytes to text: detect binary files, honour BOMs and declared charsets, else detect."""
from __future__ import annotations

import codecs
import re
from typing import Iterator, Optional

from newsparse.errors import InputError

# File signatures; the short ones are patterns so that text which merely starts with "RIFF" or
# "ID3" is not mistaken for a binary.
_MAGIC: list[tuple[bytes | re.Pattern[bytes], str]] = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (re.compile(rb"BZh[1-9]1AY&SY"), "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (re.compile(rb"RIFF....(WAVE|AVI |WEBP)", re.S), "a media file"),
    (b"\x00\x00\x00\x18ftyp", "a video file"),
    (b"\x00\x00\x00\x1cftyp", "a video file"),
    (b"\x00\x00\x00\x20ftyp", "a video file"),
    (re.compile(rb"ID3[\x02-\x04]\x00"), "an MP3 file"),
    (b"OggS", "an Ogg media file"),
    (b"wOFF", "a font file"),
    (b"\xd0\xcf\x11\xe0", "an Office document"),
]

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.I)


def binary_kind(data: bytes) -> Optional[str]:
    """Name the kind of a binary (non-text) payload, or None if it looks like text."""
    head = data[:8192]
    for magic, kind in _MAGIC:
        if head.startswith(magic) if isinstance(magic, bytes) else magic.match(head):
            return kind
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if _utf16_guess(head):
        return None
    nuls = head.count(0)
    if nuls > max(2, len(head) // 100):
        return "a binary file"
    control = sum(1 for b in head if b < 9 or (13 < b < 32 and b != 27))
    if head and (control - nuls) / len(head) > 0.05:
        return "a binary file"
    return None


def _utf16_guess(data: bytes) -> Optional[str]:
    """UTF-16 without a BOM: NULs at (nearly) every other byte, as in ASCII-range text."""
    head = data[:4096]
    half = max(1, len(head) // 2)
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _valid_codec(name: Optional[str]) -> Optional[str]:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: Optional[str] = None, name: str = "input") -> tuple[str, str]:
    """Decode ``data`` to text; returns ``(text, encoding)``. Binary payloads are an InputError."""
    kind = binary_kind(data)
    if kind:
        raise InputError(f"{name}: looks like {kind}, not an article (HTML or text)")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), enc
    utf16 = _utf16_guess(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = [_valid_codec(declared)]
    m = _META_CHARSET.search(data[:4096])
    if m:
        candidates.append(_valid_codec(m.group(1).decode("ascii", "ignore")))
    for enc in candidates:
        if enc and enc not in ("utf-8",):
            try:
                return data.decode(enc), enc
            except (UnicodeDecodeError, LookupError):
                continue
    if _UTF8_MULTIBYTE.search(data):
        # Valid UTF-8 next to invalid bytes: text pasted together from two sources.
        return _decode_mixed(data), "mixed"
    high = sum(1 for b in data[:200_000] if b >= 0x80)
    if high <= 0.3 * min(len(data), 200_000):
        # Mostly ASCII with a few high bytes: a Western legacy page. cp1252 is a superset of
        # latin-1's printable range; statistical detectors guess exotic code pages on such text.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, errors="replace"), best.encoding
    except Exception:  # detection is best-effort  # noqa: BLE001
        pass
    return data.decode("cp1252", errors="replace"), "cp1252"


def _cp1252_for_invalid(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read the bytes that are not UTF-8 as cp1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return bytes(bad).decode("cp1252", errors="replace"), exc.end


codecs.register_error("newsparse-cp1252", _cp1252_for_invalid)


def _decode_mixed(data: bytes) -> str:
    """UTF-8 where the bytes are UTF-8, cp1252 for the rest (linear time)."""
    return data.decode("utf-8", errors="newsparse-cp1252")


_HTML_SNIFF = re.compile(
    r"<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>|div[\s>]|p[\s>]|article[\s>]|script[\s>]|span[\s>]|a\s+href|br\s*/?>|table[\s>]|!--)",
    re.I,
)


def looks_like_html(text: str) -> bool:
    """Recognise HTML by content: a document-level tag near the start, or many tags overall."""
    head = text[:2048].lstrip()
    if head.startswith("<") and _HTML_SNIFF.match(head):
        return True
    if _HTML_SNIFF.search(head[:1024]) and re.search(r"</(p|div|html|body|span|a)>", text[:20000], re.I):
        return True
    sample = text[:20000]
    tags = len(re.findall(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?>", sample))
    return tags >= 10 and tags * 20 > len(sample.split())


# ---------------------------------------------------------------- pathological nesting

_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr basefont bgsound frame keygen".split()
)
_TAG = re.compile(r"<!--|<(?P<close>/)?(?P<name>[a-zA-Z][a-zA-Z0-9:-]*)(?P<attrs>[^<>]*?)(?P<self>/)?>")
_RAW = frozenset(("script", "style", "textarea", "title", "xmp", "plaintext"))
_BLOCK = frozenset("p div section article blockquote li ul ol table tr td h1 h2 h3 h4 h5 h6 pre figure".split())


def _tags(html: str) -> Iterator[re.Match[str]]:
    """Element tags in order, skipping comments and the insides of script/style (linear time)."""
    lower: Optional[str] = None
    pos = 0
    n = len(html)
    while pos < n:
        m = _TAG.search(html, pos)
        if m is None:
            return
        if m.group(0) == "<!--":
            end = html.find("-->", m.end())
            if end == -1:
                return
            pos = end + 3
            continue
        yield m
        pos = m.end()
        name = m.group("name").lower()
        if name in _RAW and not m.group("close") and not m.group("self"):
            if lower is None:
                lower = html.lower()
            end = lower.find("</" + name, pos)
            if end == -1:
                return
            pos = end


def html_depth(html: str) -> int:
    """Deepest element nesting, counted like a forgiving parser (void and self-closed tags add none)."""
    depth = deepest = 0
    stack: list[str] = []
    for m in _tags(html):
        name = m.group("name")
        name = name.lower()
        if m.group("close"):
            if name in stack:
                while stack:
                    depth -= 1
                    if stack.pop() == name:
                        break
        elif name not in _VOID and not m.group("self"):
            stack.append(name)
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def flatten_deep_html(html: str, max_depth: int) -> tuple[str, int]:
    """Drop element tags nested deeper than ``max_depth`` so no text is lost to parser limits.

    libxml2 silently discards everything below 256 levels; this keeps the text of the deep
    part (block ends become ``<br>`` so paragraphs stay apart). Returns ``(html, depth)``
    where ``depth`` is the original deepest nesting; html is unchanged when within the limit.
    """
    if html.count("<") <= max_depth:
        return html, 0
    depth = html_depth(html)
    if depth <= max_depth:
        return html, depth
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag name, kept?)
    kept_depth = 0
    pos = 0
    for m in _tags(html):
        name = m.group("name")
        name = name.lower()
        out.append(html[pos : m.start()])
        pos = m.end()
        tag = m.group(0)
        if m.group("close"):
            if not any(n == name for n, _ in stack):
                out.append(tag)  # stray close tag: leave it to the parser
                continue
            while stack:
                n, kept = stack.pop()
                if kept:
                    kept_depth -= 1
                if n == name:
                    if kept:
                        out.append(tag)
                    elif name in _BLOCK:
                        out.append("<br>")
                    break
        elif name in _VOID or m.group("self"):
            out.append(tag)
        else:
            keep = kept_depth < max_depth
            stack.append((name, keep))
            if keep:
                kept_depth += 1
                out.append(tag)
    out.append(html[pos:])
    return "".join(out), depth
