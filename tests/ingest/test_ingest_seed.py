"""Acceptance 1: the first real input, a French article copied from a news page."""

from __future__ import annotations

import hashlib
from datetime import date

from chronique.content.frontmatter import parse_front_matter
from chronique.content.model import parse_article_meta
from chronique.content.slugs import slugify
from chronique.ingest import Status
from chronique.ingest.pipeline import NO_DATE
from tests.ingest.helpers import SECTIONS, SEED, ingest_one

TITLE = (
    "Conflit en Ukraine : la Russie reprend des villages dans la région de Koursk, "
    "tandis que les attaques de drones s’intensifient"
)
SUBTITLE = (
    "La Russie reprend du terrain aux Ukrainiens dans la région de Koursk, "
    "attaques mutuelles de drones"
)
CHROME = (
    "Nous rejoindre sur les réseaux",
    "Article",
    "Click to comment",
    "Laisser un commentaire",
    "Votre adresse e-mail ne sera pas publiée",
    "Les + Lus",
)


def seed_lines() -> list[str]:
    return [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_without_date_the_seed_fails_and_asks_for_one(config):
    ingested = ingest_one(SEED, config)
    assert ingested.result.status is Status.FAILED
    assert ingested.result.reason == NO_DATE == "no publication date found — pass --date YYYY-MM-DD"
    assert not config.articles_path.exists() or not any(config.articles_path.rglob("*.md"))


def test_the_seed_gives_the_expected_article(config):
    ingested = ingest_one(SEED, config, date=date(2025, 3, 15))
    assert ingested.result.status is Status.WRITTEN
    lines = seed_lines()
    standfirst_at = lines.index(TITLE) + 1
    data = ingested.data
    assert data["title"] == TITLE
    assert data["subtitle"] == SUBTITLE
    assert data["category"] == "Monde"
    assert data["summary"] == lines[standfirst_at]
    assert ingested.paragraphs == lines[standfirst_at + 1 : standfirst_at + 5]
    assert data["date"] == "2025-03-15T00:00:00+01:00"
    assert data["date_source"] == "editor"
    assert data["lang"] == "fr"
    assert data["slug"] == slugify(TITLE)
    assert data["tags"] == []  # no content/topics.yml in this archive
    assert data["source"] == {"sha256": hashlib.sha256(SEED.read_bytes()).hexdigest()}
    assert ingested.result.output == config.articles_path / "2025" / "03" / f"{data['slug']}.md"


def test_no_chrome_line_reaches_the_article(config):
    ingested = ingest_one(SEED, config, date=date(2025, 3, 15))
    text = ingested.result.output.read_text(encoding="utf-8")
    for chrome in CHROME:
        assert f"\n{chrome}" not in text and f": {chrome}" not in text, chrome
    assert "\nle\n" not in text


def test_the_written_seed_passes_the_content_check(config):
    ingested = ingest_one(SEED, config, date=date(2025, 3, 15))
    path = ingested.result.output
    meta, errors = parse_article_meta(
        parse_front_matter(path, path.read_text(encoding="utf-8")), SECTIONS
    )
    assert errors == []
    assert meta is not None and meta.date_source == "editor"
    assert (
        "«\u00a0encerclées\u00a0»" in ingested.body
    )  # French quotes and non-breaking spaces survive
