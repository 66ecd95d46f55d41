"""The timeline view: events and statements left to right by date, in lanes by type.

Node ``x`` is pinned to the date; lanes (``y``) group items by kind and type, and items
that would overlap in a lane are stacked in rows. Undated items get their own strip at the
right. The date axis, lane names and the ranges of vague times are drawn on the canvas by
``page.js``.
"""
from __future__ import annotations

import heapq
import math
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import networkx as nx

from kg.views.page import (EVENT_TYPES, FONT, STATEMENT_KINDS, Styles, atomic_write, attr, base_color,
                           graph_data, legend, render_page, shorten, style, tooltip, value_of)

ROW_GAP = 12        # vertical space between rows in a lane
CHAR_W = 7.4        # average character width at the node font size
LINE_H = 17         # line height at the node font size
LANE_PAD = 26       # space above the first row (lane name) and below the last
MAX_W = 130         # widest box, in canvas pixels
GAP = 12            # horizontal space between boxes in a row
UNDATED_GAP = 150   # space between the last dated item and the undated strip
UNDATED_COLS = 2
OPEN_BAR = 56        # length of the bar that marks "on or before" (left of the box)
ACTOR_ROWS = 3      # the actor lane spreads sideways over at most this many rows
QUIET_EDGES = 150   # above this many items, links are drawn only for the selected item
AGGREGATE_BELOW = 0.4   # ... and below this zoom, counts per lane and period replace the items
EDGE_ACTOR = "rgba(90,100,115,0.22)"
EDGE_REPORTS = "rgba(70,60,140,0.55)"
SHAPES = {"event": "box", "statement": "ellipse", "actor": "dot"}
ACTOR_ROLES = ("speaker", "agent", "theme", "on_behalf_of", "partner", "target", "addressee")
LANE_MODES = ("type", "actor")
KINDS = ("event", "statement", "actor")
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def span_text(start: date, end: date) -> str:
    """A short text for a date range.

    >>> span_text(date(2024, 11, 1), date(2024, 11, 30))
    'Nov 2024'
    >>> span_text(date(2024, 10, 28), date(2024, 11, 3))
    '28 Oct – 3 Nov 2024'
    """
    if start == end:
        return f"{start.day} {MONTHS[start.month - 1]} {start.year}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    nxt = date(end.year + end.month // 12, end.month % 12 + 1, 1)
    same_month = (start.year, start.month) == (end.year, end.month)
    if start.day == 1 and same_month and (nxt - end).days == 1:
        return f"{MONTHS[start.month - 1]} {start.year}"
    if same_month:
        return f"{start.day}–{end.day} {MONTHS[end.month - 1]} {end.year}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} – {span_text(end, end)}"
    return f"{span_text(start, start)} – {span_text(end, end)}"


@dataclass
class _Item:
    id: str
    lane: tuple[str, str]
    label: str
    cx: float | None = None          # centre x; None while undated
    width: float = MAX_W
    range: tuple[float, float] | None = None
    open: bool = False               # range open to the left (latest day only)
    row: int = 0
    y: float = 0.0

    def extent(self) -> tuple[float, float]:
        left, right = self.cx - self.width / 2, self.cx + self.width / 2
        if self.range:
            left, right = min(left, self.range[0]), max(right, self.range[1])
        return left, right


def _width(label: str, kind: str) -> float:
    longest = max((len(line) for line in label.split("\n")), default=1)
    if kind == "actor":
        return min(MAX_W + 40, 7.2 * longest + 16)
    return min(MAX_W, 7.6 * min(longest, 20) + 28)


def _height(label: str, kind: str) -> float:
    """Estimated drawn height of a node (labels wrap at ``MAX_W``), plus the row gap."""
    if kind == "actor":
        return 54.0
    inner = MAX_W - 16
    lines = sum(max(1, math.ceil(len(line) * CHAR_W / inner)) for line in label.split("\n"))
    height = lines * LINE_H + 16
    return (height * 1.2 if kind == "statement" else height) + ROW_GAP


def _type_lanes(G: nx.MultiDiGraph) -> list[tuple[str, str]]:
    """Lanes by type: the actors on top, then event types and statement kinds in legend order."""
    present = {(attr(G, n, "kind"), attr(G, n, "type")) for n in G if attr(G, n, "kind") in KINDS}
    lanes: list[tuple[str, str]] = [("actor", "")] if any(k == "actor" for k, _ in present) else []
    for kind, known in (("event", EVENT_TYPES), ("statement", STATEMENT_KINDS)):
        types = sorted({t for k, t in present if k == kind},
                       key=lambda t: (t not in known, known.index(t) if t in known else 0, t))
        lanes += [(kind, t) for t in types]
    return lanes


