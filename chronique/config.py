"""Chronique's own settings, read from the site's Pelican settings file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pelican.settings import read_settings

from chronique.settings import ChroniqueSettings, read_chronique_settings

#: Source label -> section, or source name/host -> {source label -> section}.
SectionMapSetting = Mapping[str, "str | Mapping[str, str]"]


@dataclass(frozen=True)
class ChroniqueConfig:
    """What Chronique needs to know about a site; every field has a Pelican setting."""

    content_path: Path
    output_path: Path
    theme_path: Path
    #: ARTICLE_PATHS and PAGE_PATHS: the folders under content_path Pelican reads.
    article_paths: tuple[str, ...] = ("articles",)
    page_paths: tuple[str, ...] = ("pages",)
    sections: tuple[str, ...] = ()
    #: CHRONIQUE_SECTION_MAP: how the sites' own section labels map to ``sections``.
    section_map: SectionMapSetting = field(default_factory=dict)
    #: CHRONIQUE_DEFAULT_SECTION: where ingest files pages whose label is not mapped.
    default_section: str | None = None
    default_lang: str = "fr"
    timezone: str = "Europe/Paris"
    #: Source name or host (as folding.source_key gives it) -> IANA zone, for times a page
    #: prints without one.
    source_timezones: dict[str, str] = field(default_factory=dict, compare=False)
    site_name: str = "Chronique"
    site_url: str = ""
    settings_file: Path | None = None
    pelican: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    #: Every CHRONIQUE_* setting, typed (chronique.settings).
    chronique: ChroniqueSettings = field(default_factory=ChroniqueSettings, compare=False)

    @cached_property  # asked for each ingested page
    def articles_path(self) -> Path:
        """Where new articles go: the first of ARTICLE_PATHS."""
        return self.content_path / (self.article_paths[0] if self.article_paths else "")

    @cached_property
    def topics_path(self) -> Path:
        return self.content_path / "topics.yml"


def config_from_settings(
    settings: dict[str, Any], settings_file: Path | None = None
) -> ChroniqueConfig:
    """Build the Chronique view of an already-read Pelican settings dict."""
    chronique = read_chronique_settings(settings)
    return ChroniqueConfig(
        content_path=Path(settings["PATH"]),
        output_path=Path(settings["OUTPUT_PATH"]),
        theme_path=Path(settings["THEME"]),
        article_paths=tuple(settings.get("ARTICLE_PATHS", ("articles",))),
        page_paths=tuple(settings.get("PAGE_PATHS", ("pages",))),
        sections=chronique.sections,
        section_map=chronique.section_map,
        default_section=chronique.default_section,
        default_lang=settings.get("DEFAULT_LANG", "fr"),
        timezone=settings.get("TIMEZONE", "Europe/Paris"),
        source_timezones=dict(chronique.source_timezones),
        site_name=settings.get("SITENAME", "Chronique"),
        site_url=settings.get("SITEURL", ""),
        settings_file=settings_file,
        pelican=settings,
        chronique=chronique,
    )


def load_config(settings_file: str | Path = "pelicanconf.py", **overrides: Any) -> ChroniqueConfig:
    """Read a Pelican settings file (``pelicanconf.py`` by default)."""
    settings = read_settings(str(settings_file), override=overrides or None)
    return config_from_settings(settings, Path(settings_file))
