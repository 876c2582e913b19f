"""Chronique's commands. Each task only wires the command line to a function of the package."""

from __future__ import annotations

import sys

from invoke import task


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


@task
def lint(c):
    """ruff: lint and format check."""
    c.run(f"{sys.executable} -m ruff check .")
    c.run(f"{sys.executable} -m ruff format --check .")


@task(pre=[lint], help={"args": "extra pytest arguments, e.g. \"-m 'not browser'\""})
def test(c, args=""):
    """The whole test suite: lint, then pytest (browser tests included)."""
    c.run(f"{sys.executable} -m pytest {args}", pty=False)
