"""Issue 6: the rules behind the theme (chronique.site.theme, i18n, sitemap) and builds that vary them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from jinja2 import Environment

from chronique.site import i18n, theme
from chronique.site.build import build_site
from chronique.site.sitemap import SitemapEntry, robots_txt, sitemap_xml
from tests.conftest import REPO, SiteCopy
from tests.site.helpers import key_pages

PARIS = timezone(timedelta(hours=1))


@dataclass(frozen=True)
class FakeTag:
    name: str

    @property
    def slug(self) -> str:
        return self.name.lower()


@dataclass
class FakeArticle:
    date: datetime
    tags: list[FakeTag] = field(default_factory=list)


def day(n: int) -> datetime:
    return datetime(2025, 3, 1, tzinfo=PARIS) + timedelta(days=n)


# ---- Trending topics: the last 30 days of the archive, not of the calendar ----------


def test_trending_topics_are_counted_back_from_the_newest_article() -> None:
    ukraine, drones, budget = FakeTag("Ukraine"), FakeTag("Drones"), FakeTag("Budget")
    articles = [
        FakeArticle(day(100), [ukraine, drones]),
        FakeArticle(day(90), [ukraine]),
        FakeArticle(day(71), [drones]),  # 29 days before the newest: inside
        FakeArticle(day(69), [budget, budget]),  # 31 days before: outside
    ]
    ranked = theme.trending_topics(articles, days=30, limit=10)
    assert [(t.tag.name, t.count) for t in ranked] == [("Drones", 2), ("Ukraine", 2)]
    assert theme.trending_topics(articles, limit=1)[0].tag is drones  # ties: by slug
    assert theme.trending_topics([]) == []


# ---- Text helpers ----------------------------------------------------------------------


def test_reading_time_counts_words_of_the_text_not_the_markup() -> None:
    assert theme.reading_minutes("<p>un deux</p>") == 1
    words = " ".join(["mot"] * 461)
    assert theme.reading_minutes(f"<p class='x'>{words}</p>") == 3


def test_french_spacing_binds_punctuation_and_escapes() -> None:
    text = theme.french_spacing("Conflit : « encerclées » ? <b>")
    assert text == "Conflit\u00a0: «\u00a0encerclées\u00a0»\u202f? &lt;b&gt;"
    assert theme.french_spacing(None) == ""


def test_absolute_url_drops_index_html() -> None:
    assert theme.absolute_url("", "index.html") == "/"
    assert theme.absolute_url("https://a.org/", "sujets/index.html") == "https://a.org/sujets/"
    assert theme.absolute_url("https://a.org", "2025/03/x/") == "https://a.org/2025/03/x/"


def test_og_locale() -> None:
    assert theme.og_locale("fr") == "fr_FR"
    assert theme.og_locale("en") == "en_US"
    assert theme.og_locale("fr-CA") == "fr_CA"


# ---- JSON-LD is escaped for a <script> element ----------------------------------------


def test_json_ld_cannot_close_its_script_element() -> None:
    hostile = "</script><script>alert('x')</script> & co"
    env = Environment(autoescape=True)
    data = {"headline": hostile}
    html = env.from_string('<script type="application/ld+json">{{ d|tojson }}</script>').render(
        d=data
    )
    inner = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert json.loads(inner) == data


# ---- UI catalogue ---------------------------------------------------------------------


def test_french_catalogue_translates_every_template_message() -> None:
    theme_dir = REPO / "theme"
    wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in i18n.extract_messages(theme_dir)}
    wanted.discard("")
    catalogue = i18n.read_catalogue(i18n.catalogue_path(theme_dir, "fr"), "fr")
    translated = {
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in catalogue
        if m.id and not m.fuzzy and all(m.string if isinstance(m.string, tuple) else [m.string])
    }
    assert wanted - translated == set(), "run: python -m chronique.site.i18n update theme"


def test_missing_catalogue_falls_back_to_english_ids(tmp_path: Path) -> None:
    translations = i18n.load_translations(tmp_path, "en")
    assert translations.gettext("Skip to content") == "Skip to content"
    french = i18n.load_translations(REPO / "theme", "fr")
    assert french.gettext("Skip to content") == "Aller au contenu"
    assert french.ngettext("%(shown)s article", "%(shown)s articles", 2) == "%(shown)s articles"


# ---- Sitemap and robots.txt -------------------------------------------------------------


def test_sitemap_xml_and_robots() -> None:
    xml = sitemap_xml([SitemapEntry("https://a.org/x/?a=1&b=2", day(0)), SitemapEntry("/y/")])
    assert b"<loc>https://a.org/x/?a=1&amp;b=2</loc>" in xml
    assert b"<lastmod>2025-03-01T00:00:00+01:00</lastmod>" in xml
    assert xml.startswith(b"<?xml version='1.0' encoding='utf-8'?>\n<urlset xmlns=")
    assert robots_txt("https://a.org") == (
        "User-agent: *\nAllow: /\nSitemap: https://a.org/sitemap.xml\n"
    )
    assert "Sitemap" not in robots_txt("")


# ---- Builds that vary the settings or the content ---------------------------------------


def settings_append(site: SiteCopy, text: str) -> None:
    with site.settings.open("a", encoding="utf-8") as handle:
        handle.write("\n" + text + "\n")


@pytest.mark.slow
def test_english_archive_is_one_setting_away(site: SiteCopy) -> None:
    settings_append(site, 'DEFAULT_LANG = "en"\nCHRONIQUE_SEARCH = False')
    seed = site.seed_article()  # an English archive holds English articles
    seed.write_text(seed.read_text(encoding="utf-8").replace("lang: fr", "lang: en"), "utf-8")
    build_site(site.settings, site.output)
    home = (site.output / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in home
    assert "Skip to content" in home and "Latest articles" in home
    assert "Aller au contenu" not in home
    article = (site.output / key_pages(site.output).article.strip("/") / "index.html").read_text(
        encoding="utf-8"
    )
    assert ">March 15, 2025<" in article and "min read" in article
    assert not (site.output / "pagefind").exists()
    assert not (site.output / "recherche").exists()


@pytest.mark.slow
def test_hostile_title_is_escaped_everywhere(site: SiteCopy) -> None:
    settings_append(site, "CHRONIQUE_SEARCH = False")
    seed = site.seed_article()
    hostile = "Titre </script><script>alert(1)</script> & « guillemets »"
    text = re.sub(r"(?m)^title: .*$", f"title: '{hostile}'", seed.read_text(encoding="utf-8"))
    seed.write_text(text, encoding="utf-8")
    build_site(site.settings, site.output)
    html = (site.output / key_pages(site.output).article.strip("/") / "index.html").read_text(
        encoding="utf-8"
    )
    assert "<script>alert(1)" not in html
    assert html.count("</script>") == html.count("<script")
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert json.loads(block)["headline"] == hostile
