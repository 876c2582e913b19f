"""Issue 4: tagging finds topics through inflections, elisions and aliases, and weighs salience."""

from __future__ import annotations

from pathlib import Path

import pytest
import simplemma

from chronique.folding import fold
from chronique.topics import Tagger, TaggingSettings, load_vocabulary
from chronique.topics.tagging import LANGUAGES, word_key, words
from tests.conftest import REPO, SEED

VOCABULARY = load_vocabulary(REPO / "content" / "topics.yml")
TAGGER = Tagger(VOCABULARY)


def seed_parts() -> dict[str, str]:
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    prose = [line for line in lines if len(line) > 150]
    return {
        "title": next(line for line in lines if line.startswith("Conflit en Ukraine")),
        "subtitle": next(line for line in lines if line.startswith("La Russie reprend")),
        "summary": prose[0],
        "body": "\n\n".join(prose[1:]),
    }


def names(**parts: str) -> list[str]:
    return [topic.name for topic in TAGGER.tag(**parts)]


def test_seed_gets_its_subjects_and_not_a_passing_mention() -> None:
    parts = seed_parts()
    tagged = names(**parts)
    for expected in (
        "Ukraine",
        "Russie",
        "Koursk",
        "Drones",
        "Vladimir Poutine",
        "Donald Trump",
        "Volodymyr Zelensky",
    ):
        assert expected in tagged
    assert "Iran" not in tagged
    assert len(tagged) <= 8
    text_keys = set(TAGGER.keys(" ".join(parts.values())))
    for name in tagged:
        topic = VOCABULARY.get(name)
        forms = [TAGGER.keys(form) for form in topic.surface_forms]
        assert any(set(form) <= text_keys for form in forms), name


def test_iran_is_found_once_it_is_in_the_standfirst() -> None:
    parts = seed_parts()
    parts["summary"] += " Les drones iraniens sont au cœur de l’offensive."
    assert "Iran" in names(**parts)


# title, body, topics expected, topics that must be absent
CASES = {
    "inflection": ("Manifestation", "Les autorités ukrainiennes et les soldats ukrainiens ont résisté. Les Ukrainiennes aussi.", {"Ukraine"}, set()),
    "adjective plural": ("Sanctions", "Les dirigeants iraniens ont répondu aux responsables iraniens.", {"Iran"}, set()),
    "elision": ("Crise", "L’Ukraine et l’Iran ; d’Israël à l’Égypte. L’Ukraine encore, l’Iran aussi, d’Israël, l’Égypte.", {"Ukraine", "Iran", "Israël", "Égypte"}, set()),
    "old spelling alias": ("Alerte à Kiev", "Les sirènes ont retenti.", {"Kyiv"}, set()),
    "accents missing": ("Etats-Unis : la Maison Blanche repond", "Rien de plus.", {"États-Unis", "Washington"}, set()),
    "overlap full name": ("Donald Trump parle", "Donald Trump a parlé. Donald Trump a répété.", {"Donald Trump"}, set()),
    "longest match": ("Le président russe à Pékin", "Le président russe a rencontré le président chinois.", {"Vladimir Poutine", "Xi Jinping", "Pékin"}, {"Russie", "Chine"}),
    "passing mention": ("Budget de la santé", "Le budget de la santé augmente. Un diplomate suédois assiste aux débats.", {"Santé", "Budget"}, {"Suède"}),
    "weak alias repeated": ("Réunion", "Les négociateurs russes et les diplomates russes ont quitté Genève.", {"Russie"}, set()),
    "multiword organisation": ("Vote", "La Cour pénale internationale a émis un mandat. La Cour pénale internationale siège à La Haye.", {"Cour pénale internationale"}, set()),
    "english alias": ("NATO summit in Brussels", "NATO leaders met.", {"OTAN", "Bruxelles"}, set()),
    "no topic": ("Recette de la tarte", "Mélanger la farine et le beurre.", set(), {"Culture"}),
    "surname that is also a place": ("François Hollande en visite", "Hollande a parlé.", {"François Hollande"}, {"Pays-Bas"}),
    "title is not an alias": ("Discours", "Le chef de l’État et le président de la République ont parlé. Le président américain aussi.", set(), {"Emmanuel Macron", "Donald Trump"}),
    "form opening with a common word": ("Audience à La Haye", "La Haye accueille la Cour pénale internationale.", {"La Haye", "Cour pénale internationale"}, set()),
    "english lemmas": ("Elections in the United States", "Voters went to the polls.", {"Élections", "États-Unis"}, set()),
    "football club is not the Olympics": ("L’Olympique de Marseille s’impose", "L’Olympique de Marseille a gagné.", {"Marseille"}, {"Jeux olympiques"}),
    "elided article inside a name": ("Abidjan", "La Côte d’Ivoire vote. En Côte-d’Ivoire, le scrutin est calme.", {"Côte d’Ivoire"}, set()),
}  # fmt: skip


