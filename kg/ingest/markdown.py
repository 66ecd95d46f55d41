"""Markdown articles: front matter allowed, the markup taken off, the text kept readable.

Headings, emphasis, code marks, quote marks and list bullets go; a link keeps its text, an
image goes whole; a paragraph wrapped over several lines becomes one line. A first
``# Heading`` is the title when the front matter gives none.

>>> to_text("# Troops moved\\n\\nThe **ministry** said [on Monday](https://x.org/a)\\nthat ![map](m.png)troops moved.")
('Troops moved', 'The ministry said on Monday that troops moved.')
"""
from __future__ import annotations

import re

from ..model import Article
from .article import MAX_SIZE, assemble, split_front_matter

_IMAGE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])")
_LINK = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_EMPHASIS = (re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1"),
             re.compile(r"(?<![\w*])(\*)(?=\S)(.+?)(?<=\S)\*(?![\w*])"),
             re.compile(r"(?<![\w_])(_)(?=\S)(.+?)(?<=\S)_(?![\w_])"),
             re.compile(r"(`+)(.+?)\1"))
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_HEADING = re.compile(r"\A(#{1,6})\s+(.*?)(?:\s+#+)?\s*\Z")
_RULE = re.compile(r"\A\s*(?:[-*_=]\s*){3,}\Z")
_FENCE = re.compile(r"\A\s*(?:```|~~~)")
_REFERENCE = re.compile(r"\A\s{0,3}\[[^\]]+\]:\s+\S")
_BULLET = re.compile(r"\A\s*(?:[-*+]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"\A\s*(?:>\s?)+")


def parse_markdown(text: str, path: str, sha256: str, max_size: int = MAX_SIZE) -> Article:
    """A Markdown article file."""
    meta, body = split_front_matter(text, path)
    title, story = to_text(body)
    if title and "title" not in meta:
        meta["title"] = title
    return assemble(meta, story, path, sha256=sha256, max_size=max_size)


def to_text(markdown: str) -> tuple[str | None, str]:
    """The first level-one heading (or ``None``) and the text, one paragraph per line."""
    title, paragraphs, current = None, [], []

    def close():
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for line in markdown.splitlines():
        if _FENCE.match(line) or _REFERENCE.match(line) or _RULE.match(line) or not line.strip():
            close()
            continue
        line = _QUOTE.sub("", line)
        heading = _HEADING.match(line.strip())
        if heading:
            close()
            words = _inline(heading.group(2))
            if title is None and heading.group(1) == "#" and not paragraphs:
                title = words
            elif words:
                paragraphs.append(words)
            continue
        if _BULLET.match(line):
            close()
            line = _BULLET.sub("", line)
        words = _inline(line)
        if words:
            current.append(words)
    close()
    return title, "\n".join(paragraphs)


def _inline(line: str) -> str:
    """``line`` without inline markup."""
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _TAG.sub("", line)
    for pattern in _EMPHASIS:
        line = pattern.sub(r"\2", line)
    line = _ESCAPE.sub(r"\1", line)
    return " ".join(line.split())
