"""Chronique's commands for invoke. Each task only wires the command line to a function of
the package; ``chronique COMMAND`` (chronique/cli/main.py) runs the same functions and takes
several files without ``--``, which invoke cannot."""

from __future__ import annotations

import shlex
import sys

from invoke import Collection, task

from chronique.cli import commands
from chronique.cli.main import COMMANDS


def command(name: str, **options):
    """invoke's ``@task`` with the summary and argument help of ``chronique NAME``."""

    def decorate(body):
        body.__doc__ = COMMANDS[name].summary
        return task(help=COMMANDS[name].arguments, **options)(body)

    return decorate


def _paths(first, c):
    """One path as an argument, more after ``--``: invoke has no variadic arguments."""
    return ([first] if first else []) + shlex.split(c.remainder or "")


@command("build")
def build(c, settings="pelicanconf.py", output=None, copy=None):
    sys.exit(commands.run_build(settings, output, copy))


@command("publish")
def publish(c, output=None, copy=None):
    sys.exit(commands.run_build("publishconf.py", output, copy))


@command("check")
def check(c, path=None, format="text"):
    sys.exit(commands.run_check(_paths(path, c), format))


@command("new")
def new(c, title, category, date=None, slug=None):
    sys.exit(commands.run_new(title, category, date, slug))


@command("rename")
def rename(c, old, new):
    sys.exit(commands.run_rename(old, new))


@command("ingest", positional=["path"])
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


@command("topics.suggest")
def suggest(c, path=None, min=2):
    sys.exit(commands.run_topics_suggest(_paths(path, c), int(min)))


@command("topics.retag")
def retag(c, dry_run=False):
    sys.exit(commands.run_topics_retag(dry_run))


@command("bench")
def bench(c, articles=1000, topics=1000, json=None):
    sys.exit(commands.run_bench(int(articles), int(topics), json))


@command("evaluate", positional=["corpus"])
def evaluate(c, corpus, failures=0):
    sys.exit(commands.run_evaluate(_paths(corpus, c), int(failures)))


@command("serve")
def serve(c, port=8000):
    sys.exit(commands.run_serve(int(port)))


@task
def lint(c):
    """ruff: lint and format check."""
    c.run(f"{sys.executable} -m ruff check .")
    c.run(f"{sys.executable} -m ruff format --check .")


@task
def typecheck(c):
    """mypy over chronique/ (settings in pyproject.toml); fails on any error."""
    c.run(f"{sys.executable} -m mypy")


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


@task(pre=[lint, typecheck], help={"args": "extra pytest arguments, e.g. \"-m 'not browser'\""})
def test(c, args=""):
    """The whole test suite: lint, types, npm test tools, then pytest (browser tests included)."""
    _npm_tools(c)
    c.run(f"{sys.executable} -m pytest {args}", pty=False)


ns = Collection(
    build, publish, check, new, rename, ingest, evaluate, serve, bench, lint, typecheck, test
)
ns.add_collection(Collection("topics", suggest, retag))
