"""Step 4: publication dates as pages print them: French and English first, and the
shapes of the other countries an archive's sources write from ('06. 01. 2026, 14:59 Uhr',
'Publisert 05.08.2024, kl. 13.05', '2025年1月13日 21時37分', 'Sep 2, 2024, 17:07 IST').

A zone or offset the page prints ('EDT', 'ET', 'GMT+1', '+02:00') is honoured. A
time (or a day) printed without one gets an AssumedZone: the pipeline later
reads it in the source's zone (CHRONIQUE_SOURCE_TIMEZONES) or the archive's
TIMEZONE and records which (``date_zone``). A relative date ("il y a 2 heures",
"hier à 10h30", "3 hours ago") depends on when the page was saved: it is
reported as relative and resolved only against a capture the editor gives
(resolve_relative), never against today; a capture given as a day dates only what
names its day ('hier à 10h30', 'heute um 12:19'), not a count of hours back from it.
Placeholders (year 1, the Unix epoch, years before EARLIEST_YEAR, dates after the
capture) are no evidence.

dateparser costs 2–5 ms a call, so the unambiguous shapes that make up nearly
all news date lines ("18 juil. 2024 à 08h01", "Nov. 19, 2019 8:03 am ET",
"15:56 BST, 27 April 2024", "18/07/2024") and ISO 8601 are read by a fast path
built on Babel's month names; everything else goes to dateparser.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo

from babel.dates import get_day_names, get_month_names

from chronique.folding import fold

LANGUAGES = ("fr", "en")
#: Month and weekday names are read in these languages too: an archive also keeps pages in
#: the languages its readers' sources write in, and their dates are printed the same ways.
NAME_LANGUAGES = (
    *LANGUAGES,
    "de",
    "es",
    "it",
    "pt",
    "nl",
    "da",
    "nb",
    "sv",
    "pl",
    "cs",
    "tr",
    "id",
    "vi",
)
#: The languages whose abbreviated month names are read too: the other languages'
#: abbreviations ('sie', 'lis', 'pro') are everyday words of the first ones.
ABBREVIATED_LANGUAGES = frozenset({*LANGUAGES, "de", "es", "it", "pt", "nl", "da", "nb", "sv"})
#: Abbreviated names that are also common English or French words: read only when wide.
_AMBIGUOUS_ABBREVIATIONS = frozenset({"out", "set", "mag", "gen", "so", "do", "di", "des"})
#: Relative dates are counted back in these languages ('gestern um 10:30', 'ayer').
RELATIVE_LANGUAGES = (*LANGUAGES, "de", "es", "it", "pt", "nl")
#: dateparser resolves relative dates against this; a result near it was relative.
_SENTINEL_BASE = datetime(1000, 1, 1)


def _name_table(kind: str) -> dict[str, int]:
    """Month (or weekday) names of every language, wide and abbreviated, folded, to their number."""
    getter = get_month_names if kind == "month" else get_day_names
    table: dict[str, int] = {}
    for lang in NAME_LANGUAGES:
        abbreviated = lang in LANGUAGES or (kind == "month" and lang in ABBREVIATED_LANGUAGES)
        for width in ("wide", "abbreviated") if abbreviated else ("wide",):
            for number, name in getter(width, locale=lang).items():
                folded = fold(name).rstrip(".")
                if any(c.isdigit() for c in folded):  # 'tháng 1': a number, not a name
                    continue
                if width == "wide" or lang in LANGUAGES or folded not in _AMBIGUOUS_ABBREVIATIONS:
                    table.setdefault(folded, number)
    if kind == "month":
        table.update({"sept": 9, "janv": 1, "fevr": 2, "avr": 4, "juil": 7})
    return table


def _name_alternation(names: Iterable[str]) -> str:
    """A regular expression alternation of folded *names*, longest first (a name before its
    own prefix: 'sept' before 'sep'), grouped by first letter. The patterns are
    case-insensitive, so a flat alternation of a hundred names is tried name by name at
    every word of a line; grouped, only the names that start with the word's letter are.
    (Names of different first letters never match at the same place: the order within
    each group is all that decides a match.)"""
    groups: dict[str, list[str]] = {}
    for name in sorted(map(re.escape, names), key=len, reverse=True):
        if not name[:1].isalpha():
            raise ValueError(f"a date name must start with a letter: {name!r}")
        groups.setdefault(name[0], []).append(name[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


MONTHS = _name_table("month")
WEEKDAYS = _name_table("day")
_MONTH_ALT = _name_alternation(MONTHS)
_DAY_ALT = _name_alternation(WEEKDAYS)

#: Zones pages print after a time. Written out rather than taken from dateparser: its table
#: gives fixed offsets, and the generic US names (ET, PT…) need their zone's summer time.
_PRINTED_ZONES: dict[str, tzinfo] = {
    **{
        name: ZoneInfo(iana)
        for name, iana in (
            ("et", "America/New_York"),
            ("ct", "America/Chicago"),
            ("mt", "America/Denver"),
            ("pt", "America/Los_Angeles"),
            # Sites print 'CET' all year round, summer time included.
            ("cet", "Europe/Berlin"),
            ("cest", "Europe/Berlin"),
        )
    },
    **{
        name: timezone(timedelta(hours=hours))
        for name, hours in (
            ("utc", 0),
            ("gmt", 0),
            ("wet", 0),
            ("bst", 1),
            ("west", 1),
            ("eet", 2),
            ("eest", 3),
            ("est", -5),
            ("edt", -4),
            ("cst", -6),
            ("cdt", -5),
            ("mst", -7),
            ("mdt", -6),
            ("pst", -8),
            ("pdt", -7),
            ("akst", -9),
            ("akdt", -8),
            ("hst", -10),
            ("ist", 5.5),  # India's: the Irish and Israeli zones print as 'IST' less often
            ("msk", 3),
            ("ict", 7),
            ("wib", 7),
            ("myt", 8),
            ("sgt", 8),
            ("hkt", 8),
            ("awst", 8),
            ("jst", 9),
            ("kst", 9),
            ("aest", 10),
            ("aedt", 11),
            ("nzst", 12),
            ("nzdt", 13),
            ("sast", 2),
            ("cat", 2),
            ("eat", 3),
        )
    },
}
_ZONE_ALT = "|".join(sorted(_PRINTED_ZONES, key=len, reverse=True))
#: 'EDT', 'GMT+1', 'UTC+02:00', '+0200', '(GMT+7)' after a time (folded text).
_ZONE = (
    rf"(?:\s*(?P<paren>\()?(?P<zone>{_ZONE_ALT})?(?P<offset>[+-]\d{{1,2}}(?::?\d{{2}})?)?"
    r"(?(paren)\)))"
)
#: '10h30', '8:03 am', '4.34pm', '7h', '5 AM', '21時37分': a separator or am/pm says it is
#: a time. 'Uhr' may run into the next word ('09:30 UhrStuttgart').
_CLOCK = (
    r"(?P<H>\d{1,2})(?=\s*(?:h|:|\.|時|시|[ap]\.?m\b))(?:\s*(?:h|:|\.|時|시)\s*(?P<M>\d{2})?)?"
    r"(?:\s*(?P<ampm>[ap])\.?m\b\.?)?(?:\s*(?:uhr|horas\b|hrs\b|h\b|分|분))?"
)
#: What stands between a date and its time: 'à', 'at', 'um' (German), 'kl.' (Nordic), a
#: colon ('February 1, 2016: 12:41 PM ET')…
_TIME_SEPARATOR = r"(?:,|:|à|a|at|-|–|—|um|kl\.?|a las|alle|às|om)"
_TIME_AFTER = rf"(?:\s*,?\s*{_TIME_SEPARATOR}?\s*{_CLOCK})?{_ZONE}"
_TIME_BEFORE = rf"{_CLOCK}{_ZONE}\s*[,•·–-]?\s*"
#: Right before a date, a weekday's abbreviation is read in every language whose month
#: abbreviations are ('Do 25.04.24', 'Di., 23.04.2024'): there, 'do' or 'so' is no English word.
_WEEKDAY_PREFIXES = {
    *WEEKDAYS,
    *(
        fold(name).rstrip(".")
        for lang in ABBREVIATED_LANGUAGES
        for name in get_day_names("abbreviated", locale=lang).values()
        if not any(c.isdigit() for c in name)
    ),
}
_WEEKDAY_PREFIX_ALT = _name_alternation(_WEEKDAY_PREFIXES)
_WEEKDAY = rf"(?:(?:{_WEEKDAY_PREFIX_ALT})\.?,?\s+)?"
_DAY_MONTH_YEAR = (
    rf"{_WEEKDAY}(?P<d>\d{{1,2}})(?:er|st|nd|rd|th|\.)?\s+(?:de\s+)?(?P<m>{_MONTH_ALT})\.?,?\s+"
    r"(?:de\s+)?(?P<y>\d{4})"
)
_MONTH_DAY_YEAR = (
    rf"{_WEEKDAY}(?P<m>{_MONTH_ALT})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})"
)
#: '18/07/2024', '06. 01. 2026' (German print spaces the parts), '05.08.24'.
_NUMERIC_DATE = (
    rf"{_WEEKDAY}(?P<d>\d{{1,2}})\s?[/.]\s?(?P<m>\d{{1,2}})\s?[/.]\s?(?P<y>\d{{4}}|\d{{2}})(?!\d)"
)
#: '2025/1/21', '2025.05.15' (East Asian and Baltic pages), '2025年1月13日（火）'.
_YEAR_FIRST_DATE = (
    r"(?P<y>\d{4})\s?(?:[/.]\s?(?P<m>\d{1,2})\s?[/.]\s?(?P<d>\d{1,2})\.?"
    r"|[年년]\s?(?P<m2>\d{1,2})\s?[月월]\s?(?P<d2>\d{1,2})\s?[日일])(?:\s?\(\w\))?"
)
_FAST_SHAPES = tuple(
    re.compile(shape)
    for shape in (
        *(
            rf"{date}{_TIME_AFTER}"
            for date in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _NUMERIC_DATE, _YEAR_FIRST_DATE)
        ),
        *(rf"{_TIME_BEFORE}{date}" for date in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR)),
    )
)
#: Dates before this year are placeholders or misreadings, not a news article's date.
EARLIEST_YEAR = 1900
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

RELATIVE_WORDS = re.compile(
    r"\b(?:il y a|ago(?!\.?\s*\d)|avant-hier|hier|aujourd['’]hui|yesterday|today|tout à l['’]heure|"
    r"à l['’]instant|just now|ce matin|cet après-midi|ce soir|cette nuit|this morning|"
    r"this afternoon|tonight|last night|demain|tomorrow|heute|gestern|vorgestern|hoy|ayer|"
    r"oggi|ieri|vandaag|gisteren)\b",
    re.IGNORECASE,
)

#: Date keywords. A word comes before its own prefix ('publiée' before 'publié'): DATE_PREFIX
#: takes the first that matches, and 'publié' would leave 'e le 3 mars' to read.
_PUBLISHED_WORDS = (
    r"publiée|publié|published|posted|mis en ligne|mise en ligne|première publication|"
    r"first published|diffusée|diffusé|parution|parue|paru|veröffentlicht|publiziert|"
    r"erschienen|erstellt|geschrieben|datum|publicado|publicada|pubblicato|pubblicata|"
    r"gepubliceerd|publisert|publicerad|publiceret|offentliggjort|publikacja|opublikowano|publikováno|giriş|yayınlanma|"
    r"公開日|公開|配信|기사입력|입력|등록"
)
_MODIFIED_WORDS = (
    r"dernière mise à jour|mis à jour|mise à jour|màj|maj|modifiée|modifié|actualisée|"
    r"actualisé|last updated|updated|last modified|modified|révisé|zuletzt aktualisiert|"
    r"aktualisiert|stand(?=\s*:)|actualizado|actualizada|aggiornato|aggiornata|modificato|"
    r"modificata|modifica|atualizado|bijgewerkt|"
    r"sist oppdatert|oppdatert|uppdaterad|opdateret|aktualizacja|zaktualizowano|"
    r"aktualizováno|son güncelleme|güncelleme|güncellenme|最終更新|更新日|更新|기사수정|수정"
)
#: The keyword that opens a date statement, and the filler before the date itself.
DATE_PREFIX = re.compile(
    rf"^(?:(?P<modified>{_MODIFIED_WORDS})|(?P<published>{_PUBLISHED_WORDS}))?"
    r"(?:\s*(?:le|on|at|à|am|el|em|op|den|il(?!\s+y\b)|:|：|,|\[(?=[^\]]*\]\s*$)))*\s*",
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
#: Copied text runs the two together when the page set them in separate elements:
#: "… à 08:01Mis à jour le …", "… 1:55 am(Updated 4:30 am)", "… 7:55 AM UTCUpdated …".
STATEMENT_START = re.compile(
    rf"(?:[,(]\s*|\s+|(?<=\d)|(?<=[ap]m)|(?<=[ap]\.m\.)|(?-i:(?<=[^\W\d_])(?=[A-ZÀ-Þ])))"
    rf"(?=(?:{_MODIFIED_WORDS}|{_PUBLISHED_WORDS})\b)",
    re.IGNORECASE,
)

_DATE_TOKENS = re.compile(
    rf"\b(?:{_MONTH_ALT}|{_DAY_ALT})\b\.?|\d{{1,4}}\s*[年月日時分년월일시분]|\d{{4}}-\d{{2}}-\d{{2}}(?:[T ][\d:.]+)?(?:Z|[+-]\d{{2}}:?\d{{2}})?"
    r"|\d{1,2}\s*[h:.]\s*\d{0,2}(?![^\W\d])|\d{1,4}(?:er|st|nd|rd|th)?\b|[ap]\.m\.|\b(?:"
    r"à|a|at|le|on|the|of|de|du|vers|h|heures?|hours?|hrs?|min(?:utes?)?|mins?|mn|secondes?|"
    r"seconds?|secs?|jours?|days?|semaines?|weeks?|mois|months?|[ap]\.?m\.?|utc|gmt|cet|cest|"
    r"et|est|edt|bst|pst|pdt|cst|cdt|heure de paris|paris time|local time|il y a|ago|"
    r"avant-hier|hier|aujourd['’]hui|yesterday|today|tout à l['’]heure|à l['’]instant|just now|"
    r"ce matin|cet après-midi|ce soir|cette nuit|this morning|this afternoon|tonight|"
    r"last night|demain|tomorrow|heute|gestern|vorgestern|hoy|ayer|oggi|ieri|vandaag|gisteren|"
    r"um|uhr|environ|about|an|une?|one)\b",
    re.IGNORECASE,
)
#: "14/03/25" (20 Minutes style): a two-digit year, read as 20xx.
_SHORT_YEAR_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2}\b")
#: Such a date with its clock: a timestamp wherever it stands, even copied against the word
#: before it ('Palma, Mallorca15.04.25 09:56'); alone, it may be a card's ('Olympia 04.08.24').
_STAMPED_SHORT_DATE = re.compile(
    r"(?<!\d)\d{1,2}[/.]\d{1,2}[/.]\d{2}(?=,?\s+\d{1,2}[:.h]\d{2}(?!\d))"
)
#: A date's age copied against its year ('April 10, 20233 years', '20241 year ago'): themes
#: print the date and how long ago it was side by side, and a copy may lose the space.
_AGE = (
    r"\d{1,2}\s+(?:years?|months?|weeks?|days?|hours?|minutes?|ans?|mois|jahren?|monaten?|"
    r"años?|meses?)\b(?:\s+ago)?"
)
_GLUED_AGE = re.compile(_AGE)
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
#: A year, or a year with its date's age run into it (read only by the common shapes).
_YEAR_MAYBE_AGED = re.compile(rf"(?<!\d)\d{{4}}(?:(?!\d)|(?=(?i:{_AGE})))")
_LEFTOVER_OK = re.compile(r"[\s,.;:/()\-–—|+'’]*")
_FULL_DATE = re.compile(
    rf"\b\d{{1,2}}(?:er|st|nd|rd|th|\.)?\s+(?:{_MONTH_ALT})\b|\b(?:{_MONTH_ALT})\.?\s+\d{{1,2}}\b"
    r"|\b\d{1,2}\.?\s?[/.]\s?\d{1,2}\s?[/.]\s?(?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}"
    r"|\b\d{4}[/.]\d{1,2}[/.]\d{1,2}|\d{4}\s?[年년]",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateValue:
    """What a date text says: a datetime, or that it was relative (hence unusable)."""

    value: datetime | None
    relative: bool = False


@dataclass(frozen=True)
class DateStatement:
    """One date statement of a page: 'Publié le …' (published) or 'Mis à jour le …' (modified).

    ``value`` is None when the date was lost, relative, or a placeholder (``0001-01-01``,
    the Unix epoch, a year before EARLIEST_YEAR): the page shows a date that is no evidence.
    """

    kind: str  # "published" | "modified"
    text: str
    value: datetime | None
    relative: bool = False
    placeholder: bool = False

    @property
    def labelled(self) -> bool:
        """Whether the page says what the date is ('Published: …', 'Publisert …')."""
        prefix = DATE_PREFIX.match(self.text)
        return bool(prefix and (prefix["published"] or prefix["modified"]))


class AssumedZone(tzinfo):
    """The site's zone, given to a time the page printed without one.

    A datetime carries it until the pipeline knows the page's source: it then puts the
    source's zone (or the archive's) in its place and records that the zone was assumed.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._zone = ZoneInfo(name)

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return self._zone.utcoffset(dt)

    def dst(self, dt: datetime | None) -> timedelta | None:
        return self._zone.dst(dt)

    def tzname(self, dt: datetime | None) -> str | None:
        return self._zone.tzname(dt)

    def __repr__(self) -> str:
        return f"AssumedZone({self.name!r})"


