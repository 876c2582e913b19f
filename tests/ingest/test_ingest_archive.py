"""Batches against an archive: idempotence, never overwriting, duplicates, editor dates."""

from __future__ import annotations

import os
import shutil
import stat
from datetime import date
from pathlib import Path

from chronique.ingest import IngestOptions, Status, ingest_paths
from chronique.ingest.pipeline import collect_inputs
from chronique.topics.retag import retag_archive
from tests.conftest import tree_digest
from tests.ingest.helpers import FIXTURES, SEED, ingest_one, make_config, write_input

BATCH = (
    "figaro_economie.txt",
    "wire_hard_wrapped.txt",
    "sciences_markdown_escapes.txt",
    "html_jsonld_monde.html",
    "html_og_english.html",
)


def copy_batch(folder: Path) -> Path:
    for name in BATCH:
        write_input(folder / "pages", name, (FIXTURES / name).read_bytes())
    shutil.copy(SEED, folder / "pages" / "seed.txt")
    return folder / "pages"


def test_the_same_batch_twice_writes_nothing_new(tmp_path, config):
    pages = copy_batch(tmp_path)
    options = IngestOptions(date=date(2025, 3, 15), category="Monde", quiet=True)
    first = ingest_paths([pages], config, options)
    assert [r.status for r in first.results] == [Status.WRITTEN] * 6
    before = tree_digest(config.content_path)
    second = ingest_paths([pages], config, options)
    assert [r.status for r in second.results] == [Status.ALREADY_PRESENT] * 6
    assert [r.output for r in second.results] == [r.output for r in first.results]
    assert tree_digest(config.content_path) == before
    assert second.exit_code == 0


def test_folders_are_walked_recursively_in_sorted_order(tmp_path):
    write_input(tmp_path / "b", "z.txt", "x")
    write_input(tmp_path / "b" / "sub", "a.html", "x")
    write_input(tmp_path / "a", "m.md", "x")
    write_input(tmp_path / "a" / ".hidden", "h.txt", "x")
    write_input(tmp_path / "a", "photo.jpg", "x")
    found = collect_inputs([tmp_path / "b", tmp_path / "a"])
    assert [p.relative_to(tmp_path).as_posix() for p in found.pages] == [
        "b/sub/a.html",
        "b/z.txt",
        "a/m.md",
    ]
    assert [(r.input.relative_to(tmp_path).as_posix(), r.reason) for r in found.skipped] == [
        ("a/.hidden", "hidden folder"),
        ("a/photo.jpg", "not a page type: .jpg"),
    ]


def test_a_different_article_with_the_same_slug_is_never_overwritten(tmp_path, config):
    first = ingest_one(FIXTURES / "figaro_economie.txt", config)
    original = first.result.output.read_bytes()
    other = (FIXTURES / "figaro_economie.txt").read_text(encoding="utf-8")
    other = other.split("Écouter cet article")[0] + (
        "Écouter cet article\n\nUne tout autre histoire commence ici, avec des personnages "
        "différents et des événements qui n’ont rien à voir avec le premier texte publié.\n\n"
        "Le deuxième paragraphe poursuit ce récit inédit, sans reprendre une seule phrase de "
        "l’article déjà présent dans l’archive, afin de ne pas passer pour un doublon.\n"
    )
    second = ingest_one(write_input(tmp_path, "other.txt", other), config)
    assert second.result.status is Status.WRITTEN
    assert second.result.output.name == f"{first.data['slug']}-2.md"
    assert second.data["slug"] == f"{first.data['slug']}-2"
    assert first.result.output.read_bytes() == original


def test_an_unreadable_file_at_the_target_path_is_not_overwritten(config):
    slug = "la-sncf-prevoit-un-tgv-sur-deux-jeudi-en-raison-de-la-greve-des-controleurs"
    squatter = config.articles_path / "2025" / "03" / f"{slug}.md"
    squatter.parent.mkdir(parents=True)
    squatter.write_text("not an article at all\n", encoding="utf-8")
    ingested = ingest_one(FIXTURES / "figaro_economie.txt", config)
    assert ingested.result.output.name == f"{slug}-2.md"
    assert squatter.read_text(encoding="utf-8") == "not an article at all\n"


