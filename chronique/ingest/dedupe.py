"""Step 6: what the archive already holds — same raw bytes, or nearly the same text.

An exact copy is found by the sha256 of the raw input recorded in each
article's ``source.sha256``. A near copy (the same story saved twice from two
pages, with different chrome) by the Jaccard similarity of the sets of 5-word
shingles of the article text, >= 0.8. An inverted index from shingle to
articles keeps that to the articles that share at least one shingle.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from chronique.content.frontmatter import FrontMatter, parse_front_matter
from chronique.topics.tagging import utf8_words

SHINGLE_WORDS = 5
DUPLICATE_THRESHOLD = 0.8
_MARKDOWN_LINK_TARGET = re.compile(r"\]\([^)]*\)")
#: Distinct words whose folded form is remembered.
FOLDED_WORDS_MAX = 500_000


@lru_cache(maxsize=FOLDED_WORDS_MAX)
def _fold_word(word: bytes) -> bytes:
    """*word* NFKC-normalised and casefolded, once per distinct word: an archive's texts
    reuse a limited vocabulary. Words are split before they are folded: a character that
    NFKC turns into a separator (a full-width comma) leaves its word whole, the same in
    every text."""
    return unicodedata.normalize("NFKC", word.decode()).casefold().encode()


def normalise_words(text: str) -> list[bytes]:
    """The words of *text*, case-folded, Markdown link targets left out (the tagger's split)."""
    if "](" in text:
        text = _MARKDOWN_LINK_TARGET.sub("]", text)
    return [_fold_word(word) for word in utf8_words(text)]


def shingles(text: str, size: int = SHINGLE_WORDS) -> frozenset[int]:
    """Hashes of the *size*-word windows of *text* (the whole text when it is shorter)."""
    words = normalise_words(text)
    if len(words) < size:
        return frozenset({hash(tuple(words))}) if words else frozenset()
    return frozenset(map(hash, zip(*(words[k:] for k in range(size)), strict=False)))


@dataclass(frozen=True)
class Fingerprint:
    """A text's shingles, and the prefix of them that prefix filtering indexes."""

    shingles: frozenset[int]
    prefix: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Fingerprint:
        shingle_set = shingles(text)
        return cls(shingle_set, _prefix(shingle_set))


@dataclass(frozen=True)
class NearDuplicate:
    path: Path
    similarity: float


@dataclass(frozen=True)
class _Indexed:
    path: Path
    shingles: frozenset[int]


@dataclass
class ArchiveIndex:
    """The articles already in the archive, as far as dedupe and slugs need them.

    Near duplicates are found with prefix filtering (Chaudhuri et al., 2006): under one
    global order of shingles, two sets with Jaccard >= t share at least one of their first
    ``|x| - ceil(t * |x|) + 1`` shingles, so only those are indexed and looked up. Then the
    positional filter of PPJoin (Xiao et al., 2008): every shingle two sets share comes at
    or after the first prefix shingle they share, so where that one stands in each set
    bounds their overlap; the exact Jaccard is computed only for candidates whose size and
    bound can still reach the threshold.
    """

    by_sha256: dict[str, Path] = field(default_factory=dict)
    slugs: dict[str, Path] = field(default_factory=dict)
    _articles: list[_Indexed] = field(default_factory=list)
    #: Shingle -> (article number, the shingle's position in that article's prefix) for each
    #: article whose prefix holds it, in the order the articles were indexed.
    _postings: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    @classmethod
    def load(cls, articles_path: Path) -> ArchiveIndex:
        """Read every article under *articles_path*; unreadable ones still reserve their slug."""
        index = cls()
        for path in sorted(articles_path.rglob("*.md")) if articles_path.is_dir() else []:
            text = path.read_text(encoding="utf-8", errors="replace")
            parsed = parse_front_matter(path, text)
            if not isinstance(parsed, FrontMatter):
                index.slugs.setdefault(path.stem, path)
                continue
            source = parsed.data.get("source")
            sha = source.get("sha256") if isinstance(source, dict) else None
            slug = parsed.data.get("slug")
            index.add(
                path,
                str(slug) if slug else path.stem,
                str(sha) if sha else None,
                Fingerprint.of(parsed.body),
            )
        return index

    def add(self, path: Path, slug: str, sha256: str | None, fingerprint: Fingerprint) -> None:
        self.slugs.setdefault(slug, path)
        if sha256:
            self.by_sha256.setdefault(sha256, path)
        number = len(self._articles)
        self._articles.append(_Indexed(path, fingerprint.shingles))
        for position, shingle in enumerate(fingerprint.prefix):
            self._postings.setdefault(shingle, []).append((number, position))

    def near_duplicate(self, fingerprint: Fingerprint) -> NearDuplicate | None:
        """The most similar article with Jaccard >= 0.8, if any (the first indexed on a tie)."""
        shingle_set, prefix = fingerprint.shingles, fingerprint.prefix
        size = len(shingle_set)
        smallest, largest = _sizes_within_reach(size)
        best: NearDuplicate | None = None
        for number, (position, other_position) in sorted(self._first_shared(prefix).items()):
            other = self._articles[number].shingles
            if not smallest <= len(other) <= largest:
                continue
            bound = min(size - position, len(other) - other_position)
            if bound < _needed_overlap(size, len(other)):
                continue
            common = len(shingle_set & other)
            similarity = common / (size + len(other) - common)
            if similarity >= DUPLICATE_THRESHOLD and (best is None or similarity > best.similarity):
                best = NearDuplicate(self._articles[number].path, similarity)
        return best

    def _first_shared(self, prefix: tuple[int, ...]) -> dict[int, tuple[int, int]]:
        """Article number -> positions, in *prefix* and in the article's own prefix, of the
        first (smallest) prefix shingle they share."""
        first: dict[int, tuple[int, int]] = {}
        for position, shingle in enumerate(prefix):  # the prefix is in the global order
            for number, other_position in self._postings.get(shingle, ()):
                first.setdefault(number, (position, other_position))
        return first


def _needed_overlap(size: int, other_size: int) -> float:
    """The fewest shared shingles that make Jaccard >= t: c / (a + b - c) >= t holds when
    c >= t (a + b) / (1 + t). A hair lower, so float rounding never drops a near copy."""
    return DUPLICATE_THRESHOLD * (size + other_size) / (1 + DUPLICATE_THRESHOLD) - 1e-9


def _sizes_within_reach(size: int) -> tuple[float, float]:
    """The sizes a set can have and still be a near copy of a set of *size*: Jaccard is at
    most the smaller size over the larger one, so a candidate outside costs no intersection."""
    return DUPLICATE_THRESHOLD * size, size / DUPLICATE_THRESHOLD


def _prefix(shingle_set: frozenset[int]) -> tuple[int, ...]:
    """The first shingles of *shingle_set* in the global (numeric) order, as many as prefix
    filtering needs for the 0.8 threshold."""
    size = len(shingle_set) - math.ceil(DUPLICATE_THRESHOLD * len(shingle_set)) + 1
    return tuple(sorted(shingle_set)[:size])
