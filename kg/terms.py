"""The graph's terms, made once: a namespace's terms, literals, and the IRIs of articles and
actors.

rdflib makes a new URIRef on every attribute access of a namespace (2 to 4 µs), and a build
asks for a few million; :class:`Terms` keeps each one it has made, :func:`literal` each
literal. The IRIs the build mints for its own nodes (:func:`kgr`) are made without rdflib's
check of their characters.
"""
from __future__ import annotations

from functools import lru_cache

from rdflib import Literal, URIRef

from .vocab import KGR


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


_KGR = str(KGR)
_made = str.__new__  # a URIRef is a str: made as one, without URIRef.__new__


def kgr(path: str) -> URIRef:
    """``KGR[path]``: the IRI of a node the build mints, from ids and keys it made safe
    itself (an article id is cut to letters, digits, ``_``, ``.`` and ``-``; offsets are
    digits). rdflib checks each IRI's characters only to log a warning, 0.5 µs an IRI: a
    build mints millions (580 an article, made again by the worker that writes its text).

    >>> kgr("article/a/event/0-5") == KGR["article/a/event/0-5"], type(kgr("article/a"))
    (True, <class 'rdflib.term.URIRef'>)
    """
    return _made(URIRef, _KGR + path)


def iri(text: str) -> URIRef:
    """``URIRef(text)``, made as :func:`kgr`, for an IRI the build makes from one of its own
    (an article's mention, ``{article}#char={start},{end}``; a statement's claim).

    >>> iri(f"{kgr('article/a')}#char=0,3") == URIRef("https://w3id.org/kg-news/id/article/a#char=0,3")
    True
    """
    return _made(URIRef, text)


@lru_cache(maxsize=1 << 16, typed=True)
def literal(value, datatype: URIRef | None = None, lang: str | None = None) -> Literal:
    """``Literal(value, lang=lang, datatype=datatype)``, made once: rdflib takes 5 to 12 µs to
    make one, and offsets, labels and flags recur.

    >>> literal("a label", lang="en") is literal("a label", lang="en")
    True
    """
    return Literal(value, lang=lang, datatype=datatype)


def article_iri(article_id: str) -> URIRef:
    """``kgr:article/{id}``."""
    return kgr(f"article/{article_id}")


def actor_iri(key: str) -> URIRef:
    """``kgr:actor/{key}``."""
    return kgr(f"actor/{key}")


def place_iri(key: str, x) -> URIRef:
    """A place of the extraction ``x``: a country used as a place keeps its actor IRI.

    >>> from types import SimpleNamespace
    >>> [place_iri(k, SimpleNamespace(actors={"ukraine": None})) for k in ("ukraine", "kursk")]
    [rdflib.term.URIRef('https://w3id.org/kg-news/id/actor/ukraine'), rdflib.term.URIRef('https://w3id.org/kg-news/id/place/kursk')]
    """
    return actor_iri(key) if key in x.actors else kgr(f"place/{key}")
