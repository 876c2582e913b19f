"""Each topic's page (``tag.html``), written with the topic's own articles in date order.

Pelican's ``ArticlesGenerator.generate_tags`` picks each topic's ``dates`` as
``[article for article in self.dates if article in articles]``: every article of the archive
looked at for every topic, a cost of articles x topics at every build, even when no page is
rendered again. Once every handler of ``article_generator_finalized`` that reads the topics
has run, :func:`take_topic_pages` leaves Pelican's generator no topic to write (the shared
context keeps them all, for templates and feeds), and :class:`TagPagesGenerator` writes each
topic's page with the same values Pelican gives it, its ``dates`` sorted from the topic's
own articles.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from pelican.generators import Generator
from pelican.writers import FileOverwriteFailedError

log = logging.getLogger(__name__)


def take_topic_pages(generator: Any) -> None:
    """``article_generator_finalized``, connected last: Pelican writes no topic page."""
    generator.tags = {}


def date_order(dates: Sequence[Any]) -> Callable[[Sequence[Any]], list[Any]]:
    """A function giving articles as they come in *dates* (the archive in Pelican's date
    order), without those *dates* lacks: what Pelican's filter gives, in the time of sorting
    the articles given."""
    position = {id(article): index for index, article in enumerate(dates)}

    def in_date_order(articles: Sequence[Any]) -> list[Any]:
        listed = [article for article in articles if id(article) in position]
        return sorted(listed, key=lambda article: position[id(article)])

    return in_date_order


class TagPagesGenerator(Generator):  # type: ignore[misc]
    """Writes every topic's page, as ``ArticlesGenerator.generate_tags`` would."""

    def generate_output(self, writer: Any) -> None:
        tags = self.context.get("tags") or []
        if not tags:
            return
        template = self.get_template("tag")
        in_date_order = date_order(self.context.get("dates") or [])
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        for tag, articles in tags:
            try:
                write(
                    tag.save_as,
                    template,
                    self.context,
                    tag=tag,
                    url=tag.url,
                    articles=articles,
                    dates=in_date_order(articles),
                    template_name="tag",
                    blog=True,
                    page_name=tag.page_name,
                    all_articles=self.context.get("articles"),
                )
            except FileOverwriteFailedError:
                if tag.slug:
                    log.error('Failed to write Tag page for "%s".', tag)
                    raise
                log.info('Tag "%s" has an invalid slug; skipping writing tag page...', tag)
