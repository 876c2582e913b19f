"""Fixtures of the ingest tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronique.config import ChroniqueConfig
from tests.ingest.helpers import make_config


@pytest.fixture
def config(tmp_path: Path) -> ChroniqueConfig:
    """An empty archive with the sections of the site's pelicanconf.py."""
    return make_config(tmp_path)
