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

_COMPILED_SUBSTITUTIONS = [
    (
        re.compile(unicodedata.normalize("NFKC", pattern), re.I),
        unicodedata.normalize("NFKC", replacement),
    )
    for pattern, replacement in SLUG_SUBSTITUTIONS
]
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@cache
def _ascii_of(character: str) -> str:
    return unidecode(character)


def pelican_slug(text: str) -> str:
    """What ``pelican.utils.slugify(text, regex_subs=SLUG_SUBSTITUTIONS)`` returns.

    Pelican's function compiles its substitutions and transliterates character by
    character in Python on every call: a fifth of a plain-text page's ingest. This
    is the same computation with the patterns compiled once and each distinct
    character transliterated once (unidecode maps characters one by one); text
    with markup or entities to strip goes to Pelican's function itself.
    """
    if "<" in text or "&" in text:
        return pelican_slugify(text, regex_subs=SLUG_SUBSTITUTIONS)
    value = unicodedata.normalize("NFKC", " ".join(text.split()))
    value = _NON_ASCII.sub(lambda match: _ascii_of(match.group()), value)  # = unidecode(value)
    for pattern, replacement in _COMPILED_SUBSTITUTIONS:
        value = pattern.sub(replacement, value)
    return value.lower().strip()


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
