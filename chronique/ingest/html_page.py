"""Steps 2–4 for HTML: trafilatura for the text and metadata, ``<meta>``/JSON-LD where it misses.

trafilatura (2.x) finds the main text and drops menus, "read also" boxes,
comments and cookie banners; its XML body is rendered to Markdown with its own
``xmltotxt`` so we extract once. Where trafilatura or its renderer lose words
(empty links, nested inline elements, text with links loose beside blocks, a
``<br>`` closing a link or bold text, a link written in pieces, list markers
after a line break, CommonMark escapes that Python-Markdown, which renders the
site, does not read) the tree or the Markdown is repaired first. Quotes lose
their ``>`` in that renderer, so they are marked before rendering. The
publication date is chosen among every date the page states (JSON-LD
``datePublished``, ``article:published_time``, other ``<meta>``, ``itemprop``
elements, then trafilatura/htmldate's day): the most trusted one that is not a
placeholder, preferring one that carries its zone. htmldate's extensive search
is off: it guesses from copyright lines and free text, and an archive does not
guess.
The description is the standfirst only when the page shows it. A page that is
not a whole article (a home or section page of headlines, a paid article's
teaser) is refused with the reason.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from html import unescape
from typing import Any, NamedTuple

import trafilatura
from lxml import etree
from trafilatura.htmlprocessing import REND_TAG_MAPPING
from trafilatura.settings import Document
from trafilatura.xml import delete_element, xmltotxt

from chronique.folding import fold
from chronique.ingest.chrome import ChromePatterns, is_consent_notice
from chronique.ingest.dates import (
    DATE_PREFIX,
    is_placeholder,
    localise,
    parse_date_text,
    zone_was_printed,
)
from chronique.ingest.errors import IngestFailure
from chronique.ingest.markdown import join_blocks
from chronique.ingest.page import ExtractedPage, sections_by_fold

_HAS_BODY = re.compile(r"<body[\s>]", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "blogposting",
    "liveblogposting",
    "report",
}
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_MARKS = re.compile(
    r"^(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)|(?<!\\)[*_`]{1,3}", re.MULTILINE
)
_BACKSLASH_ESCAPE = re.compile(r"\\(.)")
#: A token no page contains (trafilatura strips private-use and control characters).
_QUOTE_MARK = "@@chronique-quote@@"
_TRUNCATED = re.compile(r"(?:\.\.\.|…|\[…\])\s*$")


class DateCandidate(NamedTuple):
    """A date text of the page and its rank (lower is trusted first, see _DATE_RANKS)."""

    rank: int
    text: str


#: Measured on fundus pages: JSON-LD is right where ``article:published_time`` disagrees
#: with it; a bare ``<meta name="date">`` is as often the update time.
_DATE_RANKS = {"json-ld": 0, "article": 1, "meta": 2, "element": 3, "trafilatura": 4}


@dataclass
class PageMetadata:
    """What ``<head>`` and JSON-LD say about the article."""

    title: str | None = None
    alternative_title: str | None = None
    #: Every date the page states, each with how far its kind of field is trusted.
    published: list[DateCandidate] = field(default_factory=list)
    modified: list[DateCandidate] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    site_name: str | None = None
    url: str | None = None
    description: str | None = None
    lang: str | None = None
    accessible_for_free: bool | None = None  # JSON-LD isAccessibleForFree: False on paid articles
    declares_article: bool = False  # og:type "article" or JSON-LD of an article type


def extract_html_page(
    html: str, chrome: ChromePatterns, sections: Sequence[str], tz_name: str
) -> ExtractedPage:
    """Article fields and Markdown body of one saved HTML page."""
    if not _HAS_BODY.search(html):
        raise IngestFailure("HTML page without <body>: no article text to extract")
    tree = _parse(html)
    meta = read_metadata(tree)
    _drop_consent_banners(tree)
    _unwrap_nested_inline(tree)
    _merge_split_links(tree)
    _lift_line_breaks(tree)
    _wrap_loose_text(tree)
    document = _extract_document(tree)
    title = (document.title if document else None) or meta.title
    if document is None or document.body is None or not len(document.body):
        if title:
            raise IngestFailure("title only: no article text in the HTML page")
        raise IngestFailure("no article text found in the HTML page")
    if not title:
        raise IngestFailure("no title found in the HTML page (no <title>, og:title or <h1>)")
    standfirst = _standfirst(tree, meta.description or document.description)
    blocks = _body_blocks(document.body, chrome)
    if meta.declares_article:
        title = _headline(blocks, title)
    blocks = _without_title(blocks, title)
    if standfirst and _leads_with(blocks, standfirst) and _set_apart(tree, standfirst, blocks[1:2]):
        blocks = blocks[1:]
    elif standfirst and _said_elsewhere(standfirst, title, blocks):
        standfirst = None
    paragraphs = [_plain(b) for b in blocks if not b.startswith("#")]
    if not paragraphs:
        raise IngestFailure("title only: no article text in the HTML page")
    if not meta.declares_article:  # a roundup article's items also start with links
        _refuse_headline_list(tree, paragraphs)
    _refuse_teaser(meta, paragraphs)
    section, hint = _section([*meta.sections, *(document.categories or [])], sections)
    if document.date:
        meta.published.append(DateCandidate(_DATE_RANKS["trafilatura"], document.date))
    published, note = _published(meta, tz_name)
    return ExtractedPage(
        title=title.strip(),
        subtitle=_subtitle(meta.alternative_title, title),
        section=section,
        section_hint=hint,
        standfirst=standfirst,
        body=join_blocks(blocks),
        paragraphs=tuple(paragraphs),
        published=published,
        modified=_best_date(meta.modified, tz_name),
        date_note=note,
        authors=_authors(document.author, meta.authors),
        site_tags=tuple(dict.fromkeys([*(document.tags or []), *meta.tags])),
        site_name=document.sitename or meta.site_name,
        url=meta.url or document.url,
        declared_lang=meta.lang,
    )


def _parse(html: str) -> Any:
    """The page parsed as plain trafilatura parses it: without comments and processing
    instructions. A comment kept in the tree makes trafilatura drop the text that follows
    it within the paragraph (``Un <!-- --> texte`` would lose "texte")."""
    try:
        tree = trafilatura.load_html(_XML_DECLARATION.sub("", html))
    except (etree.ParserError, ValueError) as exc:
        raise IngestFailure(f"unreadable HTML ({exc})") from None
    if tree is None:
        raise IngestFailure("unreadable HTML (no document element)")
    return tree


def _extract_document(tree: Any) -> Document | None:
    """trafilatura's main text and metadata of the prepared page."""
    document = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_links=True,
        include_formatting=True,
        include_tables=True,
        include_images=False,
        output_format="markdown",
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    return document if isinstance(document, Document) else None


