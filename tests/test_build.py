"""Issue 2: the seed builds end to end; broken content is refused and loses nothing."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

from chronique.cli.commands import run_build
from chronique.content.frontmatter import parse_front_matter
from tests.conftest import REPO, SEED, SiteCopy, copy_site, tree_digest
from tests.site.helpers import article_pages

CHROME_LINES = [
    "Nous rejoindre sur les réseaux",
    "Click to comment",
    "Laisser un commentaire",
    "Votre adresse e-mail",
    "Les + Lus",
]


def seed_paragraphs() -> list[str]:
    """The seed's prose paragraphs: the standfirst, then the four body paragraphs."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    return [normalise(line) for line in lines if len(line) > 150]


def normalise(text: str) -> str:
    """Words as a reader sees them: any run of spaces (no-break ones too) is one space."""
    return " ".join(text.split())


def paragraphs(html: str, css_class: str | None = None) -> list[str]:
    """The text of every <p> of a page (of class *css_class* when given), normalised."""
    tree = lxml.html.fromstring(html)
    query = f'//p[contains(@class, "{css_class}")]' if css_class else "//p"
    return [normalise(p.text_content()) for p in tree.xpath(query)]


def seed_page(site: SiteCopy) -> tuple[Path, dict]:
    article = site.seed_article()
    fm = parse_front_matter(article, article.read_text(encoding="utf-8"))
    date = fm.data["date"]
    page = site.output / date[:4] / date[5:7] / fm.data["slug"] / "index.html"
    return page, fm.data


def test_seed_article_page_holds_the_seed_text(built_site: SiteCopy) -> None:
    assert (built_site.output / "index.html").is_file()
    page, meta = seed_page(built_site)
    html = page.read_text(encoding="utf-8")
    standfirst, *body = seed_paragraphs()
    assert len(body) == 4
    tree = lxml.html.fromstring(html)
    assert normalise(tree.xpath("//h1")[0].text_content()) == meta["title"]
    assert paragraphs(html, "standfirst") == [standfirst]
    shown = paragraphs(html)
    positions = [shown.index(paragraph) for paragraph in body]
    assert positions == sorted(positions)
    for chrome in CHROME_LINES:
        assert chrome not in html


def test_seed_date_is_marked_as_supplied_by_the_editor(built_site: SiteCopy) -> None:
    page, meta = seed_page(built_site)
    assert meta["date_source"] == "editor"
    assert "Date de publication fournie par la rédaction" in page.read_text(encoding="utf-8")


def test_section_chosen_by_the_editors_is_said_on_the_page(site: SiteCopy) -> None:
    site.write_article(
        "2025/03/une-page-sans-rubrique.md",
        "---\ntitle: Une page sans rubrique\ndate: 2025-03-16T09:00:00+01:00\n"
        "category: Société\ncategory_source: default\nlang: fr\n"
        "slug: une-page-sans-rubrique\n---\n\nLe texte de l’article.\n",
    )
    assert run_build(str(site.settings)) == 0
    said = "Rubrique choisie par la rédaction"
    defaulted = site.output / "2025" / "03" / "une-page-sans-rubrique" / "index.html"
    assert said in defaulted.read_text(encoding="utf-8")
    seed, _ = seed_page(site)  # its page named its section
    assert said not in seed.read_text(encoding="utf-8")


def test_url_scheme(built_site: SiteCopy) -> None:
    page, meta = seed_page(built_site)
    out = built_site.output
    year, month = meta["date"][:4], meta["date"][5:7]
    assert page == out / year / month / meta["slug"] / "index.html"
    expected = [
        "rubriques/monde/index.html",
        "sujets/index.html",
        "archives/index.html",
        f"{year}/index.html",
        f"{year}/{month}/index.html",
        "404.html",
    ]
    for tag in meta["tags"]:
        assert re.search(r'href="/sujets/[a-z0-9-]+/">' + re.escape(tag) + "<", page.read_text())
    for relative in expected:
        assert (out / relative).is_file(), relative


def test_dates_are_french(built_site: SiteCopy) -> None:
    page, meta = seed_page(built_site)
    html = page.read_text(encoding="utf-8")
    times = lxml.html.fromstring(html).xpath("//time[@datetime]")
    assert meta["date"] in [t.get("datetime") for t in times]
    assert re.search(
        r">\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}<",
        html,
    )


