"""The pieces of chronique.site.feeds that need no build: URL rewriting, text cleaning, links."""

from __future__ import annotations

from typing import Any

from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Category, Tag

from chronique.settings import read_chronique_settings
from chronique.site import defaults as site_defaults
from chronique.site.feeds import (
    ATOM_TYPE,
    RSS_TYPE,
    FeedLink,
    absolute_html,
    clean_text,
    feed_links_for,
)
from chronique.site.model import UrlScheme
from tests.conftest import SiteCopy
from tests.feeds.helpers import archive_files, feed_files

PAGE = "https://example.org/2025/02/fuites/"


def test_absolute_html_resolves_every_kind_of_link() -> None:
    html = (
        'Avant &amp; <a href="../">mois</a> <a href="#note">note</a> '
        '<a href="/sujets/ukraine/">Ukraine</a> <a href="mailto:a@example.org">écrire</a> '
        '<img src="carte.png" srcset="carte-640.png 640w, /images/carte-1280.png 1280w" alt="">'
        "<div><p>fin</p></div>"
    )
    assert absolute_html(html, PAGE) == (
        'Avant &amp; <a href="https://example.org/2025/02/">mois</a> '
        '<a href="https://example.org/2025/02/fuites/#note">note</a> '
        '<a href="https://example.org/sujets/ukraine/">Ukraine</a> '
        '<a href="mailto:a@example.org">écrire</a> '
        '<img src="https://example.org/2025/02/fuites/carte.png" '
        'srcset="https://example.org/2025/02/fuites/carte-640.png 640w, '
        'https://example.org/images/carte-1280.png 1280w" alt="">'
        "<div><p>fin</p></div>"
    )
    assert absolute_html("  ", PAGE) == ""


def test_clean_text_drops_what_xml_forbids_and_keeps_the_rest() -> None:
    text = "a\x00b\x07c\x0bd\x1fe\ufffff\tg\nh\ri & <j> « k » 🚀"
    assert clean_text(text) == "abcdef\tg\nh\ri & <j> « k » 🚀"
    assert clean_text(None) == ""


def chronique_settings(**overrides: object) -> dict[str, Any]:
    """Pelican's defaults, then Chronique's (chronique.site.defaults), then *overrides*."""
    ours = {k: v for k, v in vars(site_defaults).items() if k.isupper()}
    return {**DEFAULT_CONFIG, **ours, **overrides}


def test_feed_links_name_the_subject_and_share_the_writers_paths() -> None:
    settings = chronique_settings(SITEURL="https://example.org", SITENAME="Chronique")
    urls = UrlScheme.from_settings(settings, read_chronique_settings(settings))
    feed_links = feed_links_for(settings, urls)
    monde = Category("Monde", settings)
    ukraine = Tag("Ukraine", settings)
    assert feed_links(None) == [
        FeedLink("Chronique (RSS)", RSS_TYPE, "https://example.org/flux/rss.xml"),
        FeedLink("Chronique (Atom)", ATOM_TYPE, "https://example.org/flux/atom.xml"),
    ]
    assert [link.href for link in feed_links(monde)] == [
        "https://example.org/rubriques/monde/rss.xml",
        "https://example.org/rubriques/monde/atom.xml",
    ]
    assert feed_links(ukraine)[0].title == "Chronique — Ukraine (RSS)"


def test_feed_links_follow_the_url_settings() -> None:
    settings = chronique_settings(
        SITEURL="https://example.org", TAG_URL="themes/{slug}/", CHRONIQUE_FEEDS_URL="fils/"
    )
    urls = UrlScheme.from_settings(settings, read_chronique_settings(settings))
    feed_links = feed_links_for(settings, urls)
    assert (
        feed_links(Tag("Ukraine", settings))[0].href == "https://example.org/themes/ukraine/rss.xml"
    )
    assert feed_links(None)[1].href == "https://example.org/fils/atom.xml"


def test_pelicans_own_feed_writer_stays_off(hostile_site: SiteCopy) -> None:
    ours = set(feed_files(hostile_site.output)) | set(archive_files(hostile_site.output))
    others = [p for p in hostile_site.output.rglob("*.xml") if p not in ours]
    assert "sitemap.xml" in {p.name for p in others}
    assert all(p.name.startswith("sitemap") for p in others)
    assert not (hostile_site.output / "feeds").exists()
