"""Every RSS 2.0 and Atom 1.0 feed of the site, written with feedgen.

One place decides what a feed holds: the site feed (in ``CHRONIQUE_FEEDS_URL``),
one per section (beside its page, ``CATEGORY_URL``) and one per topic (beside its
page, ``TAG_URL``), each section and topic only when it has articles. Pelican's own
feed writer stays off (chronique.site.defaults sets every ``FEED_*`` path to None);
:class:`FeedsGenerator` writes the documents through Pelican's Writer.

Identifiers are ``tag:`` URIs (RFC 4151) built from ``CHRONIQUE_TAG_AUTHORITY``
(a domain the archive owns and a year), never from the site's address:

* an entry is ``tag:{authority}:{YYYY-MM-DD}:{slug}``, the article's publication
  day and its permanent slug, e.g. ``tag:chronique.example.org,2025:2025-03-15:conflit-en-ukraine``;
* a feed is ``tag:{authority}:{kind}/{slug}``, e.g. ``tag:chronique.example.org,2025:sujets/ukraine``,
  where the kind is one of :data:`FEED_ID_KINDS`.

They name the article or the subject, not where it is served, so a feed reader
never sees an article twice when the archive moves to another domain or URL
layout; the same article keeps the same id in the site, section and topic feeds.

Feeds carry no build time: a channel's ``updated`` / ``lastBuildDate`` is its
newest entry's date, entries are ordered newest first with the slug as
tie-break, so two builds of the same content give the same bytes.

Each Atom feed also keeps its whole history, one archive document a year for a topic and
a month for the site and a section (:mod:`chronique.site.feed_archives`, RFC 5005), and :func:`opml_for` lists every feed
in one OPML file. The size of the set is bounded by two settings:
``CHRONIQUE_FEED_LIMIT`` entries in a live document, of which the newest
``CHRONIQUE_FEED_FULL_TEXT`` carry the full text and the others, like every archived
entry, the standfirst and the link.

Thousands of documents, of which one edit changes a few: each states what it shows (its
channel, its links, a fingerprint of what each entry shows: :meth:`EntryMaker.shows` reads
what :func:`make_entry` reads), and a rebuild takes the previous version's document when
that is unchanged (:mod:`chronique.site.reuse`), never making its entries; a feed whose
documents all show what they showed is linked whole (:func:`write_feed`).

Text goes through :func:`clean_text`: XML 1.0 forbids most C0 control
characters, and one of them in a title would make the whole feed unreadable.
"""

from __future__ import annotations

import functools
import gettext
import html
import logging
import mimetypes
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urljoin

import lxml.html
from feedgen.entry import FeedEntry
from feedgen.ext.dc import DcEntryExtension, DcExtension
from feedgen.feed import FeedGenerator
from lxml import etree
from pelican.generators import Generator
from PIL import Image, UnidentifiedImageError

from chronique import __version__, timing
from chronique.settings import SettingsError
from chronique.site import i18n
from chronique.site.feed_archives import (
    ArchiveMarker,
    ArchivePeriod,
    HistoryLink,
    archive_links,
    archive_periods,
)
from chronique.site.model import Site, UrlScheme, article_meta, last_change, site_of
from chronique.site.opml import OPML_TYPE, FeedOutline, OutlineGroup, opml_document
from chronique.site.reuse import DOCUMENT_TEMPLATE, REUSE_KEY, MadeDocument, PageReuse, digest

log = logging.getLogger(__name__)

