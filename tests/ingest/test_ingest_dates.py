"""Dates as French and English pages print them, in the page's own time zone."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from chronique.config import config_from_settings
from chronique.content.frontmatter import parse_front_matter
from chronique.content.model import parse_article_meta
from chronique.ingest import Status
from chronique.ingest.dates import (
    holds_date,
    read_date_statement,
    read_embedded_date,
    resolve_relative,
    split_statements,
)
from chronique.ingest.text_page import Kind, classify_line
from tests.ingest.helpers import SECTIONS, ingest_one, make_config, text_rules, write_input

PARIS = "Europe/Paris"

FR_BODY = (
    "Le conseil municipal a adopté jeudi soir, après quatre heures de débat, le plan de "
    "rénovation des écoles de la ville, qui prévoit la reprise de douze bâtiments d’ici à 2030.\n"
    "Les travaux commenceront dès l’été prochain par les deux groupes scolaires les plus anciens, "
    "dont les toitures laissent passer l’eau depuis plusieurs hivers.\n"
    "L’opposition a voté contre, jugeant le calendrier trop lent et le financement incertain, "
    "tandis que les parents d’élèves ont salué un engagement attendu depuis longtemps.\n"
)
EN_BODY = (
    "The city council voted on Thursday night, after four hours of debate, to approve a plan "
    "to renovate a dozen public schools by 2030, the largest such program in two decades.\n"
    "Work will begin next summer at the two oldest buildings, whose roofs have leaked for "
    "several winters, the mayor said in a statement after the vote.\n"
    "Opponents said the timetable was too slow and the financing uncertain, while parents "
    "welcomed a commitment they had sought for years.\n"
)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Publié le 18 juil. 2024 à 08:01", "2024-07-18T08:01:00+02:00"),
        ("Le 1er sept. 2024 à 08h01", "2024-09-01T08:01:00+02:00"),
        ("12 févr. 2024", "2024-02-12T00:00:00+01:00"),
        ("Mis à jour le 18/07/2024 à 09h06", "2024-07-18T09:06:00+02:00"),
        ("Nov. 19, 2019 8:03 am ET", "2019-11-19T08:03:00-05:00"),
        ("July 18, 2024 3:45 PM EDT", "2024-07-18T15:45:00-04:00"),
        ("Posted June 26, 2023 5 AM PT", "2023-06-26T05:00:00-07:00"),
        ("Published: 15:56 BST, 27 April 2024", "2024-04-27T15:56:00+01:00"),
        ("Sat 24 Feb 2024 12.42 CET", "2024-02-24T12:42:00+01:00"),
        ("18 juillet 2024 10:00 UTC+02:00", "2024-07-18T10:00:00+02:00"),
        ("PUBLISHED FRI, APR 28 20232:23 PM EDT", "2023-04-28T14:23:00-04:00"),
        ("June 30, 2026 - 4.34pm GMT", "2026-06-30T16:34:00+00:00"),
        ("Veröffentlicht am 27.04.24 um 07:39 Uhr", "2024-04-27T07:39:00+02:00"),
        ("Erstellt: 28.04.2023, 18:16 Uhr", "2023-04-28T18:16:00+02:00"),
        ("28. April 2024, 14:26 Uhr", "2024-04-28T14:26:00+02:00"),
        ("Publicado el 2 de diciembre de 2024 a las 10:16", "2024-12-02T10:16:00+01:00"),
        ("4 febbraio 2025 alle 14:41", "2025-02-04T14:41:00+01:00"),
        ("05.08.2024, kl. 13.05", "2024-08-05T13:05:00+02:00"),
        ("28.04.2023, 19:09 3 Min.", "2023-04-28T19:09:00+02:00"),  # a reading time
        ("February 1, 2016: 12:41 PM ET", "2016-02-01T12:41:00-05:00"),  # a colon before the time
    ],
)
def test_printed_dates(text, iso):
    statement = read_date_statement(text, PARIS)
    assert statement is not None and statement.value is not None
    assert statement.value.isoformat() == iso


def test_two_statements_run_together():
    line = "Publié le 18 juil. 2024 à 08:01Mis à jour le 18 juil. 2024 à 09:06"
    statements = [read_date_statement(part, PARIS) for part in split_statements(line)]
    assert [(s.kind, s.value.isoformat()) for s in statements] == [
        ("published", "2024-07-18T08:01:00+02:00"),
        ("modified", "2024-07-18T09:06:00+02:00"),
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Stand: 26.04.2024, 20:44 Uhr", "modified"),
        ("Aktualisiert am 07.01.2026 - 18:50 Uhr", "modified"),
        ("Actualizado el 25/05/2025 21:57 h", "modified"),
        ("Erschienen am 30.04.2024", "published"),
    ],
)
def test_date_keywords_of_other_languages(text, kind):
    statement = read_date_statement(text, PARIS)
    assert statement is not None and statement.kind == kind and statement.value is not None


@pytest.mark.parametrize(
    "text", ["Publiziert heute um 12:19 Uhr", "Actualizado hoy a las 10:16", "gestern, 18:30 Uhr"]
)
def test_relative_dates_of_other_languages_are_relative(text):
    statement = read_date_statement(text, PARIS)
    assert statement is None or statement.value is None


def test_a_date_beside_a_videos_length_is_the_videos():
    assert read_date_statement("05.08.2024 04:03 min", PARIS) is None


@pytest.mark.parametrize(
    "text", ["0001-01-01T00:00:00Z", "1er janvier 1970", "Published 12/05/1849"]
)
def test_placeholders_are_no_date(text):
    statement = read_date_statement(text, PARIS)
    assert statement is not None and statement.value is None and statement.placeholder


def _text_page(tmp_path: Path, header: str, body: str = EN_BODY) -> Path:
    title = "City Council Approves a Plan to Renovate a Dozen Schools"
    return write_input(tmp_path, "page.txt", f"Home\nLocal News\n{title}\n{header}\n{body}Share")


@pytest.mark.parametrize(
    ("header", "iso", "authors"),
    [
        (
            "By Jane Porter November 19, 2019, 07:47 PM EST",
            "2019-11-19T19:47:00-05:00",
            ["Jane Porter"],
        ),
        ("Reuters November 18, 2019 11:03 PM GMT", "2019-11-18T23:03:00+00:00", None),
        (
            "By Mark Ellison Apr. 28, 2023 1:15 pm EDT",
            "2023-04-28T13:15:00-04:00",
            ["Mark Ellison"],
        ),
        ("12:43 EST, 20 Apr 2026Updated 12:44 EST, 20 Apr 2026", "2026-04-20T12:43:00-05:00", None),
        ("11:00 AM PDT • May 16, 2024", "2024-05-16T11:00:00-07:00", None),
        ("By Ann Lee · April 25, 2023 · 1:36 PM GMT+2", "2023-04-25T13:36:00+02:00", ["Ann Lee"]),
        # the local-TV style: the update's day without its year, after the full date
        (
            "By Keala Kahale | March 3, 2021 at 9:12 AM HST - Updated March 3 at 11:40 AM",
            "2021-03-03T09:12:00-10:00",
            ["Keala Kahale"],
        ),
    ],
)
def test_bylines_with_dates(tmp_path, config, header, iso, authors):
    """Wire and tabloid styles: the byline and the date on one line, or two dates run together."""
    ingested = ingest_one(_text_page(tmp_path, header), config, category="Monde")
    assert ingested.data["date"] == iso
    assert "date_zone" not in ingested.data  # the page printed its zone
    assert ingested.data.get("authors") == authors
    assert header.split()[-1] not in ingested.body


def test_a_date_line_under_a_byline_is_not_joined_to_it(tmp_path, config):
    """Libération style: a lower-case 'par …' credit, then a lower-case 'publié le …' line."""
    header = "par un collectif de présidents d'université\npublié le 27 août 2025 à 17h45"
    ingested = ingest_one(_text_page(tmp_path, header, FR_BODY), config, category="France")
    assert ingested.data["date"] == "2025-08-27T17:45:00+02:00"
    assert "collectif" not in ingested.body


def test_a_date_then_its_author_on_one_line(tmp_path, config):
    """WordPress style: 'Publié le 27 septembre 2024 par Marc Delpech'."""
    header = "Publié le 27 septembre 2024 par Marc Delpech"
    ingested = ingest_one(_text_page(tmp_path, header, FR_BODY), config, category="France")
    assert ingested.data["date"] == "2024-09-27T00:00:00+02:00"
    assert ingested.data["authors"] == ["Marc Delpech"]


def test_the_headers_update_date_wins_over_a_related_articles_date_in_the_text(tmp_path, config):
    """Tagesschau style: only 'Stand: …' under the headline; a card further down is dated."""
    body = FR_BODY.replace("\nL’opposition", "\nAnalyse 11.04.2022\nL’opposition")
    page = _text_page(tmp_path, "Stand: 18.07.2024 09:06 Uhr", body)
    ingested = ingest_one(page, config, category="France")
    assert ingested.data["date"] == "2024-07-18T09:06:00+02:00"
    assert ingested.data["date_source"] == "updated"


def test_a_time_without_zone_is_read_in_the_sources_zone(tmp_path):
    config = make_config(tmp_path, source_timezones={"dailyledger.example": "America/New_York"})
    page = _text_page(tmp_path, "Posted May 24, 2026 10:05 am")
    ingested = ingest_one(
        page, config, category="Monde", source_url="https://www.dailyledger.example/news/1"
    )
    assert ingested.data["date"] == "2026-05-24T10:05:00-04:00"
    assert ingested.data["date_zone"] == "source"
    assert ingested.result.line().endswith(
        "zone assumed: America/New_York, from CHRONIQUE_SOURCE_TIMEZONES)"
    )


def test_an_evening_time_in_a_zone_ahead_of_the_archive_is_not_after_a_same_day_capture(
    tmp_path,
):
    """21:37 in Tokyo is before the end of the capture day there, though 21:37 in Paris
    would be after it: the capture is compared with the time in the source's zone."""
    config = make_config(tmp_path, source_timezones={"tokyoledger.example": "Asia/Tokyo"})
    page = _text_page(tmp_path, "Posted January 13, 2025 9:37 pm")
    ingested = ingest_one(
        page,
        config,
        category="Monde",
        source_url="https://www.tokyoledger.example/news/1",
        retrieved=date(2025, 1, 13),
    )
    assert ingested.data["date"] == "2025-01-13T21:37:00+09:00"


