"""Read article files into :class:`~kg.model.Article` records.

An article is a UTF-8 text file with an optional front matter block::

    ---
    title: ...
    url: ...
    publisher: Kompas.com
    published: 2024-11-13
    language: id
    dateline: Kyiv
    ---
    KYIV, KOMPAS.com - ...

Every field is optional. What is missing is inferred from the text and listed in
``Article.inferred``: the language from its function words, the publisher and dateline from
a dateline opening ("KYIV, KOMPAS.com - ", "SEOUL, Oct 18 (Reuters) - "), the publication
date from the latest absolute date in the text (or left unknown).

>>> a = parse_article("KYIV, KOMPAS.com - Pasukan itu telah dikirim ke Rusia pada Selasa (12/11/2024).", "x.txt")
>>> a.language, a.publisher, a.dateline, str(a.published), sorted(a.inferred)
('id', 'Kompas.com', 'Kyiv', '2024-11-12', ['dateline', 'language', 'published', 'publisher'])
"""
from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

import yaml

from . import lexicon
from .errors import InputError
from .extract.segment import furniture
from .extract.times import find_times, latest_day
from .model import Article

FIELDS = ("title", "url", "publisher", "published", "language", "dateline")
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
# "KYIV, KOMPAS.com - " / "SEOUL, Oct 18 (Reuters) - " / "SEOUL (AP) — " / "BRUSSELS, Oct 28 - " /
# "Jakarta - "
_DATELINE = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Za-z .'-]{1,40}?)\s*"
    r"(?:,\s*(?P<outlet>[A-Za-z][\w.]*\.(?:com|co\.id|id|net|org|co))"
    r"|(?:,[^()\n-]{0,20})?\((?P<wire>[A-Za-z][\w .]{1,30})\)"
    r"|(?<=[A-Za-z])(?:,\s*[A-Z][a-z]{2,4}\.? \d{1,2})?(?=\s*[-–—]+\s))"
    r"\s*[-–—]+\s*"
)


def read_article(path: str | Path) -> Article:
    """Read and parse one article file; errors name the file and the problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start}: {raw[exc.start:exc.start+1]!r})") from exc
    return parse_article(text, str(path), sha256=hashlib.sha256(raw).hexdigest())


def parse_article(text: str, path: str, sha256: str = "") -> Article:
    """Parse the text of one article file (front matter, metadata inference)."""
    meta, body = _split_front_matter(text, path)
    if not body.strip():
        raise InputError(f"{path}: the article has no text")
    inferred = set()
    language = meta.get("language")
    if not language:
        language = detect_language(body, path)
        inferred.add("language")
    lex = lexicon.load(language)  # raises a LexiconError naming the available languages
    publisher, dateline = meta.get("publisher"), meta.get("dateline")
    opening = _DATELINE.match(body)
    if opening and not (opening.group("outlet") or opening.group("wire")):
        place = opening.group("place").strip()
        if not (place.isupper() or " " not in place):  # "North Korean troops - some…" is no dateline
            opening = None
    if opening:
        if not dateline:
            dateline = opening.group("place").strip().title()
            inferred.add("dateline")
        if not publisher:
            publisher = _outlet_name(opening.group("outlet") or opening.group("wire"))
            if publisher:
                inferred.add("publisher")
    published = meta.get("published")
    if published is None:
        story = body
        for item in furniture(body, lex, opening.end() if opening else 0):
            if item.kind in ("caption", "credit", "related", "promo"):  # an old photo's date is not the story's
                story = story[:item.span.start] + " " * (item.span.end - item.span.start) + story[item.span.end:]
        published = latest_day(find_times(story, lex))
        if published is not None:
            inferred.add("published")
    stem = Path(path).stem
    return Article(
        id=re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-") or "article",
        path=path,
        text=body,
        language=language,
        title=meta.get("title"),
        url=meta.get("url"),
        publisher=publisher,
        published=published,
        dateline=dateline,
        inferred=frozenset(inferred),
        body_start=opening.end() if opening else 0,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def detect_language(text: str, path: str = "<text>") -> str:
    """The language whose function words are most frequent in ``text``.

    >>> detect_language("The troops said that they were sent to the front.")
    'en'
    """
    words = re.findall(r"[^\W\d_]+", text.casefold())
    scores = {}
    for code in lexicon.available():
        stop = {w.casefold() for w in lexicon.load(code).get("detect.stopwords", [])}
        scores[code] = sum(1 for w in words if w in stop)
    best = max(scores, key=lambda c: (scores[c], c))
    if scores[best] < 2:
        raise InputError(
            f"{path}: cannot tell the language (known: {', '.join(sorted(scores))}); "
            "set 'language:' in the front matter"
        )
    return best


def _split_front_matter(text: str, path: str) -> tuple[dict, str]:
    m = _FRONT.match(text)
    if not m:
        return {}, text
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: front matter is not valid YAML: {exc}") from exc
    if not isinstance(meta, dict):
        raise InputError(f"{path}: front matter must be 'key: value' lines")
    unknown = sorted(set(map(str, meta)) - set(FIELDS))
    if unknown:
        raise InputError(f"{path}: unknown front matter field(s) {', '.join(unknown)}; known: {', '.join(FIELDS)}")
    clean = {}
    for key, value in meta.items():
        if value is None or value == "":
            continue
        if key == "published":
            clean[key] = _as_date(value, path)
        else:
            clean[key] = str(value).strip()
    return clean, text[m.end():]


def _as_date(value, path: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError as exc:
        raise InputError(f"{path}: front matter 'published: {value}' is not a date (YYYY-MM-DD)") from exc


def _outlet_name(written: str | None) -> str | None:
    """'EXAMPLE.com' -> 'Example.com'; 'Reuters' stays."""
    if not written:
        return None
    name, dot, rest = written.strip().partition(".")
    return (name.capitalize() if name.isupper() else name) + dot + rest
