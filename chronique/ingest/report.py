"""Step 8: the report — one line per input, a summary, an exit code."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Status(Enum):
    WRITTEN = "written"
    ALREADY_PRESENT = "already present"
    POSSIBLE_DUPLICATE = "possible duplicate"
    FAILED = "failed"


@dataclass(frozen=True)
class IngestResult:
    """What happened to one input."""

    input: Path
    status: Status
    output: Path | None = None  # written file, or the existing article it matches
    reason: str | None = None  # why it failed, or how similar the duplicate is
    note: str | None = None  # what an editor should know about a written article

    def line(self, relative_to: Path | None = None) -> str:
        source, target = _show(self.input, relative_to), _show(self.output, relative_to)
        if self.status is Status.WRITTEN:
            note = f" ({self.note})" if self.note else ""
            return f"written: {source} -> {target}{note}"
        if self.status is Status.ALREADY_PRESENT:
            return f"already present: {source} (same bytes as {target})"
        if self.status is Status.POSSIBLE_DUPLICATE:
            return f"possible duplicate: {source} of {target} ({self.reason}); not written"
        return f"failed: {source}: {self.reason}"


def _show(path: Path | None, relative_to: Path | None) -> str:
    if path is None:
        return "-"
    if relative_to is not None:
        try:
            return str(path.resolve().relative_to(relative_to.resolve()))
        except ValueError:
            pass
    return str(path)


@dataclass
class IngestReport:
    results: list[IngestResult] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """1 when any input failed (the others are still written), else 0."""
        return int(any(r.status is Status.FAILED for r in self.results))

    def by_status(self, status: Status) -> list[IngestResult]:
        return [r for r in self.results if r.status is status]

    def summary(self) -> str:
        counts = Counter(r.status for r in self.results)
        parts = ", ".join(f"{counts[s]} {s.value}" for s in Status)
        return f"{len(self.results)} input(s): {parts}"

    def lines(self, relative_to: Path | None = None) -> list[str]:
        return [r.line(relative_to) for r in self.results]