RSS_TYPE = "application/rss+xml"
ATOM_TYPE = "application/atom+xml"
#: The first part of a feed's id, by what it follows. Identifiers, not paths: they were
#: the URL folders when the ids were fixed, and stay when the URL settings change.
FEED_ID_KINDS = {"site": "flux", "Category": "rubriques", "Tag": "sujets"}
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
#: A feed with no entry yet still needs a date; a fixed one keeps builds reproducible.
EMPTY_FEED_DATE = datetime(1970, 1, 1, tzinfo=UTC)
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_WRAPPER = re.compile(r"\A<div>(.*)</div>\Z", re.DOTALL)
#: What RSS 2.0 allows as a channel <image> (and its largest width and height).
RSS_IMAGE_TYPES = {"image/png", "image/jpeg", "image/gif"}
RSS_IMAGE_MAX = (144, 400)


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
    id_path: str  # the subject in the feed's id, e.g. "sujets/ukraine"

    @property
    def rss_path(self) -> str:
        return f"{self.folder}/rss.xml"

    @property
    def atom_path(self) -> str:
        return f"{self.folder}/atom.xml"

    @property
    def kind(self) -> str:
        """``flux``, ``rubriques`` or ``sujets``: which group of the OPML list it is in."""
        return self.id_path.split("/", 1)[0]


@dataclass(frozen=True)
class FeedContext:
    """Site-wide facts every feed needs, read once from the Pelican settings."""

    base_url: str
    authority: str
    lang: str
    site_name: str
    limit: int
    full_text: int
    archive_topics_by_year: bool
    content_path: Path
    icon: str
    icon_size: tuple[int, int]
    opml_name: str
    urls: UrlScheme

    @classmethod
    def from_site(cls, site: Site) -> FeedContext:
        settings = site.settings
        base = settings.get("FEED_DOMAIN") or settings.get("SITEURL") or "http://127.0.0.1:8000"
        return cls(
            base_url=base.rstrip("/"),
            authority=site.chronique.tag_authority,
            lang=settings.get("DEFAULT_LANG", "fr"),
            site_name=settings.get("SITENAME", "Chronique"),
            limit=site.chronique.feed_limit,
            full_text=site.chronique.feed_full_text,
            archive_topics_by_year=site.chronique.feed_archive_topics_by_year,
            content_path=site.config.content_path,
            icon=site.chronique.feed_icon,
            icon_size=icon_size(
                icon_file(settings, site.config.content_path, site.chronique.feed_icon)
            ),
            opml_name=site.chronique.feed_opml,
            urls=site.urls,
        )

    @property
    def opml_path(self) -> str:
        return f"{_folder(self.urls.feeds_url)}/{self.opml_name}"

    def url(self, path: str) -> str:
        """The absolute URL of a site path such as ``sujets/ukraine/``."""
        return f"{self.base_url}/{path.lstrip('/')}"

    def tag_uri(self, specific: str) -> str:
        return f"tag:{self.authority}:{specific}"


def icon_file(settings: dict[str, Any], content_path: Path, icon: str) -> Path:
    """The file the site path *icon* is copied from: a theme static file when it is under
    ``THEME_STATIC_DIR`` (``theme/feed-icon.png``), else a file of ``content/``."""
    static_dir = settings.get("THEME_STATIC_DIR", "theme").strip("/")
    relative = PurePosixPath(icon.lstrip("/"))
    if relative.parts[:1] == (static_dir,):
        rest = relative.relative_to(static_dir)
        for folder in settings.get("THEME_STATIC_PATHS", ["static"]):
            candidate = Path(settings.get("THEME", "theme")) / folder / rest
            if candidate.is_file():
                return candidate
    return content_path / relative


def icon_size(path: Path) -> tuple[int, int]:
    """Width and height of the feed icon; an error unless it is a PNG, JPEG or GIF file
    RSS 2.0 can show (at most 144 x 400 px)."""
    problem = f"CHRONIQUE_FEED_ICON: {path}"
    try:
        with Image.open(path) as image:
            mime, size = Image.MIME.get(image.format or ""), image.size
    except FileNotFoundError:
        raise SettingsError(
            f"{problem}: no such file (a theme static file or one of content/)"
        ) from None
    except UnidentifiedImageError:
        raise SettingsError(f"{problem}: not an image (use a PNG, JPEG or GIF file)") from None
    if mime not in RSS_IMAGE_TYPES:
        raise SettingsError(f"{problem}: {mime}, but RSS 2.0 allows only PNG, JPEG and GIF")
    if size[0] > RSS_IMAGE_MAX[0] or size[1] > RSS_IMAGE_MAX[1]:
        raise SettingsError(f"{problem}: {size[0]}x{size[1]} px, RSS allows at most 144x400")
    return size


