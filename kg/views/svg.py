"""A static SVG of the timeline, for reports and papers.

The same layout as ``timeline.html`` with lanes by type (:func:`kg.views.timeline._layout`):
items left to right by date, vague times as bars, undated items in their own strip, a date
axis with week or month ticks, lane names in a left gutter, and a legend below. Everything is
drawn as plain SVG shapes and text (no script, no external font or image), so the file
prints, scales and opens in any editor.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("e", kind="event", type="combat", label="clash <&>", date="2024-11-04", end="2024-11-04")
>>> svg = timeline_svg(G)
>>> svg.startswith("<svg") and "clash &lt;&amp;&gt;" in svg
True
"""
from __future__ import annotations

import textwrap
from datetime import date, timedelta
from pathlib import Path

import networkx as nx

from kg.views.markup import attribute, text
from kg.views.page import atomic_write, attr, base_color, darken, legend, lighten, text_color
from kg.views.timeline import CHAR_W, KINDS, LINE_H, MAX_W, QUIET_EDGES, SHAPES, _layout

GUTTER = 190        # room for lane names at the left
TOP = 64            # title and axis band
AXIS = 26
FONT = "Helvetica, Arial, sans-serif"
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _lines(label: str) -> list[str]:
    width = max(6, int((MAX_W - 16) / CHAR_W))
    return [part for line in label.split("\n") for part in textwrap.wrap(line, width) or [""]]


def _ticks(origin: date, days: int, ppd: float) -> list[tuple[date, str, bool]]:
    """Tick days, labels and whether each is a month start, at a step whose labels fit."""
    end = origin + timedelta(days=days)
    if ppd * 7 >= 60:
        day = origin - timedelta(days=origin.weekday())
        out = []
        while day <= end:
            out.append((day, f"{day.day} {MONTHS[day.month - 1]}", day.day <= 7))
            day += timedelta(days=7)
        return out
    step = 1 if ppd * 30 >= 50 else 3 if ppd * 91 >= 60 else 12
    out, y, m = [], origin.year, origin.month - (origin.month - 1) % step
    while date(y, m, 1) <= end:
        label = str(y) if step == 12 else f"{MONTHS[m - 1]}" + (f" {y}" if m == 1 or not out else "")
        out.append((date(y, m, 1), label, m == 1))
        m += step
        y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return out


