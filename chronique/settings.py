"""The schema of every ``CHRONIQUE_*`` setting: its type, its default and what it does.

A site sets them in ``pelicanconf.py``; :func:`read_chronique_settings` turns them into a
typed :class:`ChroniqueSettings`, once per command. A ``CHRONIQUE_*`` name the schema does
not know (a typo) or a value of the wrong type is an error naming the setting, raised
before anything is read or written.

Dataclasses and a type check of our own rather than a validation library: the settings
are a dozen flat values (text, numbers, lists, mappings of text), which ``typing``'s
introspection covers in a few lines, without a dependency.
"""

from __future__ import annotations

import difflib
import types
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Union, get_args, get_origin, get_type_hints

from chronique.folding import source_key

PREFIX = "CHRONIQUE_"
TRENDING_DAYS = 30
TRENDING_LIMIT = 12
YAML_MAX_DEPTH = 32
MAX_TAGS = 100
BODY_MAX_NESTING = 100
#: The sitemaps.org protocol's limits of one sitemap (or sitemap index) file.
SITEMAP_MAX_URLS = 50_000
SITEMAP_MAX_BYTES = 50 * 1024 * 1024
#: Chosen from measurements of 2,000 and 10,000 synthetic articles (README, "Feed history").
FEED_FULL_TEXT = 10
#: About 90 bytes and three elements a topic: /sujets/ stays far below 100 kB up to this many.
TOPIC_INDEX_LIMIT = 300


class SettingsError(ValueError):
    """A ``CHRONIQUE_*`` setting is unknown or has a value of the wrong type."""


def setting(default: Any, doc: str) -> Any:
    """A schema field: its default and the one sentence ``pelicanconf.py`` readers need."""
    if isinstance(default, dict | list):
        return field(default_factory=lambda: type(default)(default), metadata={"doc": doc})
    return field(default=default, metadata={"doc": doc})


@dataclass(frozen=True)
class ChroniqueSettings:
    """Every ``CHRONIQUE_*`` setting; the field ``feed_limit`` is ``CHRONIQUE_FEED_LIMIT``."""

    sections: tuple[str, ...] = setting(
        (), "The sections (Pelican categories) an article may belong to, in editorial order."
    )
    section_map: Mapping[str, str | Mapping[str, str]] = setting(
        {},
        "How the sources' own section labels map to the sections, for ingest: label -> "
        "section, or source name or host -> {label: section}.",
    )
    default_section: str | None = setting(
        None, "Where ingest files a page whose label is not mapped (None: such pages are refused)."
    )
    source_timezones: Mapping[str, str] = setting(
        {},
        "Source name or host -> IANA zone, for the times a source's pages print without one.",
    )
    ingest_chrome: tuple[str, ...] = setting(
        (), "Extra lines of page chrome (navigation, share buttons) ingest drops."
    )
    tagging: Mapping[str, float] = setting(
        {}, "Overrides of the automatic tagger's weights and thresholds (TaggingSettings)."
    )
    topic_index_limit: int = setting(
        TOPIC_INDEX_LIMIT,
        "Above this many topics, /sujets/ links one page per initial letter "
        "(sujets/lettre/{letter}/) instead of listing every topic, so it stays light.",
    )
    feeds_url: str = setting("flux/", "Folder of the site-wide feeds and the OPML list.")
    feed_limit: int = setting(
        50, "Entries of each live feed (the subscription document), newest first."
    )
    feed_full_text: int = setting(
        FEED_FULL_TEXT,
        "How many of a live feed's newest entries carry the article's full text; the others, "
        "and every entry of the archive documents, carry its standfirst and link (an "
        "article without a standfirst keeps its full text everywhere).",
    )
    feed_archive_topics_by_year: bool = setting(
        True,
        "A topic feed's history is one archive document a year (RFC 5005); the site's and "
        "the sections' feeds have one a month. Fixed by kind, so no address ever changes.",
    )
    feed_opml: str = setting(
        "abonnements.opml", "File name, in CHRONIQUE_FEEDS_URL, of the OPML list of every feed."
    )
    tag_authority: str = setting(
        "chronique.example.org,2025",
        "Authority of the tag: URIs of feed entries (RFC 4151): a domain and a year; never "
        "change it, or feed readers see every entry again.",
    )
    sitemap_max_urls: int = setting(
        SITEMAP_MAX_URLS,
        "Most URLs in one sitemap file (the protocol's limit); a year or the listings with "
        "more are split into several files.",
    )
    sitemap_max_bytes: int = setting(
        SITEMAP_MAX_BYTES,
        "Largest size in bytes of one sitemap file, uncompressed (the protocol's limit).",
    )
    feed_icon: str = setting(
        "theme/feed-icon.png",
        "Icon and logo of every feed (RSS <image>, Atom <icon> and <logo>): a site path to a "
        "PNG, JPEG or GIF file of the theme's static files or of content/, at most 144 px wide.",
    )
    search: bool = setting(True, "Build the Pagefind search index and the search page.")
    search_index: bool = setting(
        True,
        "Run Pagefind over the built site for the search page. Off, the search page says the "
        "index is built when the site is published: a development build can leave it to "
        "publishconf.py, indexing the whole site being a large part of every build.",
    )
    contact: str | None = setting(
        None,
        "Where readers report a broken link, from the 404 page: a mailto: address or an "
        "http(s) URL; None leaves the request out.",
    )
    ui_lang: str | None = setting(
        None, "Language of the theme's UI strings (DEFAULT_LANG if None)."
    )
    trending_days: int = setting(
        TRENDING_DAYS, "Days, back from the newest article, of 'trending' topics."
    )
    trending_limit: int = setting(TRENDING_LIMIT, "How many trending topics the home page lists.")
    yaml_max_depth: int = setting(
        YAML_MAX_DEPTH,
        "Deepest nesting of lists and mappings a front-matter or topics.yml may hold; deeper "
        "is refused.",
    )
    max_tags: int = setting(
        MAX_TAGS,
        "Most tags (topics) one article may carry; more is refused (each topic page and feed "
        "lists them all).",
    )
    body_max_nesting: int = setting(
        BODY_MAX_NESTING,
        "Deepest nesting of brackets, quotes and lists an article body may hold; deeper is "
        "refused (Markdown rendering slows with the square of it).",
    )
    image_widths: tuple[int, ...] = setting(
        (480, 960, 1600), "Widths in pixels of each image's variants (never upscaled)."
    )
    image_max_bytes: int = setting(25 * 1024 * 1024, "Largest image file the build accepts.")
    image_max_pixels: int = setting(
        50_000_000, "Most pixels an image may have; larger ones (decompression bombs) are refused."
    )
    image_jpeg_quality: int = setting(82, "JPEG quality of the variants in JPEG (1-95).")
    image_webp_quality: int = setting(80, "WebP quality of the variants in WebP (1-100).")
    content_cache: bool = setting(
        True,
        "Keep each article's rendered body between builds (Pelican's content cache, in "
        "CACHE_PATH, in a folder named by a digest of the settings, theme, topics.yml and "
        "Chronique's code, so that a change to any of them renders every body again).",
    )
    image_cache_path: str | None = setting(
        None, "Folder of the encoded images kept between builds (None: CACHE_PATH/images)."
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "source_timezones", _checked_zones(self.source_timezones))


