"""The sitemaps and ``robots.txt``, written once every page's context is known.

``/sitemap.xml`` is a sitemap index: it names one sitemap per year of articles
(``sitemap-2015.xml``) and one of every other page (``sitemap-pages.xml``: home, pages,
sections, topics, archive and period pages). A file that would pass the protocol's
limits (``CHRONIQUE_SITEMAP_MAX_URLS``, ``CHRONIQUE_SITEMAP_MAX_BYTES``) is split into
``sitemap-2015.xml``, ``sitemap-2015-2.xml``, … The files sit at the site's root: a
sitemap may only list URLs at or below its own folder.

Hand-written rather than the ``pelican-sitemap`` plugin: that plugin stamps index
pages with the build's clock time, and two builds of the same content must be
byte-identical. Here every ``lastmod`` comes from the content: an article's
``modified`` (else its ``date``); a listing's newest article.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pelican.generators import Generator

from chronique.site.feeds import Listings, write_document
from chronique.site.model import last_change, site_of
from chronique.site.theme import absolute_url

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
INDEX_FILE = "sitemap.xml"
#: The sitemap of every page that is not an article (listings, period pages, pages).
PAGES_GROUP = "pages"
#: Direct templates that are no page to index.
UNLISTED_TEMPLATES = frozenset({"index", "404"})


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    lastmod: datetime | None = None


@dataclass(frozen=True)
class SitemapFile:
    """One sitemap of the index: its file name at the site's root and its entries."""

    name: str
    entries: tuple[SitemapEntry, ...]

    @property
    def lastmod(self) -> datetime | None:
        return max((e.lastmod for e in self.entries if e.lastmod is not None), default=None)


def newest(articles: Sequence[Any]) -> datetime | None:
    return max((last_change(a) for a in articles), default=None)


def article_entries(siteurl: str, articles: Sequence[Any]) -> dict[str, list[SitemapEntry]]:
    """Every article under the year of its URL, each year sorted by URL."""
    years: dict[str, list[SitemapEntry]] = defaultdict(list)
    for article in articles:
        years[f"{article.date.year:04d}"].append(
            SitemapEntry(absolute_url(siteurl, article.url), last_change(article))
        )
    return {year: sorted(entries, key=lambda e: e.loc) for year, entries in years.items()}


def listing_entries(
    siteurl: str,
    articles: Sequence[Any],
    pages: Sequence[Any],
    listings: Iterable[tuple[str, Sequence[Any]]],
) -> list[SitemapEntry]:
    """Home, pages and the first page of every listing (URL and the articles it lists),
    sorted by URL. Later pages of a listing are left out: their content shifts with every
    new article, and each article they list is in its year's sitemap."""
    entries = {SitemapEntry(absolute_url(siteurl, ""), newest(articles))}
    entries |= {SitemapEntry(absolute_url(siteurl, page.url)) for page in pages}
    entries |= {SitemapEntry(absolute_url(siteurl, url), newest(items)) for url, items in listings}
    return sorted(entries, key=lambda entry: entry.loc)


def site_listings(
    context: Mapping[str, Any], settings: Mapping[str, Any]
) -> list[tuple[str, Sequence[Any]]]:
    """The URL and articles of each section, topic, direct template, period page and topic
    index letter page."""
    found = Listings.from_context(dict(context))
    listings: list[tuple[str, Sequence[Any]]] = [
        (item.url, items) for item, items in [*found.categories, *found.tags]
    ]
    for template in settings.get("DIRECT_TEMPLATES", ()):
        name = template.upper()
        if template not in UNLISTED_TEMPLATES and settings.get(f"{name}_SAVE_AS"):
            listings.append((settings.get(f"{name}_URL", f"{template}.html"), found.articles))
    for periods in (context.get("period_archives") or {}).values():
        listings += [(period["url"], period["dates"]) for period in periods]
    index = context.get("topic_index")
    if index is not None and index.split and settings.get("TAGS_SAVE_AS"):
        listings += [(group.url, group.articles) for group in index.by_letter]
    return listings


