"""Shared fixtures, and every property test derandomised: a fresh clone tries the same examples
on every run (``tests/test_properties.py`` has a profile that draws new ones)."""
import importlib.util
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import settings

settings.register_profile("derandomised", derandomize=True, database=None)
settings.load_profile("derandomised")

from kg.views.sample import add_node as _node

HOSTILE_LABEL = "</script><script>alert(1)</script>"
HOSTILE_MENTION = "<img src=x onerror=alert(1)>"


def load_script(name: str):
    """``scripts/{name}.py`` loaded as a module, for a test of what it defines."""
    path = Path(__file__).parent.parent / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"), path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def views_graph() -> nx.MultiDiGraph:
    """A small projection for the view tests: dated, vague, undated, negated and hostile items."""
    G = nx.MultiDiGraph()
    art = dict(article="urn:a1", article_title="Article One", publisher="Pub",
               url="https://example.org/a1")
    _node(G, "urn:actor/a", "actor", "Country A", type="country")
    _node(G, "urn:actor/b", "actor", "Speaker B", type="person")
    _node(G, "urn:actor/h", "actor", HOSTILE_LABEL, type="group")
    _node(G, "urn:place/p", "place", "Place P")
    s1 = "\U0001F642 Units were moved north."
    _node(G, "urn:e1", "event", "moved", type="deployment", date="2024-11-04",
          end="2024-11-04", precision="day", time_text="on Monday", factuality="asserted",
          sentence=s1, mention="moved", mention_start=s1.index("moved"),
          mention_end=s1.index("moved") + 5, **art)
    _node(G, "urn:e2", "event", "fighting", type="combat", date="2024-10-01",
          end="2024-10-31", precision="month", time_text="last month", factuality="possible",
          sentence="Fighting may have started last month.", mention="Fighting",
          mention_start=0, mention_end=8, **art)
    _node(G, "urn:e3", "event", "left", type="withdrawal", date="2024-11-10",
          end="2024-11-10", precision="day", factuality="negated", **art)
    _node(G, "urn:e4", "event", "sent", type="deployment", end="2024-11-06",
          precision="unknown", time_text="at that time", factuality="reported", **art)
    hostile = f"He said {HOSTILE_MENTION} was there."
    _node(G, "urn:s1", "statement", "said", type="claim", factuality="reported", direct="false",
          sentence=hostile, mention=HOSTILE_MENTION, mention_start=8,
          mention_end=8 + len(HOSTILE_MENTION), **art)
    _node(G, "urn:s2", "statement", "denied", type="denial", date="2024-11-05",
          end="2024-11-05", precision="day", direct="true", quote="Not true.",
          sentence="B denied it: Not true.", mention="denied", mention_start=2,
          mention_end=8, **art)
    for u, v, role in [("urn:e1", "urn:actor/a", "agent"), ("urn:e1", "urn:place/p", "place"),
                       ("urn:e2", "urn:actor/h", "agent"), ("urn:e3", "urn:actor/a", "theme"),
                       ("urn:s1", "urn:actor/b", "speaker"), ("urn:s1", "urn:e1", "reports"),
                       ("urn:s2", "urn:actor/a", "speaker"), ("urn:s2", "urn:e2", "reports"),
                       ("urn:e4", "urn:actor/a", "agent")]:
        G.add_edge(u, v, label=role, date="")
    return G


def crowded_graph(n_items: int, seed: int = 7) -> nx.MultiDiGraph:
    """A projection with ``n_items`` events and statements over six weeks, for crowding tests."""
    from kg.views.sample import sample_projection

    return sample_projection(n_items, seed)
