"""Publishing images with the site: the plugin's one hook into Pelican.

When Pelican has read every article, page and static file (``static_generator_finalized``,
connected in ``chronique.site.plugin``),
each image in ``STATIC_PATHS`` or used by an article is processed (through the cache) and
its variants written to the output; Pelican no longer copies it as is, since the original
keeps its metadata. Articles get ``lead_picture`` (a ``markup.Picture``) and
``social_card`` (a site path); body images become ``<picture>`` elements.
An image that cannot be published refuses the build with one error per article.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from chronique import timing
from chronique.content.errors import ContentError, InvalidContentError
from chronique.content.model import LeadImage
from chronique.settings import read_chronique_settings
from chronique.site.images.cache import CacheReport, ImageCache, cache_key, link_or_copy
from chronique.site.images.cards import CARD_SIZE, CARD_VERSION, CardText, font_path, render_card
from chronique.site.images.markup import Picture, rewrite_body_images
from chronique.site.images.variants import (
    IMAGE_SUFFIXES,
    ImageError,
    ImageSettings,
    ProcessedImage,
    encode_variants,
    image_settings,
    open_image,
)
from chronique.site.reuse import REUSE_KEY, PageReuse, digest

log = logging.getLogger(__name__)

CARD_FILE = "carte-sociale.png"
CARD_SUFFIX = ".png"
_BODY_SRC = re.compile(r'<img\b[^>]*?\bsrc="([^"]*)"')


def cache_path(settings: dict[str, Any]) -> Path:
    """CHRONIQUE_IMAGE_CACHE_PATH, by default ``images`` in Pelican's CACHE_PATH."""
    configured = read_chronique_settings(settings).image_cache_path
    return Path(configured) if configured else Path(settings["CACHE_PATH"]) / "images"


def source_of(url: str) -> str | None:
    """The path under content/ that a body image's address names, or None (another site)."""
    if url.startswith("{static}"):
        url = url.removeprefix("{static}")
    elif not url.startswith("/") or url.startswith("//"):
        return None
    return url.lstrip("/")


def publish_images(generator: Any) -> CacheReport:
    """Pelican's ``static_generator_finalized``: every image processed and published."""
    settings = generator.settings
    content, output = Path(settings["PATH"]), Path(settings["OUTPUT_PATH"])
    cache = ImageCache(cache_path(settings))
    documents = _documents(generator.context)
    used = {id(doc): list(_images_of(doc)) for doc in documents}
    statics = _static_images(generator)
    wanted = sorted(set(statics) | {src for srcs in used.values() for src in srcs})
    processed, errors = process_images(wanted, content, output, image_settings(settings), cache)
    _refuse_errors(documents, used, statics, errors, content)
    for doc in documents:
        _attach(doc, processed, settings.get("SITEURL", ""))
    with timing.stage("cards"):
        _publish_cards(generator.context.get("articles", []), settings, cache, output)
    generator.staticfiles[:] = [
        s for s in generator.staticfiles if _static_path(s) not in processed
    ]
    log.info("Images: %d encoded, %d from the cache", cache.report.encoded, cache.report.reused)
    return cache.report


def _static_path(static: Any) -> str:
    return PurePosixPath(static.relative_source_path).as_posix()


def _static_images(generator: Any) -> dict[str, Any]:
    """The image files Pelican would copy as they are, by their path under content/."""
    return {
        _static_path(static): static
        for static in generator.staticfiles
        if PurePosixPath(static.relative_source_path).suffix.lower() in IMAGE_SUFFIXES
    }


def _documents(context: dict[str, Any]) -> list[Any]:
    return [
        *context.get("articles", []),
        *context.get("hidden_articles", []),
        *context.get("pages", []),
        *context.get("hidden_pages", []),
    ]


def _lead_image(doc: Any) -> LeadImage | None:
    """The front-matter's ``image`` (the reader keeps the model as ``doc.chronique``)."""
    return getattr(getattr(doc, "chronique", None), "image", None)


def _images_of(doc: Any) -> Iterator[str]:
    """The content paths of a document's lead image and body images."""
    lead = _lead_image(doc)
    if lead is not None:
        yield lead.src.removeprefix("{static}").lstrip("/")
    for url in _BODY_SRC.findall(doc._content or ""):
        src = source_of(url)
        if src:
            yield src


def process_images(
    srcs: Iterable[str], content: Path, output: Path, config: ImageSettings, cache: ImageCache
) -> tuple[dict[str, ProcessedImage], dict[str, ImageError]]:
    """Both cores at work: Pillow lets go of the GIL while it decodes, resizes and encodes."""

    def attempt(src: str) -> ProcessedImage | ImageError:
        try:
            return process_image(content, src, output, config, cache)
        except ImageError as error:
            return error

    srcs = list(srcs)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        results = dict(zip(srcs, pool.map(attempt, srcs), strict=True))
    processed = {s: r for s, r in results.items() if isinstance(r, ProcessedImage)}
    errors = {s: r for s, r in results.items() if isinstance(r, ImageError)}
    return processed, errors


