"""A site with hostile articles to build, and what its feeds must hold, read from the sources."""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from lxml import etree
from pelican.settings import read_settings
from pelican.urlwrappers import Category
from PIL import Image

from chronique.topics import load_vocabulary
from tests.conftest import SiteCopy

ATOM = "{http://www.w3.org/2005/Atom}"
#: Every character class a title must survive; \a (BEL) is forbidden in XML 1.0.
HOSTILE_TITLE = "Fuites & fausses « nouvelles » <script>alert(\"x\")</script> 'citées' 🚀 \a à Kyiv"
HOSTILE_TITLE_CLEAN = HOSTILE_TITLE.replace("\a", "")
HOSTILE_SUMMARY = 'Un chapô & <b>balisé</b> "cité" \x0b 🙂 fin'
HOSTILE_BODY = (
    "Un texte avec & et <b>gras</b> \x07 \x0c, un [lien](/2025/03/), une [ancre](#suite),\n"
    "une [adresse](mailto:redaction@example.org) et ![carte](/images/carte.png).\n"
)
LEAD_IMAGE = "images/carte.png"


def front_matter(meta: dict[str, object], body: str) -> str:
    """YAML front-matter as a contributor writes it; yaml escapes control characters."""
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{dumped}---\n\n{body}"


def article_meta(slug: str, date: str, category: str, tags: list[str], **extra: object) -> dict:
    return {
        "title": extra.pop("title", f"Article {slug}"),
        "date": date,
        "category": category,
        "tags": tags,
        "lang": "fr",
        "slug": slug,
        **extra,
    }


def add_hostile_articles(site: SiteCopy) -> None:
    """Hostile text, no standfirst, another section, a shared topic, a tie on the date."""
    image = site.content / LEAD_IMAGE
    image.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (64, 32), "darkred").save(image)
    articles = {
        "2025/02/fuites.md": article_meta(
            "fuites",
            "2025-02-01T08:30:00+01:00",
            "Monde",
            ["Ukraine", "Russie"],
            title=HOSTILE_TITLE,
            summary=HOSTILE_SUMMARY,
            authors=["Jeanne Martin", "Ali Ben Salah"],
            image={"src": LEAD_IMAGE, "alt": "Carte", "credit": "AFP"},
        ),
        "2025/02/sans-resume.md": article_meta(
            "sans-resume", "2025-02-02T08:30:00+01:00", "France", ["Ukraine", "Emmanuel Macron"]
        ),
        "2025/02/meme-heure-b.md": article_meta(
            "meme-heure-b", "2025-02-03T12:00:00+01:00", "Monde", ["Ukraine"]
        ),
        "2025/02/meme-heure-a.md": article_meta(
            "meme-heure-a", "2025-02-03T12:00:00+01:00", "Monde", ["Ukraine"]
        ),
        "2024/06/economie-ete.md": article_meta(
            "economie-ete",
            "2024-06-10T18:45:00+02:00",
            "Économie",
            ["Ukraine", "Russie"],
            modified="2025-03-20T09:00:00+01:00",
            summary="Les prix de l’énergie.",
        ),
    }
    for relative, meta in articles.items():
        body = HOSTILE_BODY if meta["slug"] == "fuites" else "Un corps simple.\n"
        site.write_article(relative, front_matter(meta, body))


def set_settings(site: SiteCopy, **settings: object) -> None:
    """Append Python settings to the copy's pelicanconf.py (later assignments win)."""
    lines = "".join(f"\n{name} = {value!r}" for name, value in settings.items())
    with site.settings.open("a", encoding="utf-8") as handle:
        handle.write(lines + "\n")


@dataclass(frozen=True)
class SourceArticle:
    """What the feeds must say about one article, read from its Markdown file."""

    slug: str
    date: datetime
    updated: datetime
    url_path: str
    section_slug: str
    topic_slugs: tuple[str, ...]
    meta: dict


def source_articles(site: SiteCopy) -> list[SourceArticle]:
    """Every article of the site, newest first (slug breaks ties), from its front-matter."""
    settings = read_settings(str(site.settings))
    vocabulary = load_vocabulary(site.content / "topics.yml")
    found = []
    for path in sorted((site.content / "articles").rglob("*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        date = _aware(meta["date"])
        found.append(
            SourceArticle(
                slug=meta["slug"],
                date=date,
                updated=_aware(meta.get("modified") or meta["date"]),
                url_path=f"/{date:%Y}/{date:%m}/{meta['slug']}/",
                section_slug=Category(meta["category"], settings).slug,
                topic_slugs=tuple(vocabulary.get(t).slug for t in meta.get("tags") or []),
                meta=meta,
            )
        )
    return sorted(found, key=lambda a: (-a.date.timestamp(), a.slug))


def _aware(value: object) -> datetime:
    parsed = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    assert parsed.tzinfo is not None, value
    return parsed


def expected_feeds(articles: list[SourceArticle]) -> dict[str, list[SourceArticle]]:
    """Feed folder → its articles, newest first: the site, each section and topic used."""
    feeds: dict[str, list[SourceArticle]] = {"flux": list(articles)}
    for article in articles:
        feeds.setdefault(f"rubriques/{article.section_slug}", []).append(article)
        for topic in article.topic_slugs:
            feeds.setdefault(f"sujets/{topic}", []).append(article)
    return feeds


def feed_files(output: Path) -> list[Path]:
    """The live documents (what a reader subscribes to), RSS and Atom."""
    return sorted([*output.rglob("rss.xml"), *output.rglob("atom.xml")])


def archive_files(output: Path) -> list[Path]:
    """The monthly archive documents (RFC 5005) of every feed."""
    return sorted(p for p in output.rglob("*.xml") if p.parent.name == "archives")


def local_file(output: Path, url: str) -> Path:
    """The built file a site URL serves (a folder URL serves its index.html)."""
    path = output / urlsplit(url).path.lstrip("/")
    return path / "index.html" if url.endswith("/") else path


def parse_xml(path: Path) -> etree._Element:
    return etree.fromstring(path.read_bytes(), etree.XMLParser(resolve_entities=False))


_OFFSET = re.compile(r"(?:[+-]\d\d:\d\d|Z)$")


def has_offset(rfc3339: str) -> bool:
    return bool(_OFFSET.search(rfc3339))


def newsboat() -> str:
    """Debian's newsboat; skipped where it is missing, except on CI where it must be."""
    found = shutil.which("newsboat")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("newsboat is not installed: .ci/run installs it with apt-get")
        pytest.skip("newsboat is not installed (apt-get install newsboat); CI runs this test")
    return found
