"""Building the site: validate everything, render into a fresh folder, swap on success.

Pelican alone skips an unreadable article with a warning; for an archive that
is silent data loss. Here a build either publishes every article or changes
nothing: the previous ``output/`` stays as it was, even when the build is killed
(:mod:`chronique.site.swap`).
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican import Pelican
from pelican.settings import read_settings

from chronique.content.errors import ContentError, InvalidContentError
from chronique.site.model import SITE_KEY, Site, load_site
from chronique.site.swap import copy_to_folder, output_slots, publish, staging_folder, step


class BuildError(Exception):
    """The build failed; the previous output is untouched."""


@dataclass(frozen=True)
class BuildResult:
    output_path: Path
    articles: int
    pages: int


class _ErrorCollector(logging.Handler):
    """Keeps Pelican's error records: each one means something was not published."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            message = f"{message}: {record.exc_info[1]}"
        self.messages.append(message)


@contextmanager
def _collect_pelican_errors():  # type: ignore[no-untyped-def]
    collector = _ErrorCollector()
    logger = logging.getLogger("pelican")
    logger.addHandler(collector)
    try:
        yield collector
    finally:
        logger.removeHandler(collector)


def build_site(
    settings_file: str | Path = "pelicanconf.py",
    output: str | Path | None = None,
    copy_to: str | Path | None = None,
) -> BuildResult:
    """Build the site described by *settings_file* into *output* (its OUTPUT_PATH by default).

    *output* becomes a link to the new version; *copy_to*, when given, also receives a real
    folder holding it, for a static host that cannot follow links.
    """
    settings = read_settings(str(settings_file))
    site = load_site(settings, Path(settings_file))
    settings[SITE_KEY] = site
    slots = output_slots(output or settings["OUTPUT_PATH"])
    with staging_folder(slots) as staging:
        settings["OUTPUT_PATH"] = str(staging)
        _render(settings)
        _verify_output(site, staging)
        step("rendered")
        version = publish(staging, slots)
        if copy_to is not None:
            copy_to_folder(version, Path(copy_to))
    return BuildResult(slots.final, len(site.articles), len(site.pages))


def _render(settings: dict[str, Any]) -> None:
    with _collect_pelican_errors() as collector:
        Pelican(settings).run()
    if collector.messages:
        raise BuildError("Pelican reported errors:\n" + "\n".join(collector.messages))


def _verify_output(site: Site, staging: Path) -> None:
    """Every article file must have produced its page."""
    missing = [
        ContentError(item.path, f"no page was written at /{site.urls.article(item.meta)}")
        for item in site.articles
        if not (staging / site.urls.article_file(item.meta)).is_file()
    ]
    if missing:
        raise InvalidContentError(missing)
