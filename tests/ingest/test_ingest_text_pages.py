"""Plain-text pages in the styles of different French and English news sites."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from chronique.ingest import Status
from chronique.ingest.pipeline import NO_DATE
from tests.ingest.helpers import FIXTURES, ingest_one, make_config, write_input


def test_subscriber_page_with_kicker_byline_caption_and_read_also(config):
    """Le Monde style: section label, kicker, title, standfirst, byline, 'Publié … modifié …'."""
    ingested = ingest_one(FIXTURES / "quotidien_international.txt", config, category="Monde")
    data = ingested.data
    assert data["title"] == (
        "À Kherson, les habitants réapprennent à vivre sous la menace des drones russes"
    )
    assert "subtitle" not in data  # 'Guerre en Ukraine' is a kicker, not a headline
    assert data["category"] == "Monde"  # the page says 'International': --category fills in
    assert data["date"] == "2025-03-15T10:30:00+01:00"
    assert "date_source" not in data
    assert data["modified"] == "2025-03-15T18:02:00+01:00"
    assert data["authors"] == ["Claire Martin"]
    assert data["summary"].startswith("Dans cette ville du sud de l’Ukraine")
    assert [p[:30] for p in ingested.paragraphs] == [
        "Sur le marché central, Olena, ",
        "Depuis le début de l’année, l’",
        "La municipalité a rouvert deux",
    ]
    for chrome in ("Lire aussi", "ROMAN PILIPEY", "Partager", "Les plus lus", "Lecture 4 min"):
        assert chrome not in ingested.body


def test_a_section_label_the_map_lacks_is_refused_with_the_label(config):
    ingested = ingest_one(FIXTURES / "quotidien_international.txt", config)
    assert ingested.result.status is Status.FAILED
    assert ingested.result.reason == (
        "section label 'International' is not mapped — add it to CHRONIQUE_SECTION_MAP "
        "or pass --category"
    )
    assert ingested.result.unmapped_label == "International"


def test_breadcrumb_section_update_date_and_subheading(config):
    """Le Figaro style: breadcrumb, 'Publié le 14/03/2025 à 07:45, mis à jour le …'."""
    ingested = ingest_one(FIXTURES / "figaro_economie.txt", config)
    data = ingested.data
    assert data["category"] == "Économie"
    assert data["title"] == (
        "La SNCF prévoit un TGV sur deux jeudi en raison de la grève des contrôleurs"
    )
    assert data["date"] == "2025-03-14T07:45:00+01:00"
    assert data["modified"] == "2025-03-14T12:10:00+01:00"
    assert data["authors"] == ["Paul Durand"]
    assert data["summary"] == (
        "Les syndicats appellent à une journée de mobilisation jeudi. La direction a publié "
        "mercredi soir ses prévisions de trafic pour l’ensemble du réseau."
    )
    assert "## Un mouvement reconductible" in ingested.paragraphs
    assert ingested.paragraphs[-1].startswith("Le préavis court jusqu’à dimanche soir")
    for chrome in ("Écouter", "À lire aussi", "Sur le même sujet", "RATP"):
        assert chrome not in ingested.body


def test_english_page_with_navigation_menu_and_photo_credit(config):
    """BBC style: a menu of section names, a bare date line, byline without 'By'."""
    ingested = ingest_one(FIXTURES / "bbc_style_world.txt", config, category="Monde")
    data = ingested.data
    assert data["title"] == "Wildfires force thousands to flee homes in southern Australia"
    assert data["category"] == "Monde"  # 'Sport' and 'Culture' in the menu are not the section
    assert data["date"] == "2025-03-15T00:00:00+01:00"  # a day alone: midnight, site time zone
    assert data["lang"] == "en"
    assert data["slug"] == "wildfires-force-thousands-to-flee-homes-in-southern-australia"
    assert "Getty Images" not in ingested.body and "Related" not in ingested.body
    # The lead after the byline is the text's first paragraph: the page sets no standfirst.
    assert len(ingested.paragraphs) == 3


def test_live_blog_keeps_entry_times_and_ignores_the_relative_update(config):
    ingested = ingest_one(FIXTURES / "direct_proche_orient.txt", config, category="Monde")
    data = ingested.data
    assert data["title"].startswith("Proche-Orient : les négociations sur une trêve reprennent")
    assert data["date"] == "2025-03-16T06:00:00+01:00"
    assert "modified" not in data  # 'Mis à jour il y a 5 minutes' is not resolved against today
    assert ingested.paragraphs[0::2] == ["**10h30**", "**09h45**", "**08h10**"]
    assert "EN DIRECT" not in ingested.body


def test_relative_date_is_no_date(config):
    ingested = ingest_one(FIXTURES / "relative_date.txt", config)
    assert ingested.result.status is Status.FAILED
    assert ingested.result.reason == (
        "no publication date found (the page only gives a relative date "
        "('Publié il y a 2 heures')) — pass --date YYYY-MM-DD or the capture time "
        "(--retrieved 2025-03-15T10:30+01:00)"
    )


def test_a_page_with_only_an_update_date_is_dated_by_it(config):
    """AP style: 'Updated 3:45 PM GMT+1, March 14, 2025' and an upper-case byline."""
    ingested = ingest_one(FIXTURES / "ap_style_updated_only.txt", config, category="Monde")
    data = ingested.data
    assert data["date"] == "2025-03-14T15:45:00+01:00" and data["date_source"] == "updated"
    assert "modified" not in data
    assert "only an update date" in ingested.result.note


def test_the_editors_date_wins_over_an_update_date(config):
    ingested = ingest_one(
        FIXTURES / "ap_style_updated_only.txt", config, category="Monde", date=date(2025, 3, 14)
    )
    data = ingested.data
    assert data["date"] == "2025-03-14T00:00:00+01:00" and data["date_source"] == "editor"
    assert data["modified"] == "2025-03-14T15:45:00+01:00"
    assert data["authors"] == ["NICOLE WINFIELD", "JOHN DOE"]
    assert data["title"].startswith("Pope Francis remains in stable condition")
    assert data["lang"] == "en"


def test_windows_1252_with_crlf_keeps_french_typography(config):
    ingested = ingest_one(FIXTURES / "ouest_regional_cp1252_crlf.txt", config, category="Société")
    data = ingested.data
    assert data["title"] == (
        "Rennes : le marché des Lices fête ses 400 ans avec un week-end de festivités"
    )
    assert data["date"] == "2025-03-12T18:15:00+01:00"
    assert "cœur battant" in data["summary"]
    assert "Au menu\u00a0: dégustations d’huîtres" in ingested.body
    assert "l’œuvre des maraîchers" in ingested.body
    assert "« C’est un lieu de vie" in ingested.body
    assert "\r" not in ingested.result.output.read_text(encoding="utf-8")
    for chrome in ("Vous avez aimé", "newsletter", "formidable"):
        assert chrome not in ingested.body


def test_utf8_bom_english_dek_and_gmt_time(config):
    """Guardian style: the dek under the title is the standfirst; the time is in GMT."""
    ingested = ingest_one(FIXTURES / "guardian_style_bom.txt", config, category="Monde")
    data = ingested.data
    assert data["title"] == (
        "Russia claims to have retaken two villages in Kursk region as drone attacks intensify"
    )
    assert data["summary"].startswith("Moscow says its forces have recaptured")
    assert data["date"] == "2025-03-15T10:30:00+00:00"
    assert data["lang"] == "en"
    assert "Read more" not in ingested.body and "Explore more" not in ingested.body
    assert len(ingested.paragraphs) == 3


def test_hard_wrapped_wire_copy_is_joined(config):
    ingested = ingest_one(FIXTURES / "wire_hard_wrapped.txt", config)
    data = ingested.data
    assert data["title"] == (
        "Réforme des retraites : le gouvernement engage sa responsabilité à l'Assemblée nationale"
    )
    assert data["category"] == "Politique"
    assert data["date"] == "2025-03-15T16:05:00+01:00"
    assert ingested.paragraphs[-1] == (
        "Cette procédure, prévue par l'article 49, alinéa 3, de la Constitution, avait déjà "
        "été utilisée à plusieurs reprises par les gouvernements précédents."
    )


def test_short_headline_before_the_date_and_title_after_it(config):
    """The seed's layout on another site: breadcrumb headline, date line, then the title."""
    ingested = ingest_one(FIXTURES / "wordpress_short_headline.txt", config)
    data = ingested.data
    assert data["title"].startswith("Inondations : le Pas-de-Calais de nouveau placé")
    assert data["subtitle"] == "Inondations dans le Pas-de-Calais : nouvelle alerte rouge"
    assert data["category"] == "France"
    assert data["date"] == "2025-01-10T00:00:00+01:00"
    assert data["summary"].startswith("Météo-France a placé vendredi")
    assert "Tags" not in ingested.body and "Leave a Reply" not in ingested.body


