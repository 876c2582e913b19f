"""How commands show a path: relative to where they run when it lies inside, else as given."""

from __future__ import annotations

from pathlib import Path


def shown_path(path: Path, base: Path | None = None) -> Path:
    """*path* relative to *base* (the working directory by default) when inside it, so that
    messages read ``content/articles/…`` and an editor can click them; else *path* itself."""
    try:
        return path.resolve().relative_to((base or Path.cwd()).resolve())
    except ValueError:
        return path
