"""Publishing a built site atomically: ``output`` is a symlink to a numbered version.

``output`` -> ``.output-versions/<n>``. A build renders into a staging folder inside
``.output-versions/``, renames it to the next number, then replaces the ``output`` link by one
``rename`` of a new link: at every instant ``output`` is the old complete site or the new one,
even if the build is killed. Old versions are pruned after the swap (the previous one is kept
for a reader still loading it); one of those the swap would prune is the next build's staging
folder, its files removed and its folders kept (:func:`recycle`). Staging folders of killed
builds are removed by the next build, which holds a lock on the versions folder so two builds
never clean up each other.

A static host that needs a real folder gets one from :func:`copy_to_folder`, swapped in with
``renameat2(RENAME_EXCHANGE)`` (Linux); :mod:`os` has no binding for it, hence ``ctypes``.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

STAGING_PREFIX = "staging-"
LINK_PREFIX = "link-"
KEPT_VERSIONS = 2
PAUSE_VARIABLE = "CHRONIQUE_PAUSE_AT_STEP"
"""For the kill tests only: the build prints ``paused at STEP`` and waits there forever."""

SWAP_STEPS = ("staged", "rendered", "compared", "versioned", "linked", "swapped", "pruned")


class SwapError(OSError):
    """The new site could not be put in place; the old one is still served."""


class CopyError(OSError):
    """The site was published, but its real-folder copy could not replace the old copy."""


@dataclass(frozen=True)
class OutputSlots:
    """Where the site of *final* lives: its versions folder and the link naming the current one."""

    final: Path

    @property
    def versions(self) -> Path:
        return self.final.with_name(f".{self.final.name}-versions")

    def current(self) -> Path | None:
        """The version *final* links to, if it is such a link."""
        if not self.final.is_symlink():
            return None
        return self.versions / self.final.readlink().name

    def numbered(self) -> list[Path]:
        """The complete versions, oldest first."""
        found = [p for p in self.versions.iterdir() if p.name.isdigit() and p.is_dir()]
        return sorted(found, key=lambda p: int(p.name))


def output_slots(output: str | Path) -> OutputSlots:
    """The slots of *output*; the folder holding it is resolved, never *output* itself (a link)."""
    path = Path(output).absolute()
    return OutputSlots(path.parent.resolve() / path.name)


def step(name: str) -> None:
    """Mark a step of the swap; the kill tests make the build wait at a named one."""
    if os.environ.get(PAUSE_VARIABLE) == name:
        print(f"paused at {name}", flush=True)
        while True:
            time.sleep(3600)


@contextmanager
def staging_folder(slots: OutputSlots) -> Iterator[Path]:
    """A folder with no file to render into, removed unless it was published; locks out
    other builds.

    It is made of a version the publication will prune (:func:`recycle`) when there is one:
    its folders are kept, as most are the new version's too, and making a folder costs much
    more than linking a file.
    """
    slots.versions.mkdir(parents=True, exist_ok=True)
    with _locked(slots.versions):
        _remove_leftovers(slots)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=slots.versions))
        recycle(slots, staging)
        step("staged")
        try:
            yield staging
        finally:
            shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def _locked(versions: Path) -> Iterator[None]:
    """An exclusive lock, released by the kernel even when the build is killed."""
    with (versions / ".lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _remove_leftovers(slots: OutputSlots) -> None:
    """Staging folders and links of builds killed before they finished (we hold the lock)."""
    for path in slots.versions.iterdir():
        if path.name.startswith((LINK_PREFIX, STAGING_PREFIX)):
            _remove(path)


def recycle(slots: OutputSlots, staging: Path) -> None:
    """Move into the empty *staging* folder the newest version that the next publication
    would prune (never the one served), then remove its files, keeping its folders.

    Nothing serves that version, and nothing of it is published again: a build killed
    here leaves a staging folder, which the next build removes. Its files are removed, not
    reused, as they may share their inode with the served version's (hard links): a write
    to one would change the served site.
    """
    current = slots.current()
    retired = [v for v in slots.numbered()[: -(KEPT_VERSIONS - 1) or None] if v != current]
    if not retired:
        return
    retired[-1].rename(staging)
    _remove_files(staging)


def _remove_files(folder: Path) -> None:
    with os.scandir(folder) as entries:
        for entry in list(entries):
            if entry.is_dir(follow_symlinks=False):
                _remove_files(Path(entry.path))
            else:
                os.unlink(entry.path)  # noqa: PTH108 - no Path object per file


def _remove(path: Path) -> None:
    if path.is_symlink() or not path.is_dir():
        path.unlink()
    else:
        shutil.rmtree(path, ignore_errors=True)


def publish(staging: Path, slots: OutputSlots) -> Path:
    """Make *staging* the site *slots.final* serves, in one rename; return its version folder."""
    numbers = [int(p.name) for p in slots.numbered()]
    version = slots.versions / str(max(numbers, default=0) + 1)
    staging.chmod(0o755)
    staging.rename(version)
    step("versioned")
    link = slots.versions / f"{LINK_PREFIX}{version.name}"
    link.symlink_to(Path(slots.versions.name) / version.name)
    step("linked")
    if slots.final.is_dir() and not slots.final.is_symlink():
        _adopt_real_folder(slots, link)
    else:
        link.replace(slots.final)
    step("swapped")
    _prune(slots)
    step("pruned")
    return version


def _adopt_real_folder(slots: OutputSlots, link: Path) -> None:
    """*final* is a folder from before versions: exchange it with the link, then keep it as a
    version, so that even this first swap never leaves *final* missing."""
    legacy = slots.versions / "0"
    shutil.rmtree(legacy, ignore_errors=True)
    try:
        exchange(link, slots.final)
    except SwapError as exc:
        if exc.errno != errno.ENOSYS:
            raise
        slots.final.rename(legacy)  # no atomic exchange here: a moment without a site, once
        link.replace(slots.final)
        return
    link.rename(legacy)


def _prune(slots: OutputSlots) -> None:
    """Remove all versions but the last KEPT_VERSIONS, never the one being served."""
    current = slots.current()
    for version in slots.numbered()[:-KEPT_VERSIONS]:
        if version != current:
            shutil.rmtree(version, ignore_errors=True)


def copy_to_folder(version: Path, destination: Path) -> None:
    """Put a real copy of *version* at *destination*, swapped in whole: a static host that
    cannot follow the ``output`` link still never sees a half-copied or missing folder."""
    destination = destination.absolute()
    try:
        copy = Path(tempfile.mkdtemp(prefix=f".{destination.name}-copy-", dir=destination.parent))
    except OSError as exc:
        raise CopyError(exc.errno, f"cannot copy the site to {destination}: {exc}") from exc
    try:
        shutil.copytree(version, copy, dirs_exist_ok=True)
        copy.chmod(0o755)
        if destination.exists():
            exchange(copy, destination)
        else:
            copy.rename(destination)
    except OSError as exc:
        reason = exc.strerror or exc
        message = f"cannot copy the site to {destination} ({reason}); that folder is unchanged"
        raise CopyError(exc.errno, message) from exc
    finally:
        shutil.rmtree(copy, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def exchange(first: Path, second: Path) -> None:
    """Swap two paths atomically (Linux ``renameat2``); SwapError where the platform lacks it."""
    libc = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        raise SwapError(errno.ENOSYS, "this platform cannot swap two folders atomically")
    names = [os.fsencode(p) for p in (first, second)]
    if renameat2(_AT_FDCWD, names[0], _AT_FDCWD, names[1], _RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise SwapError(code, f"cannot swap {first} and {second}: {os.strerror(code)}")