def timeline_svg(G: nx.MultiDiGraph, *, title: str = "Story timeline") -> str:
    """The timeline of ``G`` (the networkx projection) as an SVG document."""
    items, lanes, axis = _layout(G, "type")
    lefts = [i.extent()[0] for i in items.values()] or [0.0]
    rights = [i.extent()[1] for i in items.values()] or [0.0]
    tx = GUTTER - min(min(lefts), 0.0) + 10
    width = tx + max(max(rights), 0.0) + 30
    height = TOP + axis["bounds"]["y1"]
    sections = legend(G, SHAPES, KINDS)
    legend_h = 26 * len(sections) + 20
    X = lambda x: round(x + tx, 1)  # noqa: E731
    Y = lambda y: round(y + TOP, 1)  # noqa: E731
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{round(width)}" '
           f'height="{round(height + legend_h)}" viewBox="0 0 {round(width)} {round(height + legend_h)}" '
           f'font-family="{attribute(FONT)}" font-size="12">',
           f"<title>{text(title)}</title>",
           '<rect width="100%" height="100%" fill="#ffffff"/>',
           f'<text x="12" y="24" font-size="17" font-weight="bold" fill="#1f2328">{text(title)}</text>']
    for k, lane in enumerate(lanes):
        fill = "#f3f6f9" if k % 2 else "#ffffff"
        out.append(f'<rect x="0" y="{Y(lane["y0"])}" width="{round(width)}" '
                   f'height="{round(lane["y1"] - lane["y0"], 1)}" fill="{fill}"/>')
        out.append(f'<text x="10" y="{Y(lane["y0"]) + 17}" font-weight="bold" fill="#4a5563">'
                   f'{text(lane["label"])}</text>')
    if axis["origin"]:
        origin = date.fromisoformat(axis["origin"])
        days = int(axis["xmax"] / axis["pxPerDay"]) + 1
        for day, label, major in _ticks(origin, days, axis["pxPerDay"]):
            x = X((day - origin).days * axis["pxPerDay"])
            if x < GUTTER or (axis["undatedX"] is not None and x > X(axis["undatedX"]) - 40):
                continue
            out.append(f'<line x1="{x}" y1="{TOP - AXIS}" x2="{x}" y2="{round(height)}" '
                       f'stroke="#000" stroke-opacity="{0.16 if major else 0.07}"/>')
            weight = ' font-weight="bold"' if major else ""
            out.append(f'<text x="{x + 4}" y="{TOP - 8}" fill="#1f2328"{weight}>{text(label)}</text>')
    out.append(f'<line x1="0" y1="{TOP}" x2="{round(width)}" y2="{TOP}" stroke="#000" stroke-opacity="0.25"/>')
    if axis["undatedX"] is not None:
        ux = X(axis["undatedX"])
        out.append(f'<rect x="{ux}" y="{TOP - AXIS}" width="{round(width - ux, 1)}" '
                   f'height="{round(height - TOP + AXIS, 1)}" fill="#787878" fill-opacity="0.06"/>')
        out.append(f'<line x1="{ux}" y1="{TOP - AXIS}" x2="{ux}" y2="{round(height)}" stroke="#000" '
                   f'stroke-opacity="0.35" stroke-dasharray="6 5"/>')
        out.append(f'<text x="{ux + 8}" y="{TOP - 8}" font-weight="bold" fill="#1f2328">undated</text>')
    n_items = sum(1 for n in items if attr(G, n, "kind") != "actor")
    if n_items <= QUIET_EDGES:
        for u, v, data in G.edges(data=True):
            if u in items and v in items:
                look = ('stroke="#463c8c" stroke-opacity="0.55" stroke-dasharray="5 4"'
                        if data.get("label") == "reports" else 'stroke="#5a6473" stroke-opacity="0.25"')
                out.append(f'<line x1="{X(items[u].cx)}" y1="{Y(items[u].y)}" x2="{X(items[v].cx)}" '
                           f'y2="{Y(items[v].y)}" {look}/>')
    for n, item in sorted(items.items(), key=lambda kv: (kv[1].y, kv[1].cx, kv[0])):
        out.extend(_item(G, n, item, X, Y))
    out.extend(_legend(sections, height + 14, width))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _item(G: nx.MultiDiGraph, n: str, item, X, Y) -> list[str]:
    kind, typ, fact = attr(G, n, "kind"), attr(G, n, "type"), attr(G, n, "factuality")
    fill = base_color(kind, typ)
    stroke, dash = darken(fill, 0.35), ""
    if fact in ("possible", "unconfirmed"):
        fill, dash = lighten(fill, 0.6), ' stroke-dasharray="6 4"'
    elif fact == "negated":
        fill, stroke, dash = lighten(fill, 0.7), "#b00020", ' stroke-dasharray="3 3"'
    cx, cy = X(item.cx), Y(item.y)
    parts = [f'<g data-id="{attribute(n)}" data-kind="{kind}">']
    if item.range:
        x0, x1 = X(item.range[0]), X(item.range[1])
        parts.append(f'<rect x="{x0}" y="{cy - 5}" width="{round(x1 - x0, 1)}" height="10" '
                     f'fill="{base_color(kind, typ)}" fill-opacity="{0.3 if item.open else 0.45}"/>')
    if kind == "actor":
        parts.append(f'<circle cx="{cx}" cy="{cy - 8}" r="7" fill="{fill}" stroke="{stroke}"/>')
        parts.append(f'<text x="{cx}" y="{cy + 12}" text-anchor="middle" fill="#1f2328">'
                     f"{text(item.label)}</text>")
        return parts + ["</g>"]
    lines = _lines(item.label)
    h = len(lines) * LINE_H * 0.85 + 10
    w = item.width
    if kind == "statement":
        parts.append(f'<ellipse cx="{cx}" cy="{cy}" rx="{round(w / 2, 1)}" ry="{round(h / 2 + 4, 1)}" '
                     f'fill="{fill}" stroke="{stroke}" stroke-width="1.5"{dash}/>')
    else:
        parts.append(f'<rect x="{round(cx - w / 2, 1)}" y="{round(cy - h / 2, 1)}" width="{round(w, 1)}" '
                     f'height="{round(h, 1)}" rx="4" fill="{fill}" stroke="{stroke}" stroke-width="1.5"{dash}/>')
    top = cy - (len(lines) - 1) * LINE_H * 0.85 / 2 + 4
    for k, line in enumerate(lines):
        parts.append(f'<text x="{cx}" y="{round(top + k * LINE_H * 0.85, 1)}" text-anchor="middle" '
                     f'fill="{text_color(fill)}">{text(line)}</text>')
    return parts + ["</g>"]


def _legend(sections: list[dict], y: float, width: float) -> list[str]:
    out = []
    for section in sections:
        x = 12
        out.append(f'<text x="{x}" y="{round(y + 12, 1)}" font-weight="bold" fill="#5b6470">'
                   f"{text(section['title'])}:</text>")
        x += 12 + 7 * len(section["title"])
        for entry in section["items"]:
            dash = {"dashed": ' stroke-dasharray="4 3"', "negated": ' stroke-dasharray="2 2"'}.get(
                entry.get("line", ""), "")
            stroke = "#b00020" if entry.get("line") == "negated" else "#555555"
            out.append(f'<rect x="{x}" y="{round(y + 2, 1)}" width="16" height="11" rx="2" '
                       f'fill="{entry["color"]}" stroke="{stroke}"{dash}/>')
            out.append(f'<text x="{x + 21}" y="{round(y + 12, 1)}" fill="#1f2328">{text(entry["label"])}</text>')
            x += 34 + 6.6 * len(entry["label"])
        y += 26
    return out


def write_svg(G: nx.MultiDiGraph, path: str | Path, *, title: str = "Story timeline") -> Path:
    """Write the static SVG timeline of ``G``."""
    return atomic_write(path, timeline_svg(G, title=title))
