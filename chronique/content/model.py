"""The article model: what a front-matter must hold, checked field by field."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any, Literal, cast, get_args
from urllib.parse import unquote

from chronique.content.dates import MAX_YEAR, MIN_YEAR, parse_iso_datetime
from chronique.content.errors import ContentError
from chronique.content.frontmatter import FrontMatter
from chronique.content.render import url_allowed
from chronique.content.slugs import address_slug_problem
from chronique.settings import MAX_TAGS

REQUIRED_FIELDS = ("title", "date", "category", "slug")
#: Who vouches for the date: the page itself, an editor who supplied it at ingest, the
#: page's relative date ('il y a 3 heures') counted back from the capture time (--retrieved),
#: or the page's update date ('Updated …', 'Mis à jour le …') when that is the only date it
#: prints: what the page shows, later than the publication it stands for.
DATE_SOURCES = ("page", "editor", "capture", "updated")
#: Who decided the date's time zone: the page printed it ('page'); or the page printed a
#: time (or a day) without one, read in the source's zone (CHRONIQUE_SOURCE_TIMEZONES,
#: 'source') or the archive's TIMEZONE ('archive'). Written only when it is not 'page'; an
#: editor's --date is at midnight in the archive's zone (so 'page'), or in the source's.
DATE_ZONES = ("page", "source", "archive")
#: Who chose the section: the page named it, the section map translated the page's label,
#: the editor gave it at ingest, or the archive's default section took a page without one.
CategorySource = Literal["page", "map", "editor", "default"]
CATEGORY_SOURCES: tuple[str, ...] = get_args(CategorySource)
KNOWN_FIELDS = (
    "title",
    "subtitle",
    "date",
    "date_source",
    "date_zone",
    "modified",
    "category",
    "category_source",
    "tags",
    "summary",
    "authors",
    "lang",
    "slug",
    "feed_id",
    "aliases",
    "source",
    "image",
)
DATE_EXAMPLE = "2025-03-15T00:00:00+01:00"
#: The longest standfirst, in characters: ingest cuts a page's opening paragraph at the
#: last sentence end before it, and ``check`` warns about a longer ``summary``.
SUMMARY_MAX_CHARS = 300
_LANG_TAG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")


@dataclass(frozen=True)
class Source:
    """Provenance of an article's raw text."""

    name: str | None = None
    url: str | None = None
    retrieved: str | None = None
    sha256: str | None = None


@dataclass(frozen=True)
class LeadImage:
    src: str
    alt: str
    credit: str | None = None


@dataclass(frozen=True)
class ArticleMeta:
    """A validated front-matter."""

    title: str
    date: datetime
    category: str
    slug: str
    subtitle: str | None = None
    modified: datetime | None = None
    date_source: str = "page"
    date_zone: str = "page"
    category_source: CategorySource = "page"
    tags: tuple[str, ...] = ()
    summary: str | None = None
    authors: tuple[str, ...] = ()
    lang: str = "fr"
    source: Source | None = None
    image: LeadImage | None = None
    #: The article's old site paths ('/2024/03/ancien-slug/'), normalised: each redirects
    #: to its current address (chronique.site.redirects).
    aliases: tuple[str, ...] = ()
    #: The slug its feed entry id was minted with, when the slug changed since: ``chronique
    #: rename`` writes it once, so a feed reader never sees a renamed article as a new one.
    feed_id: str | None = None

    @property
    def feed_slug(self) -> str:
        """The slug of the feed entry id (``tag:…:{YYYY-MM-DD}:{feed_slug}``): permanent."""
        return self.feed_id or self.slug

    @property
    def relative_file(self) -> PurePosixPath:
        """Where the article belongs under ``content/articles/``."""
        return PurePosixPath(f"{self.date.year:04d}/{self.date.month:02d}/{self.slug}.md")

    def to_front_matter(self) -> dict[str, Any]:
        """The mapping to write back as YAML, in DESIGN.md's field order, empties left out."""
        data: dict[str, Any] = {"title": self.title}
        if self.subtitle:
            data["subtitle"] = self.subtitle
        data["date"] = self.date.isoformat()
        if self.date_source != "page":
            data["date_source"] = self.date_source
        if self.date_zone != "page":
            data["date_zone"] = self.date_zone
        if self.modified:
            data["modified"] = self.modified.isoformat()
        data["category"] = self.category
        if self.category_source != "page":
            data["category_source"] = self.category_source
        data["tags"] = list(self.tags)
        if self.summary:
            data["summary"] = self.summary
        if self.authors:
            data["authors"] = list(self.authors)
        data["lang"] = self.lang
        data["slug"] = self.slug
        if self.feed_id:
            data["feed_id"] = self.feed_id
        if self.aliases:
            data["aliases"] = list(self.aliases)
        if self.source:
            data["source"] = {k: v for k, v in vars(self.source).items() if v is not None}
        if self.image:
            data["image"] = {k: v for k, v in vars(self.image).items() if v is not None}
        return data


