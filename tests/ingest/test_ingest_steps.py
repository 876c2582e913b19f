"""The steps on their own: dates, decoding, Markdown escapes, language, summary, slugs."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from chronique.content.frontmatter import parse_front_matter
from chronique.content.model import ArticleMeta, parse_article_meta
from chronique.ingest.bench import SECTIONS, bench_page, text_page
from chronique.ingest.chrome import load_chrome_patterns
from chronique.ingest.dates import parse_date_text, read_date_statement, split_statements
from chronique.ingest.decode import decode_bytes
from chronique.ingest.dedupe import (
    DUPLICATE_THRESHOLD,
    ArchiveIndex,
    Fingerprint,
    NearDuplicate,
    _prefix,
)
from chronique.ingest.errors import IngestFailure
from chronique.ingest.language import detect_language
from chronique.ingest.markdown import escape_paragraph
from chronique.ingest.page import trim_at_sentence
from chronique.ingest.text_page import (
    SEEN_LINES_MAX,
    Kind,
    TextRules,
    classify_line,
    extract_text_page,
)
from chronique.ingest.write import article_text, unique_slug

PARIS = "Europe/Paris"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Publié le 15 mars 2025 à 10h30", "2025-03-15T10:30:00+01:00"),
        ("Publié le 1er avril 2025 à 7h", "2025-04-01T07:00:00+02:00"),
        ("samedi 15 mars 2025", "2025-03-15T00:00:00+01:00"),
        ("Le 15/03/2025 à 10:30", "2025-03-15T10:30:00+01:00"),
        ("Published March 15, 2025 10:30 pm", "2025-03-15T22:30:00+01:00"),
        ("2025-03-15T10:30:00+01:00", "2025-03-15T10:30:00+01:00"),
        ("Saturday 15 March 2025 10.30 GMT", "2025-03-15T10:30:00+00:00"),
        ("Updated 3:45 PM GMT+1, March 14, 2025", "2025-03-14T15:45:00+01:00"),
        ("Mis à jour le 16 juillet 2025 à 08h05", "2025-07-16T08:05:00+02:00"),
        ("15 févr. 2025", "2025-02-15T00:00:00+01:00"),
        ("Publié le 14/03/25 à 08h12", "2025-03-14T08:12:00+01:00"),
    ],
)
def test_date_statements(text, iso):
    statement = read_date_statement(text, PARIS)
    assert statement is not None and statement.value is not None
    assert statement.value.isoformat() == iso


@pytest.mark.parametrize(
    "text",
    ["il y a 2 heures", "Publié hier à 10h30", "Updated 3 hours ago", "aujourd’hui à 08h12"],
)
def test_relative_dates_are_never_resolved(text):
    statement = read_date_statement(text, PARIS)
    assert statement is not None
    assert statement.relative and statement.value is None


@pytest.mark.parametrize(
    "text",
    [
        "15 mars",
        "Le Louvre ferme ses portes",
        "Le président a parlé le 15 mars 2025 à Paris",
        "2025",
    ],
)
def test_lines_that_are_not_dates(text):
    assert read_date_statement(text, PARIS) is None


def test_keyword_without_its_date_is_a_lost_date():
    statement = read_date_statement("le", PARIS)
    assert statement is not None and statement.value is None and not statement.relative


def test_published_and_updated_on_one_line():
    parts = split_statements("Publié le 15 mars 2025 à 10h30, mis à jour le 16 mars 2025 à 08h05")
    kinds = [read_date_statement(p, PARIS).kind for p in parts]
    assert kinds == ["published", "modified"]


def test_site_time_zone_applies_only_without_offset():
    assert parse_date_text("15 mars 2025 à 10h30", "America/Montreal").value.isoformat() == (
        "2025-03-15T10:30:00-04:00"
    )
    with_offset = parse_date_text("2025-03-15T10:30:00+05:30", "America/Montreal").value
    assert with_offset.utcoffset() == timedelta(hours=5, minutes=30)


def test_words_about_today_give_no_date():
    for text in ("aujourd'hui", "today", "il y a 5 minutes", "à l'instant", "ce matin"):
        value = parse_date_text(text, PARIS)
        assert value is not None and value.relative and value.value is None, text


@pytest.mark.parametrize(
    ("raw", "text", "encoding"),
    [
        ("Élysée’s « œuvre »".encode(), "Élysée’s « œuvre »", "utf-8"),
        (b"\xef\xbb\xbf" + "Été".encode(), "Été", "utf-8-sig"),
        ("Ligne 1\r\nÉté « à »\r\n".encode("cp1252"), "Ligne 1\nÉté « à »\n", "cp1252"),
        ("l’œuvre".encode("cp1252"), "l’œuvre", "cp1252"),
        ("Été".encode("utf-16"), "Été", "utf-16"),
    ],
)
def test_decoding(raw, text, encoding):
    decoded = decode_bytes(raw)
    assert (decoded.text, decoded.encoding) == (text, encoding)


def test_invalid_bytes_are_refused_with_the_offset():
    with pytest.raises(IngestFailure, match=r"byte 0x81 at offset 3\)"):
        decode_bytes(b"abc\x81\x8d")


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("1. Premier point", "1\\. Premier point"),
        ("2) Second point", "2\\) Second point"),
        ("- tiret", "\\- tiret"),
        ("+ plus", "\\+ plus"),
        ("* étoile", "\\* étoile"),
        ("## Titre", "\\## Titre"),
        ("> citation", "\\> citation"),
        ("un *mot* et un `code`", "un \\*mot\\* et un \\`code\\`"),
        ("snake_case reste _souligné_", "snake_case reste \\_souligné\\_"),
        ("<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>"),
        ("« Texte » d’une l’œuvre\u00a0: 3 < 5", "« Texte » d’une l’œuvre\u00a0: 3 < 5"),
        ("1 600 °C", "1 600 °C"),
    ],
)
def test_markdown_escapes(text, markdown):
    assert escape_paragraph(text) == markdown


def test_language_detection():
    assert (
        detect_language("Le président a annoncé que les troupes sont dans la ville.", "en") == "fr"
    )
    assert (
        detect_language(
            "The president said that the troops were in the city and it was over.", "fr"
        )
        == "en"
    )
    assert detect_language("Koursk Zaolechenka", "fr") == "fr"
    assert detect_language("LE PRÉSIDENT A DIT QUE LES TROUPES SONT DANS LA VILLE", "en") == "fr"
    assert detect_language("It Was The Day That The Troops Were In The City", "fr") == "en"


def test_summary_is_trimmed_at_a_sentence():
    first = "Première phrase du paragraphe, assez longue pour compter. " * 4
    text = first + "Deuxième phrase qui ferait dépasser la limite de trois cents caractères. " * 3
    summary = trim_at_sentence(text, 300)
    assert len(summary) <= 300 and summary.endswith("compter.")
    assert trim_at_sentence("mot " * 200, 300).endswith("…")


def test_unique_slug_stays_within_80_characters():
    slug = "a" * 40 + "-" + "b" * 39
    taken = {slug, slug[:78] + "-2"}
    result = unique_slug(slug, taken.__contains__)
    assert result.endswith("-3") and len(result) <= 80
    assert unique_slug("libre", taken.__contains__) == "libre"


def _story(variant: int) -> str:
    words = [f"mot{n}" for n in range(300)]
    for position in range(variant * 7, 300, 97):  # a few words differ from one variant to the next
        words[position] = f"autre{variant}"
    return " ".join(words)


def test_the_archive_index_keeps_every_article_that_shares_shingles():
    index = ArchiveIndex()
    stories = [_story(0), _story(0), *(_story(variant) for variant in range(1, 6))]
    for number, story in enumerate(stories):
        index.add(Path(f"{number}.md"), f"story-{number}", None, Fingerprint.of(story))
    # Two identical texts: the first indexed is the one reported.
    assert index.near_duplicate(Fingerprint.of(stories[0])) == NearDuplicate(Path("0.md"), 1.0)
    for number, story in enumerate(stories[2:], start=2):
        assert index.near_duplicate(Fingerprint.of(story)) == NearDuplicate(Path(f"{number}.md"), 1)
    assert index.near_duplicate(Fingerprint.of(" ".join(f"x{n}" for n in range(300)))) is None


def test_lines_remembered_across_pages_classify_as_on_a_first_page():
    """A batch shares its classified lines between pages: a page must read the same
    whether its menus and footers were met on earlier pages or not."""

    def rules() -> TextRules:
        return TextRules(load_chrome_patterns(), SECTIONS)

    rng = random.Random(11)
    pages = [text_page(bench_page(rng, number)) for number in range(60)]
    batch_rules = rules()
    in_batch = [extract_text_page(page, batch_rules) for page in pages]
    alone = [extract_text_page(page, rules()) for page in pages]
    assert in_batch == alone
    assert 0 < len(batch_rules.seen_lines) <= SEEN_LINES_MAX


def test_site_chrome_patterns_add_to_the_packaged_ones():
    """A site's own patterns drop or end lines as the packaged ones do, short or long."""
    chrome = load_chrome_patterns(("Un libellé maison", "[end] (?:Fin|The end) de l.article.*"))
    lines = [
        "Partager sur Facebook, Twitter et LinkedIn avec vos amis et toute votre famille",
        "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
        "En poursuivant votre navigation sur ce site, vous acceptez l’utilisation de cookies.",
        "Lire aussi : Les agriculteurs bloquent les routes autour de la capitale depuis lundi",
        "Fin de l’article, merci de votre lecture et à bientôt sur notre site d’information",
        "Partager cet article",
        "Un libellé maison",
        "Un libellé maison qui continue bien au-delà de sa longueur",
    ]
    assert [chrome.classify(line) for line in lines] == [
        "drop",
        "end",
        "drop",
        "drop",
        "end",
        "drop",
        "drop",
        None,
    ]


