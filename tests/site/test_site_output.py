"""Issue 6: the built site is valid HTML, its links resolve, its metadata is complete and light."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import SiteCopy
from tests.site.helpers import (
    SEARCH_BUNDLE,
    VNU_JAR,
    article_pages,
    collect,
    html_pages,
    java,
    key_pages,
    require,
    sitemap_lastmods,
)

KB = 1024


def page_file(output: Path, path: str) -> Path:
    target = output / unquote(path).lstrip("/")
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


# ---- 1. The Nu Html Checker: 0 errors on every page --------------------------------------


@pytest.mark.slow
def test_every_page_passes_the_nu_html_checker(built_site: SiteCopy) -> None:
    require(java() is not None, "java (Debian default-jre-headless)")
    require(VNU_JAR.is_file(), "vnu-jar (npm ci)")
    pages = html_pages(built_site.output)
    assert len(pages) >= 10
    command = [java(), "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]
    result = subprocess.run(
        [*command, *map(str, pages)], capture_output=True, text=True, check=False
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{m.get('url', '')}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]
    assert errors == [], "\n".join(errors)


# ---- 3. Every internal link, image, stylesheet and script resolves ---------------------


def internal_target(url: str) -> tuple[str, str] | None:
    """(path, fragment) of an internal URL; None for other hosts and other schemes."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    return parts.path, parts.fragment


def test_every_internal_link_resolves(built_site: SiteCopy) -> None:
    output = built_site.output
    broken, checked = [], 0
    for page in html_pages(output):
        found = collect(page)
        for tag, url in found.urls:
            target = internal_target(url)
            if target is None:
                continue
            path, fragment = target
            if not path:  # "#id" on the same page
                if fragment and fragment not in found.ids:
                    broken.append(f"{page.relative_to(output)}: <{tag}> {url}")
                continue
            assert path.startswith("/"), f"{page}: relative URL {url}"
            file = page_file(output, path)
            checked += 1
            if not file.is_file():
                broken.append(f"{page.relative_to(output)}: <{tag}> {url}")
            elif fragment and fragment not in collect(file).ids:
                broken.append(f"{page.relative_to(output)}: <{tag}> {url} (no #{fragment})")
    assert checked > 100
    assert broken == [], "\n".join(broken)


# ---- Every page: language, canonical URL, no other host --------------------------------


def test_every_page_has_lang_canonical_and_stays_on_the_site(built_site: SiteCopy) -> None:
    for page in html_pages(built_site.output):
        html = page.read_text(encoding="utf-8")
        assert collect(page).lang, f"{page}: no lang"
        if page.name != "404.html":
            assert '<link rel="canonical" href="' in html, page
        for tag, url in collect(page).urls:
            if tag != "a":  # scripts, stylesheets, images: all from the site itself
                assert internal_target(url) is not None, f"{page}: <{tag}> from {url}"
    css = (built_site.output / "theme/css/chronique.css").read_text(encoding="utf-8")
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", css)


def test_ui_is_french(built_site: SiteCopy) -> None:
    pages = key_pages(built_site.output)
    html = page_file(built_site.output, pages.article).read_text(encoding="utf-8")
    for french in ("Aller au contenu", "Navigation principale", "Publié le", "Lecture\u00a0:"):
        assert french in html
    assert "Skip to content" not in html


# ---- Metadata: Open Graph, Twitter card, JSON-LD NewsArticle ---------------------------


def meta_content(html: str, key: str) -> str | None:
    match = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html)
    return match.group(1) if match else None


def json_ld(html: str) -> dict:
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)


def test_article_metadata(built_site: SiteCopy) -> None:
    pages = key_pages(built_site.output)
    html = page_file(built_site.output, pages.article).read_text(encoding="utf-8")
    assert meta_content(html, "og:type") == "article"
    assert (meta_content(html, "og:url") or "").endswith(pages.article)
    assert (meta_content(html, "og:title") or "").startswith("Conflit en Ukraine")
    assert meta_content(html, "og:locale") == "fr_FR"
    assert meta_content(html, "twitter:card") in ("summary", "summary_large_image")
    assert meta_content(html, "article:published_time") == "2025-03-15T00:00:00+01:00"
    data = json_ld(html)
    assert data["@type"] == "NewsArticle"
    for key in ("headline", "datePublished", "dateModified", "author", "publisher", "keywords"):
        assert data[key], key
    assert data["articleSection"] == "Monde"
    assert "Koursk" in data["keywords"]
    assert data["publisher"]["name"] == "Chronique"
    assert re.search(r"<time datetime=\"2025-03-15T00:00:00\+01:00\"[^>]*>15 mars 2025<", html)


def test_sitemap_lists_every_article_with_its_lastmod(built_site: SiteCopy) -> None:
    output = built_site.output
    lastmods = sitemap_lastmods(output)
    articles = article_pages(output)
    paths = ["/" + str(p.parent.relative_to(output)) + "/" for p in articles]
    assert paths
    for path in paths:
        assert lastmods.get(path), f"{path} missing from the sitemaps, or without lastmod"
    assert key_pages(output).article in lastmods
    robots = (output / "robots.txt").read_text(encoding="utf-8")
    assert robots.startswith("User-agent: *\n")


# ---- Weight ---------------------------------------------------------------------------


def test_article_page_weight(built_site: SiteCopy) -> None:
    output = built_site.output
    article = page_file(output, key_pages(output).article)
    css = sum(
        (output / url.lstrip("/")).stat().st_size
        for tag, url in collect(article).urls
        if tag == "link" and url.endswith(".css")
    )
    html = article.stat().st_size
    assert css < 20 * KB, f"CSS is {css} bytes"
    assert html + css < 60 * KB, f"article HTML {html} + CSS {css} bytes"


# ---- Search index ----------------------------------------------------------------------


def test_search_index_is_built_in_french(built_site: SiteCopy) -> None:
    bundle = built_site.output / SEARCH_BUNDLE
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["fr"]
    assert entry["languages"]["fr"]["page_count"] >= 1
    assert (bundle / "pagefind.js").is_file()
    search = page_file(built_site.output, "/recherche/").read_text(encoding="utf-8")
    assert 'data-bundle="/pagefind/"' in search