@cache
def zone(name: str) -> tzinfo:
    return ZoneInfo(name)


@cache
def assumed_zone(name: str) -> AssumedZone:
    return AssumedZone(name)


def localise(value: datetime, tz_name: str) -> datetime:
    """Give a naive datetime the site's zone, marked as assumed; keep an offset the page gave."""
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=assumed_zone(tz_name))
    return value


def zone_was_printed(value: datetime) -> bool:
    """False when the page gave a time (or a day) without a zone or offset."""
    return not isinstance(value.tzinfo, AssumedZone)


def in_zone(value: datetime, tz_name: str) -> datetime:
    """The same wall-clock time in *tz_name*, for a value whose zone was assumed."""
    return value if zone_was_printed(value) else value.replace(tzinfo=zone(tz_name))


def is_placeholder(value: datetime, captured: datetime | None = None) -> bool:
    """A date no article has: year 1 (a CMS's empty value), the Unix epoch, a year before
    EARLIEST_YEAR, or a moment after the page was captured."""
    if value.year < EARLIEST_YEAR:
        return True
    if value.utcoffset() is not None and abs(value - _EPOCH) < timedelta(hours=14):
        return True
    return captured is not None and value > captured


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
    iso = _parse_iso(text)
    if iso is not None:
        return DateValue(localise(iso, tz_name))
    fast = _parse_fast(text)
    if fast is not None:
        return DateValue(localise(fast, tz_name))
    return _parse_with_dateparser(text, tz_name)


