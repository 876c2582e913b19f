"""Issue 5, acceptance 1: every feed parses, holds the right entries, and its links resolve."""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

import feedparser
import pytest

from chronique.site.build import build_site
from tests.conftest import SiteCopy
from tests.feeds.helpers import (
    ATOM,
    HOSTILE_SUMMARY,
    HOSTILE_TITLE_CLEAN,
    LEAD_IMAGE,
    add_hostile_articles,
    expected_feeds,
    feed_files,
    has_offset,
    local_file,
    parse_xml,
    set_settings,
    source_articles,
)

BASE = "http://127.0.0.1:8000"
LIMIT = 50


def parsed(site: SiteCopy, relative: str) -> feedparser.FeedParserDict:
    result = feedparser.parse((site.output / relative).read_bytes())
    assert not result.bozo, (relative, result.get("bozo_exception"))
    return result


def entry_for(feed: feedparser.FeedParserDict, slug: str) -> feedparser.FeedParserDict:
    (entry,) = [e for e in feed.entries if e.link.endswith(f"/{slug}/")]
    return entry


def test_the_site_each_section_and_each_topic_with_articles_have_both_feeds(
    hostile_site: SiteCopy,
) -> None:
    expected = expected_feeds(source_articles(hostile_site))
    written = {str(p.relative_to(hostile_site.output)) for p in feed_files(hostile_site.output)}
    assert written == {
        f"{folder}/{name}" for folder in expected for name in ("rss.xml", "atom.xml")
    }
    # Sections listed in the settings but without articles get no feed.
    assert not (hostile_site.output / "rubriques/sport").exists()


def test_every_feed_parses_and_lists_its_articles_newest_first(hostile_site: SiteCopy) -> None:
    expected = expected_feeds(source_articles(hostile_site))
    for path in feed_files(hostile_site.output):
        folder = str(path.parent.relative_to(hostile_site.output))
        feed = parsed(hostile_site, str(path.relative_to(hostile_site.output)))
        wanted = [f"{BASE}{a.url_path}" for a in expected[folder][:LIMIT]]
        assert [entry.link for entry in feed.entries] == wanted, path
        assert local_file(hostile_site.output, feed.feed.link).is_file(), feed.feed.link
        for entry in feed.entries:
            assert local_file(hostile_site.output, entry.link).is_file(), entry.link


def test_entry_dates_keep_their_offset(hostile_site: SiteCopy) -> None:
    articles = {f"{BASE}{a.url_path}": a for a in source_articles(hostile_site)}
    for path in feed_files(hostile_site.output):
        root = parse_xml(path)
        if root.tag == "rss":
            for item in root.iter("item"):
                article = articles[item.findtext("link")]
                assert item.findtext("pubDate").endswith(article.date.strftime("%z")), path
        else:
            for entry in root.iter(f"{ATOM}entry"):
                article = articles[entry.find(f"{ATOM}link").get("href")]
                published = entry.findtext(f"{ATOM}published")
                updated = entry.findtext(f"{ATOM}updated")
                assert has_offset(published) and has_offset(updated), path
                assert datetime.fromisoformat(published) == article.date
                assert datetime.fromisoformat(published).utcoffset() == article.date.utcoffset()
                assert datetime.fromisoformat(updated) == article.updated


def test_channel_date_is_the_newest_entry_date_never_the_build_time(
    hostile_site: SiteCopy,
) -> None:
    expected = expected_feeds(source_articles(hostile_site))
    for folder, articles in expected.items():
        newest = max(a.updated for a in articles[:LIMIT])
        atom = parse_xml(hostile_site.output / folder / "atom.xml")
        assert datetime.fromisoformat(atom.findtext(f"{ATOM}updated")) == newest, folder
        rss = parsed(hostile_site, f"{folder}/rss.xml")
        assert rss.feed.updated_parsed[:6] == newest.utctimetuple()[:6], folder


def test_channel_says_what_it_follows(hostile_site: SiteCopy) -> None:
    cases = {
        "flux": ("Chronique", f"{BASE}/"),
        "rubriques/monde": ("Chronique — Monde", f"{BASE}/rubriques/monde/"),
        "rubriques/economie": ("Chronique — Économie", f"{BASE}/rubriques/economie/"),
        "sujets/ukraine": ("Chronique — Ukraine", f"{BASE}/sujets/ukraine/"),
    }
    for folder, (title, page) in cases.items():
        for name in ("rss.xml", "atom.xml"):
            feed = parsed(hostile_site, f"{folder}/{name}").feed
            assert (feed.title, feed.link) == (title, page), (folder, name)
            assert feed.language == "fr" and feed.generator == "Chronique"
            assert (feed.get("subtitle") or feed.get("description")).strip()
            self_links = [link.href for link in feed.links if link.rel == "self"]
            assert self_links == [f"{BASE}/{folder}/{name}"]
            icon = feed.get("icon") or feed.image.href
            assert local_file(hostile_site.output, icon).is_file(), icon


def test_hostile_text_survives_cleaned(hostile_site: SiteCopy) -> None:
    for name in ("rss.xml", "atom.xml"):
        entry = entry_for(parsed(hostile_site, f"sujets/ukraine/{name}"), "fuites")
        assert entry.title == HOSTILE_TITLE_CLEAN, name
        assert "\x0b" not in entry.summary and "🙂" in entry.summary
        html = entry.content[0].value
        assert "\x07" not in html and "\x0c" not in html and "<b>gras</b>" in html
        assert f'href="{BASE}/2025/03/"' in html
        assert f'href="{BASE}/2025/02/fuites/#suite"' in html
        assert 'href="mailto:redaction@example.org"' in html
        assert f'src="{BASE}/images/carte.png"' in html
        assert [a.name for a in entry.authors] == ["Jeanne Martin", "Ali Ben Salah"], name