def primary_actor(G: nx.MultiDiGraph, node: str) -> str | None:
    """The actor an item is mostly about: its speaker, else its agent, theme, or any actor.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("s", kind="statement"); G.add_node("a", kind="actor"); G.add_node("b", kind="actor")
    >>> _ = G.add_edge("s", "b", label="addressee"), G.add_edge("s", "a", label="speaker")
    >>> primary_actor(G, "s")
    'a'
    """
    linked = [(ACTOR_ROLES.index(d.get("label")) if d.get("label") in ACTOR_ROLES else len(ACTOR_ROLES), v)
              for _, v, d in G.out_edges(node, data=True) if attr(G, v, "kind") == "actor"]
    return min(linked)[1] if linked else None


def _actor_lanes(G: nx.MultiDiGraph, timed: list[str]) -> tuple[dict[str, tuple[str, str]], list]:
    """Lanes by actor: each item in the lane of its primary actor, busiest actors first."""
    lane_of = {}
    for n in timed:
        actor = primary_actor(G, n)
        lane_of[n] = ("by-actor", actor or "")
    sizes: dict[str, int] = {}
    for _, actor in lane_of.values():
        sizes[actor] = sizes.get(actor, 0) + 1
    order = sorted(sizes, key=lambda a: (a == "", -sizes[a], attr(G, a, "label") if a else "", a))
    return lane_of, [("by-actor", a) for a in order]


def _pack(items: list[_Item]) -> int:
    """Give each item the first row where it does not overlap; return the number of rows.

    Items are taken from the left, so a row that is free for one item stays free for every
    later one: the free rows wait in a heap by number, the others in a heap by right edge.

    >>> items = [_Item(str(k), ("event", ""), "x", cx=cx, width=10.0) for k, cx in enumerate([0, 5, 30, 6])]
    >>> _pack(items), [i.row for i in items]
    (3, [0, 1, 0, 2])
    """
    busy: list[tuple[float, int]] = []  # (right edge, row)
    free: list[int] = []
    rows = 0
    for item in sorted(items, key=lambda i: (i.extent()[0], i.id)):
        left, right = item.extent()
        while busy and busy[0][0] + GAP <= left:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            item.row = heapq.heappop(free)
        else:
            item.row, rows = rows, rows + 1
        heapq.heappush(busy, (right, item.row))
    return max(rows, 1)


def _spread(items: list[_Item]) -> int:
    """Lay actors out in a few rows near their wanted x, shifting right instead of stacking."""
    if not items:
        return 1
    need = sum(i.width + GAP for i in items)
    span = max(i.cx for i in items) - min(i.cx for i in items) + MAX_W
    n_rows = max(1, min(ACTOR_ROWS, math.ceil(need / max(span, 1.0))))
    rights = [-math.inf] * n_rows
    for item in sorted(items, key=lambda i: (i.cx, i.id)):
        row = min(range(n_rows), key=lambda r: (max(item.cx, rights[r] + GAP + item.width / 2), r))
        item.cx = max(item.cx, rights[row] + GAP + item.width / 2)
        item.row, rights[row] = row, item.cx + item.width / 2
    return n_rows