def setting_name(field_name: str) -> str:
    return PREFIX + field_name.upper()


def setting_docs() -> dict[str, str]:
    """Each setting's name and the sentence that documents it."""
    return {setting_name(f.name): f.metadata["doc"] for f in fields(ChroniqueSettings)}


def read_chronique_settings(pelican_settings: Mapping[str, Any]) -> ChroniqueSettings:
    """The ``CHRONIQUE_*`` values of a Pelican settings dict, checked against the schema."""
    hints = get_type_hints(ChroniqueSettings)
    known = {setting_name(f.name): f.name for f in fields(ChroniqueSettings)}
    values: dict[str, Any] = {}
    for name, value in pelican_settings.items():
        if not name.startswith(PREFIX):
            continue
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise SettingsError(f"{name}: unknown setting{hint}")
        attribute = known[name]
        values[attribute] = _checked(name, value, hints[attribute])
    return ChroniqueSettings(**values)


def _checked(name: str, value: Any, expected: Any) -> Any:
    """*value* when it has the *expected* type (lists become tuples), else SettingsError."""
    if not _conforms(value, expected):
        raise SettingsError(
            f"{name}: expected {_type_name(expected)}, found {type(value).__name__} {value!r}"
        )
    return tuple(value) if get_origin(expected) is tuple else value


def _conforms(value: Any, expected: Any) -> bool:
    origin, args = get_origin(expected), get_args(expected)
    if origin in (Union, types.UnionType):
        return any(_conforms(value, option) for option in args)
    if expected is type(None):
        return value is None
    if expected is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if origin is tuple:
        return isinstance(value, list | tuple) and all(_conforms(v, args[0]) for v in value)
    if origin is Mapping:
        return isinstance(value, Mapping) and all(
            _conforms(k, args[0]) and _conforms(v, args[1]) for k, v in value.items()
        )
    return isinstance(value, expected)


def _type_name(expected: Any) -> str:
    origin, args = get_origin(expected), get_args(expected)
    if origin in (Union, types.UnionType):
        return " or ".join(_type_name(option) for option in args)
    if expected is type(None):
        return "None"
    if origin is tuple:
        return f"a list of {_type_name(args[0])}"
    if origin is Mapping:
        return f"a mapping of {_type_name(args[0])} to {_type_name(args[1])}"
    return getattr(expected, "__name__", str(expected))


def _checked_zones(setting: Mapping[str, str]) -> dict[str, str]:
    """CHRONIQUE_SOURCE_TIMEZONES with folded keys; an unknown zone is an error now, not at
    the first page that needs it."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    zones = {}
    for source, name in setting.items():
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise SettingsError(
                f"CHRONIQUE_SOURCE_TIMEZONES: '{name}' (for '{source}') is not an IANA time zone"
            ) from None
        zones[source_key(source)] = name
    return zones