def test_a_capture_day_ends_where_the_day_ends_last(tmp_path):
    """A capture given as a bare day may be the archivist's day, not the page's: a Sydney
    page dated 13:27 UTC on that day is not after it, though the day is over in Sydney."""
    config = make_config(tmp_path, source_timezones={"sydneyledger.example": "Australia/Sydney"})
    page = _text_page(tmp_path, "Posted November 26, 2024 1:27 pm GMT")
    ingested = ingest_one(
        page,
        config,
        category="Monde",
        source_url="https://www.sydneyledger.example/news/1",
        retrieved=date(2024, 11, 26),
    )
    assert ingested.result.status is Status.WRITTEN
    assert ingested.data["date"] == "2024-11-26T13:27:00+00:00"


def test_a_time_without_zone_and_no_source_setting_says_the_archive_zone(tmp_path, config):
    ingested = ingest_one(
        _text_page(tmp_path, "Publié le 18 juil. 2024 à 08h01", FR_BODY), config, category="France"
    )
    assert ingested.data["date"] == "2024-07-18T08:01:00+02:00"
    assert ingested.data["date_zone"] == "archive"
    assert "zone assumed: Europe/Paris, from TIMEZONE" in ingested.result.line()
    path = ingested.result.output
    meta, errors = parse_article_meta(parse_front_matter(path, path.read_text()), SECTIONS)
    assert errors == [] and meta.date_zone == "archive"


