"""Browsing by date: the neighbours of a year, month or day page, and the year's month grid.

Pelican writes the period pages (``YEAR_ARCHIVE_SAVE_AS``, ``MONTH_ARCHIVE_SAVE_AS``,
``DAY_ARCHIVE_SAVE_AS``) and puts them in the context as ``period_archives``; this module
indexes that list once per build (``article_generator_finalized``) so the theme's
``period_archives.html`` can link a period to the nearest ones that have articles.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

#: Pelican's names of the period granularities, by the length of a period's ``period_num``.
GRANULARITIES = {1: "year", 2: "month", 3: "day"}


@dataclass(frozen=True)
class Period:
    """One period page: its key (``(2015,)``, ``(2015, 3)``, ``(2015, 3, 14)``), the site
    path of its first page, and how many articles it holds."""

    key: tuple[int, ...]
    url: str
    count: int

    @property
    def first_day(self) -> date:
        year, month, day = (*self.key, 1, 1)[:3]
        return date(year, month, day)


@dataclass(frozen=True)
class Neighbours:
    """The nearest older and newer periods of the same granularity that have articles."""

    older: Period | None
    newer: Period | None


@dataclass(frozen=True)
class GridCell:
    """One month of a year's grid (or one day of a month's): its period when it has articles."""

    day: date
    period: Period | None


class PeriodIndex:
    """Every period page with articles, oldest first, by granularity (key length)."""

    def __init__(self, periods: Mapping[int, Sequence[Period]]) -> None:
        self.periods = {
            length: sorted(found, key=lambda p: p.key) for length, found in periods.items()
        }
        self._keys = {length: [p.key for p in found] for length, found in self.periods.items()}
        self._by_key = {p.key: p for found in self.periods.values() for p in found}

    @classmethod
    def from_archives(
        cls, period_archives: Mapping[str, Sequence[Mapping[str, Any]]]
    ) -> PeriodIndex:
        """Index Pelican's ``period_archives`` context entry."""
        return cls(
            {
                length: [
                    Period(tuple(archive["period_num"]), archive["url"], len(archive["dates"]))
                    for archive in period_archives.get(granularity, ())
                ]
                for length, granularity in GRANULARITIES.items()
            }
        )

    def find(self, key: Sequence[int]) -> Period | None:
        return self._by_key.get(tuple(key))

    def neighbours(self, key: Sequence[int]) -> Neighbours:
        """The periods just before and after *key*; empty periods have no page, so they are
        skipped."""
        key = tuple(key)
        same_kind, keys = self.periods.get(len(key), []), self._keys.get(len(key), [])
        before, after = bisect_left(keys, key), bisect_right(keys, key)
        return Neighbours(
            same_kind[before - 1] if before else None,
            same_kind[after] if after < len(same_kind) else None,
        )

    def month_grid(self, year: int) -> list[GridCell]:
        """January to December of *year*, each with its month page when it has one."""
        return [GridCell(date(year, month, 1), self.find((year, month))) for month in range(1, 13)]

    def day_grid(self, year: int, month: int) -> list[GridCell]:
        """The days of a month that have articles, in order."""
        days, keys = self.periods.get(3, []), self._keys.get(3, [])
        start, end = bisect_left(keys, (year, month)), bisect_left(keys, (year, month + 1))
        return [GridCell(period.first_day, period) for period in days[start:end]]


def index_periods(generator: Any) -> None:
    """``article_generator_finalized``: the theme's ``period_index``, read by
    ``period_archives.html`` (Pelican copies this context into each period page's)."""
    generator.context["period_index"] = PeriodIndex.from_archives(
        generator.context.get("period_archives") or {}
    )