def sitemap_xml(entries: Iterable[SitemapEntry]) -> bytes:
    return _document("urlset", "url", entries)


def sitemap_index_xml(files: Iterable[SitemapFile], siteurl: str) -> bytes:
    return _document(
        "sitemapindex",
        "sitemap",
        (SitemapEntry(absolute_url(siteurl, file.name), file.lastmod) for file in files),
    )


def _document(root_name: str, item_name: str, entries: Iterable[SitemapEntry]) -> bytes:
    ET.register_namespace("", SITEMAP_NS)
    root = ET.Element(f"{{{SITEMAP_NS}}}{root_name}")
    for entry in entries:
        item = ET.SubElement(root, f"{{{SITEMAP_NS}}}{item_name}")
        ET.SubElement(item, f"{{{SITEMAP_NS}}}loc").text = entry.loc
        if entry.lastmod is not None:
            ET.SubElement(item, f"{{{SITEMAP_NS}}}lastmod").text = entry.lastmod.isoformat()
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def split_to_limits(
    entries: Sequence[SitemapEntry], max_urls: int, max_bytes: int
) -> list[Sequence[SitemapEntry]]:
    """Consecutive runs of *entries*, each of at most *max_urls* URLs and *max_bytes* bytes
    once written; a run too large in bytes is halved until it fits."""
    runs = [entries[start : start + max_urls] for start in range(0, len(entries), max_urls)]
    return [part for run in runs for part in _halved_to_fit(run, max_bytes)]


def _halved_to_fit(run: Sequence[SitemapEntry], max_bytes: int) -> list[Sequence[SitemapEntry]]:
    if len(sitemap_xml(run)) <= max_bytes:
        return [run]
    if len(run) == 1:
        raise ValueError(
            f"CHRONIQUE_SITEMAP_MAX_BYTES ({max_bytes}) is smaller than a sitemap of the one URL "
            f"{run[0].loc}"
        )
    middle = len(run) // 2
    return [*_halved_to_fit(run[:middle], max_bytes), *_halved_to_fit(run[middle:], max_bytes)]


def sitemap_files(
    groups: Mapping[str, Sequence[SitemapEntry]], max_urls: int, max_bytes: int
) -> list[SitemapFile]:
    """The files of each group (``sitemap-2015.xml``, ``sitemap-2015-2.xml``, …), in the
    groups' order."""
    files = []
    for group, entries in groups.items():
        for number, part in enumerate(split_to_limits(entries, max_urls, max_bytes), start=1):
            suffix = "" if number == 1 else f"-{number}"
            files.append(SitemapFile(f"sitemap-{group}{suffix}.xml", tuple(part)))
    return files


def robots_txt(siteurl: str) -> str:
    """Everything may be crawled; the sitemap is named when its absolute URL is known."""
    lines = ["User-agent: *", "Allow: /"]
    if siteurl.startswith(("http://", "https://")):
        lines.append(f"Sitemap: {absolute_url(siteurl, INDEX_FILE)}")
    return "\n".join(lines) + "\n"


class SitemapGenerator(Generator):  # type: ignore[misc]
    """Writes the sitemap index, its sitemaps and ``robots.txt`` through Pelican's Writer."""

    def generate_output(self, writer: Any) -> None:
        siteurl = self.settings.get("SITEURL", "")
        limits = site_of(self.settings).chronique
        articles = Listings.from_context(self.context).articles
        groups: dict[str, Sequence[SitemapEntry]] = dict(
            sorted(article_entries(siteurl, articles).items())
        )
        groups[PAGES_GROUP] = listing_entries(
            siteurl,
            articles,
            self.context.get("pages") or [],
            site_listings(self.context, self.settings),
        )
        files = sitemap_files(groups, limits.sitemap_max_urls, limits.sitemap_max_bytes)
        for file in files:
            write_document(writer, file.name, sitemap_xml(file.entries))
        write_document(writer, INDEX_FILE, sitemap_index_xml(files, siteurl))
        write_document(writer, "robots.txt", robots_txt(siteurl).encode("utf-8"))
