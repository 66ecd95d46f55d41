"""The views inline in a Jupyter notebook.

In a notebook cell::

    import kg.views.notebook as kv
    kv.timeline("output/graph.trig")          # or a build folder, a Dataset, a projection
    kv.network("output/", height=500)

Each call returns an :class:`Inline` that Jupyter shows as a sandboxed ``<iframe>`` holding
the same self-contained page as ``timeline.html`` (no server, no network, nothing installed
in the notebook). Outside Jupyter, ``Inline.html`` is the page and ``Inline.save(path)``
writes it.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("e", kind="event", type="combat", label="clash", date="2024-11-04", end="2024-11-04")
>>> view = timeline(G, height=400)
>>> view._repr_html_().startswith('<iframe sandbox="allow-scripts"') and 'height:400px' in view._repr_html_()
True
"""
from __future__ import annotations

import html
from pathlib import Path
from typing import Union

import networkx as nx
from rdflib import Dataset, Graph

from kg.views.network import network_html
from kg.views.page import atomic_write
from kg.views.timeline import timeline_html

Source = Union[str, Path, Graph, Dataset, nx.MultiDiGraph]


class Inline:
    """A view page that Jupyter displays inline."""

    def __init__(self, page: str, height: int):
        self.html = page
        self.height = height

    def _repr_html_(self) -> str:
        # srcdoc holds the whole page, escaped as an attribute; the sandbox lets its own
        # scripts run but gives it no access to the notebook, its cookies or its origin.
        return (f'<iframe sandbox="allow-scripts" srcdoc="{html.escape(self.html, quote=True)}" '
                f'style="width:100%;height:{int(self.height)}px;border:1px solid #d8dde3"></iframe>')

    def save(self, path: str | Path) -> Path:
        """Write the page to ``path`` (an ``.html`` file that opens in any browser)."""
        return atomic_write(path, self.html)


def projection(source: Source) -> nx.MultiDiGraph:
    """The networkx projection of ``source``: a projection, an rdflib graph, a graph file, or a
    build folder (its ``graph.trig``)."""
    from kg.formats import read_quads
    from kg.network import project

    if isinstance(source, nx.MultiDiGraph):
        return source
    if isinstance(source, (str, Path)):
        path = Path(source)
        source = read_quads(path / "graph.trig" if path.is_dir() else path)
    return project(source)


def timeline(source: Source, *, height: int = 650, title: str = "Story timeline") -> Inline:
    """The interactive timeline of ``source``, shown inline in Jupyter."""
    return Inline(timeline_html(projection(source), title=title), height)


def network(source: Source, *, height: int = 650, title: str = "Story network") -> Inline:
    """The interactive network of ``source``, shown inline in Jupyter."""
    return Inline(network_html(projection(source), title=title), height)
