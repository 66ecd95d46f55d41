"""One story from many articles: actors, events and statements merged, and why."""
import json
import pickle
from datetime import date, timedelta
from types import SimpleNamespace
from unittest.mock import patch

import pytest
from rdflib import RDF, URIRef
from hypothesis import example, given
from hypothesis import strategies as st

import kg.merge
from kg.explain import explain
from kg.extract.document import extract
from kg.formats import merged
from kg.ingest import parse_article
from kg.merge import (SIMILAR_WORDS, Merged, _best_statement, _Said, fold_name, interval, merge_events,
                      merge_statements, reconcile_actors)
from kg.network import project
from kg.rdf import to_dataset
from kg.validate import validate
from kg.vocab import KGO, SEM

ARTICLES = {
    # Two outlets, two languages, the same confirmation of the same deployment.
    "wire-en": ("2024-10-28", "Wire One", "North Korean troops were sent to Russia, the Pentagon "
                "said on Monday (28/10/2024). Presidential chief of staff Andriy Yermak briefed lawmakers."),
    "harian-id": ("2024-10-29", "Harian Dua", "Pentagon pada Senin (28/10/2024) menyatakan bahwa "
                  "pasukan Korea Utara telah dikirim ke Rusia. Kepala staf presiden Andrii Yermak memberi penjelasan."),
    # A later wave: the same type and participants, but another time.
    "later-en": ("2024-12-20", "Wire Three", "North Korean troops were sent to Russia again on "
                 "December 15, 2024, a Ukrainian official said on Friday."),
}


def _extractions():
    return [extract(parse_article(f"---\npublished: {day}\npublisher: {pub}\n---\n{text}", f"{name}.txt"))
            for name, (day, pub, text) in ARTICLES.items()]


@pytest.fixture(scope="module")
def story():
    xs = _extractions()
    return xs, to_dataset(xs)


def test_fold_name_keeps_spellings_together_and_people_apart():
    assert fold_name("Kim Jong-un") == fold_name("Kim Jong Un")
    assert fold_name("Volodymyr Zelenskyy") == fold_name("Volodymyr Zelensky")
    assert fold_name("Kim Yong-hyun") != fold_name("Kim Jong Un")
    assert fold_name("Kim") != fold_name("Kim Jong Un")


def test_reconcile_actors_gives_one_key_across_spellings():
    xs = _extractions()
    keys = {x.article.id: {k for k, a in x.actors.items() if a.label.startswith("Andri")} for x in xs}
    assert keys["wire-en"] and keys["harian-id"] and keys["wire-en"] != keys["harian-id"]
    renamed = reconcile_actors(xs)
    assert renamed
    after = {x.article.id: {k for k, a in x.actors.items() if fold_name(a.label) == "andry yermak"} for x in xs}
    assert after["wire-en"] == after["harian-id"] and len(after["wire-en"]) == 1


def test_extractions_kept_pickled_are_reconciled_as_the_objects_are():
    """A build keeps its extractions pickled (kg.merge.Pickled): reconciling them loads and
    rewrites only those that name a key renamed, and gives what reconcile_actors gives."""
    from kg.merge import Pickled, reconcile_pickled

    xs = _extractions()
    kept = [Pickled(x) for x in xs]
    blobs = [p.blob for p in kept]
    renamed = reconcile_pickled(kept)
    assert renamed and renamed == reconcile_actors(xs)
    assert [p.load() for p in kept] == xs
    touched = [p.blob != blob for p, blob in zip(kept, blobs)]
    assert touched == [not p.named.isdisjoint(renamed) for p in kept] and any(touched)


def test_same_event_merged_across_languages_later_wave_kept_apart():
    xs = _extractions()
    found = merge_events(xs)
    deployments = [m for m in found if m.type == "deployment"]
    together = next(m for m in deployments if len(m.members) == 2)
    assert {x.article.id for x, _ in together.members} == {"wire-en", "harian-id"}
    assert together.reasons[0] == "first report"
    assert together.reasons[1].startswith("same type deployment; times meet")
    assert "shares" in together.reasons[1]
    later = next(m for m in deployments if any(x.article.id == "later-en" for x, _ in m.members))
    assert len(later.members) == 1
    assert together.first()[0].article.id == "wire-en"  # published first


