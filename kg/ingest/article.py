"""One article's metadata: front matter, checks, and what is inferred from the text.

Every reader (plain text, Markdown, HTML, JSON Lines) ends here: it hands over the metadata it
found and the story text, and :func:`assemble` checks the one and infers the rest from the
other. What is missing is inferred and listed in ``Article.inferred``: the language from its
function words, the publisher and dateline from a dateline opening ("KYIV, KOMPAS.com - ",
"SEOUL, Oct 18 (Reuters) - "), the publication date from the latest absolute date in the
text (or left unknown).

>>> a = parse_article("KYIV, EXAMPLE.com - The troops were sent on November 12, 2024, officials said.", "x.txt")
>>> a.language, a.publisher, a.dateline, str(a.published), sorted(a.inferred)
('en', 'Example.com', 'Kyiv', '2024-11-12', ['dateline', 'language', 'published', 'publisher'])
"""
from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from pathlib import Path

import yaml

from .. import lexicon
from ..errors import InputError
from ..extract.segment import furniture
from ..extract.times import find_times, latest_day
from ..model import Article

FIELDS = ("title", "url", "publisher", "published", "language", "dateline")
MAX_SIZE = 256 * 1024
"""The most text one article may have, in bytes of UTF-8: extraction time grows faster than
the text (128 KB take about 45 s), and no news story comes near it."""
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_URL = re.compile(r"\Ahttps?://[^\s<>\"{}|\\^`]+\Z")
# "KYIV, KOMPAS.com - " / "SEOUL, Oct 18 (Reuters) - " / "SEOUL (AP) — " / "BRUSSELS, Oct 28 - " /
# "Jakarta - "
_WEB_NAME = r"[A-Za-z][\w.]*\.(?i:com|co\.id|id|net|org|co)"  # "Example.com", "EXAMPLE.CO"
_DATELINE = re.compile(
    r"\A\s*(?:(?P<first>" + _WEB_NAME + r"),\s*)?"  # "TEMPO.CO, Jakarta - …", "Liputan6.com, Jakarta - …"
    r"(?P<place>[A-Z][A-Za-z .'/-]{1,40}?)\s*"  # ("SEOUL/MOSCOW, …": two places)
    r"(?:,\s*(?P<outlet>" + _WEB_NAME + r")"
    r"|,\s*(?P<named>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})(?=\s*--\s)"  # "Jakarta, CNN Indonesia -- …"
    r"|(?:,[^()\n-]{0,20})?\((?P<wire>[A-Za-z][\w .]{1,30})\)"
    r"|(?<=[A-Za-z])(?:,\s*[A-Z][a-z]{2,4}\.? \d{1,2})?(?=\s*[-–—]+\s))"
    r"\s*[-–—]+\s*"
)


#: Spaces of other widths, as web pages write them ("North\u00a0Korean", "10,000\u202fsoldiers"),
#: read as the plain space every word list and pattern expects.
_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
                                      " "))


def parse_article(text: str, path: str, sha256: str = "", max_size: int = MAX_SIZE) -> Article:
    """A plain-text article: an optional front matter block, then the story."""
    _check_unicode(text, path)
    meta, body = split_front_matter(text, path)
    return assemble(meta, body, path, sha256=sha256 or _sha256(text), max_size=max_size)


def _check_unicode(text: str, path: str) -> None:
    """Refuse text that cannot be written as UTF-8 (a lone surrogate, e.g. from a JSON escape).

    >>> _check_unicode("ok " + chr(0xD800), "x.jsonl:3")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: x.jsonl:3: not valid Unicode text (a lone surrogate at character 3)
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"{path}: not valid Unicode text (a lone surrogate at character {exc.start})") from None


def split_front_matter(text: str, path: str) -> tuple[dict, str]:
    """The checked front matter fields of ``text`` and the text after them."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    try:
        meta = yaml.load(m.group(1), Loader=_FrontMatterLoader) or {}
    except yaml.YAMLError as exc:
        problem = " ".join(str(exc).split())
        raise InputError(f"{path}: front matter is not valid YAML (it is data, never code): {problem}") from exc
    except ValueError as exc:  # a date-shaped value that is no date: "published: 2024-02-31"
        raise InputError(f"{path}: front matter has an impossible date: {exc}") from exc
    if not isinstance(meta, dict):
        raise InputError(f"{path}: front matter must be 'key: value' lines, not a {type(meta).__name__}")
    return check_fields(meta, f"{path}: front matter"), text[m.end():]


def check_fields(meta: dict, where: str) -> dict:
    """``meta`` checked: known fields only, text values, a real date, a web URL, a known language."""
    unknown = sorted(set(map(str, meta)) - set(FIELDS))
    if unknown:
        raise InputError(f"{where}: unknown field(s) {', '.join(unknown)}; known: {', '.join(FIELDS)}")
    clean = {}
    for key, value in meta.items():
        if value is None or value == "":
            continue
        if key == "published":
            clean[key] = _as_date(value, where)
            continue
        if isinstance(value, (list, dict, bool)):
            raise InputError(f"{where}: '{key}' must be text, not a {type(value).__name__}")
        clean[key] = " ".join(str(value).split())
    if "url" in clean and not _URL.match(clean["url"]):
        raise InputError(f"{where}: 'url: {clean['url']}' is not a web address (http:// or https://)")
    if "language" in clean and clean["language"] not in lexicon.available():
        raise InputError(f"{where}: unknown language {clean['language']!r}; "
                         f"available: {', '.join(lexicon.available())}")
    return clean


