"""Incremental builds (issue 16): a rebuild after any kind of change publishes what a full build
of the same inputs publishes, byte for byte; files the change did not touch keep their inode and
modification time; a rebuild killed at any point leaves the previous site whole."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

import pytest
import yaml

from chronique.content.errors import InvalidContentError
from chronique.content.slugs import slugify
from chronique.site.bench import (
    SyntheticSite,
    add_article,
    delete_article,
    edit_body,
    edit_tags,
    make_synthetic_site,
)
from chronique.site.build import BuildError, build_site
from chronique.site.images.cards import CardText, render_card
from chronique.site.images.publish import draw_cards
from chronique.site.incremental import CONTENT_PREFIX, link_unchanged
from chronique.site.swap import PAUSE_VARIABLE, STAGING_PREFIX
from tests.conftest import REPO

ARTICLES = 12
TOPICS = 8
INPUTS = ("pelicanconf.py", "publishconf.py", "theme", "content")


@dataclass(frozen=True)
class FileState:
    inode: int
    mtime_ns: int
    sha256: str


def published(site: SyntheticSite) -> dict[str, FileState]:
    """Every file of the version ``output`` links to, with its inode, mtime and digest."""
    root = (site.root / "output").resolve()
    states = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        status = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        states[str(path.relative_to(root))] = FileState(status.st_ino, status.st_mtime_ns, digest)
    return states


def build(site: SyntheticSite) -> None:
    build_site(site.settings, site.root / "output")


def content_caches(site: SyntheticSite) -> set[str]:
    return {p.name for p in (site.root / ".chronique-cache").glob(f"{CONTENT_PREFIX}*")}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SyntheticSite:
    """A small synthetic archive, built once; each test works on a copy of the built project."""
    site = make_synthetic_site(REPO, tmp_path_factory.mktemp("built"), ARTICLES, TOPICS)
    build(site)
    return site


@pytest.fixture
def project(built: SyntheticSite, tmp_path: Path) -> SyntheticSite:
    """A copy of the built project: inputs, output link, versions and caches."""
    root = tmp_path / "projet"
    shutil.copytree(built.root, root, symlinks=True)
    return replace(built, root=root, articles=list(built.articles))


def fresh_build(site: SyntheticSite, folder: Path) -> dict[str, FileState]:
    """The same inputs built in a new project with no previous output and no cache."""
    folder.mkdir()
    for name in INPUTS:
        source = site.root / name
        if source.is_dir():
            shutil.copytree(source, folder / name)
        else:
            shutil.copy2(source, folder / name)
    fresh = replace(site, root=folder)
    build(fresh)
    return published(fresh)


# The kinds of change; each one edits the inputs of the project as a contributor would.


def nothing(site: SyntheticSite) -> None:
    """No change at all."""


def change_date(site: SyntheticSite) -> None:
    """Forty days later: another month, so the article moves to another folder and URL."""
    index = len(site.articles) // 2
    article = site.articles[index]
    site.article_file(article).unlink()
    later = replace(article.meta, date=article.meta.date + timedelta(days=40))
    site.articles[index] = replace(article, meta=later)
    site.write(site.articles[index])


def rename_slug(site: SyntheticSite) -> None:
    """A new slug, and the file moved to the name it gives."""
    index = len(site.articles) // 3
    article = site.articles[index]
    site.article_file(article).unlink()
    renamed = replace(article.meta, slug=slugify(f"{article.meta.title} renomme"))
    site.articles[index] = replace(article, meta=renamed)
    site.write(site.articles[index])


def edit_title(site: SyntheticSite) -> None:
    """A new title, slug kept: its section neighbours, the articles listing it as related and
    every listing showing its teaser name it too."""
    index = len(site.articles) // 2
    article = site.articles[index]
    retitled = replace(article.meta, title="Un titre entièrement nouveau")
    site.articles[index] = replace(article, meta=retitled)
    site.write(site.articles[index])


def edit_topics(site: SyntheticSite) -> None:
    """A topic's slug and description change in ``topics.yml``."""
    path = site.root / "content" / "topics.yml"
    topics = yaml.safe_load(path.read_text(encoding="utf-8"))
    used = {tag for article in site.articles for tag in article.meta.tags}
    topic = next(t for t in topics if t["name"] in used)
    topic["slug"] = f"{topic['slug']}-nouveau"
    topic["description"] = "Une description revue."
    path.write_text(yaml.safe_dump(topics, allow_unicode=True, sort_keys=False), "utf-8")


def edit_template(site: SyntheticSite) -> None:
    path = site.root / "theme" / "templates" / "article.html"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("</article>", "<p>Note de la rédaction.</p></article>", 1))