@pytest.mark.parametrize(
    ("line", "escaped"),
    [
        ("1. La capsule se détache", "1\\. La capsule se détache"),
        ("- Une première combustion", "\\- Une première combustion"),
        ("# Le chiffre clé", "\\# Le chiffre clé"),
        ("> Les parachutes", "\\> Les parachutes"),
    ],
)
def test_paragraphs_that_look_like_markdown_are_escaped(config, line, escaped):
    ingested = ingest_one(FIXTURES / "sciences_markdown_escapes.txt", config)
    assert any(p.startswith(escaped) for p in ingested.paragraphs), ingested.paragraphs
    assert not any(p.startswith(line) for p in ingested.paragraphs)


def test_escaped_paragraphs_render_to_the_original_words(config):
    import markdown

    ingested = ingest_one(FIXTURES / "sciences_markdown_escapes.txt", config)
    html = markdown.markdown(ingested.body)
    source = (FIXTURES / "sciences_markdown_escapes.txt").read_text(encoding="utf-8")
    for original in source.splitlines()[4:]:
        assert f"<p>{original.replace('>', '&gt;')}</p>" in html, original
    assert "<ol>" not in html and "<ul>" not in html and "<h1>" not in html
    assert "<blockquote>" not in html and "<em>" not in html


def test_no_date_fails_for_a_text_page_too(tmp_path, config):
    page = tmp_path / "page.txt"
    page.write_text(
        "France\nUn titre suffisamment long pour un article de test\n"
        "Un paragraphe de texte qui raconte quelque chose de précis, avec assez de mots pour "
        "être pris pour de la prose.\n",
        encoding="utf-8",
    )
    assert ingest_one(page, config).result.reason == NO_DATE


