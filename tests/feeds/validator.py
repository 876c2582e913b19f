"""A strict structural validator for the RSS 2.0 and Atom 1.0 documents the site writes.

The W3C Feed Validation Service is not packaged on PyPI, Debian or npm (checked:
``pip download feedvalidator``, ``feed-validator``, ``w3c-feedvalidator`` find nothing),
so the rules the acceptance names are checked here, on top of feedparser's own.
Each function returns the problems found; an empty list means valid.
"""

from __future__ import annotations

import email.utils
import re
from datetime import datetime
from urllib.parse import urlsplit

from lxml import etree

ATOM_NS = "http://www.w3.org/2005/Atom"
ATOM = f"{{{ATOM_NS}}}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
HISTORY = "{http://purl.org/syndication/history/1.0}"
HISTORY_RELS = ("current", "prev-archive", "next-archive")
#: RFC 822 date-time as RSS 2.0 uses it, four-digit year, numeric offset.
RFC822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
    r"\d{4} \d\d:\d\d:\d\d [+-]\d{4}$"
)
#: RFC 3339 date-time as Atom requires it.
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$")
#: RFC 4151 tag URI: tag:authority,date:specific.
TAG_URI = re.compile(
    r"^tag:[a-z0-9.-]+\.[a-z]{2,},\d{4}(-\d\d){0,2}:[A-Za-z0-9._~:/?@!$&'()*+,;=%-]+$"
)
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
RFC3339_DATE_FIELDS = ("updated", "published")


def is_absolute(url: str | None) -> bool:
    parts = urlsplit(url or "")
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def validate(data: bytes, self_url: str) -> list[str]:
    """Problems of one feed document served at *self_url*, RSS or Atom by its root."""
    problems = [
        f"XML-forbidden character {m.group()!r}" for m in XML_FORBIDDEN.finditer(data.decode())
    ]
    root = etree.fromstring(data)
    if root.tag == "rss":
        problems += validate_rss(root, self_url)
    elif root.tag == f"{ATOM}feed":
        problems += validate_atom(root, self_url)
    else:
        problems.append(f"unknown root element {root.tag}")
    return problems


def _rfc822(text: str | None, where: str) -> list[str]:
    if not text or not RFC822.match(text):
        return [f"{where}: not an RFC 822 date with offset: {text!r}"]
    email.utils.parsedate_to_datetime(text)
    return []


def _rfc3339(text: str | None, where: str) -> list[str]:
    if not text or not RFC3339.match(text):
        return [f"{where}: not an RFC 3339 date-time: {text!r}"]
    datetime.fromisoformat(text)
    return []


def _required(element: etree._Element, names: tuple[str, ...], where: str) -> list[str]:
    return [f"{where} lacks <{n}>" for n in names if not (element.findtext(n) or "").strip()]


def _unique(ids: list[str], what: str) -> list[str]:
    return [f"duplicate {what} {i}" for i in sorted({i for i in ids if ids.count(i) > 1})]


def validate_rss(root: etree._Element, self_url: str) -> list[str]:
    problems = [] if root.get("version") == "2.0" else ["rss version is not 2.0"]
    channel = root.find("channel")
    if channel is None:
        return [*problems, "no <channel>"]
    problems += _required(channel, ("title", "link", "description"), "channel")
    problems += _self_link(channel.findall(f"{ATOM}link"), self_url, "channel")
    problems += _rfc822(channel.findtext("lastBuildDate"), "channel lastBuildDate")
    for tag in ("link", "image/url", "image/link"):
        if channel.find(tag) is not None and not is_absolute(channel.findtext(tag)):
            problems.append(f"channel {tag} not absolute: {channel.findtext(tag)}")
    image = channel.findtext("image/url")
    if image is not None and not image.lower().endswith((".png", ".gif", ".jpg", ".jpeg")):
        problems.append(f"channel image is not GIF, JPEG or PNG (RSS 2.0): {image}")
    items = channel.findall("item")
    for index, item in enumerate(items):
        problems += _rss_item(item, f"item {index}")
    problems += _unique([item.findtext("guid") or "" for item in items], "guid")
    problems += _not_older(channel.findtext("lastBuildDate"), items)
    return problems


def _not_older(last_build: str | None, items: list[etree._Element]) -> list[str]:
    dates = [i.findtext("pubDate") for i in items]
    if _rfc822(last_build, "") or any(_rfc822(d, "") for d in dates) or not dates:
        return []
    newest = max(email.utils.parsedate_to_datetime(d) for d in dates)
    if email.utils.parsedate_to_datetime(last_build) < newest:
        return ["channel lastBuildDate older than its newest item"]
    return []


def _rss_item(item: etree._Element, where: str) -> list[str]:
    problems = _required(item, ("title", "link", "guid"), where)
    if item.find("description") is None and item.find(f"{CONTENT}encoded") is None:
        problems.append(f"{where} has no description nor content:encoded")
    guid = item.find("guid")
    if guid is not None and guid.get("isPermaLink") != "false":
        problems.append(f"{where} guid is not isPermaLink=false")
    if guid is not None and not TAG_URI.match(guid.text or ""):
        problems.append(f"{where} guid is not a tag: URI: {guid.text}")
    problems += _rfc822(item.findtext("pubDate"), f"{where} pubDate")
    if not is_absolute(item.findtext("link")):
        problems.append(f"{where} link not absolute: {item.findtext('link')}")
    for enclosure in item.findall("enclosure"):
        problems += _enclosure(enclosure.get("url"), enclosure, where)
    for category in item.findall("category"):
        if not (category.text or "").strip():
            problems.append(f"{where} has an empty category")
    problems += _html_urls(item.findtext(f"{CONTENT}encoded"), where)
    problems += _html_urls(item.findtext("description"), where)
    return problems


