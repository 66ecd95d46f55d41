"""The listings the build keeps cut into pages (timeline, events, statements, articles,
unconfirmed, figures, role-speakers, disputed, and said-by and events-at for each actor and place):
read page after page, a listing gives the same header and rows, in the same order, as the
whole listing asked at once, on Oxigraph and on rdflib; and what is asked of a page that is
not there is a clear error."""
import shutil
from datetime import date, timedelta

import pytest
from rdflib import RDF, SKOS, Dataset, Literal

from kg.build import build
from kg.extract.document import extract
from kg.ingest import parse_article
from kg.merge import merge_events
from kg.quads import Quads
from kg.terms import actor_iri, article_iri
from kg.cli import main
from kg.errors import QueryError
from kg import kept
from kg.periods import LEVELS, rank_iri, span_iri, spans_cut, spans_over
from kg.query import NamedQuery, load_query, named_queries, run_page
from kg.store import MemoryStore, RdflibStore
from kg.vocab import KGO, KGR, SEM
from test_kept_counts import ARTICLES, TESTS, articles_in

FIXTURE = TESTS / "fixtures" / "queries" / "graph.trig"  # pages of 3 items, hand-cut
LISTINGS = ("timeline", "events", "statements", "articles", "unconfirmed", "figures", "role-speakers", "disputed",
            "figures-by-source")
#: The listings kept for each actor or place a query with a parameter is asked about.
ASKED = {"said-by": "actor", "events-at": "place"}


SIZE = 7  # items a page in the build below, to have several pages of each listing


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """``kg build`` of six dev articles in both languages and two of my own, in one process, with
    pages of :data:`SIZE` items: its graph.trig."""
    folder = tmp_path_factory.mktemp("pages")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kept, "PAGE_SIZE", SIZE)
        build([articles_in(folder)], folder / "out", use_cache=False, jobs=1)
    return folder / "out" / "graph.trig"


def test_the_listings_with_pages_are_those_that_list_the_archive_in_date_order():
    assert sorted(name for name, q in named_queries().items() if q.pages) == sorted([*LISTINGS, *ASKED, "between"])
    for name in [*LISTINGS, *ASKED]:
        query = load_query(name)
        assert query.pages.required() == (["listing", "page"] if query.params else ["page"])
        assert query.pages.answers.startswith("One page of")
    between = load_query("between")  # its pages cut at asking: asked as the whole query is, and a page
    assert between.pages.params == {**between.params, "page": between.pages.params["page"]}


def _pages_read(store, query, params=None) -> tuple[list[str], list[list[str]], int, int]:
    """Every page of ``query`` (for ``params``) read in turn: the header, the rows one after the
    other, and the item and page counts the build kept."""
    header, rows, items, pages = run_page(store, query, 1, params)
    for number in range(2, pages + 1):
        more_header, more_rows, _, _ = run_page(store, query, number, params)
        assert more_header == header
        assert more_rows, f"page {number} of {query.name} is empty"
        rows += more_rows
    return header, rows, items, pages


