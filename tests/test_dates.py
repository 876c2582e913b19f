"""Localised dates: the day shown is the date-time's own, in the offset it was written with."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from chronique.content.dates import long_date, month_name

PARIS = timezone(timedelta(hours=1))
KYIV = timezone(timedelta(hours=2))


def test_the_same_instant_in_two_offsets_falls_on_two_days():
    evening = datetime(2025, 3, 15, 23, 30, tzinfo=PARIS)
    assert long_date(evening) == "15 mars 2025"
    assert long_date(evening.astimezone(KYIV)) == "16 mars 2025"


def test_each_language_has_its_own_form():
    day = date(2025, 3, 15)
    assert long_date(day) == "15 mars 2025"
    assert long_date(day, "en") == "March 15, 2025"
    assert month_name(datetime(2025, 3, 31, 23, 30, tzinfo=PARIS).astimezone(KYIV)) == "avril 2025"
