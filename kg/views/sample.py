"""A made-up projection of any size, for crowding tests and for timing the views.

Never for accuracy: the items are "item 17 word word", dated over six weeks, with random
types, factualities and actors (deterministic from ``seed``).

>>> G = sample_projection(30)
>>> sum(1 for _, kind in G.nodes(data="kind") if kind in ("event", "statement"))
30
"""
from __future__ import annotations

import random

import networkx as nx

KEYS = ("type", "date", "end", "precision", "time_text", "factuality", "direct", "quote", "article",
        "article_title", "publisher", "url", "published", "sentence", "mention")


def add_node(G: nx.MultiDiGraph, node: str, kind: str, label: str, **attrs) -> None:
    """A node with every attribute of the projection (empty unless given)."""
    G.add_node(node, **{**dict.fromkeys(KEYS, ""), "kind": kind, "label": label,
                        "mention_start": -1, "mention_end": -1, **attrs})


def sample_projection(n_items: int, seed: int = 7, n_actors: int = 25) -> nx.MultiDiGraph:
    """``n_items`` events and statements over six weeks, each linked to one of ``n_actors``."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    actors = [f"urn:actor/{k}" for k in range(n_actors)]
    for k, actor in enumerate(actors):
        add_node(G, actor, "actor", f"Actor number {k}", type=("country", "person", "organization")[k % 3])
    types = ("deployment", "movement", "combat", "casualties", "treaty", "meeting")
    for k in range(n_items):
        day = 1 + rng.randrange(42)
        date = f"2024-{10 + (day > 31)}-{(day - 1) % 31 + 1:02d}"
        vague = rng.random() < 0.1
        kind = "statement" if k % 3 == 0 else "event"
        typ = rng.choice(("claim", "denial", "warning")) if kind == "statement" else types[k % 6]
        add_node(G, f"urn:item/{k}", kind, f"item {k} " + "word " * rng.randrange(1, 5), type=typ,
                 date="" if rng.random() < 0.05 else (date[:8] + "01" if vague else date),
                 end=(date[:8] + "28") if vague else date, precision="month" if vague else "day",
                 factuality=rng.choice(("asserted", "reported", "possible", "negated")))
        G.add_edge(f"urn:item/{k}", rng.choice(actors), label="speaker" if kind == "statement" else "agent",
                   date="")
    return G