# --- What pages announce ------------------------------------------------------------------


def clean_text(text: str | None) -> str:
    """*text* without the characters XML 1.0 forbids (C0 controls but tab/LF/CR, surrogates)."""
    return _XML_FORBIDDEN.sub("", text or "")


def feed_folder(urls: UrlScheme, obj: Any = None) -> str:
    """Where the feeds of the site (None), a Category or a Tag live: beside its page, whose
    address Pelican makes from CATEGORY_URL or TAG_URL."""
    return _folder(obj.url if obj is not None else urls.feeds_url)


def _folder(url: str) -> str:
    """``sujets/ukraine/`` (or ``sujets/ukraine.html``) as the folder ``sujets/ukraine``."""
    return str(PurePosixPath(url).with_suffix(""))


def feed_id_path(obj: Any = None) -> str:
    """What a feed's id names: ``flux`` for the site, ``sujets/ukraine`` for a topic."""
    kind = FEED_ID_KINDS[type(obj).__name__ if obj is not None else "site"]
    return f"{kind}/{obj.slug}" if obj is not None else kind


def feed_title(site_name: str, obj: Any = None) -> str:
    """What a feed follows: "Chronique" for the site, "Chronique — Ukraine" for a topic."""
    return f"{site_name} — {obj.name}" if obj is not None else site_name


def feed_links_for(settings: dict[str, Any], urls: UrlScheme) -> Callable[[Any], list[FeedLink]]:
    """The Jinja global ``feed_links(obj)``: the RSS and Atom links of a page's subject."""
    site_url = settings.get("SITEURL", "")
    site_name = settings.get("SITENAME", "")

    def feed_links(obj: Any = None) -> list[FeedLink]:
        folder, title = feed_folder(urls, obj), feed_title(site_name, obj)
        return [
            FeedLink(f"{title} (RSS)", RSS_TYPE, f"{site_url}/{folder}/rss.xml"),
            FeedLink(f"{title} (Atom)", ATOM_TYPE, f"{site_url}/{folder}/atom.xml"),
        ]

    return feed_links


def opml_link_for(settings: dict[str, Any], urls: UrlScheme, opml_name: str) -> FeedLink:
    """The Jinja global ``opml_link``: the OPML list of every feed, as pages link to it."""
    title = f"{settings.get('SITENAME', '')} (OPML)"
    return FeedLink(
        title, OPML_TYPE, f"{settings.get('SITEURL', '')}/{_folder(urls.feeds_url)}/{opml_name}"
    )


# --- Which feeds exist ---------------------------------------------------------------------


@dataclass(frozen=True)
class Listings:
    """What Pelican's ArticlesGenerator put in the shared context: the articles, and the
    articles of each section and each topic."""

    articles: Sequence[Any]
    categories: Sequence[tuple[Any, Sequence[Any]]]
    tags: Sequence[tuple[Any, Sequence[Any]]]

    @classmethod
    def from_context(cls, context: dict[str, Any]) -> Listings:
        tags = context.get("tags") or []
        return cls(
            context.get("articles") or [],
            context.get("categories") or [],
            list(tags.items()) if isinstance(tags, dict) else tags,
        )