#: The inline elements trafilatura keeps: links and the formatting it renders.
_INLINE_TAGS = ("a", *REND_TAG_MAPPING)


def _unwrap_nested_inline(tree: Any) -> None:
    """Keep one element of each inline pair that wraps nothing else (``<a><em>Netflix</em></a>``,
    ``<em><a>…</a></em>``): the link if there is one, else the inner formatting.

    trafilatura drops an inline element that has no text of its own when only spaces follow
    it, and the space with it: "on <a><em>Netflix</em></a> <em>and</em>" came out as
    "on Netflixand", the link lost.
    """
    for outer in list(tree.iter(*_INLINE_TAGS)):
        inner = _sole_inline_child(outer)
        while inner is not None and outer.tag == "a":
            inner.drop_tag()
            inner = _sole_inline_child(outer)
        if inner is not None and outer.getparent() is not None:
            outer.drop_tag()


def _lift_line_breaks(tree: Any) -> None:
    """Move a ``<br>`` that ends a link or formatting (``<b>Task store<br></b> The
    store…``) out after it. trafilatura cut the paragraph there, and at the next link
    lost the space after it ("Modelsection")."""
    for line_break in list(tree.iter("br")):
        parent = line_break.getparent()
        while (
            parent is not None
            and parent.tag in _INLINE_TAGS
            and line_break is parent[-1]
            and not (line_break.tail or "").strip()
        ):
            space, line_break.tail = line_break.tail, parent.tail
            parent.tail = space
            parent.addnext(line_break)
            parent = line_break.getparent()