def test_a_force_said_to_be_somewhere_joins_its_countrys_deployment():
    """'North Korean troops are in Kursk' names no sender; North Korea's troops are still North Korea's."""
    texts = {"sent-en": ("2024-11-05", "North Korea sent troops to the Kursk region of Russia on Monday (4/11/2024)."),
             "there-en": ("2024-11-06", "North Korean troops are in the Kursk region of Russia, the Pentagon said.")}
    xs = [extract(parse_article(f"---\npublished: {day}\nlanguage: en\n---\n{text}", f"{name}.txt"))
          for name, (day, text) in texts.items()]
    there = next(e for e in xs[1].events if e.type == "deployment")
    assert "north-korea" not in {key for role, key in there.roles if role == "agent"}
    joined = [m for m in merge_events(xs) if m.type == "deployment" and len(m.members) == 2]
    assert len(joined) == 1 and "shares north-korea" in joined[0].reasons[1], [m.reasons for m in merge_events(xs)]


def test_an_undated_report_never_chains_two_dated_ones():
    xs = _extractions()
    undated = next(x for x in xs if x.article.id == "harian-id")
    for e in undated.events:
        e.time = None  # only "on or before publication" is left
    found = merge_events(xs)
    for m in found:
        days = {e.time.begin for _, e in m.members if e.time and e.time.begin}
        assert len(days) <= 1, m.reasons


def test_same_statement_reported_twice_is_one_with_a_first_report():
    xs = _extractions()
    found = [m for m in merge_statements(xs) if len(m.members) > 1]
    assert len(found) == 1
    (first_x, _), (second_x, _) = found[0].members
    assert (first_x.article.id, second_x.article.id) == ("wire-en", "harian-id")
    assert "same day 2024-10-28" in found[0].reasons[1]


def test_casualties_that_count_different_things_are_never_one_event():
    """The captured are not the killed, however alike the reports: the same day, place and force."""
    texts = {"captured-en": ("en", "Two North Korean soldiers were captured in Kursk on Thursday, Jan. 9, 2025."),
             "killed-en": ("en", "Dozens of North Korean soldiers were killed in Kursk on Thursday, Jan. 9, 2025."),
             "tewas-id": ("id", "Puluhan tentara Korea Utara tewas di Kursk pada Kamis (9/1/2025).")}
    xs = [extract(parse_article(f"---\npublished: 2025-01-10\nlanguage: {language}\n---\n{text}", f"{name}.txt"))
          for name, (language, text) in texts.items()]
    joined = [sorted(x.article.id for x, _ in m.members) for m in merge_events(xs) if m.type == "casualties"]
    assert sorted(joined) == [["captured-en"], ["killed-en", "tewas-id"]]


def test_the_same_figure_from_the_same_speaker_is_one_statement_in_both_languages():
    """A month in one report and a day in the other, words in two languages: the figure they
    tell, from the same speaker, joins them; another figure from that speaker does not."""
    texts = {"month-en": ("2025-02-03", "en", "In January South Korea's spy agency said about 300 North Korean "
                                        "soldiers had been killed."),
             "day-id": ("2025-01-14", "id", "Badan Intelijen Nasional Korea Selatan menyebut sekitar 300 tentara "
                                      "Korea Utara tewas, Senin (13/1/2025)."),
             "other-en": ("2025-02-04", "en", "In December South Korea's spy agency said 1,000 North Korean "
                                              "soldiers were wounded.")}
    xs = [extract(parse_article(f"---\npublished: {day}\nlanguage: {language}\n---\n{text}", f"{name}.txt"))
          for name, (day, language, text) in texts.items()]
    joined = [sorted(x.article.id for x, _ in m.members) for m in merge_statements(xs) if len(m.members) > 1]
    assert joined == [["day-id", "month-en"]]