def feed_specs(
    listings: Listings, settings: dict[str, Any], urls: UrlScheme, ui: gettext.NullTranslations
) -> list[FeedSpec]:
    """The site feed, then one per section and one per topic that has articles."""
    site_name = settings.get("SITENAME", "")
    site = FeedSpec(
        site_name,
        settings.get("SITEDESCRIPTION") or site_name,
        "",
        feed_folder(urls),
        listings.articles,
        feed_id_path(),
    )

    def subject_feeds(
        subjects: Sequence[tuple[Any, Sequence[Any]]], describe: Callable[[Any], str]
    ) -> list[FeedSpec]:
        return [
            FeedSpec(
                feed_title(site_name, subject),
                describe(subject),
                subject.url,
                feed_folder(urls, subject),
                articles,
                feed_id_path(subject),
            )
            for subject, articles in sorted(subjects, key=lambda item: item[0].slug)
            if articles
        ]

    sections = subject_feeds(
        listings.categories,
        lambda category: ui.gettext("Articles in the section %(name)s.") % {"name": category.name},
    )
    topics = subject_feeds(
        listings.tags,
        lambda tag: (
            getattr(tag, "description", "")
            or ui.gettext("Articles about %(name)s.") % {"name": tag.name}
        ),
    )
    return [site, *sections, *topics]


def newest_first(articles: Iterable[Any]) -> list[Any]:
    """Newest first; the slug breaks ties so the order never depends on reading order."""
    return sorted(articles, key=lambda a: (-a.date.timestamp(), a.slug))


# --- Entries ------------------------------------------------------------------------------


def entry_id(context: FeedContext, article: Any) -> str:
    """The article's first slug makes its id: a renamed article keeps it (``feed_id``)."""
    return context.tag_uri(f"{article.date:%Y-%m-%d}:{article_meta(article).feed_slug}")


def absolute_html(html: str, page_url: str) -> str:
    """*html* with every link and image address made absolute against *page_url*.

    Feed readers show the body away from the page, where ``/images/x.png`` or
    ``../`` mean nothing; lxml finds every URL-bearing attribute (href, src, …).
    """
    if not html.strip():
        return ""
    wrapper = lxml.html.fragment_fromstring(html, create_parent="div")
    wrapper.rewrite_links(lambda link: urljoin(page_url, link.strip()))
    for element in wrapper.iter("img", "source"):
        if element.get("srcset"):
            element.set("srcset", _absolute_srcset(element.get("srcset"), page_url))
    serialised = lxml.html.tostring(wrapper, encoding="unicode")
    return _WRAPPER.sub(r"\1", serialised)


def _absolute_srcset(srcset: str, page_url: str) -> str:
    """lxml's rewrite_links leaves ``srcset`` (several URLs in one attribute) alone."""
    candidates = []
    for candidate in srcset.split(","):
        url, _, descriptor = candidate.strip().partition(" ")
        candidates.append(" ".join(filter(None, (urljoin(page_url, url), descriptor.strip()))))
    return ", ".join(candidates)


class Entry(FeedEntry):
    """feedgen's FeedEntry, its XML serialised once for all feeds, with two fixes.

    * Atom: feedgen 1.0.0 writes an entry's ``<link>`` with its ``href`` only (a
      shadowed variable in ``FeedEntry.atom_entry``), so the enclosure became a
      second ``rel="alternate"`` link, which RFC 4287 forbids; the attributes are
      put back from the link data.
    * RSS: with no standfirst feedgen moves the body into ``<description>``;
      the body stays in ``<content:encoded>`` like every other item's.
    """

    def __init__(self) -> None:
        super().__init__()
        self._texts: dict[tuple[str, tuple[tuple[str, str], ...]], str] = {}

    def text(self, kind: str, namespaces: Mapping[str | None, str]) -> str:
        """The entry's XML as it reads in a document of *kind* whose root declares
        *namespaces*: an entry sits in several feeds, and is serialised once for all."""
        key = (kind, tuple(sorted((prefix or "", uri) for prefix, uri in namespaces.items())))
        if key not in self._texts:
            element = self._rss_element() if kind == RSS_TYPE else self._atom_element()
            host = etree.Element("host", nsmap=dict(namespaces))
            host.append(element)  # serialised alone, it would declare them itself
            written = etree.tostring(host, encoding="unicode")
            self._texts[key] = written[written.index(">") + 1 : -len("</host>")]
        return self._texts[key]

    def _atom_element(self) -> Any:
        element = super().atom_entry()
        for written, data in zip(element.findall("link"), self.link(), strict=True):
            for name in ("rel", "type", "hreflang", "title", "length"):
                if data.get(name):
                    written.set(name, str(data[name]))
        return element

    def _rss_element(self) -> Any:
        element = super().rss_entry()
        description = element.find("description")
        if description is not None and not self.summary() and self.content():
            description.tag = f"{{{CONTENT_NS}}}encoded"
        return element