def test_temporary_files_left_by_a_crash_do_not_shift_the_slug(config):
    """A crash between writing and naming leaves a hidden temporary file: whatever its name
    (one with this process's id included) and content, the article keeps its own slug."""
    slug = "la-sncf-prevoit-un-tgv-sur-deux-jeudi-en-raison-de-la-greve-des-controleurs"
    folder = config.articles_path / "2025" / "03"
    folder.mkdir(parents=True)
    whole = ingest_one(
        FIXTURES / "figaro_economie.txt", make_config(config.content_path.parent / "x")
    )
    stale = {
        folder / f".{slug}.md.{os.getpid()}.tmp": "---\ntitle: La SNCF",
        folder / f".{slug}.md.k3v9q1.tmp": whole.result.output.read_text(encoding="utf-8"),
    }
    for path, text in stale.items():
        path.write_text(text, encoding="utf-8")
    ingested = ingest_one(FIXTURES / "figaro_economie.txt", config)
    assert ingested.result.status is Status.WRITTEN
    assert ingested.result.output == folder / f"{slug}.md"
    assert {path: path.read_text(encoding="utf-8") for path in stale} == stale


def test_written_articles_are_readable_like_any_new_file(config):
    ingested = ingest_one(FIXTURES / "figaro_economie.txt", config)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(ingested.result.output.stat().st_mode) == 0o666 & ~umask
    assert sorted(p.name for p in ingested.result.output.parent.iterdir()) == [
        ingested.result.output.name
    ]


def test_the_same_story_with_other_chrome_is_a_possible_duplicate(tmp_path, config):
    first = ingest_one(FIXTURES / "figaro_economie.txt", config)
    text = (FIXTURES / "figaro_economie.txt").read_text(encoding="utf-8")
    recopied = "Menu\nNewsletter\n" + text.replace("Écouter cet article", "Partager sur Facebook")
    recopied = recopied.replace("Sur le même sujet", "Les + Lus\nUn autre titre de la colonne")
    copy = write_input(tmp_path, "recopied.txt", recopied)
    ingested = ingest_one(copy, config)
    assert ingested.result.status is Status.POSSIBLE_DUPLICATE
    assert ingested.result.output == first.result.output
    assert ingested.result.reason == "100% of 5-word shingles in common"
    assert len(list(config.articles_path.rglob("*.md"))) == 1
    assert ingested.result.line().startswith("possible duplicate: ")


def test_a_lightly_edited_copy_is_still_a_possible_duplicate(tmp_path, config):
    ingest_one(FIXTURES / "html_jsonld_monde.html", config, category="Monde")
    html = (FIXTURES / "html_jsonld_monde.html").read_text(encoding="utf-8")
    edited = html.replace("Darnytsia", "Darnytsia, dans l’est de la capitale")
    ingested = ingest_one(write_input(tmp_path, "edited.html", edited), config, category="Monde")
    assert ingested.result.status is Status.POSSIBLE_DUPLICATE
    similarity = int(ingested.result.reason.split("%")[0])
    assert 80 <= similarity < 100


def test_a_different_story_is_not_a_duplicate(config):
    ingest_one(FIXTURES / "figaro_economie.txt", config)
    ingested = ingest_one(FIXTURES / "wire_hard_wrapped.txt", config)
    assert ingested.result.status is Status.WRITTEN


def test_editor_date_is_recorded_and_only_fills_what_pages_lack(tmp_path, config):
    pages = copy_batch(tmp_path)
    options = IngestOptions(date=date(2024, 12, 31), category="Monde", quiet=True)
    report = ingest_paths([pages], config, options)
    by_name = {r.input.name: r.output.read_text(encoding="utf-8") for r in report.results}
    assert "date: 2024-12-31T00:00:00+01:00\ndate_source: editor\n" in by_name["seed.txt"]
    for name in BATCH:
        assert "date_source" not in by_name[name], name
        assert "2024-12-31" not in by_name[name], name


