"""Bytes to text: detect binary files, honour BOMs and declared charsets, else detect."""
from __future__ import annotations

import codecs
import re
from typing import Optional

from newsparse.errors import InputError

_MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a media file"),
    (b"\x00\x00\x00\x18ftyp", "a video file"),
    (b"\x00\x00\x00\x1cftyp", "a video file"),
    (b"\x00\x00\x00\x20ftyp", "a video file"),
    (b"ID3", "an MP3 file"),
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

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.I)


def binary_kind(data: bytes) -> Optional[str]:
    """Name the kind of a binary (non-text) payload, or None if it looks like text."""
    head = data[:8192]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in head:
        # UTF-16 without a BOM: NULs at every other byte of ASCII text
        even = head[0::2].count(0)
        odd = head[1::2].count(0)
        half = max(1, len(head) // 2)
        if (odd > 0.3 * half and even < 0.05 * half) or (even > 0.3 * half and odd < 0.05 * half):
            return None
        return "a binary file"
    control = sum(1 for b in head if b < 9 or (13 < b < 32 and b != 27))
    if head and control / len(head) > 0.05:
        return "a binary file"
    return None


def _utf16_guess(data: bytes) -> Optional[str]:
    head = data[:4096]
    if b"\x00" not in head:
        return None
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    if odd > even:
        return "utf-16-le"
    return "utf-16-be"


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
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, errors="replace"), best.encoding
    except Exception:  # detection is best-effort
        pass
    # Mixed encodings: keep the UTF-8 parts, read the rest as cp1252.
    return _decode_mixed(data), "mixed"


def _decode_mixed(data: bytes) -> str:
    out = []
    i = 0
    while i < len(data):
        try:
            out.append(data[i:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            out.append(data[i : i + exc.start].decode("utf-8"))
            bad = data[i + exc.start : i + exc.end]
            out.append(bad.decode("cp1252", errors="replace"))
            i = i + exc.end
    return "".join(out)


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