@dataclass(frozen=True)
class FeedParts:
    """A feed's channel (a feedgen feed with no entry) and its entries, newest first."""

    channel: FeedGenerator
    entries: Sequence[Entry]

    def document(self, kind: str) -> str:
        """The RSS or Atom document, compact. feedgen would build every entry's XML again
        for each feed it is in, from a deep copy, and indent it all: each entry's XML is
        serialised once (:meth:`Entry.text`) and put in the channel's document as text."""
        if kind == RSS_TYPE:
            channel, closing = self.channel.rss_str(), "</channel>"
            namespaces = etree.fromstring(channel).nsmap
        else:
            # feedgen writes Atom's xmlns as an attribute: its elements are in no namespace
            channel, closing, namespaces = self.channel.atom_str(), "</feed>", {}
        text = channel.decode("utf-8")
        end = text.rindex(closing)
        entries = "".join(entry.text(kind, namespaces) for entry in self.entries)
        return text[:end] + entries + text[end:]


@dataclass
class EntryMaker:
    """Builds each article's feed entry once per form (full text or standfirst): an
    article sits in the site feed, its section's and every topic's, and in their archives,
    which share its serialised XML (:meth:`Entry.text`)."""

    context: FeedContext
    _made: dict[tuple[int, bool], Entry] = field(default_factory=dict)
    _shown: dict[int, tuple[str, str]] = field(default_factory=dict)

    def __call__(self, article: Any, full_text: bool = True) -> Entry:
        key = (id(article), full_text)
        if key not in self._made:
            self._made[key] = make_entry(article, self.context, full_text)
        return self._made[key]

    def shows(self, article: Any, full_text: bool) -> str:
        """The fingerprint of what :func:`make_entry` reads of *article*, in that form."""
        key = id(article)
        if key not in self._shown:
            self._shown[key] = _entry_shows(article, self.context)
        standfirst, full = self._shown[key]
        return full if full_text else standfirst


def _entry_shows(article: Any, context: FeedContext) -> tuple[str, str]:
    """What the entry of *article* shows, with the standfirst and with the full text."""
    meta = article_meta(article)
    image = _enclosure_file(meta.image, context) if meta.image is not None else None
    shown = [
        article.url,
        article.title,
        article.date.isoformat(),
        repr(meta),
        article.category.name,
        repr([tag.name for tag in getattr(article, "tags", None) or []]),
        repr(image and (image.name, image.stat().st_size)),
    ]
    full = digest([*shown, "body", str(article.content)])
    standfirst = full if _carries_body(meta, False) else digest([*shown, "no body"])
    return standfirst, full


def _standfirst(meta: Any) -> str:
    """The front-matter standfirst as feed HTML ("" when it has none)."""
    return clean_text(html.escape(meta.summary or "", quote=False))


def _carries_body(meta: Any, full_text: bool) -> bool:
    """Whether an entry carries the article's body: in full text, or when it has no
    standfirst (an excerpt of our making would be a summary nobody wrote)."""
    return full_text or not _standfirst(meta)