def test_an_unknown_date_zone_fails_the_check(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: T\ndate: 2024-07-18T08:01:00+02:00\ndate_zone: guessed\n"
        "category: France\nslug: t\n---\nText.\n"
    )
    meta, errors = parse_article_meta(parse_front_matter(path, path.read_text()), SECTIONS)
    assert meta is None and "date_zone" in str(errors[0])


def test_an_unknown_source_zone_is_a_settings_error(tmp_path):
    settings = {"PATH": "c", "OUTPUT_PATH": "o", "THEME": "t"}
    with pytest.raises(ValueError, match="Mars/Olympus"):
        config_from_settings(
            {**settings, "CHRONIQUE_SOURCE_TIMEZONES": {"a.example": "Mars/Olympus"}}
        )


def test_a_date_after_the_capture_is_refused(tmp_path, config):
    page = _text_page(tmp_path, "Published July 18, 2024 3:45 PM EDT")
    ingested = ingest_one(page, config, category="Monde", retrieved=date(2024, 7, 1))
    assert ingested.result.status is Status.FAILED
    assert "after its capture (2024-07-01)" in ingested.result.reason


def test_a_relative_date_is_counted_back_from_a_capture_time(tmp_path, config):
    page = _text_page(tmp_path, "Publié il y a 3 heures", FR_BODY)
    captured = datetime(2024, 7, 18, 15, 0, tzinfo=timezone(timedelta(hours=2)))
    ingested = ingest_one(page, config, category="France", retrieved=captured)
    assert ingested.data["date"] == "2024-07-18T12:00:00+02:00"
    assert ingested.data["date_source"] == "capture"
    assert ingested.data["source"]["retrieved"] == "2024-07-18T15:00:00+02:00"


