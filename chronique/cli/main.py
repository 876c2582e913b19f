"""The ``chronique`` command line: the invoke tasks' commands, taking several files as typed.

invoke gives a task no optional or variadic positional argument (pyinvoke/invoke issues
159 and 760), so ``invoke check FILE FILE`` cannot work; argparse does it. ``tasks.py``
wraps the same functions and takes its help texts from ``COMMANDS``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from chronique.cli import commands


@dataclass(frozen=True)
class Command:
    """What a command does, and the help of each of its arguments by Python name."""

    summary: str
    arguments: dict[str, str] = field(default_factory=dict)


COMMANDS: dict[str, Command] = {
    "build": Command(
        "Build the site from content/ into output/ (development settings).",
        {
            "settings": "Pelican settings file",
            "output": "output link (default: output/), swapped to each new version at once",
            "copy": "also put a real folder holding the new site here, swapped in whole",
        },
    ),
    "publish": Command(
        "Build the site for publication with publishconf.py (absolute URLs).",
        {
            "output": "output link (default: output/), swapped to each new version at once",
            "copy": "also put a real folder holding the new site here, for a static host",
        },
    ),
    "check": Command(
        "Validate content: front-matter, topics, slugs, images, links, raw HTML.",
        {
            "path": "files to check (default: all content); with invoke, more after --",
            "format": "text or github",
        },
    ),
    "new": Command(
        "Scaffold content/articles/YYYY/MM/<slug>.md for a new article and print its path.",
        {
            "title": "the article's title",
            "category": "its section, e.g. Monde",
            "date": "publication day YYYY-MM-DD (default: now)",
            "slug": "its permanent slug (default: from the title)",
        },
    ),
    "rename": Command(
        "Change an article's slug: move its file, keep the old URL as a redirect and the "
        "feed entry id.",
        {"old": "the article's current slug", "new": "its new slug"},
    ),
    "ingest": Command(
        "Turn raw pages into content/articles/YYYY/MM/<slug>.md and report on each input.",
        {
            "path": "raw pages (text or HTML) or folders of them; with invoke, more after --",
            "date": "publication day YYYY-MM-DD for pages that give none (recorded as "
            "editor-supplied)",
            "category": "section for pages that name none, or whose label the section map lacks",
            "source_url": "URL the page was taken from",
            "source_name": "name of the site the page was taken from",
            "retrieved": "when the pages were captured: a day YYYY-MM-DD or a date-time with "
            "offset (2025-03-15T10:30+01:00); relative dates are counted back from a date-time",
            "quiet": "no progress bar",
        },
    ),
    "evaluate": Command(
        "Ingest's accuracy on gold corpora, HTML and browser text copies, beside trafilatura.",
        {
            "corpus": "checked-out gold corpora (scrapinghub benchmark or fundus); with invoke, "
            "more after --",
            "failures": "list this many misses per row",
        },
    ),
    "serve": Command(
        "Build, serve output/ at http://127.0.0.1:8000/ and rebuild on every change.",
        {"port": "port on 127.0.0.1 (default 8000)"},
    ),
    "bench": Command(
        "Benchmarks: full and incremental builds of a synthetic archive beside vanilla "
        "Pelican, then ingest, tagging and images.",
        {
            "articles": "size of the synthetic archive",
            "topics": "size of its vocabulary",
            "json": "also write the build table's figures to this JSON file",
        },
    ),
    "topics.suggest": Command(
        "List frequent names that no topic of content/topics.yml covers yet.",
        {
            "path": "files to read (default: the articles); with invoke, more after --",
            "min": "minimum count",
        },
    ),
    "topics.retag": Command(
        "Tag every article anew with the current vocabulary and rules.",
        {"dry_run": "only print, as a unified diff, what would change"},
    ),
}


def build_parser() -> argparse.ArgumentParser:
    """The ``chronique`` parser: one subcommand per entry of COMMANDS."""
    parser = argparse.ArgumentParser(
        prog="chronique", description="Chronique, a static-site generator for news archives."
    )
    subcommands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    groups: dict[str, argparse._SubParsersAction[argparse.ArgumentParser]] = {}
    for name, define in _DEFINITIONS.items():
        group, _, short = name.rpartition(".")
        where = subcommands
        if group:
            if group not in groups:
                summary = f"{group.capitalize()} upkeep: {_members(group)}."
                groups[group] = _add(subcommands, group, summary).add_subparsers(
                    dest=f"{group}_command", required=True, metavar="COMMAND"
                )
            where = groups[group]
        define(_add(where, short, COMMANDS[name].summary), COMMANDS[name].arguments)
    return parser


def _members(group: str) -> str:
    return ", ".join(n.removeprefix(f"{group}.") for n in COMMANDS if n.startswith(f"{group}."))


def _add(
    subcommands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, summary: str
) -> argparse.ArgumentParser:
    return subcommands.add_parser(name, help=summary, description=summary)


def _build(parser: argparse.ArgumentParser, texts: dict[str, str]) -> None:
    parser.add_argument("--settings", default="pelicanconf.py", help=texts["settings"])
    parser.add_argument("--output", help=texts["output"])
    parser.add_argument("--copy", metavar="FOLDER", help=texts["copy"])
    parser.set_defaults(run=lambda a: commands.run_build(a.settings, a.output, a.copy))


def _publish(parser: argparse.ArgumentParser, texts: dict[str, str]) -> None:
    parser.add_argument("--output", help=texts["output"])
    parser.add_argument("--copy", metavar="FOLDER", help=texts["copy"])
    parser.set_defaults(run=lambda a: commands.run_build("publishconf.py", a.output, a.copy))


def _check(parser: argparse.ArgumentParser, texts: dict[str, str]) -> None:
    parser.add_argument("path", nargs="*", metavar="FILE", help=texts["path"])
    parser.add_argument(
        "--format", choices=("text", "github"), default="text", help=texts["format"]
    )
    parser.set_defaults(run=lambda a: commands.run_check(a.path, a.format))


def _new(parser: argparse.ArgumentParser, texts: dict[str, str]) -> None:
    parser.add_argument("title", help=texts["title"])
    parser.add_argument("--category", required=True, help=texts["category"])
    parser.add_argument("--date", help=texts["date"])
    parser.add_argument("--slug", help=texts["slug"])
    parser.set_defaults(run=lambda a: commands.run_new(a.title, a.category, a.date, a.slug))


def _rename(parser: argparse.ArgumentParser, texts: dict[str, str]) -> None:
    parser.add_argument("old", metavar="OLD_SLUG", help=texts["old"])
    parser.add_argument("new", metavar="NEW_SLUG", help=texts["new"])
    parser.set_defaults(run=lambda a: commands.run_rename(a.old, a.new))


def _ingest(parser: argparse.ArgumentParser, texts: dict[str, str]) -> None:
    parser.add_argument("path", nargs="+", metavar="PATH", help=texts["path"])
    for name in ("date", "category", "source_url", "source_name", "retrieved"):
        parser.add_argument(f"--{name.replace('_', '-')}", help=texts[name])
    parser.add_argument("--quiet", action="store_true", help=texts["quiet"])
    parser.set_defaults(run=_run_ingest)


def _run_ingest(args: argparse.Namespace) -> int:
    from chronique.ingest.pipeline import run_ingest

    return run_ingest(
        args.path,
        date=args.date,
        category=args.category,
        source_url=args.source_url,
        source_name=args.source_name,
        retrieved=args.retrieved,
        quiet=args.quiet,
    )


def _evaluate(parser: argparse.ArgumentParser, texts: dict[str, str]) -> None:
    parser.add_argument("corpus", nargs="+", metavar="CORPUS", help=texts["corpus"])
    parser.add_argument("--failures", type=int, default=0, help=texts["failures"])
    parser.set_defaults(run=lambda a: commands.run_evaluate(a.corpus, a.failures))


def _serve(parser: argparse.ArgumentParser, texts: dict[str, str]) -> None:
    parser.add_argument("--port", type=int, default=8000, help=texts["port"])
    parser.set_defaults(run=lambda a: commands.run_serve(a.port))


def _bench(parser: argparse.ArgumentParser, texts: dict[str, str]) -> None:
    parser.add_argument("--articles", type=int, default=1000, help=texts["articles"])
    parser.add_argument("--topics", type=int, default=1000, help=texts["topics"])
    parser.add_argument("--json", metavar="PATH", help=texts["json"])
    parser.set_defaults(run=lambda a: commands.run_bench(a.articles, a.topics, a.json))


def _suggest(parser: argparse.ArgumentParser, texts: dict[str, str]) -> None:
    parser.add_argument("path", nargs="*", metavar="FILE", help=texts["path"])
    parser.add_argument("--min", type=int, default=2, help=texts["min"])
    parser.set_defaults(run=lambda a: commands.run_topics_suggest(a.path, a.min))


def _retag(parser: argparse.ArgumentParser, texts: dict[str, str]) -> None:
    parser.add_argument("--dry-run", action="store_true", help=texts["dry_run"])
    parser.set_defaults(run=lambda a: commands.run_topics_retag(a.dry_run))


_DEFINITIONS: dict[str, Callable[[argparse.ArgumentParser, dict[str, str]], None]] = {
    "build": _build,
    "publish": _publish,
    "check": _check,
    "new": _new,
    "rename": _rename,
    "ingest": _ingest,
    "evaluate": _evaluate,
    "serve": _serve,
    "bench": _bench,
    "topics.suggest": _suggest,
    "topics.retag": _retag,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; its exit status (argparse exits with 2 on a usage error)."""
    args = build_parser().parse_args(argv)
    status: int = args.run(args)
    return status
