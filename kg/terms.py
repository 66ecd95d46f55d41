"""Namespaces whose terms are made once.

rdflib makes a new URIRef on every attribute access of a namespace (2 to 4 µs), and a build
asks for a few million; :class:`Terms` keeps each one it has made.
"""
from __future__ import annotations

from rdflib import URIRef


class Terms:
    """A namespace whose terms are made once.

    >>> from rdflib import RDF
    >>> terms = Terms(RDF)
    >>> terms.type is terms.type, terms.type == RDF.type
    (True, True)
    """

    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._namespace, name)
        setattr(self, name, term)  # found in the instance from now on, without __getattr__
        return term