def test_a_relative_date_and_a_capture_day_is_still_no_date(tmp_path, config):
    page = _text_page(tmp_path, "Publié il y a 3 heures", FR_BODY)
    ingested = ingest_one(page, config, category="France", retrieved=date(2024, 7, 18))
    assert ingested.result.status is Status.FAILED


def _html_page(tmp_path: Path, head: str) -> Path:
    paragraphs = "".join(f"<p>{p}</p>" for p in EN_BODY.splitlines())
    html = (
        f"<!doctype html><html lang='en'><head><title>Schools plan</title>{head}</head><body>"
        "<nav><a href='/'>Home</a></nav><article><h1>City Council Approves a Plan to Renovate "
        f"a Dozen Schools</h1>{paragraphs}</article></body></html>"
    )
    return write_input(tmp_path, "page.html", html)


def _json_ld(published: str) -> str:
    return (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        f'"@type": "NewsArticle", "datePublished": "{published}"}}</script>'
    )


def test_html_placeholder_date_is_not_trusted(tmp_path, config):
    head = _json_ld("0001-01-01T00:00:00Z") + (
        '<meta property="article:published_time" content="2024-09-03T04:03:19-04:00">'
    )
    ingested = ingest_one(_html_page(tmp_path, head), config, category="Monde")
    assert ingested.data["date"] == "2024-09-03T04:03:19-04:00"


def test_html_with_only_a_placeholder_date_is_refused(tmp_path, config):
    ingested = ingest_one(
        _html_page(tmp_path, _json_ld("0001-01-01T00:00:00Z")), config, category="Monde"
    )
    assert ingested.result.status is Status.FAILED
    assert "placeholders" in ingested.result.reason


def test_html_offsetless_time_yields_to_the_same_time_with_its_zone(tmp_path, config):
    head = '<meta property="article:published_time" content="2024-09-03T04:03:19">' + _json_ld(
        "2024-09-03T04:03:19Z"
    )
    ingested = ingest_one(_html_page(tmp_path, head), config, category="Monde")
    assert ingested.data["date"] == "2024-09-03T04:03:19+00:00"
    assert "date_zone" not in ingested.data


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("06. 01. 2026, 14:59\u00a0Uhr Lesedauer: 4 Minuten", "2026-01-06T14:59:00+01:00"),
        ("17.04.2024, 12:24Lesezeit: 5 Min.", "2024-04-17T12:24:00+02:00"),
        ("28.\u20094.\u20092023, 18:41 Uhr", "2023-04-28T18:41:00+02:00"),
        ("2025年1月13日 20時01分", "2025-01-13T20:01:00+01:00"),
        ("2025年1月14日（火）", "2025-01-14T00:00:00+01:00"),
        ("公開日：2025/01/31 11:30", "2025-01-31T11:30:00+01:00"),
        ("입력 2026.07.12 22:09", "2026-07-12T22:09:00+02:00"),
        ("17:41 JST,\u2002October 13, 2024", "2024-10-13T17:41:00+09:00"),
        ("Friday, 22 Nov 2024 4:55 PM MYT", "2024-11-22T16:55:00+08:00"),
        ("Sep 2, 2024, 17:07 IST", "2024-09-02T17:07:00+05:30"),
        ("Thứ tư, 22/10/2025, 19:25 (GMT+7)", "2025-10-22T19:25:00+07:00"),
        ("October 23, 2025 5:50 pm CET", "2025-10-23T17:50:00+02:00"),  # 'CET' in summer
        ("Offentliggjort torsdag 06. feb 2025 17:25", "2025-02-06T17:25:00+01:00"),
        ("Publisert: 05.08.24 kl. 14:47", "2024-08-05T14:47:00+02:00"),
        ("Publikacja: 02.02.2025 21:52", "2025-02-02T21:52:00+01:00"),
        ("söndag 2 augusti 2026", "2026-08-02T00:00:00+02:00"),
        ("02 Ago 2017", "2017-08-02T00:00:00+02:00"),
        # a weekday's abbreviation before a numeric date, in the languages whose months are
        ("Do 25.04.24 14:07 Uhr", "2024-04-25T14:07:00+02:00"),
        ("Di., 23.04.2024, 10:00 Uhr", "2024-04-23T10:00:00+02:00"),
        ("mar 12/03/2024 10:16 horas", "2024-03-12T10:16:00+01:00"),
    ],
)
def test_printed_dates_of_more_countries(text, iso):
    """German, Nordic, Polish, Vietnamese, East Asian and Indian prints of a date."""
    statement = read_date_statement(text, PARIS)
    assert statement is not None and statement.value is not None
    assert statement.value.isoformat() == iso


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Sist oppdatert 09.05.2024 20:24", "modified"),
        ("Aktualizacja: 19.04.2026 19:45", "modified"),
        ("Son Güncelleme : 30.04.2024 - 16:49", "modified"),
        ("更新日：2025/01/31 11:30", "modified"),
        ("Giriş: 03.07.2024 18:24", "published"),
        # a Korean paper's 'article entered' and 'article revised', the date in brackets
        ("기사입력 :[ 2018-08-25 15:24 ]", "published"),
        ("기사수정 :[ 2018-08-26 09:10 ]", "modified"),
    ],
)
def test_update_keywords_of_more_languages(text, kind):
    statement = read_date_statement(text, PARIS)
    assert statement is not None and statement.kind == kind and statement.value is not None


