"""The network view: actors, events, statements and places as a force-directed network.

Node size follows degree centrality (computed on the undirected simple graph).
"""
from __future__ import annotations

import math
from pathlib import Path

import networkx as nx

from kg.views.page import (FONT, atomic_write, attr, details, legend, new_network, render_page, shorten,
                           style, tooltip)

SHAPES = {"actor": "dot", "event": "square", "statement": "diamond", "place": "triangle"}
KINDS = ("event", "statement", "actor", "place")


def sizes(G: nx.MultiDiGraph, low: float = 10.0, high: float = 38.0) -> dict[str, float]:
    """Node sizes from degree centrality, between ``low`` and ``high``.

    >>> G = nx.MultiDiGraph([("a", "b"), ("a", "c")])
    >>> s = sizes(G); s["a"] > s["b"] == s["c"]
    True
    """
    simple = nx.Graph(G.to_undirected(as_view=True))
    simple.remove_edges_from(nx.selfloop_edges(simple))
    cent = nx.degree_centrality(simple) if len(simple) > 1 else {n: 0.0 for n in simple}
    top = max(cent.values(), default=0.0) or 1.0
    return {n: low + (high - low) * math.sqrt(cent.get(n, 0.0) / top) for n in G}


def write_network(G: nx.MultiDiGraph, path: str | Path, *, title: str = "Story network") -> Path:
    """Write ``G`` (the networkx projection) as an offline, force-directed HTML network."""
    return atomic_write(path, network_html(G, title=title))


def network_html(G: nx.MultiDiGraph, *, title: str = "Story network") -> str:
    """The network page of ``G`` as a string."""
    net = new_network()
    size = sizes(G)
    for n in G:
        kind = attr(G, n, "kind")
        opts = style(kind, attr(G, n, "type"), attr(G, n, "factuality"))
        opts["font"] = {"color": "#1f2328", "face": FONT, "size": 13, "strokeWidth": 3,
                        "strokeColor": "#ffffff"}
        net.add_node(n, label=shorten(attr(G, n, "label") or n, 30), shape=SHAPES.get(kind, "dot"),
                     title=tooltip(G, n), size=round(size[n], 1), **opts)
    for u, v, data in G.edges(data=True):
        role = str(data.get("label", ""))
        net.add_edge(u, v, label=role.replace("_", " "), title=role, dashes=role == "reports")
    counts = {k: sum(1 for n in G if attr(G, n, "kind") == k) for k in KINDS}
    data = {
        "view": "network",
        "nodes": net.nodes,
        "edges": net.edges,
        "details": {n: details(G, n) for n in G},
        "legend": legend(G, SHAPES, KINDS),
        "counts": " · ".join(f"{v} {k}{'s' if v != 1 else ''}" for k, v in counts.items() if v),
        "hint": "Node size: degree centrality. Drag nodes, scroll to zoom; click for details.",
        "axis": None,
        "font": FONT,
        "options": _options(len(G)),
    }
    return render_page(title, data)


def _options(n_nodes: int) -> dict:
    return {
        "layout": {"improvedLayout": n_nodes <= 100},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -70, "springLength": 110,
                                 "springConstant": 0.06, "avoidOverlap": 0.5},
            "stabilization": {"enabled": True, "iterations": 400, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 150},
        "nodes": {"font": {"face": FONT}},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "rgba(90,100,115,0.45)", "highlight": "#c0392b", "hover": "#c0392b"},
            "font": {"size": 10, "color": "#5b6470", "face": FONT, "strokeWidth": 3,
                     "strokeColor": "#ffffff", "align": "middle"},
            "smooth": {"enabled": True, "type": "continuous"},
            "width": 1.2,
        },
    }
