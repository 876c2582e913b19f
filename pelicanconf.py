"""Settings of this Chronique site (development build: ``invoke build``)."""

from chronique.site_defaults import *  # noqa: F403

SITENAME = "Chronique"
SITEDESCRIPTION = "Archive d’articles d’actualité"
SITEURL = ""
AUTHOR = "La rédaction"

#: The sections (Pelican categories) an article may belong to.
CHRONIQUE_SECTIONS = [
    "Monde",
    "France",
    "Politique",
    "Économie",
    "Société",
    "Culture",
    "Sciences",
    "Sport",
]

#: Absolute base of the URLs inside feeds (Pelican's name); the local server in development.
FEED_DOMAIN = "http://127.0.0.1:8000"
#: Entries per feed, newest first.
CHRONIQUE_FEED_LIMIT = 50
#: Authority of the tag: URIs that identify feed entries (RFC 4151): a domain the
#: archive owns and a year; never change it, or every reader sees every entry again.
CHRONIQUE_TAG_AUTHORITY = "chronique.example.org,2025"
#: Icon and logo of every feed, a path in the built site.
CHRONIQUE_FEED_ICON = "theme/favicon.svg"

#: The time zone of each source whose pages print times without one: source name or host
#: -> IANA zone (e.g. {"nytimes.com": "America/New_York"}). Other sources: TIMEZONE.
CHRONIQUE_SOURCE_TIMEZONES: dict[str, str] = {}
