"""The accuracy harness, on two tiny corpora written here in the two public layouts."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from chronique.ingest.evaluate.__main__ import main
from chronique.ingest.evaluate.copies import chromium_path
from chronique.ingest.evaluate.corpora import GoldPage, load_corpus
from chronique.ingest.evaluate.scoring import (
    body_score,
    body_totals,
    date_matches,
    shows_day,
    shows_title,
    title_matches,
)
from chronique.ingest.evaluate.zones import source_zones
from tests.conftest import REPO
from tests.site.helpers import require

BODY = (
    "Les pompiers de la Gironde ont maîtrisé dans la nuit l’incendie qui menaçait trois "
    "villages du Médoc depuis lundi, selon la préfecture. Plus de quatre cents hectares de "
    "pins ont brûlé.\n\nLes habitants évacués ont pu regagner leur domicile mardi matin, "
    "escortés par les gendarmes, tandis que les équipes restaient sur place pour surveiller "
    "les reprises de feu le long des pistes forestières."
)
TITLE = "Incendie dans le Médoc : les habitants regagnent leur domicile"


def _page(title: str, body: str, date: str = "2024-07-18T08:01:00+02:00") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f'<!DOCTYPE html><html lang="fr"><head><title>{title} | Le Journal</title>'
        f'<meta property="og:title" content="{title}">'
        f'<meta property="article:published_time" content="{date}"></head><body>'
        '<nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>'
        f"<main><article><h1>{title}</h1>{paragraphs}</article></main>"
        "<footer>Mentions légales</footer></body></html>"
    )


def test_body_score_is_one_for_the_gold_and_zero_for_unrelated_text():
    assert body_totals([body_score(BODY, BODY)]).f1 == 1.0
    assert body_totals([body_score(BODY, "Résultats du loto et météo du week-end")]).f1 == 0.0


def test_extra_chrome_lowers_precision_and_missing_text_lowers_recall():
    first = BODY.split("\n\n")[0]
    with_chrome = body_totals([body_score(BODY, f"Partager sur Facebook Twitter LinkedIn\n{BODY}")])
    half = body_totals([body_score(BODY, first)])
    assert with_chrome.recall == 1.0 and with_chrome.precision < 1.0
    assert half.precision == 1.0 and half.recall < 0.7


def test_title_matches_exactly_or_as_a_long_prefix():
    assert title_matches(TITLE, f"  {TITLE.upper()} ")
    assert title_matches(TITLE, f"{TITLE} | Le Journal")
    assert not title_matches(TITLE, "Partager")
    assert not title_matches(TITLE, "Incendie")
    assert not title_matches(TITLE, None)


def test_date_matches_the_same_instant_or_the_same_day_at_midnight():
    gold = datetime.fromisoformat("2024-07-18T08:01:00+02:00")
    assert date_matches(gold, datetime.fromisoformat("2024-07-18T06:01:00+00:00"))
    assert date_matches(gold, datetime.fromisoformat("2024-07-18T00:00:00+02:00"))
    assert not date_matches(gold, datetime.fromisoformat("2024-07-18T08:01:00-04:00"))
    assert not date_matches(gold, datetime.fromisoformat("2024-07-19T00:00:00+02:00"))


def test_a_copy_shows_the_gold_title_and_day_as_pages_print_them():
    copy = f"Accueil\nMonde\n« {TITLE} »\nPublié le 8 juil. 2024 à 08h01\n{BODY}"
    assert shows_title(TITLE, copy)
    assert not shows_title("Incendie : le Médoc brûle", copy)  # an og:title the page hides
    day = datetime(2024, 7, 8).date()
    for printed in ("8 juil. 2024", "July 8, 2024", "08.07.2024", "2024-07-08", "8. Juli 2024"):
        assert shows_day(day, f"Mis à jour {printed}"), printed
    assert not shows_day(day, "18 juil. 2024 · 28.07.2024 · 2024-07-18")


def _fundus_corpus(root: Path) -> Path:
    """Two pages of one publisher whose gold versions are listed in the other order."""
    folder = root / "tests" / "resources" / "parser" / "test_data" / "xx"
    folder.mkdir(parents=True)
    other_title = "Le conseil municipal vote le budget de la piscine"
    other_body = (
        "Après trois heures de débat, les élus ont adopté le budget de rénovation de la "
        "piscine municipale, fermée depuis deux ans pour des raisons de sécurité."
    )
    gold = {
        "V1": {
            "title": other_title,
            "body": {"summary": [], "sections": [{"headline": [], "paragraphs": [other_body]}]},
            "publishing_date": "2025-01-10 09:00:00+01:00",
        },
        "V2": {
            "title": TITLE,
            "body": {
                "summary": [],
                "sections": [{"headline": [], "paragraphs": BODY.split("\n\n")}],
            },
            "publishing_date": "2024-07-18 08:01:00+02:00",
        },
    }
    (folder / "Journal.json").write_text(json.dumps(gold), encoding="utf-8")
    pages = {
        "Journal_2024_01_01.html.gz": _page(other_title, other_body, "2025-01-10T09:00+01:00"),
        "Journal_2025_01_01.html.gz": _page(TITLE, BODY),
    }
    for name, html in pages.items():
        (folder / name).write_bytes(gzip.compress(html.encode()))
    # The French folder is held out: never read.
    (folder.parent / "fr").mkdir()
    (folder.parent / "fr" / "Held.json").write_text("{}", encoding="utf-8")
    return root


def test_fundus_versions_are_paired_with_the_file_that_holds_their_text(tmp_path):
    name, pages = load_corpus(_fundus_corpus(tmp_path))
    assert name == "fundus"
    by_file = {page.id: page.title for page in pages}
    assert by_file == {
        "xx-Journal_2024_01_01": "Le conseil municipal vote le budget de la piscine",
        "xx-Journal_2025_01_01": TITLE,
    }


def test_unknown_layout_is_an_error_naming_the_folder(tmp_path, capsys):
    assert main([str(tmp_path), "--cache", str(tmp_path / "cache")]) == 2
    assert str(tmp_path) in capsys.readouterr().err


@pytest.mark.browser
def test_harness_scores_html_and_browser_copies_beside_trafilatura(tmp_path):
    """Run as a user runs it, in a process of its own (its browser is not the test session's)."""
    require(chromium_available(), "chromium")
    corpus = tmp_path / "bench"
    (corpus / "html").mkdir(parents=True)
    (corpus / "html" / "page1.html.gz").write_bytes(gzip.compress(_page(TITLE, BODY).encode()))
    truth = {"page1": {"articleBody": BODY, "url": "https://journal.example/page1"}}
    (corpus / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    cache, report = tmp_path / "cache", tmp_path / "outcomes.json"
    command = [sys.executable, "-m", "chronique.ingest.evaluate", str(corpus)]
    command += [str(_fundus_corpus(tmp_path / "f")), "--cache", str(cache), "--json", str(report)]
    run = subprocess.run(
        command, capture_output=True, text=True, timeout=300, check=False, cwd=REPO
    )
    assert run.returncode == 0, run.stderr
    copy = (cache / "scrapinghub" / "pages" / "page1.txt").read_text(encoding="utf-8")
    assert "Accueil" in copy and "Mentions légales" in copy  # the whole page, as copied
    table = run.stdout
    assert "trafilatura" in table and "chronique" in table
    outcomes = json.loads(report.read_text(encoding="utf-8"))
    sources = {(o["corpus"], o["extractor"], o["source"]) for o in outcomes}
    assert ("scrapinghub", "chronique", "text") in sources
    assert ("fundus", "trafilatura", "html") in sources
    html = next(
        o
        for o in outcomes
        if o["id"] == "xx-Journal_2025_01_01"
        and o["extractor"] == "chronique"
        and o["source"] == "html"
    )
    assert html["title_right"] and html["date_state"] == "right"


def chromium_available() -> bool:
    try:
        chromium_path()
    except RuntimeError:
        return False
    return True


def test_a_publisher_outside_its_countrys_main_zone_has_its_own():
    """Fundus files publishers by country; an archivist gives a source the zone its
    newsroom prints times in (Perth, not Sydney), as CHRONIQUE_SOURCE_TIMEZONES does."""
    pages = [
        GoldPage("fundus", "au-One", b"", "", url="https://www.thewest.com.au/news/a", group="au"),
        GoldPage("fundus", "au-Two", b"", "", url="https://www.9news.com.au/b", group="au"),
    ]
    assert source_zones(pages) == {
        "thewest.com.au": "Australia/Perth",
        "9news.com.au": "Australia/Sydney",
    }
