"""``sitemap.xml`` and ``robots.txt``, written once every page's context is known.

Hand-written rather than the ``pelican-sitemap`` plugin: that plugin stamps index
pages with the build's clock time, and two builds of the same content must be
byte-identical. Here every ``lastmod`` comes from the content: an article's
``modified`` (else its ``date``); a listing's newest article.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pelican.generators import Generator

from chronique.site.feeds import Listings, write_document
from chronique.site.model import last_change
from chronique.site.theme import absolute_url

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    lastmod: datetime | None = None


def newest(articles: Sequence[Any]) -> datetime | None:
    return max((last_change(a) for a in articles), default=None)


def sitemap_entries(
    siteurl: str, articles: Sequence[Any], pages: Sequence[Any], listings: Iterable[tuple[Any, Any]]
) -> list[SitemapEntry]:
    """Home, every article, page, section and topic, sorted by URL (a stable file)."""
    entries = [SitemapEntry(absolute_url(siteurl, ""), newest(articles))]
    entries += [SitemapEntry(absolute_url(siteurl, a.url), last_change(a)) for a in articles]
    entries += [SitemapEntry(absolute_url(siteurl, p.url)) for p in pages]
    entries += [
        SitemapEntry(absolute_url(siteurl, item.url), newest(items)) for item, items in listings
    ]
    return sorted(set(entries), key=lambda entry: entry.loc)


def sitemap_xml(entries: Iterable[SitemapEntry]) -> bytes:
    ET.register_namespace("", SITEMAP_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for entry in entries:
        url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = entry.loc
        if entry.lastmod is not None:
            ET.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = entry.lastmod.isoformat()
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


def robots_txt(siteurl: str) -> str:
    """Everything may be crawled; the sitemap is named when its absolute URL is known."""
    lines = ["User-agent: *", "Allow: /"]
    if siteurl.startswith(("http://", "https://")):
        lines.append(f"Sitemap: {absolute_url(siteurl, 'sitemap.xml')}")
    return "\n".join(lines) + "\n"


class SitemapGenerator(Generator):  # type: ignore[misc]
    """Writes ``sitemap.xml`` and ``robots.txt`` through Pelican's Writer."""

    def generate_output(self, writer: Any) -> None:
        listings = Listings.from_context(self.context)
        siteurl = self.settings.get("SITEURL", "")
        entries = sitemap_entries(
            siteurl,
            listings.articles,
            self.context.get("pages") or [],
            [*listings.categories, *listings.tags],
        )
        write_document(writer, "sitemap.xml", sitemap_xml(entries))
        write_document(writer, "robots.txt", robots_txt(siteurl).encode("utf-8"))
