"""The Chronique Pelican plugin: wires Chronique's parts to Pelican's signals."""

from __future__ import annotations

from typing import Any

from pelican import signals
from pelican.plugins import neighbors

from chronique import feeds, i18n, images, search, sitemap, theme
from chronique.dates import long_date, month_name
from chronique.reader import ChroniqueReader
from chronique.topics import pages as topic_pages


def add_reader(readers: Any) -> None:
    """Our reader takes every Markdown file, replacing Pelican's meta-extension reader."""
    readers.reader_classes["md"] = ChroniqueReader


def add_template_filters(generator: Any) -> None:
    """French dates through Babel: Pelican's LOCALE would need a system locale."""
    lang = generator.settings.get("DEFAULT_LANG", "fr")
    generator.env.filters["long_date"] = lambda value, lang=lang: long_date(value, lang)
    generator.env.filters["month_name"] = lambda value, lang=lang: month_name(value, lang)


def add_theme_support(generator: Any) -> None:
    """The theme's UI catalogue, autoescaping, filters and globals (chronique.theme)."""
    theme.install(generator.env, generator.settings)
    i18n.install_translations(generator)
    generator.env.globals["feed_links"] = feeds.feed_links_for(generator.settings)


def register() -> None:
    signals.readers_init.connect(add_reader)
    signals.generator_init.connect(add_template_filters)
    signals.generator_init.connect(add_theme_support)
    signals.article_generator_finalized.connect(topic_pages.annotate)
    signals.article_writer_finalized.connect(feeds.write_feeds)
    neighbors.register()  # previous / next article, also within its section
    search.register()
    sitemap.register()
    images.register()  # variants, social cards, <picture> in bodies
