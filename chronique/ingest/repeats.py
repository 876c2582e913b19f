"""Lines repeated across the pages of one batch: a site's chrome, seen as such.

An archivist ingests folders of hundreds of pages from a few dozen sites. A site prints
its menus, footers, newsletter boxes, paywall prompts and "most read" lists again on
every page, while an article's sentences are its own: a line that comes back on several
pages of the batch is chrome evidence that no rule about one line or one page can give.
Before reading the text pages, the run counts on how many distinct pages each line
appears (``PageCounter``); the text reader is handed the ``RepeatedLines`` and weighs
them against the page (see text_page._batch_chrome).

Lines are known by the hash of their normalised text (white space and case folded), so
memory grows with the number of distinct lines, not with their length; when the table
grows past ``MAX_TRACKED`` the lines met on one page only are forgotten (a site's chrome
comes back on its next pages, long before that), which bounds it for any batch. (Two
lines whose 64-bit hashes collide are one line: a chance too small to weigh. The hash is
Python's own, salted per process: the keys are good within the run that counted them.)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

#: A line printed on this many distinct pages of the batch is the sites' own.
MIN_PAGES = 3
#: Shorter lines (section names, 'Newsletter', 'Privacy policy', a subheading 'Conclusion')
#: are left to the rules about one line: such labels come back in articles as in chrome.
MIN_CHARS = 20
#: Distinct lines tracked before those met on one page only are forgotten.
MAX_TRACKED = 400_000


def line_key(text: str) -> int | None:
    """How a line is known across pages (None for a line too short to count): the hash of
    its text, white space made single spaces, case-folded."""
    if len(text) < MIN_CHARS:  # folding white space only shortens it
        return None
    spaced = " ".join(text.split())
    return hash(spaced.casefold()) if len(spaced) >= MIN_CHARS else None


@dataclass(frozen=True)
class RepeatedLines:
    """The lines of a batch printed on at least MIN_PAGES of its pages (none by default:
    a page read on its own has no others to be compared with)."""

    keys: frozenset[int] = field(default=frozenset())

    def __bool__(self) -> bool:
        return bool(self.keys)

    def marks(self, texts: Iterable[str]) -> list[bool | None]:
        """For each line, whether other pages print it; None when it is too short to say."""
        keys = self.keys
        return [None if key is None else key in keys for key in map(line_key, texts)]


@dataclass
class PageCounter:
    """On how many distinct pages each line has been met so far: the lines met on fewer
    than MIN_PAGES are counted, those met on MIN_PAGES are set apart as repeated."""

    counts: dict[int, int] = field(default_factory=dict)
    repeated: set[int] = field(default_factory=set)

    def add(self, text: str) -> None:
        """Count the distinct lines of one page once each."""
        keys = {key for key in map(line_key, text.split("\n")) if key is not None}
        counts, repeated = self.counts, self.repeated
        for key in keys - repeated:
            count = counts.get(key, 0) + 1
            if count >= MIN_PAGES:
                repeated.add(key)
                counts.pop(key, None)
            else:
                counts[key] = count
        if len(counts) > MAX_TRACKED:
            self.counts = {key: count for key, count in counts.items() if count > 1}
            if len(self.counts) > MAX_TRACKED // 2:
                self.counts = {}

    def lines(self) -> RepeatedLines:
        return RepeatedLines(frozenset(self.repeated))


def count_pages(texts: Iterable[str]) -> RepeatedLines:
    """The lines printed on at least MIN_PAGES of *texts* (each a page's text)."""
    counter = PageCounter()
    for text in texts:
        counter.add(text)
    return counter.lines()
