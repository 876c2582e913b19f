"""The OPML 2.0 list of every feed of the site, for subscribing to many at once.

Written with lxml rather than a library: the PyPI OPML packages read OPML (listparser)
or are unmaintained, and the document is one ``<head>`` and two levels of outlines
(http://opml.org/spec2.opml). Its one date is the newest article's, never the build time,
so two builds give the same bytes.
"""

from __future__ import annotations

import email.utils
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from lxml import etree

OPML_TYPE = "text/x-opml"
OPML_DOCS = "http://opml.org/spec2.opml"


@dataclass(frozen=True)
class FeedOutline:
    """One feed as an OPML outline: its title, its feed URL and its page's URL."""

    title: str
    xml_url: str
    html_url: str


@dataclass(frozen=True)
class OutlineGroup:
    """Feeds of one kind under a heading ("Rubriques", "Sujets"); no heading: top level."""

    heading: str | None
    feeds: Sequence[FeedOutline]


def opml_document(title: str, groups: Sequence[OutlineGroup], created: datetime) -> bytes:
    """The OPML document listing *groups*, UTF-8 with its XML declaration."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    etree.SubElement(head, "dateCreated").text = email.utils.format_datetime(created)
    etree.SubElement(head, "docs").text = OPML_DOCS
    body = etree.SubElement(root, "body")
    for group in groups:
        parent = body
        if group.heading is not None:
            parent = etree.SubElement(body, "outline", text=group.heading, title=group.heading)
        for feed in group.feeds:
            etree.SubElement(
                parent,
                "outline",
                type="rss",  # OPML 2.0 calls every feed subscription "rss", Atom ones too
                text=feed.title,
                title=feed.title,
                xmlUrl=feed.xml_url,
                htmlUrl=feed.html_url,
            )
    return etree.tostring(root, encoding="utf-8", xml_declaration=True, pretty_print=True)
