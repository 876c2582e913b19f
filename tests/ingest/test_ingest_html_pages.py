"""HTML pages saved from news sites: trafilatura, then <meta> and JSON-LD."""

from __future__ import annotations

from datetime import date

from chronique.ingest import Status
from chronique.ingest.pipeline import NO_DATE
from tests.ingest.helpers import FIXTURES, ingest_one, make_config


def test_json_ld_article_body_keeps_structure_and_drops_chrome(config):
    ingested = ingest_one(FIXTURES / "html_jsonld_monde.html", config, category="Monde")
    data = ingested.data
    assert data["title"] == (
        "Guerre en Ukraine : Kiev et Moscou revendiquent des centaines de drones abattus"
    )
    assert data["subtitle"] == "Nuit record d’attaques de drones entre la Russie et l’Ukraine"
    assert data["date"] == "2025-03-16T08:12:00+01:00"
    assert data["modified"] == "2025-03-16T14:40:00+01:00"
    assert data["category"] == "Monde"
    assert data["authors"] == ["Marie Dubois", "Igor Petrenko"]
    assert data["summary"].startswith("Les deux camps affirment avoir intercepté")
    assert data["source"]["name"] == "Le Journal du Soir"
    assert data["source"]["url"] == (
        "https://www.journaldusoir.fr/international/article/2025/03/16/drones-record"
    )
    blocks = ingested.paragraphs
    assert blocks[0].startswith("L’armée de l’air ukrainienne a affirmé dimanche")
    assert blocks.index("## Une escalade continue") < blocks.index("## Les régions touchées")
    assert "[Institute for the Study of War](https://www.understandingwar.org/)" in ingested.body
    assert "> « Chaque nuit, nous battons un nouveau record »" in ingested.body
    assert "- Odessa : une infrastructure énergétique touchée" in ingested.body
    for chrome in ("cookies", "Accueil", "Lire aussi", "Jean-Paul", "Les plus lus", "©"):
        assert chrome not in ingested.body, chrome
    assert "Les deux camps affirment" not in ingested.body  # the standfirst is the summary


def test_page_section_matching_a_configured_one_is_used(tmp_path):
    config = make_config(tmp_path, sections=("International", "France"))
    ingested = ingest_one(FIXTURES / "html_jsonld_monde.html", config)
    assert ingested.data["category"] == "International"


def test_open_graph_english_page_in_utc(config):
    ingested = ingest_one(FIXTURES / "html_og_english.html", config, category="Monde")
    data = ingested.data
    assert data["title"] == "Storm Éowyn: record winds leave 700,000 homes without power"
    assert data["date"] == "2025-01-24T09:15:00+00:00"
    assert data["modified"] == "2025-01-24T16:02:00+00:00"
    assert data["lang"] == "en"
    assert data["authors"] == ["Fiona Campbell"]
    assert data["source"] == {
        "name": "The Northern Courier",
        "url": "https://www.northerncourier.co.uk/news/storm-eowyn-power-cuts",
        "sha256": data["source"]["sha256"],
    }
    assert "## Clean-up begins" in ingested.paragraphs
    for chrome in ("Photograph", "Related stories", "Sign up", "Home"):
        assert chrome not in ingested.body, chrome


def test_latin1_page_with_a_day_only_date(config):
    ingested = ingest_one(FIXTURES / "html_latin1_date_only.html", config, category="Culture")
    data = ingested.data
    assert data["title"] == "Festival de Cannes : le jury présidé par une actrice française"
    assert data["date"] == "2025-03-12T00:00:00+01:00"
    # the meta description is not shown on the page: not a standfirst, the lead is the summary
    assert data["summary"].startswith("Le Festival de Cannes a annoncé mercredi")
    assert "« C'est un honneur et une joie immense »" in ingested.body
    assert data["lang"] == "fr"


def test_html_without_date_fails_then_takes_the_editors_date(config):
    failed = ingest_one(FIXTURES / "html_no_date.html", config, category="France")
    assert failed.result.status is Status.FAILED and failed.result.reason == NO_DATE
    ingested = ingest_one(
        FIXTURES / "html_no_date.html",
        config,
        category="France",
        date=date(2025, 5, 2),
        source_url="https://www.vosges-info.fr/loup",
    )
    data = ingested.data
    assert data["date"] == "2025-05-02T00:00:00+02:00"  # summer time in Paris
    assert data["date_source"] == "editor"
    assert data["source"]["name"] == "vosges-info.fr"  # from the --source-url host
    assert data["summary"] == (
        "Plusieurs attaques de troupeaux ont été recensées depuis le début du printemps dans "
        "le massif des Vosges, où la présence d’au moins trois loups est désormais confirmée "
        "par l’Office français de la biodiversité."
    )  # no description: the first paragraph, which fits in 300 characters


def test_editor_date_never_overrides_the_pages_own(config):
    ingested = ingest_one(
        FIXTURES / "html_og_english.html", config, category="Monde", date=date(2030, 1, 1)
    )
    assert ingested.data["date"] == "2025-01-24T09:15:00+00:00"
    assert "date_source" not in ingested.data