def assemble(meta: dict, body: str, path: str, *, sha256: str, article_id: str | None = None,
             max_size: int = MAX_SIZE) -> Article:
    """The article of checked metadata ``meta`` and story ``body``, the rest inferred."""
    _check_unicode(body, path)
    if not body.strip():
        raise InputError(f"{path}: the article has no text")
    size = len(body.encode("utf-8"))
    if size > max_size:
        raise InputError(f"{path}: the text is {format_size(size)}, more than the {format_size(max_size)} "
                         "an article may have (--max-size)")
    body = body.translate(_SPACES)  # one character for another: every span still points where it did
    inferred = set()
    language = meta.get("language")
    if not language:
        language = detect_language(body, path)
        inferred.add("language")
    lex = lexicon.load(language)
    publisher, dateline = meta.get("publisher"), meta.get("dateline")
    opening, opened_at = _dateline(body)
    outlet = _outlet_in(opening)
    body_start = opened_at + opening.end() if opening else 0
    if opening:
        if not dateline:
            dateline = opening.group("place").strip().title()
            inferred.add("dateline")
        if not publisher:
            publisher = _outlet_name(outlet)
            if publisher:
                inferred.add("publisher")
    published = meta.get("published")
    if published is None:
        story = body
        for item in furniture(body, lex, body_start, meta.get("title")):
            if item.kind in ("caption", "credit", "related", "promo", "headline"):  # an old photo's date is not the story's
                story = story[:item.span.start] + " " * (item.span.end - item.span.start) + story[item.span.end:]
        published = latest_day(find_times(story, lex))
        if published is not None:
            inferred.add("published")
    return Article(
        id=re.sub(r"[^A-Za-z0-9_.-]+", "-", article_id or Path(path).stem).strip("-") or "article",
        path=path,
        text=body,
        language=language,
        title=meta.get("title"),
        url=meta.get("url"),
        publisher=publisher,
        published=published,
        dateline=dateline,
        inferred=frozenset(inferred),
        body_start=body_start,
        sha256=sha256,
    )


def _dateline(body: str) -> tuple[re.Match | None, int]:
    """The dateline opening the story ("SEOUL, Oct 18 (Reuters) - "), and where its line
    starts: the first line, or one after a few header lines (a headline written again, an
    update note: short, and not ending as a sentence does).

    >>> m, at = _dateline("UPDATE 1-Troops arrive\\n(Adds detail)\\nSEOUL (AP) - Troops arrived.")
    >>> m.group("wire"), at
    ('AP', 37)
    """
    at = 0
    for _ in range(4):
        opening = _DATELINE.match(body[at:])
        place = opening.group("place").strip() if opening else ""
        # a dateline names an outlet, or a place in capitals or of one word (not "North Korean troops - some …")
        if opening and (_outlet_in(opening) or place.isupper() or " " not in place):
            return opening, at
        end = body.find("\n", at)
        header = body[at:end].strip() if end >= 0 else ""
        if not header or len(header.split()) > 25 or header.endswith((".", "!", "?", '"', "”")):
            break
        at = end + 1
    return None, 0


def _outlet_in(opening: re.Match | None) -> str | None:
    """The outlet a dateline names ("KOMPAS.com", "Reuters"), if it names one."""
    return opening and (opening.group("first") or opening.group("outlet") or opening.group("named")
                        or opening.group("wire"))


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


class _FrontMatterLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML's safe loader (no tags that build objects) that also refuses a field given twice;
    libyaml's when PyYAML has it, which reads front matter seven times faster."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, (str, int, float, bool, date)):
                continue  # the safe loader refuses it below
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"field {key!r} is given twice",
                                                        key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _as_date(value, where: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError as exc:
        raise InputError(f"{where}: 'published: {value}' is not a date (YYYY-MM-DD)") from exc


def format_size(n: int) -> str:
    """Bytes for people: ``format_size(262144) == "256 KB"``, ``format_size(100) == "100 bytes"``."""
    if n >= 2**20:
        return f"{n / 2**20:.3g} MB"
    return f"{n / 2**10:.3g} KB" if n >= 10 * 2**10 else f"{n} bytes"


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _outlet_name(written: str | None) -> str | None:
    """'EXAMPLE.com' -> 'Example.com', 'TEMPO.CO' -> 'Tempo.co'; 'Reuters' stays."""
    if not written:
        return None
    name, dot, rest = written.strip().partition(".")
    return (name.capitalize() if name.isupper() else name) + dot + (rest.lower() if rest.isupper() else rest)