@dataclass
class _Check:
    """Collects the problems of one front-matter while its fields are read."""

    fm: FrontMatter
    errors: list[ContentError] = field(default_factory=list)

    def fail(self, key: str, message: str, hint: str | None = None) -> None:
        self.errors.append(self.fm.error(key, message, hint))

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.fm.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(key, "missing required field", f"add '{key}: …' to the front-matter")
            return None
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            self.fail(key, f"must be text, found {type(value).__name__}")
            return None
        return str(value).strip()

    def text_list(self, key: str) -> tuple[str, ...]:
        value = self.fm.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(key, "must be a list of names", f"write {key}: [Un, Deux]")
            return ()
        return tuple(dict.fromkeys(v.strip() for v in value))

    def datetime(self, key: str, required: bool = False) -> datetime | None:
        value = self.fm.data.get(key)
        if value is None:
            if required:
                self.fail(key, "missing required field", f"add '{key}: {DATE_EXAMPLE}'")
            return None
        try:
            parsed = parse_iso_datetime(value)
        except ValueError as exc:
            self.fail(
                key, str(exc), f"write an ISO 8601 date-time with offset, e.g. {DATE_EXAMPLE}"
            )
            return None
        if not MIN_YEAR <= parsed.year <= MAX_YEAR:
            self.fail(
                key,
                f"year {parsed.year} is outside {MIN_YEAR}-{MAX_YEAR}",
                "addresses and archives are by four-digit year: check the date",
            )
            return None
        return parsed

    def lang(self, default: str) -> str:
        """A language tag (BCP 47: 'fr', 'fr-CA'); it names files and the page's ``lang``."""
        value = self.text("lang")
        if value is None:
            return default
        if not _LANG_TAG.fullmatch(value):
            self.fail("lang", f"'{value}' is not a language tag", "write e.g. lang: fr")
            return default
        return value

    def mapping(self, key: str, allowed: tuple[str, ...]) -> dict[str, Any] | None:
        value = self.fm.data.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.fail(key, "must be a mapping", f"write {key}: {{{allowed[0]}: …}}")
            return None
        unknown = sorted(set(map(str, value)) - set(allowed))
        if unknown:
            self.fail(key, f"unknown key(s) {', '.join(unknown)}", f"allowed: {', '.join(allowed)}")
        return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in value.items()}


