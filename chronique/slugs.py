"""Slugs: ASCII, lowercase, hyphenated, the same rule for articles, sections and topics."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from pelican.utils import slugify as pelican_slugify
from unidecode import unidecode

#: Also used as Pelican's SLUG_REGEX_SUBSTITUTIONS so section slugs follow the same rule.
SLUG_SUBSTITUTIONS: list[tuple[str, str]] = [
    (r"[’'`]", "-"),
    (r"[^\w\s-]", ""),
    (r"_", "-"),
    (r"(?u)\A\s*", ""),
    (r"(?u)\s*\Z", ""),
    (r"[-\s]+", "-"),
    (r"^-+|-+$", ""),
]

MAX_SLUG_LENGTH = 80

_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _ascii_table() -> dict[int, str | None]:
    """SLUG_SUBSTITUTIONS' first three steps on ASCII text, as one str.translate table:
    quotes and underscores become hyphens, what is neither a word character, a space nor
    a hyphen goes. (The remaining steps, hyphens and spaces collapsed into one hyphen and
    none at either end, are a split and a join; tests compare with Pelican's function.)"""
    table: dict[int, str | None] = {}
    for code in range(128):
        char = chr(code)
        if char in "'`_":
            table[code] = "-"
        elif not (char.isalnum() or char.isspace() or char == "-"):
            table[code] = None
    return table


_ASCII_SLUG_TABLE = _ascii_table()


@cache
def _ascii_of(character: str) -> str:
    return unidecode(character)


def pelican_slug(text: str) -> str:
    """What ``pelican.utils.slugify(text, regex_subs=SLUG_SUBSTITUTIONS)`` returns.

    Pelican's function compiles its substitutions and transliterates character by
    character in Python on every call: a fifth of a plain-text page's ingest. This
    is the same computation with each distinct character transliterated once
    (unidecode maps characters one by one) and the substitutions, which then see
    only ASCII, done by one translate table and a split; text with markup or
    entities to strip goes to Pelican's function itself.
    """
    if "<" in text or "&" in text:
        return pelican_slugify(text, regex_subs=SLUG_SUBSTITUTIONS)
    value = unicodedata.normalize("NFKC", " ".join(text.split()))
    if not value.isascii():
        value = _NON_ASCII.sub(lambda match: _ascii_of(match.group()), value)  # = unidecode
    value = value.translate(_ASCII_SLUG_TABLE).lower()
    return "-".join(value.replace("-", " ").split())


def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """Return the ASCII slug of *text*, cut at a word boundary to *max_length*."""
    slug = pelican_slug(text)
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1]
    if "-" in cut:
        cut = cut[: cut.rindex("-")]
    return cut[:max_length].strip("-")


def is_valid_slug(slug: str) -> bool:
    """A slug is lowercase ASCII words joined by single hyphens, at most 80 characters."""
    return bool(slug) and len(slug) <= MAX_SLUG_LENGTH and slugify(slug) == slug
