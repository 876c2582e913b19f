"""The dev tool that fits and checks the title score's weights (chronique.ingest.evaluate.titles)."""

from __future__ import annotations

from dataclasses import replace

from chronique.ingest.evaluate.titles import PageCandidates, fit, grouped_folds, right_pages
from chronique.ingest.headlines import WEIGHTS, TitleEvidence

NOTHING = TitleEvidence(
    shared_with_text=0.0,
    shared_with_slug=0.0,
    lines_between=0.0,
    is_label=False,
    in_menu=False,
    beside_meta=False,
    is_prompt=False,
    is_shouted=False,
    overlong=0.0,
    glued_labels=False,
    no_function_words=False,
    under_headline=False,
    beside_credit=False,
    is_weak_shape=False,
    shares_nothing=False,
    several_sentences=False,
)
#: The nearest line is a menu label; the title, further up, has its byline beside it.
LABEL = replace(NOTHING, in_menu=True, is_label=True)
TITLE = replace(NOTHING, beside_meta=True, lines_between=0.5)


def _page(publisher: str) -> PageCandidates:
    return PageCandidates(publisher, (LABEL, TITLE), (False, True))


def test_pages_are_right_when_their_best_scored_line_is_the_title():
    pages = [_page("fr-A"), _page("fr-B")]
    assert right_pages(WEIGHTS, pages) == 2
    backwards = replace(WEIGHTS, beside_meta=-1.0, in_menu=1.0, is_label=1.0)
    assert right_pages(backwards, pages) == 0


def test_fitting_never_gets_fewer_pages_right_than_it_starts_from():
    pages = [_page(f"de-{n}") for n in range(4)]
    start = replace(WEIGHTS, beside_meta=-1.0, in_menu=1.0, is_label=1.0)
    assert right_pages(fit(pages, start), pages) >= right_pages(start, pages)
    assert right_pages(fit(pages, start), pages) == 4


def test_a_publisher_s_pages_are_held_out_together():
    pages = [_page(p) for p in ("at-A", "at-A", "ch-B", "de-C", "de-C", "es-D", "fr-E", "it-F")]
    folds = grouped_folds(pages)
    for publisher in {p.publisher for p in pages}:
        assert sum(any(p.publisher == publisher for p in fold) for fold in folds) == 1
    assert sum(len(fold) for fold in folds) == len(pages)
