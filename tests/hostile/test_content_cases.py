"""Issue 19: hostile content, one case a row; ``check`` and the build agree on every one.

A case is a content file or two and its outcome: refused (by both, with the same
``path:line:col: error:`` lines, one of them holding the fragment given) or published (the
build succeeds, ``check`` finds no error, and the scan of tests/hostile/scan.py, run after
every build, finds no active content).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from chronique.config import load_config
from chronique.content.checks import check_content
from chronique.content.errors import InvalidContentError
from chronique.site.build import build_site
from tests.conftest import SiteCopy, copy_site

ARTICLE = """\
---
title: {title}
date: {date}
category: Monde
tags: [Ukraine]
summary: Un résumé court.
lang: {lang}
slug: un-article-valide
{extra}---

{body}
"""
FILE = "articles/2025/03/un-article-valide.md"
PAGE = "2025/03/un-article-valide/index.html"


def article(
    body: str = "Premier paragraphe.",
    extra: str = "",
    title: str = "Un article valide",
    date: str = "2025-03-20T10:00:00+01:00",
    lang: str = "fr",
) -> str:
    return ARTICLE.format(body=body, extra=extra, title=title, date=date, lang=lang)


Setup = Callable[[SiteCopy], None]


def write(relative: str, text: str | bytes) -> Setup:
    def setup(site: SiteCopy) -> None:
        path = site.content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")

    return setup


def link(relative: str, target: str | Callable[[SiteCopy], Path]) -> Setup:
    """A symbolic link at content/*relative* to *target* (absolute, or made by a function)."""

    def setup(site: SiteCopy) -> None:
        path = site.content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(target(site) if callable(target) else target)

    return setup


def outside(name: str, text: str | bytes) -> Callable[[SiteCopy], Path]:
    """A file beside the project, outside content/."""

    def make(site: SiteCopy) -> Path:
        path = site.root.parent / f"outside-{site.root.name}" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        return path

    return make


def fifo(relative: str) -> Setup:
    def setup(site: SiteCopy) -> None:
        path = site.content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(path)

    return setup


def image(relative: str) -> Setup:
    def setup(site: SiteCopy) -> None:
        path = site.content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (8, 8), "navy").save(path)

    return setup


def articles_folder_linked(site: SiteCopy) -> None:
    moved = site.root.parent / f"moved-{site.root.name}"
    (site.content / "articles").rename(moved)
    (site.content / "articles").symlink_to(moved, target_is_directory=True)


def edit_topics(old: str, new: str) -> Setup:
    def setup(site: SiteCopy) -> None:
        path = site.content / "topics.yml"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return setup


SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4">{}</svg>'


@dataclass(frozen=True)
class Case:
    setups: tuple[Setup, ...]
    #: A fragment of an error both give; None: both publish.
    refused: str | None
    #: A file under output/ a published case must have written.
    written: str | None = None


def refused(fragment: str, *setups: Setup) -> Case:
    return Case(setups, fragment)


def published(written: str, *setups: Setup) -> Case:
    return Case(setups, None, written)


def with_article(text: str) -> Setup:
    return write(FILE, text)


CASES: dict[str, Case] = {
    # Which files are content.
    "markdown at content/": refused("outside the article and page folders", write("perdu.md", article())),
    "upper-case .MD": refused("only '*.md' files", write("articles/2025/03/majuscule.MD", article())),
    "markdown in images/": refused("not a static file type", write("images/article.md", article())),
    ".markdown article": refused("only '*.md' files", write("articles/2025/03/x.markdown", article())),
    ".html article": refused("only '*.md' files", write("articles/x.html", "<script>alert(1)</script>")),
    ".rst article": refused("only '*.md' files", write("articles/x.rst", ".. raw:: html\n\n   <script>x</script>\n")),
    ".html page": refused("only '*.md' files", write("pages/evil.html", "<title>x</title><script>alert(1)</script>")),
    "hidden article": refused("hidden file", write("articles/2025/03/.essai.md", article())),
    "editor lock file": refused("symbolic links", link("articles/2025/03/.#essai.md", "root@host.1234:1700000000")),
    "hidden folder": refused("hidden file or folder", write("articles/.brouillons/2025/03/x.md", article())),
    "FIFO named x.md": refused("not a regular file", fifo("articles/2025/03/x.md")),
    "symlinked article": refused("symbolic links", link("articles/2025/03/lien.md", outside("a.md", article()))),
    "symlinked articles/": refused("symbolic links", articles_folder_linked),
    "image linked to /proc/self/environ": refused("symbolic links", link("images/env.txt", "/proc/self/environ")),
    "image linked out of the project": refused("symbolic links", link("images/photo.png", outside("p.png", b"\x89PNG"))),
    "text file in images/": refused("not a static file type", write("images/notes.txt", "x")),
    "html file in images/": refused("not a static file type", write("images/page.html", "<script>alert(1)</script>")),
    "javascript file in images/": refused("not a static file type", write("images/x.js", "alert(1)")),
    "svg with script": refused("<script> element", write("images/x.svg", SVG.format("<script>alert(1)</script>"))),
    "svg with onload": refused("event-handler attribute onload", write("images/x.svg", SVG.format('<rect onload="alert(1)"/>'))),
    "svg with javascript: link": refused("SVG with a link", write("images/x.svg", SVG.format('<a xmlns:x="http://www.w3.org/1999/xlink" x:href="javascript:alert(1)"><rect/></a>'))),
    "svg with foreignObject": refused("foreignobject", write("images/x.svg", SVG.format("<foreignObject><p>x</p></foreignObject>"))),
    "svg with entities": refused("DOCTYPE", write("images/x.svg", '<!DOCTYPE svg [<!ENTITY a "b">]>' + SVG.format("&a;"))),
    "svg not XML": refused("not a well-formed SVG", write("images/x.svg", "<svg><rect>")),
    "clean svg": published("images/x.svg", write("images/x.svg", SVG.format('<rect width="4" height="4"/>'))),
    "png image": published("images/photo.png", image("images/photo.png")),
    "font": published("images/lettre.woff2", write("images/lettre.woff2", b"wOF2")),
    # One URL policy.
    "source.url javascript:": refused("source.url", with_article(article(extra="source: {url: 'javascript:alert(1)'}\n"))),
    "source.url data:": refused("source.url", with_article(article(extra="source: {url: 'data:text/html,<script>x</script>'}\n"))),
    "source.url vbscript:": refused("source.url", with_article(article(extra="source: {url: 'vbscript:msgbox(1)'}\n"))),
    "source.url with a tab": refused("source.url", with_article(article(extra='source: {url: "java\\tscript:alert(1)"}\n'))),
    "source.url upper case": refused("source.url", with_article(article(extra="source: {url: ' JAVASCRIPT:alert(1)'}\n"))),
    "source.url not text": refused("source.url", with_article(article(extra="source: {url: [1, 2]}\n"))),
    "source.url https": published(PAGE, with_article(article(extra="source: {name: Le Site, url: 'https://example.org/a'}\n"))),
    "markdown javascript: link": refused("javascript: link", with_article(article("[x](javascript:alert(1))"))),
    "markdown entity in the scheme": refused("javascript: link", with_article(article("[x](java&#9;script:alert(1))"))),
    "reference javascript: link": refused("javascript: link", with_article(article("[x][1]\n\n[1]: javascript:alert(1)"))),
    "reference link": published(PAGE, with_article(article("[x][1]\n\n[1]: https://example.org/"))),
    "markdown data: link": refused("data: link", with_article(article("[x](data:text/html;base64,PHNjcmlwdD4=)"))),
    "markdown tab in the scheme": published(PAGE, with_article(article("[x](java\tscript:alert(1))"))),
    "raw link with an entity tab": refused("javascript: URL in href=", with_article(article('<a href="java&#x09;script:alert(1)">x</a>'))),
    "raw vbscript: link": refused("vbscript: URL in href=", with_article(article('<a href="vbscript:msgbox(1)">x</a>'))),
    "markup in a title": published(PAGE, with_article(article(title="'<script>alert(1)</script> & <b>gras</b>'"))),
    "markup in a topic description": refused("description holds markup", edit_topics("dont la capitale est Kyiv.", "<script>alert(1)</script> <img src=x onerror=alert(2)>")),
    "markup in a topic name": refused("name holds markup", edit_topics("- name: Ukraine", "- name: Ukraine<script>x</script>")),
    "ampersand in a topic description": published("sujets/ukraine/index.html", edit_topics("dont la capitale est Kyiv.", "dont la capitale est Kyiv & a < b > c.")),
    # Limits.
    "YAML 100,000 [ deep": refused("nest", with_article(article(extra="authors: " + "[" * 100_000 + "]" * 100_000 + "\n"))),
    "YAML 5,000 mappings deep": refused("nested deeper than", with_article(article(extra="source: " + "{k: " * 5000 + "1" + "}" * 5000 + "\n"))),
    "YAML 200 block mappings deep": refused("nested deeper than", with_article(article(extra="source:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 200)) + " " * 200 + "v: 1\n"))),
    "body of 50,000 nested brackets": refused("nested deeper than", with_article(article("[" * 50_000 + "x" + "]" * 50_000))),
    "body of 1,000 nested lists": refused("nested deeper than", with_article(article("\n".join("\t" * i + "- x" for i in range(1000))))),
    "body of 1,000 nested quotes": refused("nested deeper than", with_article(article("\n".join(">" * i + " x" for i in range(1, 1000))))),
    "10,000 tags": refused("over the limit", with_article(article(extra="authors: []\n").replace("tags: [Ukraine]", "tags: [" + ", ".join(f"t{i}" for i in range(10_000)) + "]"))),
    "title given twice": refused("field 'title' given twice", with_article(article(extra="title: Autre titre\n"))),
    "source key given twice": refused("field 'url' given twice", with_article(article(extra="source: {url: 'https://a.example', url: 'javascript:x'}\n"))),
    "source.retrieved not a date": refused("not a date", with_article(article(extra="source: {retrieved: hier}\n"))),
    "source.retrieved impossible": refused("not a date", with_article(article(extra="source: {retrieved: 2025-02-30}\n"))),
    "source.retrieved a date": published(PAGE, with_article(article(extra="source: {retrieved: 2025-03-20}\n"))),
    "date in year 1": refused("year 1 is outside", write("articles/0001/01/un-article-valide.md", article(date="0001-01-01T00:00:00+01:00"))),
    "date in year 9999": refused("year 9999 is outside", write("articles/9999/12/un-article-valide.md", article(date="9999-12-31T23:00:00-05:00"))),
    "date in year 99999": refused("date", with_article(article(date="99999-01-01T00:00:00+01:00"))),
    "lone surrogate in the title": refused("lone surrogate", with_article(article(title='"Un titre \\ud800 cassé"'))),
    "lone surrogate in a tag": refused("lone surrogate", with_article(article().replace("tags: [Ukraine]", 'tags: ["\\udfff"]'))),
    "not UTF-8": refused("not valid UTF-8", write(FILE, article().encode("utf-8").replace(b"Premier", b"Pr\xe9mier"))),
    "over 2 MB": refused("-byte limit", with_article(article("Texte. " * 300_000))),
    "alias bomb": refused("aliases (*name) are not allowed", with_article(article(extra="authors: &a [x]\nsubtitle: *a\n"))),
    "path-like lang": refused("not a language tag", with_article(article(lang="../../../etc"))),
    "lang: en": published(PAGE, with_article(article(lang="en"))),
    # The rules check alone used to apply.
    "date not matching the folder": refused("its date and slug place it", write("articles/2024/01/un-article-valide.md", article())),
    "missing body image": refused("does not exist under content/", with_article(article("![Carte]({static}/images/absente.png)"))),
    "missing lead image": refused("does not exist under content/", with_article(article(extra="image: {src: images/absente.png, alt: Carte}\n"))),
    "lead image through a link": refused("symbolic links", link("images/carte.png", outside("c.png", b"\x89PNG")), with_article(article(extra="image: {src: images/carte.png, alt: Carte}\n"))),
    "static link to a link": refused("symbolic links", link("images/doc.pdf", outside("d.pdf", b"%PDF")), with_article(article("[doc]({static}/images/doc.pdf)"))),
    "static link out of content/": refused("points outside content/", with_article(article("[doc]({static}/../pelicanconf.py)"))),
    "static link to the settings": refused("is not under images/", with_article(article("[x]({static}/topics.yml)"))),
    "static link to an article": refused("is not under images/", with_article(article("[x]({static}/articles/2025/03/un-article-valide.md)"))),
    "lead image that is not an image": refused("is not under images/", write("pages/photo.png", b"x"), with_article(article(extra="image: {src: pages/photo.png, alt: Carte}\n"))),
    "static link to a PDF": published("images/doc.pdf", write("images/doc.pdf", b"%PDF-1.4"), with_article(article("[doc]({static}/images/doc.pdf)"))),
    "lead image": published("images/carte.png", image("images/carte.png"), with_article(article(extra="image: {src: images/carte.png, alt: Carte, credit: AFP}\n"))),
    "broken page": refused("missing required field", write("pages/cassee.md", "---\nslug: cassee\n---\n\nTexte.\n")),
    "page slug of an article": refused("duplicate slug", write("pages/double.md", "---\ntitle: Double\nslug: un-article-valide\n---\n\nTexte.\n"), with_article(article())),
    # More of every kind (hard19c).
    "raw script in the body": refused("<script>", with_article(article("Texte.\n\n<script>alert(1)</script>"))),
    "raw iframe in the body": refused("<iframe>", with_article(article('<iframe src="https://example.org/"></iframe>'))),
    "event handler in raw HTML": refused("onclick", with_article(article('<p onclick="alert(1)">x</p>'))),
    "mXSS through math and style": refused("<math>", with_article(article("<math><mi><style><img src=x onerror=alert(1)></style></mi></math>"))),
    "mXSS through svg and style": refused("<svg>", with_article(article("<svg><style><img src=x onerror=alert(1)></style></svg>"))),
    "form in the body": refused("<form>", with_article(article('<form action="https://example.org/"><input name="q"></form>'))),
    "meta refresh in the body": refused("<meta>", with_article(article('<meta http-equiv="refresh" content="0;url=https://example.org/">'))),
    "base in the body": refused("<base>", with_article(article('<base href="https://example.org/">'))),
    "object in the body": refused("<object>", with_article(article('<object data="x.swf"></object>'))),
    "raw img with a data: src": refused("data: URL in src=", with_article(article('<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="x">'))),
    "markdown image javascript:": refused("javascript:", with_article(article("![x](javascript:alert(1))"))),
    "autolink javascript:": refused("raw <javascript:alert(1)> is not allowed", with_article(article("<javascript:alert(1)>"))),
    "mailto link": published(PAGE, with_article(article("[écrire](mailto:redaction@example.org)"))),
    "text in angle brackets": refused("raw <jean> is not allowed", with_article(article("Signé <Jean Dupont>, et a < b > c, a<b et c>d."))),
    "CRLF line endings": published(PAGE, write(FILE, article().replace("\n", "\r\n"))),
    "byte-order mark": published(PAGE, write(FILE, "\ufeff" + article())),
    "NUL byte in the body": published(PAGE, with_article(article("Texte\x00 caché."))),
    "empty file": refused("no YAML front-matter found", write(FILE, "")),
    "front matter never closed": refused("no YAML front-matter found", write(FILE, article().replace("---\n\n", "\n", 1))),
    "lead image javascript:": refused("does not exist under content/", with_article(article(extra="image: {src: 'javascript:alert(1)', alt: x}\n"))),
    "hot-linked lead image": refused("does not exist under content/", with_article(article(extra="image: {src: 'https://example.org/a.png', alt: x}\n"))),
    "slug with a path": refused("'../../x' is not a valid slug", write(FILE, article().replace("slug: un-article-valide", "slug: ../../x"))),
    "unknown category": refused("is not a configured section", with_article(article().replace("category: Monde", "category: Inconnue"))),
    "tags not a list": refused("must be a list of names", with_article(article().replace("tags: [Ukraine]", "tags: {a: 1}"))),
    "script in a page": refused("<script>", write("pages/evil.md", "---\ntitle: Mal\nslug: mal\n---\n\n<script>alert(1)</script>\n")),
    "markup in a summary": published(PAGE, with_article(article().replace("summary: Un résumé court.", "summary: '<img src=x onerror=alert(1)>'"))),
    "markup in the image credit": published(PAGE, image("images/carte.png"), with_article(article(extra="image: {src: images/carte.png, alt: '<b>x</b>', credit: '<script>x</script>'}\n"))),
    "valid article": published(PAGE, with_article(article())),
}  # fmt: skip


def _prepared(tmp_path: Path, case: Case) -> SiteCopy:
    site = copy_site(tmp_path)
    with site.settings.open("a", encoding="utf-8") as handle:
        handle.write("\nCHRONIQUE_SEARCH = False\n")
    for setup in case.setups:
        setup(site)
    return site


def _build_errors(site: SiteCopy) -> list[str] | None:
    """The build's error lines, or None when it published."""
    try:
        build_site(site.settings, site.output)
    except InvalidContentError as exc:
        return sorted(str(e) for e in exc.errors if e.is_error)
    return None


#: Cases the code does not handle yet, each with what goes wrong: expected to fail (strict, so
#: a fix shows), and counted as not handled by ``python -m tests.hostile.table``.
#: Each reason opens with its kind of failure.
KNOWN_GAPS = {}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(reason=KNOWN_GAPS[name], strict=True))
        if name in KNOWN_GAPS
        else name
        for name in CASES
    ],
)
def test_check_and_build_agree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    case = CASES[name]
    site = _prepared(tmp_path, case)
    monkeypatch.chdir(site.root)
    checked = sorted(str(e) for e in check_content(load_config(site.settings)).errors)
    built = _build_errors(site)
    if case.refused is None:
        assert checked == [] and built is None, checked or built
        assert (site.output / str(case.written)).is_file()
    else:
        assert built == checked
        assert any(case.refused in line for line in checked), checked
        assert not site.output.exists()
