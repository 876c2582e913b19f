"""The site model: every content file and the vocabulary read once per build; a plain
``pelican content`` run as strict as ``invoke build``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from chronique.site.build import build_site
from tests.conftest import REPO, SiteCopy


def add_articles(site: SiteCopy, count: int) -> None:
    text = site.seed_article().read_text(encoding="utf-8")
    for n in range(count):
        site.write_article(
            f"2024/0{n + 1}/extra-{n}.md",
            re.sub(r"(?m)^slug: .*$", f"slug: extra-{n}", text).replace(
                "date: 2025-03", f"date: 2024-0{n + 1}"
            ),
        )


def count_reads(monkeypatch: pytest.MonkeyPatch) -> Counter[Path]:
    """How many times each file is read, whichever way it is read."""
    reads: Counter[Path] = Counter()
    for method in ("read_bytes", "read_text"):
        original = getattr(Path, method)

        def counting(self: Path, *args: Any, _original: Any = original, **kwargs: Any) -> Any:
            reads[self.resolve()] += 1
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(Path, method, counting)
    return reads


def test_a_build_reads_each_content_file_and_the_vocabulary_once(
    site: SiteCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_articles(site, 2)
    content_files = sorted(site.content.rglob("*.md"))
    assert len(list((site.content / "articles").rglob("*.md"))) == 3
    reads = count_reads(monkeypatch)
    build_site(site.settings, site.output)
    assert {path: reads[path.resolve()] for path in content_files} == dict.fromkeys(
        content_files, 1
    )
    assert reads[(site.content / "topics.yml").resolve()] == 1


def pelican(site: SiteCopy) -> subprocess.CompletedProcess[str]:
    """``pelican content -s pelicanconf.py`` run in the site's folder, with this checkout's
    chronique."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "1000"}  # rich: no wrapping
    return subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py"],
        cwd=site.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_plain_pelican_refuses_a_broken_article_naming_file_and_line(site: SiteCopy) -> None:
    path = site.seed_article()
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^category: .*$", "category: Mondee", text), encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("category:"))
    result = pelican(site)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"{path.name}:{line}:" in output, output
    assert not (site.output / "index.html").exists()


def test_plain_pelican_builds_a_valid_site_with_its_feeds_and_sitemap(site: SiteCopy) -> None:
    result = pelican(site)
    assert result.returncode == 0, result.stderr
    for written in ("index.html", "flux/rss.xml", "flux/atom.xml", "sitemap.xml", "robots.txt"):
        assert (site.output / written).is_file(), written


def test_feed_descriptions_speak_the_archive_language(site: SiteCopy) -> None:
    with site.settings.open("a", encoding="utf-8") as handle:
        handle.write('\nDEFAULT_LANG = "en"\nCHRONIQUE_SEARCH = False\n')
    seed = site.seed_article()  # an English archive holds English articles
    seed.write_text(seed.read_text(encoding="utf-8").replace("lang: fr", "lang: en"), "utf-8")
    build_site(site.settings, site.output)
    section_feed = (site.output / "rubriques" / "monde" / "rss.xml").read_text(encoding="utf-8")
    assert "<description>Articles in the section Monde.</description>" in section_feed


def test_a_french_archive_gets_french_feed_descriptions(built_site: SiteCopy) -> None:
    section_feed = (built_site.output / "rubriques" / "monde" / "atom.xml").read_text("utf-8")
    assert "<subtitle>Les articles de la rubrique Monde.</subtitle>" in section_feed


def test_a_rerun_of_pelican_reads_the_content_anew(site: SiteCopy) -> None:
    """``pelican --autoreload`` runs one Pelican object again after each change."""
    settings = read_settings(str(site.settings), override={"CHRONIQUE_SEARCH": False})
    runner = Pelican(settings)
    runner.run()
    add_articles(site, 1)
    runner.run()
    assert (site.output / "2024" / "01" / "extra-0" / "index.html").is_file()
