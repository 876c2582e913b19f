"""Issue 18, the small defects: provenance, aria-current, the 404's contact, the topic index
from A to Z, French thousands separators, and the NewsArticle's image and publisher logo."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import Environment, FileSystemLoader

from chronique.config import load_config
from chronique.content.frontmatter import dump_front_matter
from chronique.content.model import ArticleMeta
from chronique.settings import SettingsError
from chronique.site import i18n, plugin, theme
from chronique.site.build import build_site
from tests.conftest import REPO, SiteCopy, copy_site

PARIS = timezone(timedelta(hours=1))
NNBSP = "\u202f"  # the narrow no-break space Babel puts between thousands in French
#: Articles of one section: more than a page, so the section page is paginated.
SECTION_ARTICLES = 25


def write_article(site: SiteCopy, slug: str, when: datetime, tags: tuple[str, ...] = ()) -> None:
    meta = ArticleMeta(
        title=f"Article {slug}", date=when, category="Économie", slug=slug, tags=tags
    )
    site.write_article(
        str(meta.relative_file), dump_front_matter(meta.to_front_matter(), "Un texte.")
    )


@pytest.fixture(scope="module")
def defects_site(tmp_path_factory: pytest.TempPathFactory) -> SiteCopy:
    """The repository's site, an article with no source tagged États-Unis, and a section
    of more than one page."""
    site = copy_site(tmp_path_factory.mktemp("defects"))
    start = datetime(2024, 6, 1, 9, 0, tzinfo=PARIS)
    write_article(site, "sans-source", start, ("États-Unis", "France"))
    for number in range(SECTION_ARTICLES):
        write_article(site, f"economie-{number:02d}", start + timedelta(days=number + 1))
    build_site(site.settings, site.output)
    return site


def html(site: SiteCopy, path: str) -> str:
    target = site.output / path.strip("/")
    return (target / "index.html" if target.is_dir() else target).read_text(encoding="utf-8")


class _Current(HTMLParser):
    """The links of the main navigation and masthead that carry aria-current."""

    def __init__(self) -> None:
        super().__init__()
        self.current: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("aria-current") == "page":
            self.current.append(values.get("href") or "")


def current_links(text: str) -> list[str]:
    """In the masthead (site name and main navigation) only: pagination has its own."""
    parser = _Current()
    parser.feed(text[: text.index("</header>")])
    return parser.current


def test_an_article_without_provenance_has_no_provenance_heading(defects_site: SiteCopy) -> None:
    assert 'id="provenance"' not in html(defects_site, "/2024/06/sans-source/")
    seed = next((defects_site.output / "2025" / "03").glob("conflit-*/index.html"))
    assert 'id="provenance"' in seed.read_text(encoding="utf-8")  # it has a source


@pytest.mark.parametrize(
    ("path", "link"),
    [("/", "/"), ("/recherche/", "/recherche/"), ("/archives/", "/archives/"),
     ("/sujets/", "/sujets/")],
)  # fmt: skip
def test_the_nav_link_of_the_page_shown_is_current(
    defects_site: SiteCopy, path: str, link: str
) -> None:
    assert current_links(html(defects_site, path)) == [link]


def test_a_later_page_and_an_article_are_no_current_home(defects_site: SiteCopy) -> None:
    assert "/" not in current_links(html(defects_site, "/rubriques/economie/page/2/"))
    assert current_links(html(defects_site, "/2024/06/sans-source/")) == []


def test_the_404_page_asks_for_a_report_only_with_a_contact(
    defects_site: SiteCopy, tmp_path: Path
) -> None:
    assert "signalez" not in html(defects_site, "/404.html")
    site = copy_site(tmp_path)
    with site.settings.open("a", encoding="utf-8") as settings:
        settings.write('\nCHRONIQUE_CONTACT = "mailto:archives@example.org"\n')
    build_site(site.settings, site.output)
    page = html(site, "/404.html")
    assert '<a href="mailto:archives@example.org">signalez-le-nous</a>' in page


def test_a_contact_that_is_no_link_is_refused() -> None:
    with pytest.raises(SettingsError, match="CHRONIQUE_CONTACT"):
        theme.contact_url("archives@example.org")


def test_the_topic_index_jumps_from_a_to_z_with_accents_folded(defects_site: SiteCopy) -> None:
    page = html(defects_site, "/sujets/")
    jumps = re.findall(r'<a href="#lettre-([A-Z])">\1</a>', page)
    headings = re.findall(r'<h2 id="lettre-([A-Z])">\1</h2>', page)
    assert jumps == headings and len(headings) >= 5 and headings == sorted(headings)
    section_e = page[page.index('id="lettre-E"') : page.index('id="lettre-F"')]
    assert "/sujets/etats-unis/" in section_e  # États-Unis under E, not after Z
    assert page.count('aria-hidden="true">') >= 26 - len(headings)  # letters with no topic


def french_env() -> Environment:
    env = Environment(loader=FileSystemLoader(REPO / "theme" / "templates"))
    env.add_extension(i18n.JINJA_I18N)
    env.install_gettext_translations(  # type: ignore[attr-defined]
        i18n.load_translations(REPO / "theme", "fr"), newstyle=True
    )
    config = load_config(REPO / "pelicanconf.py")
    theme.install(env, config.pelican, config.chronique)
    plugin.add_template_filters(SimpleNamespace(env=env, settings=config.pelican))
    return env


@pytest.mark.parametrize(
    ("count", "shown"),
    [(1, "1 article"), (999, "999 articles"), (2000, f"2{NNBSP}000 articles"),
     (1251, f"1{NNBSP}251 articles"), (100000, f"100{NNBSP}000 articles")],
)  # fmt: skip
def test_counts_carry_the_french_thousands_separator(count: int, shown: str) -> None:
    macros = french_env().get_template("_macros.html").module
    assert str(macros.article_count(count)).strip() == shown  # type: ignore[attr-defined]


def test_every_printed_count_goes_through_the_number_filter() -> None:
    """A count printed raw ('{{ x|length }}', '{{ entry.count }}') would lose the separator."""
    raw = re.compile(r"\{\{[^}]*(\|length|\.count|\.shared)\s*\}\}")
    found = [
        f"{path.name}: {match.group(0)}"
        for path in sorted((REPO / "theme" / "templates").glob("*.html"))
        for match in raw.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def news_article(text: str) -> dict[str, object]:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    assert match
    data = json.loads(match.group(1))
    assert isinstance(data, dict)
    return data


def test_the_news_article_has_an_image_and_the_publisher_a_logo(defects_site: SiteCopy) -> None:
    data = news_article(html(defects_site, "/2024/06/sans-source/"))
    (image,) = data["image"]  # type: ignore[misc]
    assert image == "/2024/06/sans-source/carte-sociale.png"  # no photo: its social card
    assert (defects_site.output / image.strip("/")).is_file()
    logo = data["publisher"]["logo"]  # type: ignore[index]
    assert logo["@type"] == "ImageObject"
    assert (defects_site.output / logo["url"].strip("/")).is_file()
