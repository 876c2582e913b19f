"""Every RSS 2.0 and Atom 1.0 feed of the site, written with feedgen.

One place decides what a feed holds: the site feed (``/flux/``), one per section
(``/rubriques/{slug}/``) and one per topic (``/sujets/{slug}/``). Pelican's own
feed writer stays off (chronique.site_defaults).

Entry ids are ``tag:`` URIs (RFC 4151) built from ``CHRONIQUE_TAG_AUTHORITY``,
the article's publication day and its slug, e.g.
``tag:chronique.example.org,2025:2025-03-15:conflit-en-ukraine``. They name the
article, not its address, so a feed reader never sees an article twice when
the site moves to another domain or URL layout.

Feeds carry no build time: a channel's date is its newest entry's, so two
builds of the same content give the same bytes.
"""

from __future__ import annotations

import mimetypes
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import lxml.html
from feedgen.feed import FeedGenerator

from chronique import timing
from chronique.render import sanitise_html

DEFAULT_LIMIT = 50
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
RSS_TYPE = "application/rss+xml"
ATOM_TYPE = "application/atom+xml"


@dataclass(frozen=True)
class FeedLink:
    """A feed as pages announce it: ``<link rel="alternate" …>`` and visible links."""

    title: str
    type: str
    href: str


@dataclass(frozen=True)
class FeedSpec:
    """One followed subject: the whole site, a section or a topic."""

    title: str
    description: str
    page_path: str  # the mirrored page, e.g. "sujets/ukraine/"
    folder: str  # where rss.xml and atom.xml go, e.g. "sujets/ukraine"
    articles: Sequence[Any]

    @property
    def rss_path(self) -> str:
        return f"{self.folder}/rss.xml"

    @property
    def atom_path(self) -> str:
        return f"{self.folder}/atom.xml"


def clean_text(text: str | None) -> str:
    """*text* without the control characters XML 1.0 forbids."""
    return _XML_FORBIDDEN.sub("", text or "")


def feed_folder(obj: Any = None) -> str:
    """Where the feeds of the site (None), a Category or a Tag live."""
    kind = type(obj).__name__
    if kind == "Category":
        return f"rubriques/{obj.slug}"
    if kind == "Tag":
        return f"sujets/{obj.slug}"
    return "flux"


def feed_title(site_name: str, obj: Any = None) -> str:
    return f"{site_name} — {obj.name}" if obj is not None else site_name


def feed_links_for(settings: dict[str, Any]) -> Any:
    """The Jinja global ``feed_links(obj)``: the RSS and Atom links of a page's subject."""
    site_url = settings.get("SITEURL", "")
    site_name = settings.get("SITENAME", "")

    def feed_links(obj: Any = None) -> list[FeedLink]:
        folder, title = feed_folder(obj), feed_title(site_name, obj)
        return [
            FeedLink(f"{title} (RSS)", RSS_TYPE, f"{site_url}/{folder}/rss.xml"),
            FeedLink(f"{title} (Atom)", ATOM_TYPE, f"{site_url}/{folder}/atom.xml"),
        ]

    return feed_links


def feed_specs(generator: Any) -> list[FeedSpec]:
    """The site feed, then one per section and one per topic that has articles."""
    settings = generator.settings
    site_name = settings.get("SITENAME", "")
    specs = [
        FeedSpec(
            site_name,
            settings.get("SITEDESCRIPTION", site_name),
            "",
            "flux",
            generator.articles,
        )
    ]
    for category, articles in sorted(generator.categories, key=lambda item: item[0].slug):
        specs.append(
            FeedSpec(
                feed_title(site_name, category),
                f"Les articles de la rubrique {category.name}.",
                category.url,
                feed_folder(category),
                articles,
            )
        )
    for tag, articles in sorted(generator.tags.items(), key=lambda item: item[0].slug):
        specs.append(
            FeedSpec(
                feed_title(site_name, tag),
                getattr(tag, "description", "") or f"Les articles sur {tag.name}.",
                tag.url,
                feed_folder(tag),
                articles,
            )
        )
    return specs


