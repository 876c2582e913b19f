"""What the Chronique theme's templates compute: reading time, trending topics, metadata.

Registered on every generator's Jinja environment by the plugin. The templates
stay declarative; anything with a rule in it lives here, where it is tested.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from html import unescape
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.numbers import format_decimal
from jinja2 import Environment, select_autoescape
from markupsafe import Markup, escape

from chronique.settings import TRENDING_DAYS, TRENDING_LIMIT, ChroniqueSettings, SettingsError
from chronique.site.model import article_meta, last_change

WORDS_PER_MINUTE = 230

_TAGS = re.compile(r"<[^>]*>")
_WORDS = re.compile(r"\w+(?:[’'-]\w+)*")
# French typography: a no-break space before : ; ! ? » and after «, so that a
# line never starts with the punctuation. No library does this for French.
_SPACE_BEFORE = re.compile(r"[ \u00a0\u202f]+([:;!?»])")
_SPACE_AFTER = re.compile(r"(«)[ \u00a0\u202f]+")


def plain_text(html: str) -> str:
    """The text of an HTML fragment: tags dropped, entities decoded."""
    return unescape(_TAGS.sub(" ", html or ""))


def reading_minutes(html: str, words_per_minute: int = WORDS_PER_MINUTE) -> int:
    """Minutes to read *html* at a steady adult pace; at least one."""
    words = len(_WORDS.findall(plain_text(html)))
    return max(1, math.ceil(words / words_per_minute))


def french_spacing(text: str | None) -> Markup:
    """*text*, escaped, with no-break spaces where French typography wants them."""
    if not text:
        return Markup("")
    escaped = str(escape(unescape(str(text))))
    escaped = _SPACE_BEFORE.sub(
        lambda m: ("\u00a0" if m.group(1) in ":»" else "\u202f") + m.group(1), escaped
    )
    return Markup(_SPACE_AFTER.sub("«\u00a0", escaped))


def as_date(value: str | date | None) -> date | None:
    """An ISO date string (e.g. a source's ``retrieved``) as a date, for the date filters."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


@dataclass(frozen=True)
class TopicCount:
    """A topic (Pelican Tag) and how many articles of the window carry it."""

    tag: Any
    count: int


def trending_topics(
    articles: Sequence[Any], days: int = TRENDING_DAYS, limit: int = TRENDING_LIMIT
) -> list[TopicCount]:
    """The topics most covered in the last *days* days of the archive.

    The window ends at the newest article, not at today: an archive is rebuilt
    long after its last article, and the same content must give the same page.
    """
    if not articles:
        return []
    newest = max(article.date for article in articles)
    start = newest - timedelta(days=days)
    counts: Counter[Any] = Counter()
    for article in articles:
        if article.date > start:
            counts.update(getattr(article, "tags", None) or [])
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0].slug))
    return [TopicCount(tag, count) for tag, count in ranked[:limit]]


def page_numbers(current: int, total: int, radius: int = 2) -> list[int | None]:
    """The page numbers a pagination shows: the first, the last, and *radius* pages either
    side of *current*; ``None`` where two or more numbers are left out (one left-out number
    takes no more room than its ellipsis, so it is shown)."""
    shown = sorted({1, total, *range(max(1, current - radius), min(total, current + radius) + 1)})
    numbers: list[int | None] = []
    previous = 0
    for number in shown:
        if number - previous == 2:
            numbers.append(previous + 1)
        elif number - previous > 2 and previous:
            numbers.append(None)
        numbers.append(number)
        previous = number
    return numbers


def absolute_url(siteurl: str, path: str) -> str:
    """``SITEURL/path``; root-relative when the site has no SITEURL (development builds).

    A trailing ``index.html`` is dropped: ``/`` is the address readers share.
    """
    path = path.lstrip("/")
    if path == "index.html" or path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return f"{siteurl.rstrip('/')}/{path}"


def sections_in_order(
    categories: Iterable[tuple[Any, Any]], order: Sequence[str] = ()
) -> list[tuple[Any, Any]]:
    """Sections in the site's editorial order (``CHRONIQUE_SECTIONS``), others after by name."""
    rank = {name: index for index, name in enumerate(order)}
    return sorted(categories, key=lambda item: (rank.get(item[0].name, len(rank)), item[0].name))