def _merge_split_links(tree: Any) -> None:
    """Join the links to one address that touch each other (``<a href=u>D</a><a href=u>ata
    </a>``: editors that write a link per run of text), which trafilatura kept as words
    apart ("D ata")."""
    for link in list(tree.iter("a")):
        following = link.getnext()
        while (
            following is not None
            and following.tag == "a"
            and not link.tail
            and link.get("href")
            and following.get("href") == link.get("href")
        ):
            _append_content(link, following)
            following.drop_tree()  # keeps its tail, now after *link*'s text
            following = link.getnext()


def _append_content(link: Any, following: Any) -> None:
    """Move *following*'s text and children to the end of *link*."""
    if len(link):
        last = link[-1]
        last.tail = (last.tail or "") + (following.text or "")
    else:
        link.text = (link.text or "") + (following.text or "")
    link.extend(list(following))


def _sole_inline_child(element: Any) -> Any:
    """The inline element that is all of *element*'s content, or None."""
    if len(element) != 1 or (element.text or "").strip():
        return None
    child = element[0]
    if child.tag not in _INLINE_TAGS or (child.tail or "").strip():
        return None
    return child


#: The elements that start a block of their own: text between them is a paragraph.
_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "center", "dd", "details", "div", "dl"),
        *("dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4"),
        *("h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section"),
        *("table", "ul", "script", "style", "noscript", "template", "iframe", "video", "audio"),
    }
)
_MIXED_CONTAINERS = ("div", "section", "article", "main", "body")


def _wrap_loose_text(tree: Any) -> None:
    """Put the text with links that stands beside blocks in a container (a blog post's
    ``<div>`` of text, ``<br>`` and ``<h2>``) in paragraphs of its own.

    Given such a container, trafilatura keeping links split its text at each link into
    paragraphs and lost the space after the link ("the blog at workso I figured").
    """
    for container in list(tree.iter(*_MIXED_CONTAINERS)):
        if any(_is_block(child) for child in container) and _has_loose_text(container):
            _wrap_runs(container)


def _is_block(node: Any) -> bool:
    """A block, or an inline element that holds one (``<font>``, ``<a>`` around a
    ``<div>``): never put in a paragraph."""
    if not isinstance(node.tag, str) or node.tag in _BLOCK_TAGS:
        return True
    return next(node.iterdescendants(*_BLOCK_TAGS), None) is not None


def _has_loose_text(container: Any) -> bool:
    """Whether *container* holds text outside its blocks."""
    if (container.text or "").strip():
        return True
    return any(
        (child.tail or "").strip() or (not _is_block(child) and child.text_content().strip())
        for child in container
    )


def _wrap_runs(container: Any) -> None:
    """Wrap each run of text and links between the blocks of *container* in a ``<p>``,
    when the container is an article's text written loose: one of its runs is a
    paragraph long. The other runs, which trafilatura reads well, are left as they were:
    text without a link, links without text ("Learn more"), and the loose bits of a box
    (a byline, an audio player's notice)."""
    runs = _runs(container)
    written_loose = any(len(run.text_content().split()) >= _PARAGRAPH_WORDS for run in runs)
    for run in runs:
        has_text = "".join(_TEXT_OUTSIDE_LINKS(run)).strip()
        if not (written_loose and has_text and run.find(".//a") is not None):
            run.drop_tag()


#: A run of loose text this long is a paragraph, not a label or a byline.
_PARAGRAPH_WORDS = 40
_TEXT_OUTSIDE_LINKS = etree.XPath(".//text()[not(ancestor::a)]")


def _runs(container: Any) -> list[Any]:
    """Put each run of text and inline elements between the blocks of *container* in a
    ``<p>`` of its own; the new paragraphs."""
    runs = []
    run = None
    if (container.text or "").strip():
        run = container.makeelement("p", {})
        run.text, container.text = container.text, None
        container.insert(0, run)
        runs.append(run)
    for child in list(container):
        if child is run:
            continue
        if _is_block(child):
            run = None
            if (child.tail or "").strip():
                run = container.makeelement("p", {})
                run.text, child.tail = child.tail, None
                child.addnext(run)
                runs.append(run)
            continue
        if run is None:
            run = container.makeelement("p", {})
            child.addprevious(run)
            runs.append(run)
        run.append(child)  # with its tail
    return runs