def parse_article_meta(
    fm: FrontMatter,
    sections: tuple[str, ...] = (),
    default_lang: str = "fr",
    max_tags: int = MAX_TAGS,
) -> tuple[ArticleMeta | None, list[ContentError]]:
    """Check a front-matter against the contract; return the article or why it is refused."""
    check = _Check(fm)
    _check_unknown_fields(check)
    title = check.text("title", required=True)
    published = check.datetime("date", required=True)
    modified = check.datetime("modified")
    category = check.text("category", required=True)
    slug = check.text("slug", required=True)
    date_source = check.text("date_source") or "page"
    if date_source not in DATE_SOURCES:
        check.fail("date_source", f"'{date_source}' is not one of {', '.join(DATE_SOURCES)}")
    date_zone = check.text("date_zone") or "page"
    if date_zone not in DATE_ZONES:
        check.fail("date_zone", f"'{date_zone}' is not one of {', '.join(DATE_ZONES)}")
    category_source = check.text("category_source") or "page"
    if category_source not in CATEGORY_SOURCES:
        check.fail(
            "category_source",
            f"'{category_source}' is not one of {', '.join(CATEGORY_SOURCES)}",
        )
    if category and sections and category not in sections:
        close = difflib.get_close_matches(category, sections, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"use one of: {', '.join(sections)}"
        check.fail("category", f"'{category}' is not a configured section", hint)
    if slug and (problem := address_slug_problem(slug)):
        check.fail("slug", *problem)
    feed_id = check.text("feed_id")
    if feed_id and (problem := address_slug_problem(feed_id)):
        check.fail("feed_id", *problem)
    aliases = _aliases(check)
    if published and modified and modified < published:
        check.fail("modified", "is earlier than date")
    source = _source(check)
    image = _image(check)
    subtitle, summary = check.text("subtitle"), check.text("summary")
    tags, authors = check.text_list("tags"), check.text_list("authors")
    if len(tags) > max_tags:
        check.fail(
            "tags",
            f"{len(tags)} tags, over the limit of {max_tags} (CHRONIQUE_MAX_TAGS)",
            "keep the topics the article is about",
        )
    lang = check.lang(default_lang)
    if check.errors or not (title and published and category and slug):
        return None, check.errors
    meta = ArticleMeta(
        title=title,
        date=published,
        category=category,
        slug=slug,
        modified=modified,
        date_source=date_source,
        date_zone=date_zone,
        category_source=cast(CategorySource, category_source),  # checked above
        source=source,
        image=image,
        subtitle=subtitle,
        tags=tags,
        summary=summary,
        authors=authors,
        lang=lang,
        aliases=aliases,
        feed_id=feed_id,
    )
    return meta, []


def _check_unknown_fields(check: _Check) -> None:
    for key in check.fm.data:
        if str(key) not in KNOWN_FIELDS:
            close = difflib.get_close_matches(str(key), KNOWN_FIELDS, n=1)
            hint = (
                f"did you mean '{close[0]}'?"
                if close
                else f"known fields: {', '.join(KNOWN_FIELDS)}"
            )
            check.fail(str(key), "unknown field", hint)


def alias_path_problem(alias: str) -> str | None:
    """Why *alias* is not an old site path an article can keep as a redirect, or None.

    A site-relative path only: the redirect page is written at it, under the output folder.
    """
    if not alias.startswith("/") or alias.startswith("//"):
        return "is not a site path: give the path alone, starting with '/', without scheme or host"
    if any(char in alias for char in "?#\\") or any(
        char.isspace() or not char.isprintable() for char in alias
    ):
        return "holds a space, '?', '#', '\\' or a control character: give the bare path"
    segments = alias.strip("/").split("/")
    if segments == [""]:
        return "is the home page"
    if any(segment in ("", ".", "..") for segment in segments):
        return "has an empty, '.' or '..' segment"
    if any(segment.startswith(".") for segment in segments):
        return "has a hidden segment (starting with '.')"
    return None


def normalised_alias(alias: str) -> str:
    """*alias* as the site serves it: percent-escapes decoded, one slash at each end."""
    return "/" + unquote(alias.strip()).strip("/") + "/"


def _aliases(check: _Check) -> tuple[str, ...]:
    value = check.fm.data.get("aliases")
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        check.fail(
            "aliases", "must be a list of old site paths", "write aliases: [/2024/03/ancien/]"
        )
        return ()
    found = []
    for alias in value:
        problem = alias_path_problem(unquote(alias.strip()))
        if problem:
            check.fail(
                "aliases", f"alias '{alias}' {problem}", "write an old path, e.g. /2024/03/ancien/"
            )
        else:
            found.append(normalised_alias(alias))
    return tuple(dict.fromkeys(found))


def _source(check: _Check) -> Source | None:
    value = check.mapping("source", ("name", "url", "retrieved", "sha256"))
    if value is None:
        return None
    url, retrieved = value.get("url"), value.get("retrieved")
    if url is not None and not (isinstance(url, str) and url_allowed(url)):
        check.fail(
            "source",
            f"source.url '{url}' is not an http(s) or mailto: address",
            "give the address of the page the text was taken from",
        )
        return None
    if retrieved is not None and not _is_iso_date(retrieved):
        check.fail(
            "source",
            f"source.retrieved '{retrieved}' is not a date",
            "write the day the page was captured, e.g. retrieved: 2025-03-15",
        )
        return None
    return Source(
        **{k: (str(v) if v is not None else None) for k, v in value.items() if k in vars(Source())}
    )


def _is_iso_date(value: object) -> bool:
    """An ISO 8601 date, or date-time, in a four-digit year (YAML's own dates included)."""
    if isinstance(value, date):
        return MIN_YEAR <= value.year <= MAX_YEAR
    if not isinstance(value, str):
        return False
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parsed = parse(value.strip())
        except ValueError:
            continue
        return MIN_YEAR <= parsed.year <= MAX_YEAR
    return False


def _image(check: _Check) -> LeadImage | None:
    value = check.mapping("image", ("src", "alt", "credit"))
    if value is None:
        return None
    src, alt = value.get("src"), value.get("alt")
    if not isinstance(src, str) or not src.strip():
        check.fail("image", "image needs a 'src' path under content/", "e.g. src: images/photo.jpg")
        return None
    if Path(src).is_absolute() or ".." in PurePosixPath(src).parts:
        check.fail("image", f"'{src}' points outside content/", "use a path like images/photo.jpg")
        return None
    if not isinstance(alt, str) or not alt.strip():
        check.fail("image", "image has no alt text", "describe the picture in 'alt: …'")
        return None
    credit = value.get("credit")
    return LeadImage(src=src.strip(), alt=alt.strip(), credit=str(credit) if credit else None)


@dataclass(frozen=True)
class PageMeta:
    """A validated front-matter of a standalone page (about, legal…)."""

    title: str
    slug: str
    lang: str = "fr"
    summary: str | None = None


def parse_page_meta(
    fm: FrontMatter, default_lang: str = "fr"
) -> tuple[PageMeta | None, list[ContentError]]:
    """Pages need only a title and a slug."""
    check = _Check(fm)
    for key in fm.data:
        if str(key) not in ("title", "slug", "lang", "summary"):
            check.fail(
                str(key), "unknown field for a page", "pages take title, slug, lang, summary"
            )
    title = check.text("title", required=True)
    slug = check.text("slug", required=True)
    if slug and (problem := address_slug_problem(slug)):
        check.fail("slug", *problem)
    summary = check.text("summary")
    lang = check.lang(default_lang)
    if check.errors or not (title and slug):
        return None, check.errors
    return PageMeta(title=title, slug=slug, lang=lang, summary=summary), []