def make_entry(article: Any, context: FeedContext, full_text: bool = True) -> Entry:
    """One article as a feedgen entry, every text cleaned and every URL absolute.

    Without *full_text* the entry carries the standfirst and the link to the page; an
    article with no standfirst keeps its full text (an excerpt of our making would be a
    summary nobody wrote).
    """
    page_url = context.url(article.url)
    entry = Entry()
    entry.id(entry_id(context, article))
    entry.guid(entry_id(context, article), permalink=False)
    entry.title(clean_text(article.title))
    entry.link(href=page_url, rel="alternate")
    entry.published(article.date)
    entry.updated(last_change(article))
    meta = article_meta(article)
    # Front-matter authors only: Pelican fills in AUTHOR when there are none, an invention.
    authors = [clean_text(name) for name in meta.authors]
    for name in authors:
        entry.author({"name": name})
    if authors:
        # RSS <author> must be an e-mail address: names go in dc:creator instead.
        entry.register_extension("dc", DcEntryExtension, atom=False, rss=True)
        entry.dc.dc_creator(authors)
    # Front-matter standfirst only, as HTML: Pelican would otherwise make one from the
    # body's first words.
    summary = _standfirst(meta)
    if summary:
        entry.summary(summary, type="html")
    if _carries_body(meta, full_text):
        entry.content(clean_text(absolute_html(article.content, page_url)), type="html")
    entry.category(_categories(article, context))
    if meta.image is not None:
        _add_enclosure(entry, meta.image, context)
    return entry


def _categories(article: Any, context: FeedContext) -> list[dict[str, str]]:
    """The section, then the topics; the scheme says which vocabulary a term comes from."""
    terms = [(article.category.name, context.url(context.urls.categories_url))]
    tags = getattr(article, "tags", None) or []
    terms += [(tag.name, context.url(context.urls.tags_url)) for tag in tags]
    unique = dict.fromkeys((clean_text(name), scheme) for name, scheme in terms)
    return [{"term": name, "scheme": scheme} for name, scheme in unique]


def _add_enclosure(entry: FeedEntry, image: Any, context: FeedContext) -> None:
    """The lead image, with its size in bytes and its type, as readers need them."""
    path = _enclosure_file(image, context)
    if path is None:
        root = context.content_path.resolve()
        log.warning("Lead image %s not found under %s: no feed enclosure", image.src, root)
        return
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    entry.enclosure(context.url(image.src), str(path.stat().st_size), mime)


def _enclosure_file(image: Any, context: FeedContext) -> Path | None:
    """The lead image's file under ``content/``, if it is there."""
    root = context.content_path.resolve()
    path = (root / image.src.lstrip("/")).resolve()
    return path if path.is_file() and path.is_relative_to(root) else None


# --- Feeds --------------------------------------------------------------------------------


EntryFactory = Callable[[Any, bool], Entry]


def build_feed(
    spec: FeedSpec, context: FeedContext, entries: EntryFactory | None = None
) -> FeedParts:
    """The live feed of one subject: entries newest first, at most ``limit``, the newest
    ``full_text`` of them with the full text."""
    entries = entries or (lambda article, full: make_entry(article, context, full))
    articles = newest_first(spec.articles)[: context.limit]
    made = [entries(article, index < context.full_text) for index, article in enumerate(articles)]
    return FeedParts(_channel(spec, context, articles), made)


def _channel(
    spec: FeedSpec, context: FeedContext, articles: Sequence[Any], title: str | None = None
) -> FeedGenerator:
    """A feed of *spec* with no entry yet, dated by the newest change of *articles*."""
    feed = FeedGenerator()
    # dc: for the entries' dc:creator. Registered, not loaded: load_extension looks for a
    # feedgen.ext.dc_entry module, which does not exist, through the importers every time.
    feed.register_extension("dc", DcExtension, DcEntryExtension, atom=False, rss=True)
    feed.id(context.tag_uri(spec.id_path))
    feed.title(clean_text(title or spec.title))
    feed.description(clean_text(spec.description) or clean_text(spec.title))
    feed.language(context.lang)
    feed.author({"name": context.site_name})
    feed.generator("Chronique", version=__version__)
    feed.icon(context.url(context.icon))
    width, height = context.icon_size
    feed.image(
        context.url(context.icon),
        clean_text(title or spec.title),
        width=str(width),
        height=str(height),
    )
    # feedgen stamps lastBuildDate and updated with the current time unless told otherwise.
    newest = max((last_change(a) for a in articles), default=EMPTY_FEED_DATE)
    feed.updated(newest)
    feed.lastBuildDate(newest)
    return feed