_OUTSIDE_ARTICLE = etree.XPath("//body//p[not(ancestor::article or ancestor::main)]")


def _drop_consent_banners(tree: Any) -> None:
    """Remove the cookie banners: boxes outside the article whose paragraphs all ask for
    consent, one of them naming cookies. trafilatura keeps a long banner as text, and takes
    the whole page for the article when the banner stands outside it. A paragraph about
    cookies among others (an article on online tracking) stays."""
    boxes = {
        p.getparent() for p in _OUTSIDE_ARTICLE(tree) if "cookie" in p.text_content().casefold()
    }
    for box in boxes:
        if box is None or box.tag == "body" or box.getparent() is None:
            continue
        paragraphs = box.findall(".//p")
        if not all(is_consent_notice(p.text_content()) for p in paragraphs):
            continue
        if box.xpath(".//h1|.//article|.//main"):
            for paragraph in paragraphs:
                paragraph.drop_tree()
        else:
            box.drop_tree()


# ------------------------------------------------------------------------ metadata


def read_metadata(tree: Any) -> PageMetadata:
    """``<meta>`` (Open Graph, article:*, name=…), canonical link, ``<html lang>``, JSON-LD."""
    meta = PageMetadata(lang=_language_code(tree.get("lang")))
    for element in tree.iter("meta"):
        key = (
            element.get("property")
            or element.get("name")
            or element.get("itemprop")
            or element.get("http-equiv")
            or ""
        )
        _apply_meta(meta, key.strip().lower(), (element.get("content") or "").strip())
    canonical = tree.find(".//link[@rel='canonical']")
    if canonical is not None and canonical.get("href"):
        meta.url = canonical.get("href")
    if meta.title is None:
        heading = tree.find(".//h1")
        title = tree.find(".//title")
        text = heading if heading is not None else title
        meta.title = text.text_content().strip() if text is not None else None
    for item in _json_ld_articles(tree):
        _apply_json_ld(meta, item)
    _read_date_elements(tree, meta)
    return meta


def _read_date_elements(tree: Any, meta: PageMetadata) -> None:
    """``<time itemprop="datePublished" datetime="…">`` and the like, outside ``<meta>``;
    and ``<time datetime="…">`` right after its label ('Publié le', 'Mis à jour le')."""
    for element in tree.iterfind(".//*[@datetime]"):
        key = (element.get("itemprop") or "").strip().lower()
        kind = {"datepublished": "published", "datemodified": "modified"}.get(key)
        if kind is None and not key and element.tag == "time":
            kind = _labelled_kind(element)
        if kind and element.get("datetime", "").strip():
            candidate = DateCandidate(_DATE_RANKS["element"], element.get("datetime").strip())
            getattr(meta, kind).append(candidate)


def _labelled_kind(element: Any) -> str | None:
    """'published' or 'modified' when the text right before *element* is only a date
    statement's keyword ('Publié le ', 'Updated'); None for an unlabelled date."""
    before = element.getprevious()
    label = (before.tail if before is not None else element.getparent().text) or ""
    prefix = DATE_PREFIX.fullmatch(label.strip())
    if prefix is None or not (prefix["published"] or prefix["modified"]):
        return None
    return "modified" if prefix["modified"] else "published"


#: <meta> keys of the publication and update dates, with their rank's name.
_META_DATES = {
    "article:published_time": ("published", "article"),
    "og:article:published_time": ("published", "article"),
    "datepublished": ("published", "meta"),
    "date": ("published", "meta"),
    "pubdate": ("published", "meta"),
    "publish-date": ("published", "meta"),
    "parsely-pub-date": ("published", "meta"),
    "dc.date.issued": ("published", "meta"),
    "article:modified_time": ("modified", "article"),
    "og:updated_time": ("modified", "article"),
    "datemodified": ("modified", "meta"),
}
_META_FIELDS = {
    "og:title": "title",
    "twitter:title": "title",
    "og:site_name": "site_name",
    "og:url": "url",
    "og:description": "description",
    "description": "description",
    "twitter:description": "description",
}


