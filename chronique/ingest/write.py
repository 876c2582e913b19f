"""Step 7: write one article file, atomically, never over another article."""

# String paths and os calls on purpose: see write_new_file.
# ruff: noqa: PTH103, PTH105, PTH108, PTH118

from __future__ import annotations

import contextlib
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
    Plain os calls on string paths: a batch writes thousands of files, and
    pathlib and buffered file objects cost more than the system calls here.
    """
    target = os.fspath(path)
    if os.path.lexists(target):
        raise FileExistsError(target)
    folder, name = os.path.split(target)
    temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    try:
        descriptor = os.open(temporary, _NEW_FILE, 0o666)
    except FileNotFoundError:
        os.makedirs(folder, exist_ok=True)
        descriptor = os.open(temporary, _NEW_FILE, 0o666)
    try:
        try:
            _write_all(descriptor, text.encode("utf-8"))
        finally:
            os.close(descriptor)
        os.replace(temporary, target)  # atomic
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]