def test_fingerprints_ignore_case_compatibility_forms_and_link_targets():
    words = "Le ministre a présenté la réforme de l’État devant les élus du Finistère".split()
    plain = " ".join(words * 3)
    variant = plain.replace("réforme", "[réforme](https://example.org/reforme-de-l-etat)", 1)
    variant = variant.upper().replace("FI", "\ufb01").replace("É", "E\u0301")
    assert "\ufb01" in variant
    assert "E\u0301" in variant
    assert "](HTTPS" in variant
    assert Fingerprint.of(variant).shingles == Fingerprint.of(plain).shingles
    other = plain.replace("élus", "maires")
    assert Fingerprint.of(other).shingles != Fingerprint.of(plain).shingles


@pytest.mark.parametrize(
    "line",
    [
        "Des manifestants devant la préfecture, samedi. © Jean Dupont",
        "Le port de Marseille au petit matin. CRÉDIT PHOTO : J. DUPONT",
        "Le port de Marseille au petit matin. Crédits Photo Jean Dupont",
        "Illustration : Jean Dupont / Hans Lucas",
        "CRÉDITS : archives municipales",
        "The prime minister leaves Downing Street on Tuesday. Photograph: Jane Doe",
        "Des secouristes dans les décombres, le 3 mars. Getty Images",
        "Des secouristes dans les décombres, le 3 mars. (AP Photo/Jane Doe)",
        "Le président lors de son discours, à Paris, le 3 mars. LUDOVIC MARIN / AFP",
        "Des éleveurs bloquent l’autoroute A7 près de Lyon (photo d’illustration).",
    ],
)
def test_captions_and_credits(line):
    assert classify_line(line, TextRules(load_chrome_patterns())).kind == Kind.CAPTION


