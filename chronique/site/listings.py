"""What Pelican would compute again at every use, computed once per build.

Pelican's ``generate_tags`` and ``generate_categories`` pick each listing's ``dates`` as
``[article for article in self.dates if article in articles]``: every article of the archive
tested against every listing's list, which grows with the square of the archive. Each
listing's list becomes a :class:`Listing`, whose ``in`` looks the article up in a set.

An article's ``url`` is a property that formats ``ARTICLE_URL`` from a copy of its metadata
at every use (each teaser, feed entry, related-article link, sitemap entry). Pelican's own
override, ``override_url`` (what a ``url`` metadata sets), pins it once its slug, date and
section are final. Both are done at ``article_generator_finalized``: after the content cache
is saved (it never keeps a pinned URL), before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


class Listing(list[Any]):
    """A listing's articles in Pelican's order; ``in`` compares by identity, as a list of
    articles does (Pelican's contents define no equality). Not changed once made."""

    def __init__(self, articles: Iterable[Any]) -> None:
        super().__init__(articles)
        self._ids = frozenset(map(id, self))

    def __contains__(self, item: object) -> bool:
        return id(item) in self._ids


def index_listings(generator: Any) -> None:
    """``article_generator_finalized``: the topics' and sections' lists as Listings, in the
    generator and in the shared context alike."""
    for tag, articles in generator.tags.items():
        generator.tags[tag] = Listing(articles)
    generator.categories = [(name, Listing(articles)) for name, articles in generator.categories]
    generator.context["tags"] = list(generator.tags.items())
    generator.context["categories"] = generator.categories


def pin_urls(generator: Any) -> None:
    """``article_generator_finalized``: each article's URL computed once (see above)."""
    for article in (*generator.articles, *generator.hidden_articles, *generator.translations):
        article.override_url = article.url
