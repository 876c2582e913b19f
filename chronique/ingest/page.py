"""What an extractor (plain text or HTML) finds in one page, before the article is built."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from chronique.folding import fold

#: Where one sentence ends and the next begins (French and English punctuation).
_SENTENCE_END = re.compile(
    r"(?<=[.!?…])(?:[\s\u00a0\u202f]*[»”\")\]])*\s+(?=[«\"“(\[]?\s*[A-ZÀ-ÖØ-Þ0-9])"
)


@dataclass(frozen=True)
class ExtractedPage:
    """The fields a page gives; ``None`` / empty when the page does not say."""

    title: str
    body: str  # Markdown
    paragraphs: tuple[str, ...]  # the body's text paragraphs, plain (for summary and dedupe)
    subtitle: str | None = None
    standfirst: str | None = None
    section: str | None = None  # a configured section the page names, or its own label
    section_hint: str | None = None  # what the page seemed to call its section, for messages
    published: datetime | None = None
    modified: datetime | None = None
    date_note: str | None = None  # why there is no date although the page shows one
    relative_date: str | None = None  # 'Publié il y a 3 heures': resolved only against a capture
    authors: tuple[str, ...] = ()
    site_tags: tuple[str, ...] = ()
    site_name: str | None = None
    url: str | None = None
    declared_lang: str | None = None
    encoding_note: str | None = None  # 'garbled encoding repaired (…)', for the report


def split_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text.strip()) if s]


def trim_at_sentence(text: str, limit: int = 300) -> str:
    """The leading sentences of *text* that fit in *limit* characters (at least the first one,
    cut at a word and marked with '…' when even it is longer)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    kept = ""
    for sentence in split_sentences(text):
        candidate = f"{kept} {sentence}".strip()
        if len(candidate) > limit:
            break
        kept = candidate
    if kept:
        return kept
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:")
    return f"{cut}…"


@cache
def sections_by_fold(sections: tuple[str, ...]) -> dict[str, str]:
    """The configured sections by folded name, to recognise 'ÉCONOMIE' as 'Économie'."""
    return {fold(s): s for s in sections}
