"""Issue 18, acceptance 4: ``invoke rename``, build, and the old address lands on the new one
in Chromium; the feed entry keeps its id; the sitemaps list the new address only."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

from chronique.site.build import build_site
from tests.browser.conftest import QuietHandler
from tests.conftest import REPO, SiteCopy
from tests.site.test_redirects import entry_ids, sitemap_locs

OLD = "conflit-en-ukraine-la-russie-reprend-des-villages-dans-la-region-de-koursk"
NEW = "russie-koursk-drones"


def invoke_rename(site: SiteCopy, old: str, new: str) -> None:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "invoke"), "-r", str(REPO), "rename", old, new],
        cwd=site.root,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 0, result.stderr


def test_a_renamed_article_is_found_at_its_old_address(site: SiteCopy, browser: Any) -> None:
    build_site(site.settings, site.output)
    ids_before = entry_ids(site.output / "flux" / "atom.xml")
    invoke_rename(site, OLD, NEW)
    build_site(site.settings, site.output)

    assert entry_ids(site.output / "flux" / "atom.xml") == ids_before
    locs = sitemap_locs(site.output)
    assert f"/2025/03/{NEW}/" in locs and not [loc for loc in locs if OLD in loc]

    server = _serve(site.output.resolve())
    try:
        host, port = server.server_address[:2]
        page = browser.new_page()
        page.goto(f"http://{host}:{port}/2025/03/{OLD}/")
        page.wait_for_url(f"**/2025/03/{NEW}/")
        assert page.locator("h1").first.inner_text().startswith("Conflit en Ukraine")
        page.close()
    finally:
        server.shutdown()
        server.server_close()


def _serve(root: Path) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=root))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
