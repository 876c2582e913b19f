"""Issue 18, acceptance 2: a reader narrows a search by section and year, sorts it by date and
opens a result, in headless Chromium, on an archive of several sections and years."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.conftest import serving
from tests.conftest import copy_site

pytestmark = pytest.mark.browser

WORD = "barrage"
MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
#: (slug, section, date, title): every one of these articles speaks of a dam.
DAM_ARTICLES = [
    ("barrage-mekong", "Monde", "2019-03-04", "Sur le Mékong, un barrage de plus"),
    ("barrage-nil", "Monde", "2021-06-11", "Le grand barrage du Nil divise toujours"),
    ("barrage-turbines", "Économie", "2019-09-20", "Les turbines du barrage vendues"),
    ("barrage-tarifs", "Économie", "2021-02-02", "Le prix de l’électricité du barrage"),
    ("barrage-emprunt", "Économie", "2021-11-30", "Un emprunt pour rénover le barrage"),
    ("barrage-concession", "Économie", "2023-05-17", "La concession du barrage remise en jeu"),
    ("barrage-film", "Culture", "2021-08-08", "Un film tourné au pied du barrage"),
    ("barrage-photos", "Culture", "2023-01-15", "Photographier un barrage la nuit"),
]
OTHER_ARTICLES = [
    ("vendanges", "Économie", "2021-09-01", "Les vendanges commencent tôt"),
    ("festival", "Culture", "2019-07-14", "Un festival sous la pluie"),
]


def article_text(slug: str, section: str, day: str, title: str) -> str:
    subject = f"le {WORD} de la vallée" if slug.startswith(WORD) else "la saison"
    return f"""---
title: '{title}'
date: {day}T09:30:00+01:00
category: {section}
lang: fr
slug: {slug}
summary: Un article sur {subject}.
---

Les habitants de la vallée parlent de {subject} depuis des mois. Les élus ont tenu une
réunion publique mardi soir, et chacun a pu poser ses questions.

Les travaux doivent reprendre au printemps, selon la préfecture.
"""


@dataclass
class SearchSite:
    base: str
    urls: dict[str, str]

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture(scope="module")
def search_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchSite]:
    from chronique.site.build import build_site

    site = copy_site(tmp_path_factory.mktemp("search-site"))
    site.index_search()
    for slug, section, day, title in DAM_ARTICLES + OTHER_ARTICLES:
        year, month = day.split("-")[:2]
        site.write_article(f"{year}/{month}/{slug}.md", article_text(slug, section, day, title))
    build_site(site.settings, site.output)
    urls = {
        slug: "/{}/{}/{}/".format(*day.split("-")[:2], slug)
        for slug, _, day, _ in DAM_ARTICLES + OTHER_ARTICLES
    }
    with serving(site.output) as base:
        yield SearchSite(base, urls)


def shown_results(page: Any) -> list[tuple[str, str, str]]:
    """(address, section, date) of every result on the page."""
    rows = page.eval_on_selector_all(
        ".search-result",
        """items => items.map(item => [
            item.querySelector('.search-result-title a').getAttribute('href'),
            item.querySelector('.search-result-meta').textContent])""",
    )
    results = []
    for href, meta in rows:
        section, _, date = meta.partition(" · ")
        results.append((href, section, date))
    return results


def as_iso(french_date: str) -> str:
    day, month, year = french_date.split()
    return f"{year}-{MONTHS.split().index(month) + 1:02d}-{int(day.removesuffix('er')):02d}"


def wait_for_count(page: Any, count: int) -> None:
    page.wait_for_function(
        "n => document.querySelectorAll('.search-result').length === n", arg=count
    )


def test_type_filter_sort_and_open_a_result(search_site: SearchSite, open_page: Any) -> None:
    page = open_page()
    page.goto(search_site.url("/"))
    page.fill("#recherche-entete", WORD)
    page.press("#recherche-entete", "Enter")
    page.wait_for_url(re.compile(r"/recherche/\?q=barrage$"))
    wait_for_count(page, len(DAM_ARTICLES))
    assert page.locator("#recherche-etat").inner_text() == "8 articles"
    expected = {search_site.urls[slug]: (section, day) for slug, section, day, _ in DAM_ARTICLES}
    results = shown_results(page)
    assert {href: (section, as_iso(date)) for href, section, date in results} == expected

    page.check("label:has-text('Économie') input")
    wait_for_count(page, 4)
    page.check("label:has-text('2021') input")
    wait_for_count(page, 2)
    assert {href for href, _, _ in shown_results(page)} == {
        search_site.urls["barrage-tarifs"],
        search_site.urls["barrage-emprunt"],
    }

    page.uncheck("label:has-text('2021') input")
    page.select_option("#recherche-tri", "recent")
    wait_for_count(page, 4)
    page.wait_for_function("() => new URLSearchParams(location.search).get('tri') === 'recent'")
    dates = [as_iso(date) for _, _, date in shown_results(page)]
    assert dates == ["2023-05-17", "2021-11-30", "2021-02-02", "2019-09-20"]
    page.select_option("#recherche-tri", "ancien")
    page.wait_for_function(
        "() => document.querySelector('.search-result-meta')?.textContent.endsWith('2019')"
    )
    assert [as_iso(date) for _, _, date in shown_results(page)] == sorted(dates)

    query = parse_qs(urlparse(page.url).query)
    assert query == {"q": [WORD], "rubrique": ["Économie"], "tri": ["ancien"]}
    page.reload()
    wait_for_count(page, 4)
    assert page.is_checked("label:has-text('Économie') input")
    assert page.input_value("#recherche-tri") == "ancien"

    page.click(".search-result-title a >> nth=0")
    page.wait_for_url(search_site.url(search_site.urls["barrage-turbines"]))
    assert page.locator("h1").inner_text() == "Les turbines du barrage vendues"
    assert page.errors == []


def test_a_filter_without_words_lists_a_whole_section(
    search_site: SearchSite, open_page: Any
) -> None:
    page = open_page()
    page.goto(search_site.url("/recherche/?rubrique=Culture&tri=recent"))
    wait_for_count(page, 3)
    assert [(section, as_iso(date)) for _, section, date in shown_results(page)] == [
        ("Culture", "2023-01-15"),
        ("Culture", "2021-08-08"),
        ("Culture", "2019-07-14"),
    ]


def test_the_header_field_needs_no_script(search_site: SearchSite, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(search_site.url(search_site.urls["festival"]))
        page.fill("#recherche-entete", WORD)
        page.press("#recherche-entete", "Enter")
        page.wait_for_url(re.compile(r"/recherche/\?q=barrage$"))
        assert "JavaScript" in page.locator("main").inner_text()
    finally:
        context.close()


def test_filters_list_every_section_and_year_with_counts(
    search_site: SearchSite, open_page: Any
) -> None:
    page = open_page()
    page.goto(search_site.url("/recherche/"))
    page.wait_for_selector(".search-options", state="visible")
    labels = page.eval_on_selector_all(
        ".search-filter label", "labels => labels.map(l => l.textContent.trim())"
    )
    assert labels == [
        "Culture (3)",
        "Économie (5)",
        "Monde (3)",
        "2025 (1)",
        "2023 (2)",
        "2021 (5)",
        "2019 (3)",
    ]
