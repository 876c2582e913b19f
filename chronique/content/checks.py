"""``invoke check``: everything a reviewer would check in a contributed article.

The build shares the front-matter checks (chronique.content.archive); the checks here
look at the body too: raw HTML that the sanitiser would strip (its allow-list,
chronique.content.render.ALLOW_LIST, is the rule), images, links.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

from chronique.cli.scaffold import scaffold_leftovers
from chronique.config import ChroniqueConfig
from chronique.content import render
from chronique.content.archive import (
    Archive,
    ArticleFile,
    ArticleMemo,
    PageFile,
    local_file_problem,
    read_archive,
    served_file_problem,
)
from chronique.content.errors import ContentError, InvalidContentError
from chronique.content.model import SUMMARY_MAX_CHARS
from chronique.site import images, redirects
from chronique.site.model import UrlScheme

_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<src>[^)\s>]+)[^)]*\)(?P<attrs>\{[^}]*\})?")
#: The class that marks a body image as decorative (an empty alt is then right):
#: ``![](images/filet.png){.decorative}``, through Markdown's attr_list extension.
DECORATIVE_CLASS = "decorative"
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?(?P<href>[^)\s>]+)")
#: A reference-style link's definition: ``[1]: https://…``.
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*<?(?P<href>[^\s>]+)")


@dataclass(frozen=True)
class CheckReport:
    problems: list[ContentError]
    files: int

    @property
    def errors(self) -> list[ContentError]:
        return [p for p in self.problems if p.is_error]

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


def check_content(config: ChroniqueConfig, paths: Iterable[Path] = ()) -> CheckReport:
    """Check *paths* (all content when empty) against the whole archive."""
    try:
        archive = checked_archive(config)
    except InvalidContentError as exc:  # topics.yml itself is broken
        return CheckReport(exc.errors, 1)
    everything = {p.resolve() for p in archive.files}
    wanted = {p.resolve() for p in paths} or everything
    problems = [p for p in archive.problems if p.path.resolve() in wanted]
    missing = wanted - everything
    problems.extend(_outside_articles(config, sorted(missing)))
    problems.sort(key=lambda e: (str(e.path), e.line, e.col))
    return CheckReport(problems, len(wanted))


def checked_archive(config: ChroniqueConfig, memo: ArticleMemo | None = None) -> Archive:
    """The archive with every problem of every file: the front-matter contract and the
    cross-file checks (read_archive, which takes unchanged articles from *memo*), and each
    article's body, images and links (each unchanged article's :class:`BodyScan` from
    *memo*; its images and links are looked up anew). ``check`` reports them, the build
    refuses on any error: one rule book for both."""
    archive = read_archive(config, memo)
    urls = UrlScheme.from_settings(config.pelican, config.chronique)
    live = {"/" + urls.article(a.meta).strip("/") for a in archive.articles}
    moved = {alias.rstrip("/") for a in archive.articles for alias in a.meta.aliases}
    addresses = ArticleAddresses(urls.article_pattern(), live | moved)
    for article in archive.articles:
        scan = memo.scan(article, lambda a: scan_body(a, config)) if memo is not None else None
        archive.problems.extend(check_article(article, config, addresses, scan))
    for page in archive.pages:
        archive.problems.extend(check_body_html(page, config))
    archive.problems.extend(redirects.alias_problems(archive, config, urls))
    return archive


def _outside_articles(config: ChroniqueConfig, paths: list[Path]) -> Iterator[ContentError]:
    for path in paths:
        if not path.exists():
            yield ContentError(path, "no such file")
        elif path.suffix == ".md":
            yield ContentError(
                path,
                "article files must live under content/articles/YYYY/MM/",
                hint=f"move it to {config.articles_path}/",
            )


@dataclass(frozen=True)
class ArticleAddresses:
    """What an article's address looks like (from ARTICLE_URL), and those that exist."""

    pattern: re.Pattern[str]
    existing: set[str]  # e.g. "/2025/03/slug", without the trailing slash; aliases too

    def is_missing(self, href: str) -> bool:
        """True when *href* has an article's shape but no article has that address."""
        path = href.split("#")[0]
        return bool(self.pattern.fullmatch(path)) and path.rstrip("/") not in self.existing