def _normalise_spaces(text: str) -> str:
    """Plain spaces, and no full stop after the date ('… le 3 mars 2025.'; 'p.m.' keeps its m)."""
    return text.strip().replace("\u00a0", " ").replace("\u202f", " ").rstrip(".")


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
    groups = match.groupdict()
    month_text = (groups["m"] or groups.get("m2") or "").rstrip(".")
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text)
    day = int(groups.get("d") or groups.get("d2") or 0)
    if month is not None and month > 12 and day <= 12:  # 03/15/2025: an unambiguous US date
        day, month = month, day
    elif groups.get("ampm") and "/" in match.group() and day <= 12 and month and month <= 12:
        day, month = month, day  # '3/09/15 8:00am': a 12-hour clock writes the month first
    hour = int(match["H"]) if match["H"] else 0
    minute = int(match["M"]) if match["M"] else 0
    if match["ampm"]:
        hour = hour % 12 + (12 if match["ampm"] == "p" else 0)
    try:
        return datetime.combine(
            datetime(_full_year(match["y"]), month or 0, day).date(),
            time(hour, minute),
            tzinfo=_printed_zone(match["zone"], match["offset"]),
        )
    except (ValueError, TypeError):
        return None


def _printed_zone(name: str | None, offset: str | None) -> tzinfo | None:
    """'EDT' -> UTC-4, 'ET' -> America/New_York, 'GMT+1' and '+02:00' -> their offset."""
    if offset:
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        hours, minutes = (digits, "0") if len(digits) <= 2 else (digits[:-2], digits[-2:])
        return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))
    return _PRINTED_ZONES[name] if name else None


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


