"""Issue 5: every page that has a feed announces it, and every announced feed exists."""

from __future__ import annotations

from html.parser import HTMLParser

from tests.conftest import SiteCopy

FEED_TYPES = {"application/rss+xml": "rss.xml", "application/atom+xml": "atom.xml"}


class AlternateLinks(HTMLParser):
    """The ``<link rel="alternate">`` feed links of a page's head, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "link" and found.get("rel") == "alternate" and found.get("type") in FEED_TYPES:
            self.links.append(found)


def alternate_links(html: str) -> list[dict[str, str | None]]:
    parser = AlternateLinks()
    parser.feed(html)
    return parser.links


def test_pages_announce_the_feeds_of_their_subject(hostile_site: SiteCopy) -> None:
    pages = {
        "index.html": ("/flux/", "Chronique"),
        "2025/02/fuites/index.html": ("/flux/", "Chronique"),
        "rubriques/monde/index.html": ("/rubriques/monde/", "Chronique — Monde"),
        "rubriques/economie/index.html": ("/rubriques/economie/", "Chronique — Économie"),
        "sujets/ukraine/index.html": ("/sujets/ukraine/", "Chronique — Ukraine"),
    }
    for page, (folder, title) in pages.items():
        links = alternate_links((hostile_site.output / page).read_text(encoding="utf-8"))
        assert [(link["type"], link["href"]) for link in links] == [
            (kind, f"{folder}{name}") for kind, name in FEED_TYPES.items()
        ], page
        assert all(link["title"].startswith(f"{title} (") for link in links), page


def test_every_announced_feed_exists(hostile_site: SiteCopy) -> None:
    """No page points a feed reader at a missing feed (an empty section has none)."""
    pages = sorted(hostile_site.output.rglob("*.html"))
    announced = 0
    for page in pages:
        for link in alternate_links(page.read_text(encoding="utf-8")):
            target = hostile_site.output / link["href"].lstrip("/")
            assert target.is_file(), (page, link["href"])
            assert target.name == FEED_TYPES[link["type"]]
            announced += 1
    assert announced >= 2 * len(pages) - 2  # every page but 404 and the like announces two