# case: (line pattern, replacement, field named in the error)
BROKEN = {
    "missing title": (r"(?m)^title: .*\n", "", "title"),
    "invalid date": (r"(?m)^date: .*$", "date: 15 mars 2025", "date"),
    "date without offset": (r"(?m)^(date: [0-9T:-]+)\+01:00$", r"\1", "date"),
    "missing category": (r"(?m)^category: .*\n", "", "category"),
    "unknown category": (r"(?m)^category: .*$", "category: Mondee", "category"),
    "invalid slug": (r"(?m)^slug: .*$", "slug: Not A Slug", "slug"),
    "unreadable YAML": (r"(?m)^title: ", 'title: "unclosed', "front-matter"),
}


def break_seed(site: SiteCopy, pattern: str, replacement: str) -> Path:
    path = site.seed_article()
    text = path.read_text(encoding="utf-8")
    broken = re.sub(pattern, replacement, text, count=1)
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    return path


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_article_refuses_the_build_and_keeps_output(
    site: SiteCopy, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_build(str(site.settings)) == 0
    before = tree_digest(site.output)
    files_before = sorted(p for p in site.root.rglob("*") if site.content not in p.parents)
    old, new, field = BROKEN[case]
    path = break_seed(site, old, new)
    capsys.readouterr()
    assert run_build(str(site.settings)) == 1
    err = capsys.readouterr().err
    shown = path.relative_to(site.root)  # messages name files relative to where the build runs
    assert re.search(rf"^{re.escape(str(shown))}:\d+:\d+: error: {field}: ", err, re.M), err
    assert tree_digest(site.output) == before
    assert sorted(p for p in site.root.rglob("*") if site.content not in p.parents) == files_before


def test_duplicate_slug_refuses_the_build(site: SiteCopy, capsys) -> None:
    assert run_build(str(site.settings)) == 0
    before = tree_digest(site.output)
    original = site.seed_article()
    copy = site.write_article("2024/01/copie.md", original.read_text(encoding="utf-8"))
    assert run_build(str(site.settings)) == 1
    err = capsys.readouterr().err
    assert f"{copy.relative_to(site.root)}:" in err or f"{original.relative_to(site.root)}:" in err
    assert "slug: duplicate slug" in err
    assert tree_digest(site.output) == before


def test_every_article_file_yields_one_page(site: SiteCopy) -> None:
    text = site.seed_article().read_text(encoding="utf-8")
    for n in range(3):
        site.write_article(
            f"2024/0{n + 1}/extra-{n}.md",
            re.sub(r"(?m)^slug: .*$", f"slug: extra-{n}", text).replace(
                "date: 2025-03", f"date: 2024-0{n + 1}"
            ),
        )
    assert run_build(str(site.settings)) == 0
    pages = article_pages(site.output)
    assert len(pages) == len(list((site.content / "articles").rglob("*.md"))) == 4


def test_two_builds_are_byte_identical(site: SiteCopy, tmp_path_factory) -> None:
    other = copy_site(tmp_path_factory.mktemp("again"))
    assert run_build(str(site.settings)) == 0
    assert run_build(str(other.settings)) == 0
    first, second = tree_digest(site.output), tree_digest(other.output)
    assert first and first == second


def test_build_with_c_locale_renders_french_months(site: SiteCopy) -> None:
    env = {**os.environ, "LANG": "C", "LC_ALL": "C", "PYTHONPATH": str(REPO)}
    invoke = [sys.executable, "-m", "invoke", "--search-root", str(REPO), "build"]
    result = subprocess.run(invoke, cwd=site.root, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    page, _ = seed_page(site)
    assert re.search(r">\d{1,2} mars 2025<", page.read_text(encoding="utf-8"))


def test_build_says_where_the_site_is_and_how_to_view_it(site: SiteCopy, capsys) -> None:
    assert run_build(str(site.settings)) == 0
    out = capsys.readouterr().out
    assert "into output/" in out
    assert "serve" in out and "http://127.0.0.1:8000/" in out
    assert "Open output/index.html" not in out  # root-relative links show unstyled from disk