@pytest.mark.parametrize("engine", [MemoryStore, RdflibStore], ids=["oxigraph", "rdflib"])
@pytest.mark.parametrize("name", LISTINGS)
def test_a_built_listing_read_page_by_page_is_the_whole_listing(built, engine, name):
    store, query = engine(built), load_query(name)
    header, rows, items, pages = _pages_read(store, query)
    assert (header, rows) == store.run(query)
    column = 8 if name == "figures-by-source" else 0  # figures-by-source: the figure's event
    assert items == len({row[column] for row in rows})
    assert len(rows) == items or name == "role-speakers"  # a row for each of its speakers
    assert pages == -(-items // SIZE) >= (1 if name == "disputed" else 2)  # disputed: in a build of its own, below


@pytest.mark.parametrize("engine", [MemoryStore, RdflibStore], ids=["oxigraph", "rdflib"])
def test_figures_by_source_read_page_by_page_is_the_whole_answer_for_every_measure_and_each(built, engine):
    store, query = engine(built), load_query("figures-by-source")
    measures = _asked(store, "figures-by-source")
    assert len(measures) >= 2
    for params in [{}, *({"measure": about} for about in measures)]:
        header, rows, items, pages = _pages_read(store, query, params)
        assert (header, rows) == store.run(query, params), params
        assert items == len(rows) and pages == -(-items // SIZE)
        assert params or pages >= 2
    every = store.run(query)[1]
    answered = {row[0] for row in every}  # each measure with a figure has its listing
    assert len(answered) == len(measures)
    for counts in answered:  # asked for by its notation, in any case
        _, rows, _, _ = _pages_read(store, query, {"measure": counts.upper()})
        assert rows == [row for row in every if row[0] == counts]


#: Dev articles whose denials another report of the same story event affirms, often in
#: another article: what makes an event disputed across the archive.
DENIALS = ("en_08_gerasimov_kursk", "en_09_feature_captives", "en_19_thinktank_assessment",
           "en_32_live_gerasimov_kursk", "en_35_podcast_first_losses", "en_37_yonhap_style_copy",
           "id_29_warganet_kcna", "id_34_tajuk_tawanan_kursk", "id_35_kronologi_pengakuan_korut")


@pytest.fixture(scope="module")
def denials_built(tmp_path_factory):
    """``kg build`` of :data:`DENIALS`, with pages of 2 items: its graph.trig."""
    folder = tmp_path_factory.mktemp("denials")
    (folder / "in").mkdir()
    for name in DENIALS:
        shutil.copy(ARTICLES / f"{name}.txt", folder / "in" / f"{name}.txt")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kept, "PAGE_SIZE", 2)
        build([folder / "in"], folder / "out", use_cache=False, jobs=1)
    return folder / "out" / "graph.trig"


@pytest.mark.parametrize("engine", [MemoryStore, RdflibStore], ids=["oxigraph", "rdflib"])
def test_events_disputed_across_articles_read_page_by_page_are_the_whole_listing(denials_built, engine):
    store, query = engine(denials_built), load_query("disputed")
    header, rows, items, pages = _pages_read(store, query)
    assert (header, rows) == store.run(query)
    assert items == len(rows) >= 5 and pages == -(-items // 2)
    assert len({row[-1] for row in rows}) >= 4  # denied in four articles or more


def test_who_affirms_a_disputed_event_is_kept_once_for_each_speaker_and_language(denials_built):
    """The page reads the kept statements instead of every report: they are fewer, and still
    name every speaker in every language their labels are picked in (the page's rows above)."""
    store = MemoryStore(denials_built)
    kept_pairs = store.run(NamedQuery("kept", "", {}, """
        PREFIX kgo: <https://w3id.org/kg-news/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX schema: <https://schema.org/>
        SELECT ?group ?said ?teller ?language WHERE {
          ?group kgo:affirmedBy ?said . ?said kgo:speaker ?teller ; prov:wasDerivedFrom/schema:inLanguage ?language
        }""", FIXTURE))[1]
    statements = {(group, said) for group, said, _, _ in kept_pairs}
    pairs = {(group, teller, language) for group, _, teller, language in kept_pairs}
    assert len({language for *_, language in pairs}) == 2 and len(pairs) >= 10
    assert len(statements) <= len(pairs)  # no two for one speaker and language
    affirming = store.run(NamedQuery("affirming", "", {}, """
        PREFIX kgo: <https://w3id.org/kg-news/ontology#>
        PREFIX kgv: <https://w3id.org/kg-news/vocab#>
        SELECT DISTINCT ?said WHERE {
          ?group kgo:affirmedBy [] ; kgo:reportedAs ?report .
          ?claim kgo:about ?report ; kgo:factuality ?claimed . ?said kgo:claim ?claim ; kgo:speaker [] .
          FILTER(?claimed IN (kgv:factuality-asserted, kgv:factuality-reported))
        }""", FIXTURE))[1]
    assert len(affirming) > len(statements)


def test_who_affirms_a_disputed_event_is_labelled_in_the_languages_of_their_statements():
    """Each speaker gets its least label in a language of the articles of its affirming
    statements (kept one for each language, ``kgo:affirmedBy``), never one in another
    language, and the labels are sorted: here an English one where it affirms in English."""
    extractions = [extract(parse_article((ARTICLES / f"{name}.txt").read_text(), f"{name}.txt")) for name in DENIALS]
    graph = Quads().graph(KGR["graph/story"])
    labels = {key: {"en": {f"{key} en z", f"{key} en a"}, "id": {f"{key} id"}, "fr": {"0"}}
              for x in extractions for s in x.statements for key in s.speakers}
    kept._disputed(graph, extractions, merge_events(extractions), labels)
    language = {str(article_iri(x.article.id)): x.article.language for x in extractions}
    written_in = {str(KGR[f"article/{s.id}"]): language[str(article_iri(x.article.id))]
                  for x in extractions for s in x.statements}
    speakers = {str(KGR[f"article/{s.id}"]): s.speakers for x in extractions for s in x.statements}
    shown = {str(group): str(names) for group, p, names in graph if p == KGO.affirmedByLabels}
    expected: dict[str, dict[str, set]] = {}
    for group, said in [(s, o) for s, p, o in graph if p == KGO.affirmedBy]:
        for key in speakers[str(said)]:
            expected.setdefault(str(group), {}).setdefault(key, set()).add(written_in[str(said)])
    assert shown.keys() == expected.keys() and shown
    for group, tellers in expected.items():
        names = sorted((f"{key} en a" if "en" in written else f"{key} id", str(actor_iri(key)))
                       for key, written in tellers.items())
        assert shown[group] == "; ".join(name for name, _ in names)
    assert any(" id" in names for names in shown.values()) and any(" en a" in names for names in shown.values())


@pytest.mark.parametrize("engine", [MemoryStore, RdflibStore], ids=["oxigraph", "rdflib"])
@pytest.mark.parametrize("name", LISTINGS)
def test_the_hand_cut_listing_read_page_by_page_is_the_whole_listing(engine, name):
    """Pages of 3 items: an event and a statement of the same day fall on either side of a cut."""
    store, query = engine(FIXTURE), load_query(name)
    header, rows, _, pages = _pages_read(store, query)
    assert (header, rows) == store.run(query)
    assert pages == {"timeline": 3, "events": 2, "statements": 2, "articles": 1, "unconfirmed": 1,
                     "figures": 1, "role-speakers": 1, "disputed": 1, "figures-by-source": 1}[name]


def _asked(store, name: str) -> dict[str, int]:
    """The IRIs of the actors or places the graph keeps a listing of ``name`` for, in order,
    with its count of items."""
    query = NamedQuery("asked", "", {}, f"SELECT ?for ?items WHERE {{ ?listing <{KGO.queryName}> \"{name}\" ; "
                       f"<{KGO.listingFor}> ?for ; <{KGO.itemCount}> ?items }} ORDER BY ?for", FIXTURE)
    return {about: int(items) for about, items in store.run(query)[1]}


@pytest.mark.parametrize("engine", [MemoryStore, RdflibStore], ids=["oxigraph", "rdflib"])
@pytest.mark.parametrize("name", ASKED)
def test_each_built_listing_of_an_actor_or_place_read_page_by_page_is_its_whole_answer(built, engine, name):
    store, query = engine(built), load_query(name)
    asked, several = _asked(store, name), 0
    assert len(asked) >= 5
    if engine is RdflibStore:  # its engine takes 20 s for a whole events-at here: the longest listing only
        asked = {max(asked, key=asked.get): 0}
    for about in asked:
        params = {ASKED[name]: about}
        header, rows, items, pages = _pages_read(store, query, params)
        assert (header, rows) == store.run(query, params), about
        assert items == len({row[0] for row in rows}) and pages == -(-items // SIZE)
        several += pages >= 2
    assert several, f"no listing of {name} has two pages"


@pytest.mark.parametrize("name", ASKED)
def test_every_actor_or_place_with_an_answer_has_its_listing(built, name):
    store, query = MemoryStore(built), load_query(name)
    kind = {"said-by": SEM.Actor, "events-at": SEM.Place}[name]
    every = NamedQuery("every", "", {}, f"SELECT DISTINCT ?x WHERE {{ {{ ?x a <{kind}> }} UNION "
                       f"{{ ?place a <{kind}> ; <{KGO.partOf}> ?x }} }}", FIXTURE)
    answered = [row[0] for row in store.run(every)[1] if store.run(query, {ASKED[name]: row[0]})[1]]
    assert sorted(answered) == list(_asked(store, name))


@pytest.mark.parametrize("engine", [MemoryStore, RdflibStore], ids=["oxigraph", "rdflib"])
@pytest.mark.parametrize("name, asked", [("said-by", "RUSIA"), ("said-by", "Matthew Miller"),
                                         ("events-at", "kursk"), ("events-at", "Rusia")])
def test_a_listing_asked_for_by_a_label_is_the_whole_answer_for_it(engine, name, asked):
    store, query = engine(FIXTURE), load_query(name)
    header, rows, _, _ = _pages_read(store, query, {ASKED[name]: asked})
    assert rows and (header, rows) == store.run(query, {ASKED[name]: asked})


@pytest.mark.parametrize("engine", [MemoryStore, RdflibStore], ids=["oxigraph", "rdflib"])
def test_an_actor_in_two_roles_of_an_event_is_named_once_on_its_page(tmp_path, engine):
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    sent = KGR["article/kompas-20241113/event/18-26"]  # North Korea its agent
    ds.graph(KGR["graph/article/kompas-20241113"]).add((sent, SEM.hasActor, KGR["actor/north-korea"]))
    twice = tmp_path / "twice.trig"
    ds.serialize(twice, format="trig")
    store, query = engine(twice), load_query("events-at")
    header, rows, _, _ = _pages_read(store, query, {"place": "Rusia"})
    assert (header, rows) == store.run(query, {"place": "Rusia"})
    actors = next(row[header.index("actors")] for row in rows if row[0] == str(sent))
    assert actors.split("; ").count("Korea Utara") == 1


def test_a_label_of_two_listed_actors_is_an_error_that_names_both(tmp_path):
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    ds.graph(KGR["graph/story"]).add((KGR["actor/matthew-miller"], SKOS.altLabel, Literal("Rusia")))
    twice = tmp_path / "twice.trig"
    ds.serialize(twice, format="trig")
    with pytest.raises(QueryError, match=r"actor 'rusia' names 2: \S+/actor/matthew-miller, \S+/actor/russia; "
                                         r"ask for one by its IRI"):
        run_page(MemoryStore(twice), load_query("said-by"), 1, {"actor": "rusia"})


def test_an_actor_with_nothing_said_has_no_page(capsys):
    with pytest.raises(QueryError, match=r"'said-by' has no items for actor 'Korea Utara'; there is no page 1"):
        run_page(MemoryStore(FIXTURE), load_query("said-by"), 1, {"actor": "Korea Utara"})
    with pytest.raises(QueryError, match=r"'events-at' has 1 page of 2 items for place 'Kursk'; there is no page 2"):
        run_page(MemoryStore(FIXTURE), load_query("events-at"), 2, {"place": "Kursk"})


def test_each_built_page_but_the_last_is_full(built):
    ds = Dataset(default_union=True)
    ds.parse(built, format="trig")
    listings = set(ds.subjects(RDF.type, KGO.Listing))
    assert {str(ds.value(listing, KGO.queryName)) for listing in listings} == {*LISTINGS, *ASKED}
    assert {KGR[f"listing/{name}"] for name in LISTINGS} <= listings
    for listing in listings:
        pages = {int(ds.value(page, KGO.pageNumber)): len(list(ds.objects(page, KGO.pageItem)))
                 for page in ds.subjects(KGO.pageOf, listing)}
        count = int(ds.value(listing, KGO.pageCount))
        assert sorted(pages) == list(range(1, count + 1))
        assert all(size == SIZE for number, size in pages.items() if number < count)
        assert sum(pages.values()) == int(ds.value(listing, KGO.itemCount))


def test_a_page_past_the_last_names_how_many_there_are():
    with pytest.raises(QueryError, match=r"'events' has 2 pages of 4 items; there is no page 3"):
        run_page(MemoryStore(FIXTURE), load_query("events"), 3)


def test_a_listing_of_one_item_says_item(capsys):
    assert main(["query", "figures", "--graph", str(FIXTURE), "--page", "1", "--format", "csv"]) == 0
    assert capsys.readouterr().err == "kg: page 1 of 1 (1 item)\n"
    with pytest.raises(QueryError, match=r"'figures' has 1 page of 1 item; there is no page 2"):
        run_page(MemoryStore(FIXTURE), load_query("figures"), 2)


def test_a_query_that_is_not_a_listing_has_no_pages():
    with pytest.raises(QueryError, match=r"'together' is not answered a page at a time; these are: articles, between, "
                                         r"disputed, events, events-at, figures, figures-by-source, role-speakers, said-by, "
                                         r"statements, timeline, unconfirmed"):
        run_page(MemoryStore(FIXTURE), load_query("together"), 1)


def test_a_graph_without_kept_pages_says_to_build_again(tmp_path):
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    for listing in [s for s, _, _, _ in ds.quads((None, RDF.type, KGO.Listing, None))]:
        ds.remove((listing, None, None, None))
    old = tmp_path / "old.trig"
    ds.serialize(old, format="trig")
    with pytest.raises(QueryError, match=r"keeps no pages of 'timeline'.*build it again"):
        run_page(MemoryStore(old), load_query("timeline"), 1)


def test_cli_prints_the_page_and_says_where_it_is(capsys):
    assert main(["query", "timeline", "--graph", str(FIXTURE), "--page", "2", "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0] == "item,kind,date,end,type,label,who,article" and len(lines) == 1 + 3
    assert err == "kg: page 2 of 3 (8 items); the next: --page 3\n"
    assert main(["query", "timeline", "--graph", str(FIXTURE), "--page", "3", "--format", "csv"]) == 0
    assert capsys.readouterr().err == "kg: page 3 of 3 (8 items)\n"


def test_cli_says_a_query_has_no_pages_before_reading_the_graph(tmp_path, capsys):
    missing = tmp_path / "never-read.trig"
    assert main(["query", "together", "--graph", str(missing), "--page", "1"]) == 1
    err = capsys.readouterr().err
    assert "'together' is not answered a page at a time" in err and "no such graph file" not in err


def test_cli_refuses_a_page_that_is_no_number(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["query", "timeline", "--graph", str(FIXTURE), "--page", "0"])
    assert stop.value.code == 2
    assert "'0' is not a page number" in capsys.readouterr().err


def test_cli_prints_a_page_of_what_an_actor_said(capsys):
    assert main(["query", "said-by", "--graph", str(FIXTURE), "--param", "actor=matthew miller", "--page", "1",
                 "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == "statement,date,speakers,kind,direct,text,article" and len(out.splitlines()) == 1 + 2
    assert err == "kg: page 1 of 1 (2 items)\n"


# --- between: a page of any period, from what the build keeps (kg.periods) ---------------------


def _periods(store) -> list[dict[str, str]]:
    """Periods to ask between for, from the graph's own dated items: open at either end or
    both, the day most items run into from before, alone and for a week, each day an item
    begins or ends on, and a day before them all."""
    days = NamedQuery("days", "", {}, f"""
        SELECT ?begin ?end WHERE {{ [] <{KGO.rankedItem}> ?item . ?item <{SEM.hasTime}> ?time .
          ?time <{SEM.hasEarliestBeginTimeStamp}> ?begin . OPTIONAL {{ ?time <{SEM.hasLatestEndTimeStamp}> ?end }} }}
        ORDER BY ?begin ?end""", FIXTURE)  # an item each
    spans = [(date.fromisoformat(b), date.fromisoformat(e or b)) for b, e in store.run(days)[1]]
    after = {day + timedelta(days=1) for span in spans for day in span}
    inside = max(sorted(after), key=lambda day: sum(first < day <= last for first, last in spans))
    assert sum(first < inside <= last for first, last in spans) > SIZE  # more than a page runs into it
    periods = [{}, {"from": str(inside)}, {"to": str(inside)},
               {"from": str(inside), "to": str(inside)},
               {"from": str(inside), "to": str(inside + timedelta(days=6))},
               {"from": str(spans[0][0] - timedelta(days=1)), "to": str(spans[0][0] - timedelta(days=1))}]
    periods += [{"from": str(day), "to": str(day)} for day in sorted({d for span in spans for d in span})]
    return periods


@pytest.mark.parametrize("engine", [MemoryStore, RdflibStore], ids=["oxigraph", "rdflib"])
def test_between_read_page_by_page_is_the_whole_answer_for_any_period(built, engine, monkeypatch):
    """Items that began before the period and run into it come first, from the spans of days the
    build keeps, then those that begin in it: page after page, the whole query's rows."""
    monkeypatch.setattr(kept, "PAGE_SIZE", SIZE)
    store, query = engine(built), load_query("between")
    periods = _periods(MemoryStore(built))
    if engine is RdflibStore:  # its engine takes seconds for each whole between here
        periods = periods[:5]
    several = 0
    for params in periods:
        header, whole = store.run(query, params)
        if not whole:
            with pytest.raises(QueryError, match=r"query 'between' has 0 pages of 0 items .*; there is no page 1"):
                run_page(store, query, 1, params)
            continue
        assert _pages_read(store, query, params)[:2] == (header, whole), params
        several += -(-len(whole) // SIZE) >= 2 and "from" in params
    assert several >= 2, "no period with a start has two pages"


def test_what_runs_into_a_period_is_carried_by_its_first_days_spans(built):
    """The spans over a day carry each item that began before it and lasts to it, once."""
    ds = Dataset(default_union=True)
    ds.parse(built, format="trig")
    dated = {}
    for place, item in ds.subject_objects(KGO.rankedItem):
        time = ds.value(item, SEM.hasTime)
        first = ds.value(time, SEM.hasEarliestBeginTimeStamp).toPython()
        dated[int(place.rsplit("/", 1)[1])] = (first, (ds.value(time, SEM.hasLatestEndTimeStamp) or first).toPython())
        assert place == rank_iri(int(place.rsplit("/", 1)[1]))
    assert sorted(dated) == list(range(int(ds.value(KGR["listing/timeline"], KGO.datedItemCount))))
    timeline = [row[0] for row in MemoryStore(built).run(load_query("timeline"))[1]]
    assert [str(ds.value(rank_iri(n), KGO.rankedItem)) for n in range(len(dated))] == timeline[:len(dated)]
    days = sorted({day for first, last in dated.values() for day in (first, last, first + timedelta(days=1))})
    assert sum(last > first for first, last in dated.values()) >= 3
    for day in days:
        carried = [int(rank) for span in spans_over(day) for rank in ds.objects(span_iri(*span), KGO.carriedRank)]
        assert sorted(carried) == [n for n, (first, last) in sorted(dated.items()) if first < day <= last], day
        assert sum(int(ds.value(span_iri(*span), KGO.carriedCount) or 0) for span in spans_over(day)) == len(carried)
    begins = {first: min(n for n, (f, _) in dated.items() if f == first) for first, _ in dated.values()}
    assert {ds.value(span_iri(day, day), KGO.itemsBefore).toPython(): day for day in begins} == \
        {n: day for day, n in begins.items()}


@pytest.mark.parametrize("first, last", [("2024-11-02", "2024-11-30"), ("2024-01-01", "2024-12-31"),
                                         ("2024-02-29", "2024-02-29"), ("0001-01-01", "0001-01-09"),
                                         ("9999-12-20", "9999-12-31"), ("2024-11-12", "2026-03-01")])
def test_a_run_of_days_is_cut_into_aligned_spans_that_each_of_its_days_lies_in_once(first, last):
    first, last = date.fromisoformat(first), date.fromisoformat(last)
    spans = spans_cut(first, last)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    assert [day for a, b in spans for day in days if a <= day <= b] == days  # in order, each once
    assert len(spans) <= 2 * (LEVELS + 1)
    for day in days:
        over = spans_over(day)
        assert len([span for span in spans if span in over]) == 1
        assert [(b - a).days + 1 for a, b in over] == [1 << n for n in range(len(over))]
        assert all(a <= day <= b and (a.toordinal() - 1) % ((b - a).days + 1) == 0 for a, b in over)


def test_a_page_of_between_in_the_hand_cut_graph(capsys, monkeypatch):
    """A page of 2: the item that began before the period (a month), then those that begin in it."""
    store, query = MemoryStore(FIXTURE), load_query("between")
    period = {"from": "2024-06-15", "to": "2024-11-04"}
    monkeypatch.setattr(kept, "PAGE_SIZE", 2)
    header, rows, items, pages = run_page(store, query, 1, period)
    assert [row[0].rsplit("/", 2)[1:] for row in rows] == [["event", "23-29"], ["statement", "143-147"]]
    assert (items, pages) == (4, 2) and header == store.run(query)[0]
    assert rows + run_page(store, query, 2, period)[1] == store.run(query, period)[1]
    monkeypatch.undo()
    assert main(["query", "between", "--graph", str(FIXTURE), "--param", "from=2024-11-05", "--page", "1",
                 "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    assert [line.split(",")[0].rsplit("/", 1)[1] for line in out.splitlines()[1:]] == ["167-176", "63-67"]
    assert err == "kg: page 1 of 1 (2 items)\n"


def test_a_page_of_between_past_the_last_or_in_an_old_graph_is_a_clear_error(tmp_path):
    store, query = MemoryStore(FIXTURE), load_query("between")
    with pytest.raises(QueryError, match=r"'between' has 1 page of 2 items from 2024-11-05; there is no page 2"):
        run_page(store, query, 2, {"from": "2024-11-05"})
    with pytest.raises(QueryError, match=r"'between' has 0 pages of 0 items from 2024-11-30 to 2024-11-01; there"):
        run_page(store, query, 1, {"from": "2024-11-30", "to": "2024-11-01"})
    with pytest.raises(QueryError, match=r"parameter 'to' of query 'between' must be a date"):
        run_page(store, query, 1, {"to": "2024-13-01"})
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    ds.remove((None, KGO.datedItemCount, None, None))
    old = tmp_path / "old.trig"
    ds.serialize(old, format="trig")
    with pytest.raises(QueryError, match=r"keeps no pages of 'between'.*build it again"):
        run_page(MemoryStore(old), query, 1, {"from": "2024-11-05"})
    ds.parse(FIXTURE, format="trig")  # and a second build's count beside the first
    ds.graph(KGR["graph/story"]).add((KGR["listing/timeline"], KGO.datedItemCount, Literal(7)))
    ds.serialize(old, format="trig")
    with pytest.raises(QueryError, match=r"keeps the places of 2 builds of 'between'.*build it again"):
        run_page(MemoryStore(old), query, 1, {"from": "2024-11-05"})
