"""Social cards as PNG files: valid to the byte, whatever the length of the title."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from chronique.site.images.cards import CARD_SIZE, CardText, render_card

TITLES = {
    "one line": "Grève",
    "two lines": "Conflit en Ukraine : la Russie reprend deux villages",
    "four lines": "Conflit en Ukraine : la Russie annonce avoir repris deux villages de la région "
    "de Koursk après des semaines de combats",
    "cut": "Une négociation sans fin " * 12,
    "accents above, descents below": "Éric, Ça, Ôté : gypse, quiproquo, jújú",
}


def chunks(png: bytes) -> dict[bytes, bytes]:
    """The PNG's chunks by type, each checked against its CRC; the IDAT chunks joined."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    found: dict[bytes, bytes] = {}
    at = 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind, data = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", png[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + data), kind
        found[kind] = found.get(kind, b"") + data
        at += 12 + length
    assert at == len(png)
    return found


def decoded(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


@pytest.mark.parametrize("title", TITLES.values(), ids=TITLES.keys())
def test_a_card_is_a_valid_png_of_palette_entries(title: str) -> None:
    found = chunks(render_card(CardText("Monde", title, "Chronique")))
    width, height, depth, colour = struct.unpack(">IIBB", found[b"IHDR"][:10])
    assert (width, height, depth, colour) == (*CARD_SIZE, 8, 3)
    scanlines = zlib.decompress(found[b"IDAT"])  # checks the stream's Adler-32 too
    assert len(scanlines) == height * (width + 1)
    assert max(scanlines[:: width + 1]) == 0  # each row's filter byte
    assert max(scanlines) < len(found[b"PLTE"]) // 3
    assert found[b"IEND"] == b""


@pytest.mark.parametrize("title", TITLES.values(), ids=TITLES.keys())
def test_cards_of_a_section_differ_only_where_the_title_is(title: str) -> None:
    card = decoded(render_card(CardText("Monde", title, "Chronique")))
    other = decoded(render_card(CardText("Monde", "Autre titre", "Chronique")))
    heading, footer = (0, 0, CARD_SIZE[0], 120), (0, 520, CARD_SIZE[0], CARD_SIZE[1])
    for box in (heading, footer):
        assert card.crop(box).tobytes() == other.crop(box).tobytes()
    title_rows = (0, 130, CARD_SIZE[0], 520)
    assert card.crop(title_rows).tobytes() != other.crop(title_rows).tobytes()
    assert card.getpalette() == other.getpalette()


def test_the_section_and_site_are_on_the_card() -> None:
    card = decoded(render_card(CardText("Monde", "Grève", "Chronique")))
    other = decoded(render_card(CardText("Sport", "Grève", "Autre site")))
    heading, footer = (0, 0, CARD_SIZE[0], 120), (0, 520, CARD_SIZE[0], CARD_SIZE[1])
    for box in (heading, footer):
        assert card.crop(box).tobytes() != other.crop(box).tobytes()