def test_story_items_in_rdf_validate_and_are_explained(story):
    _, ds = story
    g = merged(ds)
    events = list(g.subjects(KGO.reportedAs, None, unique=True))
    assert len(events) == 2  # the deployment and the statement
    assert validate(ds).conforms
    story_event = next(s for s in events if "/story/event/" in str(s))
    text = explain(g, str(story_event)[-16:])
    assert "2 reports" in text and "why: first report" in text and "why: same type deployment" in text
    member = next(g.objects(story_event, KGO.reportedAs))
    assert explain(g, str(member)).splitlines()[0] == str(story_event)


def test_views_show_one_item_with_every_source(story):
    _, ds = story
    G = project(ds)
    merged_nodes = [n for n, d in G.nodes(data=True) if d.get("sources")]
    assert len(merged_nodes) == 2
    event = next(n for n in merged_nodes if "/story/event/" in n)
    sources = json.loads(G.nodes[event]["sources"])
    assert [s["publisher"] for s in sources] == ["Wire One", "Harian Dua"]
    assert all(s["factuality"] for s in sources)
    reports = {str(m) for m in merged(ds).objects(None, KGO.reportedAs)}
    assert len(reports) == 4 and not reports & set(G)  # the reports became the merged nodes
    statement = next(n for n in merged_nodes if "/story/statement/" in n)
    assert any(v == event for _, v in G.out_edges(statement))  # it reports the merged event


@given(st.lists(st.tuples(st.integers(0, 3), st.booleans(), st.booleans(),
                          st.floats(0, 1, allow_nan=False)), max_size=12),
       st.one_of(st.none(), st.lists(st.floats(0, 1, allow_nan=False), min_size=12, max_size=12)),
       st.integers(0, 99))
@example([(1, False, False, 1.0), (1, True, False, 0.0)], None, 0)  # a tie the earlier one wins
@example([(1, False, False, 1.0), (1, True, False, 0.0)], [0.0] * 12, 0)  # the same, the bound exact
@example([(3, True, True, 1.0), (3, True, True, 1.0)], None, 0)  # the first of two best
def test_the_statement_merge_picks_what_comparing_every_candidate_picks(reports, slack, gap):
    """Skipping candidates that cannot win changes nothing: the best score, the earliest of
    equals; with a bound of each candidate's words (``slack`` above them), too. A story
    whose days do not meet the statement's (0 speakers shared, here) is no candidate."""
    numbers = [gap + 2 * n for n in range(len(reports))]  # story numbers, ascending, not places
    of = dict(zip(numbers, reports))
    flags = {n: (day, event) for n, (_, day, event, _) in of.items()}
    words = {n: alike for n, (_, _, _, alike) in of.items()}
    meet = lambda n: (f"story {n}", None, None, set(range(of[n][0])), n) if of[n][0] else None  # noqa: E731
    at_most = None if slack is None else (lambda n: min(1.0, words[n] + slack[numbers.index(n)]))
    found = _best_statement(numbers, flags.get, meet, words.get, at_most, speakers=3)
    best, best_score = None, 0.0
    for n, (k, day, event, alike) in of.items():
        if k and (day or alike >= SIMILAR_WORDS or event) and k + alike + day + event > best_score:
            best, best_score = n, k + alike + day + event
    assert (found[0][4] if found else None) == best
    if found:
        assert found[0] == meet(best)
        assert found[1:] == (*flags[best], words[best])


DAYS = st.one_of(st.none(), st.tuples(st.integers(0, 300), st.integers(0, 200)))  # None: undated
KEYS = st.sets(st.one_of(st.sampled_from([date(2024, 11, 1) + timedelta(days=d) for d in (0, 5, 90)]),
                         st.integers(0, 2), st.sampled_from(["troops", "kursk", "sent"])))
SPEAKERS = st.sets(st.sampled_from("abc"), min_size=1)


def _item(n, days):
    if days is None:
        return SimpleNamespace(id=str(n), time=None)
    begin = date(2024, 9, 1) + timedelta(days=days[0])
    return SimpleNamespace(id=str(n), time=SimpleNamespace(begin=begin, end=begin + timedelta(days=days[1])))


