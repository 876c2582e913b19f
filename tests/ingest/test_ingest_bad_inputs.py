"""Acceptance 3: every bad input gets its own one-line reason, and the batch goes on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from chronique.ingest import IngestOptions, Status, ingest_paths
from tests.ingest.helpers import FIXTURES, ingest_one, write_input

PROSE = (
    "Les forces en présence ont échangé des tirs pendant toute la nuit, selon des témoins "
    "joints par téléphone, qui décrivent une situation très tendue dans le centre-ville. "
)
CHROME_ONLY = (
    "Accueil\nMenu\nSe connecter\nPartager\nFacebook\nTwitter\n"
    "Nous utilisons des cookies pour améliorer votre expérience de navigation.\n"
    "Tout accepter\nLes + Lus\n© Le Quotidien 2025\n"
)
TITLE_ONLY = (
    "Monde\nUn titre d’article sans aucun texte en dessous\n"
    "Publié le 15 mars 2025 à 10h30\nPartager\nLaisser un commentaire\n"
)
BAD_INPUTS = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b" \r\n\r\n\t\n", "empty file"),
    "image.txt": (
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        "binary file (PNG image), not a text or HTML page",
    ),
    "blob.html": (
        b"<html>\x00\x01\x02\x03" * 50,
        "binary file (NUL bytes), not a text or HTML page",
    ),
    "chrome.txt": (CHROME_ONLY.encode(), "only page chrome: no title and no article text found"),
    "title.txt": (TITLE_ONLY.encode(), "title only: no article text under the headline"),
    "invalid.txt": (
        "Titre de l’article\n".encode() + b"Un texte \x81\x9d illisible.\n",
        "not valid UTF-8 (byte 0x81 at offset 30) nor Windows-1252: re-save the file as UTF-8",
    ),
    "mojibake.txt": (  # 'Ã…' may be 'Å' garbled or a capital 'Ã' before '…': not repairable
        "Monde\nÃ… la une €Ã‰TÃ‰ Ã…\n".encode(),
        "garbled encoding (mojibake such as 'Ã…': UTF-8 read as Windows-1252 before it was "
        "saved) that does not decode back: fix the file's encoding",
    ),
    "nobody.html": (
        b"<!DOCTYPE html><html><head><title>Un article sans corps</title>"
        b'<meta property="article:published_time" content="2025-03-15T10:00:00+01:00">'
        b"</head></html>",
        "HTML page without <body>: no article text to extract",
    ),
    "titleonly.html": (
        b"<html><head><title>Un titre seul</title></head><body><h1>Un titre seul</h1></body></html>",
        "title only: no article text in the HTML page",
    ),
    "controls.txt": (
        ("Monde\nUn titre\n" + "Des octets \x01\x02\x03\x1b[0m de terminal. " * 20).encode(),
        "binary file (control characters), not a text or HTML page",
    ),
    "notes.csv": (
        b"a,b\n1,2\n",
        "unsupported file type '.csv' (expected .txt, .text, .md, .html or .htm)",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_has_its_own_reason(tmp_path, config, name):
    content, reason = BAD_INPUTS[name]
    ingested = ingest_one(write_input(tmp_path / "in", name, content), config)
    assert ingested.result.status is Status.FAILED
    assert ingested.result.reason == reason
    assert "\n" not in ingested.result.line()


def test_a_five_megabyte_text_is_refused_by_size(tmp_path, config):
    content = ("Monde\nUn titre\n" + PROSE * 30_000).encode()[:5_000_000]
    huge = write_input(tmp_path, "huge.txt", content)
    ingested = ingest_one(huge, config)
    assert ingested.result.reason == (
        "too large for one article (5.0 MB; the limit for text pages is 1 MB)"
    )


def test_the_size_limit_is_a_setting(tmp_path, config):
    page = write_input(tmp_path, "page.txt", (FIXTURES / "figaro_economie.txt").read_bytes())
    ingested = ingest_one(page, config, max_text_bytes=100)
    assert ingested.result.reason.startswith("too large for one article")


def test_a_few_control_characters_do_not_make_a_text_binary(tmp_path, config):
    text = (FIXTURES / "figaro_economie.txt").read_text("utf-8").replace("\n\n", "\n\x0b\n", 3)
    ingested = ingest_one(write_input(tmp_path, "page.txt", text.encode()), config)
    assert ingested.result.status is Status.WRITTEN


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path, config):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    assert ingest_one(pipe, config).result.reason == "not a regular file"


def test_missing_path(tmp_path, config):
    ingested = ingest_one(tmp_path / "nowhere.txt", config)
    assert ingested.result.reason == "no such file or folder"


def test_bad_inputs_do_not_stop_the_batch(tmp_path, config):
    folder = tmp_path / "batch"
    for name, (content, _) in BAD_INPUTS.items():
        if not name.endswith(".csv"):
            write_input(folder, name, content)
    write_input(folder, "zz_good.txt", (FIXTURES / "figaro_economie.txt").read_bytes())
    report = ingest_paths([folder], config, IngestOptions(quiet=True))
    assert report.exit_code == 1
    statuses = {r.input.name: r.status for r in report.results}
    assert statuses.pop("zz_good.txt") is Status.WRITTEN
    assert set(statuses.values()) == {Status.FAILED}
    assert len(report.results) == len(BAD_INPUTS)  # the .csv is not collected from a folder
    reasons = [r.reason for r in report.results if r.status is Status.FAILED]
    assert len(set(reasons)) == len(reasons) - 1  # empty.txt and blank.txt share "empty file"


def test_report_lines_name_each_input(tmp_path: Path, config):
    bad = write_input(tmp_path, "empty.txt", b"")
    good = write_input(tmp_path, "good.txt", (FIXTURES / "figaro_economie.txt").read_bytes())
    report = ingest_paths([bad, good], config, IngestOptions(quiet=True))
    assert report.lines(tmp_path) == [
        "failed: empty.txt: empty file",
        "written: good.txt -> content/articles/2025/03/"
        "la-sncf-prevoit-un-tgv-sur-deux-jeudi-en-raison-de-la-greve-des-controleurs.md"
        " (zone assumed: Europe/Paris, from TIMEZONE)",
    ]
    assert report.summary() == (
        "2 input(s): 1 written, 0 already present, 0 possible duplicate, 1 failed"
    )
