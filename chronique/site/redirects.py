"""Links that never rot: every old path in an article's ``aliases:`` redirects to it.

Each alias gets a small HTML page at its path (``/2024/03/ancien-slug/`` is written as
``2024/03/ancien-slug/index.html``): ``<meta http-equiv="refresh">`` for browsers,
``<link rel="canonical">`` so search engines move their index to the new address,
``noindex`` and a visible link for everyone else. A static host cannot answer with a
301, so this is the redirect every host serves. The pages are in no sitemap, and carry
no ``data-pagefind-body``, so search never indexes them.

An alias may not take the address of anything the site publishes: :func:`alias_problems`
(run by ``chronique.content.checks.checked_archive``, the rule book of ``check`` and the
build) refuses one that collides with a live page, file or reserved folder, or with
another alias.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from pelican.generators import Generator
from pelican.urlwrappers import Category, Tag

from chronique.config import ChroniqueConfig
from chronique.content.archive import Archive, ArticleFile
from chronique.content.errors import ContentError
from chronique.site.model import UrlScheme, site_of
from chronique.site.search import SEARCH_URL
from chronique.site.theme import absolute_url
from chronique.site.topic_pages import LETTERS_FOLDER

TEMPLATE = "redirect"
#: Files every build writes at the site's root, whatever the content.
ROOT_FILES = ("sitemap.xml", "robots.txt", "404.html")
#: Folders of the site's own files: Pelican's theme files and Pagefind's bundle.
TOOL_FOLDERS = ("THEME_STATIC_DIR", "pagefind")
_PAGE_NUMBER = re.compile(r"(?P<listing>.*?)/?page/\d+")


@dataclass(frozen=True)
class Redirect:
    """One old path of an article and the article's current address (site paths)."""

    alias: str  # e.g. "/2024/03/ancien-slug/"
    target: str  # e.g. "2024/03/nouveau-slug/"
    title: str

    @property
    def save_as(self) -> str:
        """The redirect page's file in the output, e.g. ``2024/03/ancien-slug/index.html``."""
        return f"{self.alias.strip('/')}/index.html"


def article_redirects(articles: Iterable[ArticleFile], urls: UrlScheme) -> list[Redirect]:
    """Every alias of *articles*, sorted by path so the output never depends on reading order."""
    found = [
        Redirect(alias, urls.article(article.meta), article.meta.title)
        for article in articles
        for alias in article.meta.aliases
    ]
    return sorted(found, key=lambda redirect: redirect.alias)


@dataclass(frozen=True)
class LiveAddresses:
    """What the site publishes, as site paths without their end slashes (``2025/03/slug``)."""

    pages: dict[str, str]  # path -> what lives there ("the article content/…md")
    files: dict[str, str]  # path of a file (feed, image, sitemap) -> what it is
    folders: dict[str, str]  # a folder the site's own files fill -> what they are

    def collision(self, alias: str) -> str | None:
        """What *alias* (a normalised alias path) would take the place of, or None."""
        path = alias.strip("/")
        if path in self.pages:
            return self.pages[path]
        parts = PurePosixPath(path).parts
        for depth in range(1, len(parts) + 1):
            above = "/".join(parts[:depth])
            if above in self.files:
                return self.files[above]
            if above in self.folders:
                return self.folders[above]
        numbered = _PAGE_NUMBER.fullmatch(path)
        if numbered and numbered.group("listing") in self.pages:
            return f"a later page of {self.pages[numbered.group('listing')]}"
        return None