def process_image(
    content: Path, src: str, output: Path, config: ImageSettings, cache: ImageCache
) -> ProcessedImage:
    """Publish the variants of ``content/src`` into *output*, encoding only what the cache
    lacks; ImageError says why an image cannot be published."""
    path = inside_content(content, src)
    open_image(path, config).close()  # size, format and pixel limits before reading it all
    with path.open("rb") as file:
        digest = hashlib.file_digest(file, "sha256").hexdigest()
    key = cache_key(digest, src, config.fingerprint())

    def encode() -> tuple[dict[str, Any], dict[str, bytes]]:
        image, files = encode_variants(path, src, config)
        return asdict(image), files

    image = ProcessedImage.from_dict(cache.entry(key, encode))
    for variant in image.variants:
        cache.publish(key, variant.path, output)
    return image


def inside_content(content: Path, src: str) -> Path:
    """``content/src``, refused when it leaves content/ (``../``, or a link pointing out)."""
    root = content.resolve()
    path = (root / src).resolve()
    if not path.is_relative_to(root):
        raise ImageError(f"'{src}' points outside content/")
    return path


def _refuse_errors(
    documents: list[Any],
    used: dict[int, list[str]],
    statics: dict[str, Any],
    errors: dict[str, ImageError],
    content: Path,
) -> None:
    problems = [
        ContentError(Path(doc.source_path), f"image '{src}': {errors[src]}", "image")
        for doc in documents
        for src in used[id(doc)]
        if src in errors
    ]
    named = {src for srcs in used.values() for src in srcs}
    problems += [
        ContentError(content / src, f"static image: {error}")
        for src, error in errors.items()
        if src in statics and src not in named
    ]
    if problems:
        raise InvalidContentError(problems)


def _attach(doc: Any, processed: dict[str, ProcessedImage], siteurl: str) -> None:
    lead = _lead_image(doc)
    image = processed.get(lead.src.removeprefix("{static}").lstrip("/")) if lead else None
    doc.lead_picture = Picture(image, lead.alt, siteurl) if lead and image else None
    if doc._content:
        doc._content = rewrite_body_images(doc._content, processed, source_of, siteurl)


@dataclass(frozen=True)
class _Card:
    text: CardText
    path: str
    key: str


def _publish_cards(
    articles: list[Any], settings: dict[str, Any], cache: ImageCache, output: Path
) -> None:
    """Write each article's social card and set its ``social_card`` (a site path); the cards
    the cache lacks are drawn first, on every core. A card is one file of the cache, linked
    into *output*."""
    site_name = settings.get("SITENAME", "")
    cards = [_card(article, site_name) for article in articles]
    for article, card in zip(articles, cards, strict=True):
        article.social_card = card.path
    cards = [card for card in cards if not _reused(card, settings.get(REUSE_KEY), output)]
    files = {card.key: cache.single_file(card.key, CARD_SUFFIX) for card in cards}
    missing = [card for card in cards if not files[card.key].is_file()]
    for card, png in zip(missing, draw_cards([card.text for card in missing]), strict=True):
        cache.store_single_file(card.key, CARD_SUFFIX, png)
    for card in cards:
        link_or_copy(files[card.key], output / card.path)
    cache.report.encoded += len(missing)
    cache.report.reused += len(cards) - len(missing)


def _reused(card: _Card, reuse: PageReuse | None, output: Path) -> bool:
    """Whether the previous version's card was linked into *output*: its key names all the
    card shows (:mod:`chronique.site.reuse` checks the file was left as it was)."""
    if not isinstance(reuse, PageReuse):
        return False
    return reuse.link_previous(card.path, digest([reuse.inputs, card.key]), output)


def _card(article: Any, site_name: str) -> _Card:
    text = CardText(article.category.name, article.title, site_name)
    path = f"{article.url}{CARD_FILE}"
    return _Card(text, path, cache_key("card", str(asdict(text)), path, _card_fingerprint()))


#: Fewer cards than this are drawn in this process: starting workers would cost more.
_POOL_THRESHOLD = 8


def draw_cards(texts: list[CardText]) -> list[bytes]:
    """The cards of *texts*, in order, drawn by a pool of processes: drawing text holds the GIL,
    so threads would share one core. Each card's bytes depend on its text alone."""
    workers = min(os.cpu_count() or 1, len(texts))
    if len(texts) < _POOL_THRESHOLD or workers < 2:
        return [render_card(text) for text in texts]
    chunk = max(1, len(texts) // (4 * workers))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(render_card, texts, chunksize=chunk))


@lru_cache(maxsize=1)
def _card_fingerprint() -> str:
    fonts = b"".join(font_path(bold).read_bytes() for bold in (False, True))
    return f"{CARD_SIZE}|v{CARD_VERSION}|{hashlib.sha256(fonts).hexdigest()}"
