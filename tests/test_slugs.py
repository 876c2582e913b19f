"""Slugs: ASCII words joined by hyphens, the rule Pelican applies to sections and tags."""

from __future__ import annotations

import pytest

from chronique.content.slugs import is_valid_slug, slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        (
            "Conflit en Ukraine : la Russie reprend des villages dans la région de Koursk",
            "conflit-en-ukraine-la-russie-reprend-des-villages-dans-la-region-de-koursk",
        ),
        ("L’Œuvre d’Ève à l’Élysée — « débat »", "l-oeuvre-d-eve-a-l-elysee-debat"),
        ("Straße, Æsir et ﬁnance", "strasse-aesir-et-finance"),
        ("北京 et Москва", "bei-jing-et-moskva"),
        ("Ça\u00a0va\u202fbien\tet\n  plus", "ca-va-bien-et-plus"),
        ("  --x__y--  ", "x-y"),
        ("<b>Gras</b> &amp; &eacute;t&eacute;", "gras-ete"),
        ("e\u0301te\u0301 (NFD)", "ete-nfd"),
        ("100 % — 3,5 € ; 12h30 : #hashtag @moi", "100-35-eur-12h30-hashtag-moi"),
        ("« … » !", ""),
    ],
)
def test_slugs_are_ascii_words_joined_by_hyphens(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_slugify_cuts_at_a_word_boundary() -> None:
    slug = slugify("mot " * 40)
    assert len(slug) <= 80 and is_valid_slug(slug) and not slug.endswith("-")
    assert slugify("L’Ukraine à l’ONU") == "l-ukraine-a-l-onu"


@pytest.mark.parametrize("slug", ["", "Majuscule", "double--tiret", "-tete", "accent-é", "a" * 81])
def test_invalid_slugs_are_refused(slug: str) -> None:
    assert not is_valid_slug(slug)
