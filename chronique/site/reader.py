"""Pelican reader for Chronique's Markdown files with YAML front-matter.

Every file was parsed and validated once, when the plugin built the Site at
``initialized``; the reader only renders the body. Its metadata is one key, the file's
path: Pelican's content cache (:mod:`chronique.site.incremental`) keeps what ``read``
returns, and a cached Tag or Category would carry a previous build's settings. The
mapping of the model to Pelican's metadata is done for every file, cached or not, by
:func:`complete_metadata` at ``article_generator_context`` / ``page_generator_context``,
from the Site of this build. A file the Site does not know raises: Pelican logs the
exception, and the Chronique build turns any such log record into a refusal.
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

#: The one metadata key the reader returns (and Pelican's content cache keeps).
SOURCE_KEY = "chronique_source"


class ChroniqueReader(BaseReader):
    """Hands Pelican the files the Site has already parsed and validated."""

    enabled = True
    file_extensions: ClassVar[list[str]] = ["md"]

    def __init__(self, settings: dict[str, Any]) -> None:
        super().__init__(settings)
        self.site = site_of(settings)

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        return self._render(self._item(source_path).body), {SOURCE_KEY: source_path}

    def metadata_of(self, source_path: str) -> dict[str, Any]:
        """Pelican's metadata for the file at *source_path*, from this build's Site."""
        item = self._item(source_path)
        if isinstance(item, PageFile):
            return self._page_metadata(item)
        return self._article_metadata(item)

    def _item(self, source_path: str) -> ArticleFile | PageFile:
        item = self.site.content_file(source_path)
        if item is None:
            raise InvalidContentError(
                [
                    ContentError(
                        Path(source_path), "not part of the archive read when the build started"
                    )
                ]
            )
        return item

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


def complete_metadata(generator: Any, metadata: dict[str, Any]) -> None:
    """``article_generator_context`` / ``page_generator_context``: the file's metadata, whether
    its body was rendered now or taken from the content cache."""
    source_path = metadata.pop(SOURCE_KEY, None)
    if source_path is None:
        return
    reader = generator.readers.readers["md"]
    metadata.update(reader.metadata_of(source_path))
