"""Issue 5, acceptance 4: two builds of the same content give byte-identical feeds."""

from __future__ import annotations

import hashlib

import pytest

from chronique.site.build import build_site
from tests.conftest import SiteCopy, copy_site
from tests.feeds.helpers import add_hostile_articles, archive_files, feed_files


def feed_digest(site: SiteCopy) -> dict[str, str]:
    return {
        str(path.relative_to(site.output)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in [*feed_files(site.output), *archive_files(site.output)]
    }


def test_two_builds_give_byte_identical_feeds(
    hostile_site: SiteCopy, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Another folder, another time, newer file times: the same bytes."""
    again = copy_site(tmp_path_factory.mktemp("again"))
    add_hostile_articles(again)
    build_site(again.settings, again.output)
    first, second = feed_digest(hostile_site), feed_digest(again)
    assert len(first) >= 18
    assert any("/archives/" in path for path in first)
    assert first == second