def check_article(
    article: ArticleFile,
    config: ChroniqueConfig,
    addresses: ArticleAddresses,
    scan: BodyScan | None = None,
) -> list[ContentError]:
    """Every per-file check beyond the front-matter contract and its topics (read_archive).
    *scan* is what :func:`scan_body` finds in the article (scanned here when not given)."""
    scan = scan if scan is not None else scan_body(article, config)
    return [
        *check_location(article, config),
        *check_summary(article),
        *check_lead_image(article, config),
        *scan.html_problems,
        *_image_problems(article, config, scan.images),
        *_link_problems(article, config, addresses, scan.links),
        *scaffold_leftovers(article),
    ]


@dataclass(frozen=True)
class BodyRef:
    """An image or a link of a body: where it is in the file, its target and, for an image,
    its alt text and attributes (``{.decorative}``)."""

    line: int
    col: int
    target: str
    alt: str = ""
    attrs: str | None = None


@dataclass(frozen=True)
class BodyScan:
    """What the checks find in an article's text alone: the problems of its raw HTML and
    links that the sanitiser would remove, and its images and links, which are then looked
    up (files, addresses) at every check. The same text always gives the same scan."""

    html_problems: tuple[ContentError, ...]
    images: tuple[BodyRef, ...]
    links: tuple[BodyRef, ...]


def scan_body(article: ArticleFile, config: ChroniqueConfig) -> BodyScan:
    images = tuple(
        BodyRef(line, col, match.group("src"), match.group("alt"), match.group("attrs"))
        for line, col, match in _matches(article, _IMAGE)
    )
    links = _links(article)
    return BodyScan(tuple(_html_problems(article, config, links)), images, links)


def check_location(article: ArticleFile, config: ChroniqueConfig) -> list[ContentError]:
    """The file's place must follow from its date and slug: content/articles/YYYY/MM/slug.md."""
    expected = article.meta.relative_file
    if article.path == config.articles_path / expected:  # as read: no need to resolve it
        return []
    try:
        relative = PurePosixPath(article.path.resolve().relative_to(config.articles_path.resolve()))
    except ValueError:
        return []
    if relative == expected:
        return []
    return [
        ContentError(
            article.path,
            f"file is at articles/{relative} but its date and slug place it at articles/{expected}",
            hint=f"move it to content/articles/{expected}",
        )
    ]


def check_summary(article: ArticleFile) -> list[ContentError]:
    summary = article.meta.summary or ""
    if len(summary) <= SUMMARY_MAX_CHARS:
        return []
    line, col = article.front_matter.position("summary")
    return [
        ContentError(
            article.path,
            f"summary is {len(summary)} characters long, over {SUMMARY_MAX_CHARS}",
            "summary",
            line,
            col,
            "keep the standfirst to two or three sentences",
            severity="warning",
        )
    ]


def check_lead_image(article: ArticleFile, config: ChroniqueConfig) -> list[ContentError]:
    image = article.meta.image
    if image is None:
        return []
    problems = []
    problem = image_problem(config, image.src)
    if problem:
        problems.append(article.error("image", problem, "put the file under content/images/"))
    if not image.credit:
        problems.append(
            article.error(
                "image", "lead image has no credit", "add 'credit: …' (the photographer, agency)"
            )
        )
    return problems


def image_problem(config: ChroniqueConfig, src: str) -> str | None:
    """Why *src* (relative to content/) is not an image the build can publish, or None:
    a file the site serves (content.served_file_problem) that Pillow can read."""
    problem = served_file_problem(config, src)
    if problem:
        return problem
    target = config.content_path / src.removeprefix("{static}").lstrip("/")
    if target.suffix.lower() in images.IMAGE_SUFFIXES:
        try:
            images.verify_image(target, images.image_settings(config.pelican))
        except images.ImageError as error:
            return f"image '{src}': {error}"
    return None