def feed_documents(
    spec: FeedSpec, context: FeedContext, entries: EntryMaker | None = None
) -> Iterator[tuple[str, MadeDocument]]:
    """The documents of one feed by output path: its live RSS and Atom documents, then its
    Atom archive documents, one per period that has entries. Each states what it shows (its
    channel, links and entries), so a rebuild makes only those whose previous version it
    cannot take (:mod:`chronique.site.reuse`)."""
    entries = entries or EntryMaker(context)
    articles = newest_first(spec.articles)
    live = articles[: context.limit]
    by_year = context.archive_topics_by_year and spec.kind == FEED_ID_KINDS["Tag"]
    periods = archive_periods(articles, by_year)
    channel = [_channel_shows(spec, context)]
    shown = _live_shows(live, context, entries)
    feed = functools.cache(lambda: build_feed(spec, context, entries))
    history = (
        [HistoryLink("prev-archive", context.url(periods[-1].path(spec.folder)))] if periods else []
    )
    for path, kind, links in ((spec.rss_path, RSS_TYPE, []), (spec.atom_path, ATOM_TYPE, history)):
        shows = [kind, *channel, repr(links), *shown]
        make = functools.partial(_live_document, feed, spec, context, path, kind, links)
        yield path, MadeDocument(shows, make)
    current = context.url(spec.atom_path)
    for index, period in enumerate(periods):
        links = archive_links(periods, index, spec.folder, context.url, current)
        shows = ["archive", *channel, period.key, repr(links)]
        shows += [entries.shows(article, False) for article in period.articles]
        make = functools.partial(_archive_document, spec, context, entries, period, links)
        yield period.path(spec.folder), MadeDocument(shows, make)


def _channel_shows(spec: FeedSpec, context: FeedContext) -> str:
    subject = (spec.title, spec.description, spec.page_path, spec.folder, spec.id_path)
    return digest([repr(context), repr(subject)])


def _live_shows(live: Sequence[Any], context: FeedContext, entries: EntryMaker) -> list[str]:
    return [entries.shows(a, index < context.full_text) for index, a in enumerate(live)]


def feed_shows(spec: FeedSpec, context: FeedContext, entries: EntryMaker) -> list[str]:
    """What all the documents of one feed show together: its channel, its live entries and
    every entry as its period's document shows it (their dates make the periods, hence the
    documents' paths and links). Equal, the feed's documents are the same files."""
    articles = newest_first(spec.articles)
    live = _live_shows(articles[: context.limit], context, entries)
    archived = [entries.shows(article, False) for article in articles]
    return [_channel_shows(spec, context), *live, "archive", *archived]


def _live_document(
    feed: Callable[[], FeedParts],
    spec: FeedSpec,
    context: FeedContext,
    path: str,
    kind: str,
    links: Sequence[HistoryLink],
) -> str:
    """The RSS or Atom document of the live feed, with its own self link; the Atom one links
    ``prev-archive`` to its newest archive document."""
    page = {"href": context.url(spec.page_path), "rel": "alternate", "type": "text/html"}
    # feedgen takes the last alternate link as RSS <link>: the page goes last.
    self_link = {"href": context.url(path), "rel": "self", "type": kind}
    made = feed()
    made.channel.link([self_link, *(link.as_feedgen() for link in links), page], replace=True)
    return made.document(kind)


