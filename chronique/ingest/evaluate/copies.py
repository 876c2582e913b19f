"""Browser text copies: what a reader gets by selecting a whole rendered page and copying it.

Each page is opened from a local file in headless Chromium (Debian's ``chromium``;
Playwright never downloads a browser here) with scripts off and every network
request refused, and ``document.body.innerText`` is kept — the same text a
copy from the browser gives, menus, share bars and footers included. Copies are
cached beside the corpus's HTML so that a second run renders nothing.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Sequence
from pathlib import Path

from chronique.ingest.evaluate.corpora import GoldPage

_NOT_A_FILE = re.compile(r"^(?!file:)")


def chromium_path() -> str:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", "chromium"):
        found = candidate and shutil.which(candidate)
        if found:
            return found
    raise RuntimeError("no chromium found (apt-get install chromium, or set CHROMIUM_PATH)")


def page_paths(cache: Path, page: GoldPage) -> tuple[Path, Path]:
    """(saved HTML, text copy) of *page* in the cache folder."""
    folder = cache / page.corpus / "pages"
    return folder / f"{page.id}.html", folder / f"{page.id}.txt"


def make_copies(pages: Sequence[GoldPage], cache: Path) -> None:
    """Write each page's HTML and, where missing, its browser text copy into *cache*."""
    missing = []
    for page in pages:
        html_path, text_path = page_paths(cache, page)
        html_path.parent.mkdir(parents=True, exist_ok=True)
        if not html_path.exists():
            html_path.write_bytes(page.html)
        if not text_path.exists():
            missing.append((html_path, text_path))
    if missing:
        _render(missing)


def _render(jobs: Sequence[tuple[Path, Path]]) -> None:
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context(
            java_script_enabled=False, viewport={"width": 1280, "height": 900}
        )
        context.route(_NOT_A_FILE, lambda route: route.abort())
        tab = context.new_page()
        for html_path, text_path in jobs:
            try:
                tab.goto(html_path.as_uri(), wait_until="domcontentloaded", timeout=20_000)
                text = tab.evaluate("document.body ? document.body.innerText : ''")
            except Error:
                tab.close()
                tab = context.new_page()
                text = ""
            text_path.write_text(text, encoding="utf-8")
        browser.close()
