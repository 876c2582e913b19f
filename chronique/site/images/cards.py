"""Social cards: the 1200 × 630 picture a link preview shows when an article has no photo.

Typeset with DejaVu Sans, shipped in ``chronique/fonts/`` with its licence so that every
install draws the same card; Pillow's basic layout engine (not Raqm, which a system may
or may not have) keeps the bytes the same from one machine to the next.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

CARD_SIZE = (1200, 630)
CARD_VERSION = 2
#: Colours of a card's palette: four inks, each antialiased against the paper.
_PALETTE_COLOURS = 64
_MARGIN = 80
_PAPER = (250, 248, 243)
_INK = (26, 26, 26)
_ACCENT = (164, 28, 36)
_SOFT = (90, 90, 90)
_TITLE_SIZES = (76, 68, 60, 54, 48, 42)
_TITLE_LINES = 4


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


def render_card(text: CardText) -> bytes:
    """The card as PNG bytes: the section above, the title as large as fits, the site below."""
    card = Image.new("RGB", CARD_SIZE, _PAPER)
    draw = ImageDraw.Draw(card)
    width = CARD_SIZE[0] - 2 * _MARGIN
    draw.rectangle((0, 0, CARD_SIZE[0], 14), fill=_ACCENT)
    draw.text((_MARGIN, 70), text.section.upper(), font=_font(30, True), fill=_ACCENT)
    size, lines = _fit_title(text.title, width)
    line_height = round(size * 1.2)
    top = 140
    for number, line in enumerate(lines):
        draw.text((_MARGIN, top + number * line_height), line, font=_font(size, True), fill=_INK)
    footer = CARD_SIZE[1] - 100
    draw.line((_MARGIN, footer, CARD_SIZE[0] - _MARGIN, footer), fill=_SOFT, width=2)
    draw.text((_MARGIN, footer + 24), text.site_name, font=_font(34, False), fill=_SOFT)
    return _png(card)


def _png(card: Image.Image) -> bytes:
    """The card as an indexed PNG with light compression: a card is flat paper and four inks,
    so its palette loses nothing visible, and encoding 24-bit pixels at zlib's default level
    cost most of the time a card takes (and made it twice as large)."""
    indexed = card.quantize(_PALETTE_COLOURS, method=Image.Quantize.FASTOCTREE)
    buffer = io.BytesIO()
    indexed.save(buffer, "PNG", compress_level=1)
    return buffer.getvalue()


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