def edit_setting(site: SyntheticSite) -> None:
    """The site's name, and a Markdown extension that changes how a body is rendered: a
    content cache keyed on file hashes alone would serve the old HTML."""
    index = 1
    article = site.articles[index]
    site.articles[index] = replace(article, body=article.body + '\n\nIl a dit "oui" -- enfin.')
    site.write(site.articles[index])
    build(site)
    settings = site.settings.read_text(encoding="utf-8")
    settings += '\nSITENAME = "Chronique des archives"\n'
    settings += 'MARKDOWN = {**MARKDOWN, "extensions": [*MARKDOWN["extensions"], "smarty"]}\n'
    site.settings.write_text(settings, encoding="utf-8")


CHANGES: dict[str, Callable[[SyntheticSite], None]] = {
    "nothing": nothing,
    "edit body": edit_body,
    "edit tags": edit_tags,
    "edit title": edit_title,
    "change date": change_date,
    "add": add_article,
    "delete": delete_article,
    "rename slug": rename_slug,
    "edit topics.yml": edit_topics,
    "edit a template": edit_template,
    "edit a setting": edit_setting,
}
#: Changes after which most of the site is the same, so most files must keep their inode.
LOCAL_CHANGES = {
    "edit body",
    "edit tags",
    "edit title",
    "change date",
    "add",
    "delete",
    "rename slug",
}


