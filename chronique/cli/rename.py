"""``chronique rename OLD NEW``: change an article's slug without breaking a link or a feed.

The file moves to its new place (``articles/YYYY/MM/NEW.md``) and only three front-matter
fields change, through the same editor as ``topics retag`` (``frontmatter.with_field``:
comments, key order, quotes, a byte-order mark and CRLF line ends are kept):

* ``slug:`` becomes NEW;
* the old address is appended to ``aliases:``, so it redirects to the new one
  (chronique.site.redirects); renaming back to an old slug takes that alias off again;
* ``feed_id:`` is set to the first slug when the article has none yet: feed entry ids are
  ``tag:…:{YYYY-MM-DD}:{feed_id or slug}``, so feed readers keep the entry they have.

The renamed archive must pass ``check``; when it does not, the old file is put back.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from chronique.config import ChroniqueConfig
from chronique.content.archive import ArticleFile, read_archive
from chronique.content.checks import check_content
from chronique.content.errors import ContentError
from chronique.content.frontmatter import with_field
from chronique.content.model import normalised_alias
from chronique.content.slugs import address_slug_problem
from chronique.site.model import UrlScheme


class RenameError(Exception):
    """Why the article was left as it was; ``problems`` when check refused the result."""

    def __init__(self, message: str, problems: list[ContentError] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class Renamed:
    old_path: Path
    new_path: Path
    old_url: str
    new_url: str


def rename_article(config: ChroniqueConfig, old_slug: str, new_slug: str) -> Renamed:
    """Give the article whose slug is *old_slug* the slug *new_slug* (see the module)."""
    archive = read_archive(config)
    urls = UrlScheme.from_settings(config.pelican, config.chronique)
    article = _article_with_slug(archive.articles, old_slug)
    if problem := address_slug_problem(new_slug):
        raise RenameError(f"{problem[0]}: {problem[1]}")
    taken = {item.meta.slug for item in archive.articles} | {
        item.meta.slug for item in archive.pages
    }
    if new_slug in taken:
        raise RenameError(f"the slug '{new_slug}' is taken: choose another one")
    meta = article.meta
    old_url = normalised_alias(urls.article(meta))
    new_meta = replace(meta, slug=new_slug)
    new_url = normalised_alias(urls.article(new_meta))
    new_path = config.articles_path / new_meta.relative_file
    if new_path.exists():
        raise RenameError(f"{new_path} already exists")
    holder = next(
        (a for a in archive.articles if a is not article and new_url in a.meta.aliases), None
    )
    if holder is not None:
        raise RenameError(f"{new_url} is an alias of {holder.path}: choose another slug")
    aliases = [alias for alias in meta.aliases if alias != new_url] + [old_url]
    original = article.path.read_bytes().decode("utf-8")  # CRLF kept: no newline translation
    try:
        text = with_field(original, "slug", new_slug)
        text = with_field(text, "aliases", aliases)
        if meta.feed_id is None:
            text = with_field(text, "feed_id", old_slug)
    except ValueError as exc:
        raise RenameError(f"{article.path}: cannot edit the front-matter: {exc}") from None
    _move(article.path, new_path, text)
    problems = check_content(config, [new_path]).errors
    if problems:
        _move(new_path, article.path, original)
        raise RenameError("the renamed article does not pass check; nothing changed", problems)
    return Renamed(article.path, new_path, old_url, new_url)


def _article_with_slug(articles: list[ArticleFile], slug: str) -> ArticleFile:
    for article in articles:
        if article.meta.slug == slug:
            return article
    raise RenameError(f"no article has the slug '{slug}' (or its file does not pass check)")


def _move(old: Path, new: Path, text: str) -> None:
    """Write *text* at *new* (a new file, atomically, with *old*'s permissions), then remove
    *old*: whenever it stops, the article is in one file or both, never half written."""
    mode = old.stat().st_mode & 0o7777
    with tempfile.NamedTemporaryFile(
        dir=new.parent, prefix=f".{new.name}.", suffix=".tmp", delete=False
    ) as temporary:
        temporary.write(text.encode("utf-8"))
        temporary.flush()
        os.fsync(temporary.fileno())
    written = Path(temporary.name)
    try:
        written.chmod(mode)
        os.link(written, new)  # unlike a rename, never replaces a file that appeared since
    finally:
        written.unlink(missing_ok=True)
    old.unlink()