@pytest.mark.parametrize(
    ("segment", "before", "after", "iso"),
    [
        ("Anna Berger24.04.2024, 19:35 Uhr", "Anna Berger", "", "2024-04-24T19:35:00+02:00"),
        ("28.4.2023 18:41 Uhr teilen", "", "teilen", "2023-04-28T18:41:00+02:00"),
        ("11.07.2026, 09:30 UhrStuttgart", "", "stuttgart", "2026-07-11T09:30:00+02:00"),
        ("Geschrieben am 15. April 2025 in Nachrichten", "", "in nachrichten", "2025-04-15"),
        ("22 Dec, 2016 22 Dec, 2016", "", "", "2016-12-22"),  # copied twice
    ],
)
def test_a_date_among_other_words(segment, before, after, iso):
    found = read_embedded_date(segment, PARIS)
    assert found is not None and (found.before, found.after) == (before, after)
    assert found.statement.value.isoformat().startswith(iso)


@pytest.mark.parametrize(
    "segment",
    [
        "December 25, 2023/January 1, 2024, Issue",  # a magazine issue's range
        "28.04.2023: Bundestag beschließt das Gesetz",  # a dated headline
        "Politik 05.08.2024 03:33 min",  # a video's length
    ],
)
def test_no_date_among_words_that_make_it_no_date(segment):
    assert read_embedded_date(segment, PARIS) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Publiée le 3 mars 2024 à 10h00", "published"),  # a video, a dispatch, an op-ed
        ("Diffusée le 3 mars 2024 à 20h00", "published"),
        ("Parue le 3 mars 2024", "published"),
        ("Parution le 3 mars 2024", "published"),
        ("Modifiée le 4 mars 2024 à 11h00", "modified"),
        ("Actualisée le 4 mars 2024 à 11h00", "modified"),
    ],
)
def test_a_keyword_and_its_longer_form_both_label_the_date(text, kind):
    """'Publiée' is not read as 'Publié' and a stray 'e': the keyword says what the date is."""
    statement = read_date_statement(text, PARIS)
    assert statement is not None and statement.value is not None
    assert (statement.kind, statement.labelled) == (kind, True)


