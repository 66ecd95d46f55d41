"""The ``kg`` command: a thin layer over the library. Errors become messages here only."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .errors import KgError

DEFAULT_ARTICLES = "data/articles"
DEFAULT_OUTPUT = "output"
DEFAULT_GOLD = "tests/articles"


def main(argv: list[str] | None = None) -> int:
    """Run ``kg``; returns the exit code (0 ok, 1 error, 3 built with skipped input)."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 1
    try:
        return args.run(args)
    except KgError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kg: interrupted; earlier output left as it was", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="News reports to an event-timeline knowledge graph.")
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = parser.add_subparsers(title="commands")

    b = sub.add_parser("build", help="build the graph and the views from articles",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       description="Read articles (files or folders), check the graph against the SHACL "
                                   "shapes, and write graph.trig, graph.ttl, graph.nq, graph.jsonld, "
                                   "graph.graphml, timeline.html, network.html, ontology.html and build.json.",
                       epilog="example:\n  kg build data/articles -o output")
    b.add_argument("paths", nargs="*", default=[DEFAULT_ARTICLES], metavar="PATH",
                   help=f"article files or folders (default: {DEFAULT_ARTICLES})")
    b.add_argument("-o", "--output", default=DEFAULT_OUTPUT, metavar="DIR",
                   help=f"output folder (default: {DEFAULT_OUTPUT})")
    b.add_argument("--no-validate", action="store_true",
                   help="skip the SHACL check of the graph before writing (faster on large builds)")
    b.add_argument("--store", metavar="DIR",
                   help="also load the graph into an Oxigraph store in DIR (replaced whole when complete)")
    b.set_defaults(run=_build)

    q = sub.add_parser("query", help="run a named SPARQL query (or a .rq file) on a built graph",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="examples:\n  kg query --list\n  kg query statements --format csv\n"
                              "  kg query said-by --param actor=\"Mark Rutte\"")
    q.add_argument("name", nargs="?", metavar="NAME|FILE.rq", help="a named query or a .rq file")
    q.add_argument("--graph", default=f"{DEFAULT_OUTPUT}/graph.trig", metavar="FILE",
                   help="the graph to query (default: output/graph.trig)")
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
    q.add_argument("--list", action="store_true", help="list the named queries")
    q.set_defaults(run=_query)

    e = sub.add_parser("eval", help="score the extractor against gold annotations",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       description="Precision, recall and F1 per category (actors, statements by speaker "
                                   "and date, events by type and date, dates, factuality), overall and per "
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
    return parser


def _build(args) -> int:
    from .build import build, terminal_progress

    report = build(args.paths, args.output, progress=terminal_progress, check=not args.no_validate)
    if args.store:
        from .store import build_oxigraph

        quads = build_oxigraph(args.store, Path(args.output) / "graph.nq")
        report.written.append(Path(args.store))
        print(f"loaded {quads} quads into the Oxigraph store {args.store}")
    c = report.counts
    print(f"read {c['articles']} article(s): {c['actors']} actors, {c['statements']} statements, "
          f"{c['events']} events, {c['times']} time expressions")
    for skipped in report.skipped:
        print(f"skipped {skipped['file']}: {skipped['reason']}", file=sys.stderr)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print("wrote:")
    for path in report.written:
        print(f"  {path}")
    timeline = Path(args.output).resolve() / "timeline.html"
    print(f"open the timeline in a browser: file://{timeline}")
    print("query the graph: kg query --list")
    return 3 if report.skipped else 0


def _query(args) -> int:
    from .errors import QueryError
    from .query import format_rows, load_query, named_queries

    if args.list:
        for name, q in sorted(named_queries().items()):
            print(f"{name:<16} {q.answers}")
        return 0
    if not args.name:
        raise QueryError("name a query (kg query --list shows them) or give a .rq file")
    params = {}
    for item in args.param:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise QueryError(f"--param {item!r}: expected NAME=VALUE")
        params[key] = value
    header, rows = _run_query(args, load_query(args.name), params)
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


def _run_query(args, query, params):
    """Run ``query`` on the store the options name: --endpoint, --store, else the --graph file."""
    from .errors import QueryError
    from .store import OxigraphStore, RdflibStore, RemoteStore

    if args.endpoint and args.store:
        raise QueryError("give --endpoint or --store, not both")
    if args.endpoint:
        store = RemoteStore(args.endpoint)
    elif args.store:
        store = OxigraphStore(args.store)
    else:
        store = RdflibStore(args.graph)
    return store.run(query, params)


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
