"""The dev server outlives a failing build: it says why, keeps the last good site, rebuilds on
the next change and answers unknown addresses with the site's own 404 page. A real server on a
free port, real HTTP requests."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator

import pytest

from chronique.cli.commands import run_build
from chronique.site.serve import DevServer, start
from tests.conftest import SiteCopy

ADDED = "Un paragraphe ajouté pendant que le serveur tourne."


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def eventually(condition: Callable[[], bool], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def server(site: SiteCopy) -> Iterator[DevServer]:
    assert run_build(str(site.settings)) == 0
    watched = [site.content, site.root / "theme", site.settings]
    running = start(
        site.output, watched, lambda: run_build(str(site.settings)), port=0, interval=0.2
    )
    yield running
    running.close()


def seed_url(server: DevServer, site: SiteCopy) -> str:
    (page,) = site.output.glob("[0-9]*/[0-9]*/*koursk*/index.html")
    return server.url + str(page.parent.relative_to(site.output)) + "/"


def test_unknown_address_gets_the_sites_own_404_page(server: DevServer, site: SiteCopy) -> None:
    status, body = fetch(server.url + "nulle-part/")
    assert status == 404
    assert body == (site.output / "404.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "breakage",
    [
        pytest.param("settings", id="settings that do not run (an unexpected error)"),
        pytest.param("article", id="an article the build refuses"),
    ],
)
def test_failing_build_keeps_the_last_site_and_the_next_change_rebuilds(
    server: DevServer, site: SiteCopy, breakage: str, capfd: pytest.CaptureFixture[str]
) -> None:
    url = seed_url(server, site)
    good = fetch(url)
    settings_text = site.settings.read_text(encoding="utf-8")
    article = site.seed_article()
    article_text = article.read_text(encoding="utf-8")
    if breakage == "settings":
        site.settings.write_text(settings_text + "\nthis is not python\n", encoding="utf-8")
    else:
        article.write_text(article_text.replace("date: ", "date: x", 1), encoding="utf-8")
    assert eventually(lambda: "Build" in capfd.readouterr().err), "no error was printed"
    assert fetch(url) == good
    site.settings.write_text(settings_text, encoding="utf-8")
    article.write_text(article_text + f"\n{ADDED}\n", encoding="utf-8")
    assert eventually(lambda: ADDED in fetch(url)[1]), "the next change was not rebuilt"
