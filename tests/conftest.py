"""Shared fixtures: a throw-away copy of the site to build, break and inspect."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from pelican import signals

from tests.hostile.scan import assert_no_active_content

REPO = Path(__file__).resolve().parent.parent


def _scan_built_site(pelican: object) -> None:
    """Every site the suite builds is scanned for active content (tests/hostile/scan.py);
    the redirect pages of its articles' aliases alone may refresh."""
    from chronique.site.model import SITE_KEY, Site, load_site
    from chronique.site.redirects import article_redirects

    settings = pelican.settings  # type: ignore[attr-defined]
    site = settings.get(SITE_KEY)  # the plugin may have let it go (end_run): not kept here
    site = site if isinstance(site, Site) else load_site(settings)
    alias_pages = frozenset(r.save_as for r in article_redirects(site.articles, site.urls))
    assert_no_active_content(Path(pelican.output_path), alias_pages)  # type: ignore[attr-defined]


signals.finalized.connect(_scan_built_site)
SEED = REPO / "tests" / "fixtures" / "seeds" / "000_c558a1cc74e1ccfd.txt"


@dataclass
class SiteCopy:
    """A copy of the repository's site (settings, theme, content) in a temporary folder."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def output(self) -> Path:
        return self.root / "output"

    @property
    def settings(self) -> Path:
        return self.root / "pelicanconf.py"

    def write_article(self, relative: str, text: str) -> Path:
        path = self.content / "articles" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def index_search(self) -> None:
        """Run Pagefind in the development build too, as publishconf.py does: for the tests
        that search the site as the local server serves it."""
        with self.settings.open("a", encoding="utf-8") as handle:
            handle.write("\nCHRONIQUE_SEARCH_INDEX = True\n")

    def seed_article(self) -> Path:
        (path,) = [
            p for p in sorted((self.content / "articles").rglob("*.md")) if "koursk" in p.name
        ]
        return path


def copy_site(destination: Path) -> SiteCopy:
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy2(REPO / name, destination / name)
    shutil.copytree(REPO / "theme", destination / "theme")
    shutil.copytree(REPO / "content", destination / "content")
    return SiteCopy(destination)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SiteCopy:
    """A fresh copy of the site; the test runs inside it (relative paths resolve there)."""
    copy = copy_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    return copy


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> SiteCopy:
    """The repository's own content, built once for the read-only tests of a session, with its
    search index."""
    from chronique.site.build import build_site

    copy = copy_site(tmp_path_factory.mktemp("built"))
    copy.index_search()
    build_site(copy.settings, copy.output)
    return copy


def tree_digest(folder: Path) -> dict[str, str]:
    """sha256 of every file under *folder*, by relative path."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
