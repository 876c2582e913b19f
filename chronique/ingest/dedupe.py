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
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path

from chronique.frontmatter import FrontMatter, parse_front_matter
from chronique.topics.tagging import utf8_words

SHINGLE_WORDS = 5
DUPLICATE_THRESHOLD = 0.8
_MARKDOWN_LINK_TARGET = re.compile(r"\]\([^)]*\)")
#: Distinct words remembered by _FoldedWords before it starts again.
FOLDED_WORDS_MAX = 500_000


class _FoldedWords(dict[bytes, bytes]):
    """Each distinct word NFKC-normalised and casefolded once: an archive's texts reuse a
    limited vocabulary, and folding every character of every text cost more than the rest of
    the fingerprint. Words are split before they are folded: a character that NFKC turns
    into a separator (a full-width comma) leaves its word whole, the same in every text."""

    def __missing__(self, word: bytes) -> bytes:
        if len(self) >= FOLDED_WORDS_MAX:
            self.clear()
        folded = self[word] = unicodedata.normalize("NFKC", word.decode()).casefold().encode()
        return folded


_folded_words = _FoldedWords()


def normalise_words(text: str) -> list[bytes]:
    """The words of *text*, case-folded, Markdown link targets left out (the tagger's split)."""
    if "](" in text:
        text = _MARKDOWN_LINK_TARGET.sub("]", text)
    return list(map(_folded_words.__getitem__, utf8_words(text)))


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


#: A posting is an article number and the shingle's position in that article's prefix,
#: packed into one int: number << _POSITION_BITS | position.
_POSITION_BITS = 24
_POSITION_MASK = (1 << _POSITION_BITS) - 1


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
    _shingle_sets: list[frozenset[int]] = field(default_factory=list)
    _paths: list[Path] = field(default_factory=list)
    #: Shingle -> the postings of the articles whose prefix holds it.
    _postings: dict[int, tuple[int, ...]] = field(default_factory=dict)

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
        number = len(self._paths)
        self._paths.append(path)
        self._shingle_sets.append(fingerprint.shingles)
        prefix = fingerprint.prefix
        first_code = number << _POSITION_BITS
        own = dict(zip(prefix, zip(range(first_code, first_code + len(prefix))), strict=True))
        postings = self._postings
        shared = {shingle: postings[shingle] for shingle in postings.keys() & own.keys()}
        postings.update(own)
        for shingle, codes in shared.items():
            postings[shingle] = (*codes, *own[shingle])

    def near_duplicate(self, fingerprint: Fingerprint) -> NearDuplicate | None:
        """The most similar article with Jaccard >= 0.8, if any (the first indexed on a tie)."""
        shingle_set, prefix = fingerprint.shingles, fingerprint.prefix
        size = len(shingle_set)
        smallest, largest = _sizes_within_reach(size)
        best: NearDuplicate | None = None
        for number, (position, other_position) in sorted(self._first_shared(prefix).items()):
            other = self._shingle_sets[number]
            if not smallest <= len(other) <= largest:
                continue
            bound = min(size - position, len(other) - other_position)
            if bound < _needed_overlap(size, len(other)):
                continue
            common = len(shingle_set & other)
            similarity = common / (size + len(other) - common)
            if similarity >= DUPLICATE_THRESHOLD and (best is None or similarity > best.similarity):
                best = NearDuplicate(self._paths[number], similarity)
        return best

    def _first_shared(self, prefix: tuple[int, ...]) -> dict[int, tuple[int, int]]:
        """Article number -> positions, in *prefix* and in the article's own prefix, of the
        first (smallest) prefix shingle they share."""
        first: dict[int, tuple[int, int]] = {}
        postings = self._postings
        for shingle in sorted(postings.keys() & prefix):  # the global order
            position = bisect_left(prefix, shingle)
            for code in postings[shingle]:
                number = code >> _POSITION_BITS
                if number not in first:
                    first[number] = (position, code & _POSITION_MASK)
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
