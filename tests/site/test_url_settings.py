"""Acceptance 3 of issue 15: the URL scheme is Pelican's settings, nothing else.

Topics moved under /themes/, sections under /sections/ and the site feeds under /fils/:
every page, feed, sitemap entry and link follows, and nothing is left at the old paths.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chronique.config import load_config
from chronique.content.checks import check_content
from chronique.site.build import build_site
from tests.conftest import SiteCopy
from tests.site.helpers import collect, html_pages

MOVED = """
TAG_URL = "themes/{slug}/"
TAG_SAVE_AS = "themes/{slug}/index.html"
TAGS_URL = "themes/"
TAGS_SAVE_AS = "themes/index.html"
CATEGORY_URL = "sections/{slug}/"
CATEGORY_SAVE_AS = "sections/{slug}/index.html"
CATEGORIES_URL = "sections/"
CATEGORIES_SAVE_AS = "sections/index.html"
CHRONIQUE_FEEDS_URL = "fils/"
CHRONIQUE_SEARCH = False
"""
OLD_FOLDERS = ("sujets", "rubriques", "flux")
#: An address (absolute, or root-relative in an attribute) under one of the old folders.
OLD_ADDRESS = re.compile(r"""(?:https?://[^/"'<\s]+|["'])/(?:sujets|rubriques|flux)/""")


@pytest.fixture
def moved(site: SiteCopy) -> Path:
    with site.settings.open("a", encoding="utf-8") as handle:
        handle.write(MOVED)
    build_site(site.settings, site.output)
    return site.output


def target(output: Path, url: str) -> Path:
    path = url.split("#")[0].split("?")[0].lstrip("/")
    return output / (path + "index.html" if path.endswith("/") or not path else path)


def test_pages_and_feeds_are_written_at_the_new_paths_only(moved: Path) -> None:
    for written in (
        "themes/index.html",
        "themes/koursk/index.html",
        "themes/koursk/rss.xml",
        "themes/koursk/atom.xml",
        "sections/index.html",
        "sections/monde/index.html",
        "sections/monde/atom.xml",
        "fils/rss.xml",
        "fils/atom.xml",
    ):
        assert (moved / written).is_file(), written
    assert not [folder for folder in OLD_FOLDERS if (moved / folder).exists()]


def test_no_page_feed_or_sitemap_entry_points_at_an_old_path(moved: Path) -> None:
    texts = {
        path: path.read_text(encoding="utf-8")
        for pattern in ("*.html", "*.xml", "*.txt")
        for path in moved.rglob(pattern)
    }
    stale = {
        str(path.relative_to(moved)) for path, text in texts.items() if OLD_ADDRESS.search(text)
    }
    assert not stale
    sitemap = texts[moved / "sitemap-pages.xml"]
    assert "/themes/koursk/</loc>" in sitemap and "/sections/monde/</loc>" in sitemap


def test_every_link_of_every_page_resolves_in_the_moved_site(moved: Path) -> None:
    broken = {
        (str(page.relative_to(moved)), url)
        for page in html_pages(moved)
        for _, url in collect(page).urls
        if url.startswith("/") and not url.startswith("//") and not target(moved, url).exists()
    }
    assert not broken
    article = next(moved.glob("[0-9]*/[0-9]*/*koursk*/index.html")).read_text(encoding="utf-8")
    assert 'href="/themes/koursk/"' in article and 'href="/sections/monde/"' in article
    assert 'href="/themes/koursk/rss.xml"' in (moved / "themes/koursk/index.html").read_text(
        encoding="utf-8"
    )


def test_article_addresses_follow_article_url_in_the_build_and_in_check(site: SiteCopy) -> None:
    with site.settings.open("a", encoding="utf-8") as handle:
        handle.write(
            '\nARTICLE_URL = "articles/{date:%Y}/{slug}/"\n'
            'ARTICLE_SAVE_AS = "articles/{date:%Y}/{slug}/index.html"\nCHRONIQUE_SEARCH = False\n'
        )
    seed = site.seed_article()
    slug = seed.stem
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text + f"\n[Ici](/articles/2025/{slug}/).\n", "utf-8")
    build_site(site.settings, site.output)
    assert (site.output / "articles" / "2025" / slug / "index.html").is_file()
    seed.write_text(
        text + f"\n[Ici](/articles/2025/{slug}/) et [là](/articles/2025/nulle-part/).\n", "utf-8"
    )
    report = check_content(load_config(site.settings), [seed])
    broken = [p.message for p in report.problems if "no article has that address" in p.message]
    assert broken == ["link to '/articles/2025/nulle-part/': no article has that address"]
