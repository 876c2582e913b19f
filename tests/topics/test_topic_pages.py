"""Issue 4: a page per topic, the topics index, topic links and related articles."""

from __future__ import annotations

import re

import lxml.html

from chronique.content.frontmatter import dump_front_matter, parse_front_matter
from chronique.site.build import build_site
from chronique.site.listings import OrderOf
from tests.conftest import SiteCopy
from tests.site.helpers import article_pages


def add_articles(site: SiteCopy, count: int) -> None:
    """*count* articles tagged Ukraine (and Iran for every third), a day apart, in 2024."""
    for n in range(count):
        tags = ["Ukraine", "Iran"] if n % 3 == 0 else ["Ukraine"]
        meta = {
            "title": f"Article numéro {n}",
            "date": f"2024-{1 + n // 28:02d}-{1 + n % 28:02d}T09:00:00+01:00",
            "category": "Monde",
            "tags": tags,
            "lang": "fr",
            "slug": f"article-numero-{n}",
        }
        month = meta["date"][5:7]
        site.write_article(f"2024/{month}/article-numero-{n}.md", dump_front_matter(meta, "Texte."))


def links(html: str) -> list[str]:
    return lxml.html.fromstring(html).xpath("//a/@href")


def test_every_used_topic_has_a_page_and_the_index_lists_it(built_site: SiteCopy) -> None:
    seed = built_site.seed_article()
    tags = parse_front_matter(seed, seed.read_text(encoding="utf-8")).data["tags"]
    index = (built_site.output / "sujets" / "index.html").read_text(encoding="utf-8")
    for href in [h for h in links(index) if h.startswith("/sujets/") and h != "/sujets/"]:
        assert (built_site.output / href.strip("/") / "index.html").is_file(), href
    names = {a.text_content().strip() for a in lxml.html.fromstring(index).xpath("//a")}
    assert set(tags) <= names


def test_article_topic_links_resolve(built_site: SiteCopy) -> None:
    for page in article_pages(built_site.output):
        topic_links = [
            h for h in links(page.read_text(encoding="utf-8")) if h.startswith("/sujets/")
        ]
        assert topic_links
        for href in topic_links:
            assert (built_site.output / href.strip("/") / "index.html").is_file(), href


def test_topic_page_shows_description_and_pages_by_twenty(site: SiteCopy) -> None:
    add_articles(site, 25)
    build_site(site.settings)
    first = (site.output / "sujets/ukraine/index.html").read_text(encoding="utf-8")
    second = (site.output / "sujets/ukraine/page/2/index.html").read_text(encoding="utf-8")
    assert "État d’Europe de l’Est" in first
    teasers = lambda html: len(lxml.html.fromstring(html).xpath("//ol[@class='article-list']/li"))  # noqa: E731
    assert teasers(first) == 20
    assert teasers(second) == 26 - 20
    assert "Mars 2025" in first  # the seed, newest, heads the first page under its month
    months = re.findall(r'class="listing-month-heading">([^<]+)<', first)
    assert months[0] == "Mars 2025"
    assert months[1] in ("Janvier 2024", "Février 2024")
    related = lxml.html.fromstring(first).xpath("//section[@class='related-topics']//a/text()")
    assert related[0] == "Iran"  # shares 9 articles with Ukraine, more than any other topic


def test_related_articles_prefer_rarer_shared_topics(site: SiteCopy) -> None:
    add_articles(site, 10)
    build_site(site.settings)
    page = site.output / "2024/01/article-numero-3/index.html"
    tree = lxml.html.fromstring(page.read_text(encoding="utf-8"))
    related = tree.xpath("//section[@class='related-articles']//a/@href")
    assert 1 <= len(related) <= 5
    # articles 0, 6 and 9 share the rarer topic Iran with article 3: they come first
    assert set(related[:3]) == {f"/2024/01/article-numero-{n}/" for n in (0, 6, 9)}


def test_a_topic_lists_its_articles_in_the_archive_date_order() -> None:
    """What Pelican's own filter gave: the topic's articles in the order of ``dates``, none of
    the others, and none that ``dates`` lacks (an article hidden from the listings)."""
    archive = [object() for _ in range(6)]
    hidden = object()
    topic = [archive[4], hidden, archive[1], archive[3]]
    assert OrderOf(archive)(topic) == [archive[1], archive[3], archive[4]]
    assert OrderOf(list(reversed(archive)))(topic) == [archive[4], archive[3], archive[1]]