def test_authors_only_when_known(hostile_site: SiteCopy) -> None:
    """The seed names no author: the entry names none (the feed's author stands)."""
    rss = parse_xml(hostile_site.output / "flux/rss.xml")
    atom = parse_xml(hostile_site.output / "flux/atom.xml")
    creators = {
        i.findtext("link"): i.findall("{http://purl.org/dc/elements/1.1/}creator")
        for i in rss.iter("item")
    }
    assert [len(c) for c in creators.values()].count(0) == len(creators) - 1
    authors = [len(e.findall(f"{ATOM}author")) for e in atom.iter(f"{ATOM}entry")]
    assert sorted(authors) == [0] * (len(authors) - 1) + [2]
    assert atom.findtext(f"{ATOM}author/{ATOM}name") == "Chronique"


def test_standfirst_is_the_summary_shown_as_plain_text(hostile_site: SiteCopy) -> None:
    atom = parse_xml(hostile_site.output / "flux/atom.xml")
    (entry,) = [e for e in atom.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}id").endswith(":fuites")]
    summary = entry.find(f"{ATOM}summary")
    # type="html" holding escaped text: readers show "<b>" literally, never as markup.
    assert summary.get("type") == "html"
    assert html.unescape(summary.text) == HOSTILE_SUMMARY.replace("\x0b", "")


def test_an_article_without_standfirst_has_no_summary_but_its_full_text(
    hostile_site: SiteCopy,
) -> None:
    atom = parse_xml(hostile_site.output / "flux/atom.xml")
    (entry,) = [
        e for e in atom.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}id").endswith("sans-resume")
    ]
    assert entry.find(f"{ATOM}summary") is None
    assert "Un corps simple." in entry.findtext(f"{ATOM}content")
    rss = parse_xml(hostile_site.output / "flux/rss.xml")
    (item,) = [i for i in rss.iter("item") if i.findtext("link").endswith("/sans-resume/")]
    assert item.find("description") is None
    assert "Un corps simple." in item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")


def test_lead_image_is_an_enclosure_with_length_and_type(hostile_site: SiteCopy) -> None:
    size = (hostile_site.content / LEAD_IMAGE).stat().st_size
    for name in ("rss.xml", "atom.xml"):
        entry = entry_for(parsed(hostile_site, f"rubriques/monde/{name}"), "fuites")
        (enclosure,) = entry.enclosures
        assert (enclosure.href, enclosure.type) == (f"{BASE}/{LEAD_IMAGE}", "image/png"), name
        assert int(enclosure.length) == size
        assert local_file(hostile_site.output, enclosure.href).stat().st_size == size
        seed = entry_for(parsed(hostile_site, f"flux/{name}"), "sans-resume")
        assert seed.get("enclosures", []) == []


def test_categories_are_the_section_then_the_topics(hostile_site: SiteCopy) -> None:
    for name in ("rss.xml", "atom.xml"):
        entry = entry_for(parsed(hostile_site, f"flux/{name}"), "economie-ete")
        assert [tag.term for tag in entry.tags] == ["Économie", "Ukraine", "Russie"], name
        assert [tag.scheme for tag in entry.tags] == [
            f"{BASE}/rubriques/",
            f"{BASE}/sujets/",
            f"{BASE}/sujets/",
        ]


def entry_ids(output: Path) -> dict[str, list[str]]:
    return {
        str(path.relative_to(output)): [e.id for e in feedparser.parse(path.read_bytes()).entries]
        for path in feed_files(output)
    }


def test_an_article_has_one_tag_id_in_every_feed(hostile_site: SiteCopy) -> None:
    ids = {
        entry_for(parsed(hostile_site, f"{folder}/{name}"), "fuites").id
        for folder in ("flux", "rubriques/monde", "sujets/ukraine", "sujets/russie")
        for name in ("rss.xml", "atom.xml")
    }
    assert ids == {"tag:chronique.example.org,2025:2025-02-01:fuites"}


def test_ids_do_not_change_when_the_site_moves(hostile_site: SiteCopy, site: SiteCopy) -> None:
    add_hostile_articles(site)
    set_settings(site, FEED_DOMAIN="https://archives.example.net/chronique")
    build_site(site.settings)
    moved = parsed(site, "sujets/ukraine/atom.xml")
    assert moved.entries[0].link.startswith("https://archives.example.net/chronique/")
    assert entry_ids(site.output) == entry_ids(hostile_site.output)
    original = parse_xml(hostile_site.output / "sujets/ukraine/atom.xml")
    assert parse_xml(site.output / "sujets/ukraine/atom.xml").findtext(
        f"{ATOM}id"
    ) == original.findtext(f"{ATOM}id")


@pytest.mark.parametrize("limit", [1, 3])
def test_the_entry_limit_is_a_setting(site: SiteCopy, limit: int) -> None:
    add_hostile_articles(site)
    set_settings(site, CHRONIQUE_FEED_LIMIT=limit)
    build_site(site.settings)
    expected = expected_feeds(source_articles(site))
    for folder, articles in expected.items():
        for name in ("rss.xml", "atom.xml"):
            feed = parsed(site, f"{folder}/{name}")
            wanted = [f"{BASE}{a.url_path}" for a in articles[:limit]]
            assert [e.link for e in feed.entries] == wanted, (folder, name)
