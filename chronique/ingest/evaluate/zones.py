"""The time zone an archivist would configure for each source of a corpus.

A page that prints a time without a zone is read in its source's zone
(``CHRONIQUE_SOURCE_TIMEZONES``); an archivist knows where the sites they archive are
published, and fundus files its publishers by country. Countries that span several zones
get the zone of their largest newsrooms (New York for the United States, Toronto for
Canada, Sydney for Australia). A publisher whose newsroom works in another zone of its
country, or outside the country fundus files it under, gets its own entry, as an archivist
would give it.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from chronique.folding import source_key
from chronique.ingest.evaluate.corpora import GoldPage

#: fundus's country folders and the zone of their publishers.
COUNTRY_ZONES = {
    "at": "Europe/Vienna",
    "au": "Australia/Sydney",
    "be": "Europe/Brussels",
    "ca": "America/Toronto",
    "ch": "Europe/Zurich",
    "cn": "Asia/Shanghai",
    "cz": "Europe/Prague",
    "de": "Europe/Berlin",
    "dk": "Europe/Copenhagen",
    "es": "Europe/Madrid",
    "gl": "America/Nuuk",
    "id": "Asia/Jakarta",
    "il": "Asia/Jerusalem",
    "ind": "Asia/Kolkata",
    "isl": "Atlantic/Reykjavik",
    "it": "Europe/Rome",
    "jp": "Asia/Tokyo",
    "kr": "Asia/Seoul",
    "lb": "Asia/Beirut",
    "li": "Europe/Vaduz",
    "ls": "Africa/Maseru",
    "lt": "Europe/Vilnius",
    "lu": "Europe/Luxembourg",
    "mx": "America/Mexico_City",
    "my": "Asia/Kuala_Lumpur",
    "na": "Africa/Windhoek",
    "no": "Europe/Oslo",
    "pl": "Europe/Warsaw",
    "pt": "Europe/Lisbon",
    "py": "America/Asuncion",
    "ru": "Europe/Moscow",
    "se": "Europe/Stockholm",
    "tr": "Europe/Istanbul",
    "tw": "Asia/Taipei",
    "tz": "Africa/Dar_es_Salaam",
    "ua": "Europe/Kyiv",
    "uk": "Europe/London",
    "us": "America/New_York",
    "vn": "Asia/Ho_Chi_Minh",
    "za": "Africa/Johannesburg",
}

#: Publishers whose newsroom is not in their country folder's zone, by their host.
PUBLISHER_ZONES = {
    "thewest.com.au": "Australia/Perth",  # The West Australian, Perth
    "thegatewaypundit.com": "America/Chicago",  # St. Louis
    "latimes.com": "America/Los_Angeles",
    "theprovince.com": "America/Vancouver",
    "euronews.com": "Europe/Paris",  # Lyon; filed under the United Kingdom
}


def source_zones(pages: Iterable[GoldPage]) -> dict[str, str]:
    """``CHRONIQUE_SOURCE_TIMEZONES`` for the pages whose country the corpus gives, keyed
    by their host as ingest names a source."""
    zones: dict[str, str] = {}
    for page in pages:
        if page.corpus != "fundus" or not page.url:
            continue
        host = source_key(urlsplit(page.url).hostname or "")
        zone = PUBLISHER_ZONES.get(host) or COUNTRY_ZONES.get(page.group or "")
        if zone and host:
            zones[host] = zone
    return zones
