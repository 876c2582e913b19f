"""Fixtures of the feed tests: the repository's site plus hostile articles, built once."""

from __future__ import annotations

import pytest

from chronique.site.build import build_site
from tests.conftest import SiteCopy, copy_site
from tests.feeds.helpers import add_hostile_articles


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> SiteCopy:
    """Seed article + hostile ones, built with the repository's settings (read-only)."""
    site = copy_site(tmp_path_factory.mktemp("hostile"))
    add_hostile_articles(site)
    build_site(site.settings, site.output)
    return site
