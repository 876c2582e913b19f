"""Step 4: publication dates in French and English, read with dateparser.

A date the page gives without an offset is in the site's time zone
(``ChroniqueConfig.timezone``); a date without a time is midnight local time.
A relative date ("il y a 2 heures", "hier à 10h30", "3 hours ago") is NOT a
publication date we can trust — it depends on when the page was saved, which
we do not know — so it is reported as relative and never resolved against today.

dateparser costs 2–5 ms a call, which alone would keep plain-text ingest under
its 500 pages/s target, so the three unambiguous shapes that make up nearly all
news date lines ("15 mars 2025 à 10h30", "March 15, 2025 10:30 am",
"15/03/2025 10:30") and ISO 8601 are read by a small fast path built on Babel's
month names; everything else goes to dateparser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, tzinfo
from functools import cache
from zoneinfo import ZoneInfo

from babel.dates import get_day_names, get_month_names

from chronique.ingest.page import fold

LANGUAGES = ("fr", "en")
#: dateparser resolves relative dates against this; a result near it was relative.
_SENTINEL_BASE = datetime(1000, 1, 1)


def _name_table(kind: str) -> dict[str, int]:
    """Month (or weekday) names of every language, wide and abbreviated, folded, to their number."""
    getter = get_month_names if kind == "month" else get_day_names
    table: dict[str, int] = {}
    for lang in LANGUAGES:
        for width in ("wide", "abbreviated"):
            for number, name in getter(width, locale=lang).items():
                table[fold(name).rstrip(".")] = number
    if kind == "month":
        table.update({"sept": 9, "janv": 1, "fevr": 2, "avr": 4, "juil": 7})
    return table


MONTHS = _name_table("month")
WEEKDAYS = _name_table("day")
_MONTH_ALT = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
_DAY_ALT = "|".join(sorted(map(re.escape, WEEKDAYS), key=len, reverse=True))

_TIME = (
    r"(?:\s*(?:,|à|a|at|-|–|—)?\s*(?P<H>\d{1,2})\s*(?:h|:|\.)\s*(?P<M>\d{2})?"
    r"(?:\s*(?P<ampm>[ap])\.?m\.?)?)?"
)
_WEEKDAY = rf"(?:(?:{_DAY_ALT})\.?,?\s+)?"
_FAST_SHAPES = (
    re.compile(
        rf"{_WEEKDAY}(?P<d>\d{{1,2}})(?:er|st|nd|rd|th)?\s+(?P<m>{_MONTH_ALT})\.?,?\s+(?P<y>\d{{4}}){_TIME}"
    ),
    re.compile(
        rf"{_WEEKDAY}(?P<m>{_MONTH_ALT})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){_TIME}"
    ),
    re.compile(rf"(?P<d>\d{{1,2}})[/.](?P<m>\d{{1,2}})[/.](?P<y>\d{{4}}|\d{{2}}){_TIME}"),
)

RELATIVE_WORDS = re.compile(
    r"\b(?:il y a|ago|avant-hier|hier|aujourd['’]hui|yesterday|today|tout à l['’]heure|"
    r"à l['’]instant|just now|ce matin|cet après-midi|ce soir|cette nuit|this morning|"
    r"this afternoon|tonight|last night|demain|tomorrow)\b",
    re.IGNORECASE,
)

_PUBLISHED_WORDS = (
    r"publié|publiée|published|posted|mis en ligne|mise en ligne|première publication|"
    r"first published|diffusé|paru|parution"
)
_MODIFIED_WORDS = (
    r"dernière mise à jour|mis à jour|mise à jour|màj|maj|modifié|modifiée|actualisé|"
    r"actualisée|last updated|updated|last modified|modified|révisé"
)
#: The keyword that opens a date statement, and the filler before the date itself.
DATE_PREFIX = re.compile(
    rf"^(?:(?P<modified>{_MODIFIED_WORDS})|(?P<published>{_PUBLISHED_WORDS}))?"
    r"(?:\s*(?:le|on|at|à|:|,))*\s*",
    re.IGNORECASE,
)
#: How a date or byline segment can start (folded text): a cheap test before the real reading.
META_START = re.compile(
    rf"\d|(?:{fold(_MODIFIED_WORDS)}|{fold(_PUBLISHED_WORDS)}|le|on|par|by|texte|propos|written|"
    rf"{_MONTH_ALT}|{_DAY_ALT}|il y a|hier|avant-hier|aujourd|today|yesterday|"
    r"a l['’]instant|just now|ce matin|this morning|tout a l)\b"
)
#: META_START needs no more of a segment than this (the longest keyword, with room to spare).
META_START_CHARS = 40
#: Where a second date statement starts on the same line ("…, mis à jour le …").
STATEMENT_START = re.compile(rf"(?:,\s*|\s+)(?=(?:{_MODIFIED_WORDS}|{_PUBLISHED_WORDS})\b)", re.I)

_DATE_TOKENS = re.compile(
    rf"\b(?:{_MONTH_ALT}|{_DAY_ALT})\b\.?|\d{{4}}-\d{{2}}-\d{{2}}(?:[T ][\d:.]+)?(?:Z|[+-]\d{{2}}:?\d{{2}})?"
    r"|\d{1,2}\s*[h:.]\s*\d{0,2}(?![^\W\d])|\d{1,4}(?:er|st|nd|rd|th)?\b|[ap]\.m\.|\b(?:"
    r"à|a|at|le|on|the|of|de|du|vers|h|heures?|hours?|hrs?|min(?:utes?)?|mins?|mn|secondes?|"
    r"seconds?|secs?|jours?|days?|semaines?|weeks?|mois|months?|[ap]\.?m\.?|utc|gmt|cet|cest|"
    r"et|est|edt|bst|pst|pdt|cst|cdt|heure de paris|paris time|local time|il y a|ago|"
    r"avant-hier|hier|aujourd['’]hui|yesterday|today|tout à l['’]heure|à l['’]instant|just now|"
    r"ce matin|cet après-midi|ce soir|cette nuit|this morning|this afternoon|tonight|"
    r"last night|demain|tomorrow|environ|about|an|une?|one)\b",
    re.IGNORECASE,
)
#: "3:45 PM GMT+1, March 14, 2025" (AP style): dateparser wants the time after the date.
_TIME_FIRST = re.compile(
    r"^(?P<time>\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?)\s*"
    r"(?P<zone>[A-Za-z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)?\s*,\s*(?P<date>.+)$",
    re.IGNORECASE,
)
#: "14/03/25" (20 Minutes style): a two-digit year, read as 20xx.
_SHORT_YEAR_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2}\b")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_LEFTOVER_OK = re.compile(r"[\s,.;:/()\-–—|+'’]*")
_FULL_DATE = re.compile(
    rf"\b\d{{1,2}}(?:er|st|nd|rd|th)?\s+(?:{_MONTH_ALT})\b|\b(?:{_MONTH_ALT})\.?\s+\d{{1,2}}\b"
    r"|\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateValue:
    """What a date text says: a datetime, or that it was relative (hence unusable)."""

    value: datetime | None
    relative: bool = False


@dataclass(frozen=True)
class DateStatement:
    """One date statement of a page: 'Publié le …' (published) or 'Mis à jour le …' (modified)."""

    kind: str  # "published" | "modified"
    text: str
    value: datetime | None
    relative: bool = False


@cache
def zone(name: str) -> tzinfo:
    return ZoneInfo(name)


def localise(value: datetime, tz_name: str) -> datetime:
    """Give a naive datetime the site's time zone; keep an offset the page gave."""
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=zone(tz_name))
    return value


