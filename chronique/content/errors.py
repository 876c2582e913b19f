"""Content problems, reported as ``path:line:col: severity: field: message (hint)``."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from chronique.paths import printable, shown_path


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
        place = f"{printable(str(self.path))}:{self.line}:{self.col}"
        return f"{place}: {self.severity}: {field}{self.message}{hint}"

    def annotation(self) -> str:
        """The problem as a GitHub Actions workflow command, which marks the line in the diff.

        Properties and message are escaped as that syntax wants, so that a crafted file name
        cannot end the property early and move the annotation.
        """
        hint = f" ({self.hint})" if self.hint else ""
        properties = {
            "file": str(self.path),
            "line": str(self.line),
            "col": str(self.col),
            "title": self.field or "content",
        }
        shown = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
        return f"::{self.severity} {shown}::{_escape_data(f'{self.message}{hint}')}"

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


def _escape_data(text: str) -> str:
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