@pytest.mark.parametrize("kind", list(CHANGES))
def test_an_incremental_build_equals_a_full_build_and_keeps_untouched_files(
    project: SyntheticSite, tmp_path: Path, kind: str
) -> None:
    build(project)  # the copy's files have new inodes: this build records them for the next
    CHANGES[kind](project)
    before = published(project)
    caches_before = content_caches(project)
    result = build_site(project.settings, project.root / "output")
    after = published(project)

    expected = fresh_build(project, tmp_path / "neuf")
    assert {path: state.sha256 for path, state in after.items()} == {
        path: state.sha256 for path, state in expected.items()
    }
    unchanged = [p for p in after if p in before and before[p].sha256 == after[p].sha256]
    for path in unchanged:
        assert (after[path].inode, after[path].mtime_ns) == (
            before[path].inode,
            before[path].mtime_ns,
        ), f"{path} did not change, yet it was written again"
    rewritten = [p for p in after if p not in unchanged]
    if kind == "nothing":
        assert not rewritten
    else:
        assert rewritten, "the change shows nowhere in the site"
    if kind in LOCAL_CHANGES:
        assert len(unchanged) > len(rewritten), f"{kind}: {len(rewritten)} files rewritten"
        assert result.reused_pages > 0, f"{kind}: every page was rendered again"
        assert feed_documents(result.reused), f"{kind}: every feed was made again"
        assert len(feed_documents(result.reused)) > len(feed_documents(result.rendered)), kind
    elif kind != "nothing":
        assert result.reused_pages == 0, f"{kind}: pages reused after a site-wide change"
        assert feed_documents(result.rendered), f"{kind}: no feed was made again"
    if kind == "edit body":
        # Its page and the live documents of feeds listing it: its entry carries a standfirst,
        # so its month's archive documents show nothing of the body (the front page is always
        # rendered, and not counted).
        article = project.articles[len(project.articles) // 2].meta
        page = f"{article.date:%Y/%m}/{article.slug}/index.html"
        live = feed_documents(result.rendered)
        assert result.rendered == {page, *live}, result.rendered
        assert {"flux/rss.xml", "flux/atom.xml"} <= live
        assert not any("/archives/" in path for path in live)
    if kind in {"edit topics.yml", "edit a template", "edit a setting"}:
        assert content_caches(project) - caches_before, "the content cache was not renewed"
    else:
        assert content_caches(project) == caches_before


def feed_documents(paths: frozenset[str]) -> set[str]:
    """The feed documents among *paths*: live RSS and Atom ones and monthly archives."""
    return {path for path in paths if path.endswith(".xml") and not path.startswith("sitemap")}


def pages_linking_to(output: Path, url: str) -> dict[str, str]:
    """The HTML pages with a link to *url* (a site path), by path."""
    pages = {
        str(p.relative_to(output)): p.read_text(encoding="utf-8") for p in output.rglob("*.html")
    }
    return {path: text for path, text in pages.items() if f'href="/{url}"' in text}


def test_a_new_title_reaches_every_page_showing_the_article(project: SyntheticSite) -> None:
    build(project)
    article = project.articles[len(project.articles) // 2].meta
    output = project.root / "output"
    url = f"{article.date:%Y/%m}/{article.slug}/"
    showing = pages_linking_to(output.resolve(), url)
    article_pages = {f"{a.meta.date:%Y/%m}/{a.meta.slug}/index.html" for a in project.articles}
    others = [path for path in showing if path in article_pages and not path.startswith(url)]
    assert others, "no other article page links to the article: the test shows nothing"
    edit_title(project)
    result = build_site(project.settings, output)
    assert result.reused_pages > 0
    after = pages_linking_to(output.resolve(), url)
    assert set(after) == set(showing)
    for path, text in after.items():
        assert "Un titre entièrement nouveau" in text, f"{path} shows the old title"
        assert article.title not in text, f"{path} shows the old title"


def test_a_page_edited_by_hand_is_not_reused(project: SyntheticSite) -> None:
    build(project)
    other = project.articles[0].meta
    page = project.root / "output" / f"{other.date:%Y/%m}" / other.slug / "index.html"
    original = page.read_bytes()
    page.resolve().write_bytes(original.replace(b"</main>", b"<p>ajout</p></main>"))
    edit_body(project)
    build(project)
    assert page.read_bytes() == original


def test_a_feed_document_edited_by_hand_is_made_again(project: SyntheticSite) -> None:
    """A feed whose entries are unchanged is linked whole, unless one of its documents is not
    as the build left it."""
    build(project)
    output = project.root / "output"
    archives = sorted(output.resolve().glob("sujets/*/archives/*.xml"))
    document = output / archives[0].relative_to(output.resolve())
    original = document.read_bytes()
    document.resolve().write_bytes(original.replace(b"</feed>", b"<!-- ajout --></feed>"))
    result = build_site(project.settings, output)  # its feed shows what it showed
    assert document.read_bytes() == original
    assert feed_documents(result.reused), "no feed was linked whole"


def test_removed_articles_leave_no_file(project: SyntheticSite) -> None:
    gone = project.articles[len(project.articles) // 2].meta
    delete_article(project)
    build(project)
    output = (project.root / "output").resolve()
    assert not (output / f"{gone.date:%Y/%m}" / gone.slug).exists()


def test_files_are_compared_by_their_bytes(tmp_path: Path) -> None:
    previous, staging = tmp_path / "1", tmp_path / "staging"
    for folder, texts in (
        (previous, ("même", "avant", "court")),
        (staging, ("même", "après", "plus long")),
    ):
        (folder / "a").mkdir(parents=True)
        for name, text in zip(("a/same.html", "a/edited.html", "grown.html"), texts, strict=True):
            (folder / name).write_text(text, encoding="utf-8")
    (staging / "new.html").write_text("nouveau", encoding="utf-8")
    report = link_unchanged(staging, previous)
    assert (report.linked, report.written) == (1, 3)
    assert (staging / "a/same.html").stat().st_ino == (previous / "a/same.html").stat().st_ino
    assert (staging / "a/edited.html").read_text(encoding="utf-8") == "après"
    assert (previous / "a/edited.html").read_text(encoding="utf-8") == "avant"


def test_cards_drawn_by_the_pool_are_the_cards_drawn_one_by_one() -> None:
    texts = [
        CardText("Monde", f"Titre numéro {n} d’un article assez long", "Chronique")
        for n in range(10)
    ]
    assert draw_cards(texts) == [render_card(text) for text in texts]


# Killed builds.


def start_build(site: SyntheticSite, pause_at: str | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    if pause_at is not None:
        env[PAUSE_VARIABLE] = pause_at
    return subprocess.Popen(
        [sys.executable, "-m", "chronique", "build"],
        cwd=site.root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def kill(build: subprocess.Popen[str]) -> None:
    build.send_signal(signal.SIGKILL)
    build.wait(timeout=60)
    assert build.returncode == -signal.SIGKILL


def kill_at_step(site: SyntheticSite, step: str) -> None:
    build = start_build(site, step)
    assert build.stdout is not None
    for line in build.stdout:
        if line.strip() == f"paused at {step}":
            kill(build)
            return
    pytest.fail(f"the build ended without reaching step {step}")


def kill_while_rendering(site: SyntheticSite, files: int) -> None:
    """Kill the build once its staging folder holds *files* files (it polls; no clock)."""
    versions = site.root / ".output-versions"
    leftovers = set(versions.glob(f"{STAGING_PREFIX}*"))  # the build removes them
    build = start_build(site)
    while build.poll() is None:
        staging = set(versions.glob(f"{STAGING_PREFIX}*")) - leftovers
        if sum(len(names) for folder in staging for _, _, names in os.walk(folder)) >= files:
            kill(build)
            return
    pytest.fail(f"the build ended before it had written {files} files")


def test_a_killed_incremental_build_leaves_the_previous_site_whole(
    project: SyntheticSite, tmp_path: Path
) -> None:
    link = project.root / "output"
    served, before = link.readlink(), published(project)
    edit_body(project)
    add_article(project)
    kills: list[Callable[[], None]] = [
        lambda: kill_while_rendering(project, 5),
        lambda: kill_while_rendering(project, 60),
        *(
            (lambda step=step: kill_at_step(project, step))
            for step in ("staged", "rendered", "compared", "versioned", "linked")
        ),
    ]
    for kill_build in kills:
        kill_build()
        assert link.readlink() == served
        assert published(project) == before
    build(project)
    assert link.readlink() != served
    after = {path: state.sha256 for path, state in published(project).items()}
    fresh = fresh_build(project, tmp_path / "neuf")
    assert after == {path: state.sha256 for path, state in fresh.items()}
    leftovers = [p for p in (project.root / ".chronique-cache").iterdir() if p.name.startswith(".")]
    assert not leftovers


# A rebuild with nothing changed.


def test_a_rebuild_with_nothing_changed_keeps_the_published_version(
    project: SyntheticSite,
) -> None:
    build(project)  # the copy has new inodes: a full build, which records its inputs
    link = project.root / "output"
    served, before = link.readlink(), published(project)
    build(project)
    assert link.readlink() == served and published(project) == before


def test_a_same_size_edit_is_seen_by_a_rebuild(project: SyntheticSite) -> None:
    build(project)
    link = project.root / "output"
    served = link.readlink()
    article = project.articles[0]
    path = project.article_file(article)
    status = path.stat()
    text = path.read_text(encoding="utf-8")
    end = text.rindex(".")
    path.write_text(f"{text[:end]}!{text[end + 1 :]}", encoding="utf-8")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))  # as if the clock were kept
    build(project)
    assert link.readlink() != served
    page = (link / f"{article.meta.date:%Y/%m}" / article.meta.slug / "index.html").resolve()
    assert "!</p>" in page.read_text(encoding="utf-8")


def test_an_article_broken_since_the_last_build_is_refused_at_every_build(
    project: SyntheticSite,
) -> None:
    """What the last build read of a file is never taken for the file once it changed, and a
    file with problems is refused again and again, not remembered as read."""
    build(project)
    path = project.article_file(project.articles[0])
    path.write_text(path.read_text(encoding="utf-8").replace("title:", "titre:", 1), "utf-8")
    for _ in range(2):
        with pytest.raises(InvalidContentError, match="titre"):
            build(project)


def test_a_hand_edited_output_is_rebuilt(project: SyntheticSite) -> None:
    build(project)
    link = project.root / "output"
    home = link / "index.html"
    original = home.read_bytes()
    home.resolve().write_bytes(b"<p>modifie a la main</p>")
    build(project)
    assert home.read_bytes() == original


def test_a_link_to_an_article_deleted_since_the_last_build_is_refused(
    project: SyntheticSite,
) -> None:
    """The linking article did not change, yet its link is looked up again: the build that
    deletes the linked article refuses, naming the link."""
    linking, linked = project.articles[0], project.articles[1]
    address = f"/{linked.meta.date:%Y/%m}/{linked.meta.slug}/"
    project.articles[0] = replace(linking, body=f"{linking.body}\n\nVoir [l'article]({address}).")
    project.write(project.articles[0])
    build(project)
    project.article_file(linked).unlink()
    with pytest.raises(InvalidContentError, match="no article has that address"):
        build(project)


def test_a_setting_that_sends_pages_outside_the_output_refuses_unchanged_articles_too(
    project: SyntheticSite,
) -> None:
    """An article the last build published unchanged is validated again under new settings."""
    build(project)
    settings = project.settings.read_text(encoding="utf-8")
    settings += '\nARTICLE_SAVE_AS = ARTICLE_LANG_SAVE_AS = "../../{slug}.html"\n'
    project.settings.write_text(settings, encoding="utf-8")
    with pytest.raises(BuildError, match="outside output path"):
        build(project)


def test_a_memo_of_articles_left_from_several_builds_still_gives_the_full_build(
    project: SyntheticSite, tmp_path: Path
) -> None:
    """The memo of the articles read is several files, each saved when one of its articles
    changed: files left by different builds (a build killed while saving them), or unreadable
    ones, never make a rebuild take an article for what it no longer is."""
    build(project)
    cache = project.root / ".chronique-cache"
    older = {path: path.read_bytes() for path in cache.rglob("articles-*/*") if path.is_file()}
    assert older, "no memo of the articles read was kept"
    for index in range(len(project.articles)):  # every memo file holds a changed article now
        article = project.articles[index]
        project.articles[index] = replace(article, body=f"{article.body}\n\nPremière reprise.")
        project.write(project.articles[index])
    build(project)
    for number, (path, data) in enumerate(sorted(older.items())):
        path.write_bytes(data if number % 2 else b"pas un pickle")
    edit_body(project)  # a change, so that the rebuild reads the memo
    build(project)

    expected = fresh_build(project, tmp_path / "neuf")
    assert {p: s.sha256 for p, s in published(project).items()} == {
        p: s.sha256 for p, s in expected.items()
    }
