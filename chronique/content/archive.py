"""The archive as a whole: every content file read, checked, and cross-checked.

The build and ``invoke check`` share this module, so a file that passes one
passes the other, and Pelican never gets the chance to skip an article silently.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar, cast

from lxml import etree

from chronique.config import ChroniqueConfig
from chronique.content.errors import ContentError
from chronique.content.frontmatter import FrontMatter, parse_front_matter
from chronique.content.model import ArticleMeta, PageMeta, parse_article_meta, parse_page_meta
from chronique.content.render import url_allowed
from chronique.settings import YAML_MAX_DEPTH
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
    body_line: int
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
    #: The files under STATIC_PATHS the site serves (images, fonts, PDF).
    static: list[Path] = field(default_factory=list)
    #: The articles (by path, as read) an :class:`ArticleMemo` held unchanged: a published
    #: build with these settings and code took them as they are.
    unchanged: frozenset[str] = frozenset()


def article_files(config: ChroniqueConfig) -> list[Path]:
    """Every article file of the archive (see :func:`walk_content`), in a stable order."""
    return walk_content(config).articles


def page_files(config: ChroniqueConfig) -> list[Path]:
    """Every page file of the archive (see :func:`walk_content`), in a stable order."""
    return walk_content(config).pages


@dataclass(frozen=True)
class ContentTree:
    """Every file under ``content/``, sorted into what the site publishes and what it refuses."""

    articles: list[Path]
    pages: list[Path]
    static: list[Path]
    refused: list[ContentError]


#: The file types a site serves from STATIC_PATHS: images, fonts, PDF. Anything else
#: (HTML, scripts, text) would be served from the site's own origin unchecked.
STATIC_TYPES = frozenset({
    ".avif", ".gif", ".jpeg", ".jpg", ".png", ".svg", ".webp",
    ".otf", ".ttf", ".woff", ".woff2",
    ".pdf",
})  # fmt: skip
CONTENT_SUFFIX = ".md"


def walk_content(config: ChroniqueConfig) -> ContentTree:
    """Sort every entry under ``content/`` without following a link.

    The one rule of which files are content, for ``check`` and the build alike (and the
    Pelican settings in site_defaults agree with it): ``*.md`` under PAGE_PATHS is a page,
    under ARTICLE_PATHS an article; a file of STATIC_TYPES under STATIC_PATHS is copied;
    ``topics.yml`` is the vocabulary. Every other entry (another suffix, a hidden file, a
    symlink, a FIFO, a Markdown file elsewhere) is refused with the reason, never skipped.
    """
    root = config.content_path
    tree = ContentTree([], [], [], [])
    if not root.is_dir():
        return tree
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        for name in sorted(dirs):
            problem = entry_problem(here / name)
            if problem is not None:
                tree.refused.append(ContentError(here / name, problem))
                dirs.remove(name)
        dirs.sort()
        for name in sorted(files):
            _sort_file(config, here / name, tree)
    for found in (tree.articles, tree.pages, tree.static):
        found.sort()
    tree.refused.sort(key=lambda error: str(error.path))
    return tree


def entry_problem(path: Path) -> str | None:
    """Why the folder entry *path* may not be read as content: a link, a hidden name, or
    something other than a file or a folder (a FIFO would block the reader)."""
    if path.is_symlink():
        return "symbolic links are not read in content/"
    if path.name.startswith("."):
        return "hidden file or folder (its name starts with '.'): neither checked nor published"
    mode = path.lstat().st_mode
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return "not a regular file"
    return None


def _sort_file(config: ChroniqueConfig, path: Path, tree: ContentTree) -> None:
    problem = entry_problem(path)
    if problem is not None:
        tree.refused.append(ContentError(path, problem, hint="remove it, or copy the file itself"))
        return
    relative = path.relative_to(config.content_path)
    if relative == Path(config.topics_path.name):
        return
    if _under(relative, config.page_paths):
        kind, found = "page", tree.pages
    elif _under(relative, config.article_paths):
        kind, found = "article", tree.articles
    elif _under(relative, config.static_paths):
        refusal = static_file_problem(path)
        if refusal is None:
            tree.static.append(path)
        else:
            tree.refused.append(ContentError(path, refusal))
        return
    else:
        tree.refused.append(_outside_error(config, path))
        return
    if path.suffix == CONTENT_SUFFIX:
        found.append(path)
    else:
        tree.refused.append(
            ContentError(
                path,
                f"not a{'n' if kind == 'article' else ''} {kind} file: only '*{CONTENT_SUFFIX}' "
                f"files are read here, found '{path.suffix or path.name}'",
                hint=f"write the {kind} in Markdown, as {path.stem}{CONTENT_SUFFIX}",
            )
        )


def _under(relative: Path, folders: tuple[str, ...]) -> bool:
    return any(folder in ("", ".") or relative.is_relative_to(folder) for folder in folders)


def _outside_error(config: ChroniqueConfig, path: Path) -> ContentError:
    if path.suffix.lower() == CONTENT_SUFFIX:
        return ContentError(
            path,
            "a Markdown file outside the article and page folders is never published",
            hint=f"move it to {config.articles_path}/YYYY/MM/",
        )
    return ContentError(path, "not part of the site: content/ holds articles, pages and images")


def static_file_problem(path: Path) -> str | None:
    """Why the file *path* under STATIC_PATHS may not be served, or None."""
    if path.suffix.lower() not in STATIC_TYPES:
        kinds = ", ".join(sorted(STATIC_TYPES))
        return f"not a static file type the site serves ({kinds})"
    if path.suffix.lower() == ".svg":
        return svg_problem(path)
    return None


def svg_problem(path: Path) -> str | None:
    """Why an SVG file could run code on the site's origin (scripts, handlers, links out of
    the URL policy, embedded documents, entities), or None. Refused rather than cleaned:
    an archive's SVG is a drawing, and a drawing with a script is a mistake worth seeing."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return f"SVG over the {MAX_FILE_BYTES:,}-byte limit is not served"
        raw = path.read_bytes()
    except OSError as exc:
        return f"cannot read file: {exc.strerror}"
    if b"<!DOCTYPE" in raw.upper() or b"<!ENTITY" in raw.upper():
        return "SVG with a DOCTYPE or entities is not served"
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        document = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        return f"not a well-formed SVG: {exc}"
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname.lower()
        if name in SVG_ACTIVE_ELEMENTS:
            return f"SVG with a <{name}> element is not served"
        for attribute, value in element.attrib.items():
            local = etree.QName(attribute).localname.lower()
            if local.startswith("on"):
                return f"SVG with an event-handler attribute {local}= is not served"
            if local in ("href", "src") and not url_allowed(value):
                return f"SVG with a link to '{value}' is not served"
    return None


