"""The processing cache: encoded files kept by the hash of what made them.

An entry is a folder named by its key (the hash of the source bytes and of every setting
the encoding depends on) holding the encoded files and ``entry.json``, the description
of what they are. A rebuild with unchanged images and settings encodes nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

ENTRY_FILE = "entry.json"

#: What an entry's maker returns: its description, and its files by published path.
Made = tuple[Mapping[str, Any], Mapping[str, bytes]]


@dataclass
class CacheReport:
    """How many entries a build encoded, and how many it took from the cache."""

    encoded: int = 0
    reused: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def count(self, encoded: bool) -> None:
        with self._lock:
            if encoded:
                self.encoded += 1
            else:
                self.reused += 1


def cache_key(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


@dataclass
class ImageCache:
    root: Path
    report: CacheReport = field(default_factory=CacheReport)

    def entry(self, key: str, make: Callable[[], Made]) -> dict[str, Any]:
        """The description stored under *key*, made (and stored) by *make* when missing."""
        folder = self.root / key
        try:
            description: dict[str, Any] = json.loads((folder / ENTRY_FILE).read_text("utf-8"))
        except (OSError, ValueError):
            self._store(folder, *make())
            self.report.count(encoded=True)
            return json.loads((folder / ENTRY_FILE).read_text("utf-8"))
        self.report.count(encoded=False)
        return description

    def has(self, key: str) -> bool:
        """Whether an entry is stored under *key*."""
        return (self.root / key / ENTRY_FILE).is_file()

    def publish(self, key: str, path: str, output: Path) -> None:
        """Put the cached file of *key* published at *path* into *output*."""
        link_or_copy(self.root / key / _file_name(path), output / path)

    def single_file(self, key: str, suffix: str) -> Path:
        """Where an entry of one file and nothing to describe (a social card) is kept."""
        return self.root / f"{key}{suffix}"

    def store_single_file(self, key: str, suffix: str, data: bytes) -> Path:
        """Write *data* beside its place, then rename it there: never half a file."""
        staging = self.root / f".{key}.{os.getpid()}{suffix}"
        try:
            staging.write_bytes(data)
        except FileNotFoundError:
            self.root.mkdir(parents=True, exist_ok=True)
            staging.write_bytes(data)
        return staging.replace(self.single_file(key, suffix))

    def _store(
        self, folder: Path, description: Mapping[str, Any], files: Mapping[str, bytes]
    ) -> None:
        """Write the entry beside its place, then rename it there: never half an entry."""
        self.root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".entry-", dir=self.root))
        for path, data in files.items():
            (staging / _file_name(path)).write_bytes(data)
        (staging / ENTRY_FILE).write_text(json.dumps(description, ensure_ascii=False), "utf-8")
        shutil.rmtree(folder, ignore_errors=True)
        try:
            staging.rename(folder)
        except OSError:  # another build stored the same entry meanwhile
            shutil.rmtree(staging, ignore_errors=True)


def link_or_copy(source: Path, target: Path) -> None:
    """*target* as a hard link to *source*, or a copy where the file system cannot link them.

    A link copies no bytes and takes no room. It is safe because no build writes into a
    published file: each version is a fresh folder, and a retired one's files are removed
    before the folder is used again (:func:`chronique.site.swap.recycle`).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except FileExistsError:
        target.unlink()
        os.link(source, target)
    except OSError:  # another file system, or one without hard links
        shutil.copyfile(source, target)


def _file_name(path: str) -> str:
    """Files of one entry come from one source, so their names alone tell them apart."""
    return PurePosixPath(path).name