#: Relative dates that name a calendar day ('aujourd'hui à 10h30', 'hier', 'heute um 12:19').
_CALENDAR_DAY = re.compile(
    r"\b(?:aujourd['’]hui|avant-hier|hier|today|yesterday|heute|gestern|vorgestern|hoy|ayer|"
    r"oggi|ieri|vandaag|gisteren)\b",
    re.IGNORECASE,
)
#: How a count back from the present is worded ('il y a 3 heures', '2 days ago', 'vor 3 Stunden').
_COUNT_BACK = re.compile(r"\b(?:il y a|ago|vor|hace|fa|geleden|siden)\b", re.IGNORECASE)


def names_calendar_day(text: str) -> bool:
    """Whether a relative date names its day ('hier à 10h30') rather than counting back to it
    ('il y a 3 heures', '2 days ago'): only the first can be read against a capture *day*,
    which does not tell across which midnight a count of hours reaches."""
    return bool(_CALENDAR_DAY.search(text)) and not _COUNT_BACK.search(text)


def resolve_relative(text: str, reference: datetime | date, tz_name: str) -> datetime | None:
    """A relative date statement ('Publié il y a 3 heures', 'hier à 10h30', '2 days ago') as
    a moment, counted back from *reference* (when the page was captured) in the page's zone.

    A date given to the day ('il y a 2 jours') is that day at midnight: the capture's time of
    day is no part of it. A capture given as a day (the capture's day in the page's zone)
    dates only a statement that names its day ('hier à 10h30', 'today'). None when the text
    cannot be read, or cannot be read against *reference*.
    """
    if not isinstance(reference, datetime):
        if not names_calendar_day(text):
            return None
        reference = datetime.combine(reference, time(12), tzinfo=zone(tz_name))
    prefix = DATE_PREFIX.match(text)
    rest = text[prefix.end() :] if prefix else text
    base = reference.astimezone(zone(tz_name)).replace(tzinfo=None)
    data = _relative_parser(base).get_date_data(_normalise_spaces(rest))
    if data.date_obj is None:
        return None
    value = data.date_obj if data.period == "time" else datetime.combine(data.date_obj, time(0))
    return value.replace(tzinfo=assumed_zone(tz_name))


