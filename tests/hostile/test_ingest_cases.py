"""Issue 19: hostile inputs to ingest, one case a row. Every file a folder holds ends in one
report line (read, or skipped with its reason); links never lead ingest out of the folder given;
a hostile source address is refused before anything is written."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from chronique.cli.main import main
from chronique.config import ChroniqueConfig
from chronique.ingest import IngestOptions, Status, ingest_paths
from tests.conftest import SiteCopy
from tests.ingest.helpers import FIXTURES, make_config

PAGE = (FIXTURES / "figaro_economie.txt").read_bytes()

Setup = Callable[[Path], None]


def put(relative: str, content: bytes = PAGE) -> Setup:
    def setup(folder: Path) -> None:
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)

    return setup


def linked(relative: str, target: Callable[[Path], Path]) -> Setup:
    def setup(folder: Path) -> None:
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(target(folder))

    return setup


def outside(relative: str) -> Callable[[Path], Path]:
    """A file (or, for a name without a dot, a folder holding a page) beside the input folder."""

    def make(folder: Path) -> Path:
        path = folder.parent / "outside" / relative
        if path.suffix:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(PAGE)
        else:
            put("page.txt")(path)
        return path

    return make


def inside(relative: str) -> Callable[[Path], Path]:
    return lambda folder: folder / relative


def fifo(relative: str) -> Setup:
    return lambda folder: os.mkfifo(folder / relative)


def unix_socket(relative: str) -> Setup:
    def setup(folder: Path) -> None:
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(folder / relative))
        server.close()

    return setup


@dataclass(frozen=True)
class Case:
    setups: tuple[Setup, ...]
    #: The line each file of the folder ends in, by its path in the folder.
    lines: dict[str, str]


def case(lines: dict[str, str], *setups: Setup) -> Case:
    return Case(setups, lines)


WRITTEN = "written"
CASES: dict[str, Case] = {
    "a PHP page": case({"a.php": "skipped: not a page type: .php"}, put("a.php")),
    "no extension": case({"LISEZMOI": "skipped: not a page type: no extension"}, put("LISEZMOI")),
    "second copy by wget": case({"a.html.1": "skipped: not a page type: .1 (rename it to end in .html to ingest it)"}, put("a.html.1")),
    "a stylesheet": case({"style.css": "skipped: not a page type: .css"}, put("style.css")),
    "upper-case .HTM is read": case({"PAGE.HTM": "failed: title only: no article text in the HTML page"}, put("PAGE.HTM", b"<html><head><title>Un titre</title></head><body><h1>Un titre</h1></body></html>")),
    "upper-case .TXT is read": case({"PAGE.TXT": WRITTEN}, put("PAGE.TXT")),
    "hidden file": case({".brouillon.txt": "skipped: hidden file"}, put(".brouillon.txt")),
    "hidden folder": case({".git": "skipped: hidden folder"}, put(".git/a.txt")),
    "editor lock file": case({".#a.txt": "skipped: hidden file"}, put(".#a.txt")),
    "named pipe in the folder": case({"x.txt": "skipped: not a regular file"}, fifo("x.txt")),
    "socket in the folder": case({"x.html": "skipped: not a regular file"}, unix_socket("x.html")),
    "broken link": case({"x.txt": "skipped: broken symbolic link"}, linked("x.txt", lambda _: Path("/nonexistent/x.txt"))),
    "link to a file outside": case({"lien.txt": "skipped: symbolic link that leads out of the folder given"}, linked("lien.txt", outside("secret.txt"))),
    "link to /proc/self/environ": case({"env.txt": "skipped: symbolic link that leads out of the folder given"}, linked("env.txt", lambda _: Path("/proc/self/environ"))),
    "link to a folder outside": case({"ailleurs": "skipped: symbolic link that leads out of the folder given"}, linked("ailleurs", outside("dossier"))),
    "link to a folder inside is followed once": case({"a/page.txt": WRITTEN, "b": "skipped: same folder as a"}, put("a/page.txt"), linked("b", inside("a"))),
    "link to a file inside is read once": case({"a.txt": WRITTEN, "b.txt": "skipped: same file as a.txt"}, put("a.txt"), linked("b.txt", inside("a.txt"))),
    "folder linking to its parent": case({"sous/page.txt": WRITTEN, "sous/boucle": "skipped: same folder as ."}, put("sous/page.txt"), linked("sous/boucle", inside("."))),
    "control characters in a name": case({"a\x1b[2Jb\n.php": "skipped: not a page type: .php"}, put("a\x1b[2Jb\n.php")),
}  # fmt: skip


def _report_lines(folder: Path, config: ChroniqueConfig) -> dict[str, str]:
    """Each report line by the input it names (relative to *folder*), its path stripped."""
    report = ingest_paths([folder], config, IngestOptions(quiet=True))
    lines: dict[str, str] = {}
    for result in (*report.results, *report.skipped):
        line = result.line(folder)
        assert "\n" not in line and "\x1b" not in line, line
        status = result.status.value
        reason = f"{status}: {result.reason}" if result.reason else status
        lines[os.path.relpath(result.input, folder)] = reason
    return lines


@pytest.mark.parametrize("name", list(CASES))
def test_every_file_of_a_folder_ends_in_a_report_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    config = make_config(tmp_path / "archive")
    folder = tmp_path / "in"
    folder.mkdir()
    monkeypatch.chdir(folder)
    for setup in CASES[name].setups:
        setup(folder)
    assert _report_lines(folder, config) == CASES[name].lines
    written = sorted(config.articles_path.rglob("*.md")) if config.articles_path.exists() else []
    assert len(written) == list(CASES[name].lines.values()).count(WRITTEN)


def test_a_report_line_escapes_control_characters_in_a_name(tmp_path: Path) -> None:
    config = make_config(tmp_path / "archive")
    put("a\x1b[2Jb\u202e.php")(tmp_path / "in")
    report = ingest_paths([tmp_path / "in"], config, IngestOptions(quiet=True))
    assert report.lines(tmp_path) == ["skipped: in/a\\x1b[2Jb\\u202e.php: not a page type: .php"]
    assert report.summary().endswith("; 1 file(s) or folder(s) skipped")
    assert report.exit_code == 0


REFUSED_SOURCE_URLS = {
    "javascript:": "javascript:alert(1)",
    "upper-case JavaScript:": " JavaScript:alert(1)",
    "tab in the scheme": "java\tscript:alert(1)",
    "data:": "data:text/html,<script>alert(1)</script>",
    "vbscript:": "vbscript:msgbox(1)",
    "relative": "/un/chemin",
    "mailto:": "mailto:redaction@example.org",
    "file:": "file:///etc/passwd",
}


@pytest.mark.parametrize("url", REFUSED_SOURCE_URLS.values(), ids=REFUSED_SOURCE_URLS.keys())
def test_ingest_refuses_a_source_url_that_is_not_a_web_address(
    site: SiteCopy, url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    page = site.root / "page.txt"
    page.write_bytes(PAGE)
    before = sorted(site.root.rglob("*"))
    assert main(["ingest", "--source-url", url, str(page)]) == 2
    err = capsys.readouterr().err
    assert "is not a web address (http:// or https://)" in err
    assert "\t" not in err
    assert sorted(site.root.rglob("*")) == before


def test_a_javascript_canonical_link_is_not_the_source(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    page = tmp_path / "page.html"
    page.write_text(
        '<html lang="fr"><head><title>Un titre</title>'
        '<link rel="canonical" href="javascript:alert(1)">'
        '<meta property="article:published_time" content="2025-03-15T10:00:00+01:00"></head>'
        "<body><article><h1>Un titre</h1>"
        + "<p>Les forces en présence ont échangé des tirs toute la nuit, selon des témoins.</p>" * 5
        + "</article></body></html>",
        encoding="utf-8",
    )
    options = IngestOptions(quiet=True, category="Monde", source_url="https://example.org/a")
    (result,) = ingest_paths([page], config, options).results
    assert result.status is Status.WRITTEN, result.line()
    assert result.output is not None
    text = result.output.read_text(encoding="utf-8")
    assert "javascript" not in text
    assert "https://example.org/a" in text


def test_a_named_pipe_given_by_name_is_refused_without_waiting(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    os.mkfifo(tmp_path / "x.html")
    (result,) = ingest_paths([tmp_path / "x.html"], config, IngestOptions(quiet=True)).results
    assert result.line(tmp_path) == "failed: x.html: not a regular file"


@pytest.mark.slow
def test_an_html_page_of_100000_links_does_not_hang(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    links = "".join(f'<a href="https://example.org/{i}">lien {i}</a> ' for i in range(100_000))
    page = tmp_path / "liens.html"
    page.write_text(
        "<html><head><title>Des liens</title>"
        '<meta property="article:published_time" content="2025-03-15T10:00:00+01:00">'
        f"</head><body><h1>Des liens</h1><p>{links}</p></body></html>",
        encoding="utf-8",
    )
    assert page.stat().st_size > 4_000_000
    start = time.monotonic()
    (result,) = ingest_paths([page], config, IngestOptions(quiet=True, category="Monde")).results
    assert time.monotonic() - start < 120
    assert result.status in {Status.WRITTEN, Status.FAILED}
    assert result.reason is None or "\n" not in result.reason