def _archive_document(
    spec: FeedSpec,
    context: FeedContext,
    entries: EntryFactory,
    period: ArchivePeriod,
    links: Sequence[HistoryLink],
) -> str:
    """The Atom archive document of one period of a feed.

    Its entries carry the standfirst, whatever their rank: a period's document must not
    change when newer articles push its entries out of the live feed's full-text ones.
    """
    path = period.path(spec.folder)
    title = f"{spec.title} — {period.label(context.lang)}"
    feed = _channel(spec, context, period.articles, title)
    # Before any entry: feedgen would give entries the extension too, and it has none.
    feed.register_extension("fh", ArchiveMarker, atom=True, rss=False)
    page = {"href": context.url(spec.page_path), "rel": "alternate", "type": "text/html"}
    self_link = {"href": context.url(path), "rel": "self", "type": ATOM_TYPE}
    feed.link([self_link, *(link.as_feedgen() for link in links), page], replace=True)
    return FeedParts(feed, [entries(article, False) for article in period.articles]).document(
        ATOM_TYPE
    )


def opml_for(
    specs: Sequence[FeedSpec], context: FeedContext, ui: gettext.NullTranslations
) -> bytes:
    """The OPML list of every feed (their Atom documents, which carry the history):
    the site's, then a group of sections and a group of topics."""
    headings = {"flux": None, "rubriques": ui.gettext("Sections"), "sujets": ui.gettext("Topics")}
    groups = [
        OutlineGroup(
            heading,
            [
                FeedOutline(
                    clean_text(spec.title), context.url(spec.atom_path), context.url(spec.page_path)
                )
                for spec in specs
                if spec.kind == kind
            ],
        )
        for kind, heading in headings.items()
    ]
    newest = max((last_change(a) for spec in specs for a in spec.articles), default=EMPTY_FEED_DATE)
    title = f"{context.site_name} — {ui.gettext('All feeds')}"
    return opml_document(title, [group for group in groups if group.feeds], newest)


class FeedsGenerator(Generator):  # type: ignore[misc]
    """Writes every feed through Pelican's Writer, once the articles have been read."""

    def generate_output(self, writer: Any) -> None:
        with timing.stage("feeds"):
            site = site_of(self.settings)
            ui = i18n.load_translations(Path(self.theme), i18n.ui_lang(self.settings))
            specs = feed_specs(Listings.from_context(self.context), self.settings, site.urls, ui)
            context = FeedContext.from_site(site)
            entries = EntryMaker(context)
            for spec in specs:  # one feed at a time: all of them are hundreds of megabytes
                write_feed(writer, spec, context, entries, self.context)
            write_document(writer, context.opml_path, opml_for(specs, context, ui))


def write_feed(
    writer: Any,
    spec: FeedSpec,
    context: FeedContext,
    entries: EntryMaker,
    shared: dict[str, Any],
) -> None:
    """Write the documents of one feed (:func:`feed_documents`); on a rebuild, a feed that
    shows all it showed is its previous documents, linked without making any (one
    fingerprint for the feed, :meth:`PageReuse.link_group`, instead of one per document)."""
    reuse = writer.settings.get(REUSE_KEY)
    made = (
        reuse.group_fingerprint(feed_shows(spec, context, entries), shared)
        if isinstance(reuse, PageReuse)
        else None
    )
    if made is not None and reuse.link_group(spec.folder, made, Path(writer.output_path)):
        return
    paths = []
    for path, document in feed_documents(spec, context, entries):
        write_document(writer, path, document, shared)
        paths.append(path)
    if made is not None:
        reuse.note_group(spec.folder, made, paths)


def write_document(
    writer: Any,
    path: str,
    document: bytes | MadeDocument,
    context: dict[str, Any] | None = None,
) -> None:
    """Write *document* (UTF-8) at *path* through Pelican's Writer, which refuses to write
    one file twice and tells other plugins (``content_written``). A :class:`MadeDocument`
    is made only when the previous version's cannot be taken; *context* is the generators'
    shared one, whose sections and pages every fingerprint covers."""
    if isinstance(document, bytes):
        document = MadeDocument(None, functools.partial(document.decode, "utf-8"))
    writer.write_file(path, DOCUMENT_TEMPLATE, context or {}, document=document)
