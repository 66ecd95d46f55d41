"""The ``kg`` command: a thin layer over the library. Errors become messages here only.

Exit codes: 0 done; 1 an error (one line on stderr naming the problem, ``--debug`` adds the
traceback) or, for ``kg validate``, a graph that does not conform; 2 a command line that
does not parse; 3 built, but some input was skipped; 130 interrupted (SIGINT), 143
terminated (SIGTERM), the earlier output left whole.
"""
from __future__ import annotations

import argparse
import functools
import os
import re
import signal
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from . import __version__
from .errors import KgError
from .ingest import MAX_SIZE

DEFAULT_ARTICLES = "data/articles"
DEFAULT_OUTPUT = "output"
DEFAULT_GOLD = "tests/articles"


def main(argv: list[str] | None = None) -> int:
    """Run ``kg``; returns the exit code (see the module's docstring)."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 1
    terminate = signal.signal(signal.SIGTERM, functools.partial(_interrupt, os.getpid()))
    try:
        return args.run(args)
    except BrokenPipeError:  # the reader went away (kg query ... | head): nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the exit flush is quiet
        return 0
    except (KgError, OSError) as exc:
        if args.debug:
            traceback.print_exc()
        print(f"kg: error: {_message(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt as exc:
        if args.debug:
            traceback.print_exc()
        print("kg: interrupted; no output was half-written", file=sys.stderr)
        return 128 + (exc.args[0] if exc.args else signal.SIGINT)
    finally:
        signal.signal(signal.SIGTERM, terminate)


def _interrupt(owner: int, signum: int, frame) -> None:
    """SIGTERM cleans up as Ctrl-C does, in the ``owner`` process; a forked worker just ends."""
    if os.getpid() != owner:
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        return
    raise KeyboardInterrupt(signum)


def _message(exc: Exception) -> str:
    """One line for the user: a library error as it is, a system error with its file."""
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc)


def _size(text: str) -> int:
    """``256k``, ``4M`` or a number of bytes, for ``--max-size``."""
    m = re.fullmatch(r"\s*(\d+)\s*([kKmM]?)[bB]?\s*", text)
    if not m or int(m.group(1)) == 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size (e.g. 256k, 4M, 100000)")
    return int(m.group(1)) * {"": 1, "k": 2**10, "m": 2**20}[m.group(2).lower()]


def _at_least_one(what: str) -> Callable[[str], int]:
    """An argparse type: a whole number of at least 1, else an error naming ``what`` it is.

    >>> _at_least_one("page number")("3")
    3
    """
    def parse(text: str) -> int:
        if not text.strip().isdigit() or int(text) < 1:
            raise argparse.ArgumentTypeError(f"{text!r} is not a {what} (1 or more)")
        return int(text)
    return parse


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="News reports to an event-timeline knowledge graph.")
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an error")
    sub = parser.add_subparsers(title="commands")

    b = sub.add_parser("build", help="build the graph and the views from articles",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       description="Read articles (files or folders), check the graph against the SHACL "
                                   "shapes, and write graph.trig, graph.ttl, graph.nq, graph.jsonld "
                                   "(or those --formats names), graph.graphml, timeline.html, network.html, "
                                   "ontology.html and build.json.",
                       epilog="example:\n  kg build data/articles -o output")
    b.add_argument("paths", nargs="*", default=[DEFAULT_ARTICLES], metavar="PATH",
                   help=f"article files or folders (default: {DEFAULT_ARTICLES})")
    b.add_argument("-o", "--output", default=DEFAULT_OUTPUT, metavar="DIR",
                   help=f"output folder (default: {DEFAULT_OUTPUT})")
    _build_options(b)
    b.set_defaults(run=_build)

    a = sub.add_parser("add", help="add articles to an existing build",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       description="Build again what the last build of DIR read (its build.json "
                                   "'inputs') plus FILE...: only the new or changed articles are "
                                   "extracted; the others come from DIR/.cache.",
                       epilog="example:\n  kg add new-report.txt -o output")
    a.add_argument("paths", nargs="+", metavar="FILE", help="article files or folders to add")
    a.add_argument("-o", "--output", default=DEFAULT_OUTPUT, metavar="DIR",
                   help=f"the build to add to (default: {DEFAULT_OUTPUT})")
    _build_options(a)
    a.set_defaults(run=_add)

    q = sub.add_parser("query", help="run a named SPARQL query (or a .rq file) on a built graph",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="examples:\n  kg query --list\n  kg query statements --format csv\n"
                              "  kg query timeline --page 1\n"
                              "  kg query said-by --param actor=\"Mark Rutte\"")
    q.add_argument("name", nargs="?", metavar="NAME|FILE.rq", help="a named query or a .rq file")
    q.add_argument("--graph", default=f"{DEFAULT_OUTPUT}/graph.ttl", metavar="FILE",
                   help="the graph file to query (default: output/graph.ttl, the merged graph, "
                        "quickest to load; give graph.trig for GRAPH patterns over the articles); "
                        "answered from the store kg build --store loaded from it, while it is unchanged")
    q.add_argument("--engine", default="oxigraph", choices=("oxigraph", "rdflib"),
                   help="what answers a query on a --graph file: Oxigraph in memory (default, "
                        "fast) or rdflib (pure Python, slow past a few hundred articles)")
    q.add_argument("--store", metavar="DIR", help="query the Oxigraph store in DIR (from kg build --store)")
    q.add_argument("--endpoint", metavar="URL",
                   help="query a SPARQL 1.1 endpoint (its default graph the union of the named graphs; "
                        "credentials from KG_SPARQL_USER/KG_SPARQL_PASSWORD or ~/.netrc)")
    q.add_argument("--format", default="table", choices=("table", "csv", "tsv", "json", "md"),
                   help="table (aligned, cut to the terminal), csv, tsv, json (SPARQL 1.1 results) "
                        "or md (a Markdown table); default: table")
    q.add_argument("-o", "--output", metavar="FILE",
                   help="write the results to FILE (replaced whole when complete) instead of stdout")
    q.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="a query parameter, bound as an RDF term (repeatable)")
    q.add_argument("--page", type=_at_least_one("page number"), metavar="N",
                   help="only page N of the answer, for the queries that --list marks: 100 items a page, "
                        "read from the pages the build keeps, so it answers at once on any archive")
    q.add_argument("--list", action="store_true", help="list the named queries")
    q.set_defaults(run=_query)

    e = sub.add_parser("eval", help="score the extractor against gold annotations",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       description="Precision, recall and F1 per category (actors, statements by speaker "
                                   "and date, events by type and date, dates, factuality, the events' agents "
                                   "and places), overall and per "
                                   "article, then every error. Each PATH (a .gold.yaml file or a folder of "
                                   "them) is scored as its own set.",
                       epilog="example:\n  kg eval tests/articles/dev tests/articles/test")
    e.add_argument("paths", nargs="*", default=[DEFAULT_GOLD], metavar="GOLD",
                   help=f"gold files or folders (default: {DEFAULT_GOLD})")
    e.add_argument("--json", metavar="FILE", help="also write the full results as JSON")
    e.add_argument("--no-errors", action="store_true", help="leave out the list of errors")
    e.set_defaults(run=_eval)

    p = sub.add_parser("push", help="replace the named graphs at a SPARQL endpoint with those of a graph file",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       description="Send each named graph of GRAPH (and the vocabulary) to a SPARQL 1.1 Graph "
                                   "Store Protocol endpoint with HTTP PUT, which replaces the graph: pushing "
                                   "again never duplicates, and an interrupted push can simply be run again. "
                                   "Credentials come from KG_SPARQL_USER/KG_SPARQL_PASSWORD or ~/.netrc "
                                   "(HTTP Basic).",
                       epilog="example:\n  kg push --endpoint http://localhost:7878/query "
                              "--data-endpoint http://localhost:7878/store output/graph.trig")
    p.add_argument("graph", nargs="?", default=f"{DEFAULT_OUTPUT}/graph.trig", metavar="GRAPH",
                   help=f"the graph file to push (default: {DEFAULT_OUTPUT}/graph.trig)")
    p.add_argument("--endpoint", required=True, metavar="URL", help="the SPARQL query endpoint")
    p.add_argument("--data-endpoint", metavar="URL",
                   help="the Graph Store Protocol endpoint, when it differs from --endpoint")
    p.set_defaults(run=_push)

    v = sub.add_parser("validate", help="check a built graph against the SHACL shapes",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       description="Validate a graph file (.trig, .nq, .ttl, .nt, .jsonld) against "
                                   "ontology/shapes.ttl. Prints one line per violation and exits 1 when "
                                   "there is any.",
                       epilog="example:\n  kg validate output/graph.trig")
    v.add_argument("graph", nargs="?", default=f"{DEFAULT_OUTPUT}/graph.trig", metavar="GRAPH",
                   help=f"the graph to check (default: {DEFAULT_OUTPUT}/graph.trig)")
    v.set_defaults(run=_validate)

    x = sub.add_parser("explain", help="show why reports of an event or statement were merged",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       description="Show a merged event or statement: every report with its article, "
                                   "date, factuality and sentence, and why it joined. ITEM is the "
                                   "merged item's IRI, one of its reports' IRIs, or the end of one.",
                       epilog="example:\n  kg explain story/event/1b786428c20ba961")
    x.add_argument("item", metavar="ITEM", help="an IRI (or its end) of a merged item or of a report")
    x.add_argument("--graph", default=f"{DEFAULT_OUTPUT}/graph.trig", metavar="FILE",
                   help=f"the built graph (default: {DEFAULT_OUTPUT}/graph.trig)")
    x.set_defaults(run=_explain)
    return parser


def _build_options(parser: argparse.ArgumentParser) -> None:
    """The options ``kg build`` and ``kg add`` share."""
    parser.add_argument("--no-validate", action="store_true",
                        help="skip the SHACL check of the graph before writing (faster on large builds)")
    parser.add_argument("--strict", action="store_true",
                        help="stop, writing nothing, when any input would be skipped")
    parser.add_argument("--max-size", type=_size, default=MAX_SIZE, metavar="SIZE",
                        help="the most text one article may have, e.g. 256k or 1M (default: 256k); "
                             "a file over 16 times that is not read")
    parser.add_argument("--formats", type=_formats, default=None, metavar="LIST",
                        help="the graph files to write, of trig, nq, ttl and jsonld, e.g. nq,ttl "
                             "(default: all four for kg build, those of the last build for kg add); "
                             "kg query reads graph.ttl, kg explain and kg validate graph.trig")
    parser.add_argument("--store", metavar="DIR",
                        help="also load the graph into an Oxigraph store in DIR (replaced whole when complete; "
                             "needs the formats nq and ttl)")
    parser.add_argument("-j", "--jobs", type=_at_least_one("number of processes"), default=None, metavar="N",
                        help="extract in N worker processes (default: the number of cores)")
    parser.add_argument("--no-cache", action="store_true",
                        help="extract every article again (by default an unchanged article's extraction is "
                             "taken from DIR/.cache)")


def _formats(text: str) -> list[str]:
    """``--formats``: names apart by commas, each one checked (:func:`kg.build.graph_files`).

    >>> _formats("nq, ttl")
    ['nq', 'ttl']
    """
    from .build import graph_files
    from .errors import InputError

    formats = [name.strip() for name in text.split(",") if name.strip()]
    try:
        graph_files(formats)
    except InputError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    return formats


def _explain(args) -> int:
    from .explain import explain
    from .formats import merged, read_quads

    print(explain(merged(read_quads(args.graph)), args.item))
    return 0


SHOWN_WARNINGS = 20  # on the terminal; build.json lists them all


def _build(args) -> int:
    from .build import build, terminal_progress
    from .errors import InputError
    from .parallel import default_jobs

    if args.store and args.formats is not None and not {"nq", "ttl"} <= set(args.formats):
        raise InputError("--store loads graph.nq and graph.ttl: add nq and ttl to --formats")
    report = build(args.paths, args.output, progress=terminal_progress, check=not args.no_validate,
                   strict=args.strict, max_size=args.max_size, use_cache=not args.no_cache,
                   jobs=args.jobs or default_jobs(), tell=_warn_now, formats=args.formats)
    if args.store:
        from .store import build_oxigraph, note_store

        out = Path(args.output)
        quads = build_oxigraph(args.store, out / "graph.nq", union=out / "graph.ttl")
        note_store(out / "graph.ttl", args.store)  # kg query on this graph.ttl answers from it
        report.written.append(Path(args.store))
        print(f"loaded {quads} quads into the Oxigraph store {args.store}")
    c = report.counts
    print(f"read {c['articles']} article(s): {c['actors']} actors, {c['statements']} statements, "
          f"{c['events']} events, {c['times']} time expressions")
    print(f"extracted {report.extracted} article(s); {report.cached} unchanged, from the cache")
    for skipped in report.skipped:
        print(f"skipped {skipped['file']}: {skipped['reason']}", file=sys.stderr)
    for warning in report.warnings[:SHOWN_WARNINGS]:
        print(f"warning: {warning}", file=sys.stderr)
    if len(report.warnings) > SHOWN_WARNINGS:
        print(f"… and {len(report.warnings) - SHOWN_WARNINGS} more warnings, all of them in "
              f"{Path(args.output) / 'build.json'}", file=sys.stderr)
    print("wrote:")
    for path in report.written:
        print(f"  {path}")
    timeline = Path(args.output).resolve() / "timeline.html"
    print(f"open the timeline in a browser: file://{timeline}")
    print("query the graph: kg query --list")
    return 3 if report.skipped else 0


def _warn_now(text: str) -> None:
    """A warning told while the build goes on, not with the others at its end."""
    print(f"warning: {text}", file=sys.stderr, flush=True)


def _add(args) -> int:
    import json

    from .build import FORMATS
    from .errors import InputError

    previous = Path(args.output) / "build.json"
    try:
        summary = json.loads(previous.read_text(encoding="utf-8"))
        inputs = summary["inputs"]
    except (OSError, ValueError, KeyError) as err:
        raise InputError(f"{previous}: no earlier build to add to ({err}); run kg build first") from None
    args.paths = list(dict.fromkeys([*inputs, *args.paths]))
    if args.formats is None:  # those the last build wrote
        written = summary.get("outputs", [])
        args.formats = [name for name, file in FORMATS.items() if file in written] or None
    return _build(args)


def _query(args) -> int:
    from .errors import QueryError
    from .query import counted, format_rows, load_query, named_queries, page_reads, run_page

    if args.list:
        for name, q in sorted(named_queries().items()):
            print(f"{name:<16} {q.answers}{' (--page N: a page at a time)' if q.pages else ''}")
        return 0
    if not args.name:
        raise QueryError("name a query (kg query --list shows them) or give a .rq file")
    params = {}
    for item in args.param:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise QueryError(f"--param {item!r}: expected NAME=VALUE")
        params[key] = value
    query = load_query(args.name)
    if args.page is None:
        header, rows = _open_store(args, query).run(query, params)
    else:
        store = _open_store(args, *page_reads(query))  # no store when no pages
        header, rows, items, pages = run_page(store, query, args.page, params)
        more = f"; the next: --page {args.page + 1}" if args.page < pages else ""
        print(f"kg: page {args.page} of {pages} ({counted(items, 'item')}){more}", file=sys.stderr)
    if args.output:
        from .views.page import atomic_write

        # A file gets whole cells: the terminal's width does not apply to it.
        width = sys.maxsize if args.format == "table" else None
        try:
            atomic_write(args.output, format_rows(header, rows, args.format, width=width))
        except OSError as err:
            raise QueryError(f"{args.output}: cannot write: {err.strerror or err}") from err
    else:
        sys.stdout.write(format_rows(header, rows, args.format))
    return 0


def _open_store(args, *queries):
    """The store the options name for ``queries``: --endpoint, --store, else the --graph file:
    the store ``kg build --store`` loaded from it while the file is as it was then
    (:func:`kg.store.noted_store`), else the file read into Oxigraph's memory, only the triples
    the queries may read (:func:`kg.query.triples_read`), or into rdflib's with ``--engine rdflib``."""
    from .errors import QueryError
    from .query import read_by_all, triples_read
    from .store import MemoryStore, OxigraphStore, RdflibStore, RemoteStore, noted_store

    if args.endpoint and args.store:
        raise QueryError("give --endpoint or --store, not both")
    if args.endpoint:
        store = RemoteStore(args.endpoint)
    elif args.store:
        store = OxigraphStore(args.store)
    elif args.engine == "oxigraph" and (noted := noted_store(args.graph)):
        store = OxigraphStore(noted)
    else:
        started = time.monotonic()
        if args.engine == "rdflib":
            store = RdflibStore(args.graph)
        else:  # what the queries read, or everything when one reads any predicate
            store = MemoryStore(args.graph, read_by_all([triples_read(query) for query in queries]))
        took = time.monotonic() - started
        if took > SLOW_LOAD:
            print(f"kg: reading {args.graph} took {took:.0f} s, and every query reads it again; "
                  "for many queries build a store once: kg build ... --store DIR, then "
                  "kg query NAME --store DIR", file=sys.stderr)
    return store


