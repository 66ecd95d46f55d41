"""The counts the build keeps in the story graph (each article's events and statements, each
actor's mentions and the languages of its articles, each pair of actors and what they share)
say what the articles' own triples say: in a build, and in the hand-written graph the named
queries are tested on."""
import shutil
from collections import Counter
from pathlib import Path

import pytest
from rdflib import RDF

from kg.build import build
from kg.extract.document import extract
from kg.formats import merged as union
from kg.ingest import parse_article, read_article
from kg.query import load_graph, load_query, run_on
from kg.rdf import to_dataset
from kg.vocab import KGO, KGR, KGV, PROV, SCHEMA, SEM

TESTS = Path(__file__).parent
ARTICLES = TESTS / "articles" / "dev"
COUNTED = TESTS / "fixtures" / "queries" / "counted"  # the queries' texts before the counts were kept
# Articles in both languages, on the same events: actors shared across them and languages.
NAMES = ("en_01_rutte_kursk", "en_02_nis_casualties", "en_03_kcna_confirms",
         "id_02_rutte_kursk", "id_03_blinken_8000", "id_05_kcna_konfirmasi")
ROLES = (KGO.agent, KGO.theme, KGO.partner, KGO.target, SEM.hasActor,
         KGO.speaker, KGO.addressee, KGO.onBehalfOf)


# Two more of my own: the secretary-general is not named, only spoken for (an actor with no
# mention); the training is denied by one statement and affirmed by another (a contradiction).
OWN = {
    "un.txt": "---\npublished: 2024-11-12\nlanguage: en\n---\nA spokesperson for the UN secretary-general "
              "said on Monday that the troops were in Kursk.\n",
    "latihan.txt": (TESTS / "fixtures" / "contradiction.txt").read_text(encoding="utf-8"),
}


def _built():
    """The union of a build of the articles: story graph and article graphs together."""
    articles = [read_article(ARTICLES / f"{name}.txt") for name in NAMES]
    articles += [parse_article(text, name) for name, text in OWN.items()]
    return union(to_dataset([extract(a) for a in articles]))


@pytest.fixture(scope="module", params=["build", "query fixture"])
def graph(request):
    if request.param == "build":
        return _built()
    return union(load_graph(TESTS / "fixtures" / "queries" / "graph.trig"))


def counted_mentions(graph) -> dict:
    return {a: len(set(graph.objects(a, KGO.mention))) for a in graph.subjects(RDF.type, SEM.Actor)}


def counted_languages(graph) -> dict:
    return {a: {str(graph.value(source, SCHEMA.inLanguage)) for source in graph.objects(a, PROV.wasDerivedFrom)}
            for a in graph.subjects(RDF.type, SEM.Actor)}


def counted_pairs(graph) -> Counter:
    """(first, other, is_statement) -> how many items name both in a role, first < other."""
    shared = Counter()
    for item in {s for p in ROLES for s in graph.subjects(p, None)}:
        who = {o for p in ROLES for o in graph.objects(item, p)}
        is_statement = (item, RDF.type, KGO.Statement) in graph
        shared.update((a, b, is_statement) for a in who for b in who if str(a) < str(b))
    return shared


def test_each_article_keeps_how_many_events_and_statements_it_gave(graph):
    statements = set(graph.subjects(RDF.type, KGO.Statement))
    events = set(graph.subjects(RDF.type, SEM.Event)) - statements
    for article in graph.subjects(RDF.type, SCHEMA.NewsArticle):
        derived = set(graph.subjects(PROV.wasDerivedFrom, article))
        assert graph.value(article, KGO.eventCount).toPython() == len(derived & events)
        assert graph.value(article, KGO.statementCount).toPython() == len(derived & statements)


def test_each_actor_keeps_how_many_mentions_it_has(graph):
    counted = counted_mentions(graph)
    kept = {a: graph.value(a, KGO.mentionCount).toPython() for a in counted}
    assert kept == counted
    assert len(kept) >= 8 and max(kept.values()) > 2


def test_an_actor_known_only_as_a_principal_keeps_no_mention():
    graph = _built()
    assert graph.value(KGR["actor/antonio-guterres"], KGO.mentionCount).toPython() == 0


def test_each_actor_keeps_the_languages_of_its_articles(graph):
    kept = {a: {str(language) for language in graph.objects(a, KGO.articleLanguage)}
            for a in graph.subjects(RDF.type, SEM.Actor)}
    assert kept == counted_languages(graph)
    assert {"en", "id"} in kept.values() or {"en"} in kept.values()


def test_each_pair_keeps_the_events_and_statements_its_actors_share(graph):
    kept = Counter()
    for pair in graph.subjects(RDF.type, KGO.ActorPair):
        first, other = sorted(graph.objects(pair, KGO.pairOf), key=str)
        assert pair == KGR[f"pair/{str(first).rsplit('/', 1)[1]}/{str(other).rsplit('/', 1)[1]}"]
        kept[first, other, False] = graph.value(pair, KGO.sharedEvents).toPython()
        kept[first, other, True] = graph.value(pair, KGO.sharedStatements).toPython()
    shared = counted_pairs(graph)
    assert +kept == +shared  # "+": the zero counts dropped
    assert any(n for (_, _, is_statement), n in shared.items() if is_statement)
    assert any(n for (_, _, is_statement), n in shared.items() if not is_statement)


def articles_in(folder: Path) -> Path:
    """The same articles as files in ``folder``/in, for ``kg build``: that folder."""
    (folder / "in").mkdir()
    for name in NAMES:
        shutil.copy(ARTICLES / f"{name}.txt", folder / "in" / f"{name}.txt")
    for name, text in OWN.items():
        (folder / "in" / name).write_text(text, encoding="utf-8")
    return folder / "in"


