"""Offline HTML views of the networkx projection: a timeline and a network.

Both write one self-contained file (vis-network inlined, data embedded as escaped JSON).
"""
from kg.views.network import write_network
from kg.views.timeline import write_timeline

__all__ = ["write_network", "write_timeline"]