def _apply_meta(meta: PageMetadata, key: str, value: str) -> None:
    if not value:
        return
    if key in _META_DATES:
        name, rank = _META_DATES[key]
        getattr(meta, name).append(DateCandidate(_DATE_RANKS[rank], value))
    elif key in _META_FIELDS:
        name = _META_FIELDS[key]
        if getattr(meta, name) is None:
            setattr(meta, name, value)
    elif key in ("og:locale", "content-language", "language", "dc.language"):
        meta.lang = meta.lang or _language_code(value)
    elif key == "og:type":
        meta.declares_article = meta.declares_article or value.lower().startswith("article")
    elif key == "article:section":
        meta.sections.append(value)
    elif key in ("article:tag", "news_keywords"):
        meta.tags.extend(t.strip() for t in value.split(",") if t.strip())
    elif key in ("author", "article:author") and not value.startswith("http"):
        meta.authors.append(value)


#: The CDATA section that pages written as XHTML put around a script's JSON.
_CDATA_WRAPPER = re.compile(
    r"^\s*(?://|/\*)?\s*<!\[CDATA\[(?:\s*\*/)?|(?://|/\*)?\s*\]\]>(?:\s*\*/)?\s*$"
)


def _json_ld_articles(tree: Any) -> Iterator[dict[str, Any]]:
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            # strict=False: pages leave raw line breaks inside JSON strings
            data = json.loads(_CDATA_WRAPPER.sub("", script.text), strict=False)
        except ValueError:
            continue
        yield from _article_items(data)


def _article_items(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _article_items(item)
    elif isinstance(data, dict):
        if "@graph" in data:
            yield from _article_items(data["@graph"])
        types = data.get("@type")
        types = types if isinstance(types, list) else [types]
        if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in types):
            yield data


def _apply_json_ld(meta: PageMetadata, item: dict[str, Any]) -> None:
    meta.declares_article = True
    meta.lang = meta.lang or _language_code(_text(item.get("inLanguage")))
    for key, dates in (("datePublished", meta.published), ("dateModified", meta.modified)):
        text = _text(item.get(key))
        if text:
            dates.append(DateCandidate(_DATE_RANKS["json-ld"], text))
    meta.title = meta.title or _text(item.get("headline"))
    meta.alternative_title = meta.alternative_title or _text(item.get("alternativeHeadline"))
    meta.description = meta.description or _text(item.get("description"))
    meta.url = meta.url or _text(item.get("url") or item.get("mainEntityOfPage"))
    section = item.get("articleSection")
    meta.sections.extend([section] if isinstance(section, str) else _texts(section))
    keywords = item.get("keywords")
    if isinstance(keywords, str):
        keywords = keywords.split(",")
    meta.tags.extend(k.strip() for k in _texts(keywords) if k.strip())
    if not meta.authors:
        meta.authors.extend(_names(item.get("author")))
    if meta.accessible_for_free is None:
        meta.accessible_for_free = _flag(item.get("isAccessibleForFree"))
    publisher = item.get("publisher")
    if isinstance(publisher, dict):
        meta.site_name = meta.site_name or _text(publisher.get("name"))


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url") or value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _language_code(tag: str | None) -> str | None:
    """'de' of 'de-AT', 'de_DE' or 'DE'; None for an empty tag."""
    code = re.split(r"[-_]", (tag or "").strip(), maxsplit=1)[0].lower()
    return code if code.isalpha() else None


