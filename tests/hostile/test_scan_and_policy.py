"""The active-content scan finds what it must (else a green suite proves nothing), and the
URL policy reads a URL as a browser does."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronique.content.render import render_markdown, url_allowed
from tests.hostile.scan import html_findings, scan_output

HOSTILE_HTML = {
    "script element": "<script>alert(1)</script>",
    "foreign script": '<script src="https://evil.example/x.js"></script>',
    "event handler": '<img src="a.png" onerror="alert(1)">',
    "javascript: link": '<a href="javascript:alert(1)">x</a>',
    "entity-encoded tab in the scheme": '<a href="java&#9;script:alert(1)">x</a>',
    "data: image": '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
    "vbscript: link": '<a href="VBScript:msgbox(1)">x</a>',
    "iframe": '<iframe src="https://example.org"></iframe>',
    "object": '<object data="x.swf"></object>',
    "embed": '<embed src="x.swf">',
    "base": '<base href="https://evil.example/">',
    "form action": '<form action="https://evil.example/"><input></form>',
    "refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "javascript: in JSON-LD": '<script type="application/ld+json">{"url": "javascript:x"}</script>',
    "markup out of JSON-LD": '<script type="application/ld+json">{"a": "</script><b>"}</script>',
}  # fmt: skip

SAFE_HTML = {
    "our JSON-LD": '<script type="application/ld+json">{"url": "https://example.org/"}</script>',
    "the theme's script": '<script src="/theme/js/recherche.js" defer></script>',
    "Pagefind's UI": '<script src="https://archive.example/pagefind/pagefind-ui.js"></script>',
    "links and images": '<a href="/2025/03/x/">x</a> <a href="mailto:a@b.fr">m</a> <img src="/images/a.png">',
    "text that names them": "<p>onerror=alert(1) javascript:alert(1) &lt;script&gt;</p>",
}  # fmt: skip


@pytest.mark.parametrize("name", list(HOSTILE_HTML))
def test_the_scan_finds_active_content(name: str) -> None:
    assert html_findings(HOSTILE_HTML[name])


@pytest.mark.parametrize("name", list(SAFE_HTML))
def test_the_scan_passes_what_the_site_needs(name: str) -> None:
    assert html_findings(SAFE_HTML[name]) == []


def test_the_scan_reads_pages_feeds_and_svg(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p onclick='x()'>a</p>", encoding="utf-8")
    (tmp_path / "rss.xml").write_text(
        "<rss><channel><item><description>&lt;script&gt;x&lt;/script&gt;</description>"
        "<title>&lt;script&gt; is text here</title></item></channel></rss>",
        encoding="utf-8",
    )
    (tmp_path / "a.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>', encoding="utf-8"
    )
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "ui.html").write_text("<script>bundle</script>", encoding="utf-8")
    found = {str(finding.path) for finding in scan_output(tmp_path)}
    assert found == {"index.html", "rss.xml", "a.svg"}


def test_a_refresh_is_allowed_on_alias_pages_only(tmp_path: Path) -> None:
    (tmp_path / "ancien").mkdir()
    (tmp_path / "ancien" / "index.html").write_text(
        '<meta http-equiv="refresh" content="0;url=/2025/03/x/">', encoding="utf-8"
    )
    assert scan_output(tmp_path)
    assert scan_output(tmp_path, alias_pages=frozenset({"ancien/index.html"})) == []


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://example.org/a", True),
        ("http://example.org/a", True),
        ("mailto:redaction@example.org", True),
        ("/2025/03/slug/", True),
        ("../images/a.png", True),
        ("#suite", True),
        ("a:b/c", False),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("\x01javascript:alert(1)", False),
        ("data:text/html,<script>x</script>", False),
        ("vbscript:msgbox(1)", False),
        ("ftp://example.org/a", False),
    ],
)
def test_url_policy(url: str, allowed: bool) -> None:
    assert url_allowed(url) is allowed


def test_the_sanitiser_applies_the_url_policy() -> None:
    html = render_markdown('<a href="java&#x0A;script:alert(1)">x</a> [y](https://example.org/)')
    assert "script:" not in html
    assert 'href="https://example.org/"' in html