def _relative_parser(base: datetime):  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=list(RELATIVE_LANGUAGES),
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "past",
            "RETURN_TIME_AS_PERIOD": True,
        },
    )


def is_date_expression(text: str) -> bool:
    """True when *text* is nothing but a date (complete or relative) and its connecting words."""
    if RELATIVE_WORDS.search(text):
        return bool(_LEFTOVER_OK.fullmatch(_DATE_TOKENS.sub(" ", text)))
    folded = fold(text)  # month names are tabled without accents: 'févr.' -> 'fevr.'
    return bool(_FULL_DATE.search(folded)) and bool(
        _LEFTOVER_OK.fullmatch(_DATE_TOKENS.sub(" ", folded))
    )


#: A reading time beside a date ('28.04.2023, 19:09 3 Min.', '12:24Lesezeit: 5 Min.',
#: 'Lesedauer: 4 Minuten', '2 minute read'); 'à 9 h 14 min' is a time.
_READING_TIME = re.compile(
    r"(?:(?:lesezeit|lesedauer|reading time|temps de lecture|tiempo de lectura|lesetid)"
    r"\s*:?\s*(?:ca\.?\s*)?)?(?<!h\s)(?<![h\d:])\d{1,3}\s*min(?:uten?|utes?|\.)?(?!\w)"
    r"(?:\s*(?:read|de lecture|lesezeit))?",
    re.I,
)
#: A video's or a podcast's length ('05.08.2024 04:03 min'): that date is the media's.
_MEDIA_LENGTH = re.compile(r"\b\d{1,2}:\d{2}\s*min\b", re.I)


