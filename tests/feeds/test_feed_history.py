"""Issue 18, acceptance 3: feed history (RFC 5005 archived feeds) and bulk subscription.

A reader walks ``prev-archive`` from a live feed back to the first article and meets every
article of the feed exactly once, through one document a year for a topic and one a month
for the site and a section; past periods' documents do not change when the newest gets an
article; newsboat imports the OPML list and follows every feed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import feedparser
import pytest
from lxml import etree
from PIL import Image

from chronique.settings import SettingsError
from chronique.site.build import build_site
from chronique.site.feeds import icon_size
from tests.conftest import REPO, SiteCopy, copy_site
from tests.feeds.helpers import (
    ATOM,
    add_hostile_articles,
    archive_files,
    article_meta,
    expected_feeds,
    feed_files,
    front_matter,
    local_file,
    newsboat,
    parse_xml,
    set_settings,
    source_articles,
)
from tests.feeds.validator import HISTORY, validate

BASE = "http://127.0.0.1:8000"
LIMIT, FULL_TEXT = 3, 1
OPML = "flux/abonnements.opml"
#: Months of the extra Ukraine articles: a gap (2024-01, 2024-02) and a month the
#: hostile articles share (2024-06), before the seed's 2025-03.
EXTRA_MONTHS = ("2023-11", "2023-12", "2024-03", "2024-06", "2024-09")


def add_history_articles(site: SiteCopy) -> None:
    """Hostile articles, plus three a month over EXTRA_MONTHS in Monde about Ukraine."""
    add_hostile_articles(site)
    for month in EXTRA_MONTHS:
        for day in (3, 14, 25):
            slug = f"histoire-{month}-{day:02d}"
            meta = article_meta(
                slug,
                f"{month}-{day:02d}T09:00:00+01:00",
                "Monde",
                ["Ukraine"],
                summary=f"Le chapô de {slug}.",
            )
            site.write_article(f"{month[:4]}/{month[5:]}/{slug}.md", front_matter(meta, "Corps.\n"))


@pytest.fixture(scope="module")
def history_site(tmp_path_factory: pytest.TempPathFactory) -> SiteCopy:
    site = copy_site(tmp_path_factory.mktemp("history"))
    add_history_articles(site)
    set_settings(
        site,
        CHRONIQUE_FEED_LIMIT=LIMIT,
        CHRONIQUE_FEED_FULL_TEXT=FULL_TEXT,
    )
    build_site(site.settings, site.output)
    return site


@dataclass(frozen=True)
class Document:
    url: str
    parsed: feedparser.FeedParserDict
    root: etree._Element

    def link(self, rel: str) -> str | None:
        hrefs = [link.href for link in self.parsed.feed.links if link.rel == rel]
        assert len(hrefs) <= 1, (self.url, rel, hrefs)
        return hrefs[0] if hrefs else None

    @property
    def entry_links(self) -> list[str]:
        return [entry.link for entry in self.parsed.entries]

    @property
    def is_archive(self) -> bool:
        return self.root.find(f"{HISTORY}archive") is not None


def fetch(site: SiteCopy, url: str) -> Document:
    """The document served at *url*, checked by feedparser (bozo 0) and the validator."""
    data = local_file(site.output, url).read_bytes()
    parsed = feedparser.parse(data)
    assert not parsed.bozo, (url, parsed.get("bozo_exception"))
    assert validate(data, url) == [], url
    return Document(url, parsed, etree.fromstring(data))


def walk(site: SiteCopy, start: str, rel: str) -> list[Document]:
    """Every document from *start* on, following *rel* links as a reader does."""
    documents: list[Document] = []
    url: str | None = start
    while url is not None:
        assert url not in [d.url for d in documents], f"{rel} loop at {url}"
        documents.append(fetch(site, url))
        url = documents[-1].link(rel)
    return documents


def archive_periods(dates: list[datetime], by_year: bool) -> list[str]:
    """The archive documents' names, newest first: years or months."""
    return sorted({f"{d:%Y}" if by_year else f"{d:%Y-%m}" for d in dates}, reverse=True)


