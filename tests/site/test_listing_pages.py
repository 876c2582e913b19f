"""Issue 16: each listing page lists exactly its own articles, in order.

Chronique sorts the articles of each period, topic and section page from the listing's own
articles (chronique.site.listings) instead of Pelican's filter over the whole archive. The
articles here sit on both sides of a month's and a year's last minute, two of them at the
same minute, so a period page that took a neighbour's article, lost one, or ordered a tie
by reading order would show it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from pelican import signals

from chronique.content.frontmatter import dump_front_matter
from chronique.content.model import ArticleMeta
from chronique.site.build import build_site
from tests.conftest import SiteCopy, copy_site

WINTER, SUMMER = timezone(timedelta(hours=1)), timezone(timedelta(hours=2))


@dataclass(frozen=True)
class Written:
    slug: str
    date: datetime
    section: str
    topics: tuple[str, ...]


ARTICLES = (
    Written("milieu-2019", datetime(2019, 6, 15, 12, 0, tzinfo=SUMMER), "Économie", ("France",)),
    Written("fin-2019-b", datetime(2019, 12, 31, 23, 59, tzinfo=WINTER), "Monde", ("Ukraine",)),
    Written("fin-2019-a", datetime(2019, 12, 31, 23, 59, tzinfo=WINTER), "Monde", ("Ukraine",)),
    Written(
        "debut-2020", datetime(2020, 1, 1, 0, 1, tzinfo=WINTER), "Monde", ("Ukraine", "France")
    ),
    Written("fin-janvier", datetime(2020, 1, 31, 23, 59, tzinfo=WINTER), "Monde", ("France",)),
    Written("debut-fevrier", datetime(2020, 2, 1, 0, 0, tzinfo=WINTER), "Monde", ("Ukraine",)),
)
OURS = {article.slug for article in ARTICLES}


@dataclass
class ListedSite:
    site: SiteCopy
    #: Of each page written (its file in the site), the slugs of this test's articles in its
    #: ``articles`` and its ``dates``: the lists Pelican gives a listing's template.
    contexts: dict[str, tuple[list[str], list[str]]]


@pytest.fixture(scope="module")
def listed_site(tmp_path_factory: pytest.TempPathFactory) -> ListedSite:
    site = copy_site(tmp_path_factory.mktemp("listings"))
    for article in ARTICLES:
        meta = ArticleMeta(
            title=f"Article {article.slug}",
            date=article.date,
            category=article.section,
            slug=article.slug,
            tags=article.topics,
            summary="Un résumé.",
        )
        text = dump_front_matter(meta.to_front_matter(), "Un texte.")
        site.write_article(str(meta.relative_file), text)
    contexts: dict[str, tuple[list[str], list[str]]] = {}

    def record(path: str, context: dict[str, Any]) -> None:
        articles, dates = (
            [a.slug for a in context.get(key) or [] if a.slug in OURS]
            for key in ("articles", "dates")
        )
        contexts[context["output_file"]] = (articles, dates)

    signals.content_written.connect(record)
    try:
        build_site(site.settings, site.output)
    finally:
        signals.content_written.disconnect(record)
    return ListedSite(site, contexts)


def shown(listed: ListedSite, path: str, listing: str) -> list[str]:
    """The slugs of this test's articles that the page's *listing* links to, in order."""
    html = (listed.site.output / path / "index.html").read_text(encoding="utf-8")
    found = re.findall(rf'<ol class="{listing}".*?</ol>', html, re.S)
    assert found, f"no {listing} on {path}"
    slugs = re.findall(r'href="[^"]*/\d{4}/\d{2}/([^/"]+)/"', "".join(found))
    return [slug for slug in slugs if slug in OURS]


def newest_first(articles: list[Written]) -> list[str]:
    return [a.slug for a in sorted(articles, key=lambda a: (-a.date.timestamp(), a.slug))]


def in_period(key: tuple[int, ...]) -> list[Written]:
    return [a for a in ARTICLES if (a.date.year, a.date.month, a.date.day)[: len(key)] == key]


@pytest.mark.parametrize(
    "key", [(2019,), (2020,), (2019, 12), (2020, 1), (2020, 2), (2019, 12, 31), (2020, 1, 1)]
)
def test_a_period_page_lists_its_own_articles_newest_first(
    listed_site: ListedSite, key: tuple[int, ...]
) -> None:
    path = "/".join(f"{part:02d}" for part in key)
    expected = newest_first(in_period(key))
    assert shown(listed_site, path, "date-list") == expected
    assert listed_site.contexts[f"{path}/index.html"] == (expected, expected)


@pytest.mark.parametrize(
    ("path", "wanted"),
    [
        ("sujets/ukraine", lambda a: "Ukraine" in a.topics),
        ("sujets/france", lambda a: "France" in a.topics),
        ("rubriques/economie", lambda a: a.section == "Économie"),
        ("rubriques/monde", lambda a: a.section == "Monde"),
    ],
)
def test_a_topic_or_section_page_lists_its_own_articles_newest_first(
    listed_site: ListedSite, path: str, wanted: Callable[[Written], bool]
) -> None:
    expected = newest_first([a for a in ARTICLES if wanted(a)])
    assert shown(listed_site, path, "article-list") == expected
    assert listed_site.contexts[f"{path}/index.html"] == (expected, expected)
