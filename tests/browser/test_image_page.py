"""Issue 17, acceptance 4: an article page with a lead image and a figure stays valid
(Nu Html Checker), accessible (axe) and free of layout shift in Chromium."""

from __future__ import annotations

import functools
import json
import subprocess
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from chronique.site.build import build_site
from tests.browser.conftest import QuietHandler
from tests.browser.test_reader_site import axe_violations
from tests.conftest import copy_site
from tests.images.test_image_build import add_images
from tests.site.helpers import AXE_JS, VNU_JAR, article_pages, java, require

pytestmark = pytest.mark.browser

BOXES = """() => [...document.querySelectorAll('.lead-image img, .figure img')].map(
    img => { const box = img.getBoundingClientRect(); return [box.width, box.height]; }).flat()"""


@pytest.fixture(scope="module")
def image_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The seed article with a lead photo and a figure, built and served."""
    site = copy_site(tmp_path_factory.mktemp("images"))
    add_images(site)
    build_site(site.settings, site.output)
    (page,) = article_pages(site.output, "2025/03")
    handler = functools.partial(QuietHandler, directory=str(site.output))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}/{page.parent.relative_to(site.output)}/", page
    finally:
        server.shutdown()
        server.server_close()


def test_the_page_is_valid_html(image_site: tuple[str, Path]) -> None:
    require(VNU_JAR.is_file() and java() is not None, "vnu-jar (npm ci) and java")
    command = [java(), "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]
    result = subprocess.run([*command, str(image_site[1])], capture_output=True, text=True)
    assert json.loads(result.stderr or result.stdout)["messages"] == []


@pytest.mark.parametrize("width", [375, 1280])
def test_image_boxes_have_their_final_size_before_the_images_load(
    image_site: tuple[str, Path], open_page: Any, width: int
) -> None:
    url, _ = image_site
    blocked = open_page(width=width)
    # The images are held, not refused: a refused image is a broken one, drawn as its alt
    # text whatever its size; a held one is an image still loading, which is the case here.
    held: list[Any] = []
    blocked.route("**/images/**", lambda route: held.append(route))
    blocked.goto(url, wait_until="domcontentloaded")
    blocked.wait_for_function(
        "() => [...document.querySelectorAll('link[rel=stylesheet]')].every(l => l.sheet)"
    )
    before = blocked.evaluate(BOXES)
    for route in held:
        route.abort()
    loaded = open_page(width=width)
    loaded.goto(url, wait_until="load")
    loaded.locator(".figure img").scroll_into_view_if_needed()  # lazy: loads when in view
    loaded.wait_for_function(
        "() => [...document.querySelectorAll('picture img')].every(i => i.complete)",
        timeout=15_000,
    )
    loaded.evaluate("() => window.scrollTo(0, 0)")
    after = loaded.evaluate(BOXES)
    assert len(before) == 4 and min(before) > 100  # two images, each its width and height
    assert before == pytest.approx(after, abs=1)


def test_no_serious_accessibility_violation(image_site: tuple[str, Path], open_page: Any) -> None:
    require(AXE_JS.is_file(), "axe-core (npm ci)")
    page = open_page()
    page.goto(image_site[0])
    assert axe_violations(page) == []
    assert page.errors == []
