"""One way to compare words and labels whatever their case, accents and spacing."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65_536)  # pages of one site repeat their menus and labels
def fold(text: str) -> str:
    """Case- and accent-insensitive form of *text*: ``' Économie  Générale '`` ->
    ``'economie generale'``.

    Case folded, compatibility forms and accented letters decomposed (NFKD) and their
    combining marks dropped, runs of white space made one space, none at either end.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def source_key(name: str) -> str:
    """How a settings entry and a page name the same source: folded, without 'www.'
    ('www.LeMonde.fr' is 'lemonde.fr')."""
    return fold(name).removeprefix("www.")
