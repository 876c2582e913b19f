"""Issue 15: `topics retag` rewrites only the tags of an article, atomically, and says what
it would change before it does."""

from __future__ import annotations

import errno
import os
import pathlib
import re
import stat

import pytest

from chronique.cli.commands import run_topics_retag, run_topics_suggest
from chronique.config import load_config
from chronique.content.frontmatter import parse_front_matter, with_list_field
from chronique.topics.retag import retag_archive
from tests.conftest import SiteCopy

# A contributor's file: comments, a key order of its own, a block list and a quoted title.
ARTICLE = """\
---
# Relu par la rédaction le 21 mars.
slug: frappes-sur-kiev
title: "Frappes sur Kiev : la nuit la plus longue"
date: 2025-03-20T10:00:00+01:00   # heure de Paris
tags:
  - France  # à revoir
category: Monde
summary: Kiev a été visée toute la nuit.
lang: fr
---

Des drones russes ont frappé Kiev cette nuit. L'Ukraine dénonce une attaque massive
contre ses villes ; la Russie dément. Kiev, Ukraine, Russie : le conflit continue.
"""
RELATIVE = "2025/03/frappes-sur-kiev.md"


@pytest.fixture
def article(site: SiteCopy):
    return site.write_article(RELATIVE, ARTICLE)


def test_retag_rewrites_the_tags_entry_alone(site: SiteCopy, article) -> None:
    report = retag_archive(load_config(site.settings))
    (change,) = [c for c in report.changes if c.path == article]
    assert change.before == ("France",)
    assert "Ukraine" in change.after
    assert "France" not in change.after
    text = article.read_text(encoding="utf-8")
    assert text.startswith("---\n# Relu par la rédaction le 21 mars.\nslug: frappes-sur-kiev\n")
    assert 'title: "Frappes sur Kiev : la nuit la plus longue"' in text
    assert "date: 2025-03-20T10:00:00+01:00   # heure de Paris\n" in text
    assert text.endswith(ARTICLE.split("---\n", 2)[2])
    data = parse_front_matter(article, text)
    assert not isinstance(data, Exception)
    assert list(data.data) == list(parse_front_matter(article, ARTICLE).data)  # key order
    assert data.data["tags"] == list(change.after)
    assert "  - Ukraine" in text  # still a block list at its indentation


def test_retag_leaves_no_temporary_file_and_keeps_the_mode(site: SiteCopy, article) -> None:
    article.chmod(0o640)
    assert retag_archive(load_config(site.settings)).changes
    assert article.read_text(encoding="utf-8") != ARTICLE
    assert stat.S_IMODE(article.stat().st_mode) == 0o640
    assert [name for name in os.listdir(article.parent) if not name.endswith(".md")] == []


def test_retag_twice_changes_nothing_the_second_time(site: SiteCopy, article) -> None:
    config = load_config(site.settings)
    assert retag_archive(config).changes
    assert retag_archive(config).changes == []


def test_dry_run_prints_a_diff_and_writes_nothing(site: SiteCopy, article, capsys) -> None:
    assert run_topics_retag(dry_run=True, settings_file=str(site.settings)) == 0
    out = capsys.readouterr().out
    assert article.read_text(encoding="utf-8") == ARTICLE
    assert f"--- a/content/articles/{RELATIVE}\n+++ b/content/articles/{RELATIVE}\n" in out
    assert "-  - France  # à revoir\n" in out
    assert "+  - Ukraine\n" in out


def test_an_article_that_fails_check_is_named_and_left_alone(site: SiteCopy, capsys) -> None:
    broken = site.write_article("2025/03/casse.md", ARTICLE.replace("category: Monde\n", ""))
    assert run_topics_retag(settings_file=str(site.settings)) == 1
    assert broken.read_text(encoding="utf-8") == ARTICLE.replace("category: Monde\n", "")
    assert "content/articles/2025/03/casse.md:1:1: error: not re-tagged" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("vocabulary", "line", "message"),
    [
        ("- name: [unclosed\n", 1, "invalid YAML"),
        (
            "- {name: Kiev, slug: kiev, kind: place, description: Une ville.}\n"
            "- {name: Kyiv, slug: kiev, kind: place, description: La même.}\n",
            2,
            "duplicate slug 'kiev'",
        ),
    ],
)
@pytest.mark.parametrize("command", ["retag", "suggest"])
def test_a_broken_vocabulary_is_an_error_with_its_line(
    site: SiteCopy, capsys, vocabulary: str, line: int, message: str, command: str
) -> None:
    (site.content / "topics.yml").write_text(vocabulary, encoding="utf-8")
    settings = str(site.settings)
    status = (
        run_topics_retag(settings_file=settings)
        if command == "retag"
        else run_topics_suggest([], settings_file=settings)
    )
    assert status == 1
    err = capsys.readouterr().err
    assert re.search(rf"^content/topics.yml:{line}:\d+: error: .*{re.escape(message)}", err, re.M)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ntitle: x\ntags: [A]  # c\n---\nCorps\n", "---\ntitle: x\ntags: [B, 'Yes']  # c\n---\nCorps\n"),
        ("---\ntitle: x\ntags:\n- A\n# fin\n---\nCorps", "---\ntitle: x\ntags:\n- B\n- 'Yes'\n# fin\n---\nCorps"),
        ("---\ntitle: x\n---\nCorps", "---\ntitle: x\ntags: [B, 'Yes']\n---\nCorps"),
        ("---\ntitle: x\ntags:\n---\nCorps", "---\ntitle: x\ntags: [B, 'Yes']\n---\nCorps"),
        ("\ufeff---\r\ntitle: x\r\ntags: [A]\r\n---\r\nCorps\r\n", "\ufeff---\r\ntitle: x\r\ntags: [B, 'Yes']\r\n---\r\nCorps\r\n"),
    ],
    ids=["flow", "block", "missing", "empty", "bom-crlf"],
)  # fmt: skip
def test_with_list_field_changes_that_field_only(text: str, expected: str) -> None:
    assert with_list_field(text, "tags", ["B", "Yes"]) == expected


def test_emptying_a_block_list() -> None:
    text = "---\ntitle: x\ntags:\n  - A\n  - B\nslug: s\n---\nCorps"
    assert with_list_field(text, "tags", []) == "---\ntitle: x\ntags: []\nslug: s\n---\nCorps"


def test_with_list_field_refuses_a_file_without_front_matter() -> None:
    with pytest.raises(ValueError, match="no YAML front-matter"):
        with_list_field("Juste du texte.\n", "tags", ["A"])


def test_a_failed_write_is_named_and_loses_nothing(site: SiteCopy, article, capsys, monkeypatch):
    def full_disk(self, target):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(pathlib.Path, "replace", full_disk)
    assert run_topics_retag(settings_file=str(site.settings)) == 1
    assert article.read_text(encoding="utf-8") == ARTICLE
    assert [name for name in os.listdir(article.parent) if not name.endswith(".md")] == []
    err = capsys.readouterr().err
    assert f"content/articles/{RELATIVE}:1:1: error: cannot rewrite: No space left" in err
