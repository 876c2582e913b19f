"""Settings for publishing (``invoke publish``): absolute URLs on the public site."""

import os
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("CHRONIQUE_SITEURL", "https://chronique.example.org")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
#: The published site is searchable: Pagefind indexes it.
CHRONIQUE_SEARCH_INDEX = True
