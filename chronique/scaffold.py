"""``invoke new``: a new article file with every required field filled in."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from chronique.config import ChroniqueConfig
from chronique.content import article_files, read_front_matter
from chronique.frontmatter import FrontMatter, dump_front_matter
from chronique.model import ArticleMeta
from chronique.slugs import slugify

BODY_PLACEHOLDER = (
    "Écrivez ici le texte de l’article, en Markdown : un paragraphe par bloc, "
    "séparés par une ligne vide.\n\n## Un intertitre\n\nLa suite du texte."
)


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
    config: ChroniqueConfig, day: date | None, now: datetime | None = None
) -> datetime:
    """The given day at midnight in the site's time zone, or now; always with an offset."""
    zone = ZoneInfo(config.timezone)
    if day is not None:
        return datetime.combine(day, time(0, 0), zone)
    return (now or datetime.now(zone)).astimezone(zone).replace(microsecond=0)


def new_article(
    config: ChroniqueConfig,
    title: str,
    category: str,
    day: date | None = None,
    slug: str | None = None,
) -> Path:
    """Write ``content/articles/YYYY/MM/<slug>.md`` and return its path."""
    title = title.strip()
    if not title:
        raise ScaffoldError("the title is empty")
    if config.sections and category not in config.sections:
        raise ScaffoldError(
            f"'{category}' is not a section; use one of: {', '.join(config.sections)}"
        )
    slug = slug or slugify(title)
    if not slug:
        raise ScaffoldError(f"cannot make a slug from '{title}'; pass --slug")
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
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(dump_front_matter(meta.to_front_matter(), BODY_PLACEHOLDER))
    return path
