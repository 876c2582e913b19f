"""Pelican settings every Chronique site shares: the URL scheme, the plugin, strictness.

A site's ``pelicanconf.py`` starts with ``from chronique.site.defaults import *``
and then sets only what is its own (name, sections, URL).
"""

from __future__ import annotations

from chronique.content.slugs import SLUG_SUBSTITUTIONS as _SLUG_RULES
from chronique.site.listings import ChroniquePelican


def newest_first(article: object) -> tuple[float, str]:
    """Sort key: newest first, then by slug, so equal dates still order the same way."""
    return (-article.date.timestamp(), article.slug)  # type: ignore[attr-defined]


PATH = "content"
OUTPUT_PATH = "output"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
# What Pelican reads agrees with chronique.content.archive.walk_content, which refuses everything
# else before Pelican starts: only our Markdown reader (READERS switches off Pelican's HTML
# and reStructuredText readers, whose output no sanitiser sees), no hidden file.
READERS = {"html": None, "htm": None, "rst": None}
IGNORE_FILES = [".*"]
THEME = "theme"
PLUGINS = ["chronique.site.plugin"]
#: Pelican with the listing pages of chronique.site.listings (a class: Pelican imports a
#: dotted name from the top-level package only).
PELICAN_CLASS = ChroniquePelican
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
DEFAULT_DATE = None
DEFAULT_PAGINATION = 20
ARTICLE_ORDER_BY = newest_first
#: No translations: a slug is one article's (chronique.content.archive.check_unique_slugs), so
#: Pelican's grouping by slug would find none; it tests every article against a list of all of
#: them (its time grows with the square of the archive). ARTICLE_ORDER_BY orders the same.
ARTICLE_TRANSLATION_ID = None
NEWEST_FIRST_ARCHIVES = True
SLUG_REGEX_SUBSTITUTIONS = _SLUG_RULES
CATEGORY_REGEX_SUBSTITUTIONS = _SLUG_RULES
TAG_REGEX_SUBSTITUTIONS = _SLUG_RULES
AUTHOR_REGEX_SUBSTITUTIONS = _SLUG_RULES

# Reproducible builds: nothing dated by the clock. Pelican's content cache stays off for a plain
# ``pelican`` run, which would key it on file hashes alone; ``invoke build`` turns it on in a
# folder named by the digest of settings, theme and vocabulary (chronique.site.incremental).
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False
#: Every cache kept between builds (content, images): project-local and hidden.
CACHE_PATH = ".chronique-cache"
DELETE_OUTPUT_DIRECTORY = False
OUTPUT_SOURCES = False
RELATIVE_URLS = False

# The URL scheme of DESIGN.md: permanent, so an archive's links never rot.
ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{slug}/index.html"
ARTICLE_LANG_URL = ARTICLE_URL
# An article or page in another language than DEFAULT_LANG lives at its usual address.
ARTICLE_LANG_SAVE_AS = ARTICLE_SAVE_AS
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = PAGE_URL
PAGE_LANG_SAVE_AS = PAGE_SAVE_AS
CATEGORY_URL = "rubriques/{slug}/"
CATEGORY_SAVE_AS = "rubriques/{slug}/index.html"
CATEGORIES_URL = "rubriques/"
CATEGORIES_SAVE_AS = "rubriques/index.html"
TAG_URL = "sujets/{slug}/"
TAG_SAVE_AS = "sujets/{slug}/index.html"
TAGS_URL = "sujets/"
TAGS_SAVE_AS = "sujets/index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
YEAR_ARCHIVE_URL = "{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"
DAY_ARCHIVE_URL = "{date:%Y}/{date:%m}/{date:%d}/"
DAY_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/{date:%d}/index.html"
INDEX_SAVE_AS = "index.html"
DIRECT_TEMPLATES = ["index", "tags", "categories", "archives", "404"]
#: A topic index letter page (chronique.site.topic_pages) lists up to 300 topics a page.
PAGINATED_TEMPLATES = {
    "index": None,
    "tag": None,
    "category": None,
    "period_archives": None,
    "topic_letter": 300,
}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
TEMPLATE_PAGES: dict[str, str] = {}

# One place writes feeds (the Chronique plugin); Pelican's own feed writer stays off.
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
FEED_ATOM = None
FEED_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None

MARKDOWN = {
    "extensions": ["markdown.extensions.extra", "markdown.extensions.sane_lists"],
    "extension_configs": {},
    "output_format": "html",
}
