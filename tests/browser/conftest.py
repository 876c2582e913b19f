"""One headless Chromium and one local server for every browser test of the session."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SiteCopy
from tests.site.helpers import KeyPages, key_pages, require

#: Debian's chromium; Playwright must never download a browser of its own.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    candidates = [os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium")]
    return next((c for c in candidates if c and Path(c).is_file()), None)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class ServedSite:
    """The built site at http://127.0.0.1:<port>/ and the paths of its key pages."""

    base: str
    root: Path
    pages: KeyPages

    def url(self, path: str) -> str:
        return self.base + path


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """*folder* served at http://127.0.0.1:<port> (the address yielded) while the block runs."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def served_site(built_site: SiteCopy) -> Iterator[ServedSite]:
    with serving(built_site.output) as base:
        yield ServedSite(base, built_site.output, key_pages(built_site.output))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    path = chromium_path()
    require(path is not None, "Debian chromium (/usr/bin/chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """``open_page(width=…, color_scheme=…)``: a fresh page that records console errors."""
    contexts = []

    def factory(width: int = 1280, color_scheme: str = "light", height: int = 900) -> Any:
        context = browser.new_context(
            viewport={"width": width, "height": height}, color_scheme=color_scheme
        )
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        return page

    yield factory
    for context in contexts:
        context.close()
