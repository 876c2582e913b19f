"""The site of one command: settings, URL scheme, vocabulary and every content file, read once.

:func:`site_of` builds the :class:`Site` the first time a Pelican settings dict asks for
it and keeps it in that dict, so the plugin's ``initialized`` step (which validates the
archive), the reader, the topic pages, feeds, sitemap and the build's output check all
share one parse of each file and one load of ``topics.yml``.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from pelican.urlwrappers import Category

from chronique.config import ChroniqueConfig, config_from_settings
from chronique.content.archive import Archive, ArticleFile, ArticleMemo, PageFile
from chronique.content.errors import InvalidContentError
from chronique.content.model import ArticleMeta
from chronique.settings import ChroniqueSettings
from chronique.topics import Vocabulary

#: Where a settings dict keeps its Site: lowercase, so Pelican never takes it for a setting.
SITE_KEY = "chronique_site"


class UrlSettingError(ValueError):
    """A ``*_URL`` / ``*_SAVE_AS`` setting names a field Chronique cannot fill in."""


@dataclass(frozen=True)
class UrlScheme:
    """Where each kind of page lives, from Pelican's ``*_URL`` / ``*_SAVE_AS`` settings."""

    article_url: str
    article_save_as: str
    categories_url: str
    tags_url: str
    feeds_url: str
    #: The section's slug by name, as Pelican makes it (CATEGORY_REGEX_SUBSTITUTIONS).
    category_slug: Callable[[str], str] = field(compare=False, repr=False, default=str)

    @classmethod
    def from_settings(cls, settings: dict[str, Any], chronique: ChroniqueSettings) -> UrlScheme:
        return cls(
            article_url=settings["ARTICLE_URL"],
            article_save_as=settings["ARTICLE_SAVE_AS"],
            categories_url=settings["CATEGORIES_URL"],
            tags_url=settings["TAGS_URL"],
            feeds_url=chronique.feeds_url,
            category_slug=functools.cache(lambda name: Category(name, settings).slug),
        )

    def article(self, meta: ArticleMeta) -> str:
        """The article's page, e.g. ``2025/03/slug/``."""
        return self._format("ARTICLE_URL", self.article_url, meta)

    def article_file(self, meta: ArticleMeta) -> str:
        """The file Pelican writes for the article, e.g. ``2025/03/slug/index.html``."""
        return self._format("ARTICLE_SAVE_AS", self.article_save_as, meta)

    def article_pattern(self) -> re.Pattern[str]:
        """What an article's address looks like: ARTICLE_URL with its fields as patterns,
        a leading slash, the trailing one optional (``/2025/03/slug``)."""
        pattern = ""
        for text, name, spec, _ in string.Formatter().parse(self.article_url.strip("/")):
            pattern += re.escape(text)
            if name is not None:
                pattern += _FIELD_PATTERNS.get(spec or "", "[^/]+") if name == "date" else "[^/]+"
        return re.compile(f"/{pattern}/?")

    def _format(self, name: str, template: str, meta: ArticleMeta) -> str:
        """*template* filled in as Pelican fills it for this article."""
        fields = {
            "slug": meta.slug,
            "date": meta.date,
            "lang": meta.lang,
            "category": self.category_slug(meta.category),
        }
        try:
            return template.format(**fields)
        except (KeyError, IndexError) as exc:
            raise UrlSettingError(
                f"{name} = {template!r}: Chronique fills in only {{{'}, {'.join(fields)}}}"
            ) from exc


#: The date formats ARTICLE_URL uses, as the text they produce.
_FIELD_PATTERNS = {"%Y": r"\d{4}", "%m": r"\d{2}", "%d": r"\d{2}"}


@dataclass(frozen=True)
class Site:
    """Everything a command needs to know about the archive, built once."""

    settings: dict[str, Any]
    config: ChroniqueConfig
    urls: UrlScheme
    archive: Archive

    @property
    def chronique(self) -> ChroniqueSettings:
        return self.config.chronique

    @property
    def vocabulary(self) -> Vocabulary:
        return self.archive.vocabulary

    @property
    def articles(self) -> list[ArticleFile]:
        return self.archive.articles

    @property
    def pages(self) -> list[PageFile]:
        return self.archive.pages

    def content_file(self, path: str | Path) -> ArticleFile | PageFile | None:
        """The parsed file at *path*, or None when it is not part of the archive. A path
        as the archive was read with is found without resolving it (a system call per
        folder of the path)."""
        item = self._by_given_path.get(str(path))
        return item if item is not None else self._by_path.get(Path(path).resolve())

    @cached_property
    def _by_given_path(self) -> dict[str, ArticleFile | PageFile]:
        items: list[ArticleFile | PageFile] = [*self.articles, *self.pages]
        return {str(item.path): item for item in items}

    @cached_property
    def _by_path(self) -> dict[Path, ArticleFile | PageFile]:
        items: list[ArticleFile | PageFile] = [*self.articles, *self.pages]
        return {item.path.resolve(): item for item in items}


def article_meta(article: Any) -> ArticleMeta:
    """The validated front-matter behind a Pelican Article (the reader attaches it)."""
    meta = article.metadata.get("chronique")
    if not isinstance(meta, ArticleMeta):
        raise TypeError(f"{article.source_path} was not read by the Chronique reader")
    return meta


def last_change(article: Any) -> datetime:
    """When an article last changed: its ``modified`` date, else its ``date``."""
    meta = article_meta(article)
    return meta.modified or meta.date


def load_site(
    settings: dict[str, Any], settings_file: Path | None = None, memo: ArticleMemo | None = None
) -> Site:
    """Read the settings' schema, the vocabulary and every content file (those *memo* holds
    unchanged are not read again); raise on any error."""
    from chronique.content.checks import checked_archive  # checks reads UrlScheme from this module

    config = config_from_settings(settings, settings_file)
    urls = UrlScheme.from_settings(settings, config.chronique)
    archive = checked_archive(config, memo)
    if any(problem.is_error for problem in archive.problems):
        raise InvalidContentError(archive.problems)
    for article in archive.articles[:1]:  # a field the scheme cannot fill: say so now
        urls.article(article.meta), urls.article_file(article.meta)
    return Site(settings, config, urls, archive)


def site_of(settings: dict[str, Any]) -> Site:
    """The Site of this settings dict, built on first use."""
    site = settings.get(SITE_KEY)
    if not isinstance(site, Site):
        site = load_site(settings)
        settings[SITE_KEY] = site
    return site


def forget_site(settings: dict[str, Any]) -> None:
    """Drop the Site, so that the next run (``pelican --autoreload``) reads the content anew."""
    settings.pop(SITE_KEY, None)
