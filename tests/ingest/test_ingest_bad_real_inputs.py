"""The bad inputs of issue 14, as real sites produce them (text and HTML where it applies)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chronique.ingest import Status
from tests.ingest.helpers import ingest_one

PAGES = Path(__file__).parent / "bad_pages"
#: Two French topics whose names are also common words in Spanish ('sol') and German ('Rat').
FALSE_FRIENDS = """\
- name: Sols
  slug: sols
  kind: theme
  aliases: [sol]
  description: La terre cultivable et sa protection.
- name: Rats
  slug: rats
  kind: theme
  aliases: [rat]
  description: Les rongeurs en ville.
"""
_LANGUAGE_NAMES = {"es": r"spanish|espagnol", "de": r"german|allemand"}


@pytest.mark.parametrize(
    ("name", "lang"), [("diario_sociedad_es.txt", "es"), ("zeitung_muenchen_de.html", "de")]
)
def test_a_page_in_another_language_is_reported_and_not_mistagged(config, name, lang):
    config.topics_path.write_text(FALSE_FRIENDS, encoding="utf-8")
    ingested = ingest_one(PAGES / name, config, category="Société")
    said = rf"{_LANGUAGE_NAMES[lang]}|\blang(uage)?\W+{lang}\b|\({lang}\)|'{lang}'"
    assert re.search(said, ingested.result.line(), re.IGNORECASE), ingested.result.line()
    if ingested.front_matter is not None:
        assert ingested.data["lang"] == lang
        assert not {"Sols", "Rats"} & set(ingested.data.get("tags", ()))


@pytest.mark.parametrize("name", ["rubrique_headlines.txt", "section_headlines.html"])
def test_a_list_of_headlines_is_not_an_article(config, name):
    ingested = ingest_one(PAGES / name, config, category="Économie")
    assert ingested.result.status is Status.FAILED
    assert ingested.result.reason.startswith("not an article"), ingested.result.reason


def test_a_live_blog_keeps_its_entries_in_page_order(config):
    ingested = ingest_one(PAGES / "live_blog.txt", config)
    assert ingested.data["title"] == (
        "Direct – Inondations en Europe centrale : le Danube atteint un niveau record à Budapest"
    )
    entries = [
        "Le premier ministre hongrois a annoncé le déploiement de 2 000 soldats",
        "En Autriche, les autorités de Basse-Autriche lèvent l’ordre d’évacuation",
        "À Bratislava, la municipalité a fermé plusieurs ponts piétons",
        "La Commission européenne promet une aide d’urgence aux pays touchés.",
    ]
    positions = [ingested.body.find(entry) for entry in entries]
    assert -1 not in positions and positions == sorted(positions)
    assert "Charger plus de messages" not in ingested.body


@pytest.mark.parametrize("name", ["two_articles.txt", "two_articles.html"])
def test_a_page_with_two_articles_keeps_only_the_first(config, name):
    ingested = ingest_one(PAGES / name, config)
    if ingested.result.status is Status.FAILED:
        return  # refusing the page is also right
    assert ingested.data["title"] == (
        "Le festival d’Avignon affiche une fréquentation record pour sa 78e édition"
    )
    assert "Le festival se termine mardi soir dans la cour d’honneur" in ingested.body
    for second in ("Arles", "Frères-Prêcheurs", "Article suivant", "négatifs"):
        assert second not in ingested.body


@pytest.mark.parametrize("name", ["paywall_teaser.txt", "paywall_teaser.html"])
def test_a_paywalled_teaser_is_refused(config, name):
    ingested = ingest_one(PAGES / name, config)
    assert ingested.result.status is Status.FAILED
    assert "teaser" in ingested.result.reason, ingested.result.reason


@pytest.mark.parametrize("name", ["comments_longer.txt", "comments_longer.html"])
def test_comments_longer_than_the_article_stay_out(config, name):
    ingested = ingest_one(PAGES / name, config)
    assert ingested.data["title"] == (
        "Toulouse : la mairie interdit les trottinettes en libre-service dans l’hypercentre"
    )
    assert ingested.paragraphs[-1].startswith("Les opérateurs dénoncent une décision")
    for comment in ("Il était temps", "Je ne suis pas d’accord", "Le vrai problème", "stations en"):
        assert comment not in ingested.body


@pytest.mark.parametrize("name", ["cookie_wall.txt", "cookie_wall.html"])
def test_a_cookie_wall_stays_out_of_the_body(config, name):
    ingested = ingest_one(PAGES / name, config, category="France")
    assert ingested.data["title"] == (
        "Strasbourg : le marché de Noël accueillera 300 chalets, un record"
    )
    # The article starts the body (a chapô before it may stay: that is the standfirst's rule).
    first = next(i for i, p in enumerate(ingested.paragraphs) if "Strasbourg comptera" in p)
    assert all("cookie" not in p for p in ingested.paragraphs[:first])
    assert ingested.paragraphs[-1].startswith("Pour limiter l’affluence le week-end")
    for cookie in ("cookie", "consentement", "partenaires", "données", "Accepter"):
        assert cookie not in ingested.body
