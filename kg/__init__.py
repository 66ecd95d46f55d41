"""The package version, and :func:`open`: a graph (file, Oxigraph store or SPARQL endpoint) to query.

>>> import kg
>>> from pathlib import Path
>>> fixture = Path(kg.__file__).resolve().parents[1] / "tests" / "fixtures" / "queries" / "graph.trig"
>>> graph = kg.open(fixture)
>>> [row["kind"] for row in graph.query("said-by", actor="Rusia")]
['denial']
>>> graph.query("between", to="2024-06-01")[0]["date"]
'2024-06'
>>> G = graph.to_networkx()
>>> sorted({data["kind"] for _, data in G.nodes(data=True)})[:2]
['actor', 'event']
"""
__version__ = "0.1.0"


def open(target, **options):  # noqa: A001 - kg.open, as the issue names it
    """Open a graph to query: a graph file (``.trig``, ``.nq``, ``.ttl``, ``.jsonld``, read
    with rdflib), a folder holding an Oxigraph store (``kg build --store DIR``), or the URL of
    a SPARQL 1.1 endpoint (``data_endpoint=`` its Graph Store Protocol URL, when it differs).

    The object returned has ``.query(name, **params)``, the rows of a named query as dicts,
    and ``.to_networkx()``; see :mod:`kg.store`.
    """
    from .store import open_store

    return open_store(target, **options)
