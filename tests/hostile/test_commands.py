"""Hostile command-line inputs: each one is refused with a clear message and writes nothing,
or is accepted as documented; report lines cannot be forged by a crafted file name."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from chronique.cli.main import main
from chronique.content.frontmatter import parse_front_matter
from tests.conftest import SiteCopy


@dataclass(frozen=True)
class Refused:
    argv: list[str]
    message: str


def tree(root: Path) -> list[Path]:
    return sorted(root.rglob("*"))


REFUSED_NEW = {
    "day not in the calendar": Refused(
        ["--date", "2025-02-30"], "--date '2025-02-30' is not a valid date (day is out of range"
    ),
    "month 13": Refused(["--date", "2025-13-01"], "--date '2025-13-01' is not a valid date"),
    "words for a date": Refused(["--date", "hier"], "--date 'hier' is not a valid date"),
    "time without offset": Refused(["--date", "2025-03-15T10:30"], "has no UTC offset"),
    "slug escaping the project": Refused(
        ["--slug", "../../../../../../x"], "'../../../../../../x' is not a valid slug"
    ),
    "slug naming the README": Refused(["--slug", "../../README"], "is not a valid slug"),
    "slug with a folder": Refused(["--slug", "a/b"], "'a/b' is not a valid slug"),
    "slug absolute": Refused(["--slug", "/tmp/x"], "is not a valid slug"),
    "slug empty": Refused(["--slug", ""], "the slug is empty"),
    "slug in capitals": Refused(["--slug", "Titre"], "e.g. 'titre'"),
    "slug of two dots": Refused(["--slug", ".."], "'..' is not a valid slug"),
    "slug with a suffix": Refused(["--slug", "con.md"], "'con.md' is not a valid slug"),
    "slug with a double hyphen": Refused(["--slug", "un--deux"], "e.g. 'un-deux'"),
    "unknown section": Refused(["--category", "Inconnue"], "'Inconnue' is not a section"),
    "section as a path": Refused(["--category", "../x"], "'../x' is not a section"),
    "offset out of range": Refused(["--date", "2025-03-15T10:30+25:00"], "is not a valid date"),
    "date in year 1": Refused(["--date", "0001-01-01"], "year 1 is outside"),
}
#: What ``new`` accepts and ``check`` then refuses (strict xfail: a fix shows); each reason
#: opens with its kind of failure.
NEW_GAPS: dict[str, str] = {}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            case,
            id=name,
            marks=[pytest.mark.xfail(reason=NEW_GAPS[name], strict=True)]
            if name in NEW_GAPS
            else [],
        )
        for name, case in REFUSED_NEW.items()
    ],
)
def test_new_refuses_bad_input_and_writes_nothing(
    site: SiteCopy, case: Refused, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree(site.root.parent)
    status = main(["new", "Un titre", "--category", "Monde", *case.argv])
    err = capsys.readouterr().err
    assert status == 1
    assert case.message in err
    assert tree(site.root.parent) == before


@pytest.mark.parametrize(
    "title",
    ["Un titre \udced cassé", "\udc80", "   "],
    ids=["lone surrogate", "only a surrogate", "blank"],
)
def test_new_refuses_a_title_that_is_not_text(
    site: SiteCopy, title: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree(site.root)
    assert main(["new", title, "--category", "Monde"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"holds U\+DC[0-9A-F]{2} at position \d+|the title is empty", err), err
    assert tree(site.root) == before


def test_new_keeps_the_time_and_offset_of_a_moment(
    site: SiteCopy, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "Un titre", "--category", "Monde", "--date", "2025-03-15T22:30-05:00"]) == 0
    path = site.root / capsys.readouterr().out.strip()
    assert path.parent == site.content / "articles" / "2025" / "03"
    fm = parse_front_matter(path, path.read_text(encoding="utf-8"))
    assert str(fm.data["date"]) == "2025-03-15T22:30:00-05:00"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2025-13-01", "--retrieved '2025-13-01' is not a valid date (month must be in 1..12)"),
        ("hier", "--retrieved 'hier' is not a valid date"),
        ("2025-03-15T10:30", "--retrieved '2025-03-15T10:30' has no UTC offset"),
        ("2025-03-15T25:00+01:00", "is not a valid date (hour must be in 0..23)"),
    ],
)
def test_ingest_refuses_an_invalid_retrieved(
    site: SiteCopy, value: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    page = site.root / "page.txt"
    page.write_text("Un titre\n\nUn texte.\n", encoding="utf-8")
    before = tree(site.root)
    assert main(["ingest", "--retrieved", value, str(page)]) == 2
    assert message in capsys.readouterr().err
    assert tree(site.root) == before


CRAFTED_NAME = "a,line=1,title=x::b%0A\x1b[31m\u202e.md"


def unescape_property(value: str) -> str:
    """GitHub's decoding of a workflow-command property."""
    for code, char in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        value = value.replace(code, char)
    return value


@pytest.fixture
def crafted(site: SiteCopy) -> Path:
    """A broken article whose file name tries to forge annotations and terminal output."""
    return site.write_article(f"2025/03/{CRAFTED_NAME}", "---\ntitle: [\n---\nTexte.\n")


def test_github_annotation_keeps_a_crafted_file_name_in_its_property(
    crafted: Path, site: SiteCopy, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--format", "github", str(crafted)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines
    for line in lines:
        head, _, _message = line.partition("::")[2].partition("::")
        properties = dict(p.split("=", 1) for p in head.split(" ", 1)[1].split(","))
        assert set(properties) == {"file", "line", "col", "title"}
        shown = unescape_property(properties["file"])
        assert shown.replace("\\x1b", "\x1b").replace("\\u202e", "\u202e") == str(
            crafted.relative_to(site.root)
        )
        assert properties["line"].isdigit()


@pytest.mark.parametrize("style", ["text", "github"])
def test_report_lines_hold_no_control_characters(
    crafted: Path, style: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--format", style, str(crafted)]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines and len(lines) == out.count("\n")
    for line in lines:
        assert not [c for c in line if unicodedata.category(c) in ("Cc", "Cf")], repr(line)


def test_check_warns_about_what_new_left_to_replace(
    site: SiteCopy, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "Un titre", "--category", "Monde", "--date", "2025-03-15"]) == 0
    path = site.root / capsys.readouterr().out.strip()
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r":\d+:1: warning: tags: no tags", out), out
    assert "warning: the body still holds the placeholder text" in out
    text = path.read_text(encoding="utf-8")
    written = re.sub(r"(?s)\n---\n.*", "\n---\n\nLe vrai texte de l’article.\n", text, count=1)
    path.write_text(written.replace("tags: []", "tags: [Ukraine]"), encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert "warning" not in capsys.readouterr().out
