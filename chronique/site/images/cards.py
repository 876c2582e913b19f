"""Social cards: the 1200 × 630 picture a link preview shows when an article has no photo.

Typeset with DejaVu Sans, shipped in ``chronique/fonts/`` with its licence so that every
install draws the same card; Pillow's basic layout engine (not Raqm, which a system may
or may not have) keeps the bytes the same from one machine to the next.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont

CARD_SIZE = (1200, 630)
CARD_VERSION = 3
_MARGIN = 80
_PAPER = (250, 248, 243)
_INK = (26, 26, 26)
_ACCENT = (164, 28, 36)
_SOFT = (90, 90, 90)
_TITLE_SIZES = (76, 68, 60, 54, 48, 42)
_TITLE_LINES = 4
#: Shades of each ink between the paper (shade 0) and the ink itself, for antialiasing.
_SHADES = 16


@dataclass(frozen=True)
class CardText:
    section: str
    title: str
    site_name: str


def font_path(bold: bool = False) -> Path:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return Path(str(resources.files("chronique") / "fonts" / name))


@cache
def _font(size: int, bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(bold)), size, layout_engine=ImageFont.Layout.BASIC)


class _Ink(IntEnum):
    """The card's inks, in palette order: ink *n* owns the entries ``n * _SHADES`` onwards."""

    TEXT = 0
    ACCENT = 1
    SOFT = 2

    @property
    def colour(self) -> tuple[int, int, int]:
        return (_INK, _ACCENT, _SOFT)[self]


def _shade(ink: _Ink, shade: int) -> tuple[int, ...]:
    return tuple(
        round(paper + (colour - paper) * shade / (_SHADES - 1))
        for paper, colour in zip(_PAPER, ink.colour, strict=True)
    )


#: The palette of every card: each ink's shades, from the paper to the ink.
_PALETTE = [value for ink in _Ink for shade in range(_SHADES) for value in _shade(ink, shade)]


def render_card(text: CardText) -> bytes:
    """The card as PNG bytes: the section above, the title as large as fits, the site below.

    A card is drawn straight into its palette, since quantizing a 24-bit drawing cost three
    quarters of a card's time. The title's ink owns the palette's first entries, from the
    paper (0) to the ink (``_SHADES - 1``): drawn in that entry on the paper, its
    antialiased edges fall on the shades between.
    """
    size, lines = _fit_title(text.title, CARD_SIZE[0] - 2 * _MARGIN)
    line_height = round(size * 1.2)
    card = _frame(text.section, text.site_name).copy()
    draw = ImageDraw.Draw(card)
    for number, line in enumerate(lines):
        position = (_MARGIN, 140 + number * line_height)
        draw.text(position, line, font=_font(size, True), fill=_SHADES - 1)
    card.putpalette(_PALETTE)
    buffer = io.BytesIO()
    card.save(buffer, "PNG", compress_level=1)
    return buffer.getvalue()


@lru_cache(maxsize=64)
def _frame(section: str, site_name: str) -> Image.Image:
    """What cards of one section share, as palette entries: the accent bar and section above,
    the site below. Each ink is drawn at full coverage on a layer of its own, mapped to its
    shades, and the layers merged pixel by pixel: no two inks touch, and the paper is entry
    0, so the larger entry is the inked one."""
    footer = CARD_SIZE[1] - 100

    def heading(draw: ImageDraw.ImageDraw) -> None:
        draw.rectangle((0, 0, CARD_SIZE[0], 14), fill=255)
        draw.text((_MARGIN, 70), section.upper(), font=_font(30, True), fill=255)

    def signature(draw: ImageDraw.ImageDraw) -> None:
        draw.line((_MARGIN, footer, CARD_SIZE[0] - _MARGIN, footer), fill=255, width=2)
        draw.text((_MARGIN, footer + 24), site_name, font=_font(34, False), fill=255)

    return ImageChops.lighter(_layer(_Ink.ACCENT, heading), _layer(_Ink.SOFT, signature))


def _layer(ink: _Ink, draw: Callable[[ImageDraw.ImageDraw], None]) -> Image.Image:
    """What *draw* draws at full coverage (255), as palette entries of *ink*'s shades."""
    coverage = Image.new("L", CARD_SIZE, 0)
    draw(ImageDraw.Draw(coverage))
    return coverage.point(_shades_of(ink))


@cache
def _shades_of(ink: _Ink) -> list[int]:
    """Coverage (0–255) to *ink*'s palette entry; no coverage is the paper, entry 0."""
    steps = _SHADES - 1
    return [ink * _SHADES + round(value * steps / 255) if value else 0 for value in range(256)]


def _fit_title(title: str, width: int) -> tuple[int, list[str]]:
    """The largest size at which the title fits its lines; at the smallest, cut with '…'."""
    words = title.split()
    for size in _TITLE_SIZES:
        lines = _wrap(words, _font(size, True), width)
        if len(lines) <= _TITLE_LINES:
            return size, lines
    size = _TITLE_SIZES[-1]
    font = _font(size, True)
    lines = _wrap(words, font, width)[:_TITLE_LINES]
    last = lines[-1]
    while last and font.getlength(last + " …") > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    lines[-1] = f"{last} …"
    return size, lines


def _wrap(words: list[str], font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap: textwrap counts characters, not the font's advance widths."""
    lines: list[str] = []
    for word in words:
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines
