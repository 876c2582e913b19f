"""Settings of this Chronique site (development build: ``invoke build``)."""

from chronique.site.defaults import *  # noqa: F403

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

#: How the sites' own section labels map to the sections above, for ingest. Keys compare
#: without case and accents; "Source: Label" or {"source name or host": {label: section}}
#: applies to one source only. A label like "Société > Santé" is tried whole, then from its
#: most specific part. Labels that are no section here ("Urbanisme", "News") are listed by
#: the ingest report for an editor to add.
CHRONIQUE_SECTION_MAP = {
    "International": "Monde",
    "World": "Monde",
    "World news": "Monde",
    "Europe": "Monde",
    "Afrique": "Monde",
    "Africa": "Monde",
    "Amériques": "Monde",
    "Americas": "Monde",
    "Asie": "Monde",
    "Asie-Pacifique": "Monde",
    "Asia": "Monde",
    "Asia Pacific": "Monde",
    "Proche-Orient": "Monde",
    "Moyen-Orient": "Monde",
    "Middle East": "Monde",
    "Politics": "Politique",
    "Élections": "Politique",
    "Elections": "Politique",
    "Economy": "Économie",
    "Business": "Économie",
    "Entreprises": "Économie",
    "Companies": "Économie",
    "Marchés": "Économie",
    "Markets": "Économie",
    "Finance": "Économie",
    "Argent": "Économie",
    "Money": "Économie",
    "Emploi": "Économie",
    "Conjoncture": "Économie",
    "Immobilier": "Économie",
    "Society": "Société",
    "Idées": "Société",
    "Débats": "Société",
    "Idées et débats": "Société",
    "Tribunes": "Société",
    "Opinion": "Société",
    "Opinions": "Société",
    "Comment": "Société",
    "Commentary": "Société",
    "Éditorial": "Société",
    "Editorial": "Société",
    "Chroniques": "Société",
    "Santé": "Société",
    "Health": "Société",
    "Éducation": "Société",
    "Education": "Société",
    "Campus": "Société",
    "Justice": "Société",
    "Faits divers": "Société",
    "Faits-divers": "Société",
    "Police-Justice": "Société",
    "Crime": "Société",
    "Religion": "Société",
    "Arts": "Culture",
    "Arts & Culture": "Culture",
    "Livres": "Culture",
    "Books": "Culture",
    "Cinéma": "Culture",
    "Film": "Culture",
    "Musique": "Culture",
    "Music": "Culture",
    "Théâtre": "Culture",
    "Theatre": "Culture",
    "Télévision": "Culture",
    "Entertainment": "Culture",
    "Science": "Sciences",
    "Planète": "Sciences",
    "Environnement": "Sciences",
    "Environment": "Sciences",
    "Climat": "Sciences",
    "Climate": "Sciences",
    "Écologie": "Sciences",
    "Espace": "Sciences",
    "Space": "Sciences",
    "Tech": "Sciences",
    "Technologie": "Sciences",
    "Technology": "Sciences",
    "High-tech": "Sciences",
    "Numérique": "Sciences",
    "Pixels": "Sciences",
    "Sciences & Environnement": "Sciences",
    "Sports": "Sport",
    "Football": "Sport",
    "Soccer": "Sport",
    "Rugby": "Sport",
    "Tennis": "Sport",
    "Cyclisme": "Sport",
    "Cycling": "Sport",
    "Jeux olympiques": "Sport",
    "Olympics": "Sport",
}
#: Where ingest files a page whose label is not mapped (None: such pages are refused).
CHRONIQUE_DEFAULT_SECTION = None

#: The development build has a search page but no index: Pagefind runs at publish
#: (publishconf.py), and the search page says so.
CHRONIQUE_SEARCH_INDEX = False

#: Absolute base of the URLs inside feeds (Pelican's name); the local server in development.
FEED_DOMAIN = "http://127.0.0.1:8000"
#: Entries of each live feed, newest first; the newest CHRONIQUE_FEED_FULL_TEXT of them
#: carry the full text, the others (and the archive documents) the standfirst.
CHRONIQUE_FEED_LIMIT = 50
CHRONIQUE_FEED_FULL_TEXT = 10
#: Authority of the tag: URIs that identify feed entries (RFC 4151): a domain the
#: archive owns and a year; never change it, or every reader sees every entry again.
CHRONIQUE_TAG_AUTHORITY = "chronique.example.org,2025"
#: Icon and logo of every feed, a path in the built site (PNG, JPEG or GIF: RSS 2.0).
CHRONIQUE_FEED_ICON = "theme/feed-icon.png"

#: The time zone of each source whose pages print times without one: source name or host
#: -> IANA zone (e.g. {"nytimes.com": "America/New_York"}). Other sources: TIMEZONE.
CHRONIQUE_SOURCE_TIMEZONES: dict[str, str] = {}
