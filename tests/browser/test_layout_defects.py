"""Issue 18, measured in Chromium: the pagination box is as wide as the list it pages, and
/sujets/ is laid out in columns on a wide screen, one on a phone."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from typing import Any

import pytest

from tests.browser.conftest import QuietHandler
from tests.conftest import SiteCopy
from tests.site.test_small_defects import defects_site  # noqa: F401  (the built site)


@pytest.fixture(scope="module")
def base(defects_site: SiteCopy) -> Iterator[str]:  # noqa: F811
    handler = functools.partial(QuietHandler, directory=str(defects_site.output.resolve()))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("width", [375, 1280])
def test_the_pagination_is_as_wide_as_its_list(base: str, open_page: Any, width: int) -> None:
    page = open_page(width=width)
    page.goto(base + "/rubriques/economie/")
    listing = page.locator(".listing .article-list").bounding_box()
    pagination = page.locator("nav.pagination").bounding_box()
    assert abs(pagination["width"] - listing["width"]) < 1
    assert abs(pagination["x"] - listing["x"]) < 1


@pytest.mark.parametrize(("width", "columns"), [(375, 1), (1280, 3)])
def test_the_topic_index_has_columns_on_a_wide_screen(
    base: str, open_page: Any, width: int, columns: int
) -> None:
    page = open_page(width=width)
    page.goto(base + "/sujets/")
    lefts = page.eval_on_selector_all(
        ".topic-letter li",
        "items => items.map(item => Math.round(item.getBoundingClientRect().left))",
    )
    assert len(set(lefts)) >= columns if columns > 1 else len(set(lefts)) == 1
    jump = page.locator('.alphabet a[href="#lettre-E"]')
    jump.click()
    assert page.evaluate("location.hash") == "#lettre-E"
