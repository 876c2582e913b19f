"""How commands show a path: relative to where they run when it lies inside, else as given."""

from __future__ import annotations

import unicodedata
from pathlib import Path

#: Control, format (bidi overrides), surrogate and line-separator characters: shown escaped, so
#: a crafted name cannot end a report line early, rewrite the terminal, or fail to print.
_UNPRINTABLE = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def shown_path(path: Path, base: Path | None = None) -> Path:
    """*path* relative to *base* (the working directory by default) when inside it, so that
    messages read ``content/articles/…`` and an editor can click them; else *path* itself."""
    try:
        return path.resolve().relative_to((base or Path.cwd()).resolve())
    except ValueError:
        return path


def printable(text: str) -> str:
    """*text* with every unprintable character written ``\\x1b`` / ``\\u202e``; accents kept
    (``unicode_escape`` would escape them too, hence this loop)."""
    return "".join(_escaped(c) if unicodedata.category(c) in _UNPRINTABLE else c for c in text)


def _escaped(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable_path(path: Path, base: Path | None = None) -> str:
    """:func:`shown_path` as text fit for one report line."""
    return printable(str(shown_path(path, base)))