#: Seconds of reading a graph file after which ``kg query`` suggests a store.
SLOW_LOAD = 20.0


def _push(args) -> int:
    from .query import load_graph
    from .store import push, safe_url

    target = args.data_endpoint or args.endpoint
    sent = push(load_graph(args.graph), target)
    print(f"pushed {len(sent)} graph(s), {sum(n for _, n in sent)} triples, to {safe_url(target)}")
    for name, n in sent:
        print(f"  {name}: {n} triples")
    return 0


def _eval(args) -> int:
    import json

    from .evaluate import as_json, evaluate, gold_files, per_article, table
    from .evaluate_story import STORY_GOLD, evaluate_story, story_table

    report = {}
    for path in args.paths:
        results = [evaluate(g) for g in gold_files([path])]
        if not results:
            print(f"{path}: no .gold.yaml files", file=sys.stderr)
            continue
        print(table(results, path))
        print(per_article(results))
        if not args.no_errors:
            for r in results:
                for error in r.errors:
                    print(f"  {r.name}: {error}")
        print()
        report[path] = as_json(results)
        for story_gold in sorted(Path(path).rglob(STORY_GOLD)) if Path(path).is_dir() else []:
            story = evaluate_story(story_gold)
            print(story_table(story))
            if not args.no_errors:
                for error in story.errors:
                    print(f"  {error}")
            print()
            report[str(story_gold)] = {"story": {c: {"right": s.right, "found": s.found, "gold": s.gold,
                                                     "precision": round(s.precision, 4),
                                                     "recall": round(s.recall, 4), "f1": s.f1}
                                                 for c, s in story.scores.items()},
                                       "errors": story.errors}
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0 if report else 1


def _validate(args) -> int:
    from .validate import validate

    report = validate(args.graph)
    if report.text:
        print(report.text)
    print(report.summary)
    return 0 if report.conforms else 1


if __name__ == "__main__":
    sys.exit(main())
