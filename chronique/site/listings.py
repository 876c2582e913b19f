"""What Pelican would compute again and again, computed once per build.

Pelican's ``ArticlesGenerator`` picks the articles of each listing page by testing every
article of the archive against the listing: ``[a for a in self.dates if a in articles]`` for
each topic, section and author, ``[a for a in articles if a in dates]`` for each year, month
and day. That grows with the archive times the number of listings, with the square of the
archive for the periods (each period tests every article against its own list).
:class:`ArticlesGenerator` sorts each listing's own articles into the same order instead.
:class:`ChroniquePelican` runs it in place of Pelican's: the build does, and so does a plain
``pelican`` run, through the ``PELICAN_CLASS`` of chronique.site.defaults.

Pelican validates each article it reads (its ``save_as``, formatted from its metadata), and
stamps its file (an MD5) for a generator-layer content cache, which Chronique does not keep
(its cache is the reader layer's). An article the build's :class:`~chronique.content.archive.
ArticleMemo` held unchanged was read and validated by a published build with the same
settings and code: :meth:`ArticlesGenerator.get_cached_data` hands it to Pelican as
"cached", read by Pelican's own reader call, and Pelican validates it no more.

An article's ``url`` is a property that formats ``ARTICLE_URL`` from a copy of its metadata
at every use (each teaser, feed entry, related-article link, sitemap entry). Pelican's own
override, ``override_url`` (what a ``url`` metadata sets), pins it once its slug, date and
section are final, at ``article_generator_finalized``: after the content cache is saved (it
never keeps a pinned URL), before anything is written.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from pelican import Pelican, generators, signals
from pelican.contents import Article
from pelican.writers import FileOverwriteFailedError

from chronique.site.model import site_of

log = logging.getLogger(__name__)


class OrderOf:
    """Some of *reference*'s items, each once, in their order in *reference*: what
    ``[item for item in reference if item in items]`` gives, in time linear in *items*.
    Items are told apart by identity, as Pelican's contents define no equality."""

    def __init__(self, reference: Sequence[Any]) -> None:
        self._position = {id(item): index for index, item in enumerate(reference)}

    def __call__(self, items: Iterable[Any]) -> list[Any]:
        once = {id(item): item for item in items if id(item) in self._position}.values()
        return sorted(once, key=lambda item: self._position[id(item)])


class ArticlesGenerator(generators.ArticlesGenerator):  # type: ignore[misc]
    """Pelican's article generator, each listing's articles sorted from its own articles, and
    each unchanged article read without being validated again (see the module's doc)."""

    def get_cached_data(self, filename: str, default: Any = None) -> Any:
        """The article at *filename* (relative to PATH) when the archive's memo held it
        unchanged, else *default*: Pelican then reads and validates it itself."""
        if self._caches_generator_layer():
            return super().get_cached_data(filename, default)
        path = os.path.join(self.path, filename)  # noqa: PTH118 - no Path object per file
        if os.path.normpath(path) not in site_of(self.settings).archive.unchanged:
            return default
        try:
            return self.readers.read_file(
                base_path=self.path,
                path=filename,
                content_class=Article,
                context=self.context,
                preread_signal=signals.article_generator_preread,
                preread_sender=self,
                context_signal=signals.article_generator_context,
                context_sender=self,
            )
        except Exception:  # Pelican reads it again, and reports what failed
            return default

    def cache_data(self, filename: str, data: Any) -> None:
        if self._caches_generator_layer():
            super().cache_data(filename, data)

    def _caches_generator_layer(self) -> bool:
        return bool(self.settings["CONTENT_CACHING_LAYER"] == "generator")

    def _build_period_archives(
        self, sorted_articles: Sequence[Any], articles: Sequence[Any], settings: dict[str, Any]
    ) -> dict[str, list[dict[str, Any]]]:
        """Pelican's period groups (from *sorted_articles*); each period's ``articles``, its
        own ones in the order of *articles*, are sorted here: Pelican is given no articles
        to test against each period."""
        archives: dict[str, list[dict[str, Any]]] = super()._build_period_archives(
            sorted_articles, (), settings
        )
        in_listing_order = OrderOf(articles)
        for periods in archives.values():
            for archive in periods:
                archive["articles"] = in_listing_order(archive["dates"])
        return archives

    def generate_tags(self, write: Callable[..., None]) -> None:
        self._write_listings(write, "tag", self.tags.items())

    def generate_categories(self, write: Callable[..., None]) -> None:
        self._write_listings(write, "category", self.categories)

    def generate_authors(self, write: Callable[..., None]) -> None:
        self._write_listings(write, "author", self.authors)

    def _write_listings(
        self, write: Callable[..., None], kind: str, listings: Iterable[tuple[Any, list[Any]]]
    ) -> None:
        """Pelican's topic (tag), section (category) or author pages: *kind* names the
        template and the listing's variable; ``dates`` is the listing's articles by date."""
        template = self.get_template(kind)
        by_date = OrderOf(self.dates)
        for name, articles in listings:
            try:
                write(
                    name.save_as,
                    template,
                    self.context,
                    url=name.url,
                    articles=articles,
                    dates=by_date(articles),
                    template_name=kind,
                    blog=True,
                    page_name=name.page_name,
                    all_articles=self.articles,
                    **{kind: name},
                )
            except FileOverwriteFailedError:
                if name.slug:
                    raise
                log.info("The %s %r has no slug: no page is written for it", kind, str(name))


class ChroniquePelican(Pelican):  # type: ignore[misc]
    """Pelican, with :class:`ArticlesGenerator` in place of its own."""

    def _get_generator_classes(self) -> list[type]:
        return [
            ArticlesGenerator if found is generators.ArticlesGenerator else found
            for found in super()._get_generator_classes()
        ]


def pin_urls(generator: Any) -> None:
    """``article_generator_finalized``: each article's URL computed once (see above)."""
    for article in (*generator.articles, *generator.hidden_articles, *generator.translations):
        article.override_url = article.url