@pytest.fixture(scope="module")
def built_file(tmp_path_factory):
    """The same articles through ``kg build``: its graph.trig."""
    folder = tmp_path_factory.mktemp("kept")
    build([articles_in(folder)], folder / "out", use_cache=False)
    return folder / "out" / "graph.trig"


@pytest.mark.parametrize(("name", "params"), [
    ("actors", {}), ("together", {}), ("together", {"actor": "Korea Utara"}), ("first-reports", {}),
    ("reported-by", {"type": "deployment"}), ("reported-by", {"type": "casualties"}),
    ("reported-by", {"type": "kgv:event-treaty"}), ("contradictions", {}), ("articles", {})])
def test_the_queries_that_read_the_kept_counts_answer_as_those_that_count(built_file, name, params):
    """The named query beside its text before the counts were kept (tests/fixtures/queries/counted/),
    which counted them from the articles' triples at each asking."""
    header, rows = run_on(built_file, load_query(name), params)
    assert len(rows) >= (1 if name == "contradictions" else 2)
    assert (header, rows) == run_on(built_file, load_query(str(COUNTED / f"{name}.rq")), params)


def counted_reports(graph) -> tuple[dict, dict]:
    """From the triples: each event type's earliest dated report ("day report event", the least)
    and each source's first report ("day-or-~ report"), reports and events, by
    (type, "speaker" or "publisher", actor or name)."""
    earliest, sources = {}, {}

    def found(kind, day, report, event, role, key):
        when = None if day is None else str(day)
        if when is not None:
            candidate = f"{when} {report} {event}"
            earliest[kind] = min(earliest.get(kind, candidate), candidate)
        if key is not None:
            record = sources.setdefault((kind, role, key), [f"{when or '~'} {report}", set(), set()])
            record[0] = min(record[0], f"{when or '~'} {report}")
            record[1].add(report)
            record[2].add(event)

    for event in set(graph.subjects(RDF.type, SEM.Event)) - set(graph.subjects(RDF.type, KGO.Statement)):
        kind = graph.value(event, SEM.eventType)
        for article in graph.objects(event, PROV.wasDerivedFrom):
            found(kind, graph.value(article, SCHEMA.datePublished), article, event, "publisher",
                  graph.value(article, SCHEMA.publisher))
        claims = list(graph.subjects(KGO.about, event))
        reports = set(graph.subjects(KGO.reports, event)) | {r for c in claims for r in graph.subjects(KGO.claim, c)}
        denials = {r for c in claims if graph.value(c, KGO.factuality) == KGV["factuality-negated"]
                   for r in graph.subjects(KGO.claim, c)}
        for report in reports - denials:
            time = graph.value(report, SEM.hasTime)
            day = None if time is None else (graph.value(time, SEM.hasTimeStamp)
                                             or graph.value(time, SEM.hasEarliestBeginTimeStamp))
            for speaker in graph.objects(report, KGO.speaker):
                found(kind, day, report, event, "speaker", speaker)
            if not list(graph.objects(report, KGO.speaker)):
                found(kind, day, report, event, "speaker", None)
    return earliest, {k: (first, len(r), len(e)) for k, (first, r, e) in sources.items()}


def kept_reports(graph) -> tuple[dict, dict]:
    """The same, from the kept kgo:EarliestReport and kgo:ReportingSource nodes."""

    def day(report):
        time = graph.value(report, SEM.hasTime)
        if time is None:
            return graph.value(report, SCHEMA.datePublished)
        return graph.value(time, SEM.hasTimeStamp) or graph.value(time, SEM.hasEarliestBeginTimeStamp)

    earliest = {}
    for node in graph.subjects(RDF.type, KGO.EarliestReport):
        report, event = graph.value(node, KGO.report), graph.value(node, KGO.reportedEvent)
        earliest[graph.value(node, SEM.eventType)] = f"{day(report)} {report} {event}"
    sources = {}
    for node in graph.subjects(RDF.type, KGO.ReportingSource):
        speaker = graph.value(node, KGO.sourceActor)
        key = ("speaker", speaker) if speaker is not None else ("publisher", graph.value(node, SCHEMA.publisher))
        report = graph.value(node, KGO.report)
        when = day(report)
        sources[(graph.value(node, SEM.eventType), *key)] = (f"{when if when is not None else '~'} {report}",
                                           graph.value(node, KGO.reportCount).toPython(),
                                           graph.value(node, KGO.eventCount).toPython())
    return earliest, sources


def test_each_event_type_keeps_its_earliest_report_and_its_sources(graph):
    earliest, sources = counted_reports(graph)
    assert kept_reports(graph) == (earliest, sources)
    assert len(earliest) >= 2 and {role for _, role, _ in sources} == {"speaker", "publisher"}


def counted_contradictions(graph) -> set:
    """From the triples: (event, affirming, denying) for each event a statement's claim asserts
    or reports and another's negates."""
    views = {}
    for claim, event in graph.subject_objects(KGO.about):
        view = graph.value(claim, KGO.factuality)
        side = "denying" if view == KGV["factuality-negated"] else \
            "affirming" if view in (KGV["factuality-asserted"], KGV["factuality-reported"]) else None
        if side:
            for statement in graph.subjects(KGO.claim, claim):
                views.setdefault(event, {"affirming": set(), "denying": set()})[side].add(statement)
    return {(event, yes, no) for event, sides in views.items()
            for yes in sides["affirming"] for no in sides["denying"] if yes != no}


def test_each_contradiction_is_kept(graph):
    kept = {(graph.value(c, KGO.reportedEvent), graph.value(c, KGO.affirming), graph.value(c, KGO.denying))
            for c in graph.subjects(RDF.type, KGO.Contradiction)}
    assert kept == counted_contradictions(graph) and len(kept) == 1
