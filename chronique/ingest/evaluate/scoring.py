"""Scores of one extraction against its gold, and their totals.

Body: the scrapinghub article-extraction-benchmark's measure, reproduced
(their ``evaluate.py`` is a script, not a library): ``\\w+`` tokens, 4-token
shingles counted with multiplicity, per-page TP/FP/FN normalised to sum to 1,
precision averaged over the pages with a prediction and recall over the pages
with gold, F1 from the two averages.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from chronique.folding import fold
from chronique.ingest.dates import MONTHS

_TOKEN = re.compile(r"\w+")
SHINGLE_TOKENS = 4
#: A title is right when equal to the gold, or when one is a prefix of the other
#: ("Title" vs "Title | Site") and the shorter holds this share of the longer.
TITLE_PREFIX_SHARE = 0.6
#: Two instants closer than this are the same publication time.
SAME_INSTANT = timedelta(minutes=1)


@dataclass(frozen=True)
class BodyScore:
    tp: float
    fp: float
    fn: float


def body_score(gold: str, predicted: str) -> BodyScore:
    """Normalised shingle TP/FP/FN of *predicted* against *gold*."""
    gold_shingles, predicted_shingles = _shingles(gold), _shingles(predicted)
    tp = fp = fn = 0.0
    for key in gold_shingles.keys() | predicted_shingles.keys():
        true_count, predicted_count = gold_shingles[key], predicted_shingles[key]
        tp += min(true_count, predicted_count)
        fp += max(0, predicted_count - true_count)
        fn += max(0, true_count - predicted_count)
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    return BodyScore(tp, fp, fn)


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    count = max(1, len(tokens) - SHINGLE_TOKENS + 1)
    return Counter(
        shingle for i in range(count) if (shingle := tuple(tokens[i : i + SHINGLE_TOKENS]))
    )


@dataclass(frozen=True)
class BodyTotals:
    precision: float
    recall: float
    f1: float


def body_totals(scores: Sequence[BodyScore]) -> BodyTotals:
    precisions = [_precision(s) for s in scores if s.tp + s.fp > 0]
    recalls = [_recall(s) for s in scores if s.tp + s.fn > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BodyTotals(precision, recall, f1)


def _precision(score: BodyScore) -> float:
    if score.fp == score.fn == 0:
        return 1.0
    return score.tp / (score.tp + score.fp) if score.tp + score.fp else 0.0


def _recall(score: BodyScore) -> float:
    if score.fp == score.fn == 0:
        return 1.0
    return score.tp / (score.tp + score.fn) if score.tp + score.fn else 0.0


def normalise_title(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[\"'«»“”‘’„]", "", text)
    return " ".join(text.split())


def title_matches(gold: str, predicted: str | None) -> bool:
    """Equal after normalisation, or one a long enough prefix of the other."""
    if not predicted:
        return False
    gold, predicted = normalise_title(gold), normalise_title(predicted)
    if gold == predicted:
        return True
    shorter, longer = sorted((gold, predicted), key=len)
    return longer.startswith(shorter) and len(shorter) >= TITLE_PREFIX_SHARE * len(longer)


def shows_title(gold: str, text: str) -> bool:
    """Whether a page's text copy prints the gold title (fundus's gold is sometimes an
    og:title that the page never shows: no reader of the text can be right on it)."""
    return normalise_title(gold) in normalise_title(text)


def shows_day(day: date, text: str) -> bool:
    """Whether a page's text copy prints *day* in one of the ways pages print a day
    ('18 juil. 2024', 'July 18, 2024', '18.07.2024', '2024-07-18', '2024年7月18日')."""
    return _day_pattern(day).search(fold(text)) is not None


def _day_pattern(day: date) -> re.Pattern[str]:
    d, m, y = rf"0?{day.day}", rf"0?{day.month}", str(day.year)
    month_names = sorted((n for n, number in MONTHS.items() if number == day.month), key=len)
    names = "|".join(re.escape(n) for n in reversed(month_names))
    named = rf"(?:{names})\.?"
    shapes = (
        rf"(?<!\d){d}(?:er|st|nd|rd|th)?\.?\s*(?:de\s+)?{named},?\s*(?:de\s+)?{y}",
        rf"\b{named}\s+{d}(?:st|nd|rd|th)?,?\s+{y}",
        rf"(?<!\d){d}\s?[/.-]\s?{m}\s?[/.-]\s?(?:{y}|{y[2:]})(?!\d)",
        rf"(?<!\d){y}\s?[/.-]\s?{m}\s?[/.-]\s?{d}(?!\d)",
        rf"{y}\s?[年년]\s?{m}\s?[月월]\s?{d}\s?[日일]",
    )
    return re.compile("|".join(shapes))


def date_matches(gold: datetime, predicted: datetime) -> bool:
    """The same instant, or the same day when only a day was read (local midnight)."""
    if gold.tzinfo is None:
        return predicted.date() == gold.date()
    if predicted.tzinfo is None or predicted.utcoffset() is None:
        return predicted.date() == gold.date()
    if abs(predicted - gold) < SAME_INSTANT:
        return True
    if predicted.timetz().replace(tzinfo=None) == time(0):
        return predicted.date() in {gold.date(), gold.astimezone(predicted.tzinfo).date()}
    return False
