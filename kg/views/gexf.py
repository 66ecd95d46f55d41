"""The projection as dynamic GEXF 1.2, for Gephi's timeline.

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
>>> lines = "".join(gexf_pieces(G)).split("\\n")
>>> [line.strip() for line in lines if "<node " in line or "<edge " in line]
['<node id="e" label="sent" start="2024-10-08">', '<node id="a" label="A" start="2024-10-08">', \
'<edge source="e" target="a" id="e0" label="agent" start="2024-10-08">']

The file is written a line at a time, laid out as networkx's ``write_gexf`` lays it out
(attribute numbers, ids, indentation), without building an element tree of the whole
projection first: that took 3.6 of the views' 13 s at 1,000 articles. Unlike networkx's, its
text is UTF-8 rather than character references, its edges come in the order of their ids,
and its creator is kg.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import networkx as nx

from kg import __version__
from kg.views.markup import attribute, text
from kg.views.network import sizes
from kg.views.page import atomic_write, base_color

# Projection attributes kept as GEXF attributes (``end`` is renamed: GEXF reserves it).
KEEP = ("kind", "type", "factuality", "date", "precision", "time_text", "direct", "quote",
        "article", "article_title", "publisher", "url", "published")
_NODE_ATTRIBUTES = (*KEEP, "date_end")
_EDGE_KEY = str(len(_NODE_ATTRIBUTES))  # the number of the edges' one attribute, their networkx key

_HEADER = ('<gexf xmlns:viz="http://www.gexf.net/1.2draft/viz" xmlns="http://www.gexf.net/1.2draft" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" '
           'version="1.2">\n'
           f'  <meta>\n    <creator>{text(f"kg {__version__}")}</creator>\n  </meta>\n')


def first_day(data: dict) -> str | None:
    """The first day an item is known to have happened, or None."""
    return (data.get("date") or data.get("end") or None) if data.get("kind") in ("event", "statement") else None


def starts(G: nx.MultiDiGraph) -> dict[str, str | None]:
    """Each node's GEXF start: an item's first day, another node's earliest linked item's."""
    start = {n: first_day(d) for n, d in G.nodes(data=True)}
    for n, d in G.nodes(data=True):
        if start[n] is None and d.get("kind") not in ("event", "statement"):
            start[n] = min((start[m] for m in nx.all_neighbors(G, n) if start[m]), default=None)
    return start


def gexf_pieces(G: nx.MultiDiGraph) -> Iterator[str]:
    """``G`` as dynamic GEXF, in pieces of whole lines."""
    start = starts(G)
    yield _HEADER
    dated = ' timeformat="date"' if any(start.values()) else ""
    yield f'  <graph defaultedgetype="directed" mode="dynamic" name=""{dated}>\n'
    edges = sorted(G.edges(keys=True, data=True), key=lambda e: e[:3])
    if edges:
        yield (f'    <attributes mode="static" class="edge">\n      <attribute id="{_EDGE_KEY}" '
               'title="networkx_key" type="string" />\n    </attributes>\n')
    if len(G):
        yield '    <attributes mode="static" class="node">\n'
        for k, name in enumerate(_NODE_ATTRIBUTES):
            yield f'      <attribute id="{k}" title="{name}" type="string" />\n'
        yield '    </attributes>\n'
    yield from _nodes(G, start)
    yield from _edges(edges, start)
    yield '  </graph>\n</gexf>\n'


def _nodes(G: nx.MultiDiGraph, start: dict[str, str | None]) -> Iterator[str]:
    if not len(G):
        yield "    <nodes />\n"
        return
    yield "    <nodes>\n"
    size = sizes(G, 4.0, 20.0)
    for n, d in G.nodes(data=True):
        day = f' start="{attribute(start[n])}"' if start[n] else ""
        rgb = base_color(str(d.get("kind", "")), str(d.get("type", "")))
        values = [*(str(d.get(k, "") or "") for k in KEEP), str(d.get("end", "") or "")]
        yield "".join((
            f'      <node id="{attribute(str(n))}" label="{attribute(str(d.get("label", n)))}"{day}>\n'
            f'        <viz:color r="{int(rgb[1:3], 16)}" g="{int(rgb[3:5], 16)}" b="{int(rgb[5:7], 16)}" a="1.0" />\n'
            f'        <viz:size value="{round(size[n], 2)}" />\n'
            "        <attvalues>\n",
            *(f'          <attvalue for="{k}" value="{attribute(value)}" />\n' for k, value in enumerate(values)),
            "        </attvalues>\n      </node>\n"))
    yield "    </nodes>\n"


def _edges(edges: list, start: dict[str, str | None]) -> Iterator[str]:
    if not edges:
        yield "    <edges />\n"
        return
    yield "    <edges>\n"
    for k, (u, v, key, d) in enumerate(edges):
        first = max((s for s in (start[u], start[v]) if s), default=None)  # the later end's start
        day = f' start="{attribute(first)}"' if first else ""
        yield (f'      <edge source="{attribute(str(u))}" target="{attribute(str(v))}" id="e{k}" '
               f'label="{attribute(str(d.get("label", key)))}"{day}>\n'
               f'        <attvalues>\n          <attvalue for="{_EDGE_KEY}" value="{attribute(str(key))}" />\n'
               "        </attvalues>\n      </edge>\n")
    yield "    </edges>\n"


def write_gexf(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` as dynamic GEXF 1.2 (via a temporary file moved into place). No date of
    writing is stamped in it, so that the same input gives the same bytes."""
    return atomic_write(path, gexf_pieces(G))
