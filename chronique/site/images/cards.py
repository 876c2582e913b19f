"""Social cards: the 1200 × 630 picture a link preview shows when an article has no photo.

Typeset with DejaVu Sans, shipped in ``chronique/fonts/`` with its licence so that every
install draws the same card; Pillow's basic layout engine (not Raqm, which a system may
or may not have) keeps the bytes the same from one machine to the next.

Compressing the picture's 756,000 pixels cost more than drawing it, though most rows are
the same on every card of a section: the frame's rows and the blank ones are compressed
once and each card compresses only the rows its title changed (:func:`_encode`).
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont

CARD_SIZE = (1200, 630)
CARD_VERSION = 4
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
    frame = _frame(text.section, text.site_name)
    card = frame.copy()
    draw = ImageDraw.Draw(card)
    for number, line in enumerate(lines):
        position = (_MARGIN, 140 + number * line_height)
        draw.text(position, line, font=_font(size, True), fill=_SHADES - 1)
    return _encode(card, _FrameKey(text.section, text.site_name))


@dataclass(frozen=True)
class _FrameKey:
    section: str
    site_name: str

    @property
    def image(self) -> Image.Image:
        return _frame(self.section, self.site_name)


@dataclass(frozen=True)
class _Rows:
    """Rows of a card as PNG scanlines (a filter byte, 0, then a palette entry per pixel),
    compressed on their own: a deflate segment ending on a byte boundary, not the last,
    so that segments joined in order make the picture's stream."""

    deflated: bytes
    adler: int
    length: int


def _encode(card: Image.Image, frame: _FrameKey) -> bytes:
    """The card as a PNG of palette entries: the rows the title changed are compressed
    here; the frame's rows above and below, and the blank rows between, come compressed
    from a cache shared by the cards of the section."""
    width, height = CARD_SIZE
    changed = ImageChops.difference(card, frame.image).getbbox()
    top, bottom = (changed[1], changed[3]) if changed else (height, height)
    ink_above = frame.image.crop((0, 0, width, top)).getbbox() if top else None
    ink_below = frame.image.crop((0, bottom, width, height)).getbbox()
    heading_end = ink_above[3] if ink_above else 0
    footer_start = bottom + ink_below[1] if ink_below else height
    parts = [
        _frame_rows(frame, 0, heading_end),
        _blank_rows(top - heading_end),
        _rows(card, top, bottom),
        _blank_rows(footer_start - bottom),
        _frame_rows(frame, footer_start, height),
    ]
    return _png(parts)


@lru_cache(maxsize=256)
def _frame_rows(frame: _FrameKey, start: int, stop: int) -> _Rows:
    return _rows(frame.image, start, stop)


@lru_cache(maxsize=1024)
def _blank_rows(count: int) -> _Rows:
    return _rows(Image.new("L", (CARD_SIZE[0], count), 0), 0, count)


def _rows(image: Image.Image, start: int, stop: int) -> _Rows:
    # One column more on the left, left at 0: each row's filter byte ("none").
    scanlines = Image.new("L", (image.width + 1, stop - start), 0)
    scanlines.paste(image.crop((0, start, image.width, stop)), (1, 0))
    lines = scanlines.tobytes()
    compressor = zlib.compressobj(_COMPRESS_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    deflated = compressor.compress(lines) + compressor.flush(zlib.Z_SYNC_FLUSH)
    return _Rows(deflated, zlib.adler32(lines), len(lines))


#: zlib's fastest level: a card is mostly paper, which every level compresses about as well.
_COMPRESS_LEVEL = 1
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: A zlib stream's header: deflate, a 32 KiB window, no preset dictionary (RFC 1950).
_ZLIB_HEADER = b"\x78\x01"
#: An empty fixed-Huffman block marked last: the end of the deflate stream (RFC 1951).
_LAST_BLOCK = b"\x03\x00"


def _png(parts: list[_Rows]) -> bytes:
    """The PNG of palette entries whose scanlines are *parts*, in order (PNG spec, 11.2)."""
    adler = 1
    for part in parts:
        adler = _adler32_combine(adler, part.adler, part.length)
    stream = b"".join(
        [_ZLIB_HEADER, *(part.deflated for part in parts), _LAST_BLOCK, adler.to_bytes(4, "big")]
    )
    header = struct.pack(">IIBBBBB", *CARD_SIZE, 8, 3, 0, 0, 0)  # 8-bit palette entries
    return b"".join(
        [
            _PNG_SIGNATURE,
            _chunk(b"IHDR", header),
            _chunk(b"PLTE", bytes(_PALETTE)),
            _chunk(b"IDAT", stream),
            _chunk(b"IEND", b""),
        ]
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


_ADLER_BASE = 65521


def _adler32_combine(first: int, second: int, second_length: int) -> int:
    """The Adler-32 of two byte strings joined, from theirs (zlib's ``adler32_combine``,
    which Python's zlib does not offer): the sum of bytes adds up, and the sum of sums
    gains the first string's sum once per byte of the second."""
    first_sum, first_sums = first & 0xFFFF, first >> 16
    second_sum, second_sums = second & 0xFFFF, second >> 16
    total = (first_sum + second_sum - 1) % _ADLER_BASE
    sums = (first_sums + second_sums + second_length * (first_sum - 1)) % _ADLER_BASE
    return total | sums << 16


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
