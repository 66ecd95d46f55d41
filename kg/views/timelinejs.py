"""The story as a TimelineJS 3 JSON file, for newsrooms (https://timeline.knightlab.com).

One slide per dated event and statement, grouped by type. A date is only as precise as the
text gives it: a month is written as a year and month, a vague time as a start and an end,
"on or before a day" as that day with its display date saying "by". Undated items cannot be
placed on a TimelineJS axis; the title slide says how many were left out. TimelineJS reads
its ``text`` fields as HTML, so every piece of article text is escaped, and no media is
embedded (media would load from other hosts).

>>> G = nx.MultiDiGraph()
>>> G.add_node("e", kind="event", type="deployment", label="sent <b>", date="2024-10-01",
...            end="2024-10-31", precision="month", factuality="reported")
>>> slide = timelinejs(G)["events"][0]
>>> slide["start_date"], "end_date" in slide, slide["text"]["headline"]
({'year': 2024, 'month': 10}, False, 'sent &lt;b&gt;')
"""
from __future__ import annotations

import hashlib
import html
import json
from datetime import date
from itertools import chain, islice
from pathlib import Path
from typing import Any

import networkx as nx

from kg.views.page import atomic_write, attr, sources
from kg.views.timeline import span_text

ITEM_KINDS = ("event", "statement")


def _date(day: date, precision: str) -> dict[str, int]:
    if precision == "year":
        return {"year": day.year}
    if precision == "month":
        return {"year": day.year, "month": day.month}
    return {"year": day.year, "month": day.month, "day": day.day}


def _when(G: nx.MultiDiGraph, n: str) -> dict[str, Any] | None:
    """start_date, end_date and display_date of an item, or None when it is undated."""
    start, end = attr(G, n, "date"), attr(G, n, "end")
    precision = attr(G, n, "precision")
    if not start and not end:
        return None
    if not start:
        day = date.fromisoformat(end)
        return {"start_date": _date(day, "day"), "display_date": "by " + span_text(day, day)}
    first, last = date.fromisoformat(start), date.fromisoformat(end or start)
    if precision in ("month", "year") and last > first:
        return {"start_date": _date(first, precision)}
    out: dict[str, Any] = {"start_date": _date(first, "day")}
    if last > first:
        out["end_date"] = _date(last, "day")
        out["display_date"] = span_text(first, last)
    return out


def _text(G: nx.MultiDiGraph, n: str, listed: list[dict[str, str]]) -> str:
    """The slide body: source sentence, factuality per source (``listed``, its :func:`sources`),
    speaker and article, as escaped HTML."""
    esc = html.escape
    parts = []
    if attr(G, n, "quote"):
        parts.append(f"<blockquote>{esc(attr(G, n, 'quote'))}</blockquote>")
    elif attr(G, n, "sentence"):
        parts.append(f"<p>{esc(attr(G, n, 'sentence'))}</p>")
    linked = sorted({(d.get("label", ""), attr(G, v, "label")) for _, v, d in G.out_edges(n, data=True)
                     if attr(G, v, "kind") in ("actor", "place")})
    if linked:
        parts.append("<p>" + "; ".join(f"{esc(role.replace('_', ' '))}: {esc(name)}"
                                       for role, name in linked) + "</p>")
    for src in listed:
        said = ", ".join(x for x in (src["factuality"], src["time_text"] and f"“{src['time_text']}”") if x)
        where = " · ".join(x for x in (src["publisher"], src["published"]) if x)
        title = esc(src["article_title"] or src["url"] or "article")
        link = (f'<a href="{esc(src["url"])}">{title}</a>'
                if src["url"].startswith(("http://", "https://")) else title)
        parts.append(f"<p><small>{esc(said)} — {esc(where)}: {link}</small></p>")
    return "".join(parts)


def _group(G: nx.MultiDiGraph, n: str) -> str:
    kind, typ = attr(G, n, "kind"), attr(G, n, "type").replace("_", " ")
    return f"{kind.capitalize()}s: {typ}" if typ else f"{kind.capitalize()}s"


def timelinejs(G: nx.MultiDiGraph, *, title: str = "Story timeline") -> dict[str, Any]:
    """The TimelineJS 3 document of ``G`` (the networkx projection)."""
    items = sorted(n for n in G if attr(G, n, "kind") in ITEM_KINDS)
    events, undated, articles = [], 0, set()
    for n in items:
        listed = sources(G, n)
        articles.update(s["article"] for s in listed if s["article"])
        when = _when(G, n)
        if when is None:
            undated += 1
            continue
        headline = attr(G, n, "label") or n
        if attr(G, n, "factuality") in ("negated", "possible", "unconfirmed"):
            headline += f" ({attr(G, n, 'factuality')})"
        events.append({**when,
                       "text": {"headline": html.escape(headline), "text": _text(G, n, listed)},
                       "group": _group(G, n),
                       "unique_id": "kg-" + hashlib.sha1(n.encode("utf-8")).hexdigest()[:12]})
    events.sort(key=lambda e: (tuple(e["start_date"].get(k, 0) for k in ("year", "month", "day")),
                               e["unique_id"]))
    intro = f"{len(events)} dated events and statements from {len(articles)} article(s)."
    if undated:
        intro += f" {undated} undated item(s) are not shown: TimelineJS needs a date."
    return {"title": {"text": {"headline": html.escape(title), "text": f"<p>{intro}</p>"}},
            "events": events}


def write_timelinejs(G: nx.MultiDiGraph, path: str | Path, *, title: str = "Story timeline") -> Path:
    """Write the TimelineJS 3 JSON of ``G``: the text ``json.dumps`` makes, written a
    thousand pieces at a time as it is made (at 10,000 articles the whole text, 179 MB, and
    the millions of pieces it is joined from raised the views' worker by 840 MB).

    >>> import tempfile
    >>> G = nx.MultiDiGraph(); G.add_node("e", kind="event", type="combat", label="“x”", date="2024-11-04")
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     text = write_timelinejs(G, Path(tmp, "t.json")).read_text(encoding="utf-8")
    >>> text == json.dumps(timelinejs(G), ensure_ascii=False, indent=1, sort_keys=True) + "\\n"
    True
    """
    pieces = _ENCODER.iterencode(timelinejs(G, title=title))
    return atomic_write(path, chain(iter(lambda: "".join(islice(pieces, 1000)), ""), ["\n"]))


_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=1, sort_keys=True)