def _layout(G: nx.MultiDiGraph, by: str = "type"):
    """Items with x, rows and lanes, and the axis, for lanes ``by`` "type" or "actor".

    By actor, every event and statement sits in the lane of its :func:`primary_actor` and
    the actor nodes are left out (the lane names them).
    """
    attrs = dict(G.nodes(data=True))  # looked up by plain dict: the node view costs a call each time
    timed = [n for n in G if value_of(attrs[n], "kind") in ("event", "statement")]
    days = {n: (_day(value_of(attrs[n], "date")), _day(value_of(attrs[n], "end"))) for n in timed}
    known = [d for start, end in days.values() for d in ((start, end) if start else (end,)) if d]
    origin = min(known) if known else None
    span = (max(known) - origin).days + 1 if known else 1
    ppd = max(4.0, min(36.0, 900.0 / span))
    x_of = lambda d: (d - origin).days * ppd  # noqa: E731

    if by == "actor":
        lane_of, order = _actor_lanes(G, timed)
    else:
        lane_of = {n: (value_of(attrs[n], "kind"), value_of(attrs[n], "type")) for n in timed}
        order = _type_lanes(G)
    items: dict[str, _Item] = {}
    for n in timed:
        start, end = days[n]
        label = shorten(value_of(attrs[n], "label") or n, 28)
        if value_of(attrs[n], "factuality") == "negated":
            label = "✗ " + label
        item = _Item(n, lane_of[n], label)
        if start:
            vague = value_of(attrs[n], "precision") not in ("", "day") and end and end > start
            if vague:
                item.range = (x_of(start), x_of(end) + ppd)
                item.cx = sum(item.range) / 2
                item.label += "\n" + span_text(start, end)
            else:
                item.cx = x_of(start) + ppd / 2
        elif end:  # only a latest day is known: "on or before"
            item.cx = x_of(end) + ppd / 2
            item.open = True
            item.label += "\nby " + span_text(end, end)
        item.width = _width(item.label, value_of(attrs[n], "kind"))
        if item.open:
            item.range = (item.cx - item.width / 2 - OPEN_BAR, item.cx - item.width / 2 + 6)
        items[n] = item

    for n in G:
        if value_of(attrs[n], "kind") != "actor" or by == "actor":
            continue
        item = _Item(n, ("actor", ""), shorten(value_of(attrs[n], "label") or n, 28))
        item.width = _width(item.label, "actor")
        xs = [items[m].cx for m in nx.all_neighbors(G, n) if m in items and items[m].cx is not None]
        item.cx = statistics.median(xs) if xs else None
        items[n] = item

    by_lane: dict[tuple[str, str], list[_Item]] = {}
    for item in items.values():
        by_lane.setdefault(item.lane, []).append(item)
    rows = {}
    for lane, lane_items in by_lane.items():
        placed = [i for i in lane_items if i.cx is not None]
        rows[lane] = (_spread if lane[0] == "actor" else _pack)(placed) if placed else 1
    dated = [i for i in items.values() if i.cx is not None]
    xmax = max((i.extent()[1] for i in dated), default=0.0)
    undated_x = (xmax + UNDATED_GAP if dated else 0.0) if len(dated) < len(items) else None
    for lane, lane_items in by_lane.items():
        loose = sorted((i for i in lane_items if i.cx is None), key=lambda i: (i.label, i.id))
        for k, item in enumerate(loose):
            item.cx = undated_x + 40 + (k % UNDATED_COLS) * (MAX_W + GAP) + MAX_W / 2
            item.row = k // UNDATED_COLS
        rows[lane] = max(rows[lane], math.ceil(len(loose) / UNDATED_COLS))

    lanes, y = [], 0.0
    for lane in order:
        heights = [0.0] * rows.get(lane, 1)
        for item in by_lane.get(lane, []):
            kind = value_of(attrs[item.id], "kind")
            heights[item.row] = max(heights[item.row], _height(item.label, kind))
        tops = [y + LANE_PAD + sum(heights[:r]) for r in range(len(heights))]
        for item in by_lane.get(lane, []):
            item.y = tops[item.row] + heights[item.row] / 2
        lanes.append({"label": _lane_name(G, lane), "y0": y, "y1": y + 2 * LANE_PAD + sum(heights),
                      "color": base_color(*lane) if lane[0] in ("event", "statement") else ""})
        y = lanes[-1]["y1"]
    lefts, rights = zip(*(i.extent() for i in items.values())) if items else ((0.0,), (0.0,))
    axis = {"origin": origin.isoformat() if origin else None, "pxPerDay": ppd,
            "xmin": 0.0, "xmax": xmax, "undatedX": undated_x,
            "bounds": {"x0": min(min(lefts), 0.0) - 130, "x1": max(rights) + 30,
                       "y0": 0.0, "y1": y}}
    return items, lanes, axis


def _lane_name(G: nx.MultiDiGraph, lane: tuple[str, str]) -> str:
    kind, key = lane
    if kind == "actor":
        return "Actors"
    if kind == "by-actor":
        return shorten(attr(G, key, "label") or key, 40) if key else "No actor"
    return f"{kind.capitalize()} · {key.replace('_', ' ') or 'untyped'}"


def write_timeline(G: nx.MultiDiGraph, path: str | Path, *, title: str = "Story timeline") -> Path:
    """Write the timeline of ``G`` (the networkx projection) as one offline HTML file."""
    return atomic_write(path, timeline_page(G, title=title))


