"""The lead image of a saved HTML page: found on disk, never fetched.

A page saved by a browser as "complete" (``page.html`` beside ``page_files/``), or an HTML
page next to its images, names its photo in ``og:image`` or in the article's first
``<figure>``. The file found is copied into ``content/images/`` under a name derived from
its hash, so the same photo ingested twice is one file and no file is ever replaced.
The alt text is the page's own (the ``<img>`` alt, ``og:image:alt``, else the caption);
a page that gives none gets no lead image: an alt text is not invented.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
from lxml import etree

from chronique.content.model import LeadImage
from chronique.site.images import ImageError, ImageSettings, image_settings, verify_image
from chronique.site.images.variants import open_image

#: What introduces a credit in a caption: "© AFP", "Photo : Reuters", "Crédit photo : X"…
_CREDIT = re.compile(
    r"(?:(?:©|\(c\)|\b(?:cr[ée]dits?(?: photos?)?|photos?|photographie|photograph|image|credits?)"
    r"\s*:)\s*)+(?P<credit>[^()|]+?)\s*\)?\s*$",
    re.IGNORECASE,
)
_CREDIT_CLASS = re.compile(r"credit|copyright|byline|author|source", re.IGNORECASE)
_HASH_NAME_LENGTH = 16
_EXTENSION = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


@dataclass(frozen=True)
class PageImage:
    """An image a page shows, found on disk beside the page."""

    path: Path
    alt: str
    credit: str | None


def lead_image(page_path: Path, raw: bytes, content_path: Path) -> LeadImage | None:
    """The lead image of the page at *page_path* (its bytes *raw*), copied into
    ``content/images/``; None when the page has none on disk, or none with an alt text."""
    found = find_page_image(page_path, raw)
    if found is None:
        return None
    try:
        src = copy_into_content(found.path, content_path)
    except ImageError:
        return None  # unreadable: the article is written without it
    return LeadImage(src=src, alt=found.alt, credit=found.credit)


def find_page_image(page_path: Path, raw: bytes) -> PageImage | None:
    """The page's ``og:image`` when it is on disk and has an alt text, else the article's
    first figure, its alt text (or caption) and credit."""
    try:
        document = lxml.html.document_fromstring(raw)
    except (etree.ParserError, ValueError):
        return None
    figure = _first_figure(document)
    figure_image = _figure_image(page_path, figure) if figure is not None else None
    og_image = _meta(document, "og:image") or _meta(document, "twitter:image") or ""
    og_path = _local_file(page_path, og_image)
    if og_path is not None and (figure_image is None or og_path != figure_image.path):
        alt = _meta(document, "og:image:alt") or _meta(document, "twitter:image:alt")
        if alt:
            return PageImage(og_path, " ".join(alt.split()), None)
    return figure_image


def _figure_image(page_path: Path, figure: lxml.html.HtmlElement) -> PageImage | None:
    img = figure.find(".//img")
    path = _local_file(page_path, img.get("src") or img.get("data-src") or "")
    caption, credit = _caption_and_credit(figure)
    alt = " ".join((img.get("alt") or caption).split())
    return PageImage(path, alt, credit) if path is not None and alt else None


def _meta(document: lxml.html.HtmlElement, name: str) -> str | None:
    for element in document.iter("meta"):
        if name in (element.get("property"), element.get("name")):
            return (element.get("content") or "").strip() or None
    return None


def _first_figure(document: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The first figure with an image in the article (the page's main part, else the body)."""
    for scope in ("//article", "//main", "//body"):
        for root in document.xpath(scope):
            for figure in root.iter("figure"):
                if figure.find(".//img") is not None:
                    return figure
    return None


def _caption_and_credit(figure: lxml.html.HtmlElement) -> tuple[str, str | None]:
    """The caption's text less its credit, and the credit: an element the page marks as
    one (class "credit", "copyright"…), else what follows "©" or "Photo :" in the caption."""
    caption_element = figure.find(".//figcaption")
    caption = (
        " ".join(caption_element.text_content().split()) if caption_element is not None else ""
    )
    for element in figure.iter():
        marks = f"{element.get('class') or ''} {element.get('itemprop') or ''}"
        if element is not figure and _CREDIT_CLASS.search(marks):
            credit = " ".join(element.text_content().split())
            if credit:
                return caption.replace(credit, "").strip(" -–—|,"), _bare(credit)
    match = _CREDIT.search(caption)
    if match:
        return caption[: match.start()].strip(" -–—|,("), match["credit"].strip()
    return caption, None


def _bare(credit: str) -> str:
    """ "© Photo : AFP" → "AFP"."""
    match = _CREDIT.search(credit)
    return match["credit"].strip() if match else credit.strip()


def _local_file(page_path: Path, url: str) -> Path | None:
    """The file beside the page that *url* names, never one outside the page's folder.

    A relative address is read from the page's folder; an absolute one (``og:image`` keeps
    the site's address when a browser saves a page) is looked for by its file name in
    the page's ``<name>_files/`` folder and beside the page. Nothing is downloaded.
    """
    if not url or url.startswith("data:"):
        return None
    parts = urlsplit(url)
    folder = page_path.parent.resolve()
    if parts.scheme or parts.netloc:
        name = Path(unquote(parts.path)).name
        places = [folder / f"{page_path.stem}_files" / name, folder / name] if name else []
    else:
        places = [folder / unquote(parts.path)]
    for place in places:
        resolved = place.resolve()
        if resolved.is_relative_to(folder) and resolved.is_file():
            return resolved
    return None


def copy_into_content(
    source: Path, content_path: Path, settings: ImageSettings | None = None
) -> str:
    """Copy *source* to ``content/images/<hash>.<ext>``; its path under content/.

    The name comes from the bytes, so an existing file of that name holds the same image
    and is kept as it is; the extension from the format Pillow reads, not the page's name.
    """
    settings = settings or image_settings({})
    verify_image(source, settings)
    with open_image(source, settings) as image:
        extension = _EXTENSION[image.format or "PNG"]
    data = source.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    images = content_path / "images"
    images.mkdir(parents=True, exist_ok=True)
    for name in (digest[:_HASH_NAME_LENGTH], digest):
        target = images / f"{name}.{extension}"
        if _write_once(target, data):
            return f"images/{target.name}"
    raise ImageError(f"content/images/ already holds a different file named {digest}")


def _write_once(target: Path, data: bytes) -> bool:
    """Write *data* at *target* unless it exists; True when *target* now holds *data*."""
    if target.exists():
        return target.read_bytes() == data
    with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".", delete=False) as temporary:
        temporary.write(data)
    try:
        target.hardlink_to(temporary.name)  # refuses an existing target, unlike a rename
    except FileExistsError:
        return target.read_bytes() == data
    finally:
        Path(temporary.name).unlink(missing_ok=True)
    return True
