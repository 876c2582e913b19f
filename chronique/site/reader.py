"""Pelican reader for Chronique's Markdown files with YAML front-matter.

Every file was parsed and validated once, when the plugin built the Site at
``initialized``; the reader only renders the body and maps the model to Pelican's
metadata. A file the Site does not know raises: Pelican logs the exception, and
the Chronique build turns any such log record into a refusal.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any, ClassVar

from pelican.readers import BaseReader
from pelican.urlwrappers import Category, Tag

from chronique.content.archive import ArticleFile, PageFile
from chronique.content.errors import ContentError, InvalidContentError
from chronique.content.render import render_markdown
from chronique.site.model import site_of


class ChroniqueReader(BaseReader):
    """Hands Pelican the files the Site has already parsed and validated."""

    enabled = True
    file_extensions: ClassVar[list[str]] = ["md"]

    def __init__(self, settings: dict[str, Any]) -> None:
        super().__init__(settings)
        self.site = site_of(settings)

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        item = self.site.content_file(source_path)
        if item is None:
            raise InvalidContentError(
                [
                    ContentError(
                        Path(source_path), "not part of the archive read when the build started"
                    )
                ]
            )
        if isinstance(item, PageFile):
            return self._render(item.body), self._page_metadata(item)
        return self._render(item.body), self._article_metadata(item)

    def _render(self, body: str) -> str:
        return render_markdown(body, self.settings.get("MARKDOWN"))

    def _tag(self, name: str) -> Tag:
        tag = Tag(name, self.settings)
        topic = self.site.vocabulary.get(name)
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
            "chronique": meta,  # the typed model, for handlers and templates
        }
        if meta.tags:
            metadata["tags"] = [self._tag(name) for name in meta.tags]
        if meta.modified:
            metadata["modified"] = meta.modified
        if meta.summary:
            metadata["summary"] = escape(meta.summary, quote=False)
        if meta.authors:
            metadata["authors"] = [self.process_metadata("author", name) for name in meta.authors]
        return metadata

    def _page_metadata(self, page: PageFile) -> dict[str, Any]:
        metadata: dict[str, Any] = {"title": page.meta.title, "slug": page.meta.slug}
        metadata["lang"] = page.meta.lang
        if page.meta.summary:
            metadata["summary"] = escape(page.meta.summary, quote=False)
        return metadata
