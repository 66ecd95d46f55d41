"""The projection as GraphML, as networkx's ``write_graphml`` lays it out (with lxml), written
a line at a time rather than through an element per node and value: that took 1.8 of the
views' 13 s at 1,000 articles.

Each attribute name and value type of the graph, its nodes or its edges has a key, numbered
in the order first met and listed last first; a value is written as ``str`` gives it.

>>> G = nx.MultiDiGraph()
>>> G.add_node("a", label="A & B", mention_start=3)
>>> G.add_edge("a", "a", key="says", label="says")
'says'
>>> print("".join(graphml_pieces(G)).split("\\n", 1)[1])  # doctest: +ELLIPSIS
<graphml xmlns=...graphml.xsd"><key id="d2" for="edge" attr.name="label" attr.type="string"/>
<key id="d1" for="node" attr.name="mention_start" attr.type="long"/>
<key id="d0" for="node" attr.name="label" attr.type="string"/>
<graph edgedefault="directed"><node id="a">
  <data key="d0">A &amp; B</data>
  <data key="d1">3</data>
</node>
<edge source="a" target="a" id="says">
  <data key="d2">says</data>
</edge>
</graph></graphml>
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import networkx as nx

from kg.views.markup import attribute, text
from kg.views.page import atomic_write

_TYPES = {str: "string", int: "long", float: "double", bool: "boolean"}
_HEADER = ("<?xml version='1.0' encoding='utf-8'?>\n"
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">')


class _Keys(dict):
    """The GraphML key of each (name, value type, scope), numbered in the order first met."""

    def of(self, name: str, value: object, scope: str) -> str:
        found = self.get((name, type(value), scope))
        if found is None:
            if type(value) not in _TYPES:
                raise TypeError(f"GraphML cannot hold the {scope} attribute {name!r}: "
                                f"a {type(value).__name__}, not one of str, int, float or bool")
            found = self[name, type(value), scope] = f"d{len(self)}"
        return found

    def lines(self) -> Iterator[str]:
        for (name, kind, scope), key in reversed(self.items()):
            yield (f'<key id="{key}" for="{scope}" attr.name="{attribute(name)}" '
                   f'attr.type="{_TYPES[kind]}"/>\n')


def _data(keys: _Keys, data: dict, scope: str, indent: str) -> str:
    return "".join(f'{indent}<data key="{keys.of(str(k), v, scope)}">{text(str(v))}</data>\n'
                   for k, v in data.items())


def graphml_pieces(G: nx.MultiDiGraph) -> Iterator[str]:
    """``G`` (a networkx multigraph) as GraphML, in pieces of whole lines (the last without
    its newline, as lxml writes it)."""
    keys = _Keys()
    graph = {k: v for k, v in G.graph.items() if k not in ("id", "node_default", "edge_default")}
    for k, v in graph.items():
        keys.of(str(k), v, "graph")
    for _, d in G.nodes(data=True):
        for k, v in d.items():
            keys.of(str(k), v, "node")
    for _, _, d in G.edges(data=True):
        for k, v in d.items():
            keys.of(str(k), v, "edge")
    yield _HEADER
    yield from keys.lines()
    named = f' id="{attribute(str(G.graph["id"]))}"' if "id" in G.graph else ""
    yield f'<graph edgedefault="{"directed" if G.is_directed() else "undirected"}"{named}>'
    yield _data(keys, graph, "graph", "")
    for n, d in G.nodes(data=True):
        node = f'<node id="{attribute(str(n))}"'
        yield f'{node}>\n{_data(keys, d, "node", "  ")}</node>\n' if d else f"{node}/>\n"
    for u, v, key, d in G.edges(keys=True, data=True):
        edge = f'<edge source="{attribute(str(u))}" target="{attribute(str(v))}" id="{attribute(str(key))}"'
        yield f'{edge}>\n{_data(keys, d, "edge", "  ")}</edge>\n' if d else f"{edge}/>\n"
    yield "</graph></graphml>"


def write_graphml(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` as GraphML (via a temporary file moved into place)."""
    return atomic_write(path, graphml_pieces(G))