@pytest.mark.parametrize(
    "line",
    [
        "Les photographes ont couvert la manifestation de bout en bout.",
        "Le gouvernement a présenté sa réforme des retraites mardi à l’Assemblée.",
        "Reuters et l’AFP rapportent que les négociations ont repris au Caire.",
    ],
)
def test_sentences_about_photos_and_agencies_are_not_captions(line):
    assert classify_line(line, TextRules(load_chrome_patterns())).kind != Kind.CAPTION


def _fingerprint(shingles: set[int]) -> Fingerprint:
    frozen = frozenset(shingles)
    return Fingerprint(frozen, _prefix(frozen))


def _brute_force(sets: list[frozenset[int]], probe: frozenset[int]) -> NearDuplicate | None:
    best = None
    for number, other in enumerate(sets):
        similarity = len(probe & other) / len(probe | other)
        if similarity >= DUPLICATE_THRESHOLD and (best is None or similarity > best.similarity):
            best = NearDuplicate(Path(f"{number}.md"), similarity)
    return best


def test_near_duplicates_are_those_a_full_comparison_finds():
    """Prefix and positional filtering skip work, never a near copy: edited copies around
    the 0.8 threshold, sizes from 5 to 400, each looked up before it is added (as ingest
    does) and compared with a full comparison against every earlier set."""
    rng = random.Random(11)
    index, sets, found, expected = ArchiveIndex(), [], [], []
    for number in range(400):
        base = set(rng.sample(range(10**6), rng.randrange(5, 400)))
        if sets and rng.random() < 0.7:  # an edited copy of an earlier article
            base = set(rng.choice(sets))
            for shingle in rng.sample(sorted(base), rng.randrange(0, len(base) // 6 + 1)):
                base.discard(shingle)
            base.update(rng.sample(range(10**6, 2 * 10**6), rng.randrange(0, len(base) // 6 + 1)))
        fingerprint = _fingerprint(base)
        found.append(index.near_duplicate(fingerprint))
        expected.append(_brute_force(sets, fingerprint.shingles))
        index.add(Path(f"{number}.md"), f"s{number}", None, fingerprint)
        sets.append(fingerprint.shingles)
    assert found == expected
    similarities = [f.similarity for f in found if f]
    assert len(similarities) > 100
    assert min(similarities) < 0.82  # copies just over the threshold are among them


def _meta(**fields) -> ArticleMeta:
    values = {
        "title": "Les éleveurs manifestent à Rennes",
        "date": datetime(2025, 3, 15, 10, 30, tzinfo=timezone(timedelta(hours=1))),
        "category": "France",
        "slug": "les-eleveurs-manifestent-a-rennes",
    }
    return ArticleMeta(**(values | fields))


def test_article_text_is_what_check_reads_back():
    text = article_text(_meta(tags=("Agriculture",)), "Corps du texte.", Path("a.md"), SECTIONS)
    parsed = parse_front_matter(Path("a.md"), text)
    assert parse_article_meta(parsed, SECTIONS) == (_meta(tags=("Agriculture",)), [])


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"category": "Urbanisme"}, "category: 'Urbanisme' is not a configured section"),
        ({"date_source": "guess"}, "date_source: 'guess' is not one of page, editor"),
        ({"slug": "Pas Un Slug"}, "slug: 'Pas Un Slug' is not a valid slug"),
        (
            {"modified": datetime(2025, 3, 14, tzinfo=UTC)},
            "modified: is earlier than date",
        ),
        ({"authors": ("Anne Martin", " ")}, "authors: must be a list of names"),
    ],
)
def test_article_text_refuses_an_invalid_field_with_the_models_message(fields, message):
    with pytest.raises(IngestFailure) as refused:
        article_text(_meta(**fields), "Corps du texte.", Path("a.md"), SECTIONS)
    assert refused.value.reason.startswith(f"the article would not pass check: {message}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Les habitants de la ville ont été évacués dans la nuit, selon la préfecture, et les "
            "pompiers sont restés sur place pour surveiller les reprises du feu.",
            "fr",
        ),
        (
            "The residents of the town were evacuated during the night, the police said, and the "
            "firefighters stayed on to watch for new fires in the hills.",
            "en",
        ),
        (
            "Los vecinos de la ciudad fueron evacuados durante la noche, según la policía, y los "
            "bomberos se quedaron para vigilar los nuevos focos en las colinas.",
            "es",
        ),
        (
            "Die Bewohner der Stadt wurden in der Nacht evakuiert, wie die Polizei mitteilte, und "
            "die Feuerwehr ist noch vor Ort, um neue Brände zu verhindern.",
            "de",
        ),
        (
            "Invånarna i staden evakuerades under natten, enligt polisen, och brandmännen stannade "
            "kvar för att hålla uppsikt över nya bränder i bergen där det är torrt.",
            "sv",
        ),
        (
            "町の住民は夜のうちに避難したと警察が発表した。消防隊は山での新たな火災に備えている。",
            "ja",
        ),
    ],
)
def test_language_is_read_from_function_words_or_script(text, expected):
    assert detect_language(text, "fr") == expected


def test_language_stays_the_default_when_the_text_says_nothing():
    assert detect_language("Brexit : 31 janvier 2020", "fr") == "fr"
