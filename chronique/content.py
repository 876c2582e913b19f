"""The archive as a whole: every content file read, checked, and cross-checked.

The build and ``invoke check`` share this module, so a file that passes one
passes the other, and Pelican never gets the chance to skip an article silently.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from chronique.config import ChroniqueConfig
from chronique.errors import ContentError, InvalidContentError
from chronique.frontmatter import FrontMatter, parse_front_matter
from chronique.model import ArticleMeta, PageMeta, parse_article_meta, parse_page_meta
from chronique.topics import Vocabulary, load_vocabulary

MAX_FILE_BYTES = 2_000_000


@dataclass(frozen=True)
class ArticleFile:
    path: Path
    meta: ArticleMeta
    body: str
    body_line: int
    front_matter: FrontMatter

    def error(self, key: str, message: str, hint: str | None = None) -> ContentError:
        """An error located at the front-matter field *key*."""
        return self.front_matter.error(key, message, hint)


@dataclass(frozen=True)
class PageFile:
    path: Path
    meta: PageMeta
    body: str
    front_matter: FrontMatter


@dataclass
class Archive:
    """Everything under ``content/`` that becomes a page, each file read and checked once.

    ``articles`` and ``pages`` hold the files that passed; ``problems`` says what is wrong
    with the others, and with the archive as a whole (duplicate slugs, unknown topics).
    """

    articles: list[ArticleFile]
    pages: list[PageFile]
    vocabulary: Vocabulary
    files: list[Path] = field(default_factory=list)
    problems: list[ContentError] = field(default_factory=list)


def article_files(config: ChroniqueConfig) -> list[Path]:
    """Every Markdown file under ARTICLE_PATHS but not under PAGE_PATHS, in a stable order."""
    pages = set(page_files(config))
    return [path for path in _markdown_files(config, config.article_paths) if path not in pages]


def page_files(config: ChroniqueConfig) -> list[Path]:
    """Every Markdown file under PAGE_PATHS, in a stable order."""
    return _markdown_files(config, config.page_paths)


def _markdown_files(config: ChroniqueConfig, folders: tuple[str, ...]) -> list[Path]:
    found = {path for folder in folders for path in (config.content_path / folder).rglob("*.md")}
    return sorted(found)


def replace_file(path: Path, text: str) -> None:
    """Write *text* over the file *path* atomically, keeping its permission bits.

    The text goes to a hidden temporary file in the same folder (never a ``*.md`` name),
    then takes *path*'s name with ``Path.replace`` (``os.replace``): a reader, or a crash,
    sees the old file or the new one, never half of one.
    """
    mode = stat.S_IMODE(path.stat().st_mode)
    with tempfile.NamedTemporaryFile(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
    ) as temporary:
        temporary.write(text.encode("utf-8"))
        temporary.flush()
        os.fsync(temporary.fileno())
    written = Path(temporary.name)
    try:
        written.chmod(mode)
        written.replace(path)
    finally:
        written.unlink(missing_ok=True)


def read_front_matter(path: Path) -> FrontMatter | ContentError:
    """Read a content file as UTF-8 and parse its front-matter."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return ContentError(path, f"cannot read file: {exc.strerror}")
    if len(raw) > MAX_FILE_BYTES:
        return ContentError(
            path,
            f"file is {len(raw):,} bytes, over the {MAX_FILE_BYTES:,}-byte limit",
            hint="an article this long is almost certainly a mistake; split or trim it",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return ContentError(
            path,
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
            line=line,
            hint="save the file as UTF-8",
        )
    return parse_front_matter(path, text.lstrip("\ufeff"))


def read_article(path: Path, config: ChroniqueConfig) -> ArticleFile | list[ContentError]:
    """One article file, checked on its own (no cross-file checks)."""
    fm = read_front_matter(path)
    if isinstance(fm, ContentError):
        return [fm]
    meta, errors = parse_article_meta(fm, config.sections, config.default_lang)
    if meta is None:
        return errors
    return ArticleFile(path, meta, fm.body, fm.body_line, fm)


def read_page(path: Path, config: ChroniqueConfig) -> PageFile | list[ContentError]:
    fm = read_front_matter(path)
    if isinstance(fm, ContentError):
        return [fm]
    meta, errors = parse_page_meta(fm, config.default_lang)
    if meta is None:
        return errors
    return PageFile(path, meta, fm.body, fm)


def check_tags(article: ArticleFile, vocabulary: Vocabulary) -> list[ContentError]:
    """Tags must be topics of the vocabulary; suggest the closest one for a typo."""
    errors = []
    for tag in article.meta.tags:
        if tag in vocabulary:
            continue
        close = vocabulary.closest(tag)
        hint = (
            f"did you mean '{close.name}'?"
            if close
            else "use a topic of content/topics.yml, or propose a new one there"
        )
        errors.append(article.error("tags", f"'{tag}' is not a known topic", hint))
    return errors


def check_unique_slugs(articles: list[ArticleFile], pages: list[PageFile]) -> list[ContentError]:
    """A slug is an article's permanent address: two files may not claim one."""
    claims: dict[str, list[ArticleFile | PageFile]] = defaultdict(list)
    items: list[ArticleFile | PageFile] = [*articles, *pages]
    for item in items:
        claims[item.meta.slug].append(item)
    errors = []
    for slug, items in claims.items():
        for item in items[1:]:
            errors.append(
                item.front_matter.error(
                    "slug",
                    f"duplicate slug '{slug}', already used by {items[0].path}",
                    "choose another slug: slugs are permanent URLs",
                )
            )
    return errors


def read_archive(config: ChroniqueConfig) -> Archive:
    """Read and check every content file once; an unreadable ``topics.yml`` raises
    InvalidContentError, a content file's problems are kept in ``problems``."""
    vocabulary = load_vocabulary(config.topics_path)
    problems: list[ContentError] = []
    article_paths, page_paths = article_files(config), page_files(config)
    articles: list[ArticleFile] = []
    for path in article_paths:
        article = read_article(path, config)
        if isinstance(article, list):
            problems.extend(article)
        else:
            problems.extend(check_tags(article, vocabulary))
            articles.append(article)
    pages: list[PageFile] = []
    for path in page_paths:
        page = read_page(path, config)
        if isinstance(page, list):
            problems.extend(page)
        else:
            pages.append(page)
    problems.extend(check_unique_slugs(articles, pages))
    return Archive(articles, pages, vocabulary, [*article_paths, *page_paths], problems)


def load_archive(config: ChroniqueConfig) -> Archive:
    """Read and check all content; raise InvalidContentError listing every problem."""
    archive = read_archive(config)
    if any(problem.is_error for problem in archive.problems):
        raise InvalidContentError(archive.problems)
    return archive