@given(st.lists(st.tuples(st.integers(0, 8), SPEAKERS, DAYS, KEYS), max_size=30),
       SPEAKERS, DAYS, KEYS, st.sets(st.sampled_from(["troops", "kursk", "sent"])))
@example([(n, {"a"}, None if n < 2 else (0, 200), {"troops"}) for n in range(4)],  # the latest two
         {"a"}, (290, 0), set(), {"troops"})                                        # do not meet
@example([(n, {"a"}, None if n < 4 else (0, 200), {"troops" if n < 2 else "kursk"}) for n in range(6)],
         {"a"}, (290, 0), set(), {"troops", "kursk"})  # the latest two that meet are not the latest
def test_the_statement_index_finds_what_looking_at_every_story_finds(joins, who, days, sure, words):
    """The stories a report may join, found through the speaker, key and period lists, are
    those found by looking at every story: sharing a speaker, days that meet, and a key of
    ``sure`` or, the latest ``WORD_STORIES`` (two here, so that it counts) of the rest, a word."""
    with patch.object(kg.merge, "WORD_STORIES", 2):
        _check_statement_index(joins, who, days, sure, words)


def _check_statement_index(joins, who, days, sure, words):
    said, keys = _Said(), []
    for n, (pick, speakers, when, joined) in enumerate(joins):
        item = _item(n, when)
        begin, end = interval(item)
        story = said.all[pick] if pick < len(said.all) else Merged("statement", "claim")
        if max(begin, story.begin) > min(end, story.end):  # as in the merge: only a story that meets
            story = Merged("statement", "claim")
        said.join(story, None, item, "", speakers, sorted(joined, key=repr), frozenset())
        number = said.number(story)
        keys[number:number + 1] = [(keys[number] if number < len(keys) else set()) | joined]
    begin, end = interval(_item(-1, days))
    near = said.under("claim", who, sure, begin, end)
    found = said.candidates("claim", begin, end, who, near, words)

    def meets(n):
        story = said.all[n]
        return max(begin, story.begin) <= min(end, story.end) and who & story.participants

    spoken = [n for n in range(len(said.all)) if who & said.all[n].participants]
    assert {n for n in spoken if keys[n] & sure and meets(n)} <= near <= {n for n in spoken if keys[n] & sure}
    worded = [n for n in spoken if n not in near and keys[n] & words and meets(n)]
    assert found == sorted(near | set(worded[len(worded) - kg.merge.WORD_STORIES:]))
    for n in found:  # the days of those near are told when they are looked at
        story = said.all[n]
        if meets(n):
            assert said.meet(n, begin, end, who) == (story, max(begin, story.begin), min(end, story.end),
                                                     who & story.participants, n)
        else:
            assert said.meet(n, begin, end, who) is None


WORDS = st.frozensets(st.sampled_from(["troops", "kursk", "sent", "border", "arrived"]), max_size=4)


@given(st.lists(st.tuples(st.integers(0, 2), WORDS, WORDS), max_size=40))
@example([(0, frozenset({"kursk"}), frozenset({"kursk"}))] + [(0, frozenset({"sent"}), frozenset({"kursk"}))] * 4)
def test_a_story_compares_its_first_and_latest_reports_words(steps):
    """The words a report is compared with are those of its story's first report and
    latest ones (``COMPARED`` in all, three here), each set once however many reports
    repeat it; the bound of their similarity holds every word of them."""
    with patch.object(kg.merge, "COMPARED", 3):
        said, stories, reports = _Said(), [Merged("statement", "claim") for _ in range(3)], [[], [], []]
        for n, (pick, joined, asked) in enumerate(steps):
            said.join(stories[pick], None, SimpleNamespace(id=str(n), time=None), "", {"a"}, [], joined)
            number, kept = said.number(stories[pick]), reports[pick]
            kept.append(joined)
            expected = [kept[0], *kept[1:][-2:]]
            assert sorted(map(sorted, said.compared[number])) == sorted(map(sorted, set(expected)))
            assert set(said.vocabulary[number]) == set().union(*expected)
            assert kg.merge._most_alike_at_most(asked, said.vocabulary[number].keys()) >= \
                kg.merge._most_alike(asked, said.compared[number])


