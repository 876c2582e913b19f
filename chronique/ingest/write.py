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


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def write_new_file(path: Path, text: str) -> None:
    """Write *text* to *path* through a temporary file and ``os.replace``.

    A reader never sees half a file. Raises FileExistsError rather than replace
    an existing file: the caller picks another slug. The folder is made when the
    first write into it finds it missing (one system call less per article).
    """
    if os.path.lexists(path):
        raise FileExistsError(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        descriptor = os.open(temporary, _NEW_FILE, 0o666)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(temporary, _NEW_FILE, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(text.encode("utf-8"))
        temporary.replace(path)  # atomic (os.replace)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
