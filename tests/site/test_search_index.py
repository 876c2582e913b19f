"""Issue 18: the search index, with its section and year filters and its date sort, is the same
byte for byte whatever run of Pagefind wrote it. Issue 16: the development build leaves the index
to the published build, and its search page says so."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from chronique.site.bench import make_synthetic_site
from chronique.site.build import build_site
from tests.conftest import REPO, SiteCopy, tree_digest

pytestmark = pytest.mark.slow


def test_two_builds_write_the_same_search_index(tmp_path: Path) -> None:
    # Eight sections and several years: Pagefind's own order of so many values differs
    # between runs, so an index that is not settled would differ here.
    digests = []
    for name in ("first", "second"):
        root = tmp_path / name
        root.mkdir()
        make_synthetic_site(REPO, root, 200, 40)
        with (root / "pelicanconf.py").open("a", encoding="utf-8") as settings:
            settings.write("\nCHRONIQUE_SEARCH_INDEX = True\n")
        build_site(root / "pelicanconf.py", root / "output")
        digests.append(tree_digest(root / "output" / "pagefind"))
    assert len({path.split("/")[0] for path in digests[0]}) > 3
    assert any(path.startswith("filter/") for path in digests[0])
    assert digests[0] == digests[1]


def search_page(output: Path) -> str:
    return (output / "recherche" / "index.html").read_text(encoding="utf-8")


def test_the_development_build_leaves_the_index_to_publish(site: SiteCopy) -> None:
    build_site(site.settings, site.output)
    assert not (site.output / "pagefind").exists()
    page = search_page(site.output)
    assert "L’index de recherche est construit à la publication du site" in page
    assert 'id="recherche"' not in page and "recherche.js" not in page
    home = (site.output / "index.html").read_text(encoding="utf-8")
    assert 'href="/recherche/"' in home and "masthead-search" not in home

    published = site.root / "published"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    invoke = [sys.executable, "-m", "invoke", "--search-root", str(REPO), "publish"]
    result = subprocess.run(
        [*invoke, "--output", str(published)], cwd=site.root, env=env, capture_output=True
    )
    assert result.returncode == 0, result.stderr
    assert (published / "pagefind" / "pagefind-entry.json").is_file()
    assert any((published / "pagefind" / "fragment").glob("*.pf_fragment"))
    page = search_page(published)
    assert 'id="recherche"' in page and "construit à la publication" not in page
    assert "masthead-search" in (published / "index.html").read_text(encoding="utf-8")
