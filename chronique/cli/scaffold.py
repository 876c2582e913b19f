"""``invoke new``: a new article file with every required field filled in."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from chronique.config import ChroniqueConfig
from chronique.content.archive import ArticleFile, article_files, read_front_matter
from chronique.content.errors import ContentError
from chronique.content.frontmatter import FrontMatter, dump_front_matter
from chronique.content.model import ArticleMeta
from chronique.content.slugs import slug_problem, slugify

BODY_PLACEHOLDER = (
    "Écrivez ici le texte de l’article, en Markdown : un paragraphe par bloc, "
    "séparés par une ligne vide.\n\n## Un intertitre\n\nLa suite du texte."
)


def scaffold_leftovers(article: ArticleFile) -> list[ContentError]:
    """Warnings for what ``new`` filled in for the editor to replace: the placeholder text of
    the body and the empty tag list (an article without tags is on no topic page)."""
    found = []
    first_sentence = BODY_PLACEHOLDER.split(" : ", 1)[0]
    if first_sentence in article.body:
        found.append(
            ContentError(
                article.path,
                "the body still holds the placeholder text of `new`",
                line=article.body_line + _line_of(article.body, first_sentence),
                hint="write the article in its place",
                severity="warning",
            )
        )
    if not article.meta.tags:
        found.append(
            replace(
                article.error("tags", "no tags: the article is on no topic page"),
                hint="name its subjects, or run `chronique topics retag`",
                severity="warning",
            )
        )
    return found


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n")


class ScaffoldError(Exception):
    """The article cannot be created as asked (bad section, slug taken…)."""


def existing_slugs(config: ChroniqueConfig) -> set[str]:
    """Slugs claimed by article files, even by files that do not validate yet."""
    slugs = set()
    for path in article_files(config):
        fm = read_front_matter(path)
        slug = fm.data.get("slug") if isinstance(fm, FrontMatter) else None
        if isinstance(slug, str):
            slugs.add(slug)
    return slugs


def publication_datetime(
    config: ChroniqueConfig, day: date | datetime | None, now: datetime | None = None
) -> datetime:
    """A moment with its offset as given; a day at midnight in the site's time zone; else now.
    Always with an offset."""
    zone = ZoneInfo(config.timezone)
    if isinstance(day, datetime):
        if day.utcoffset() is None:
            raise ScaffoldError(f"the date {day.isoformat()} has no UTC offset")
        return day.replace(microsecond=0)
    if day is not None:
        return datetime.combine(day, time(0, 0), zone)
    return (now or datetime.now(zone)).astimezone(zone).replace(microsecond=0)


def require_text(value: str, what: str) -> str:
    """*value* stripped; ScaffoldError when it holds what UTF-8 cannot write (a lone surrogate,
    as a badly encoded command line gives), before any file exists."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        char = value[exc.start]
        raise ScaffoldError(
            f"the {what} holds U+{ord(char):04X} at position {exc.start + 1}, which is not text "
            "(is the terminal's encoding UTF-8?)"
        ) from None
    return value.strip()


def new_article(
    config: ChroniqueConfig,
    title: str,
    category: str,
    day: date | None = None,
    slug: str | None = None,
) -> Path:
    """Write ``content/articles/YYYY/MM/<slug>.md`` and return its path.

    *day* is a day, or a moment with its offset (kept as given).
    """
    title = require_text(title, "title")
    category = require_text(category, "category")
    if not title:
        raise ScaffoldError("the title is empty")
    if config.sections and category not in config.sections:
        raise ScaffoldError(
            f"'{category}' is not a section; use one of: {', '.join(config.sections)}"
        )
    if slug is not None:
        slug = require_text(slug, "slug")
        if not slug:
            raise ScaffoldError("the slug is empty")
    else:
        slug = slugify(title)
        if not slug:
            raise ScaffoldError(f"cannot make a slug from '{title}'; pass --slug")
    if problem := slug_problem(slug):
        message, hint = problem
        raise ScaffoldError(f"{message} ({hint})")
    if slug in existing_slugs(config):
        raise ScaffoldError(f"an article with slug '{slug}' exists already; pass another --slug")
    meta = ArticleMeta(
        title=title,
        date=publication_datetime(config, day),
        category=category,
        slug=slug,
        lang=config.default_lang,
    )
    path = config.articles_path / meta.relative_file
    text = dump_front_matter(meta.to_front_matter(), BODY_PLACEHOLDER).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("xb") as handle:
            handle.write(text)
    except FileExistsError:
        raise ScaffoldError(f"{path} exists already; pass another --slug") from None
    return path
