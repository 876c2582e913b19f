"""The Chronique Pelican plugin: every signal it listens to, connected in :func:`register`.

Load it with ``PLUGINS = ["chronique.site.plugin"]``; a plain ``pelican content`` run is then
as strict as ``invoke build``: the archive is read and validated once when Pelican is
initialised (chronique.site.model), and a broken file stops Pelican, naming file and line.
"""

from __future__ import annotations

from typing import Any

from pelican import signals
from pelican.plugins import neighbors

from chronique.content.dates import long_date, month_alone, month_name
from chronique.site import (
    feeds,
    i18n,
    images,
    listings,
    periods,
    redirects,
    reuse,
    search,
    sitemap,
    theme,
    topic_pages,
)
from chronique.site.model import forget_site, site_of
from chronique.site.reader import ChroniqueReader, complete_metadata


def validate_archive(pelican: Any) -> None:
    """``initialized``: read and validate every content file (raises InvalidContentError)."""
    site_of(pelican.settings)


def add_reader(readers: Any) -> None:
    """Our reader takes every Markdown file, replacing Pelican's meta-extension reader."""
    readers.reader_classes["md"] = ChroniqueReader


def add_template_filters(generator: Any) -> None:
    """French dates through Babel: Pelican's LOCALE would need a system locale."""
    lang = generator.settings.get("DEFAULT_LANG", "fr")
    generator.env.filters["long_date"] = lambda value, lang=lang: long_date(value, lang)
    generator.env.filters["month_name"] = lambda value, lang=lang: month_name(value, lang)
    generator.env.filters["month_alone"] = lambda value, lang=lang: month_alone(value, lang)


def add_theme_support(generator: Any) -> None:
    """The theme's UI catalogue, autoescaping, filters and globals (chronique.site.theme)."""
    site = site_of(generator.settings)
    theme.install(generator.env, generator.settings, site.chronique)
    i18n.install_translations(generator)
    generator.env.globals["feed_links"] = feeds.feed_links_for(generator.settings, site.urls)
    generator.env.globals["opml_link"] = feeds.opml_link_for(
        generator.settings, site.urls, site.chronique.feed_opml
    )


def add_generators(pelican: Any) -> list[type]:
    """``get_generators``: feeds, the sitemap, the aliases' redirect pages and the topic
    index's letter pages, written through Pelican's Writer."""
    return [
        feeds.FeedsGenerator,
        sitemap.SitemapGenerator,
        redirects.RedirectsGenerator,
        topic_pages.TopicLettersGenerator,
    ]


def end_run(pelican: Any) -> None:
    """``finalized``: index the written site for search, then let the next run re-read content."""
    search.index_site(pelican)
    forget_site(pelican.settings)


def register() -> None:
    signals.initialized.connect(validate_archive)
    signals.initialized.connect(search.add_search_page)
    signals.readers_init.connect(add_reader)
    signals.article_generator_context.connect(complete_metadata)
    signals.page_generator_context.connect(complete_metadata)
    signals.generator_init.connect(add_template_filters)
    signals.generator_init.connect(add_theme_support)
    signals.article_generator_finalized.connect(listings.pin_urls)
    signals.article_generator_finalized.connect(topic_pages.annotate)
    signals.article_generator_finalized.connect(neighbors.neighbors)  # previous / next
    signals.article_generator_finalized.connect(periods.index_periods)
    signals.static_generator_finalized.connect(images.publish_images)  # variants, cards
    signals.get_generators.connect(add_generators)
    signals.get_writer.connect(reuse.writer_class)
    signals.finalized.connect(end_run)
