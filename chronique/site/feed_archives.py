"""Feed history (RFC 5005, "Feed Paging and Archiving", section 4: archived feeds).

Each feed keeps its live document (``atom.xml``, the newest entries: what a reader
subscribes to) and gets one *archive document* per calendar month that has entries,
``{folder}/archives/{YYYY}-{MM}.xml``. They are chained: the live document links
``prev-archive`` to the newest month; each month links ``prev-archive`` and
``next-archive`` to the nearest earlier and later month that has entries, ``current``
to the live document, and says ``<fh:archive/>``. A reader that walks ``prev-archive``
from the live document sees every entry of the feed, back to the first.

A month's document depends on nothing but that month's articles and on which months
around it have entries: a new article in the newest month rewrites only that month's
document, and the first article of a new month adds a ``next-archive`` link to the month
before it. The month is the one of the article's date in its own offset, as in its URL
(``/{YYYY}/{MM}/{slug}/``).

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
class ArchiveMonth:
    """One calendar month of a feed that has entries, with its articles."""

    year: int
    month: int
    articles: tuple[Any, ...]

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def path(self, folder: str) -> str:
        """Where this month's archive document of the feed in *folder* is written."""
        return f"{folder}/{ARCHIVE_FOLDER}/{self.key}.xml"

    def label(self, lang: str) -> str:
        """The month as readers name it: "mars 2024"."""
        return month_name(date(self.year, self.month, 1), lang)


def archive_months(articles: Iterable[Any]) -> list[ArchiveMonth]:
    """The months that have articles, oldest first; in each, articles as given."""
    by_month: dict[tuple[int, int], list[Any]] = {}
    for article in articles:
        by_month.setdefault((article.date.year, article.date.month), []).append(article)
    return [
        ArchiveMonth(year, month, tuple(by_month[year, month])) for year, month in sorted(by_month)
    ]


@dataclass(frozen=True)
class HistoryLink:
    """One RFC 5005 link: ``prev-archive``, ``next-archive`` or ``current``."""

    rel: str
    href: str

    def as_feedgen(self) -> dict[str, str]:
        return {"href": self.href, "rel": self.rel, "type": "application/atom+xml"}


def archive_links(
    months: Sequence[ArchiveMonth], index: int, folder: str, url: Any, current: str
) -> list[HistoryLink]:
    """The links of month *index*'s document; *url* makes a site path absolute."""
    links = [HistoryLink("current", current)]
    if index > 0:
        links.append(HistoryLink("prev-archive", url(months[index - 1].path(folder))))
    if index + 1 < len(months):
        links.append(HistoryLink("next-archive", url(months[index + 1].path(folder))))
    return links


class ArchiveMarker(BaseExtension):  # type: ignore[misc]
    """feedgen extension writing ``<fh:archive/>``: this document is an archive document,
    so a reader does not take an entry missing from it as deleted (RFC 5005, 4)."""

    def extend_ns(self) -> dict[str, str]:
        return {"fh": HISTORY_NS}

    def extend_atom(self, feed: Any) -> Any:
        etree.SubElement(feed, f"{{{HISTORY_NS}}}archive")
        return feed
