"""The story as views, all made from the networkx projection (:func:`kg.network.project`).

- :func:`write_timeline`, :func:`write_network`: interactive, self-contained, offline HTML
  (vis-network inlined, data embedded as escaped JSON), with filters and a details panel;
- :func:`write_svg`: a static SVG of the timeline, for reports and papers;
- :func:`write_timelinejs`: a TimelineJS 3 JSON file, for newsrooms;
- :func:`write_gexf`: dynamic GEXF with dates, for Gephi's timeline;
- :mod:`kg.views.notebook`: the HTML views inline in Jupyter.
"""
from kg.views.gexf import write_gexf
from kg.views.network import write_network
from kg.views.svg import write_svg
from kg.views.timeline import write_timeline
from kg.views.timelinejs import write_timelinejs

__all__ = ["write_gexf", "write_network", "write_svg", "write_timeline", "write_timelinejs"]
