"""Feed history (RFC 5005, "Feed Paging and Archiving", section 4: archived feeds).

Each feed keeps its live document (``atom.xml``, the newest entries: what a reader
subscribes to) and gets *archive documents*: a topic's feed one per calendar year that
has entries, ``{folder}/archives/{YYYY}.xml`` (most topics are named a few times a year:
a few documents, not one for each month they appear in); the site's and each section's
feed one per calendar month that has entries, ``{folder}/archives/{YYYY}-{MM}.xml``, so
that a busy feed's documents stay small (``CHRONIQUE_FEED_ARCHIVE_TOPICS_BY_YEAR``). The
period is fixed by the kind of feed, never by how many entries a period has: an archive
document's address never changes as the archive grows.
They are chained: the live document links ``prev-archive`` to the newest one; each one
links ``prev-archive`` and ``next-archive`` to the nearest earlier and later one,
``current`` to the live document, and says ``<fh:archive/>``. A reader that walks
``prev-archive`` from the live document sees every entry of the feed, back to the first.

A period's document depends on nothing but that period's articles and on which periods
around it have entries: a new article in the newest period rewrites only that period's
document, and the first article of a new period adds a ``next-archive`` link to the one
before it. The period is the one of the article's date in its own offset, as in its URL (``/{YYYY}/{MM}/{slug}/``).

Only Atom: RFC 5005 defines its links as ``atom:link``, and one chain is enough for a
reader to walk back; the RSS live document stays as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from feedgen.ext.base import BaseExtension
from lxml import etree

from chronique.content.dates import month_name

HISTORY_NS = "http://purl.org/syndication/history/1.0"
ARCHIVE_FOLDER = "archives"


@dataclass(frozen=True)
class ArchivePeriod:
    """A year (``month`` None) or a month of a feed that has entries, with its articles."""

    year: int
    month: int | None
    articles: tuple[Any, ...]

    @property
    def key(self) -> str:
        return f"{self.year:04d}" if self.month is None else f"{self.year:04d}-{self.month:02d}"

    def path(self, folder: str) -> str:
        """Where this period's archive document of the feed in *folder* is written."""
        return f"{folder}/{ARCHIVE_FOLDER}/{self.key}.xml"

    def label(self, lang: str) -> str:
        """The period as readers name it: "2024", "mars 2024"."""
        if self.month is None:
            return str(self.year)
        return month_name(date(self.year, self.month, 1), lang)


def archive_periods(articles: Iterable[Any], by_year: bool) -> list[ArchivePeriod]:
    """The years (*by_year*) or the months that have articles, oldest first; in each,
    articles as given."""
    grouped: dict[tuple[int, int | None], list[Any]] = {}
    for article in articles:
        month = None if by_year else article.date.month
        grouped.setdefault((article.date.year, month), []).append(article)
    return [
        ArchivePeriod(year, month, tuple(grouped[year, month]))
        for year, month in sorted(grouped, key=lambda period: (period[0], period[1] or 0))
    ]


@dataclass(frozen=True)
class HistoryLink:
    """One RFC 5005 link: ``prev-archive``, ``next-archive`` or ``current``."""

    rel: str
    href: str

    def as_feedgen(self) -> dict[str, str]:
        return {"href": self.href, "rel": self.rel, "type": "application/atom+xml"}


def archive_links(
    periods: Sequence[ArchivePeriod], index: int, folder: str, url: Any, current: str
) -> list[HistoryLink]:
    """The links of period *index*'s document; *url* makes a site path absolute."""
    links = [HistoryLink("current", current)]
    if index > 0:
        links.append(HistoryLink("prev-archive", url(periods[index - 1].path(folder))))
    if index + 1 < len(periods):
        links.append(HistoryLink("next-archive", url(periods[index + 1].path(folder))))
    return links


class ArchiveMarker(BaseExtension):  # type: ignore[misc]
    """feedgen extension writing ``<fh:archive/>``: this document is an archive document,
    so a reader does not take an entry missing from it as deleted (RFC 5005, 4)."""

    def extend_ns(self) -> dict[str, str]:
        return {"fh": HISTORY_NS}

    def extend_atom(self, feed: Any) -> Any:
        etree.SubElement(feed, f"{{{HISTORY_NS}}}archive")
        return feed