def _flag(value: Any) -> bool | None:
    """A schema.org Boolean, which pages write as true/false or as the strings "True"/"false"."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def _texts(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip() and not name.startswith("http"):
            names.append(name.strip())
    return names


# ---------------------------------------------------------------------------- body


def _body_blocks(body: Any, chrome: ChromePatterns) -> list[str]:
    """Markdown blocks of trafilatura's body, without any chrome paragraph trafilatura let
    through."""
    _mark_quotes(body)
    _drop_false_links(body)
    _collapse_spaces(body)
    _escape_line_starts(body)
    markdown = trafilatura.utils.normalize_unicode(xmltotxt(body, True))
    markdown = re.sub(rf"^{_QUOTE_MARK}\s*", "> ", markdown, flags=re.MULTILINE)
    markdown = _python_markdown_escapes(markdown.replace(_QUOTE_MARK, ""))
    blocks = [b.strip() for b in re.split(r"\n\s*\n", markdown) if b.strip()]
    return [b for b in blocks if not chrome.is_chrome(_plain(b))]


def _headline(blocks: Sequence[str], title: str) -> str:
    """The article's own headline: the top-level heading that opens the body, when the
    metadata's title is another wording of it (written for search engines or sharing);
    else *title*. A heading that holds the title after a kicker ("Premier League
    Rückschlag…") keeps the title."""
    for block in blocks:
        if not block.startswith("#"):
            break
        if block.startswith("# "):
            heading = _plain(block)
            if " ".join(_words_of(title)) in " ".join(_words_of(heading)):
                return title
            return heading
    return title


def _without_title(blocks: Sequence[str], title: str) -> list[str]:
    """*blocks* without the headings that repeat the title, which is shown above the body."""
    title_words = _words_of(title)
    return [b for b in blocks if not (b.startswith("#") and _words_of(_plain(b)) == title_words)]


def _words_of(text: str) -> list[str]:
    """The folded words of *text*: a heading repeats the title whatever its quotes and
    punctuation ("Mexico’s economy…" heads the page whose title says "Mexico's economy…")."""
    return re.findall(r"\w+", fold(text))


_UNWRAP = "chronique-unwrap"


def _drop_false_links(body: Any) -> None:
    """Remove the links without text (a heading's permalink anchor, an icon), keeping the
    text after them, and unwrap those without a target (an ``<a id>`` anchor that
    trafilatura made hold the paragraph after it): its renderer dropped every word after an
    empty link, and wrote a link without target as '[paragraph]'."""
    for link in list(body.iter("ref")):
        spaces = "".join(link.itertext())
        if not spaces.strip():
            link.tail = spaces + (link.tail or "")  # a link on a space still separates words
            delete_element(link)
        elif not link.get("target"):
            link.tag = _UNWRAP
    etree.strip_tags(body, _UNWRAP)


_INDENTED_LINES = re.compile(r"[ \t]*\n[ \t]*")
_SPACES = re.compile(r"[ \t]+")


def _collapse_spaces(body: Any) -> None:
    """The prose without the source's indentation: one space for each run of spaces, none
    around a line break; code keeps its own. trafilatura keeps the indentation of the HTML
    source, and a link on an indented line of a list item was then no longer read as a link
    by Markdown (its address shown as text)."""
    in_code = {element for code in body.iter("code") for element in code.iter()}
    for element in body.iter():
        if element not in in_code and element.text:
            element.text = _unindented(element.text)
        if element.getparent() not in in_code and element.tail:
            element.tail = _unindented(element.tail)


def _unindented(text: str) -> str:
    return _INDENTED_LINES.sub("\n", _SPACES.sub(" ", text))


#: What opens a list, heading or quote at the start of a Markdown line, its marker's last
#: character apart to be escaped. Python-Markdown reads a heading without a space after '#'.
_BLOCK_MARKERS = (
    re.compile(r"^(\s*\d{1,9})([.)])(?=\s|$)"),
    re.compile(r"^(\s*)([-+>])(?=\s|$)"),  # trafilatura escapes every "*" itself
    re.compile(r"^(\s*)(#)"),
)


def _escape_line_starts(body: Any) -> None:
    """Escape the text after a line break that Markdown would read as a list, heading or
    quote marker ("<br>1. Finland <br>2. Norway": a ranking written in the prose).
    trafilatura escapes them at a paragraph's start, not after a line break; unescaped,
    each line became a list of its own, its number lost (Python-Markdown restarts at 1)."""
    for line_break in body.iter("lb"):
        if line_break.tail and line_break.getparent().tag != "code":
            line_break.tail = _escaped_block_start(line_break.tail)


def _escaped_block_start(text: str) -> str:
    for marker in _BLOCK_MARKERS:
        if marker.match(text):
            return marker.sub(r"\1\\\2", text, count=1)
    return text


#: Code, written verbatim (a fenced block or a code span); or a backslash escape of '<' or
#: '~' in the prose, after any escaped backslashes.
_CODE_OR_ESCAPE = re.compile(
    r"(?P<code>^```.*?^```[ \t]*$|(?<!\\)(?P<ticks>`+).+?(?P=ticks))"
    r"|(?<!\\)(?P<backslashes>(?:\\\\)*)\\(?P<char>[<~])",
    re.MULTILINE | re.DOTALL,
)


def _python_markdown_escapes(markdown: str) -> str:
    """trafilatura's Markdown escapes as Python-Markdown, which renders the site, reads them.

    trafilatura writes CommonMark, where '\\<' and '\\~' are escapes; Python-Markdown knows
    neither, so '\\<storage_root>' became a raw HTML tag, dropped with its words, and '\\~'
    showed its backslash. '<' is written '&lt;' and '~' needs no escape; code stays as it is.
    """
    return _CODE_OR_ESCAPE.sub(_known_escape, markdown)


def _known_escape(match: re.Match[str]) -> str:
    if match["code"]:
        return match["code"]
    return match["backslashes"] + ("&lt;" if match["char"] == "<" else match["char"])


def _standfirst(tree: Any, description: str | None) -> str | None:
    """The page's description when the page shows it: a standfirst. A description the
    reader never sees (written for search engines, or cut with '…') is not the article's."""
    if not description or _TRUNCATED.search(description):
        return None
    shown = _words("".join(_VISIBLE_TEXT(tree)))  # "L’<em>armée</em>" is one word
    return description.strip() if _words(description) in shown else None


def _said_elsewhere(standfirst: str, title: str, blocks: Sequence[str]) -> bool:
    """Whether the description only repeats the title, or is the body's own text (its
    opening sentences, which the body may set as paragraphs of their own): then the
    page has no standfirst, and the summary is taken from the body."""
    words = " ".join(_words_of(standfirst))
    body = " ".join(_words_of(" ".join(_plain(b) for b in blocks)))
    return words == " ".join(_words_of(title)) or f" {words} " in f" {body} "


def _leads_with(blocks: Sequence[str], standfirst: str) -> bool:
    return bool(blocks) and fold(_plain(blocks[0])) == fold(standfirst)


def _set_apart(tree: Any, standfirst: str, following: list[str]) -> bool:
    """Whether the standfirst stands apart from the paragraphs after it (another container
    than the next paragraph's, as a chapô above the article body): then it is shown as the
    summary only. A lead paragraph among the body's own paragraphs stays in the body."""
    lead = _element_holding(tree, standfirst)
    after = _element_holding(tree, _plain(following[0])) if following else None
    return lead is not None and after is not None and lead.getparent() is not after.getparent()


def _element_holding(tree: Any, text: str) -> Any:
    """The first element of the page whose own text starts *text* and whose whole text is it."""
    wanted = _words(text)
    for element in tree.iter("p", "div", "h2", "h3", "span", "section", "header", "li"):
        own = (element.text or "").strip()
        if own and wanted.startswith(_words(own)) and _words(element.text_content()) == wanted:
            return element
    return None


def _words(text: str) -> str:
    return " ".join(text.split())


#: The text of the page's body a reader sees: not scripts, styles or templates.
_VISIBLE_TEXT = etree.XPath(
    "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
    " or ancestor::template)]"
)


def _mark_quotes(body: Any) -> None:
    """Mark the paragraphs of each ``<quote>`` (trafilatura's renderer drops the quote and
    escapes a literal '>'), to turn the mark into '> ' after rendering."""
    for quote in body.iter("quote"):
        paragraphs = quote.findall(".//p") or [quote]
        for paragraph in paragraphs:
            paragraph.text = f"{_QUOTE_MARK}{paragraph.text or ''}"


def _plain(block: str) -> str:
    """The text of a Markdown block: no link targets, marks or escapes."""
    text = _MARKDOWN_MARKS.sub("", _MARKDOWN_LINK.sub(r"\1", block))
    return unescape(_BACKSLASH_ESCAPE.sub(r"\1", text)).strip()


# --------------------------------------------------------------- not an article


def _refuse_headline_list(tree: Any, paragraphs: Sequence[str]) -> None:
    """Refuse a home or section page: most of the text found is teasers, each line starting
    with the headline of a link to another page."""
    headlines = _link_headlines(tree)
    lines = [line for paragraph in paragraphs for line in paragraph.splitlines() if line.strip()]
    teasers = [line for line in lines if _first_words(line) in headlines]
    teaser_share = sum(map(len, teasers)) / max(1, sum(map(len, lines)))
    if len(teasers) >= _MIN_TEASERS and teaser_share >= 0.5:
        raise IngestFailure(
            f"not an article: a list of headlines ({len(teasers)} lines start with a link to "
            f"another page and make {teaser_share:.0%} of the text; a home or section page)"
        )


def _link_headlines(tree: Any) -> set[str]:
    """The first words of every link long enough to be a headline."""
    starts = set()
    for link in tree.iter("a"):
        words = link.text_content().split()
        if len(words) >= _HEADLINE_WORDS and link.get("href"):
            starts.add(" ".join(words[:_HEADLINE_WORDS]))
    return starts


def _first_words(text: str) -> str:
    return " ".join(text.split()[:_HEADLINE_WORDS])


def _refuse_teaser(meta: PageMetadata, paragraphs: Sequence[str]) -> None:
    """Refuse the free part of a paid article: publishing it would pass a teaser for the
    whole. A paid article whose full text is in the HTML (hidden by a script) is kept."""
    length = sum(len(p) for p in paragraphs)
    if meta.accessible_for_free is False and length < _TEASER_MAX_CHARS:
        raise IngestFailure(
            f"teaser only: the page marks the article as paid (isAccessibleForFree: false) "
            f"and shows {length} characters of it"
        )


#: A link of this many words is a headline, not a menu entry or an inline link.
_HEADLINE_WORDS = 5
_MIN_TEASERS = 3
#: Less text than this on a paid article is its free lead, not the article.
_TEASER_MAX_CHARS = 1200


# -------------------------------------------------------------------------- fields


def _section(candidates: Sequence[str], sections: Sequence[str]) -> tuple[str | None, str | None]:
    """(configured section, the page's own label); the label itself when no sections are set."""
    candidates = [c.strip() for c in candidates if c and c.strip()]
    known = sections_by_fold(tuple(sections))
    for candidate in candidates:
        if fold(candidate) in known:
            return known[fold(candidate)], candidate
    hint = candidates[0] if candidates else None
    return (None if sections else hint), hint


def _published(meta: PageMetadata, tz_name: str) -> tuple[datetime | None, str | None]:
    value = _best_date(meta.published, tz_name)
    if value is None and meta.published:
        shown = ", ".join(dict.fromkeys(c.text for c in meta.published))
        return None, f"the page's dates are placeholders or unreadable ({shown})"
    return value, None


def _best_date(candidates: Sequence[DateCandidate], tz_name: str) -> datetime | None:
    """The most trusted readable date that is not a placeholder, preferring one that
    carries its zone: a time without offset is one the page did not situate, and another
    field of the same page usually gives the same moment with it."""
    values = [_datetime(c.text, tz_name) for c in sorted(candidates)]
    readable = [v for v in values if v is not None and not is_placeholder(v)]
    with_zone = [v for v in readable if zone_was_printed(v)]
    return next(iter(with_zone or readable), None)


def _datetime(text: str | None, tz_name: str) -> datetime | None:
    if not text:
        return None
    try:
        return localise(datetime.fromisoformat(text.strip().replace("Z", "+00:00")), tz_name)
    except ValueError:
        parsed = parse_date_text(text, tz_name)
        return parsed.value if parsed else None


def _subtitle(alternative: str | None, title: str) -> str | None:
    if alternative and fold(alternative) != fold(title):
        return alternative.strip()
    return None


def _authors(found: str | None, fallback: Sequence[str]) -> tuple[str, ...]:
    names = [n.strip() for n in (found or "").split(";") if n.strip()] or list(fallback)
    return tuple(dict.fromkeys(names))
