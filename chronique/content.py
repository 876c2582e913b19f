"""The archive as a whole: every content file read, checked, and cross-checked.

The build and ``invoke check`` share this module, so a file that passes one
passes the other, and Pelican never gets the chance to skip an article silently.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
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
    """Everything under ``content/`` that becomes a page, once validated."""

    articles: list[ArticleFile]
    pages: list[PageFile]
    vocabulary: Vocabulary


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
    for item in [*articles, *pages]:
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


def load_archive(config: ChroniqueConfig) -> Archive:
    """Read and check all content; raise InvalidContentError listing every problem."""
    vocabulary = load_vocabulary(config.topics_path)
    errors: list[ContentError] = []
    articles: list[ArticleFile] = []
    for path in article_files(config):
        result = read_article(path, config)
        if isinstance(result, list):
            errors.extend(result)
        else:
            errors.extend(check_tags(result, vocabulary))
            articles.append(result)
    pages: list[PageFile] = []
    for path in page_files(config):
        result = read_page(path, config)
        if isinstance(result, list):
            errors.extend(result)
        else:
            pages.append(result)
    errors.extend(check_unique_slugs(articles, pages))
    if any(error.is_error for error in errors):
        raise InvalidContentError(errors)
    return Archive(articles, pages, vocabulary)
