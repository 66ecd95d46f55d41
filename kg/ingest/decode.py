"""Bytes to text: UTF-8 (with or without a BOM), UTF-16 with a BOM, the charset a page declares
(``<meta charset>``, ``http-equiv`` or an XML declaration) when the bytes are not UTF-8, or
Windows-1252 when the bytes are unambiguously that; anything else is refused, so no mojibake
reaches the graph.

>>> decode("the ministry’s café".encode("cp1252"), "a.txt")
('the ministry’s café', 'a.txt: not UTF-8; read as Windows-1252')
>>> decode('<meta charset="koi8-r"><p>Москва</p>'.encode("koi8-r"), "a.html")
('<meta charset="koi8-r"><p>Москва</p>', 'a.html: not UTF-8; read as koi8-r, the charset it declares')
>>> decode(b"\\xff\\xfeh\\x00i\\x00", "a.txt")
('hi', None)
"""
from __future__ import annotations

import codecs
import re

from ..errors import InputError

# Characters a Windows-1252 news text plausibly holds besides letters: typographic quotes,
# dashes, the ellipsis, currency, degree, section and similar signs.
_CP1252_PUNCTUATION = set("‘’‚“”„–—…•€£¥¢°±×÷·«»§¶©®™†‡‰′″¡¿ \u00a0\u00ad")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# A page's own word on its charset, looked for in its first 1,024 bytes as browsers do:
# <meta charset="...">, <meta http-equiv="Content-Type" content="text/html; charset=...">,
# or <?xml ... encoding="..."?>.
_DECLARED = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
                       rb"""|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def decode(raw: bytes, path: str) -> tuple[str, str | None]:
    """The text of ``raw`` and a warning when it was not UTF-8; an :class:`InputError` when the
    bytes are not text or their encoding cannot be told."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return _text(raw.decode(codec), path), None
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}: starts with a {codec.upper()} byte order mark but is not "
                                 f"{codec.upper()} (byte {exc.start})") from exc
    if b"\x00" in raw:
        raise InputError(f"{path}: binary, not text (NUL byte at {raw.index(0)})")
    try:
        return _text(raw.decode("utf-8"), path), None
    except UnicodeDecodeError as exc:
        problem = f"byte {exc.start}: {raw[exc.start:exc.start + 1]!r}"
    declared = _declared(raw, path)
    if declared:
        text, name = declared
        return _text(text, path), f"{path}: not UTF-8; read as {name}, the charset it declares"
    text = _windows_1252(raw)
    if text is None:
        raise InputError(f"{path}: not UTF-8 ({problem}), and not clearly Windows-1252 text either; "
                         "save it as UTF-8")
    return _text(text, path), f"{path}: not UTF-8; read as Windows-1252"


def _declared(raw: bytes, path: str) -> tuple[str, str] | None:
    """``raw`` read in the charset it declares, and that charset's name; None when it declares
    none, or UTF-8 or UTF-16 (the bytes have just shown they are not that). An
    :class:`InputError` when Python does not know the charset or the bytes are not in it."""
    m = _DECLARED.search(raw[:1024])
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii")
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise InputError(f"{path}: declares the charset {name!r}, which is not known; save it as UTF-8") from None
    if codec.startswith(("utf-8", "utf-16", "utf-32")):
        return None
    try:
        return raw.decode(codec), name
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: declares the charset {name!r} but is not in it "
                         f"(byte {exc.start}: {raw[exc.start:exc.start + 1]!r})") from None


def _text(text: str, path: str) -> str:
    """``text`` with a stray control character (a word processor's line break) made a space;
    more than one in a hundred characters is the mark of a binary file."""
    controls = len(_CONTROL.findall(text))
    if controls * 100 > len(text):
        raise InputError(f"{path}: binary, not text ({controls} control characters in {len(text)})")
    return _CONTROL.sub(" ", text) if controls else text


def _windows_1252(raw: bytes) -> str | None:
    """``raw`` read as Windows-1252 when every non-ASCII character it gives is a letter or
    common punctuation, and letters outnumber them: that is text, not a guess."""
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D are not Windows-1252
        return None
    others = [c for c in text if ord(c) > 127]
    if any(not (c.isalpha() or c in _CP1252_PUNCTUATION) for c in others):
        return None
    letters = sum(1 for c in text if c.isascii() and c.isalpha())
    return text if letters >= 4 * len(others) else None
