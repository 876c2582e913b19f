"""Acceptance 2 of issue 14: pages written in the styles of real news sites, chrome and all.

Each page in ``tests/ingest/sites/`` has a YAML file beside it saying what a careful
editor reads on the page: the headline, the date the page prints, the section label and
the archive section it maps to, the first and last body paragraphs, phrases of the body
and chrome that must stay out of it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.ingest.helpers import Ingested, ingest_one, make_config

SITES = Path(__file__).parent / "sites"
PAGES = sorted(path for path in SITES.iterdir() if path.suffix in {".txt", ".html"})


@dataclass(frozen=True)
class Expected:
    """What the page says, read by a person."""

    site: str
    title: str
    date: str | None  # ISO with offset, a day alone when the page prints no time, or None
    section_label: str
    section: str
    lang: str
    first_paragraph: str
    last_paragraph: str
    body_contains: tuple[str, ...] = ()
    not_in_body: tuple[str, ...] = ()
    #: What ingest is known to get wrong on this page, by test ('paragraphs': why). Such a
    #: test must fail (strict xfail): the day it passes, its entry goes.
    known_gaps: Mapping[str, str] = dataclasses.field(default_factory=dict)

    @classmethod
    def of(cls, page: Path) -> Expected:
        fields: dict[str, Any] = yaml.safe_load(page.with_suffix(".yml").read_text("utf-8"))
        fields["body_contains"] = tuple(fields.get("body_contains", ()))
        fields["not_in_body"] = tuple(fields.get("not_in_body", ()))
        return cls(**fields)


EXPECTED = {page.name: Expected.of(page) for page in PAGES}
SECTION_MAP = {expected.section_label: expected.section for expected in EXPECTED.values()}


@pytest.fixture(scope="module", params=PAGES, ids=lambda page: page.name)
def page(request, tmp_path_factory) -> tuple[Expected, Ingested]:
    """Each page ingested once into its own archive, its section label mapped as an editor
    maps a site's labels (CHRONIQUE_SECTION_MAP)."""
    path: Path = request.param
    expected = EXPECTED[path.name]
    root = tmp_path_factory.mktemp(path.stem)
    config, options = make_config(root, section_map=SECTION_MAP), {}
    if expected.date is None:
        options["date"] = date(2020, 1, 1)
    return expected, ingest_one(path, config, **options)


def _known_gap(request: pytest.FixtureRequest, expected: Expected, test: str) -> None:
    reason = expected.known_gaps.get(test)
    if reason:
        request.applymarker(pytest.mark.xfail(strict=True, reason=reason))


def test_the_pages_cover_enough_sites_in_both_languages():
    assert len({e.site for e in EXPECTED.values()}) >= 15
    assert sum(p.suffix == ".html" for p in PAGES) >= 6
    assert {e.lang for e in EXPECTED.values()} == {"fr", "en"}
    labels = [(e.section_label, e.section) for e in EXPECTED.values()]
    assert len({label for label, _ in labels}) == len(set(labels))  # one section per label


def test_title(page):
    expected, ingested = page
    assert ingested.data["title"] == expected.title


def test_date(page):
    expected, ingested = page
    written = ingested.data["date"]
    written = written if isinstance(written, datetime) else datetime.fromisoformat(str(written))
    if expected.date is None:
        assert ingested.data["date_source"] == "editor"
    elif "T" in expected.date:
        assert written.utcoffset() is not None
        assert written == datetime.fromisoformat(expected.date)
    else:
        assert written.date() == date.fromisoformat(expected.date)


def test_section(page):
    expected, ingested = page
    assert ingested.data["category"] == expected.section


def test_language(page):
    expected, ingested = page
    assert ingested.data["lang"] == expected.lang


def test_first_and_last_paragraphs(page, request):
    expected, ingested = page
    _known_gap(request, expected, "paragraphs")
    assert ingested.paragraphs[0] == expected.first_paragraph
    assert ingested.paragraphs[-1] == expected.last_paragraph


def test_body_keeps_the_article_and_drops_the_chrome(page):
    expected, ingested = page
    body = ingested.body
    assert [phrase for phrase in expected.body_contains if phrase not in body] == []
    assert [phrase for phrase in expected.not_in_body if phrase in body] == []