@pytest.mark.parametrize("folder", ["sujets/ukraine", "rubriques/monde", "flux"])
def test_prev_archive_leads_back_to_the_first_article_and_every_one_once(
    history_site: SiteCopy, folder: str
) -> None:
    articles = expected_feeds(source_articles(history_site))[folder]
    assert len(articles) > 3 * LIMIT
    live_url = f"{BASE}/{folder}/atom.xml"
    live, *archives = walk(history_site, live_url, "prev-archive")
    assert not live.is_archive
    assert live.entry_links == [f"{BASE}{a.url_path}" for a in articles[:LIMIT]]
    archived = Counter(link for document in archives for link in document.entry_links)
    assert archived == Counter(f"{BASE}{a.url_path}" for a in articles)  # each exactly once
    assert archives[-1].entry_links[-1] == f"{BASE}{articles[-1].url_path}"  # the first article
    periods = archive_periods([a.date for a in articles], folder.startswith("sujets/"))
    assert [d.url for d in archives] == [f"{BASE}/{folder}/archives/{p}.xml" for p in periods]
    for document in archives:
        assert document.is_archive, document.url
        assert document.link("current") == live_url
    back = walk(history_site, archives[-1].url, "next-archive")
    assert [d.url for d in back] == [d.url for d in reversed(archives)]


def test_an_archive_year_holds_its_articles_newest_first_and_is_named_by_it(
    history_site: SiteCopy,
) -> None:
    year = fetch(history_site, f"{BASE}/sujets/ukraine/archives/2023.xml")
    assert year.entry_links == [
        f"{BASE}/2023/{month}/histoire-2023-{month}-{day}/"
        for month in ("12", "11")
        for day in ("25", "14", "03")
    ]
    assert year.parsed.feed.title == "Chronique — Ukraine — 2023"
    assert year.parsed.feed.updated.startswith("2023-12-25T09:00:00")
    assert not (history_site.output / "sujets/ukraine/archives/2023-12.xml").exists()
    assert year.link("next-archive") == f"{BASE}/sujets/ukraine/archives/2024.xml"


def test_a_section_has_a_document_a_month_each_named_by_it(history_site: SiteCopy) -> None:
    month = fetch(history_site, f"{BASE}/rubriques/monde/archives/2024-03.xml")
    assert month.entry_links == [
        f"{BASE}/2024/03/histoire-2024-03-{day}/" for day in ("25", "14", "03")
    ]
    assert month.parsed.feed.title.endswith(" — mars 2024")
    # No archive for a month without articles: 2024-01 and 2024-02 are skipped both ways.
    assert not (history_site.output / "rubriques/monde/archives/2024-01.xml").exists()
    assert not (history_site.output / "rubriques/monde/archives/2024.xml").exists()
    assert month.link("prev-archive") == f"{BASE}/rubriques/monde/archives/2023-12.xml"
    assert month.link("next-archive") == f"{BASE}/rubriques/monde/archives/2024-06.xml"


def test_full_text_for_the_newest_entries_the_standfirst_for_the_rest(
    history_site: SiteCopy,
) -> None:
    """CHRONIQUE_FEED_FULL_TEXT: content only for the newest; archives carry standfirsts,
    except for an article that has none (its full text, never a made-up excerpt)."""
    live = parse_xml(history_site.output / "sujets/russie/atom.xml")
    has_content = [e.find(f"{ATOM}content") is not None for e in live.iter(f"{ATOM}entry")]
    newest = expected_feeds(source_articles(history_site))["sujets/russie"][:LIMIT]
    assert has_content == [i < FULL_TEXT or not a.meta.get("summary") for i, a in enumerate(newest)]
    assert False in has_content
    for path in archive_files(history_site.output):
        for entry in parse_xml(path).iter(f"{ATOM}entry"):
            summary = entry.find(f"{ATOM}summary") is not None
            content = entry.find(f"{ATOM}content") is not None
            assert summary != content, (path, entry.findtext(f"{ATOM}id"))
    (no_standfirst,) = [
        e
        for e in parse_xml(history_site.output / "flux/archives/2025-02.xml").iter(f"{ATOM}entry")
        if e.findtext(f"{ATOM}id").endswith(":sans-resume")
    ]
    assert no_standfirst.find(f"{ATOM}content") is not None