def og_locale(lang: str) -> str:
    """Open Graph's ``language_TERRITORY`` form of *lang*: ``fr`` → ``fr_FR``."""
    try:
        locale = Locale.parse(lang.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return lang
    likely = str(get_global("likely_subtags").get(locale.language, locale.language))
    territory = locale.territory or likely.split("_")[-1]
    return f"{locale.language}_{territory}" if territory.isupper() else locale.language


def _iso(value: datetime) -> str:
    return value.isoformat()


def credited_authors(article: Any) -> list[str]:
    """Authors the article names itself; Pelican's site-wide ``AUTHOR`` default is no byline."""
    return list(article_meta(article).authors)


def news_article_jsonld(article: Any, settings: dict[str, Any], logo: str) -> dict[str, Any]:
    """The schema.org ``NewsArticle`` of an article page, ready for ``|tojson``.

    Jinja's ``tojson`` escapes ``<``, ``>``, ``&`` and ``'``, so a title holding
    ``</script>`` cannot end the script element early. *logo* is the site path of the
    publisher's logo (CHRONIQUE_FEED_ICON: the site's one logo); the image is the article's
    lead image, else its social card.
    """
    siteurl = settings.get("SITEURL", "")
    meta = article_meta(article)
    publisher = {
        "@type": "Organization",
        "name": settings.get("SITENAME", ""),
        "url": absolute_url(siteurl, ""),
        "logo": {"@type": "ImageObject", "url": absolute_url(siteurl, logo)},
    }
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": _iso(article.date),
        "dateModified": _iso(last_change(article)),
        "author": [{"@type": "Person", "name": name} for name in credited_authors(article)]
        or [publisher],
        "publisher": publisher,
        "mainEntityOfPage": absolute_url(siteurl, article.url),
        "articleSection": article.category.name,
        "keywords": [tag.name for tag in getattr(article, "tags", None) or []],
        "inLanguage": meta.lang,
    }
    if meta.subtitle:
        data["alternativeHeadline"] = meta.subtitle
    summary = getattr(article, "summary", None)  # Pelican's: the front-matter's, else the opening
    if summary:
        data["description"] = " ".join(plain_text(summary).split())
    if meta.image is not None:
        data["image"] = [absolute_url(siteurl, meta.image.src)]
    elif getattr(article, "social_card", None):
        data["image"] = [absolute_url(siteurl, article.social_card)]
    return data


def contact_url(contact: str | None) -> str | None:
    """CHRONIQUE_CONTACT as a link: an http(s) page or a ``mailto:`` address."""
    if contact is not None and not contact.startswith(("mailto:", "http://", "https://")):
        raise SettingsError(
            f"CHRONIQUE_CONTACT = {contact!r}: give a mailto: address or an http(s) URL"
        )
    return contact


def install(env: Environment, settings: dict[str, Any], chronique: ChroniqueSettings) -> None:
    """Autoescaping on, and the theme's filters and globals."""
    env.autoescape = select_autoescape(["html", "xml"], default_for_string=True)
    lang = str(settings.get("DEFAULT_LANG", "fr"))
    env.filters["reading_minutes"] = reading_minutes
    env.filters["number"] = lambda value: format_decimal(value, locale=lang)
    env.filters["as_date"] = as_date
    env.filters["typo"] = french_spacing if lang.startswith("fr") else escape
    env.globals["trending_topics"] = lambda articles: trending_topics(
        articles,
        chronique.trending_days,
        chronique.trending_limit,
    )
    env.globals["credited_authors"] = credited_authors
    env.globals["page_numbers"] = page_numbers
    env.globals["news_article_jsonld"] = lambda article: news_article_jsonld(
        article, settings, chronique.feed_icon
    )
    env.globals["sections_in_order"] = lambda categories: sections_in_order(
        categories, chronique.sections
    )
    env.globals["og_locale"] = og_locale(lang)
    env.globals["contact_url"] = contact_url(chronique.contact)
    env.globals["absolute_url"] = lambda path: absolute_url(settings.get("SITEURL", ""), path)
