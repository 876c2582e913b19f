"""Dates: ISO 8601 with a mandatory offset in, localised text out (Babel, no system locale)."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from babel.dates import format_date, format_datetime


def parse_iso_datetime(value: object) -> datetime:
    """Parse an ISO 8601 date-time that carries a UTC offset.

    Raises ValueError with a reader-friendly message otherwise: an archive
    never guesses the time zone of a publication date.
    """
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        raise ValueError("a date alone has no time and offset")
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"'{value}' is not an ISO 8601 date-time") from None
    else:
        raise ValueError(f"expected an ISO 8601 date-time, found {type(value).__name__}")
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise ValueError(f"'{value}' has no UTC offset")
    return parsed


#: Dates an archive accepts: four-digit years, as the URL scheme's ``{date:%Y}`` writes them,
#: in every time zone (9999-12-31T23:00-05:00 would be year 10000 in UTC).
MIN_YEAR, MAX_YEAR = 1000, 9998


def parse_day_or_moment(value: str, option: str) -> date | datetime:
    """A command-line date: a day (YYYY-MM-DD), or a moment with its UTC offset
    (2025-03-15T10:30+01:00), kept as given. ValueError naming *option* otherwise."""
    text = value.strip()
    expected = "a day YYYY-MM-DD or a date-time with its offset, e.g. 2025-03-15T10:30+01:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        reason = "" if str(exc).startswith("Invalid isoformat") else f" ({exc})"
        raise ValueError(f"{option} '{value}' is not a valid date{reason}: {expected}") from None
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise ValueError(f"{option} '{value}': year {moment.year} is outside {MIN_YEAR}-{MAX_YEAR}")
    if "T" not in text and " " not in text:
        return moment.date()
    if moment.utcoffset() is None:
        raise ValueError(f"{option} '{value}' has no UTC offset (e.g. {text}+01:00)")
    return moment


def long_date(value: datetime | date, lang: str = "fr") -> str:
    """'15 mars 2025' in French, 'March 15, 2025' in English."""
    return _formatted_day(_day(value), "long", lang)


def month_name(value: datetime | date, lang: str = "fr") -> str:
    """'mars 2025'."""
    return _formatted_day(_day(value), "LLLL y", lang)


def _day(value: datetime | date) -> date:
    """The calendar day Babel formats: a date-time's own, in its own offset."""
    return value.date() if isinstance(value, datetime) else value


@lru_cache(maxsize=65536)
def _formatted_day(day: date, pattern: str, lang: str) -> str:
    """Babel formats each day once: a listing repeats the same dates on many pages."""
    return format_date(day, format=pattern, locale=lang)


def month_alone(value: datetime | date, lang: str = "fr") -> str:
    """'mars': the month's standalone name, for a year's month grid."""
    return format_date(value, format="LLLL", locale=lang)


def long_datetime(value: datetime, lang: str = "fr") -> str:
    """'15 mars 2025 à 10:30'."""
    return format_datetime(
        value, format="d MMMM y 'à' HH:mm" if lang == "fr" else "long", locale=lang
    )
