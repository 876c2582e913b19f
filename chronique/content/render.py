"""Markdown to HTML for article bodies, sanitised: contributor Markdown is untrusted.

``ALLOW_LIST`` is the one definition of the HTML an article may carry: the sanitiser keeps
it and removes the rest, and ``check`` reports what the sanitiser would remove.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import markdown
import nh3

_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)
#: Browsers drop ASCII tabs and newlines anywhere in a URL, and C0 controls and spaces at
#: its ends (WHATWG URL standard), so ``java\tscript:`` runs as ``javascript:``.
_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_EDGES = "".join(map(chr, range(0x21)))

#: The one URL policy: every URL that reaches a page, a feed, JSON-LD or the search index
#: is relative, or absolute with one of these schemes.
URL_SCHEMES = frozenset({"http", "https", "mailto"})
#: Schemes that run code or carry a document of their own in the site's origin: a URL with
#: one is hostile, not merely a link the build drops.
ACTIVE_SCHEMES = frozenset({"javascript", "vbscript", "data"})


def url_scheme(url: str) -> str | None:
    """The scheme a browser would read in *url* (lower case), or None for a relative URL."""
    match = _SCHEME.match(_URL_IGNORED.sub("", url).strip(_URL_EDGES))
    return match.group(1).lower() if match else None


def url_allowed(url: str) -> bool:
    """True when *url* is relative or its scheme is one of URL_SCHEMES."""
    scheme = url_scheme(url)
    return scheme is None or scheme in URL_SCHEMES


@dataclass(frozen=True)
class HtmlAllowList:
    """Tags, attributes (by tag; ``*`` for every tag) and URL schemes the sanitiser keeps."""

    tags: frozenset[str]
    attributes: Mapping[str, frozenset[str]]
    url_schemes: frozenset[str]

    def keeps_tag(self, tag: str) -> bool:
        return tag in self.tags

    def keeps_attribute(self, tag: str, name: str) -> bool:
        return name in self.attributes.get("*", ()) or name in self.attributes.get(tag, ())

    def keeps_url(self, url: str) -> bool:
        """Relative URLs are kept, absolute ones when their scheme is allowed."""
        scheme = url_scheme(url)
        return scheme is None or scheme in self.url_schemes


ALLOW_LIST = HtmlAllowList(
    tags=frozenset({
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details",
        "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6",
        "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small",
        "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
        "thead", "time", "tr", "u", "ul",
    }),
    attributes={
        "*": frozenset({"id", "class", "lang", "title"}),
        "a": frozenset({"href", "hreflang"}),
        "img": frozenset({"src", "alt", "width", "height", "loading"}),
        "td": frozenset({"colspan", "rowspan"}),
        "th": frozenset({"colspan", "rowspan", "scope"}),
        "time": frozenset({"datetime"}),
        "ol": frozenset({"start"}),
    },
    url_schemes=URL_SCHEMES,
)  # fmt: skip


def sanitise_html(html: str) -> str:
    """Keep ALLOW_LIST's tags, attributes and URL schemes; drop the rest (script, handlers…)."""
    allow = ALLOW_LIST
    return nh3.clean(
        html,
        tags=set(allow.tags),
        attributes={tag: set(names) for tag, names in allow.attributes.items()},
        url_schemes=set(allow.url_schemes),
        attribute_filter=_url_filter,
        link_rel=None,
        strip_comments=True,
    )


_URL_ATTRIBUTES = frozenset({"href", "src", "cite"})


def _url_filter(tag: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter: a URL attribute off the URL policy is dropped."""
    if attribute in _URL_ATTRIBUTES and not ALLOW_LIST.keeps_url(value):
        return None
    return value


#: Python-Markdown converters, per thread (an instance is not thread-safe) and per settings.
_converters = threading.local()


def _markdown(markdown_settings: dict[str, Any] | None) -> markdown.Markdown:
    """Python-Markdown set up as Pelican's MARKDOWN setting says, less the meta extension
    (the front-matter is read apart).

    One instance per settings, reset before each body: building one (loading its extensions,
    compiling their patterns) costs nearly as much as converting an article.
    """
    settings = dict(markdown_settings or {"extensions": ["markdown.extensions.extra"]})
    settings["extensions"] = [
        ext for ext in settings.get("extensions", []) if ext != "markdown.extensions.meta"
    ]
    key = repr(sorted(settings.items()))
    converters: dict[str, markdown.Markdown] = _converters.__dict__.setdefault("by_key", {})
    if key not in converters:
        converters[key] = markdown.Markdown(**settings)
    return converters[key].reset()


def render_markdown(text: str, markdown_settings: dict[str, Any] | None = None) -> str:
    """Render a Markdown body and sanitise the result."""
    return sanitise_html(_markdown(markdown_settings).convert(text))


def raw_html(text: str, markdown_settings: dict[str, Any] | None = None) -> list[str]:
    """The raw HTML of a Markdown body, each block or inline tag as Python-Markdown passes it
    through to the page: HTML inside code spans and blocks is text, not raw HTML."""
    if "<" not in text:  # raw HTML starts with '<': most bodies need no second conversion
        return []
    converter = _markdown(markdown_settings)
    converter.convert(text)
    return [item for item in converter.htmlStash.rawHtmlBlocks if isinstance(item, str)]