@pytest.mark.parametrize(
    "text",
    [
        "Par Anna Berger, publié le 18 juil. 2024 à 08:01",
        "By Jordan Miles November 19, 2019, 07:47 PM EST",
        "Reuters Nov. 19th 2019 8:54 am PT",
        "GEARAPR 28, 2024",  # a label copied against the month
        "Publicado el 2 de diciembre de 2024 a las 10:16",
        "Tobias Mühlbauer24.04.2024, 19:35 Uhr",
        "dpaMM-Redaktion Palma, Mallorca15.04.25 09:56",
        "06. 01. 2026, 14:59\u00a0Uhr Lesedauer: 4 Minuten",
        "28.\u20094.\u20092023, 18:41 Uhr",
        "Mis en ligne 2024-07-18T08:01:00+02:00",
        "渡辺洋介2025年1月13日 21時37分",
        "입력 2026.07.12 22:09",
    ],
)
def test_a_line_holding_a_date_is_known_to_hold_one(text):
    """The test run before the readers that try every word of a line lets through every
    date they read, whatever stands around it."""
    assert holds_date(text)


@pytest.mark.parametrize(
    "text",
    [
        "Les syndicats ont obtenu 1 500 postes en 2024, selon le ministre.",
        "The council approved 2,400 new homes in 2019 and 300 more this year.",
        "Un budget de 300 millions pour 2026, puis 12 en 2027",
    ],
)
def test_a_line_with_numbers_but_no_date_holds_none(text):
    assert not holds_date(text)


def test_a_time_cut_after_its_minutes_leaves_the_day_only():
    """Börsen-Zeitung style: the time lost its seconds and its half of the day ('3:48:' for
    15:48): the day is printed, the time is no evidence."""
    found = read_embedded_date("Frankfurt, October 23, 2024, 3:48: Uhr", PARIS)
    assert found is not None and found.before == "Frankfurt"
    assert found.statement.value == datetime(2024, 10, 23, tzinfo=found.statement.value.tzinfo)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Pubblicato il 4 febbraio 2025", "published"),
        ("Aggiornato il 4 febbraio 2025 alle 14:41", "modified"),
        ("modifica il 6 gennaio 2025", "modified"),
        ("Publié il y a 3 heures", "published"),  # 'il' opens a relative date here
    ],
)
def test_italian_date_keywords_and_their_article(text, kind):
    statement = read_date_statement(text, PARIS)
    assert statement is not None and statement.kind == kind
    assert (statement.value is None) == statement.relative == text.startswith("Publié")


@pytest.mark.parametrize(
    ("header", "iso"),
    [
        ("Anna Berger24.04.2024, 19:35 Uhr", "2024-04-24T19:35:00+02:00"),
        ("Von Lena Vogt, Lille 05.08.2024, 20:59 Uhr", "2024-08-05T20:59:00+02:00"),
        ("山田太郎2025年1月13日 21時37分", "2025-01-13T21:37:00+01:00"),
        ("Publisert torsdag 09. mai 2024 - 13:26", "2024-05-09T13:26:00+02:00"),
        ("Published\nMay 15, 2025 8:00 PM EDT\nUpdated\nMay 15, 2025 8:57 PM EDT", None),
        # the i-news style: a share bar's labels copied under the date line, in lowercase
        (
            "Jane Porter\nJanuary 28, 2025 11:30 am GMT (Updated 11:54 am)\n"
            "cancel email    link share Share bookmark Save\nshare cancel email    link bookmark",
            "2025-01-28T11:30:00+00:00",
        ),
        # the Wired style: the section label in capitals run into the month
        ("SCOTT GILBERTSON GEAR TEAM\nGEARAPR 28, 2024 10:00 AM EDT", "2024-04-28T10:00:00-04:00"),
        # the dpa and local-paper style: 'Von' and an agency or the paper's name
        ("Von dpa 30.04.2024, 18:58", "2024-04-30T18:58:00+02:00"),
        ("von Stadtspiegel 30. Juni 2025", "2025-06-30T00:00:00+02:00"),
        # the ABC style: an update given as a time only, beside the day
        ("Córdoba\n25/04/2026 Actualizado a las 15:10h.", "2026-04-25T00:00:00+02:00"),
        # the science-magazine style: the byline, the stored timestamp, the section's name
        ("By Ruth Okafor 2021-03-02T14:05:11Z Planet Earth", "2021-03-02T14:05:11+00:00"),
        ("By Ruth Okafor - Staff Writer 2021-03-02T14:05:11Z Space", "2021-03-02T14:05:11+00:00"),
        # a blog theme's meta line: the author, the day, the post's categories
        (
            "Marina Costa 27/09/2018 Comente! Receitas, Doces e Bolos, Festas",
            "2018-09-27T00:00:00+02:00",
        ),
        ("21/06/2014 Tom Hadley All, Books, Kit Reviews, News", "2014-06-21T00:00:00+02:00"),
    ],
)
def test_date_lines_of_more_sites(tmp_path, config, header, iso):
    """A name run into its date, a name and a place, a label on a line of its own."""
    ingested = ingest_one(_text_page(tmp_path, header), config, category="Monde")
    assert ingested.data["date"] == (iso or "2025-05-15T20:00:00-04:00")
    if iso is None:
        assert ingested.data["modified"] == "2025-05-15T20:57:00-04:00"