def _story_articles():
    from pathlib import Path

    from kg.ingest import read_files
    folder = Path(__file__).parent / "articles" / "story"
    return read_files(sorted(folder.glob("*.txt"))).articles


def _generated_articles(n: int = 60):
    from conftest import load_script
    from kg.ingest import parse_article
    return [parse_article(text, name) for name, text in load_script("gen-corpus").articles(n, 0)]


@pytest.mark.parametrize("articles", [_story_articles, _generated_articles], ids=["story", "generated"])
def test_the_story_made_in_a_worker_is_the_story_made_here(articles):
    """A parallel build merges the story and makes its graph in a worker, from the
    extractions pickled and reconciled there (kg.merge.reconcile_pickled), each loaded
    without what the story never reads (kg.rdf.for_story): the same triples, in the same
    order, as one process makes from the extractions themselves, on the story's articles
    and on generated ones (their page furniture, figures, casualties, listings)."""
    import copy

    from kg.merge import Pickled, reconcile_pickled
    from kg.rdf import STORY, pickled_story, story_of_pickled, to_quads

    xs = [extract(a) for a in articles()]
    kept = [Pickled(x) for x in xs]
    here = to_quads(copy.deepcopy(xs)).graphs[STORY]
    renamed = reconcile_pickled(kept)
    assert renamed == reconcile_actors(xs)
    assert [p.load() for p in kept] == xs  # every key rewritten as in the objects themselves
    story = story_of_pickled([p.blob for p in kept])
    assert list(story) == list(here)
    sent = pickle.loads(pickled_story([p.blob for p in kept]))  # as the build and its text's worker read it
    assert list(sent) == list(here) and sent.table.numbers is None  # no dict of its terms' numbers made again
    for kind in (KGO.StoryEvent, KGO.StoryStatement):  # the articles repeat events and statements
        assert len({s for s, p, o in story if p == RDF.type and o == kind}) >= 3, kind


def test_the_projection_meets_entities_item_by_item_and_role_by_role():
    """The actors and places follow the items in the order the items name them: events, then
    statements, each in term order, role by role (:data:`kg.network._ROLES`), read here from
    the graph by rdflib; an item's edges role by role, an entity's in the items' order."""
    from pathlib import Path

    from kg.network import _ROLES

    path = sorted((Path(__file__).parent / "articles" / "story").glob("*.txt"))[0]
    ds = to_dataset([extract(parse_article(path.read_text(encoding="utf-8"), path.name))])
    G, g = project(ds), merged(ds)
    statements = sorted(g.subjects(RDF.type, KGO.Statement))
    items = [*sorted(set(g.subjects(RDF.type, SEM.Event)) - set(statements)), *statements]
    kinds = dict(G.nodes(data="kind"))
    met = []
    for item in items:
        for prop in _ROLES:
            met += [str(o) for o in sorted(g.objects(item, prop)) if kinds.get(str(o)) in ("actor", "place")]
    met = list(dict.fromkeys(met))
    assert len(met) >= 3 and [n for n in G if kinds[n] in ("actor", "place")] == met
    rank, order = {role: n for n, role in enumerate(_ROLES.values())}, list(G)
    for node in G:
        if kinds[node] in ("event", "statement") and not G.nodes[node].get("sources"):
            keys = [key for _, _, key in G.out_edges(node, keys=True)]
            assert keys == sorted(keys, key=rank.__getitem__)
    for entity in met:
        sources = [u for u, _ in G.in_edges(entity)]
        assert sources == sorted(sources, key=order.index)


_NODES, _KEYS = "abcdef", ("agent", "theme", "reports")
_EDGE = st.tuples(st.just("edge"), st.sampled_from(_NODES), st.sampled_from(_NODES), st.sampled_from(_KEYS),
                  st.sampled_from(("", "2024-11-04", "2024-11-12")))


@given(st.lists(st.one_of(_EDGE, _EDGE, _EDGE, st.tuples(st.just("node"), st.sampled_from(_NODES), st.sampled_from(("size", "kind")), st.integers(0, 3)),
                          st.tuples(st.just("remove"), st.sampled_from(_NODES))), max_size=40))
