"""Issue 5: every feed parses, validates strictly, resolves, and reaches a real feed reader."""

from __future__ import annotations

import email.utils
import os
import shutil
import socket
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from datetime import datetime
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import feedparser
import pytest
from lxml import etree

from chronique.build import build_site
from chronique.frontmatter import dump_front_matter
from tests.conftest import SiteCopy

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE_TITLE = 'Fuites & fausses « nouvelles » <script> "citées" 🚀 \x07 à Kyiv'


def article(
    slug: str, day: int, category: str, tags: list[str], title: str, **extra: object
) -> str:
    meta = {
        "title": title,
        "date": f"2025-02-{day:02d}T08:30:00+01:00",
        "category": category,
        "tags": tags,
        "lang": "fr",
        "slug": slug,
        **extra,
    }
    body = "Un texte avec & et <b>gras</b>, un [lien](/2025/03/) et ![carte](/images/carte.png).\n"
    return dump_front_matter(meta, body)


def add_articles(site: SiteCopy) -> None:
    site.write_article(
        "2025/02/fuites.md",
        article("fuites", 1, "Monde", ["Ukraine", "Russie"], "Fuites", summary=HOSTILE_TITLE),
    )
    site.write_article(
        "2025/02/sans-resume.md",
        article("sans-resume", 2, "France", ["Emmanuel Macron"], "Sans résumé"),
    )
    site.write_article(
        "2025/02/titre-hostile.md",
        article("titre-hostile", 3, "Monde", ["Ukraine"], "Titre", authors=["Jeanne Martin"]),
    )
    path = site.content / "articles/2025/02/titre-hostile.md"
    text = path.read_text(encoding="utf-8").replace("title: Titre", f"title: {HOSTILE_TITLE!r}")
    path.write_text(text.replace("'\\x07", "'").replace("\\x07", ""), encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")


@pytest.fixture
def feed_site(site: SiteCopy) -> SiteCopy:
    add_articles(site)
    build_site(site.settings)
    return site


def feeds(output: Path) -> list[Path]:
    return sorted([*output.rglob("rss.xml"), *output.rglob("atom.xml")])


def local_path(output: Path, url: str) -> Path:
    path = urlparse(url).path.lstrip("/")
    target = output / path
    return target / "index.html" if url.endswith("/") else target


def expected_count(site: SiteCopy, feed: Path) -> int:
    """Articles of the subject the feed follows, counted from the built pages' own links."""
    folder = feed.parent.relative_to(site.output)
    page = (
        site.output / "index.html" if str(folder) == "flux" else site.output / folder / "index.html"
    )
    if str(folder) == "flux":
        return len(list(site.output.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html")))
    html = page.read_text(encoding="utf-8")
    return html.count('<li><article class="teaser')


def test_every_feed_parses_with_matching_counts(feed_site: SiteCopy) -> None:
    paths = feeds(feed_site.output)
    assert len(paths) >= 2 * (1 + 2 + 4)  # site, two sections, several topics
    for path in paths:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert len(parsed.entries) == expected_count(feed_site, path), path
        for entry in parsed.entries:
            assert local_path(feed_site.output, entry.link).is_file(), entry.link
            published = entry.get("published") or entry.get("updated")
            assert published and ("+01:00" in published or "+0100" in published), published


def test_hostile_text_stays_valid_and_readable(feed_site: SiteCopy) -> None:
    parsed = feedparser.parse((feed_site.output / "flux/atom.xml").read_bytes())
    titles = [entry.title for entry in parsed.entries]
    assert 'Fuites & fausses « nouvelles » <script> "citées" 🚀  à Kyiv' in titles
    entry = next(e for e in parsed.entries if e.link.endswith("/titre-hostile/"))
    assert entry.author == "Jeanne Martin"
    html = entry.content[0].value
    assert 'href="http://127.0.0.1:8000/2025/03/"' in html
    assert 'src="http://127.0.0.1:8000/images/carte.png"' in html
    no_summary = next(e for e in parsed.entries if e.link.endswith("/sans-resume/"))
    assert "summary" not in no_summary or not no_summary.summary.startswith("Les")


def _rfc822(text: str) -> datetime:
    parsed = email.utils.parsedate_to_datetime(text)
    assert parsed.tzinfo is not None, text
    return parsed


def validate_rss(root: etree._Element) -> list[str]:
    channel = root.find("channel")
    problems = [
        f"channel lacks {t}"
        for t in ("title", "link", "description")
        if channel.findtext(t) is None
    ]
    if channel.find(f"{ATOM}link[@rel='self']") is None:
        problems.append("channel lacks atom:link rel=self")
    guids = [item.findtext("guid") for item in channel.iter("item")]
    for item in channel.iter("item"):
        if not item.findtext("guid") or not item.findtext("title") or not item.findtext("link"):
            problems.append("item lacks guid, title or link")
        _rfc822(item.findtext("pubDate") or "")
        if not item.findtext("link", "").startswith("http"):
            problems.append(f"relative item link {item.findtext('link')}")
    _rfc822(channel.findtext("lastBuildDate") or "")
    if len(guids) != len(set(guids)):
        problems.append("duplicate guids")
    return problems


def validate_atom(root: etree._Element) -> list[str]:
    problems = [
        f"feed lacks {t}" for t in ("id", "title", "updated") if root.findtext(f"{ATOM}{t}") is None
    ]
    if root.find(f"{ATOM}author/{ATOM}name") is None:
        problems.append("feed lacks author")
    if root.find(f"{ATOM}link[@rel='self']") is None:
        problems.append("feed lacks link rel=self")
    ids = []
    for entry in root.iter(f"{ATOM}entry"):
        ids.append(entry.findtext(f"{ATOM}id"))
        for tag in ("id", "title", "updated", "published"):
            if not entry.findtext(f"{ATOM}{tag}"):
                problems.append(f"entry lacks {tag}")
        datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        href = entry.find(f"{ATOM}link").get("href")
        if not href.startswith("http"):
            problems.append(f"relative entry link {href}")
    if len(ids) != len(set(ids)) or not all(i.startswith("tag:") for i in ids):
        problems.append("entry ids not unique tag: URIs")
    return problems


def test_every_feed_passes_the_strict_validator(feed_site: SiteCopy) -> None:
    for path in feeds(feed_site.output):
        root = etree.fromstring(path.read_bytes())
        problems = validate_rss(root) if path.name == "rss.xml" else validate_atom(root)
        assert problems == [], (path, problems)


def test_pages_announce_their_feeds(feed_site: SiteCopy) -> None:
    pages = {
        "index.html": "/flux/",
        "rubriques/monde/index.html": "/rubriques/monde/",
        "sujets/ukraine/index.html": "/sujets/ukraine/",
        "2025/02/fuites/index.html": "/flux/",
    }
    for page, folder in pages.items():
        html = (feed_site.output / page).read_text(encoding="utf-8")
        for kind, name in (("rss", "rss.xml"), ("atom", "atom.xml")):
            link = f'<link rel="alternate" type="application/{kind}+xml"'
            assert link in html and f'href="{folder}{name}"' in html, (page, kind)


def test_feed_limit_is_a_setting(site: SiteCopy) -> None:
    add_articles(site)
    with site.settings.open("a", encoding="utf-8") as settings:
        settings.write("\nCHRONIQUE_FEED_LIMIT = 2\n")
    build_site(site.settings)
    assert len(feedparser.parse((site.output / "flux/rss.xml").read_bytes()).entries) == 2


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def served(site: SiteCopy) -> Iterator[tuple[SiteCopy, int]]:
    port = free_port()
    with site.settings.open("a", encoding="utf-8") as settings:
        settings.write(f'\nFEED_DOMAIN = "http://127.0.0.1:{port}"\n')
    build_site(site.settings)
    handler = partial(SimpleHTTPRequestHandler, directory=str(site.output))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site, port
    server.shutdown()
    server.server_close()


def test_newsboat_subscribes_and_lists_the_seed(
    served: tuple[SiteCopy, int], tmp_path: Path
) -> None:
    if shutil.which("newsboat") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("newsboat is not installed: .ci/run installs it with apt-get")
        pytest.skip("newsboat is not installed (apt-get install newsboat)")
    _, port = served
    urls = tmp_path / "urls"
    urls.write_text(
        f"http://127.0.0.1:{port}/flux/rss.xml\nhttp://127.0.0.1:{port}/sujets/ukraine/atom.xml\n"
    )
    cache, config = tmp_path / "cache.db", tmp_path / "config"
    config.write_text("")
    command = ["newsboat", "-u", str(urls), "-c", str(cache), "-C", str(config), "-x", "reload"]
    env = {**os.environ, "HOME": str(tmp_path), "TERM": "dumb"}
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(cache) as db:
        subscribed = dict(db.execute("SELECT rssurl, title FROM rss_feed").fetchall())
        items = [title for (title,) in db.execute("SELECT title FROM rss_item")]
    assert sorted(subscribed.values()) == ["Chronique", "Chronique — Ukraine"]
    # One entry id for the seed in both feeds, so the reader lists it once.
    seed = "Conflit en Ukraine : la Russie reprend des villages"
    assert sum(title.startswith(seed) for title in items) == 1, items
