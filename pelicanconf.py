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
