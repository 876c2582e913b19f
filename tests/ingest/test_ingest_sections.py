"""Issue 14: sections mapped from the sites' own labels, not refused (acceptance 3)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from chronique.config import load_config
from chronique.ingest import IngestOptions, Status, ingest_paths
from chronique.ingest.report import UnmappedLabel
from chronique.ingest.sections import SectionMap, SectionMapError
from tests.conftest import REPO
from tests.ingest.helpers import SECTIONS, ingest_one, make_config, write_input

WORDS = (
    "conseil municipal habitants quartier projet travaux budget rapport enquête tribunal "
    "ministre gouvernement région commune école hôpital marché entreprise salariés syndicat "
    "grève accord réforme loi vote député sénat maire association bénévoles festival "
    "exposition musée théâtre concert saison récolte agriculteurs rivière forêt climat "
    "chaleur pluie tempête énergie électricité prix loyer logement transport train gare "
    "vélo route pont chantier étude chercheurs laboratoire données patients médecins"
).split()
LINKS = "le la les un une des du dans pour avec sur par selon depuis après".split()

#: Six labels as the pages print them: four the archive knows, two it does not.
MAP = {"Planète": "Sciences", "Idées": "Société", "International": "Monde"}
BATCH = (
    ("Planète", 10, "Sciences", "map"),
    ("IDÉES", 9, "Société", "map"),  # case and accents differ from the map's key
    ("Accueil > International > Europe", 8, "Monde", "map"),  # 'Europe' unknown: next level
    ("Économie", 8, "Économie", "page"),  # a section of the archive stands for itself
    ("Urbanisme", 9, None, None),
    ("Bien-être", 6, None, None),
)


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS if i % 3 else LINKS) for i in range(rng.randint(14, 22))]
    return " ".join(words).capitalize() + "."


def text_page(rng: random.Random, label: str | None, dated: bool = True) -> str:
    """A page copied from a regional site: label, title, byline, date, prose, share bar."""
    title = " ".join(rng.choice(WORDS) for _ in range(7)).capitalize()
    paragraphs = [" ".join(sentence(rng) for _ in range(3)) for _ in range(4)]
    lines = [
        *([label] if label else []),
        title,
        "Par Jeanne Roux",
        *([f"Publié le {rng.randint(1, 28)} mars 2025 à 10h30"] if dated else []),
        *paragraphs,
        "Partager",
        "Facebook",
        "Twitter",
    ]
    return "\n\n".join(lines) + "\n"


def write_batch(folder: Path, seed: int = 14) -> dict[str, tuple[str | None, str | None]]:
    """The 50 inputs of BATCH; file name -> (expected section, expected provenance)."""
    rng = random.Random(seed)
    expected = {}
    for number, (label, count, section, source) in enumerate(BATCH):
        for copy in range(count):
            name = f"page-{number}-{copy:02d}.txt"
            write_input(folder, name, text_page(rng, label))
            expected[name] = (section, source)
    return expected


def front_matter_of(result) -> dict[str, str]:
    text = result.output.read_text(encoding="utf-8").split("---\n")[1]
    return dict(line.split(": ", 1) for line in text.splitlines() if ": " in line)


def test_a_batch_of_fifty_pages_gets_mapped_sections_and_names_the_unmapped_labels(tmp_path):
    inputs = tmp_path / "pages"
    expected = write_batch(inputs)
    assert len(expected) == 50
    config = make_config(tmp_path, section_map=MAP)
    report = ingest_paths([inputs], config, IngestOptions(quiet=True))

    for result in report.results:
        section, source = expected[result.input.name]
        if section is None:
            assert result.status is Status.FAILED, result
            assert "is not mapped — add it to CHRONIQUE_SECTION_MAP" in result.reason
            continue
        assert result.status is Status.WRITTEN, result
        data = front_matter_of(result)
        assert data["category"] == section
        assert data.get("category_source", "page") == source
    assert report.unmapped_labels() == [
        UnmappedLabel("Urbanisme", pages=9, refused=9),
        UnmappedLabel("Bien-être", pages=6, refused=6),
    ]
    assert report.editor_lines() == [
        "needs an editor:",
        "section labels not in CHRONIQUE_SECTION_MAP (map them, then run ingest again):",
        "  'Urbanisme': 9 pages",
        "  'Bien-être': 6 pages",
    ]


def test_extending_the_map_once_and_rerunning_writes_the_refused_pages(tmp_path):
    inputs = tmp_path / "pages"
    write_batch(inputs)
    ingest_paths([inputs], make_config(tmp_path, section_map=MAP), IngestOptions(quiet=True))
    extended = {**MAP, "urbanisme": "Société", "Bien-etre": "Société"}
    rerun = ingest_paths(
        [inputs], make_config(tmp_path, section_map=extended), IngestOptions(quiet=True)
    )
    statuses = [r.status for r in rerun.results]
    assert statuses.count(Status.WRITTEN) == 15 and statuses.count(Status.ALREADY_PRESENT) == 35
    assert rerun.unmapped_labels() == [] and rerun.editor_lines() == []


def test_the_default_section_takes_unmapped_pages_only_when_configured(tmp_path):
    inputs = tmp_path / "pages"
    expected = write_batch(inputs)
    config = make_config(tmp_path, section_map=MAP, default_section="Société")
    report = ingest_paths([inputs], config, IngestOptions(quiet=True))
    assert all(r.status is Status.WRITTEN for r in report.results)
    for result in report.results:
        section, source = expected[result.input.name]
        data = front_matter_of(result)
        assert data["category"] == (section or "Société")
        assert data.get("category_source", "page") == (source or "default")
    assert "  'Urbanisme': 9 pages (9 filed under another section)" in report.editor_lines()


def test_category_fills_in_before_the_default_and_never_over_the_page(tmp_path):
    rng = random.Random(3)
    config = make_config(tmp_path, section_map=MAP, default_section="Société")
    unnamed = write_input(tmp_path, "sans-rubrique.txt", text_page(rng, None))
    unmapped = write_input(tmp_path, "urbanisme.txt", text_page(rng, "Urbanisme"))
    named = write_input(tmp_path, "planete.txt", text_page(rng, "Planète"))
    for path in (unnamed, unmapped):
        data = ingest_one(path, config, category="culture").data
        assert (data["category"], data["category_source"]) == ("Culture", "editor")
    data = ingest_one(named, config, category="Culture").data
    assert (data["category"], data["category_source"]) == ("Sciences", "map")


def test_a_page_without_a_label_is_refused_without_a_default(tmp_path, config):
    path = write_input(tmp_path, "sans-rubrique.txt", text_page(random.Random(5), None))
    ingested = ingest_one(path, config)
    assert ingested.result.status is Status.FAILED
    assert ingested.result.reason == (
        "no section found among Monde, France, Politique, Économie, Société, Culture, Sciences, "
        "Sport — pass --category"
    )
    assert ingested.result.unmapped_label is None


def test_a_page_lacking_date_and_section_is_counted_for_both(tmp_path, config):
    rng = random.Random(7)
    pages = [
        write_input(tmp_path, "a.txt", text_page(rng, "Urbanisme", dated=False)),
        write_input(tmp_path, "b.txt", text_page(rng, "Monde", dated=False)),
    ]
    report = ingest_paths(pages, config, IngestOptions(quiet=True))
    first, second = report.results
    assert first.reason == (
        "no publication date found — pass --date YYYY-MM-DD; section label 'Urbanisme' is not "
        "mapped — add it to CHRONIQUE_SECTION_MAP or pass --category"
    )
    assert second.reason == "no publication date found — pass --date YYYY-MM-DD"
    assert report.missing_dates == 2
    assert report.editor_lines()[-2:] == [
        "  'Urbanisme': 1 page",
        "pages without a publication date: 2 (refused; pass --date YYYY-MM-DD for those "
        "whose date is known)",
    ]


def test_entries_for_one_source_win_over_entries_for_any(tmp_path):
    config = make_config(
        tmp_path,
        section_map={
            "Idées": "Société",
            "Le Quotidien du Port : Idées": "Culture",
            "lejournal.example": {"idees": "Politique"},
        },
    )
    rng = random.Random(11)
    path = write_input(tmp_path, "idees.txt", text_page(rng, "Idées"))
    assert ingest_one(path, config).data["category"] == "Société"
    path = write_input(tmp_path, "port.txt", text_page(rng, "Idées"))
    port = ingest_one(path, config, source_name="Le quotidien du port").data
    assert port["category"] == "Culture"
    path = write_input(tmp_path, "journal.txt", text_page(rng, "Idées"))
    journal = ingest_one(path, config, source_url="https://www.lejournal.example/idees/x").data
    assert journal["category"] == "Politique"


@pytest.mark.parametrize(
    ("label", "section"),
    [
        ("Société > Santé", "Sciences"),  # the most specific level first
        ("Société > Urbanisme", "Société"),
        ("International / Europe", "Monde"),
        ("Accueil › Sports › Rugby", "Sport"),
        ("Idées/Débats", "Société"),  # the whole label is a key of its own
    ],
)
def test_hierarchical_labels_are_read_from_the_most_specific_level(label, section):
    sections = SectionMap.build(
        {
            "Santé": "Sciences",
            "International": "Monde",
            "Sports": "Sport",
            "Idées/Débats": "Société",
        },
        SECTIONS,
    )
    assert sections.lookup(label)[0] == section


@pytest.mark.parametrize(
    ("raw", "default", "message"),
    [
        ({"Planète": "Environnement"}, None, "'Environnement' is not a configured section"),
        ({"monde": "France"}, None, "'Monde' is a section of the archive"),
        ({"Idées": "Société", "IDEES": "Culture"}, None, "mapped to both 'Société' and 'Culture'"),
        ({"Le Monde": {"Idées": 3}}, None, "must name a section, found 3"),
        ({}, "Divers", "CHRONIQUE_DEFAULT_SECTION: 'Divers' is not a configured section"),
    ],
)
def test_settings_that_cannot_work_are_refused_before_any_page(tmp_path, raw, default, message):
    config = make_config(tmp_path, section_map=raw, default_section=default)
    page = write_input(tmp_path, "page.txt", text_page(random.Random(1), "Planète"))
    with pytest.raises(SectionMapError, match=message):
        ingest_paths([page], config, IngestOptions(quiet=True))
    assert not config.articles_path.exists()


def test_the_site_ships_a_valid_map_and_no_default_section():
    config = load_config(REPO / "pelicanconf.py")
    assert config.default_section is None
    sections = SectionMap.build(config.section_map, config.sections)
    for label, section in [
        ("Planète", "Sciences"),
        ("Idées", "Société"),
        ("Tribunes", "Société"),
        ("World", "Monde"),
        ("Business", "Économie"),
        ("Actualité > International", "Monde"),
    ]:
        assert sections.lookup(label) == (section, "map"), label


def test_an_archive_without_a_list_of_sections_takes_the_most_specific_level(tmp_path):
    config = make_config(tmp_path, sections=(), section_map={"Planète": "Environnement"})
    rng = random.Random(9)
    crumbs = write_input(tmp_path, "sante.txt", text_page(rng, "Accueil > Société > Santé"))
    assert ingest_one(crumbs, config).data["category"] == "Santé"
    mapped = write_input(tmp_path, "planete.txt", text_page(rng, "Planète"))
    data = ingest_one(mapped, config).data
    assert (data["category"], data["category_source"]) == ("Environnement", "map")


def test_a_breadcrumb_copied_without_its_separators_is_read_level_by_level():
    sections = SectionMap.build({"Planète": "Sciences"}, ("Économie", "Sciences"), None)
    assert sections.lookup("Accueil Économie Conjoncture") == ("Économie", "page")
    assert sections.lookup("Accueil Planète Climat") == ("Sciences", "map")
    assert sections.lookup("Accueil Urbanisme") is None