@dataclass(frozen=True)
class FeedContext:
    """Site-wide facts every feed needs."""

    base_url: str
    authority: str
    lang: str
    site_name: str
    limit: int
    content_path: Path

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> FeedContext:
        base = settings.get("FEED_DOMAIN") or settings.get("SITEURL") or "http://127.0.0.1:8000"
        return cls(
            base_url=base.rstrip("/"),
            authority=settings.get("CHRONIQUE_TAG_AUTHORITY", "chronique.example.org,2025"),
            lang=settings.get("DEFAULT_LANG", "fr"),
            site_name=settings.get("SITENAME", "Chronique"),
            limit=int(settings.get("CHRONIQUE_FEED_LIMIT", DEFAULT_LIMIT)),
            content_path=Path(settings["PATH"]),
        )

    def url(self, path: str) -> str:
        return f"{self.base_url}/{path.lstrip('/')}"


def newest_first(articles: Sequence[Any]) -> list[Any]:
    return sorted(articles, key=lambda a: (-a.date.timestamp(), a.slug))


def entry_id(context: FeedContext, article: Any) -> str:
    return f"tag:{context.authority}:{article.date:%Y-%m-%d}:{article.slug}"


def absolute_html(html: str, page_url: str) -> str:
    """*html* with every link and image address made absolute against *page_url*."""
    if not html.strip():
        return ""
    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    fragment.rewrite_links(lambda link: urljoin(page_url, link))
    inner = "".join(lxml.html.tostring(child, encoding="unicode") for child in fragment)
    return sanitise_html((fragment.text or "") + inner)


def build_feed(spec: FeedSpec, context: FeedContext) -> FeedGenerator:
    """The feedgen object for one subject; entries newest first, at most ``limit``."""
    articles = newest_first(spec.articles)[: context.limit]
    feed = FeedGenerator()
    feed.id(context.url(spec.page_path))
    feed.title(clean_text(spec.title))
    feed.description(clean_text(spec.description) or clean_text(spec.title))
    feed.link(href=context.url(spec.page_path), rel="alternate")
    feed.language(context.lang)
    feed.author({"name": context.site_name})
    feed.generator("Chronique", uri="https://getpelican.com/")
    feed.icon(context.url("theme/favicon.svg"))
    feed.logo(context.url("theme/favicon.svg"))
    if articles:
        newest = max(_updated(a) for a in articles)
        feed.updated(newest)
        feed.lastBuildDate(newest)
    for article in articles:
        _add_entry(feed, article, context)
    return feed


def _updated(article: Any) -> datetime:
    return getattr(article, "modified", None) or article.date


def _add_entry(feed: FeedGenerator, article: Any, context: FeedContext) -> None:
    page_url = context.url(article.url)
    entry = feed.add_entry(order="append")
    entry.id(entry_id(context, article))
    entry.guid(entry_id(context, article), permalink=False)
    entry.title(clean_text(article.title))
    entry.link(href=page_url, rel="alternate")
    entry.published(article.date)
    entry.updated(_updated(article))
    for author in getattr(article, "authors", []) or []:
        entry.author({"name": clean_text(author.name)})
    summary = clean_text(getattr(article, "summary", "") or "")
    if summary:
        entry.summary(summary)
    entry.content(clean_text(absolute_html(article.content, page_url)), type="html")
    entry.category(_categories(article))
    image = getattr(article, "image", None)
    if image is not None:
        _add_enclosure(entry, image, context)


def _categories(article: Any) -> list[dict[str, str]]:
    terms = [article.category.name, *[tag.name for tag in getattr(article, "tags", [])]]
    return [{"term": clean_text(term)} for term in dict.fromkeys(terms)]


def _add_enclosure(entry: Any, image: Any, context: FeedContext) -> None:
    path = (context.content_path / image.src).resolve()
    if not path.is_file() or not path.is_relative_to(context.content_path.resolve()):
        return
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    entry.enclosure(context.url(image.src), str(path.stat().st_size), mime)


def write_feeds(generator: Any, writer: Any = None) -> list[Path]:
    """Pelican signal handler (article_writer_finalized): write every feed."""
    with timing.stage("feeds"):
        return _write_all(generator)


def _write_all(generator: Any) -> list[Path]:
    context = FeedContext.from_settings(generator.settings)
    output = Path(generator.output_path)
    written = []
    for spec in feed_specs(generator):
        feed = build_feed(spec, context)
        page = {"href": context.url(spec.page_path), "rel": "alternate"}
        for path, render in ((spec.rss_path, feed.rss_str), (spec.atom_path, feed.atom_str)):
            # feedgen takes the last link as RSS <link>: the page goes last.
            feed.link([{"href": context.url(path), "rel": "self"}, page], replace=True)
            written.append(_write(output / path, render(pretty=True)))
    return written


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
