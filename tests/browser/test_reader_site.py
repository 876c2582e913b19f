"""Issue 6 in a real browser: accessibility, the reader's journey, keyboard, search, screenshots."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import ServedSite
from tests.conftest import REPO
from tests.site.helpers import AXE_JS, require

pytestmark = pytest.mark.browser

ARTIFACTS = REPO / "tests" / "artifacts"
AXE_PAGES = [
    "home",
    "article",
    "topic",
    "topics",
    "section",
    "archives",
    "year",
    "month",
    "day",
    "search",
    "not_found",
]
BLOCKING = {"serious", "critical"}
SEARCH_INPUT = "#recherche-champ"
SEARCH_RESULT = ".search-result-title a"


def wait_for_search_ui(page: Any) -> None:
    """The search page has loaded its index: the filters are drawn."""
    page.wait_for_selector(".search-options", state="visible")


def axe_violations(page: Any) -> list[str]:
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in BLOCKING
    ]


# ---- 2. axe-core: no serious or critical violation, light and dark -------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", AXE_PAGES)
def test_no_serious_accessibility_violation(
    served_site: ServedSite, open_page: Any, name: str, scheme: str
) -> None:
    require(AXE_JS.is_file(), "axe-core (npm ci)")
    page = open_page(color_scheme=scheme)
    page.goto(served_site.url(getattr(served_site.pages, name)))
    if name == "search":
        wait_for_search_ui(page)
        page.fill(SEARCH_INPUT, "Koursk")
        page.wait_for_selector(SEARCH_RESULT)
    assert axe_violations(page) == []
    assert page.errors == []


# ---- 4. The reader's journey, by mouse then by keyboard --------------------------------


def test_journey_home_topic_article_section_feed(served_site: ServedSite, open_page: Any) -> None:
    pages = served_site.pages
    page = open_page()
    page.goto(served_site.url("/"))
    page.click(f'.front-aside a[href="{pages.topic}"]')
    page.wait_for_url(served_site.url(pages.topic))
    page.click(f'main a[href="{pages.article}"]')
    page.wait_for_url(served_site.url(pages.article))
    assert page.locator("h1").inner_text().startswith("Conflit en Ukraine")
    page.click(f'.article-header .kicker a[href="{pages.section}"]')
    page.wait_for_url(served_site.url(pages.section))
    feeds = page.locator("main .feed-links a")
    assert feeds.count() > 0, "the section page links to its feeds"
    href = feeds.first.get_attribute("href") or ""
    response = page.request.get(served_site.url(href) if href.startswith("/") else href)
    assert response.ok, f"{href}: {response.status}"
    assert "<rss" in response.text() or "<feed" in response.text()
    assert page.errors == []


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(
    served_site: ServedSite, open_page: Any
) -> None:
    for path in (served_site.pages.home, served_site.pages.article):
        page = open_page()
        page.goto(served_site.url(path))
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => [document.activeElement.className, document.activeElement.getAttribute('href')]"
        )
        assert focused == ["skip-link", "#contenu"]
        assert page.locator(".skip-link").is_visible()
        page.keyboard.press("Enter")
        assert page.evaluate("() => document.activeElement.id") == "contenu"
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.closest('main') !== null")


@pytest.mark.parametrize("query", ["Koursk", "drones"])
def test_search_finds_the_seed_article(served_site: ServedSite, open_page: Any, query: str) -> None:
    page = open_page()
    page.goto(served_site.url(served_site.pages.search))
    wait_for_search_ui(page)
    page.fill(SEARCH_INPUT, query)
    page.wait_for_selector(SEARCH_RESULT)
    hrefs = page.eval_on_selector_all(
        SEARCH_RESULT, "links => links.map(a => a.getAttribute('href'))"
    )
    assert served_site.pages.article in hrefs
    assert page.errors == []


def test_search_query_in_the_address(served_site: ServedSite, open_page: Any) -> None:
    page = open_page()
    page.goto(served_site.url(served_site.pages.search + "?q=Koursk"))
    page.wait_for_selector(SEARCH_RESULT)
    assert page.input_value(SEARCH_INPUT) == "Koursk"


def test_pages_need_no_script(served_site: ServedSite, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served_site.url(served_site.pages.article))
        assert page.locator(".article-body p").count() >= 4
        page.goto(served_site.url(served_site.pages.search))
        assert "JavaScript" in page.locator("main").inner_text()
    finally:
        context.close()


# ---- 5. Screenshots --------------------------------------------------------------------


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("name", ["home", "article", "topic"])
def test_screenshots(served_site: ServedSite, open_page: Any, name: str, width: int) -> None:
    page = open_page(width=width)
    page.goto(served_site.url(getattr(served_site.pages, name)))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target: Path = ARTIFACTS / f"{name}-{width}.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000
    overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth")
    assert not overflow, f"{name} scrolls sideways at {width}px"
