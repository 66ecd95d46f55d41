"""The projection as dynamic GEXF, for Gephi's timeline.

Each node and edge has a ``start`` date: an event or statement from its first known day
(the day, the earliest day of a vague time, or the latest day when only that is known), an
actor or place from the first item that involves it, an edge from its item. There is no end:
in Gephi's timeline the story builds up, and nothing disappears when its day has passed.
Undated items have no start and are always shown. Node colour and size follow the HTML views.

>>> G = nx.MultiDiGraph()
>>> G.add_node("e", kind="event", type="deployment", label="sent", date="2024-10-08", end="2024-10-08")
>>> G.add_node("a", kind="actor", type="country", label="A")
>>> G.add_edge("e", "a", key="agent", label="agent", date="2024-10-08")
'agent'
>>> H = dynamic(G)
>>> H.nodes["a"]["start"], H.edges["e", "a", "agent"]["start"], H.graph["mode"]
('2024-10-08', '2024-10-08', 'dynamic')
"""
from __future__ import annotations

import re
from pathlib import Path

import networkx as nx

from kg.views.network import sizes
from kg.views.page import atomic_write, base_color

# Projection attributes kept as GEXF attributes (``end`` is renamed: GEXF reserves it).
KEEP = ("kind", "type", "factuality", "date", "precision", "time_text", "direct", "quote",
        "article", "article_title", "publisher", "url", "published")


def first_day(data: dict) -> str | None:
    """The first day an item is known to have happened, or None."""
    return (data.get("date") or data.get("end") or None) if data.get("kind") in ("event", "statement") else None


def dynamic(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` with GEXF ``start`` dates, attributes and ``viz`` colour and size."""
    H = nx.MultiDiGraph(mode="dynamic")
    starts = {n: first_day(d) for n, d in G.nodes(data=True)}
    for n, d in G.nodes(data=True):
        if starts[n] is None and d.get("kind") not in ("event", "statement"):
            linked = [starts[m] for m in nx.all_neighbors(G, n) if starts[m]]
            starts[n] = min(linked) if linked else None
    size = sizes(G, 4.0, 20.0)
    for n, d in G.nodes(data=True):
        attrs = {k: str(d.get(k, "") or "") for k in KEEP}
        attrs["date_end"] = str(d.get("end", "") or "")
        rgb = base_color(str(d.get("kind", "")), str(d.get("type", "")))
        attrs["viz"] = {"color": {"r": int(rgb[1:3], 16), "g": int(rgb[3:5], 16),
                                  "b": int(rgb[5:7], 16), "a": 1.0},
                        "size": round(size[n], 2)}
        if starts[n]:
            attrs["start"] = starts[n]
        H.add_node(n, label=str(d.get("label", n)), **attrs)
    for k, (u, v, key, d) in enumerate(sorted(G.edges(keys=True, data=True), key=lambda e: e[:3])):
        attrs = {"label": str(d.get("label", key)), "id": f"e{k}"}
        day = max((s for s in (starts[u], starts[v]) if s), default=None)
        if day:
            attrs["start"] = day
        H.add_edge(u, v, key=key, **attrs)
    return H


def write_gexf(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` as dynamic GEXF 1.2 (via a temporary file moved into place).

    networkx stamps today's date in the header; it is dropped, so that the same input
    gives the same bytes.
    """
    text = "\n".join(nx.generate_gexf(dynamic(G), version="1.2draft")) + "\n"
    return atomic_write(path, re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1))