class _RawHtmlScanner(HTMLParser):
    """Finds, in raw HTML, what the sanitiser would remove: (line, col, message, severity).

    A tag off the allow-list loses the page some content, a handler or a ``javascript:``
    URL is hostile: errors. An attribute or a URL scheme off the list only loses markup
    or a link: a warning.
    """

    def __init__(self, allow: render.HtmlAllowList) -> None:
        super().__init__(convert_charrefs=True)
        self.allow = allow
        self.found: list[tuple[int, int, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, col = self.getpos()
        if not self.allow.keeps_tag(tag):
            self.found.append((line, col, f"raw <{tag}> is not allowed", "error"))
            return
        for name, value in attrs:
            if name.startswith("on"):
                message = f"event-handler attribute {name}= is not allowed"
                self.found.append((line, col, message, "error"))
            elif value and (scheme := render.url_scheme(value)) in render.ACTIVE_SCHEMES:
                message = f"{scheme}: URL in {name}= is not allowed"
                self.found.append((line, col, message, "error"))
            elif not self.allow.keeps_attribute(tag, name):
                message = f"attribute {name}= of <{tag}> is removed at build"
                self.found.append((line, col, message, "warning"))
            elif value and name in ("href", "src") and not self.allow.keeps_url(value):
                message = f"'{value}' in {name}= is removed at build: not an http(s) address"
                self.found.append((line, col, message, "warning"))


def check_body_html(article: ArticleFile | PageFile, config: ChroniqueConfig) -> list[ContentError]:
    """Raw HTML, and links, that the build's sanitiser would remove (in an article or a page)."""
    return _html_problems(article, config, _links(article))


def _html_problems(
    article: ArticleFile | PageFile, config: ChroniqueConfig, links: tuple[BodyRef, ...]
) -> list[ContentError]:
    problems = []
    for fragment, line, col in _raw_html(article, config):
        scanner = _RawHtmlScanner(render.ALLOW_LIST)
        scanner.feed(fragment)
        scanner.close()
        for at_line, at_col, message, severity in scanner.found:
            problems.append(
                ContentError(article.path, message, None, line + at_line - 1,
                             (col if at_line == 1 else 0) + at_col + 1,
                             "write the article in Markdown: the build removes this",
                             severity=severity)
            )  # fmt: skip
    for link in links:
        line_no, col = link.line, link.col
        href = html.unescape(link.target)  # as the page's HTML will read it
        if (scheme := render.url_scheme(href)) in render.ACTIVE_SCHEMES:
            problems.append(
                ContentError(
                    article.path, f"{scheme}: link is not allowed", None, line_no, col,
                    "link to an http(s) address or another article",
                )
            )  # fmt: skip
        elif not href.startswith("{") and not render.ALLOW_LIST.keeps_url(href):
            problems.append(
                ContentError(
                    article.path, f"link to '{href}' is removed at build", None, line_no, col,
                    "link to an http(s) or mailto: address", severity="warning",
                )
            )  # fmt: skip
    return problems


def _raw_html(
    article: ArticleFile | PageFile, config: ChroniqueConfig
) -> Iterator[tuple[str, int, int]]:
    """Each raw HTML fragment of the body with the file line and 0-based column it starts at.

    Markdown gives block HTML before inline HTML, so each fragment is looked for after
    the last place the same text was found. One that Markdown rewrote (the HTML of a
    fenced code block) is given the body's first line.
    """
    body = article.body
    found_up_to: dict[str, int] = {}
    for fragment in render.raw_html(body, config.pelican.get("MARKDOWN")):
        text = fragment.strip()
        at = body.find(text, found_up_to.get(text, 0)) if text else -1
        if at < 0:
            yield text, article.body_line, 0
            continue
        found_up_to[text] = at + len(text)
        line_start = body.rfind("\n", 0, at) + 1
        yield text, article.body_line + body.count("\n", 0, at), at - line_start


def _matches(
    article: ArticleFile | PageFile, pattern: re.Pattern[str]
) -> Iterator[tuple[int, int, re.Match[str]]]:
    """Each match of *pattern* in the body, with its line and column in the file."""
    for offset, text in enumerate(article.body.split("\n")):
        for match in pattern.finditer(text):
            yield article.body_line + offset, match.start() + 1, match


def _links(article: ArticleFile | PageFile) -> tuple[BodyRef, ...]:
    """Each link of the body, inline or as a reference definition, with its line and column."""
    return tuple(
        BodyRef(line, col, match.group("href"))
        for pattern in (_LINK, _REFERENCE)
        for line, col, match in _matches(article, pattern)
    )


def _image_problems(
    article: ArticleFile, config: ChroniqueConfig, images: tuple[BodyRef, ...]
) -> list[ContentError]:
    problems = []
    for image in images:
        line, col, alt, src = image.line, image.col, image.alt.strip(), image.target
        if (scheme := render.url_scheme(html.unescape(src))) in render.ACTIVE_SCHEMES:
            problems.append(
                ContentError(article.path, f"{scheme}: image is not allowed", None, line, col,
                             "put the picture under content/images/ and link it as {static}/images/…")
            )  # fmt: skip
            continue
        if not alt and not _is_decorative(image.attrs):
            problems.append(
                ContentError(article.path, f"image '{src}' has no alt text", None, line, col,
                             "describe the picture: ![Ce que montre l’image](…), "
                             "or mark it ![](…){.decorative} if it only decorates")
            )  # fmt: skip
        if re.match(r"^[a-z]+:", src):
            problems.append(
                ContentError(article.path, f"image '{src}' is on another site", None, line, col,
                             "copy it under content/images/ so the archive keeps it",
                             severity="warning")
            )  # fmt: skip
            continue
        if not src.startswith(("{static}", "/")):
            problems.append(
                ContentError(article.path, f"image '{src}' is relative to the article's page", None,
                             line, col, "write {static}/images/… so it resolves on the built page")
            )  # fmt: skip
            continue
        problem = image_problem(config, src.removeprefix("{static}"))
        if problem:
            problems.append(
                ContentError(article.path, problem, None, line, col,
                             "put images under content/images/ and link them as {static}/images/…")
            )  # fmt: skip
    return problems


def _is_decorative(attributes: str | None) -> bool:
    """``{.decorative}`` or ``{: .decorative}`` (attr_list) right after the image."""
    return attributes is not None and f".{DECORATIVE_CLASS}" in attributes.strip("{}: ").split()


def _link_problems(
    article: ArticleFile,
    config: ChroniqueConfig,
    addresses: ArticleAddresses,
    links: tuple[BodyRef, ...],
) -> list[ContentError]:
    """Links to other articles, as {filename}/articles/… or their address, must resolve."""
    problems = []
    for link in links:
        line, col, href, broken = link.line, link.col, link.target, None
        if href.startswith(("{filename}", "{static}")):
            target = href.split("#")[0]
            check = served_file_problem if href.startswith("{static}") else local_file_problem
            problem = check(config, target)
            if problem is not None:
                broken = f"link to {problem}"
        elif addresses.is_missing(href):
            broken = f"link to '{href}': no article has that address"
        if broken:
            problems.append(
                ContentError(article.path, broken, None, line, col,
                             "check the year, month and slug of the article you link to")
            )  # fmt: skip
    return problems


def format_problem(problem: ContentError, style: str = "text") -> str:
    """One line per problem; ``github`` style makes an Actions annotation on the diff."""
    return problem.annotation() if style == "github" else str(problem)