def read_date_statement(segment: str, tz_name: str) -> DateStatement | None:
    """Read 'Publié le 15 mars 2025 à 10h30' and the like; None when *segment* is not one.

    A bare keyword with nothing after it ('le', 'Publié le', 'Updated') is a date
    statement whose date was lost: it is recognised, with no value.
    """
    prefix = DATE_PREFIX.match(segment)
    rest = segment[prefix.end() :].strip() if prefix else segment.strip()
    if prefix and "[" in prefix.group():  # '기사입력 :[ 2018-08-25 15:24 ]': the date in brackets
        rest = rest.removesuffix("]").strip()
    if "min" in rest.casefold():
        if _MEDIA_LENGTH.search(rest):
            return None
        rest = _READING_TIME.sub("", rest).strip()
    kind = "modified" if prefix and prefix["modified"] else "published"
    if not rest:
        has_keyword = bool(prefix and prefix.group().strip())
        return DateStatement(kind, segment, None) if has_keyword else None
    if _is_time_only(prefix, rest) or _is_day_without_year(prefix, rest):
        return DateStatement(kind, segment, None)
    common = _parse_fast(_normalise_spaces(rest))
    if common is not None:  # read whole by a common shape: nothing but a date
        return _statement(kind, segment, localise(common, tz_name))
    if not is_date_expression(rest):
        return None
    parsed = parse_date_text(rest, tz_name)
    if parsed is None:
        return None
    if parsed.relative:
        return DateStatement(kind, segment, None, relative=True)
    return _statement(kind, segment, parsed.value)


def _is_time_only(prefix: re.Match[str] | None, rest: str) -> bool:
    """'Actualizado a las 15:10h.', 'Updated 11:54 am': a keyword, then a time without its
    date (the day's update): a date statement with nothing to read."""
    keyword = prefix is not None and bool(prefix["modified"] or prefix["published"])
    return keyword and _KEYWORD_CLOCK.fullmatch(fold(_normalise_spaces(rest))) is not None


def _is_day_without_year(prefix: re.Match[str] | None, rest: str) -> bool:
    """'Updated November 18 at 4:46 PM' after the day's full date on the same line: a
    keyword, then a day without its year, a date statement with nothing sure to read."""
    keyword = prefix is not None and bool(prefix["modified"] or prefix["published"])
    return (
        keyword
        and _YEAR.search(rest) is None
        and _DAY_WITHOUT_YEAR.fullmatch(fold(_normalise_spaces(rest))) is not None
    )


def _statement(kind: str, text: str, value: datetime | None) -> DateStatement:
    if value is not None and is_placeholder(value):
        return DateStatement(kind, text, None, placeholder=True)
    return DateStatement(kind, text, value)


#: How a line that ends with a date ends: a year, or a time, perhaps with a zone.
_DATED_END = re.compile(
    r"\b(?:\d{4}|\d{1,2}[:h.]\d{2}|[ap]\.?m\.?)(?:\s*[A-Za-z]{1,4}(?:[+-]\d{1,2}(?::?\d{2})?)?)?"
    r"[\s.)]*$",
    re.IGNORECASE,
)


def has_year(text: str) -> bool:
    """A cheap test: does *text* print a year, as a date inside other words does (a four-digit
    number, or a numeric date's two digits: 'Do 25.04.24')?"""
    return any(
        pattern.search(text) is not None
        for pattern in (_YEAR_MAYBE_AGED, _SHORT_YEAR_DATE, _STAMPED_SHORT_DATE)
    )


def ends_with_date(text: str) -> bool:
    """A cheap test: does *text* end the way a date does ('… 2019', '… 11:03 PM EST')?"""
    return _DATED_END.search(text, max(0, len(text) - 24)) is not None


_DAY_WITHOUT_YEAR = re.compile(
    rf"{_WEEKDAY}(?:(?:{_MONTH_ALT})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"|\d{{1,2}}(?:er|st|nd|rd|th|\.)?\s+(?:de\s+)?(?:{_MONTH_ALT})\.?){_TIME_AFTER}"
)
_BARE_CLOCK = re.compile(rf"{_CLOCK}{_ZONE}")
#: A time after a date keyword, without a date: 'a las 15:10h', 'at 11:54 am' (folded text).
_KEYWORD_CLOCK = re.compile(rf"(?:{_TIME_SEPARATOR}\s*)?{_CLOCK}{_ZONE}")


