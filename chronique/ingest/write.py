"""Step 7: write one article file, atomically, never over another article."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from chronique.slugs import MAX_SLUG_LENGTH


def unique_slug(slug: str, is_taken: Callable[[str], bool]) -> str:
    """*slug*, or *slug*-2, -3… (shortened to stay within 80 characters) when taken."""
    if not is_taken(slug):
        return slug
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = f"{slug[: MAX_SLUG_LENGTH - len(suffix)].rstrip('-')}{suffix}"
        if not is_taken(candidate):
            return candidate
        number += 1


def _make_folder(folder: Path) -> None:
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)


def write_new_file(path: Path, text: str) -> None:
    """Write *text* to *path* through a temporary file and ``os.replace``.

    A reader never sees half a file. Raises FileExistsError rather than replace
    an existing file: the caller picks another slug.
    """
    if path.exists():
        raise FileExistsError(path)
    _make_folder(path.parent)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        temporary.replace(path)  # atomic (os.replace)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