def parse_date_text(text: str, tz_name: str) -> DateValue | None:
    """Read one date expression; None when it is not a complete date."""
    text = _normalise_spaces(text)
    if not text:
        return None
    if RELATIVE_WORDS.search(text):
        return DateValue(None, relative=True)
    if not (
        _YEAR.search(text) or _SHORT_YEAR_DATE.search(text)
    ):  # "15 mars": without a year it is no date to publish under
        return None
    text = _TIME_FIRST.sub(r"\g<date> \g<time> \g<zone>", text).strip()
    iso = _parse_iso(text)
    if iso is not None:
        return DateValue(localise(iso, tz_name))
    fast = _parse_fast(text)
    if fast is not None:
        return DateValue(localise(fast, tz_name))
    return _parse_with_dateparser(text, tz_name)


def _normalise_spaces(text: str) -> str:
    return text.strip().replace("\u00a0", " ").replace("\u202f", " ")


def _parse_iso(text: str) -> datetime | None:
    if not re.match(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        return None


def _parse_fast(text: str) -> datetime | None:
    folded = fold(text)
    for shape in _FAST_SHAPES:
        match = shape.fullmatch(folded)
        if match:
            return _from_match(match)
    return None


def _from_match(match: re.Match[str]) -> datetime | None:
    month_text = match["m"].rstrip(".")
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text)
    day = int(match["d"])
    if month is not None and month > 12 and day <= 12:  # 03/15/2025: an unambiguous US date
        day, month = month, day
    hour = int(match["H"]) if match["H"] else 0
    minute = int(match["M"]) if match["M"] else 0
    if match["ampm"]:
        hour = hour % 12 + (12 if match["ampm"] == "p" else 0)
    try:
        return datetime.combine(
            datetime(_full_year(match["y"]), month or 0, day).date(), time(hour, minute)
        )
    except (ValueError, TypeError):
        return None