def join_clock_segments(segments: Sequence[str]) -> list[str]:
    """Put a segment that is only a time back beside the date it belongs to, which the page
    set apart ('April 25, 2023 · 1:36 PM GMT+2', '11:00 AM PDT • May 16, 2024')."""
    joined: list[str] = []
    pending_clock = ""
    for segment in segments:
        if _BARE_CLOCK.fullmatch(fold(segment.strip())):
            if joined and _is_bare_date(joined[-1]):
                joined[-1] = f"{joined[-1]} {segment.strip()}"
            else:
                pending_clock = segment.strip()
            continue
        if pending_clock and _is_bare_date(segment):
            segment, pending_clock = f"{pending_clock} {segment.strip()}", ""
        elif pending_clock:
            joined.append(pending_clock)
            pending_clock = ""
        joined.append(segment)
    return [*joined, pending_clock] if pending_clock else joined


def _is_bare_date(segment: str) -> bool:
    """'Updated April 25, 2023': a keyword at most, then a date and nothing else."""
    prefix = DATE_PREFIX.match(segment)
    rest = segment[prefix.end() :] if prefix else segment
    if _YEAR.search(rest) is None and _SHORT_YEAR_DATE.search(rest) is None:
        return False
    return _parse_fast(_normalise_spaces(rest)) is not None or is_date_expression(rest)


def split_statements(line: str) -> list[str]:
    """'Publié le X, mis à jour le Y' -> ['Publié le X', 'mis à jour le Y']."""
    return [part for part in STATEMENT_START.split(line) if part.strip()]


#: How any date the readers know shows in a folded text, whatever the words around it: a
#: number before a month's name ('18 juil.', '5 de mayo'), a day before a year ('19, 2019'),
#: numbers joined by a slash, a dot or a dash ('18/07/2024', '2024-07-18'), a year before
#: 年; or a month's name before a number ('Nov. 19'). Each of the readers' shapes holds one
#: of them. (Two patterns: one that starts at a digit is looked for among the digits only.)
_DATE_HINTS = (
    re.compile(
        rf"\d(?:er|st|nd|rd|th|\.)?\s+(?:de\s+)?(?:{_MONTH_ALT})|\d(?:st|nd|rd|th)?,?\s+\d{{4}}"
        r"|\d\.?\s?(?:[/.-]\s?\d|[年년])"
    ),
    re.compile(rf"\b(?:{_MONTH_ALT})\.?\s+\d"),
)


def holds_date(text: str) -> bool:
    """Whether *text* may hold a date that a reader could find in it: a test before those that
    try every word of a line, since most lines with a number in them hold no date. (The
    readers take reading times out before they read: '28.04.2023, 19:09 3 Min.'.)"""
    folded = fold(text)
    if "min" in folded:
        folded = _READING_TIME.sub("", folded)
    return any(hint.search(folded) for hint in _DATE_HINTS)


#: Where a date may start inside a byline segment ('By NAME November 19, 2019, 07:47 PM EST').
_WORD_START = re.compile(r"(?<![\w'’])(?=\w)")


def read_trailing_date(segment: str, tz_name: str) -> tuple[str, DateStatement] | None:
    """('By NAME', statement) for a segment that ends with a dated statement after other words
    ('By NAME November 19, 2019, 07:47 PM EST', 'Reuters November 18, 2019 11:03 PM');
    None when no dated statement ends it. What comes before is for the caller to judge."""
    if not _YEAR.search(segment) or not holds_date(segment):
        return None
    for start in _WORD_START.finditer(segment, 1):
        rest = segment[start.start() :]
        if not META_START.match(fold(rest[:META_START_CHARS])):
            continue
        statement = read_date_statement(rest, tz_name)
        if statement is not None and (statement.value or statement.placeholder):
            return _words_before(segment, start.start()), statement
    return None


#: What stands between a byline and its date: spaces (no-break ones too), commas, slashes.
_BEFORE_DATE_TRIM = re.compile(r"^[\s,/]+|[\s,/]+$")


def _words_before(segment: str, at: int) -> str:
    """The words before a date found at *at* ('Anna Berger,\u00a0 26.04.2024' -> 'Anna Berger')."""
    return _BEFORE_DATE_TRIM.sub("", segment[:at])


#: Where a date may start right after a word it was copied against ('Mühlbauer24.04.2024').
_GLUED_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)")
#: Where a month in capitals starts right after a label in capitals ('GEARAPR 28, 2024').
_GLUED_MONTH = re.compile(rf"(?<=[A-Z]{{2}})(?=(?i:{_MONTH_ALT})\.?\s+\d)")


@dataclass(frozen=True)
class EmbeddedDate:
    """A date statement read by a common shape, with the words the page set around it."""

    before: str
    statement: DateStatement
    after: str  # folded


