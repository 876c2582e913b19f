"""Issue 5, acceptance 3: Debian's newsboat subscribes to the feeds served on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from chronique.site.build import build_site
from tests.conftest import SiteCopy
from tests.feeds.helpers import (
    HOSTILE_TITLE_CLEAN,
    add_hostile_articles,
    expected_feeds,
    newsboat,
    set_settings,
    source_articles,
)

pytestmark = pytest.mark.feedreader
SEED_TITLE = "Conflit en Ukraine : la Russie reprend des villages dans la région de Koursk"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """No request log on stderr."""


@pytest.fixture
def served(site: SiteCopy) -> Iterator[tuple[SiteCopy, str]]:
    """The site built for, and served at, an ephemeral port of 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    add_hostile_articles(site)
    set_settings(site, FEED_DOMAIN=base)
    build_site(site.settings)
    handler = partial(QuietHandler, directory=str(site.output))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site, base
    finally:
        server.shutdown()
        server.server_close()


def newsboat_run(urls: list[str], home: Path, *actions: str) -> Path:
    """``newsboat -x ACTION…`` with its own urls, config and cache in *home*; the cache."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "urls").write_text("".join(f"{url}\n" for url in urls), encoding="utf-8")
    (home / "config").write_text("", encoding="utf-8")
    command = [newsboat(), "-u", "urls", "-c", "cache.db", "-C", "config"]
    for action in actions:
        command += ["-x", action]
    env = {**os.environ, "HOME": str(home), "TERM": "dumb"}
    result = subprocess.run(
        command, cwd=home, capture_output=True, text=True, timeout=120, env=env, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (home / "stdout").write_text(result.stdout, encoding="utf-8")
    return home / "cache.db"


def cached(cache: Path) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """Subscribed feeds (url → title) and items (feed url, title, link) newsboat stored."""
    with sqlite3.connect(cache) as db:
        feeds = dict(db.execute("SELECT rssurl, title FROM rss_feed").fetchall())
        items = db.execute("SELECT feedurl, title, url FROM rss_item ORDER BY id").fetchall()
    return feeds, items


FOLLOWED = {
    "flux/rss.xml": "Chronique",
    "sujets/ukraine/atom.xml": "Chronique — Ukraine",
    "rubriques/monde/rss.xml": "Chronique — Monde",
}


@pytest.mark.parametrize("relative", sorted(FOLLOWED))
def test_newsboat_subscribes_and_lists_the_seed_article(
    served: tuple[SiteCopy, str], tmp_path: Path, relative: str
) -> None:
    site, base = served
    url = f"{base}/{relative}"
    cache = newsboat_run([url], tmp_path, "reload", "print-unread")
    feeds, items = cached(cache)
    assert feeds == {url: FOLLOWED[relative]}
    expected = expected_feeds(source_articles(site))[relative.rsplit("/", 1)[0]]
    assert sorted(link for _, _, link in items) == sorted(f"{base}{a.url_path}" for a in expected)
    titles = [title for _, title, _ in items]
    assert any(title.startswith(SEED_TITLE) for title in titles), titles
    assert f"{len(expected)} unread articles" in (tmp_path / "stdout").read_text()
    if "fuites" in " ".join(link for _, _, link in items):
        assert HOSTILE_TITLE_CLEAN in titles


def test_newsboat_shows_an_article_once_across_the_feeds_it_follows(
    served: tuple[SiteCopy, str], tmp_path: Path
) -> None:
    """The same tag: id in the site, section and topic feeds: one item per article."""
    site, base = served
    urls = [
        f"{base}/{folder}/{name}"
        for folder in ("flux", "sujets/ukraine", "rubriques/monde")
        for name in ("rss.xml", "atom.xml")
    ]
    _, items = cached(newsboat_run(urls, tmp_path, "reload"))
    links = sorted(link for _, _, link in items)
    assert links == sorted(f"{base}{a.url_path}" for a in source_articles(site))
