"""Step 8: the report — one line per input, what needs an editor, a summary, an exit code."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from chronique.folding import fold
from chronique.paths import printable, shown_path


class Status(Enum):
    WRITTEN = "written"
    ALREADY_PRESENT = "already present"
    POSSIBLE_DUPLICATE = "possible duplicate"
    FAILED = "failed"
    #: Met in a folder and not read (not a page type, hidden, a link out of the folder…).
    SKIPPED = "skipped"


@dataclass(frozen=True)
class IngestResult:
    """What happened to one input."""

    input: Path
    status: Status
    output: Path | None = None  # written file, or the existing article it matches
    reason: str | None = None  # why it failed, or how similar the duplicate is
    note: str | None = None  # what an editor should know about a written article
    unmapped_label: str | None = None  # the page's section label that the map lacks
    missing_date: bool = False  # refused because the page shows no date

    def line(self, relative_to: Path | None = None) -> str:
        source, target = _show(self.input, relative_to), _show(self.output, relative_to)
        if self.status is Status.WRITTEN:
            note = f" ({self.note})" if self.note else ""
            return f"written: {source} -> {target}{note}"
        if self.status is Status.ALREADY_PRESENT:
            return f"already present: {source} (same bytes as {target})"
        if self.status is Status.POSSIBLE_DUPLICATE:
            return f"possible duplicate: {source} of {target} ({self.reason}); not written"
        if self.status is Status.SKIPPED:
            return f"skipped: {source}: {self.reason}"
        return f"failed: {source}: {self.reason}"


def _show(path: Path | None, relative_to: Path | None) -> str:
    """*path* for one report line: control characters in a file name are escaped."""
    if path is None:
        return "-"
    return printable(str(shown_path(path, relative_to) if relative_to is not None else path))


@dataclass(frozen=True)
class UnmappedLabel:
    """A section label of the batch that no section or map entry covers."""

    label: str  # as most of its pages spell it
    pages: int
    refused: int  # the others went to --category or the default section


@dataclass
class IngestReport:
    results: list[IngestResult] = field(default_factory=list)
    #: Files and folders of the folders given that were not read (status SKIPPED).
    skipped: list[IngestResult] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """1 when any input failed (the others are still written), else 0."""
        return int(any(r.status is Status.FAILED for r in self.results))

    def by_status(self, status: Status) -> list[IngestResult]:
        return [r for r in self.results if r.status is status]

    def summary(self) -> str:
        counts = Counter(r.status for r in self.results)
        parts = ", ".join(f"{counts[s]} {s.value}" for s in Status if s is not Status.SKIPPED)
        skipped = f"; {len(self.skipped)} file(s) or folder(s) skipped" if self.skipped else ""
        return f"{len(self.results)} input(s): {parts}{skipped}"

    def lines(self, relative_to: Path | None = None) -> list[str]:
        """One line per input, then one per file or folder skipped."""
        return [r.line(relative_to) for r in (*self.results, *self.skipped)]

    def unmapped_labels(self) -> list[UnmappedLabel]:
        """Labels the section map lacks, most pages first; spellings that differ only in
        case or accents count as one label, as the map compares them."""
        spellings: dict[str, Counter[str]] = {}
        refused: Counter[str] = Counter()
        for result in self.results:
            if result.unmapped_label:
                key = fold(result.unmapped_label)
                spellings.setdefault(key, Counter())[result.unmapped_label] += 1
                refused[key] += result.status is Status.FAILED
        found = [
            UnmappedLabel(names.most_common(1)[0][0], names.total(), refused[key])
            for key, names in spellings.items()
        ]
        return sorted(found, key=lambda item: (-item.pages, fold(item.label)))

    @property
    def missing_dates(self) -> int:
        """Pages refused because they show no publication date."""
        return sum(r.missing_date for r in self.results)

    def editor_lines(self) -> list[str]:
        """What an editor can supply before a rerun; nothing when the batch needs nothing."""
        lines: list[str] = []
        unmapped = self.unmapped_labels()
        if unmapped:
            lines.append(
                "section labels not in CHRONIQUE_SECTION_MAP (map them, then run ingest again):"
            )
            lines.extend(f"  {_label_line(item)}" for item in unmapped)
        if self.missing_dates:
            lines.append(
                f"pages without a publication date: {self.missing_dates} "
                "(refused; pass --date YYYY-MM-DD for those whose date is known)"
            )
        return ["needs an editor:", *lines] if lines else []


def _label_line(item: UnmappedLabel) -> str:
    pages = f"{item.pages} page{'s' if item.pages > 1 else ''}"
    if item.refused == item.pages:
        return f"'{item.label}': {pages}"
    return f"'{item.label}': {pages} ({item.pages - item.refused} filed under another section)"
