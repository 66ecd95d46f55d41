"""Bytes to text: UTF-8 (with or without a BOM), UTF-16 with a BOM, or Windows-1252 when the
bytes are unambiguously that; anything else is refused, so no mojibake reaches the graph.

>>> decode("the ministry’s café".encode("cp1252"), "a.txt")
('the ministry’s café', 'a.txt: not UTF-8; read as Windows-1252')
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
    text = _windows_1252(raw)
    if text is None:
        raise InputError(f"{path}: not UTF-8 ({problem}), and not clearly Windows-1252 text either; "
                         "save it as UTF-8")
    return _text(text, path), f"{path}: not UTF-8; read as Windows-1252"


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