def _full_year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


@cache
def _dateparser():  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=list(LANGUAGES),
        settings={
            "RELATIVE_BASE": _SENTINEL_BASE,
            "REQUIRE_PARTS": ["day", "month", "year"],
            "DATE_ORDER": "DMY",
        },
    )


def _parse_with_dateparser(text: str, tz_name: str) -> DateValue | None:
    parsed = _dateparser().get_date_data(text).date_obj
    if parsed is None:
        return None
    if parsed.year < 1900:  # computed from the sentinel base: the text was relative
        return DateValue(None, relative=True)
    return DateValue(localise(parsed, tz_name))


def is_date_expression(text: str) -> bool:
    """True when *text* is nothing but a date (complete or relative) and its connecting words."""
    if RELATIVE_WORDS.search(text):
        return bool(_LEFTOVER_OK.fullmatch(_DATE_TOKENS.sub(" ", text)))
    folded = fold(text)  # month names are tabled without accents: 'févr.' -> 'fevr.'
    return bool(_FULL_DATE.search(folded)) and bool(
        _LEFTOVER_OK.fullmatch(_DATE_TOKENS.sub(" ", folded))
    )


def read_date_statement(segment: str, tz_name: str) -> DateStatement | None:
    """Read 'Publié le 15 mars 2025 à 10h30' and the like; None when *segment* is not one.

    A bare keyword with nothing after it ('le', 'Publié le', 'Updated') is a date
    statement whose date was lost: it is recognised, with no value.
    """
    prefix = DATE_PREFIX.match(segment)
    rest = segment[prefix.end() :].strip() if prefix else segment.strip()
    kind = "modified" if prefix and prefix["modified"] else "published"
    if not rest:
        has_keyword = bool(prefix and prefix.group().strip())
        return DateStatement(kind, segment, None) if has_keyword else None
    common = _parse_fast(_normalise_spaces(rest))
    if common is not None:  # read whole by a common shape: nothing but a date
        return DateStatement(kind, segment, localise(common, tz_name))
    if not is_date_expression(rest):
        return None
    parsed = parse_date_text(rest, tz_name)
    if parsed is None:
        return None
    return DateStatement(kind, segment, parsed.value, parsed.relative)


def split_statements(line: str) -> list[str]:
    """'Publié le X, mis à jour le Y' -> ['Publié le X', 'mis à jour le Y']."""
    return [part for part in STATEMENT_START.split(line) if part.strip()]