SVG_ACTIVE_ELEMENTS = frozenset({"script", "foreignobject", "iframe", "embed", "object"})


def local_file_problem(config: ChroniqueConfig, src: str) -> str | None:
    """Why *src* (a path relative to content/, as an image field or a ``{static}`` link
    gives it) is not a regular file inside content/ reached without a symbolic link, or None.

    The one containment rule for every file a page points at (images included).
    """
    root = config.content_path.resolve()
    relative = PurePosixPath(src.removeprefix("{static}").removeprefix("{filename}").lstrip("/"))
    if relative.is_absolute() or ".." in relative.parts:
        return f"'{src}' points outside content/"
    here = root
    for part in relative.parts:
        here = here / part
        problem = entry_problem(here) if here.exists() or here.is_symlink() else None
        if problem is not None:
            return f"'{src}' goes through {here.name}: {problem}"
    if not here.resolve().is_relative_to(root):
        return f"'{src}' points outside content/"
    if not here.is_file():
        return f"'{src}' does not exist under content/"
    return None


def served_file_problem(config: ChroniqueConfig, src: str) -> str | None:
    """Why *src* (an image, a ``{static}`` link) is not a file the site serves: inside
    content/ (local_file_problem), under STATIC_PATHS and of STATIC_TYPES; or None.

    Pelican copies the target of a ``{static}`` link wherever it is: this keeps it to the
    files walk_content would publish.
    """
    problem = local_file_problem(config, src)
    if problem is not None:
        return problem
    relative = Path(src.removeprefix("{static}").lstrip("/"))
    if not _under(relative, config.static_paths):
        return f"'{src}' is not under {', '.join(config.static_paths)}/ (STATIC_PATHS)"
    problem = static_file_problem(config.content_path / relative)
    return f"'{src}': {problem}" if problem else None


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


def read_front_matter(path: Path, max_depth: int = YAML_MAX_DEPTH) -> FrontMatter | ContentError:
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
    return parse_front_matter(path, text.lstrip("\ufeff"), max_depth)


def read_article(path: Path, config: ChroniqueConfig) -> ArticleFile | list[ContentError]:
    """One article file, checked on its own (no cross-file checks)."""
    limits = config.chronique
    fm = read_front_matter(path, limits.yaml_max_depth)
    if isinstance(fm, ContentError):
        return [fm]
    meta, errors = parse_article_meta(fm, config.sections, config.default_lang, limits.max_tags)
    errors.extend(check_nesting(path, fm.body, fm.body_line, limits.body_max_nesting))
    if meta is None or errors:
        return errors
    return ArticleFile(path, meta, fm.body, fm.body_line, fm)


def read_page(path: Path, config: ChroniqueConfig) -> PageFile | list[ContentError]:
    limits = config.chronique
    fm = read_front_matter(path, limits.yaml_max_depth)
    if isinstance(fm, ContentError):
        return [fm]
    meta, errors = parse_page_meta(fm, config.default_lang)
    errors.extend(check_nesting(path, fm.body, fm.body_line, limits.body_max_nesting))
    if meta is None or errors:
        return errors
    return PageFile(path, meta, fm.body, fm.body_line, fm)


_OPENERS, _CLOSERS = "[(", "])"
_LINE_PREFIX = re.compile(r"[ \t>]*")