def test_two_digit_years_kicker_and_dek_with_a_label(config):
    """20 Minutes style: 'Publié le 14/03/25 à 08h12 — Mis à jour le 14/03/25 à 10h05'."""
    ingested = ingest_one(FIXTURES / "vingt_minutes_short_year.txt", config)
    data = ingested.data
    assert data["title"] == "Kiev affirme avoir repoussé une offensive russe près de Pokrovsk"
    assert data["category"] == "Monde"
    assert data["date"] == "2025-03-14T08:12:00+01:00"
    assert data["modified"] == "2025-03-14T10:05:00+01:00"
    assert data["summary"].startswith("INTERNATIONAL Les combats se concentrent")
    assert "La rédaction avec AFP" not in ingested.body
    assert "CGU" not in ingested.body
    assert len(ingested.paragraphs) == 3


def garbled(text: str) -> str:
    """*text* as a browser shows a UTF-8 page it reads as Windows-1252 (the bytes that code
    page leaves undefined read as Latin-1's control characters)."""
    return "".join(
        bytes([byte]).decode("cp1252", "ignore") or chr(byte) for byte in text.encode("utf-8")
    )


def test_a_page_garbled_as_a_whole_is_read_back_and_the_report_says_so(tmp_path, config):
    """A copy of a UTF-8 page the browser read as Windows-1252 ('Ã©' for 'é'), with a few
    right characters it added itself (a menu's accents): ingested as the clean page is."""
    clean = (FIXTURES / "figaro_economie.txt").read_text("utf-8")
    page = "Accessibilité ❤\n" + garbled(clean)
    assert "Ã©" in page
    expected = ingest_one(FIXTURES / "figaro_economie.txt", make_config(tmp_path / "clean"))
    ingested = ingest_one(write_input(tmp_path, "garbled.txt", page), config)
    assert ingested.result.status is Status.WRITTEN
    for field in ("title", "date", "category", "summary"):
        assert ingested.data[field] == expected.data[field]
    assert ingested.body == expected.body
    assert ingested.result.note is not None
    assert "garbled encoding repaired (" in ingested.result.note


@pytest.mark.parametrize(
    "counted_back",
    [r"\1 il y a \2 heures", r"\1 vor \2 Stunden", r"\1 · \2 hours ago"],
    ids=["fr", "de", "en"],
)
def test_comments_headed_by_a_name_and_a_relative_date_close_the_article(
    tmp_path, config, counted_back
):
    """Comments under 'Jean-Pierre il y a 2 heures', 'GuterMensch vor 3 Stunden', 'Ed · 3
    hours ago', longer than the article and on its subject, are never kept; the dates do not
    date the article, its own date line does."""
    site = Path(__file__).parent / "sites" / "voixdujura_comments_relative.txt"
    page = re.sub(
        r"^(\S+(?: \S+)*) il y a (\d) heures$", counted_back, site.read_text("utf-8"), flags=re.M
    )
    assert page.count(counted_back.split(r"\2")[1]) == 4
    ingested = ingest_one(write_input(tmp_path, "page.txt", page), config, category="France")
    assert ingested.data["date"] == "2025-02-12T18:05:00+01:00"
    assert ingested.paragraphs[-1].endswith(
        "six nouveaux étals seront attribués d’ici la fin du mois."
    )
    for comment in ("Jean-Pierre", "Enfin !", "Quatre millions", "stationnement"):
        assert comment not in ingested.body