@pytest.mark.parametrize(
    "line",
    [
        "The launch was logged at 2021-03-02T14:05:11Z by the station, then twice again",
        "12/03/2019 Paris, Lyon, Lille and Marseille saw protests",
        "Anna Berg 12/03/2019 Paris, Lyon and Lille saw protests on Saturday night.",
        "Updated November 18 after the storm hit",
    ],
)
def test_a_sentence_with_a_timestamp_or_commas_after_a_date_is_no_date_line(line):
    assert classify_line(line, text_rules()).kind != Kind.META


def test_a_date_printed_after_the_text_signs_it(tmp_path, config):
    """Taz style: the section labels and the date under the last paragraph."""
    page = write_input(
        tmp_path,
        "page.txt",
        "Home\nCity Council Approves a Plan to Renovate a Dozen Schools\n"
        f"{EN_BODY}Politik\nDeutschland\n28.\u20094.\u20092023, 18:41 Uhr\nKommentar von\nShare",
    )
    ingested = ingest_one(page, config, category="Monde")
    assert ingested.data["date"] == "2023-04-28T18:41:00+02:00"


def test_the_articles_own_card_in_a_list_dates_a_page_that_gives_only_a_relative_date(
    tmp_path, config
):
    """Namibian style: 'Published: 5 hours ago' under the headline; the 'Latest News' list
    after the text names the article again, with its day."""
    title = "City Council Approves a Plan to Renovate a Dozen Schools"
    header = "Local News, Top Story | Published: 5 hours ago | Written by Jane Porter"
    cards = (
        f"Latest News\n{title}\n20 February, 2024\n"
        "Harbour Ferry Returns After Winter Repairs\n19 February, 2024\n"
    )
    page = _text_page(tmp_path, header, f"{EN_BODY}{cards}")
    ingested = ingest_one(page, config, category="Monde")
    assert ingested.data["date"] == "2024-02-20T00:00:00+01:00"


def test_a_date_line_after_the_text_with_its_update_signs_it(tmp_path, config):
    """Corriere style: the day and its update in parentheses under the last paragraph."""
    body = f"{EN_BODY}5 gennaio 2025 ( modifica il 6 gennaio 2025 | 15:24)\n"
    ingested = ingest_one(_text_page(tmp_path, "By Jane Porter", body), config, category="Monde")
    assert ingested.data["date"] == "2025-01-05T00:00:00+01:00"


def test_the_articles_own_card_outranks_the_mastheads_day_above_the_headline(tmp_path, config):
    """Lesotho Times style: today's date in the masthead; the article's day printed on its own
    line in the list of latest stories, run into its headline."""
    title = "City Council Approves a Plan to Renovate a Dozen Schools"
    page = write_input(
        tmp_path,
        "page.txt",
        f"November 24, 2025\nHome\nLocal News\nSport\n{title}\nBy Jane Porter\n{EN_BODY}"
        f"Latest Stories\n{title} November 21, 2025\n"
        "Harbour Ferry Returns After Winter Repairs November 20, 2025\n",
    )
    ingested = ingest_one(page, config, category="Monde")
    assert ingested.data["date"] == "2025-11-21T00:00:00+01:00"


def test_a_teasers_date_after_the_text_is_not_the_articles(tmp_path, config):
    body = (
        f"{EN_BODY}Recommended\nRemembering the City's Oldest Neon Sign\nMark Byrnes\n"
        "Jul 17, 2014\n"
    )
    page = _text_page(tmp_path, "By Jane Porter", body)
    ingested = ingest_one(page, config, category="Monde")
    assert (
        ingested.result.status is Status.FAILED and "no publication date" in ingested.result.reason
    )


