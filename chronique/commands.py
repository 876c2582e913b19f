"""Command-line behaviour of the invoke tasks: run a function, print, return an exit code."""

from __future__ import annotations

import sys
from pathlib import Path

from chronique.build import BuildError, build_site
from chronique.errors import InvalidContentError


def print_errors(errors: InvalidContentError) -> None:
    for error in errors.errors:
        print(error, file=sys.stderr)


def run_build(settings_file: str = "pelicanconf.py", output: str | None = None) -> int:
    """Build the site; on failure print why and leave the previous output alone."""
    try:
        result = build_site(settings_file, output)
    except InvalidContentError as exc:
        print_errors(exc)
        count = sum(e.is_error for e in exc.errors)
        print(f"Build refused: {count} error(s); output/ was left unchanged.", file=sys.stderr)
        return 1
    except BuildError as exc:
        print(f"Build failed: {exc}\noutput/ was left unchanged.", file=sys.stderr)
        return 1
    where = _display_path(result.output_path)
    print(
        f"Built {result.articles} article(s) and {result.pages} page(s) into {where}/\n"
        f"Open {where}/index.html, or run `invoke serve` for http://127.0.0.1:8000/"
    )
    return 0


def _display_path(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