def live_addresses(
    archive: Archive,
    settings: dict[str, Any],
    urls: UrlScheme,
    content_path: Path,
    search_url: str | None = None,
) -> LiveAddresses:
    """Every page, file and tool folder a build of *archive* writes, from the URL settings."""
    pages: dict[str, str] = {}
    files: dict[str, str] = {}
    folders: dict[str, str] = {}

    def page(url: str, what: str) -> None:
        pages.setdefault(url.strip("/"), what)

    for article in archive.articles:
        page(urls.article(article.meta), f"the article {article.path}")
        for name, kind in _PERIODS:
            if settings.get(f"{name}_SAVE_AS"):
                page(settings[f"{name}_URL"].format(date=article.meta.date), f"the {kind} page")
    for item in archive.pages:
        page(settings["PAGE_URL"].format(slug=item.meta.slug), f"the page {item.path}")
    for wrapper in _sections_and_topics(archive, settings):
        kind = "section" if isinstance(wrapper, Category) else "topic"
        page(wrapper.url, f"the {kind} page of '{wrapper.name}'")
        folder = str(PurePosixPath(wrapper.url).with_suffix(""))
        for feed in ("rss.xml", "atom.xml"):
            files[f"{folder}/{feed}"] = f"the {kind} feed of '{wrapper.name}'"
    for template in settings.get("DIRECT_TEMPLATES", ()):
        name = template.upper()
        if settings.get(f"{name}_SAVE_AS"):
            url = settings.get(f"{name}_URL", f"{template}.html")
            page(url.removesuffix("index.html"), f"the '{template}' page")
    if search_url:
        page(search_url, "the search page")
    for static in archive.static:
        served = static.resolve().relative_to(content_path.resolve()).as_posix()
        files[served] = f"the file {static}"
    for root_file in ROOT_FILES:
        files[root_file] = f"the site's {root_file}"
    folders[urls.feeds_url.strip("/")] = "the site's feeds folder"
    if settings.get("TAGS_SAVE_AS"):
        letters = f"{settings['TAGS_URL']}{LETTERS_FOLDER}".strip("/")
        folders[letters] = "the topic index's letter pages"
    for setting in TOOL_FOLDERS:
        folders[str(settings.get(setting, setting)).strip("/")] = f"the site's {setting} folder"
    return LiveAddresses(pages, files, {k: v for k, v in folders.items() if k})


_PERIODS = (("YEAR_ARCHIVE", "year"), ("MONTH_ARCHIVE", "month"), ("DAY_ARCHIVE", "day"))


def _sections_and_topics(archive: Archive, settings: dict[str, Any]) -> Iterator[Any]:
    """A Category per section the articles use, a Tag per topic of the vocabulary."""
    if settings.get("CATEGORY_SAVE_AS"):
        for name in sorted({article.meta.category for article in archive.articles}):
            yield Category(name, settings)
    if settings.get("TAG_SAVE_AS"):
        for topic in archive.vocabulary:
            yield Tag(topic.name, settings)


def alias_problems(
    archive: Archive, config: ChroniqueConfig, urls: UrlScheme
) -> list[ContentError]:
    """An error for each alias that takes a live address or that another alias holds."""
    search_url = config.pelican.get("SEARCH_URL", SEARCH_URL) if config.chronique.search else None
    live = live_addresses(archive, config.pelican, urls, config.content_path, search_url)
    holders: dict[str, ArticleFile] = {}
    problems = []
    for article in archive.articles:
        for alias in article.meta.aliases:
            taken = live.collision(alias)
            if taken:
                problem = f"alias '{alias}' is the address of {taken}"
                hint = "remove it: a redirect there would hide what the site publishes"
            elif alias in holders:
                problem = f"alias '{alias}' is already an alias of {holders[alias].path}"
                hint = "an old address can redirect to one article only: keep one of them"
            else:
                holders[alias] = article
                continue
            problems.append(article.error("aliases", problem, hint))
    return problems


class RedirectsGenerator(Generator):  # type: ignore[misc]
    """Writes a redirect page at each article's aliases, through Pelican's Writer."""

    def generate_output(self, writer: Any) -> None:
        site = site_of(self.settings)
        siteurl = self.settings.get("SITEURL", "")
        template = self.get_template(TEMPLATE)
        for redirect in article_redirects(site.articles, site.urls):
            writer.write_file(
                redirect.save_as,
                template,
                self.context,
                relative_urls=False,
                redirect=redirect,
                target_url=absolute_url(siteurl, redirect.target),
            )
