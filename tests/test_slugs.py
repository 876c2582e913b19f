"""Slugs: our fast path must give exactly the slugs Pelican gives sections and tags."""

from __future__ import annotations

import random
import unicodedata

import pytest
from pelican.utils import slugify as pelican_slugify

from chronique.slugs import SLUG_SUBSTITUTIONS, is_valid_slug, pelican_slug, slugify

TITLES = [
    "Conflit en Ukraine : la Russie reprend des villages dans la région de Koursk",
    "L’Œuvre d’Ève à l’Élysée — « débat » … ½ ²",
    "Straße, Æsir et ﬁnance ; İstanbul ǅemal",
    "北京 et Москва : Ελλάδα",
    "Ça\u00a0va\u202fbien\tet\n  plus",
    "  --x__y--  ",
    "<b>Gras</b> &amp; &eacute;t&eacute; <!-- note -->",
    "e\u0301te\u0301 (NFD)",
    "100 % — 3,5 € ; 12h30 : #hashtag @moi",
    "",
]


def _random_texts(count: int) -> list[str]:
    rng = random.Random(1)
    printable = [
        chr(c)
        for c in range(0x20, 0x3000)
        if unicodedata.category(chr(c)) not in ("Cc", "Cs")  # no controls, no lone surrogates
    ]
    return ["".join(rng.choices(printable, k=rng.randrange(1, 30))) for _ in range(count)]


def _pelicans(text: str) -> str:
    return pelican_slugify(text, regex_subs=SLUG_SUBSTITUTIONS)


@pytest.mark.parametrize("text", TITLES)
def test_pelican_slug_matches_pelican(text: str) -> None:
    assert pelican_slug(text) == _pelicans(text)


def test_pelican_slug_matches_pelican_on_random_text() -> None:
    mismatches = [t for t in _random_texts(5000) if pelican_slug(t) != _pelicans(t)]
    assert mismatches == []


def test_pelican_slug_matches_pelican_on_every_ascii_character() -> None:
    """ASCII controls included: the information separators \\x1c-\\x1f are spaces to both."""
    rng = random.Random(2)
    texts = [chr(c) for c in range(1, 128)]
    texts += ["".join(map(chr, rng.choices(range(1, 128), k=12))) for _ in range(3000)]
    assert [t for t in texts if pelican_slug(t) != _pelicans(t)] == []


def test_slugify_cuts_at_a_word_boundary() -> None:
    slug = slugify("mot " * 40)
    assert len(slug) <= 80 and is_valid_slug(slug) and not slug.endswith("-")
    assert slugify("L’Ukraine à l’ONU") == "l-ukraine-a-l-onu"
