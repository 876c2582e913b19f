"""Issue 15: `check` and the build follow one HTML rule, the sanitiser's allow-list."""

from __future__ import annotations

import dataclasses

import pytest

from chronique.cli.commands import run_build
from chronique.config import load_config
from chronique.content import render
from chronique.content.checks import check_content
from tests.conftest import SiteCopy
from tests.test_check import FILE, VALID, write

PAGE = "2025/03/un-article-valide/index.html"
BODY_LINE = VALID.count("\n") + 2  # the first line after VALID and a blank line


def _problems(site: SiteCopy, body: str) -> list[str]:
    path = write(site, FILE, VALID + "\n" + body)
    return [str(p) for p in check_content(load_config(site.settings), [path]).problems]


def _built_page(site: SiteCopy) -> str:
    assert run_build(str(site.settings)) == 0
    return (site.output / PAGE).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("html", "tag", "trace"),
    [
        ('<video src="/film.mp4">Le film</video>', "video", "film.mp4"),
        ("<svg><circle r='4'/></svg>", "svg", "<circle"),
        ('<input value="champ-saisi">', "input", "champ-saisi"),
    ],
)
def test_what_the_build_strips_check_reports(site: SiteCopy, html: str, tag: str, trace: str):
    body = f"Avant.\n\n{html}\n"
    problems = _problems(site, body)
    assert any(f":{BODY_LINE + 2}:1: error: raw <{tag}> is not allowed" in p for p in problems)
    assert run_build(str(site.settings)) == 1  # check's error is the build's refusal
    assert trace not in render.render_markdown(body)  # and the sanitiser's second line


@pytest.mark.parametrize(
    ("change", "tag", "kept_after"),
    [
        (lambda tags: tags | {"video"}, "video", True),
        (lambda tags: tags - {"mark"}, "mark", False),
    ],
    ids=["tag added", "tag removed"],
)
def test_check_follows_the_sanitisers_allow_list(
    site: SiteCopy, monkeypatch: pytest.MonkeyPatch, change, tag: str, kept_after: bool
) -> None:
    html = f"<{tag}>Contenu</{tag}>"
    assert bool(_problems(site, html)) is kept_after  # reported before the change iff kept after
    allow = dataclasses.replace(render.ALLOW_LIST, tags=frozenset(change(render.ALLOW_LIST.tags)))
    monkeypatch.setattr(render, "ALLOW_LIST", allow)
    assert bool(_problems(site, html)) is not kept_after
    if kept_after:
        assert f"<{tag}>Contenu" in _built_page(site)
    else:
        assert run_build(str(site.settings)) == 1  # refused, as check reports
        assert f"<{tag}>Contenu" not in render.render_markdown(html)


def test_html_in_code_is_text_not_raw_html(site: SiteCopy) -> None:
    body = "Le code `<video>` s’écrit ainsi :\n\n```\n<svg></svg>\n```\n\n    <input>\n"
    assert _problems(site, body) == []


def test_an_attribute_or_scheme_the_build_drops_is_a_warning(site: SiteCopy) -> None:
    body = (
        'Un <span style="color: red">mot</span> rouge.\n\n'
        "[Archive](ftp://example.org/a.txt) et [écrire](mailto:a@example.org).\n"
    )
    problems = _problems(site, body)
    assert problems == [
        f"{site.content}/articles/{FILE}:{BODY_LINE}:4: warning: attribute style= of <span> "
        "is removed at build (write the article in Markdown: the build removes this)",
        f"{site.content}/articles/{FILE}:{BODY_LINE + 2}:1: warning: link to "
        "'ftp://example.org/a.txt' is removed at build (link to an http(s) or mailto: address)",
    ]
    page = _built_page(site)
    assert "color: red" not in page
    assert "ftp://" not in page
    assert 'href="mailto:a@example.org"' in page


def test_each_problem_is_on_its_own_line(site: SiteCopy) -> None:
    """Block HTML comes out of Markdown before inline HTML: each is still placed right."""
    body = 'Avant.\n\nUn <span onclick="x()">mot</span>.\n\n<video>Film</video>\n\nEt <input>.\n'
    problems = _problems(site, body)
    assert [p.split(": error: ")[0].rsplit(":", 2)[1:] for p in problems] == [
        [str(BODY_LINE + 2), "4"],
        [str(BODY_LINE + 4), "1"],
        [str(BODY_LINE + 6), "4"],
    ]


MARKDOWN = {"extensions": ["markdown.extensions.extra"], "output_format": "html"}


def test_one_body_leaves_nothing_in_the_next():
    """Footnotes, abbreviations and raw HTML belong to their own article only."""
    first = "Un texte[^1] sur le HTML.\n\n[^1]: La note.\n\n*[HTML]: HyperText Markup Language"
    render.render_markdown(first, MARKDOWN)
    assert render.raw_html("<b>gras</b> et <i>penché</i>", MARKDOWN) == [
        "<b>",
        "</b>",
        "<i>",
        "</i>",
    ]
    second = render.render_markdown("Un autre texte sur le HTML.", MARKDOWN)
    assert second == "<p>Un autre texte sur le HTML.</p>"
