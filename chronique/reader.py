"""Pelican reader for Chronique's Markdown files with YAML front-matter.

An invalid file raises instead of returning partial metadata: Pelican logs the
exception, and the Chronique build turns any such log record into a refusal.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any, ClassVar

from pelican.readers import BaseReader
from pelican.urlwrappers import Category, Tag

from chronique.config import config_from_settings
from chronique.content import ArticleFile, PageFile, read_article, read_page
from chronique.errors import InvalidContentError
from chronique.render import render_markdown
from chronique.topics import load_vocabulary


class ChroniqueReader(BaseReader):
    enabled = True
    file_extensions: ClassVar[list[str]] = ["md"]

    def __init__(self, settings: dict[str, Any]) -> None:
        super().__init__(settings)
        self.config = config_from_settings(settings)
        self.vocabulary = load_vocabulary(self.config.topics_path)

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        path = Path(source_path)
        if self._is_page(path):
            page = read_page(path, self.config)
            if isinstance(page, list):
                raise InvalidContentError(page)
            return self._render(page.body), self._page_metadata(page)
        article = read_article(path, self.config)
        if isinstance(article, list):
            raise InvalidContentError(article)
        return self._render(article.body), self._article_metadata(article)

    def _is_page(self, path: Path) -> bool:
        pages = [self.config.content_path / p for p in self.settings.get("PAGE_PATHS", [])]
        return any(path.resolve().is_relative_to(p.resolve()) for p in pages)

    def _render(self, body: str) -> str:
        return render_markdown(body, self.settings.get("MARKDOWN"))

    def _tag(self, name: str) -> Tag:
        tag = Tag(name, self.settings)
        topic = self.vocabulary.get(name)
        if topic is not None:
            tag.slug = topic.slug
        return tag

    def _article_metadata(self, article: ArticleFile) -> dict[str, Any]:
        meta = article.meta
        metadata: dict[str, Any] = {
            "title": meta.title,
            "date": meta.date,
            "category": Category(meta.category, self.settings),
            "slug": meta.slug,
            "lang": meta.lang,
            "date_source": meta.date_source,
            "category_source": meta.category_source,
            "chronique": meta,
        }
        if meta.tags:
            metadata["tags"] = [self._tag(name) for name in meta.tags]
        if meta.modified:
            metadata["modified"] = meta.modified
        if meta.subtitle:
            metadata["subtitle"] = meta.subtitle
        if meta.summary:
            metadata["summary"] = escape(meta.summary, quote=False)
        if meta.authors:
            metadata["authors"] = [self.process_metadata("author", name) for name in meta.authors]
        if meta.source:
            metadata["source"] = meta.source
        if meta.image:
            metadata["image"] = meta.image
        return metadata

    def _page_metadata(self, page: PageFile) -> dict[str, Any]:
        metadata: dict[str, Any] = {"title": page.meta.title, "slug": page.meta.slug}
        metadata["lang"] = page.meta.lang
        if page.meta.summary:
            metadata["summary"] = escape(page.meta.summary, quote=False)
        return metadata
