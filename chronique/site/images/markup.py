"""The HTML of a published image: ``<picture>`` with WebP and fallback ``srcset``, sizes
and intrinsic dimensions, so the browser reserves the box before the image arrives."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from html import escape, unescape

from markupsafe import Markup

from chronique.site.images.variants import ProcessedImage, Variant

#: Lead images span the article column (46rem); body images the text measure (68ch).
LEAD_SIZES = "(min-width: 48rem) 46rem, 100vw"
BODY_SIZES = "(min-width: 44rem) 40rem, 100vw"

#: An image alone in its paragraph (a figure), or anywhere else (inline), as the
#: sanitiser writes them: double-quoted attributes, no self-closing slash.
_BODY_IMAGE = re.compile(r"(?P<para><p>\s*)?(?P<img><img\b[^>]*>)(?(para)\s*</p>)")
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')


@dataclass(frozen=True)
class Picture:
    """A processed image as a page shows it; the theme calls ``html`` or ``thumbnail``."""

    image: ProcessedImage
    alt: str
    siteurl: str

    def html(self, sizes: str = LEAD_SIZES, lazy: bool = False) -> Markup:
        return Markup(picture_html(self.image, self.alt, self.siteurl, sizes, lazy))

    def thumbnail(self) -> Markup:
        """The smallest variant, for listings."""
        smallest = replace(
            self.image, variants=tuple(v for v in self.image.variants if v.width == self._min_width)
        )
        width = f"{self._min_width}px"
        return Markup(picture_html(smallest, self.alt, self.siteurl, width, lazy=True))

    @property
    def _min_width(self) -> int:
        return min(v.width for v in self.image.variants)


def _url(siteurl: str, variant: Variant) -> str:
    return f"{siteurl}/{variant.path}"


def _srcset(siteurl: str, variants: tuple[Variant, ...]) -> str:
    return ", ".join(f"{_url(siteurl, v)} {v.width}w" for v in variants)


def picture_html(
    image: ProcessedImage,
    alt: str,
    siteurl: str,
    sizes: str,
    lazy: bool = False,
    css_class: str = "",
) -> str:
    fallback = image.fallback
    largest = fallback[-1]
    sources = ""
    if largest.format != "WEBP":
        webp = escape(_srcset(siteurl, image.of_format("WEBP")))
        sources = f'<source type="image/webp" srcset="{webp}" sizes="{escape(sizes)}">'
    attributes = [
        f'src="{escape(_url(siteurl, largest))}"',
        f'srcset="{escape(_srcset(siteurl, fallback))}"',
        f'sizes="{escape(sizes)}"',
        f'width="{largest.width}"',
        f'height="{largest.height}"',
        f'alt="{escape(alt)}"',
    ]
    if css_class:
        attributes.append(f'class="{escape(css_class)}"')
    if lazy:
        attributes.append('loading="lazy"')
    attributes.append('decoding="async"')
    return f"<picture>{sources}<img {' '.join(attributes)}></picture>"


def rewrite_body_images(
    html: str,
    processed: Mapping[str, ProcessedImage],
    source_of: Callable[[str], str | None],
    siteurl: str,
) -> str:
    """Each body ``<img>`` of a processed image becomes a ``<picture>``; one alone in its
    paragraph becomes a ``<figure>`` whose caption is the image's Markdown title."""

    def as_picture(match: re.Match[str]) -> str:
        attributes = {name: unescape(value) for name, value in _ATTRIBUTE.findall(match["img"])}
        src = source_of(attributes.get("src", ""))
        image = processed.get(src) if src else None
        if image is None:
            return match[0]
        picture = picture_html(
            image, attributes.get("alt", ""), siteurl, BODY_SIZES, True, attributes.get("class", "")
        )
        if not match["para"]:
            return picture
        caption = attributes.get("title")
        figcaption = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
        return f'<figure class="figure">{picture}{figcaption}</figure>'

    if "<img" not in html:  # most bodies: the pattern's optional <p> is tried at every place
        return html
    return _BODY_IMAGE.sub(as_picture, html)
