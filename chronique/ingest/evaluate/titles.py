"""Fit and check the weights of the text reader's title score (dev tooling, not run by ingest).

    python -m chronique.ingest.evaluate.titles /tmp/corpora/fundus [--check /tmp/corpora/readability]

For each page of the fitting corpus (text copies in the harness's cache), every candidate
line above the article text is described by its :class:`TitleEvidence` and labelled by
whether it is the gold title. The weights are searched coordinate by coordinate on a small
grid (one weight stays fixed: only their ratios matter) to get the most pages' best-scored
line right; they are checked by cross-validation with each publisher's pages held out
together, and on a corpus never used for fitting. The result is printed as the table to
paste into ``headlines.WEIGHTS``: nothing is loaded at run time.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path

from chronique.ingest import text_page
from chronique.ingest.chrome import load_chrome_patterns
from chronique.ingest.decode import decode_bytes
from chronique.ingest.errors import IngestFailure
from chronique.ingest.evaluate.copies import page_paths
from chronique.ingest.evaluate.corpora import GoldPage, load_corpus
from chronique.ingest.evaluate.scoring import title_matches
from chronique.ingest.headlines import WEIGHTS, TitleEvidence, slug_stems, title_score

DEFAULT_CACHE = Path("/tmp/chronique-eval")
GRID = tuple(x / 2 for x in range(-8, 9))
FIXED = "shared_with_text"
FOLDS = 5
ROUNDS = 3


@dataclass(frozen=True)
class PageCandidates:
    """One page's candidate lines, nearest the text first, and which of them is the title."""

    publisher: str
    evidence: tuple[TitleEvidence, ...]
    right: tuple[bool, ...]


def page_candidates(page: GoldPage, text: str, rules: text_page.TextRules) -> PageCandidates:
    """The evidence for each line the text reader weighs as the page's title."""
    tp = text_page
    blocks = tp.split_blocks(text)
    lines = [tp.classify_line(t, rules) for block in blocks for t in block]
    reader = tp.PageReader.of(lines)
    initial = tp.initial_qualities(lines, reader)
    qualities = tp.revise(initial, lines)
    if not any(tp._is_text(ln, q) for ln, q in zip(lines, qualities, strict=True)):
        qualities = tp._short_page_qualities(lines, initial)
    start, stop = tp._article_span(lines, qualities, reader)
    subject = tp.Subject(lines[start:stop])
    slug = slug_stems(page.url)
    found = tp.title_candidates(lines, start, subject, reader, slug)
    right = tuple(
        title_matches(page.title or "", tp.title_text(lines, index, None, slug, reader.stopwords))
        for index in found
    )
    return PageCandidates(page.id.split("_")[0], tuple(found.values()), right)


def load_pages(corpus: Path, cache: Path) -> list[PageCandidates]:
    """The candidates of the corpus's pages that have a gold title and a readable copy."""
    _, pages = load_corpus(corpus)
    rules = text_page.TextRules(load_chrome_patterns(()), ())
    loaded = []
    for page in pages:
        _, path = page_paths(cache, page)
        if not page.title or not path.exists():
            continue
        try:
            loaded.append(page_candidates(page, decode_bytes(path.read_bytes()).text, rules))
        except IngestFailure:
            continue
    return loaded


def right_pages(weights: TitleEvidence, pages: Sequence[PageCandidates]) -> int:
    """Pages whose best-scored line is the title (ties go to the line nearest the text)."""
    total = 0
    for page in pages:
        if page.evidence:
            scores = [title_score(e, weights) for e in page.evidence]
            total += page.right[scores.index(max(scores))]
    return total


def fit(pages: Sequence[PageCandidates], start: TitleEvidence = WEIGHTS) -> TitleEvidence:
    """Coordinate search on GRID; a change is kept only when it gets more pages right."""
    weights, best = start, right_pages(start, pages)
    for _ in range(ROUNDS):
        for name in (f.name for f in fields(TitleEvidence) if f.name != FIXED):
            for value in GRID:
                trial = replace(weights, **{name: value})
                got = right_pages(trial, pages)
                if got > best:
                    weights, best = trial, got
    return weights


def grouped_folds(pages: Sequence[PageCandidates]) -> list[list[PageCandidates]]:
    """FOLDS groups of pages, each publisher's pages all in one group."""
    publishers = sorted({p.publisher for p in pages})
    fold_of = {name: i % FOLDS for i, name in enumerate(publishers)}
    return [[p for p in pages if fold_of[p.publisher] == i] for i in range(FOLDS)]


def cross_validate(pages: Sequence[PageCandidates]) -> tuple[int, int]:
    """(pages right on held-out publishers with weights fitted on the others, pages)."""
    folds = grouped_folds(pages)
    right = 0
    for i, held_out in enumerate(folds):
        training = [p for j, fold in enumerate(folds) if j != i for p in fold]
        right += right_pages(fit(training), held_out)
    return right, len(pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="the corpus to fit on (fundus)")
    parser.add_argument("--check", type=Path, action="append", default=[], help="held-out corpus")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args(argv)
    pages = load_pages(args.corpus, args.cache)
    checks = {path.name: load_pages(path, args.cache) for path in args.check}
    fitted = fit(pages)
    print(
        f"{args.corpus.name}: shipped weights {right_pages(WEIGHTS, pages)}/{len(pages)}, "
        f"fitted {right_pages(fitted, pages)}/{len(pages)}"
    )
    print("publisher-grouped cross-validation: {}/{}".format(*cross_validate(pages)))
    for name, held in checks.items():
        print(
            f"{name} (held out): shipped {right_pages(WEIGHTS, held)}/{len(held)}, "
            f"fitted {right_pages(fitted, held)}/{len(held)}"
        )
    print("fitted weights:")
    for f in fields(TitleEvidence):
        print(f"    {f.name}={getattr(fitted, f.name)},")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
