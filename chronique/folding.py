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
    Folded word by word (each character folds on its own, and white space is no part
    of a word), so that the words a batch repeats are folded once.
    """
    return " ".join(filter(None, map(_folded_word, text.casefold().split())))


@lru_cache(maxsize=65_536)
def _folded_word(word: str) -> str:
    """One word folded: a decomposition may hold a space ('¨' is a space and a diaeresis),
    and a word of combining marks alone folds to nothing."""
    decomposed = unicodedata.normalize("NFKD", word)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def source_key(name: str) -> str:
    """How a settings entry and a page name the same source: folded, without 'www.'
    ('www.LeMonde.fr' is 'lemonde.fr')."""
    return fold(name).removeprefix("www.")