@pytest.mark.parametrize("case", list(CASES))
def test_tagging_cases(case: str) -> None:
    title, body, expected, absent = CASES[case]
    tagged = set(names(title=title, body=body))
    assert expected <= tagged, tagged
    assert not (absent & tagged), tagged


def test_full_name_is_one_mention_not_two() -> None:
    mentions = TAGGER.mentions("Donald Trump a rencontré Volodymyr Zelensky.")
    assert [m.topic.name for m in mentions] == ["Donald Trump", "Volodymyr Zelensky"]
    assert all(m.strong for m in mentions)


def test_a_fresh_tagger_and_a_warm_one_agree() -> None:
    """Words are learnt once and remembered: what a tagger has seen must not change its answers."""
    parts = seed_parts()
    assert names(**parts) == [t.name for t in Tagger(VOCABULARY).tag(**parts)]


def test_mentions_follow_reading_order_and_never_overlap() -> None:
    mentions = TAGGER.mentions("La France insoumise, la France et Emmanuel Macron ; Macron.")
    assert [(m.topic.name, m.strong) for m in mentions] == [
        ("La France insoumise", True),
        ("France", True),
        ("Emmanuel Macron", True),
        ("Emmanuel Macron", False),
    ]


def test_bare_surname_is_a_weak_mention() -> None:
    (mention,) = TAGGER.mentions("Trump a parlé.")
    assert mention.topic.name == "Donald Trump"
    assert not mention.strong


def test_salience_orders_title_first() -> None:
    tagged = names(
        title="Le Mali face à la crise", body="La France, la France, la France et le Mali."
    )
    assert tagged[0] == "Mali"


def test_max_topics_is_a_setting() -> None:
    tagger = Tagger(VOCABULARY, TaggingSettings(max_topics=2))
    title = "Ukraine, Russie, Iran, Chine et Japon"
    assert len(tagger.tag(title=title, body="")) == 2


def test_body_threshold_is_a_setting() -> None:
    lenient = Tagger(VOCABULARY, TaggingSettings(min_body_score=0.5, max_topics=20))
    assert "Iran" in [topic.name for topic in lenient.tag(**seed_parts())]


def test_settings_reject_unknown_keys() -> None:
    with pytest.raises(ValueError, match="unknown keys"):
        TaggingSettings.from_settings({"CHRONIQUE_TAGGING": {"max_topic": 3}})
    assert TaggingSettings.from_settings({"CHRONIQUE_TAGGING": {"max_topics": 3}}).max_topics == 3


def test_words_split_punctuation_and_keep_typography_out() -> None:
    assert words("L’Ukraine, «\u00a0Kyiv\u00a0» — États-Unis…") == [
        "L",
        "Ukraine",
        "Kyiv",
        "États",
        "Unis",
    ]


@pytest.mark.parametrize("number", ["0", "7", "007", "1789", "2025", "9000000"])
def test_numbers_are_their_own_keys_as_the_lemmatiser_says(number: str) -> None:
    lemma = simplemma.lemmatize(number, lang=LANGUAGES)
    assert word_key(number) == (fold(lemma), fold(number)) == (number, number)


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Élection  Présidentielle") == fold("election presidentielle")


def test_shipped_vocabulary_is_large_and_well_formed() -> None:
    assert len(VOCABULARY) >= 150
    kinds = {topic.kind for topic in VOCABULARY}
    assert kinds <= {"person", "place", "organisation", "event", "theme"}
    assert {"person", "place", "organisation", "theme"} <= kinds
    for topic in VOCABULARY:
        sentences = [s for s in topic.description.replace("…", ".").split(". ") if s]
        assert 1 <= len(sentences) <= 3, topic.name


def test_topics_yml_path_is_the_content_one() -> None:
    assert Path(REPO / "content" / "topics.yml").is_file()


def test_bench_tags_a_padded_vocabulary() -> None:
    from chronique.topics.bench import bench_tagging

    figures = bench_tagging(n_articles=20, n_topics=1000)
    assert figures["tagging_topics"] == 1000
    assert figures["tagging_articles_per_s"] > 0
