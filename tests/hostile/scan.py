"""The active-content scan: what no built site may hold, whatever its content said.

Run after every site the suite builds (tests/conftest.py connects it to Pelican's
``finalized`` signal), so each build is also a test that nothing hostile got through:
script elements (our JSON-LD and the theme's and Pagefind's own scripts aside),
event-handler attributes, ``javascript:``/``data:``/``vbscript:`` URLs, ``<iframe>``,
``<object>``, ``<embed>``, ``<base>``, ``<form action>`` (but the theme's search forms, sent to
the site's own search page), ``<meta http-equiv="refresh">``
outside alias pages, in pages, feeds, JSON-LD, SVG files and search fragments (whose text
holds no markup: Pagefind's UI puts an excerpt in the page as HTML).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

from chronique.content.archive import svg_problem
from chronique.content.render import ACTIVE_SCHEMES as HOSTILE_SCHEMES
from chronique.content.render import url_scheme
from chronique.site.search import SEARCH_URL, read_fragment

#: Pagefind's bundle: its own generated code, not built from content.
SEARCH_BUNDLE = "pagefind"
EMBEDDING_TAGS = frozenset({"iframe", "frame", "object", "embed", "applet", "base"})
#: Folders of the site's own scripts: the theme's, and Pagefind's UI.
OWN_SCRIPT_FOLDERS = ("/theme/", f"/{SEARCH_BUNDLE}/")
URL_ATTRIBUTES = frozenset({
    "href", "src", "action", "formaction", "cite", "data", "poster", "background",
    "srcset", "xlink:href", "ping", "manifest", "icon",
})  # fmt: skip


@dataclass(frozen=True)
class Finding:
    """One piece of active content in a built file."""

    path: Path
    what: str

    def __str__(self) -> str:
        return f"{self.path}: {self.what}"


def is_search_form(values: dict[str, str]) -> bool:
    """The theme's search form: a GET to the site's own search page, which runs no code of the
    page's content."""
    return values.get("method", "get").lower() == "get" and urlsplit(
        values["action"]
    ).path.endswith("/" + SEARCH_URL)


class _PageScanner(HTMLParser):
    def __init__(self, alias_page: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.alias_page = alias_page
        self.found: list[str] = []
        self._json_ld: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in EMBEDDING_TAGS:
            self.found.append(f"<{tag}> element")
        if tag == "script":
            self._script(values)
        if tag == "form" and values.get("action") and not is_search_form(values):
            self.found.append(f"<form action={values['action']!r}>")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            if not self.alias_page:
                self.found.append("<meta http-equiv=refresh> outside an alias page")
            self._url(tag, "content", values.get("content", "").partition("url=")[2])
        for name, value in values.items():
            if name.startswith("on"):
                self.found.append(f"event-handler attribute {name}= on <{tag}>")
            elif name in URL_ATTRIBUTES:
                for url in value.split(",") if name == "srcset" else [value]:
                    self._url(tag, name, url.strip().split(" ")[0])

    def _script(self, values: dict[str, str]) -> None:
        if values.get("type") == "application/ld+json" and "src" not in values:
            self._json_ld = []
            return
        path = urlsplit(values.get("src", "")).path
        if not path.startswith(OWN_SCRIPT_FOLDERS):
            self.found.append(f"<script> element (src={values.get('src')!r})")

    def _url(self, tag: str, name: str, url: str) -> None:
        if url_scheme(url) in HOSTILE_SCHEMES:
            self.found.append(f"{url_scheme(url)}: URL in {name}= of <{tag}>")

    def handle_data(self, data: str) -> None:
        if self._json_ld is not None:
            self._json_ld.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._json_ld is not None:
            self.found.extend(json_ld_findings("".join(self._json_ld)))
            self._json_ld = None


def json_ld_findings(text: str) -> list[str]:
    """Hostile URLs among the string values of a JSON-LD block (or that it is not JSON)."""
    try:
        data = json.loads(text)
    except ValueError:
        return ["a JSON-LD block that is not JSON (markup broke out of it?)"]
    found, pending = [], [data]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, str) and url_scheme(value) in HOSTILE_SCHEMES:
            found.append(f"{url_scheme(value)}: URL in JSON-LD")
    return found


def html_findings(html: str, alias_page: bool = False) -> list[str]:
    scanner = _PageScanner(alias_page)
    scanner.feed(html)
    scanner.close()
    return scanner.found


#: Feed elements whose text is HTML: RSS's description and content:encoded; in Atom, an
#: element with type="html" (its other text, a title included, is plain text).
FEED_HTML_ELEMENTS = frozenset({"description", "encoded"})


def _carries_html(element: etree._Element) -> bool:
    name = etree.QName(element).localname
    return element.get("type") == "html" or name in FEED_HTML_ELEMENTS


def feed_findings(path: Path) -> list[str]:
    """A feed's links, and the HTML its entries carry as escaped text."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.parse(str(path), parser).getroot()
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if url_scheme(value) in HOSTILE_SCHEMES:
                found.append(f"{url_scheme(value)}: URL in {name}= of a feed element")
        text = element.text or ""
        if url_scheme(text.strip()) in HOSTILE_SCHEMES:
            found.append(f"{url_scheme(text.strip())}: URL in a feed element")
        if _carries_html(element):
            found.extend(html_findings(text))
    return found


def fragment_findings(path: Path) -> list[str]:
    """A search fragment's text holds no markup: Pagefind's UI puts its excerpt in the page as
    HTML, and a fragment holds what the page shows as text."""
    fragment = read_fragment(path)
    texts = [fragment["content"], *fragment.get("meta", {}).values()]
    texts += [anchor.get("text", "") for anchor in fragment.get("anchors", [])]
    found = [f"markup in a search fragment: {text[:80]!r}" for text in texts if "<" in text]
    return found + html_findings(fragment["content"])


def scan_output(output: Path, alias_pages: frozenset[str] = frozenset()) -> list[Finding]:
    """Every piece of active content under *output*; *alias_pages* (paths relative to
    *output*) may redirect with ``<meta http-equiv="refresh">``."""
    findings = []
    for path in sorted(output.rglob("*")):
        relative = path.relative_to(output)
        if not path.is_file():
            continue
        suffix = path.suffix.lower()
        if relative.parts[0] == SEARCH_BUNDLE:
            found = fragment_findings(path) if suffix == ".pf_fragment" else []
        elif suffix in (".html", ".htm"):
            text = path.read_text(encoding="utf-8")
            found = html_findings(text, alias_page=str(relative) in alias_pages)
        elif suffix in (".xml", ".atom", ".rss", ".opml"):
            found = feed_findings(path)
        elif suffix == ".svg":
            found = [problem] if (problem := svg_problem(path)) else []
        else:
            continue
        findings.extend(Finding(relative, what) for what in found)
    return findings


def assert_no_active_content(output: Path, alias_pages: frozenset[str] = frozenset()) -> None:
    findings = scan_output(output, alias_pages)
    assert not findings, "active content in the built site:\n" + "\n".join(map(str, findings))
