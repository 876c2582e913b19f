"""Content problems, reported as ``path:line:col: severity: field: message (hint)``."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from chronique.paths import shown_path


@dataclass(frozen=True)
class ContentError:
    """One problem found in one content file."""

    path: Path
    message: str
    field: str | None = None
    line: int = 1
    col: int = 1
    hint: str | None = None
    severity: str = "error"

    def __str__(self) -> str:
        field = f"{self.field}: " if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {field}{self.message}{hint}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def relative_to(self, base: Path) -> ContentError:
        """The same problem with its path relative to *base* when inside it (for annotations)."""
        return replace(self, path=shown_path(self.path, base))


class InvalidContentError(Exception):
    """Raised when content cannot be published; carries every problem found."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))