def test_retrieved_is_written_only_when_given(config):
    without = ingest_one(FIXTURES / "figaro_economie.txt", config)
    assert "retrieved" not in without.data["source"]
    with_day = ingest_one(
        FIXTURES / "wire_hard_wrapped.txt", config, retrieved=date(2025, 3, 20), source_name="AFP"
    )
    assert with_day.data["source"]["retrieved"] == "2025-03-20"
    assert with_day.data["source"]["name"] == "AFP"


def test_a_site_can_add_chrome_patterns(tmp_path):
    page = (FIXTURES / "figaro_economie.txt").read_text(encoding="utf-8")
    page = page.replace("Écouter cet article", "Cet article est offert par notre partenaire XYZ.")
    plain = make_config(tmp_path / "plain")
    extended = make_config(
        tmp_path / "extended",
        pelican={"CHRONIQUE_INGEST_CHROME": [r"cet article est offert par .*"]},
    )
    source = write_input(tmp_path, "page.txt", page)
    assert "partenaire XYZ" in ingest_one(source, plain).body
    assert "partenaire XYZ" not in ingest_one(source, extended).body


def test_progress_bar_runs_on_stderr_for_a_batch(tmp_path, config, capsys):
    pages = copy_batch(tmp_path)
    report = ingest_paths([pages], config, IngestOptions(date=date(2025, 3, 15), category="Monde"))
    assert report.exit_code == 0
    assert capsys.readouterr().out == ""


def test_tags_come_from_the_topic_vocabulary(tmp_path, config):
    shutil.copy(Path(__file__).parents[2] / "content" / "topics.yml", config.topics_path)
    seed = ingest_one(SEED, config, date=date(2025, 3, 15))
    assert {"Ukraine", "Russie", "Koursk", "Vladimir Poutine"} <= set(seed.data["tags"])
    english = ingest_one(FIXTURES / "html_og_english.html", config, category="Monde")
    assert "Ukraine" not in english.data["tags"]


def test_a_broken_vocabulary_fails_each_input_with_the_reason(config):
    config.topics_path.write_text("- name: [unclosed\n", encoding="utf-8")
    ingested = ingest_one(FIXTURES / "figaro_economie.txt", config)
    assert ingested.result.status is Status.FAILED
    assert ingested.result.reason.startswith("the topic vocabulary cannot be read: ")


def test_tagging_settings_apply_to_ingest_as_to_retag(tmp_path):
    """Ingest tags with the site's CHRONIQUE_TAGGING, so retag finds nothing to change."""
    vocabulary = Path(__file__).parents[2] / "content" / "topics.yml"
    default = make_config(tmp_path / "default")
    shutil.copy(vocabulary, default.topics_path)
    strict = make_config(tmp_path / "strict", pelican={"CHRONIQUE_TAGGING": {"max_topics": 2}})
    shutil.copy(vocabulary, strict.topics_path)
    all_tags = ingest_one(SEED, default, date=date(2025, 3, 15)).data["tags"]
    two_tags = ingest_one(SEED, strict, date=date(2025, 3, 15)).data["tags"]
    assert len(all_tags) > 2
    assert two_tags == all_tags[:2]
    assert retag_archive(strict, write=False).changes == []


def test_an_unknown_tagging_setting_fails_each_input_with_its_name(tmp_path):
    config = make_config(tmp_path, pelican={"CHRONIQUE_TAGGING": {"max_topic": 2}})
    shutil.copy(Path(__file__).parents[2] / "content" / "topics.yml", config.topics_path)
    ingested = ingest_one(FIXTURES / "figaro_economie.txt", config)
    assert ingested.result.status is Status.FAILED
    assert ingested.result.reason == "CHRONIQUE_TAGGING: unknown keys max_topic"
