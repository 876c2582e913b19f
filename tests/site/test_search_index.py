"""Issue 18: the search index, with its section and year filters and its date sort, is the same
byte for byte whatever run of Pagefind wrote it."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronique.site.bench import make_synthetic_site
from chronique.site.build import build_site
from tests.conftest import REPO, tree_digest

pytestmark = pytest.mark.slow


def test_two_builds_write_the_same_search_index(tmp_path: Path) -> None:
    # Eight sections and several years: Pagefind's own order of so many values differs
    # between runs, so an index that is not settled would differ here.
    digests = []
    for name in ("first", "second"):
        root = tmp_path / name
        root.mkdir()
        make_synthetic_site(REPO, root, 200, 40)
        build_site(root / "pelicanconf.py", root / "output")
        digests.append(tree_digest(root / "output" / "pagefind"))
    assert len({path.split("/")[0] for path in digests[0]}) > 3
    assert any(path.startswith("filter/") for path in digests[0])
    assert digests[0] == digests[1]