def test_a_cards_date_inside_the_text_is_not_the_articles(tmp_path, config):
    """Seznam style: a related story's headline and date set between two paragraphs."""
    first, second, third = EN_BODY.splitlines()
    body = (
        f"{first}\n{second}\nMayor Unveils Budget Plan for Next Year\n23. 12. 2024 13:31\n{third}\n"
    )
    ingested = ingest_one(_text_page(tmp_path, "By Jane Porter", body), config, category="Monde")
    assert (
        ingested.result.status is Status.FAILED and "no publication date" in ingested.result.reason
    )


def test_a_cards_date_read_as_the_header_of_the_longer_text_after_it_is_not_the_articles(
    tmp_path, config
):
    """Seznam style, a card set early in the text: three paragraphs, a related story's
    headline and date, then the longer part of the text. Read from after the card, the text
    leaves the card's date in its header; it is still the card's."""
    first = "\n\n".join(
        (
            "The council's housing committee met on Tuesday evening to review the plan, which "
            "has been debated for more than a year by residents of the northern districts.",
            "Parents had asked for the work since a ceiling fell in a classroom two winters ago, "
            "and their association collected signatures in every school of the city.",
            "The opposition voted against the plan, saying the cost had doubled since the first "
            "estimate and that the budget left nothing for the sports halls.",
        )
    )
    later = "\n\n".join(
        f"Point {n}: the renovation of the schools will begin next summer at the two oldest "
        "buildings, whose roofs have leaked for several winters, the mayor said in a statement "
        "after the vote, adding that the work would take three years."
        for n in range(6)
    )
    page = write_input(
        tmp_path,
        "page.txt",
        "Home\nNews\nLocal\n\nCity Council Approves a Plan to Renovate a Dozen Schools\n"
        f"Jane Porter\nPhoto: Daily Ledger\n\n{first}\n\n"
        f"Mayor Unveils Budget Plan for Next Year\n23. 12. 2024 13:31\n\n{later}\n",
    )
    ingested = ingest_one(page, config, category="Monde")
    assert (
        ingested.result.status is Status.FAILED and "no publication date" in ingested.result.reason
    )


def test_a_quotes_attribution_is_no_date_line(tmp_path, config):
    """An embedded post signed '— NAME (@handle) date' dates the post, not the article."""
    first, second, third = EN_BODY.splitlines()
    body = f"{first}\n{second}\nWe did it!\n— Jane Doe (@janedoe) September 15, 2024\n{third}\n"
    ingested = ingest_one(_text_page(tmp_path, "By Jane Porter", body), config, category="Monde")
    assert (
        ingested.result.status is Status.FAILED and "no publication date" in ingested.result.reason
    )


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Publiziert heute um 12:19 Uhr", "2024-07-18T12:19:00+02:00"),
        ("Publié hier à 10h30", "2024-07-17T10:30:00+02:00"),
        ("Today", "2024-07-18T00:00:00+02:00"),
        ("Publié il y a 3 heures", None),  # which day? the capture's day does not say
        ("2 days ago", None),
    ],
)
def test_a_capture_day_dates_only_a_relative_date_that_names_its_day(text, iso):
    value = resolve_relative(text, date(2024, 7, 18), PARIS)
    assert (value.isoformat() if value else None) == iso


def test_a_page_dated_today_by_a_capture_day(tmp_path, config):
    page = _text_page(tmp_path, "Publié aujourd'hui à 10h30", FR_BODY)
    ingested = ingest_one(page, config, category="France", retrieved=date(2024, 7, 18))
    assert ingested.data["date"] == "2024-07-18T10:30:00+02:00"
    assert ingested.data["date_source"] == "capture"


def test_a_numeric_date_with_a_twelve_hour_clock_is_written_month_first():
    """Lifehacker style: '3/09/15 8:00am' is March 9 (a day-first page writes 24-hour time)."""
    statement = read_date_statement("3/09/15 8:00am", PARIS)
    assert statement is not None and statement.value.isoformat() == "2015-03-09T08:00:00+01:00"


def test_a_date_copied_against_its_age_is_read(tmp_path, config):
    """WordPress news-theme style: the date, how long ago it was and the views, set side by
    side and copied without a space between the year and the age ('20233 years')."""
    header = "April 10, 20233 years Newsroom 142 Views"
    ingested = ingest_one(_text_page(tmp_path, header), config, category="Monde")
    assert ingested.data["date"] == "2023-04-10T00:00:00+02:00"
    assert "142 Views" not in ingested.body
