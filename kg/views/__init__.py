"""The story as views, all made from the networkx projection (:func:`kg.network.project`).

- :func:`write_timeline`, :func:`write_network`: interactive, self-contained, offline HTML
  (vis-network inlined, data embedded as escaped JSON), with filters and a details panel;
- :func:`write_svg`: a static SVG of the timeline, for reports and papers;
- :func:`write_timelinejs`: a TimelineJS 3 JSON file, for newsrooms;
- :func:`write_gexf`: dynamic GEXF with dates, for Gephi's timeline;
- :func:`write_graphml`: the projection as GraphML, for yEd, Cytoscape or networkx;
- :mod:`kg.views.notebook`: the HTML views inline in Jupyter;
- :func:`write_views`: all of them into a folder, as a build does.
"""
import pickle
from pathlib import Path

import networkx as nx

from kg.views.gexf import write_gexf
from kg.views.graphml import write_graphml
from kg.views.network import write_network
from kg.views.svg import write_svg
from kg.views.timeline import write_timeline
from kg.views.timelinejs import write_timelinejs

__all__ = ["write_gexf", "write_graphml", "write_network", "write_svg", "write_timeline", "write_timelinejs", "write_views"]

VIEWS = ("graph.graphml", "timeline.html", "network.html", "timeline.svg", "timelinejs.json", "graph.gexf")


def write_views(drawn: tuple[nx.MultiDiGraph, Path]) -> None:
    """The projection ``G`` of ``drawn = (G, folder)`` written as each file of ``VIEWS`` in
    ``folder`` (one argument: a worker process runs it, :class:`kg.parallel.Background`).

    >>> import tempfile
    >>> from kg.network import project
    >>> from kg.rdf import to_dataset
    >>> from kg.extract.document import extract
    >>> from kg.ingest import parse_article
    >>> G = project(to_dataset([extract(parse_article("Kim Jong Un met Putin in Moscow on 19 June 2024.", "a.txt"))]))
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_views((G, Path(tmp)))
    ...     sorted(p.name for p in Path(tmp).iterdir()) == sorted(VIEWS)
    True
    """
    G, folder = drawn
    write_graphml(G, folder / "graph.graphml")
    write_timeline(G, folder / "timeline.html")
    write_network(G, folder / "network.html")
    write_svg(G, folder / "timeline.svg")
    write_timelinejs(G, folder / "timelinejs.json")
    write_gexf(G, folder / "graph.gexf")


def write_views_of(files: tuple[Path, Path]) -> None:
    """:func:`write_views` of the projection's draft (:class:`kg.network.Draft`) pickled in
    the file ``files[0]`` (removed once read), into the folder ``files[1]``: a build writes
    its projection out and a worker reads it, so the build never holds the projection's
    pickle in memory beside it (about 240 MB at 10,000 articles), and the worker makes the
    networkx graph of it (the merged items' sources, 70 MB of JSON at 3,000 articles, made
    here).

    >>> import tempfile
    >>> from kg.network import Draft
    >>> with tempfile.TemporaryDirectory() as tmp:  # an empty projection: empty views
    ...     pickled = Path(tmp, "projection.pickle")
    ...     _ = pickled.write_bytes(pickle.dumps(Draft()))
    ...     write_views_of((pickled, Path(tmp)))
    ...     sorted(p.name for p in Path(tmp).iterdir()) == sorted(VIEWS)
    True
    """
    pickled, folder = files
    with pickled.open("rb") as file:
        G = pickle.load(file).to_networkx()
    pickled.unlink()
    write_views((G, folder))