def digests(paths: list[Path], output: Path) -> dict[str, str]:
    return {
        str(path.relative_to(output)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in paths
    }


def test_past_periods_do_not_change_when_the_newest_gets_an_article(site: SiteCopy) -> None:
    add_history_articles(site)
    build_site(site.settings)
    before = digests(archive_files(site.output), site.output)
    meta = article_meta("nouvelle-de-mars", "2025-03-20T10:00:00+01:00", "Monde", ["Ukraine"])
    site.write_article("2025/03/nouvelle-de-mars.md", front_matter(meta, "Corps.\n"))
    build_site(site.settings)
    after = digests(archive_files(site.output), site.output)
    assert after.keys() == before.keys()
    changed = {path for path in after if after[path] != before[path]}
    assert changed == {
        "flux/archives/2025-03.xml",
        "rubriques/monde/archives/2025-03.xml",
        "sujets/ukraine/archives/2025.xml",
    }


def opml_feeds(path: Path) -> dict[str, str]:
    """xmlUrl → title of every feed outline of an OPML file."""
    root = etree.parse(str(path)).getroot()
    return {o.get("xmlUrl"): o.get("title") for o in root.iter("outline") if o.get("xmlUrl")}


def test_the_opml_list_names_every_live_feed_once(history_site: SiteCopy) -> None:
    assert etree.parse(str(history_site.output / OPML)).getroot().get("version") == "2.0"
    listed = opml_feeds(history_site.output / OPML)
    live_atom = [p for p in feed_files(history_site.output) if p.name == "atom.xml"]
    assert sorted(listed) == sorted(
        f"{BASE}/{p.relative_to(history_site.output)}" for p in live_atom
    )
    assert listed[f"{BASE}/sujets/ukraine/atom.xml"] == "Chronique — Ukraine"
    for url in listed:
        assert local_file(history_site.output, url).is_file(), url


@pytest.mark.feedreader
def test_newsboat_imports_the_opml_list_and_lists_every_feed(
    history_site: SiteCopy, tmp_path: Path
) -> None:
    listed = opml_feeds(history_site.output / OPML)
    env = {**os.environ, "HOME": str(tmp_path), "TERM": "dumb"}
    base = [newsboat(), "-u", "urls", "-c", "cache.db", "-C", "config"]
    (tmp_path / "config").write_text("", encoding="utf-8")
    (tmp_path / "urls").write_text("", encoding="utf-8")
    imported = subprocess.run(
        [*base, "-i", str(history_site.output / OPML)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert imported.returncode == 0, imported.stdout + imported.stderr
    urls = (tmp_path / "urls").read_text(encoding="utf-8").splitlines()
    assert sorted(line.split()[0] for line in urls if line.strip()) == sorted(listed)
    exported = subprocess.run(
        [*base, "-e"], cwd=tmp_path, capture_output=True, timeout=120, env=env, check=False
    )
    assert exported.returncode == 0, exported.stderr
    (tmp_path / "export.opml").write_bytes(exported.stdout)
    assert sorted(opml_feeds(tmp_path / "export.opml")) == sorted(listed)


def test_topics_page_and_footer_link_to_the_opml_list(history_site: SiteCopy) -> None:
    topics = (history_site.output / "sujets/index.html").read_text(encoding="utf-8")
    assert (
        '<link rel="alternate" type="text/x-opml" title="Chronique (OPML)" href="/flux/abonnements.opml">'
        in topics
    )
    assert 'href="/flux/abonnements.opml" type="text/x-opml">S’abonner à tous les flux' in topics
    home = (history_site.output / "index.html").read_text(encoding="utf-8")
    assert 'href="/flux/abonnements.opml" type="text/x-opml">Tous les flux (OPML)</a>' in home


def test_rss_image_and_atom_icon_are_a_real_png(history_site: SiteCopy) -> None:
    for relative in ("flux/rss.xml", "sujets/ukraine/rss.xml"):
        channel = parse_xml(history_site.output / relative).find("channel")
        url = channel.findtext("image/url")
        with Image.open(local_file(history_site.output, url)) as image:
            assert image.format == "PNG"
            assert image.size == (
                int(channel.findtext("image/width")),
                int(channel.findtext("image/height")),
            )
        assert channel.findtext("image/link") == channel.findtext("link")
    atom = parse_xml(history_site.output / "sujets/ukraine/atom.xml")
    for tag in ("icon", "logo"):
        assert local_file(history_site.output, atom.findtext(f"{ATOM}{tag}")).is_file()


def test_an_svg_or_missing_feed_icon_is_an_error_naming_the_setting(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r"CHRONIQUE_FEED_ICON: .*favicon\.svg: not an image"):
        icon_size(REPO / "theme/static/favicon.svg")
    with pytest.raises(SettingsError, match=r"CHRONIQUE_FEED_ICON: .*: no such file"):
        icon_size(tmp_path / "absent.png")
    Image.new("RGB", (600, 300)).save(tmp_path / "large.png")
    with pytest.raises(SettingsError, match="600x300 px"):
        icon_size(tmp_path / "large.png")
