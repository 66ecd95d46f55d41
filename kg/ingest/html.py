"""Web pages saved from a browser: the main text and the page's metadata, by trafilatura.

Navigation, comments, related links and other page furniture are left out. The title,
canonical URL (or ``og:url``), site name and publication date come from the page's markup;
nothing is fetched from the network (trafilatura is given the page's text, never a URL).
"""
from __future__ import annotations

import logging
from datetime import date

from ..errors import InputError
from ..model import Article
from .article import MAX_SIZE, assemble, check_fields

_MARKS = ("<!doctype html", "<html")


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is a web page, whatever its file name says.

    >>> looks_like_html("  <!DOCTYPE html><html>"), looks_like_html("Kyiv - <html> is a tag")
    (True, False)
    """
    return text.lstrip()[:200].lower().startswith(_MARKS)


def parse_html(text: str, path: str, sha256: str, max_size: int = MAX_SIZE) -> Article:
    """The article of a saved web page; an :class:`InputError` when it has no main text."""
    import trafilatura  # slow to import: only when a page is read

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its messages name no file
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    doc = trafilatura.bare_extraction(
        text, with_metadata=True, favor_precision=True, include_comments=False, include_tables=False, include_images=False,
        include_links=False, deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True})
    body = (getattr(doc, "text", None) or "").strip()
    if not body:
        raise InputError(f"{path}: no main text found in the HTML page")
    headline, _, rest = body.partition("\n")
    if doc.title and headline.strip() == doc.title.strip() and rest.strip():
        body = rest.strip()  # the headline is the title, not the story's first paragraph
    meta = {"title": doc.title, "publisher": doc.sitename, "published": _day(doc.date),
            "url": doc.url if (doc.url or "").startswith(("http://", "https://")) else None}
    try:
        meta = check_fields(meta, f"{path}: page metadata")
    except InputError:  # a page's own odd URL is dropped, not a reason to lose the story
        meta = check_fields({**meta, "url": None}, f"{path}: page metadata")
    return assemble(meta, body, path, sha256=sha256, max_size=max_size)


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