@example([("edge", "c", "b", "agent", ""), ("edge", "a", "b", "agent", "")])  # b's sources: c first
@example([("edge", "a", "b", "agent", ""), ("edge", "a", "c", "theme", ""), ("edge", "a", "b", "theme", "")])
def test_the_projections_draft_ends_as_networkx_would_have_made_the_graph(steps):
    """Nodes added (or given new attributes), keyed edges added between them (again, with
    another key or date), nodes removed: the draft the projection is made in
    (:class:`kg.network.Draft`) gives the graph networkx gives for the same steps, with the
    same nodes, attributes, edges and data, in the same order from each node and to it."""
    import networkx as nx

    from kg.network import Draft

    draft, G = Draft(), nx.MultiDiGraph()
    for node in _NODES:
        draft.add_node(node, {})
        G.add_node(node)
    for step in steps:
        if step[0] == "node":
            draft.add_node(step[1], {step[2]: step[3]})
            G.add_node(step[1], **{step[2]: step[3]})
        elif step[0] == "edge" and step[1] in G and step[2] in G:
            _, u, v, key, date = step
            assert draft.has_edge(u, v, key) == G.has_edge(u, v, key)
            draft.add_edge(u, v, key, date)
            G.add_edge(u, v, key=key, label=key, date=date)
        elif step[0] == "remove" and step[1] in G:
            assert draft.out_edges(step[1]) == [(v, k, d["date"]) for _, v, k, d in G.out_edges(step[1], keys=True, data=True)]
            assert draft.in_edges(step[1]) == [(u, k, d["date"]) for u, _, k, d in G.in_edges(step[1], keys=True, data=True)]
            draft.remove_node(step[1])
            G.remove_node(step[1])
    made = draft.to_networkx()
    assert list(made.nodes(data=True)) == list(G.nodes(data=True))
    assert list(made.edges(keys=True, data=True)) == list(G.edges(keys=True, data=True))
    assert [(n, list(made.pred[n].items())) for n in made] == [(n, list(G.pred[n].items())) for n in G]
    assert not (draft.nodes or draft.succ or draft.pred or draft.sources)  # emptied as the graph is made: not held beside it


def test_a_merged_item_is_its_first_report_made_whole_with_every_reports_sources():
    """A story event or statement reported by several articles takes the attributes its first
    report has in a projection where nothing is merged (the graph without its story graph),
    and lists what that projection says of each report (:data:`kg.network.SOURCE_KEYS`), the
    first report first; every item merged into no story is as it is there. The reports merged
    away are made with those keys alone (:func:`kg.network._collapsing`)."""
    from pathlib import Path

    from kg.ingest import read_files
    from kg.network import SOURCE_KEYS
    from kg.rdf import STORY, to_quads

    folder = Path(__file__).parent / "articles" / "story"
    quads = to_quads([extract(a) for a in read_files(sorted(folder.glob("*.txt"))).articles])
    G, g = project(quads), merged(quads)
    del quads.graphs[STORY]
    apart = project(quads)  # every report its own node
    stories = [n for n, sources in G.nodes(data="sources") if sources]
    assert len(stories) >= 6
    for node in stories:
        attrs = dict(G.nodes[node])
        sources = json.loads(attrs.pop("sources"))
        reports = [str(o) for o in g.objects(URIRef(node), KGO.reportedAs)]
        first = str(g.value(URIRef(node), KGO.firstReport))
        assert attrs == apart.nodes[first] and len(sources) == len(reports) >= 2
        said = [{k: apart.nodes[r][k] for k in SOURCE_KEYS} for r in reports]
        assert sources[0] == said[reports.index(first)]
        assert sorted(map(json.dumps, sources)) == sorted(map(json.dumps, said))
    alone = [n for n in G if n in apart and apart.nodes[n]["kind"] in ("event", "statement")]
    assert len(alone) >= 3
    assert all(G.nodes[n] == apart.nodes[n] for n in alone)