def check_nesting(path: Path, body: str, body_line: int, limit: int) -> list[ContentError]:
    """A body nested deeper than *limit* levels is refused: Python-Markdown takes time in
    the square of the depth of brackets and block quotes, and recurses once per level of
    list (1,000 levels: 40 s, then a RecursionError)."""
    at = _bracket_overflow(body, limit)
    if at is None:
        at = _line_overflow(body, limit)
    if at is None:
        return []
    return [
        ContentError(
            path,
            f"brackets, block quotes or lists nested deeper than {limit} levels "
            "(CHRONIQUE_BODY_MAX_NESTING)",
            line=body_line + body.count("\n", 0, at),
            hint="close the brackets, escape them as \\[, or flatten the quotes and lists",
        )
    ]


def _bracket_overflow(body: str, limit: int) -> int | None:
    """Where brackets first nest deeper than *limit*, or None."""
    if sum(body.count(c) for c in _OPENERS) <= limit:
        return None
    depth = 0
    for offset, char in enumerate(body):
        if char in _OPENERS:
            depth += 1
            if depth > limit:
                return offset
        elif char in _CLOSERS and depth:
            depth -= 1
    return None


def _line_overflow(body: str, limit: int) -> int | None:
    """Where a line's block quotes and indentation (a list level per 4 columns) first go
    deeper than *limit*, or None."""
    offset = 0
    for line in body.split("\n"):
        prefix = _LINE_PREFIX.match(line).group()  # type: ignore[union-attr]
        columns = prefix.count(" ") + 4 * prefix.count("\t")
        if prefix.count(">") + columns // 4 > limit:
            return offset
        offset += len(line) + 1
    return None


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


T = TypeVar("T")

#: A file's inode, size, modification and change times: a write changes the change time,
#: which no tool can set back.
FileStamp = tuple[int, int, int, int]


@dataclass
class ArticleMemo:
    """The articles a previous read found valid, by path, with the stamp their file had.

    Reading an article (YAML, the front-matter contract, nesting) depends on its bytes and
    on the settings and code named by *key* alone: a file whose stamp is unchanged is the
    same article. Files with problems are read every time, so their errors are always told.
    """

    key: str
    known: dict[str, tuple[FileStamp, ArticleFile]] = field(default_factory=dict)
    #: The paths this read found new, changed or gone: their entries are to be saved.
    dirty: set[str] = field(default_factory=set, repr=False)
    #: The articles this read took from the memo, by path.
    unchanged: set[str] = field(default_factory=set, repr=False)
    #: What the checks found in each article's own text, by path (:meth:`scan`).
    scans: dict[str, Any] = field(default_factory=dict)
    _seen: set[str] = field(default_factory=set, repr=False)

    def read(self, path: Path, config: ChroniqueConfig) -> ArticleFile | list[ContentError]:
        """The article at *path*, read unless the memo holds it with the file's stamp."""
        name = str(path)
        self._seen.add(name)
        try:
            status = path.stat()
        except OSError:
            return read_article(path, config)
        stamp = (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)
        found = self.known.get(name)
        if found is not None and found[0] == stamp:
            self.unchanged.add(name)
            return found[1]
        self.dirty.add(name)
        article = read_article(path, config)  # after the stat: a later write shows next time
        if isinstance(article, ArticleFile):
            self.known[name] = (stamp, article)
        else:
            self.known.pop(name, None)
        return article

    @property
    def changed(self) -> bool:
        """Whether this read found anything new, changed or gone (the memo is to be saved)."""
        return bool(self.dirty)

    def fresh(self) -> ArticleMemo:
        """This memo as a new read finds it: what it holds, nothing read yet."""
        return ArticleMemo(self.key, self.known, scans=self.scans)

    def scan(self, article: ArticleFile, make: Callable[[ArticleFile], T]) -> T:
        """What *make* finds in *article*'s own text (front matter and body), kept while
        its file is unchanged: *make* must read nothing else."""
        name = str(article.path)
        if name in self.unchanged and name in self.scans:
            return cast(T, self.scans[name])
        found = make(article)
        self.scans[name] = found
        self.dirty.add(name)
        return found

    def forget_unseen(self) -> None:
        """Drop the articles this read did not ask for (their files are gone)."""
        gone = set(self.known) - self._seen
        for name in gone:
            del self.known[name]
        for name in set(self.scans) - self._seen:
            del self.scans[name]
            gone.add(name)
        self.dirty |= gone


def read_archive(config: ChroniqueConfig, memo: ArticleMemo | None = None) -> Archive:
    """Read and check every content file once; an unreadable ``topics.yml`` raises
    InvalidContentError, a content file's problems are kept in ``problems``. Articles a
    *memo* holds unchanged are not read again."""
    vocabulary = load_vocabulary(config.topics_path)
    tree = walk_content(config)
    problems: list[ContentError] = list(tree.refused)
    article_paths, page_paths = tree.articles, tree.pages
    articles: list[ArticleFile] = []
    for path in article_paths:
        article = memo.read(path, config) if memo is not None else read_article(path, config)
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
    if memo is not None:
        memo.forget_unseen()
    files = [*article_paths, *page_paths, *tree.static, *(error.path for error in tree.refused)]
    unchanged = frozenset(memo.unchanged) if memo is not None else frozenset()
    return Archive(articles, pages, vocabulary, files, problems, tree.static, unchanged)
