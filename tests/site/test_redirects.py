"""Issue 18: links that never rot. Aliases redirect, collisions are refused, rename keeps ids."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from chronique.cli.commands import run_rename
from chronique.cli.rename import RenameError, rename_article
from chronique.config import load_config
from chronique.content.checks import check_content
from chronique.content.frontmatter import with_field
from chronique.site.build import build_site
from tests.conftest import SiteCopy
from tests.site.helpers import VNU_JAR, collect, java, require

ARTICLE = """\
---
title: Un article déplacé
date: 2025-03-20T10:00:00+01:00
category: Monde
tags: [Ukraine]
summary: Un résumé court.
lang: fr
slug: un-article
{aliases}---

Premier paragraphe.
"""
FILE = "2025/03/un-article.md"


def write(site: SiteCopy, aliases: str, relative: str = FILE, slug: str = "un-article") -> Path:
    text = ARTICLE.format(aliases=aliases).replace("slug: un-article", f"slug: {slug}")
    return site.write_article(relative, text)


def errors(site: SiteCopy) -> list[str]:
    report = check_content(load_config(site.settings))
    return [str(problem) for problem in report.errors]


def entry_ids(feed: Path) -> set[str]:
    atom = "{http://www.w3.org/2005/Atom}"
    return {e.findtext(f"{atom}id") or "" for e in ET.parse(feed).iter(f"{atom}entry")}


def sitemap_locs(output: Path) -> set[str]:
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    return {
        loc.text or ""
        for sitemap in output.glob("sitemap*.xml")
        for loc in ET.parse(sitemap).iter(f"{ns}loc")
    }


@pytest.mark.parametrize(
    "alias",
    [
        "https://example.org/ancien/",
        "//example.org/ancien/",
        "ancien/",
        "/a/../b/",
        "/a/./b/",
        "/a//b/",
        "/",
        "/a b/",
        "/ancien/?id=3",
        "/.cache/x/",
    ],
)
def test_an_alias_must_be_a_bare_site_path(site: SiteCopy, alias: str) -> None:
    write(site, f'aliases: ["{alias}"]\n')
    (found,) = errors(site)
    assert f"{FILE}:9:1: error: aliases: alias '{alias}'" in found


@pytest.mark.parametrize(
    ("alias", "taken"),
    [
        ("/2025/03/un-article/", "the article"),  # its own address
        ("/2025/03/conflit-en-ukraine-la-russie-reprend-des-villages-dans-la-region-de-koursk",
         "the article"),
        ("/2025/", "the year page"),
        ("/2025/03/", "the month page"),
        ("/2025/03/20/", "the day page"),
        ("/sujets/ukraine/", "the topic page of 'Ukraine'"),
        ("/sujets/ukraine/page/2/", "a later page of the topic page"),
        ("/rubriques/monde/", "the section page of 'Monde'"),
        ("/rubriques/monde/rss.xml", "the section feed of 'Monde'"),
        ("/flux/ancien/", "the site's feeds folder"),
        ("/a-propos/", "the page"),
        ("/sujets/", "the 'tags' page"),
        ("/archives/", "the 'archives' page"),
        ("/recherche/", "the search page"),
        ("/sitemap.xml", "the site's sitemap.xml"),
        ("/theme/css/", "THEME_STATIC_DIR"),
        ("/pagefind/", "pagefind"),
    ],
)  # fmt: skip
def test_an_alias_on_a_live_address_is_refused(site: SiteCopy, alias: str, taken: str) -> None:
    write(site, f'aliases: ["{alias}"]\n')
    (found,) = errors(site)
    assert f"{FILE}:9:1: error: aliases:" in found and taken in found


def test_an_alias_on_a_static_file_is_refused(site: SiteCopy) -> None:
    (site.content / "images").mkdir(exist_ok=True)
    (site.content / "images" / "plan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    write(site, "aliases: [/images/plan.pdf]\n")
    (found,) = errors(site)
    assert "the file" in found and "plan.pdf" in found


def test_two_articles_may_not_share_an_alias(site: SiteCopy) -> None:
    write(site, "aliases: [/ancien/chemin/]\n")
    write(site, "aliases: ['/ancien/chemin']\n", "2025/03/autre.md", slug="autre")
    (found,) = errors(site)
    assert (
        "un-article.md:9:1: error: aliases: alias '/ancien/chemin/' is already an alias of" in found
    )
    assert found.split(" (")[0].endswith("autre.md")


def test_aliases_redirect_and_stay_out_of_sitemaps_and_search(site: SiteCopy) -> None:
    write(site, "aliases: [/2024/11/ancien-titre/, /vieux/chemin, '/caf%C3%A9/']\n")
    build_site(site.settings, site.output)
    for alias in ("2024/11/ancien-titre", "vieux/chemin", "café"):
        page = site.output / alias / "index.html"
        text = page.read_text(encoding="utf-8")
        assert '<meta http-equiv="refresh" content="0; url=/2025/03/un-article/">' in text
        assert '<link rel="canonical" href="/2025/03/un-article/">' in text
        assert '<meta name="robots" content="noindex">' in text
        assert ("a", "/2025/03/un-article/") in collect(page).urls
        assert "data-pagefind-body" not in text
    locs = sitemap_locs(site.output)
    assert "/2025/03/un-article/" in locs
    assert not [loc for loc in locs if "ancien" in loc or "vieux" in loc or "caf" in loc]


def test_publish_redirects_to_the_absolute_address(
    site: SiteCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(site, "aliases: [/vieux/chemin/]\n")
    monkeypatch.setenv("CHRONIQUE_SITEURL", "https://archive.example.org")
    build_site(site.root / "publishconf.py", site.output)
    text = (site.output / "vieux" / "chemin" / "index.html").read_text(encoding="utf-8")
    new = "https://archive.example.org/2025/03/un-article/"
    assert f'content="0; url={new}"' in text and f'rel="canonical" href="{new}"' in text


def test_redirect_pages_are_valid_html(site: SiteCopy) -> None:
    path = java()
    require(path is not None, "java (Debian default-jre-headless)")
    require(VNU_JAR.is_file(), "vnu-jar (npm ci)")
    write(site, "aliases: [/vieux/chemin/]\n")
    build_site(site.settings, site.output)
    page = site.output / "vieux" / "chemin" / "index.html"
    result = subprocess.run(
        [str(path), "-jar", str(VNU_JAR), "--errors-only", str(page)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


# ---- rename ---------------------------------------------------------------------------


def test_rename_keeps_every_other_byte_of_the_file(site: SiteCopy) -> None:
    text = "\ufeff" + ARTICLE.format(aliases="").replace(
        "slug: un-article", "slug: un-article  # permanent"
    ).replace("\n", "\r\n")
    path = site.write_article(FILE, "")
    path.write_bytes(text.encode("utf-8"))
    renamed = rename_article(load_config(site.settings), "un-article", "nouveau-titre")
    assert not path.exists() and renamed.new_path.name == "nouveau-titre.md"
    expected = (
        text.replace("slug: un-article  #", "slug: nouveau-titre  #")
        .replace("{aliases}", "")
        .replace("---\r\n\r\nPremier", "aliases: [/2025/03/un-article/]\r\nfeed_id: un-article"
                 "\r\n---\r\n\r\nPremier")
    )  # fmt: skip
    assert renamed.new_path.read_bytes().decode("utf-8") == expected


def test_rename_back_takes_the_alias_off(site: SiteCopy) -> None:
    write(site, "")
    config = load_config(site.settings)
    rename_article(config, "un-article", "deux")
    rename_article(config, "deux", "un-article")
    text = (site.content / "articles" / FILE).read_text(encoding="utf-8")
    assert "aliases: [/2025/03/deux/]" in text and "feed_id: un-article" in text
    assert errors(site) == []


@pytest.mark.parametrize(
    ("new", "why"),
    [
        ("a-propos", "is taken"),
        ("conflit-en-ukraine-la-russie-reprend-des-villages-dans-la-region-de-koursk", "is taken"),
        ("Pas Un Slug", "not a valid slug"),
        ("2024", "only digits"),
    ],
)
def test_rename_refuses_a_slug_taken_or_invalid(site: SiteCopy, new: str, why: str) -> None:
    path = write(site, "")
    before = path.read_bytes()
    with pytest.raises(RenameError, match=why):
        rename_article(load_config(site.settings), "un-article", new)
    assert path.read_bytes() == before


def test_rename_refuses_another_articles_alias(site: SiteCopy) -> None:
    write(site, "")
    write(site, "aliases: [/2025/03/pris/]\n", "2025/03/autre.md", slug="autre")
    with pytest.raises(RenameError, match="is an alias of"):
        rename_article(load_config(site.settings), "un-article", "pris")


def test_rename_command_reports_a_missing_slug(
    site: SiteCopy, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_rename("inconnu", "x") == 1
    assert "no article has the slug 'inconnu'" in capsys.readouterr().err


def test_links_to_an_old_address_still_pass_check(site: SiteCopy) -> None:
    write(site, "")
    site.write_article(
        "2025/03/lien.md",
        ARTICLE.format(aliases="").replace("slug: un-article", "slug: lien")
        + "\nVoir [l’article](/2025/03/un-article/).\n",
    )
    rename_article(load_config(site.settings), "un-article", "nouveau")
    assert errors(site) == []


def test_with_field_sets_a_text_beside_its_comment() -> None:
    text = "---\ntitle: x  # titre\nslug: a # garde\ntags: [A]\n---\nCorps\n"
    assert with_field(text, "slug", "b") == text.replace("slug: a", "slug: b")
    assert with_field(text, "feed_id", "yes").endswith("tags: [A]\nfeed_id: 'yes'\n---\nCorps\n")


def test_invoke_rename_is_wired(site: SiteCopy) -> None:
    write(site, "")
    repo = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [str(Path(sys.executable).parent / "invoke"), "-r", str(repo), "rename", "un-article",
         "nouveau"],
        cwd=site.root, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(repo)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (site.content / "articles" / "2025" / "03" / "nouveau.md").is_file()