def timeline_html(G: nx.MultiDiGraph, *, title: str = "Story timeline") -> str:
    """The timeline page of ``G`` as a string (:func:`timeline_page`, joined)."""
    return "".join(timeline_page(G, title=title))


def timeline_page(G: nx.MultiDiGraph, *, title: str = "Story timeline") -> Iterator[str]:
    """The timeline page of ``G``, in pieces (:func:`kg.views.page.render_page`).

    The page opens with lanes by type; a switch moves items into lanes by actor (both
    layouts are computed here, so switching is instant and needs no physics). Nodes and
    links refer to ``ids`` by number and to shared ``styles`` (see :func:`graph_data`);
    ``pos`` and ``ranges`` give x and y by node number.
    """
    layouts = {by: _layout(G, by) for by in LANE_MODES}
    items, _, _ = layouts["type"]
    data = graph_data(G, list(items))
    number = {n: i for i, n in enumerate(data["ids"])}
    styles, edge_styles = Styles(), Styles()
    nodes, ranges = [], []
    for n, item in items.items():
        kind, typ = attr(G, n, "kind"), attr(G, n, "type")
        nodes.append({"s": styles.of(_node_style, kind, typ, attr(G, n, "factuality")),
                      "label": item.label, "title": tooltip(G, n)})
        if item.range:
            ranges.append([number[n], round(item.range[0], 1), round(item.range[1], 1),
                           item.open, base_color(kind, typ)])
    n_timed = sum(1 for n in items if attr(G, n, "kind") != "actor")
    quiet = n_timed > QUIET_EDGES
    edges = [[number[u], number[v], edge_styles.of(_edge_style, str(role), not quiet)]
             for u, v, role in G.edges(data="label", default="") if u in items and v in items]
    data.update({
        "view": "timeline",
        "nodes": nodes,
        "styles": styles.table(),
        "edges": edges,
        "edgeStyles": edge_styles.table(),
        "legend": legend(G, SHAPES, KINDS),
        "counts": f"{n_timed} events and statements · {len(items) - n_timed} "
                  f"actor{'' if len(items) - n_timed == 1 else 's'}",
        "hint": "Drag to pan, scroll to zoom; hover for a summary, click for details"
                + (" and links; zoomed out, boxes count the items per period." if quiet else "."),
        "quietEdges": quiet,
        "aggregateBelow": AGGREGATE_BELOW if quiet else None,
        "layouts": {by: {"lanes": lanes, "axis": axis, "pos": [_pos(its.get(n)) for n in items]}
                    for by, (its, lanes, axis) in layouts.items()},
        "layout": "type",
        "ranges": ranges,
        "minScale": 0.7,
        "maxScale": 1.25,
        "font": FONT,
        "options": _options(),
    })
    return render_page(title, data)


def _pos(item: _Item | None) -> list[float] | None:
    return [round(item.cx, 1), round(item.y, 1)] if item else None


def _node_style(kind: str, typ: str, factuality: str) -> dict:
    """The vis options of a timeline node, shared by every node of its kind, type and factuality."""
    opts = style(kind, typ, factuality)
    if kind == "actor":
        opts["font"] = {"color": "#1f2328", "face": FONT, "size": 14, "strokeWidth": 3,
                        "strokeColor": "#ffffff"}
        opts.update(size=9)
    else:
        opts["font"]["size"] = 14
        opts.update(widthConstraint={"maximum": MAX_W}, margin=7)
    opts.update(shape=SHAPES[kind], physics=False, fixed={"x": True, "y": False})
    return opts


def _edge_style(role: str, dashed: bool) -> dict:
    """The vis options of a timeline link with this role.

    "reports" links are darker and wider, and ``dashed`` too: not on a crowded timeline,
    where a long dashed curve takes the browser ~40 ms to draw (an item with 1,000 links
    across the 1,000-article timeline froze it for 45 s a frame).
    """
    reports = role == "reports"
    return {"title": role, "arrows": "", "dashes": reports and dashed, "width": 1.6 if reports else 1.2,
            "color": {"color": EDGE_REPORTS if reports else EDGE_ACTOR,
                      "highlight": "#c0392b", "hover": "#c0392b"}}


def _options() -> dict:
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "dragNodes": True,
                        "zoomSpeed": 0.6},
        "nodes": {"font": {"face": FONT}},
        "edges": {"smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.12},
                  "selectionWidth": 1.5, "hoverWidth": 0.8},
    }