def read_embedded_date(segment: str, tz_name: str) -> EmbeddedDate | None:
    """The first dated statement of a common shape inside *segment*, with what stands before
    and after it ('Tobias Mühlbauer24.04.2024, 19:35 Uhr', '28.4.2023 18:41 Uhr teilen',
    'Geschrieben am 15. April 2025 in Nachrichten'); whether those words are a byline, a
    credit or a sentence is for the caller to judge. Only the fast shapes are tried: they
    never guess, and a date inside other words needs a shape that says where it ends."""
    if not holds_date(segment):
        return None
    if _YEAR_MAYBE_AGED.search(segment):
        starts = sorted(
            {0}
            | {m.start() for m in _WORD_START.finditer(segment, 1)}
            | {m.start() for m in _GLUED_DIGIT.finditer(segment)}
            | {m.start() for m in _GLUED_MONTH.finditer(segment)}
        )
    elif _SHORT_YEAR_DATE.match(segment):  # '3/09/15 8:00am': first ('Olympia 04.08.24' is a card)
        starts = [0]
    else:
        starts = [m.start() for m in _STAMPED_SHORT_DATE.finditer(segment)]
    for start in starts:
        rest = segment[start:]
        if not META_START.match(fold(rest[:META_START_CHARS])):
            continue
        found = _leading_statement(rest, tz_name)
        if found is not None:
            before = _words_before(segment, start)
            if _FULL_DATE.search(fold(before)):  # the second of two dates: a range
                return None
            return EmbeddedDate(before, *found)
    return None


#: A machine's timestamp printed as it is stored ('2019-11-18T20:51:19Z'): its shape says
#: where it ends, so it can stand among a byline and a section's name.
_ISO_STAMP = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?(?=\s|$)"
)


def _leading_statement(text: str, tz_name: str) -> tuple[DateStatement, str] | None:
    """(statement, the folded words after it) when *text* opens with a dated statement."""
    prefix = DATE_PREFIX.match(text)
    kind = "modified" if prefix and prefix["modified"] else "published"
    rest = _normalise_spaces(text[prefix.end() :] if prefix else text)
    stamp = _ISO_STAMP.match(rest)
    if stamp is not None:
        stamped = _parse_iso(stamp.group())
        if stamped is not None:
            after = fold(rest[stamp.end() :])
            return _statement(kind, text, localise(stamped, tz_name)), after.strip(" ,;|-–—")
    folded = fold(rest)
    if "min" in folded:
        if _MEDIA_LENGTH.search(folded):
            return None
        folded = _READING_TIME.sub("", folded).strip()
    matches = [m for shape in _FAST_SHAPES if (m := shape.match(folded))]
    if not matches:
        return None
    match = max(matches, key=lambda m: m.end())
    end = match.end()
    glued_age = _GLUED_AGE.match(folded, end) if end and folded[end - 1].isdigit() else None
    if glued_age is not None:  # 'April 10, 20233 years': the date, then its age
        end = glued_age.end()
    elif end < len(folded) and _cuts_a_word(folded, end) and not match.group().endswith("uhr"):
        return None
    if match["zone"] and not re.search(rf"\b{match['zone']}\b", text, re.IGNORECASE):
        return None
    if match["zone"] and end < len(folded) and match["zone"].upper() not in text:
        return None  # 'et', 'est', 'ist' in a sentence's words: a printed zone is in capitals
    after = folded[end:]
    cut_clock = match["H"] is not None and _CUT_CLOCK.fullmatch(after) is not None
    if cut_clock:
        after = ""
    elif _HEADING_COLON.match(after):  # '28.04.2023: Bundestag beschließt'
        return None
    if _FULL_DATE.search(after) and _parse_fast(after.strip()) is None:
        return None  # 'December 25, 2023/January 1, 2024': a range, not a date
    if _parse_fast(after.strip()):
        after = ""  # '22 Dec, 2016 22 Dec, 2016': copied twice
    value = _from_match(match)
    if value is None:
        return None
    if cut_clock:  # the day stands; a time that lost its seconds or its am/pm does not
        value = value.replace(hour=0, minute=0)
    return _statement(kind, text, localise(value, tz_name)), after.strip(" ,;|-–—")


#: A colon after a date, not opening seconds: the date heads a text, or the time is cut.
_HEADING_COLON = re.compile(r"\s*:(?!\d{2}\b)")
#: A time cut after its minutes, then at most its unit: 'October 23, 2024, 3:48: Uhr'.
_CUT_CLOCK = re.compile(r"\s*:\s*(?:uhr)?\s*")


def _cuts_a_word(text: str, at: int) -> bool:
    """Whether *at* falls inside a word or a number ('2023' read out of '20233')."""
    before, after = text[at - 1], text[at]
    return (before.isdigit() and after.isdigit()) or (before.isalpha() and after.isalpha())