def validate_atom(root: etree._Element, self_url: str) -> list[str]:
    problems = _required(root, (f"{ATOM}id", f"{ATOM}title", f"{ATOM}updated"), "feed")
    problems += _rfc3339(root.findtext(f"{ATOM}updated"), "feed updated")
    if not TAG_URI.match(root.findtext(f"{ATOM}id") or ""):
        problems.append(f"feed id is not a tag: URI: {root.findtext(f'{ATOM}id')}")
    feed_author = root.find(f"{ATOM}author/{ATOM}name") is not None
    links = root.findall(f"{ATOM}link")
    problems += _self_link(links, self_url, "feed")
    problems += _atom_links(links, "feed")
    for tag in ("icon", "logo"):
        if root.find(f"{ATOM}{tag}") is not None and not is_absolute(root.findtext(f"{ATOM}{tag}")):
            problems.append(f"feed {tag} not absolute")
    problems += _history_links(root, links)
    entries = root.findall(f"{ATOM}entry")
    for index, entry in enumerate(entries):
        problems += _atom_entry(entry, f"entry {index}", feed_author)
    problems += _unique([e.findtext(f"{ATOM}id") or "" for e in entries], "entry id")
    updated = [datetime.fromisoformat(e.findtext(f"{ATOM}updated")) for e in entries]
    if (
        updated
        and not problems
        and datetime.fromisoformat(root.findtext(f"{ATOM}updated")) < max(updated)
    ):
        problems.append("feed updated older than its newest entry")
    return problems


def _atom_entry(entry: etree._Element, where: str, feed_author: bool) -> list[str]:
    problems = _required(entry, (f"{ATOM}id", f"{ATOM}title", f"{ATOM}updated"), where)
    if not TAG_URI.match(entry.findtext(f"{ATOM}id") or ""):
        problems.append(f"{where} id is not a tag: URI")
    for field in RFC3339_DATE_FIELDS:
        problems += _rfc3339(entry.findtext(f"{ATOM}{field}"), f"{where} {field}")
    if not feed_author and entry.find(f"{ATOM}author/{ATOM}name") is None:
        problems.append(f"{where} has no author and the feed has none")
    links = entry.findall(f"{ATOM}link")
    problems += _atom_links(links, where)
    if not any(link.get("rel", "alternate") == "alternate" for link in links):
        problems.append(f"{where} has no alternate link")
    for link in links:
        if link.get("rel") == "enclosure":
            problems += _enclosure(link.get("href"), link, where)
    for kind in ("summary", "content"):
        element = entry.find(f"{ATOM}{kind}")
        if element is not None and element.get("type", "text") not in {"text", "html", "xhtml"}:
            problems.append(f"{where} {kind} has type {element.get('type')}")
        if element is not None and element.get("type") == "html":
            problems += _html_urls(element.text, where)
    if entry.find(f"{ATOM}content") is None and entry.find(f"{ATOM}summary") is None:
        problems.append(f"{where} has no content nor summary")
    return problems


def _atom_links(links: list[etree._Element], where: str) -> list[str]:
    """Absolute hrefs; RFC 4287 4.1.1: one alternate link per (type, hreflang)."""
    problems = []
    alternates = []
    for link in links:
        if not is_absolute(link.get("href")):
            problems.append(f"{where} link not absolute: {link.get('href')}")
        if link.get("rel", "alternate") == "alternate":
            alternates.append((link.get("type"), link.get("hreflang")))
    if len(alternates) != len(set(alternates)):
        problems.append(f"{where} has several alternate links of the same type")
    return problems


def _history_links(root: etree._Element, links: list[etree._Element]) -> list[str]:
    """RFC 5005: an archive document says <fh:archive/> and links to the live document."""
    rels = [link.get("rel") for link in links]
    problems = [f"feed has several {rel} links" for rel in HISTORY_RELS if rels.count(rel) > 1]
    if root.find(f"{HISTORY}archive") is not None and rels.count("current") != 1:
        problems.append("archive document has no current link")
    if root.find(f"{HISTORY}archive") is None and "next-archive" in rels:
        problems.append("a live document has a next-archive link")
    return problems


def _self_link(links: list[etree._Element], self_url: str, where: str) -> list[str]:
    hrefs = [link.get("href") for link in links if link.get("rel") == "self"]
    return [] if hrefs == [self_url] else [f"{where} self link {hrefs} is not [{self_url}]"]


def _enclosure(url: str | None, element: etree._Element, where: str) -> list[str]:
    problems = [] if is_absolute(url) else [f"{where} enclosure URL not absolute: {url}"]
    if not (element.get("length") or "").isdigit() or int(element.get("length")) <= 0:
        problems.append(f"{where} enclosure length {element.get('length')!r}")
    if "/" not in (element.get("type") or ""):
        problems.append(f"{where} enclosure type {element.get('type')!r}")
    return problems


def _html_urls(html: str | None, where: str) -> list[str]:
    """Every href and src in an escaped HTML payload must be absolute (or mailto:)."""
    if not html or not html.strip():
        return []
    fragment = etree.fromstring(f"<div>{html}</div>", etree.HTMLParser())
    problems = []
    for element in fragment.iter():
        for attribute in ("href", "src"):
            url = element.get(attribute)
            if url is not None and not (is_absolute(url) or url.startswith("mailto:")):
                problems.append(f"{where} HTML {attribute} not absolute: {url}")
    return problems
