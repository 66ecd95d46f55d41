"""The network view: actors, events, statements and places as a force-directed network.

Node size follows degree centrality (computed on the undirected simple graph).
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import networkx as nx

from kg.views.page import (FONT, Styles, atomic_write, graph_data, legend, render_page, shorten,
                           style, tooltip, value_of)

SHAPES = {"actor": "dot", "event": "square", "statement": "diamond", "place": "triangle"}
KINDS = ("event", "statement", "actor", "place")
DASHED_UP_TO = 1000  # nodes; dashes drawn on a larger network took half of its drawing time
LAYOUT_SECONDS = 10  # the force layout stops after this long: 400 steps take ~15 s at 1,000 nodes


def sizes(G: nx.MultiDiGraph, low: float = 10.0, high: float = 38.0) -> dict[str, float]:
    """Node sizes from degree centrality, between ``low`` and ``high``.

    >>> G = nx.MultiDiGraph([("a", "b"), ("a", "c")])
    >>> s = sizes(G); s["a"] > s["b"] == s["c"]
    True
    """
    # networkx's degree centrality of the simple undirected graph without loops, as it
    # reckons it, without making that graph (3 s at 120,000 nodes)
    share = 1.0 / (len(G) - 1.0) if len(G) > 1 else 0.0
    cent = {n: len((G.succ[n].keys() | G.pred[n].keys()) - {n}) * share for n in G}
    top = max(cent.values(), default=0.0) or 1.0
    return {n: low + (high - low) * math.sqrt(cent.get(n, 0.0) / top) for n in G}


def write_network(G: nx.MultiDiGraph, path: str | Path, *, title: str = "Story network") -> Path:
    """Write ``G`` (the networkx projection) as an offline, force-directed HTML network."""
    return atomic_write(path, network_page(G, title=title))


def network_html(G: nx.MultiDiGraph, *, title: str = "Story network") -> str:
    """The network page of ``G`` as a string (:func:`network_page`, joined)."""
    return "".join(network_page(G, title=title))


def network_page(G: nx.MultiDiGraph, *, title: str = "Story network") -> Iterator[str]:
    """The network page of ``G``, in pieces (:func:`kg.views.page.render_page`)."""
    size = sizes(G)
    data = graph_data(G, list(G))
    number = {n: i for i, n in enumerate(data["ids"])}
    styles, edge_styles = Styles(), Styles()
    nodes = [{"s": styles.of(_node_style, value_of(d, "kind"), value_of(d, "type"), value_of(d, "factuality")),
              "label": shorten(value_of(d, "label") or n, 30), "title": tooltip(G, n), "size": round(size[n], 1)}
             for n, d in G.nodes(data=True)]
    dashed = len(G) <= DASHED_UP_TO
    edges = [[number[u], number[v], edge_styles.of(_edge_style, str(role), dashed)]
             for u, v, role in G.edges(data="label", default="")]
    kinds = Counter(value_of(d, "kind") for _, d in G.nodes(data=True))
    counts = {k: kinds[k] for k in KINDS}
    data.update({
        "view": "network",
        "nodes": nodes,
        "styles": styles.table(),
        "edges": edges,
        "edgeStyles": edge_styles.table(),
        "legend": legend(G, SHAPES, KINDS),
        "counts": " · ".join(f"{v} {k}{'s' if v != 1 else ''}" for k, v in counts.items() if v),
        "hint": "Node size: degree centrality. Drag nodes, scroll to zoom; click for details.",
        "axis": None,
        "layoutSeconds": LAYOUT_SECONDS,
        "font": FONT,
        "options": _options(len(G)),
    })
    return render_page(title, data)


def _node_style(kind: str, typ: str, factuality: str) -> dict:
    """The vis options of a network node, shared by every node of its kind, type and factuality."""
    opts = style(kind, typ, factuality)
    opts["font"] = {"color": "#1f2328", "face": FONT, "size": 13, "strokeWidth": 3,
                    "strokeColor": "#ffffff"}
    opts["shape"] = SHAPES.get(kind, "dot")
    return opts


def _edge_style(role: str, dashed: bool) -> dict:
    """The vis options of a network link with this role ("reports" ``dashed``)."""
    return {"label": role.replace("_", " "), "title": role, "dashes": dashed and role == "reports",
            "arrows": "to"}


def _options(n_nodes: int) -> dict:
    return {
        "layout": {"improvedLayout": n_nodes <= 100},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -70, "springLength": 110,
                                 "springConstant": 0.06, "avoidOverlap": 0.5},
            "stabilization": {"enabled": True, "iterations": 400, "fit": True,
                              "updateInterval": max(1, min(50, 10_000 // max(n_nodes, 1)))},
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
