"""Issue 5, acceptance 2: every feed passes a strict RSS 2.0 / Atom 1.0 validator."""

from __future__ import annotations

import re

import pytest

from tests.conftest import SiteCopy
from tests.feeds.helpers import archive_files, feed_files
from tests.feeds.validator import validate

BASE = "http://127.0.0.1:8000"


def self_url(site: SiteCopy, relative: str) -> str:
    return f"{BASE}/{relative}"


def test_every_feed_passes_the_strict_validator(hostile_site: SiteCopy) -> None:
    paths = feed_files(hostile_site.output)
    assert len(paths) >= 2 * (1 + 3 + 5)  # the site, three sections, several topics
    for path in paths:
        relative = str(path.relative_to(hostile_site.output))
        assert validate(path.read_bytes(), self_url(hostile_site, relative)) == [], relative


def test_every_archive_document_passes_the_strict_validator(hostile_site: SiteCopy) -> None:
    paths = archive_files(hostile_site.output)
    assert len(paths) >= 1 + 3 + 5  # a month at least for the site, each section, each topic
    for path in paths:
        relative = str(path.relative_to(hostile_site.output))
        assert validate(path.read_bytes(), self_url(hostile_site, relative)) == [], relative


BREAKAGES = {
    "rss.xml": [
        (
            r"<link>http://127\.0\.0\.1:8000/2025/02/fuites/</link>",
            "<link>/2025/02/fuites/</link>",
            "link not absolute",
        ),
        (r"<guid isPermaLink=\"false\">[^<]*sans-resume</guid>", "", "lacks <guid>"),
        (r"\+0100</pubDate>", "</pubDate>", "RFC 822"),
        (r"<title>Chronique</title>", "<title></title>", "channel lacks <title>"),
        (r"length=\"\d+\"", 'length="0"', "enclosure length"),
        (r"rel=\"self\"", 'rel="related"', "self link"),
    ],
    "atom.xml": [
        (
            r"<id>tag:[^<]*:sans-resume</id>",
            "<id>tag:chronique.example.org,2025:2025-02-01:fuites</id>",
            "duplicate entry id",
        ),
        (r"(<updated>[^<]*)\+01:00</updated>", r"\1</updated>", "RFC 3339"),
        (r" rel=\"enclosure\" type=\"image/png\"", "", "several alternate links"),
        (r"<name>Chronique</name>", "", "no author"),
        (r"src=\"http://127\.0\.0\.1:8000/images", 'src="/images', "HTML src not absolute"),
    ],
}


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_the_validator_catches_each_breakage(hostile_site: SiteCopy, name: str) -> None:
    """The validator is not vacuous: each rule, broken on purpose, is reported."""
    original = (hostile_site.output / "flux" / name).read_text(encoding="utf-8")
    url = self_url(hostile_site, f"flux/{name}")
    assert validate(original.encode(), url) == []
    for pattern, replacement, message in BREAKAGES[name]:
        broken, count = re.subn(pattern, replacement, original, count=1)
        assert count == 1, pattern
        problems = validate(broken.encode(), url)
        assert any(message in problem for problem in problems), (message, problems)
