"""Chronique's commands. Each task only wires the command line to a function of the package."""

from __future__ import annotations

import sys

from invoke import Collection, task


@task(help={"settings": "Pelican settings file", "output": "output folder (default: output/)"})
def build(c, settings="pelicanconf.py", output=None):
    """Build the site from content/ into output/ (development settings)."""
    from chronique.commands import run_build

    sys.exit(run_build(settings, output))


@task(help={"output": "output folder (default: output/)"})
def publish(c, output=None):
    """Build the site for publication with publishconf.py (absolute URLs)."""
    from chronique.commands import run_build

    sys.exit(run_build("publishconf.py", output))


def _paths(first, c):
    """One path as an argument, more after ``--``: invoke has no variadic arguments."""
    import shlex

    return ([first] if first else []) + shlex.split(c.remainder or "")


@task(
    help={
        "path": "a file to check (default: all content); more after --",
        "format": "text or github",
    },
)
def check(c, path=None, format="text"):
    """Validate content: front-matter, topics, slugs, images, links, raw HTML."""
    from chronique.commands import run_check

    sys.exit(run_check(_paths(path, c), format))


@task(
    help={
        "title": "the article's title",
        "category": "its section, e.g. Monde",
        "date": "publication day YYYY-MM-DD (default: now)",
        "slug": "its permanent slug (default: from the title)",
    }
)
def new(c, title, category, date=None, slug=None):
    """Scaffold content/articles/YYYY/MM/<slug>.md for a new article and print its path."""
    from chronique.commands import run_new

    sys.exit(run_new(title, category, date, slug))


@task(
    positional=["path"],
    help={
        "path": "a raw page (text or HTML) or a folder of them; more after --",
        "date": "publication day YYYY-MM-DD for pages that give none (recorded as editor-supplied)",
        "category": "section for pages that name none, or whose label the section map lacks",
        "source_url": "URL the page was taken from",
        "source_name": "name of the site the page was taken from",
        "retrieved": "when the pages were captured: a day YYYY-MM-DD or a date-time with offset "
        "(2025-03-15T10:30+01:00); relative dates are counted back from a date-time",
        "quiet": "no progress bar",
    },
)
def ingest(
    c,
    path=None,
    date=None,
    category=None,
    source_url=None,
    source_name=None,
    retrieved=None,
    quiet=False,
):
    """Turn raw pages into content/articles/YYYY/MM/<slug>.md and report on each input."""
    from chronique.ingest.pipeline import run_ingest

    sys.exit(
        run_ingest(
            _paths(path, c),
            date=date,
            category=category,
            source_url=source_url,
            source_name=source_name,
            retrieved=retrieved,
            quiet=quiet,
        )
    )


@task(
    help={"path": "a file to read (default: the articles); more after --", "min": "minimum count"}
)
def suggest(c, path=None, min=2):
    """List frequent names that no topic of content/topics.yml covers yet."""
    from chronique.commands import run_topics_suggest

    sys.exit(run_topics_suggest(_paths(path, c), int(min)))


@task(help={"dry_run": "only print what would change"})
def retag(c, dry_run=False):
    """Tag every article anew with the current vocabulary and rules."""
    from chronique.commands import run_topics_retag

    sys.exit(run_topics_retag(dry_run))


@task(help={"articles": "size of the synthetic archive", "topics": "size of its vocabulary"})
def bench(c, articles=2000, topics=1000):
    """Benchmarks: ingest, tagging, feeds and full build on a synthetic archive."""
    from chronique.commands import run_bench

    sys.exit(run_bench(int(articles), int(topics)))


@task(
    positional=["corpus"],
    help={
        "corpus": "a checked-out gold corpus (scrapinghub benchmark or fundus); more after --",
        "failures": "list this many misses per row",
    },
)
def evaluate(c, corpus, failures=0):
    """Ingest's accuracy on gold corpora, HTML and browser text copies, beside trafilatura."""
    from chronique.ingest.evaluate.__main__ import main

    sys.exit(main([*_paths(corpus, c), "--failures", str(int(failures))]))


@task(help={"port": "port on 127.0.0.1 (default 8000)"})
def serve(c, port=8000):
    """Build, serve output/ at http://127.0.0.1:8000/ and rebuild on every change."""
    from pathlib import Path

    from chronique.commands import run_build
    from chronique.serve import serve as serve_forever

    run_build()
    watched = [Path("content"), Path("theme"), Path("pelicanconf.py")]
    serve_forever(Path("output"), watched, run_build, port=int(port))


@task
def lint(c):
    """ruff: lint and format check."""
    c.run(f"{sys.executable} -m ruff check .")
    c.run(f"{sys.executable} -m ruff format --check .")


def _npm_tools(c):
    """Install the npm test tools (vnu-jar, axe-core, …) when node_modules lags package-lock.json."""
    import shutil
    from pathlib import Path

    installed = Path("node_modules/.package-lock.json")
    lock = Path("package-lock.json")
    if installed.is_file() and installed.stat().st_mtime >= lock.stat().st_mtime:
        return
    if shutil.which("npm") is None:
        print("npm not found: the HTML checker and axe tests will be skipped (or fail in CI)")
        return
    c.run("npm ci --no-audit --no-fund", pty=False)


@task(pre=[lint], help={"args": "extra pytest arguments, e.g. \"-m 'not browser'\""})
def test(c, args=""):
    """The whole test suite: lint, npm test tools, then pytest (browser tests included)."""
    _npm_tools(c)
    c.run(f"{sys.executable} -m pytest {args}", pty=False)


ns = Collection(build, publish, check, new, ingest, evaluate, serve, bench, lint, test)
ns.add_collection(Collection("topics", suggest, retag))
