"""Issue 19's closing table: run the hostile battery and count its cases by category and outcome.

``python -m tests.hostile.table`` (from the repository) runs ``tests/hostile`` (its slow cases
included, never the browser) and prints one Markdown row per category: the cases, those handled
(the test passed), and those not handled (failed, or a known gap marked xfail) under the kind of
failure the case guards against: a known gap's xfail reason opens with it; otherwise it is read
from the case's name (``KINDS``, first match), and a case whose name says nothing is a
``disagreement`` for content (check against build) and a ``crash`` elsewhere. The category
comes from the test's module.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field

import pytest

OUTCOMES = ("crash", "silent drop", "injection", "escape", "hang", "disagreement")
#: Words of a case's name and the kind of failure it guards against, the first match winning.
KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("hang", ("deep", "nested", "10,000", "100000", "fifo", "pipe", "socket", "over 2 mb",
              "waits", "kill")),
    ("escape", ("link", "out of", "/proc", "escaping", "as a path", "slug", "outside",
                "absolute", "parent")),
    ("injection", ("script", "data:", "markup", "svg", "html", "iframe", "form", "meta",
                   "base", "object", "mxss", "event", "source_url", "source url", "ampersand",
                   "fragment", "font", "png", "pdf", "annotation", "control characters")),
    ("silent drop", ("hidden", "lock", "extension", "type", ".md", "wget", "stylesheet", "php",
                     "images/", "content/", "angle", "page", "missing", "disk", "copy",
                     "refused build", "404")),
    ("crash", ("surrogate", "date", "year", "utf-8", "impossible", "retrieved", "offset",
               "title", "not a list", "category", "section", "empty", "nul", "bom",
               "byte-order", "crlf", "never closed")),
)  # fmt: skip
CATEGORIES = {
    "test_content_cases": "content (check + build)",
    "test_ingest_cases": "ingest",
    "test_search_cases": "search page",
    "test_swap": "faults (kill -9, disk full, concurrent builds)",
    "test_serve": "dev server",
    "test_scan_and_policy": "the scan and the URL policy",
}


@dataclass(frozen=True)
class CaseResult:
    nodeid: str
    handled: bool
    #: The kind a known gap's xfail reason opens with.
    declared_kind: str | None = None

    @property
    def module(self) -> str:
        return self.nodeid.split("::")[0].rsplit("/", 1)[-1].removesuffix(".py")

    @property
    def name(self) -> str:
        """The case's id, else its test function's name in words."""
        test = self.nodeid.split("::")[-1]
        return test.split("[", 1)[1].rstrip("]") if "[" in test else test.replace("_", " ")

    @property
    def category(self) -> str:
        if self.module == "test_commands":
            test = self.nodeid.split("::")[-1]
            return "`new`" if "new" in test else ("ingest" if "ingest" in test else "reports")
        return CATEGORIES.get(self.module, self.module)

    @property
    def kind(self) -> str:
        if self.declared_kind:
            return self.declared_kind
        name = self.name.lower()
        for kind, words in KINDS:
            if any(word in name for word in words):
                return kind
        return "disagreement" if self.module == "test_content_cases" else "crash"


@dataclass
class _Collector:
    """A pytest plugin keeping each test's outcome (an xfail is a case not handled)."""

    results: list[CaseResult] = field(default_factory=list)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        failed_setup = report.when == "setup" and not report.passed
        if report.when == "call" or failed_setup or hasattr(report, "wasxfail"):
            reason = getattr(report, "wasxfail", None)
            handled = report.passed and reason is None
            declared = reason.split(":")[0] if reason and reason.split(":")[0] in OUTCOMES else None
            if not any(r.nodeid == report.nodeid for r in self.results):
                self.results.append(CaseResult(report.nodeid, handled, declared))


def table(results: list[CaseResult]) -> list[str]:
    """The Markdown table: one row per category, then the totals."""
    header = ["category", "cases", "handled", *OUTCOMES]
    rows = []
    categories = list(dict.fromkeys(r.category for r in results))
    for category in [*categories, "total"]:
        chosen = [r for r in results if category in ("total", r.category)]
        missed = Counter(r.kind for r in chosen if not r.handled)
        handled = sum(r.handled for r in chosen)
        rows.append([category, str(len(chosen)), str(handled), *(str(missed[o]) for o in OUTCOMES)])
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def not_handled(results: list[CaseResult]) -> list[str]:
    return [f"- {r.category}: {r.name} ({r.kind})" for r in results if not r.handled]


def main(argv: list[str]) -> int:
    collector = _Collector()
    status = pytest.main(
        ["tests/hostile", "-q", "-p", "no:cacheprovider", "-m", "not browser", *argv],
        plugins=[collector],
    )
    print("\n".join(table(collector.results)))
    missed = not_handled(collector.results)
    if missed:
        print("\nnot handled:", *missed, sep="\n")
    return int(status)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
