"""Building the site: validate everything, render into a fresh folder, swap on success.

Pelican alone skips an unreadable article with a warning; for an archive that
is silent data loss. Here a build either publishes every article or changes
nothing: the previous ``output/`` stays as it was, even when the build is killed
(:mod:`chronique.site.swap`). A rebuild reuses what it safely can
(:mod:`chronique.site.incremental`): unchanged files are hard links to the previous
version's, pages whose fingerprint is unchanged are not rendered again
(:mod:`chronique.site.reuse`), and bodies come from Pelican's content cache when nothing they
depend on changed.
"""

from __future__ import annotations

import copy
import gc
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican.settings import read_settings

from chronique import timing
from chronique.content.errors import ContentError, InvalidContentError
from chronique.settings import read_chronique_settings
from chronique.site.incremental import (
    ContentCache,
    cache_digest,
    content_cache,
    content_cache_settings,
    inputs_digest,
    keep_article_memo,
    link_unchanged,
    load_article_memo,
    record_build,
    render_digest,
    unchanged_build,
)
from chronique.site.listings import ChroniquePelican
from chronique.site.model import SITE_KEY, Site, load_site
from chronique.site.reuse import REUSE_KEY, PageReuse
from chronique.site.swap import copy_to_folder, output_slots, publish, staging_folder, step

log = logging.getLogger(__name__)


class BuildError(Exception):
    """The build failed; the previous output is untouched."""


@dataclass(frozen=True)
class BuildResult:
    output_path: Path
    articles: int
    pages: int
    #: Of the pages and feeds whose dependencies chronique.site.reuse states: those taken
    #: unchanged from the previous version, and those rendered (output paths).
    reused: frozenset[str] = frozenset()
    rendered: frozenset[str] = frozenset()

    @property
    def reused_pages(self) -> int:
        return len(self.reused)

    @property
    def rendered_pages(self) -> int:
        return len(self.rendered)


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
    with _long_lived_heap():
        return _build_site(settings_file, output, copy_to)


def _build_site(
    settings_file: str | Path, output: str | Path | None, copy_to: str | Path | None
) -> BuildResult:
    # A copy: Pelican changes some values in place (its Markdown reader adds the ``meta``
    # extension to MARKDOWN), and the values of ``pelicanconf.py``'s ``import *`` are shared by
    # every build of a process (``invoke serve``): the next build would see them changed.
    settings = copy.deepcopy(read_settings(str(settings_file)))
    slots = output_slots(output or settings["OUTPUT_PATH"])
    inputs = inputs_digest(settings, Path(settings_file))
    unchanged = unchanged_build(slots.versions, slots.current(), inputs)
    if unchanged is not None:
        log.info("Nothing changed since version %s: it stays published", unchanged.version)
        if copy_to is not None:
            copy_to_folder(slots.versions / unchanged.version, Path(copy_to))
        return BuildResult(slots.final, unchanged.articles, unchanged.pages)
    cache_root = Path(settings["CACHE_PATH"])
    memo = (
        load_article_memo(cache_root, settings, Path(settings_file))
        if read_chronique_settings(settings).content_cache
        else None
    )
    site = load_site(settings, Path(settings_file), memo)
    settings[SITE_KEY] = site
    rendering = render_digest(settings, Path(settings_file), site.vocabulary)
    reuse = PageReuse.load(slots.versions, slots.current(), rendering)
    settings[REUSE_KEY] = reuse
    with (
        staging_folder(slots) as staging,
        _content_cache(site, settings, Path(settings_file)) as cache,
    ):
        settings["OUTPUT_PATH"] = str(staging)
        with timing.stage("render"):
            _render(settings)
        _verify_output(site, staging)
        step("rendered")
        with timing.stage("compare"):
            report = link_unchanged(staging, slots.current(), reuse.equal_files())
        step("compared")
        version = publish(staging, slots)
        counts = (len(site.articles), len(site.pages))
        record_build(slots.versions, version, inputs, *counts, report.stamps)
        reuse.save(slots.versions, version, report.stamps)
        if cache is not None:
            cache.keep()
        if memo is not None:
            keep_article_memo(cache_root, memo)
        if copy_to is not None:
            copy_to_folder(version, Path(copy_to))
    return BuildResult(
        slots.final, len(site.articles), len(site.pages), reuse.reused, frozenset(reuse.rendered)
    )


#: The collector's thresholds during a build (see _long_lived_heap).
BUILD_GC_THRESHOLDS = (50_000, 50, 1_000)


@contextmanager
def _long_lived_heap() -> Iterator[None]:
    """Fewer collections during a build. Nearly all a build allocates lives to its end (the
    site, Pelican's contents, their pages' contexts) and each full collection walks all of
    it, so the collector's time grew with the archive for garbage it seldom finds."""
    thresholds = gc.get_threshold()
    gc.set_threshold(*BUILD_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


@contextmanager
def _content_cache(
    site: Site, settings: dict[str, Any], settings_file: Path
) -> Iterator[ContentCache | None]:
    """Pelican's content cache for this build, when CHRONIQUE_CONTENT_CACHE is on.

    Its folder in CACHE_PATH is named by the digest of what the cached bodies depend on.
    CACHE_PATH then names the cache's working copy, so the images' cache is named first.
    """
    if not site.chronique.content_cache:
        yield None
        return
    digest = cache_digest(settings, settings_file, site.vocabulary)
    root = Path(settings["CACHE_PATH"])
    if settings.get("CHRONIQUE_IMAGE_CACHE_PATH") is None:
        settings["CHRONIQUE_IMAGE_CACHE_PATH"] = str(root / "images")
    with content_cache(root, digest) as cache:
        settings.update(content_cache_settings(cache))
        yield cache


def _render(settings: dict[str, Any]) -> None:
    with _collect_pelican_errors() as collector:
        ChroniquePelican(settings).run()
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
