"""Slugs: ASCII, lowercase, hyphenated, the same rule for articles, sections and topics."""

from __future__ import annotations

from pelican.utils import slugify as pelican_slugify

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


def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """The ASCII slug Pelican gives *text* (the rule of section and tag slugs), cut at a word
    boundary to *max_length*."""
    slug = pelican_slugify(text, regex_subs=SLUG_SUBSTITUTIONS)
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1]
    if "-" in cut:
        cut = cut[: cut.rindex("-")]
    return cut[:max_length].strip("-")


def is_valid_slug(slug: str) -> bool:
    """A slug is lowercase ASCII words joined by single hyphens, at most 80 characters."""
    return bool(slug) and len(slug) <= MAX_SLUG_LENGTH and slugify(slug) == slug


def slug_problem(slug: str) -> tuple[str, str] | None:
    """Why *slug* is refused and how to fix it, or None when it is valid: one message for
    articles, pages and topics."""
    if is_valid_slug(slug):
        return None
    return (
        f"'{slug}' is not a valid slug",
        f"use lowercase ASCII words and hyphens, at most {MAX_SLUG_LENGTH} characters, "
        f"e.g. '{slugify(slug)}'",
    )


def address_slug_problem(slug: str) -> tuple[str, str] | None:
    """:func:`slug_problem`, and for articles and pages (whose URL the slug ends): a slug of
    digits only is refused, as it would take the address of a year or day page
    (``/2019/``, ``/2019/05/03/``)."""
    if problem := slug_problem(slug):
        return problem
    if slug.isdigit():
        return (
            f"'{slug}' is only digits: its address would be a year or day archive page's",
            f"add a word, e.g. 'bilan-{slug}'",
        )
    return None
