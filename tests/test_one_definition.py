"""Issue 15: one definition per idea, so two commands cannot disagree about it."""

from __future__ import annotations

import pytest
from pelican.settings import read_settings

from chronique.config import load_config
from chronique.content.checks import check_content
from chronique.content.errors import InvalidContentError
from chronique.content.model import SUMMARY_MAX_CHARS
from chronique.site.model import load_site
from tests.conftest import SiteCopy

ARTICLE = """\
---
title: Un article valide
date: 2025-03-20T10:00:00+01:00
category: Monde
tags: [Ukraine]
summary: {summary}
lang: fr
slug: {slug}
---

Premier paragraphe.
"""


def summary_of(length: int) -> str:
    """A standfirst of exactly *length* characters."""
    return ("Une phrase du chapeau, " * 40)[: length - 1] + "."


def test_check_warns_beyond_the_standfirst_length_ingest_writes(site: SiteCopy) -> None:
    at_limit = site.write_article(
        "2025/03/a-la-limite.md",
        ARTICLE.format(summary=summary_of(SUMMARY_MAX_CHARS), slug="a-la-limite"),
    )
    over = site.write_article(
        "2025/03/au-dela.md",
        ARTICLE.format(summary=summary_of(SUMMARY_MAX_CHARS + 1), slug="au-dela"),
    )
    report = check_content(load_config(site.settings), [at_limit, over])
    warned = {p.path.name for p in report.problems if p.field == "summary"}
    assert warned == {"au-dela.md"}


def test_articles_and_pages_refuse_a_bad_slug_with_the_same_advice(site: SiteCopy) -> None:
    page = site.content / "pages" / "mentions.md"
    page.write_text("---\ntitle: Mentions\nslug: Mentions Légales\n---\n\nTexte.\n", "utf-8")
    article = site.write_article(
        "2025/03/x.md", ARTICLE.format(summary="Court.", slug="Mentions Légales")
    )
    with pytest.raises(InvalidContentError) as refused:
        load_site(read_settings(str(site.settings)))
    advice = {e.path.name: (e.message, e.hint) for e in refused.value.errors if e.field == "slug"}
    assert advice[page.name] == advice[article.name]
    assert "mentions-legales" in str(advice[page.name][1])


def test_check_and_the_build_read_the_same_files(site: SiteCopy) -> None:
    """One walk of the archive: a broken page stops the build, so check reports it too."""
    page = site.content / "pages" / "mentions.md"
    page.write_text("---\ntitle: Mentions\nslug: mentions\nauteur: moi\n---\n\nTexte.\n", "utf-8")
    report = check_content(load_config(site.settings))
    assert [(p.path.name, p.field) for p in report.errors] == [("mentions.md", "auteur")]
    with pytest.raises(InvalidContentError):
        load_site(read_settings(str(site.settings)))
