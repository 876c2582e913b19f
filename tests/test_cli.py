"""Issue 15: the command line a contributor guesses works, and the invoke form keeps working."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from chronique.cli.main import COMMANDS, build_parser, main
from tests.conftest import REPO, SiteCopy
from tests.test_check import FILE, VALID, edit, write

INVOKE = [sys.executable, "-m", "invoke", "--search-root", str(REPO)]
CHRONIQUE = [sys.executable, "-m", "chronique"]


@pytest.fixture
def two_broken(site: SiteCopy) -> tuple[Path, Path]:
    first = write(site, FILE, edit("category: Monde", "category: Mondee"))
    second = write(
        site,
        "2025/03/deuxieme.md",
        edit("slug: un-article-valide", "slug: deuxieme", edit("[Ukraine]", "[Ukrainee]")),
    )
    return first, second


def _run(command: list[str], site: SiteCopy) -> subprocess.CompletedProcess[str]:
    """*command* run in the site's folder, with this repository's package importable."""
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        command, cwd=site.root, env=environment, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    "form",
    [
        pytest.param(lambda a, b: [*CHRONIQUE, "check", a, b], id="chronique check A B"),
        pytest.param(lambda a, b: [*INVOKE, "check", "--", a, b], id="invoke check -- A B"),
        pytest.param(lambda a, b: [*INVOKE, "check", "--path", a, "--", b], id="invoke --path A -- B"),
    ],
)  # fmt: skip
def test_check_takes_two_files(site: SiteCopy, two_broken, form) -> None:
    first, second = (str(p.relative_to(site.root)) for p in two_broken)
    result = _run(form(first, second), site)
    assert result.returncode == 1
    assert f"{first}:4:1: error: category:" in result.stdout
    assert f"{second}:5:1: error: tags:" in result.stdout
    assert "2 file(s) checked: 2 error(s)" in result.stderr


def test_check_of_one_file_as_typed(site: SiteCopy, two_broken) -> None:
    first = str(two_broken[0].relative_to(site.root))
    result = _run([*CHRONIQUE, "check", first], site)
    assert result.returncode == 1
    assert result.stdout.count("error:") == 1
    assert "1 file(s) checked" in result.stderr


def test_check_of_everything_and_a_valid_file(site: SiteCopy, capsys) -> None:
    path = write(site, FILE, VALID)
    assert main(["check", str(path)]) == 0
    assert main(["check"]) == 0
    assert "0 error(s)" in capsys.readouterr().err


def test_check_github_format(site: SiteCopy, two_broken, capsys) -> None:
    assert main(["check", "--format", "github", str(two_broken[0])]) == 1
    assert capsys.readouterr().out.startswith("::error file=content/articles/")


def test_new_then_check(site: SiteCopy, capsys) -> None:
    assert main(["new", "Un titre neuf", "--category", "Monde", "--date", "2025-04-02"]) == 0
    path = capsys.readouterr().out.strip()
    assert path == "content/articles/2025/04/un-titre-neuf.md"
    assert main(["check", path]) == 0


def test_usage_errors_exit_2(site: SiteCopy, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["new", "Sans rubrique"])
    assert exit_.value.code == 2
    assert "--category" in capsys.readouterr().err


def test_every_command_has_its_help_in_both_command_lines(capsys) -> None:
    listed = subprocess.run([*INVOKE, "--list"], capture_output=True, text=True).stdout
    listed = " ".join(listed.split())
    for name, command in COMMANDS.items():
        assert f"{name} {command.summary}" in listed
        with pytest.raises(SystemExit) as exit_:
            build_parser().parse_args([*name.split("."), "--help"])
        assert exit_.value.code == 0
        assert command.summary in " ".join(capsys.readouterr().out.split())


def test_the_console_script_is_the_cli_main() -> None:
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    module, _, function = scripts["chronique"].partition(":")
    assert (module, function) == ("chronique.cli.main", "main")
