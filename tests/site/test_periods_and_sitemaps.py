"""Issue 18: browsing by date (year, month and day pages) and sitemaps that scale.

One site is built for the module: the repository's content plus articles written on
chosen dates, so that some months and one year are empty, one day holds more than a
page of articles, and with a low ``CHRONIQUE_SITEMAP_MAX_URLS`` a year's sitemap splits.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from lxml import etree

from chronique.content.frontmatter import dump_front_matter
from chronique.content.model import ArticleMeta
from chronique.site.build import build_site
from chronique.site.sitemap import SitemapEntry, split_to_limits
from chronique.site.theme import page_numbers
from tests.conftest import SiteCopy, copy_site

SITEURL = "https://chronique.example.org"
MAX_URLS = 20
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SCHEMAS = Path(__file__).parent / "schemas"
PARIS = timezone(timedelta(hours=2))
#: 45 articles on 3 May 2019 (three pages of 20), one in January, one in September; none in
#: 2020; one in February 2021.
BUSY_DAY = datetime(2019, 5, 3, 6, 0, tzinfo=PARIS)
LONE_DATES = [
    datetime(2019, 1, 10, 9, 0, tzinfo=timezone(timedelta(hours=1))),
    datetime(2019, 9, 20, 9, 0, tzinfo=PARIS),
    datetime(2021, 2, 1, 9, 0, tzinfo=timezone(timedelta(hours=1))),
]


def write_article(site: SiteCopy, slug: str, when: datetime) -> None:
    meta = ArticleMeta(
        title=f"Article {slug}", date=when, category="Monde", slug=slug, summary="Un résumé."
    )
    site.write_article(
        str(meta.relative_file), dump_front_matter(meta.to_front_matter(), "Un texte.")
    )


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory: pytest.TempPathFactory) -> SiteCopy:
    site = copy_site(tmp_path_factory.mktemp("dated"))
    for number in range(45):
        write_article(site, f"jour-charge-{number:02d}", BUSY_DAY + timedelta(minutes=number))
    for when in LONE_DATES:
        write_article(site, f"seul-{when:%Y-%m}", when)
    with site.settings.open("a", encoding="utf-8") as settings:
        settings.write(f"\nSITEURL = {SITEURL!r}\nCHRONIQUE_SITEMAP_MAX_URLS = {MAX_URLS}\n")
    build_site(site.settings, site.output)
    return site


def page(site: SiteCopy, path: str) -> str:
    return (site.output / path.strip("/") / "index.html").read_text(encoding="utf-8")


def links(html: str) -> list[str]:
    return [href.removeprefix(SITEURL) for href in re.findall(r'href="([^"]+)"', html)]


def neighbour_links(html: str) -> dict[str, str]:
    """The older and newer period links of a period page."""
    nav = re.search(r'<nav class="period-neighbours".*?</nav>', html, re.S)
    if not nav:
        return {}
    found = re.findall(r'class="neighbour-(older|newer)" href="([^"]+)"', nav.group(0))
    return {kind: href.removeprefix(SITEURL) for kind, href in found}


# ---- Year, month and day pages ------------------------------------------------------------


def test_day_pages_exist_and_list_their_articles(dated_site: SiteCopy) -> None:
    html = page(dated_site, "/2019/09/20/")
    assert "<h1>20 septembre 2019</h1>" in html
    assert "/2019/09/seul-2019-09/" in links(html)
    assert "1 article" in html


def test_a_busy_day_is_paginated_by_twenty_with_numbered_pages(dated_site: SiteCopy) -> None:
    first, second, third = (
        page(dated_site, path)
        for path in ("/2019/05/03/", "/2019/05/03/page/2/", "/2019/05/03/page/3/")
    )
    assert not (dated_site.output / "2019/05/03/page/4").exists()
    listed = [
        re.findall(r'href="[^"]*/(jour-charge-\d+)/"', html) for html in (first, second, third)
    ]
    assert [len(items) for items in listed] == [20, 20, 5]
    assert len({slug for items in listed for slug in items}) == 45
    assert listed[0][0] == "jour-charge-44"  # newest first
    for number, html in enumerate((first, second, third), start=1):
        pages = re.search(r'<ol class="pagination-pages".*?</ol>', html, re.S)
        assert pages, f"no numbered pages on page {number}"
        numbered = re.findall(r'<a href="([^"]+)"[^>]*>(\d+)</a>', pages.group(0))
        assert [text for _, text in numbered] == ["1", "2", "3"]
        assert numbered[0][0] == f"{SITEURL}/2019/05/03/"
        assert numbered[2][0] == f"{SITEURL}/2019/05/03/page/3/"
        current = re.findall(r'aria-current="page">(\d+)<', pages.group(0))
        assert current == [str(number)]
    assert 'rel="next"' in first and 'rel="prev"' not in first
    assert 'rel="prev"' in third and 'rel="next"' not in third


def test_month_pages_link_to_the_nearest_months_with_articles(dated_site: SiteCopy) -> None:
    may = page(dated_site, "/2019/05/")
    assert neighbour_links(may) == {"older": "/2019/01/", "newer": "/2019/09/"}
    assert not (dated_site.output / "2019/02").exists()
    september = page(dated_site, "/2019/09/")
    assert neighbour_links(september)["newer"] == "/2021/02/"  # the empty 2020 is skipped


def test_year_pages_skip_empty_years_and_are_paginated(dated_site: SiteCopy) -> None:
    assert neighbour_links(page(dated_site, "/2019/"))["newer"] == "/2021/"
    assert neighbour_links(page(dated_site, "/2021/"))["older"] == "/2019/"
    assert not (dated_site.output / "2020").exists()
    year = page(dated_site, "/2019/")
    assert "47 articles" in year
    assert (dated_site.output / "2019/page/3/index.html").is_file()


def test_the_year_page_has_a_grid_of_its_twelve_months(dated_site: SiteCopy) -> None:
    year = page(dated_site, "/2019/")
    grid = re.search(r'<nav class="period-grid month-grid".*?</nav>', year, re.S)
    assert grid
    cells = re.findall(r"<li>(.*?)</li>", grid.group(0), re.S)
    assert len(cells) == 12
    linked = re.findall(r'href="([^"]+)"', grid.group(0))
    assert [href.removeprefix(SITEURL) for href in linked] == [
        "/2019/01/",
        "/2019/05/",
        "/2019/09/",
    ]
    assert "février" in cells[1] and "0 article" in cells[1]


def test_the_month_page_lists_its_days(dated_site: SiteCopy) -> None:
    may = page(dated_site, "/2019/05/")
    grid = re.search(r'<nav class="period-grid day-grid".*?</nav>', may, re.S)
    assert grid
    assert links(grid.group(0)) == ["/2019/05/03/"]
    assert "45 articles" in grid.group(0)


def test_page_numbers_keep_first_last_and_a_window() -> None:
    assert page_numbers(1, 1) == [1]
    assert page_numbers(1, 10) == [1, 2, 3, None, 10]
    assert page_numbers(30, 63) == [1, None, 28, 29, 30, 31, 32, None, 63]
    assert page_numbers(4, 10) == [1, 2, 3, 4, 5, 6, None, 10]


# ---- Sitemaps -----------------------------------------------------------------------------


def sitemap_locations(site: SiteCopy) -> dict[str, list[str]]:
    """Each sitemap the index names (file name) and the URLs it lists."""
    index = etree.parse(str(site.output / "sitemap.xml"))
    files = [
        loc.removeprefix(f"{SITEURL}/") for loc in index.xpath("//s:loc/text()", namespaces=NS)
    ]
    return {
        name: etree.parse(str(site.output / name)).xpath("//s:loc/text()", namespaces=NS)
        for name in files
    }


def test_the_sitemap_index_names_one_sitemap_per_year_split_at_the_limit(
    dated_site: SiteCopy,
) -> None:
    sitemaps = sitemap_locations(dated_site)
    year_files = [name for name in sitemaps if name != "sitemap-pages.xml" and "pages" not in name]
    assert year_files == [
        "sitemap-2019.xml",
        "sitemap-2019-2.xml",
        "sitemap-2019-3.xml",
        "sitemap-2021.xml",
        "sitemap-2025.xml",
    ]
    assert all(len(urls) <= MAX_URLS for urls in sitemaps.values())
    in_2019 = [url for name in year_files[:3] for url in sitemaps[name]]
    assert len(in_2019) == len(set(in_2019)) == 47
    assert all(url.startswith(f"{SITEURL}/2019/") for url in in_2019)


def test_every_page_and_no_later_listing_page_is_in_a_sitemap(dated_site: SiteCopy) -> None:
    listed = {url for urls in sitemap_locations(dated_site).values() for url in urls}
    for path in (
        "/",
        "/2019/",
        "/2019/05/",
        "/2019/05/03/",
        "/archives/",
        "/sujets/",
        "/rubriques/monde/",
        "/a-propos/",
    ):
        assert f"{SITEURL}{path}" in listed, path
    assert f"{SITEURL}/2019/09/seul-2019-09/" in listed
    assert not [url for url in listed if "/page/" in url]
    assert f"{SITEURL}/404.html" not in listed


def test_every_sitemap_is_valid_against_the_protocols_schemas(dated_site: SiteCopy) -> None:
    urlset = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap.xsd")))
    siteindex = etree.XMLSchema(etree.parse(str(SCHEMAS / "siteindex.xsd")))
    index = etree.parse(str(dated_site.output / "sitemap.xml"))
    siteindex.assertValid(index)
    for name in sitemap_locations(dated_site):
        urlset.assertValid(etree.parse(str(dated_site.output / name)))
    lastmods = index.xpath(
        "//s:sitemap[s:loc='" + SITEURL + "/sitemap-2021.xml']/s:lastmod/text()", namespaces=NS
    )
    assert lastmods == ["2021-02-01T09:00:00+01:00"]


def test_the_schemas_refuse_what_the_protocol_refuses() -> None:
    urlset = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap.xsd")))
    relative = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/a/</loc></url></urlset>'
    bad_date = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>'
        b"<loc>https://example.org/a/</loc><lastmod>15/03/2025</lastmod></url></urlset>"
    )
    assert not urlset.validate(etree.fromstring(relative))
    assert not urlset.validate(etree.fromstring(bad_date))


def test_split_keeps_every_file_under_the_byte_limit() -> None:
    entries = [SitemapEntry(f"https://example.org/{n:04d}/{'x' * 200}/") for n in range(100)]
    runs = split_to_limits(entries, max_urls=50, max_bytes=8_000)
    assert [e for run in runs for e in run] == entries
    assert all(len(run) <= 50 for run in runs) and len(runs) > 2
    with pytest.raises(ValueError, match="CHRONIQUE_SITEMAP_MAX_BYTES"):
        split_to_limits(entries, max_urls=50, max_bytes=100)


def test_sitemaps_are_the_same_in_two_builds(dated_site: SiteCopy, tmp_path: Path) -> None:
    before = {p.name: p.read_bytes() for p in dated_site.output.glob("sitemap*.xml")}
    build_site(dated_site.settings, tmp_path / "again")
    after = {p.name: p.read_bytes() for p in (tmp_path / "again").glob("sitemap*.xml")}
    assert before == after
