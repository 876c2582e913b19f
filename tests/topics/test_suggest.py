"""Issue 4: `topics suggest` lists recurring names that the vocabulary does not cover yet."""

from __future__ import annotations

import pytest

from chronique.topics import load_vocabulary
from chronique.topics.suggest import suggest_new_topics
from tests.conftest import REPO, SEED

VOCABULARY = load_vocabulary(REPO / "content" / "topics.yml")


def test_seed_names_missing_from_the_vocabulary() -> None:
    suggested = dict(suggest_new_topics([SEED.read_text(encoding="utf-8")], VOCABULARY, 1))
    for name in ("Soujda", "Zaolechenka", "Roubanchtchina", "Volgograd", "Voronej"):
        assert suggested.get(name) == 1, suggested
    for covered_or_common in ("Koursk", "Vladimir Poutine", "Moscou", "Kiev", "Ukrainiens"):
        assert covered_or_common not in suggested
    for sentence_start in ("Cependant", "Conflit", "Ces", "Les", "Monde", "Article"):
        assert sentence_start not in suggested


# texts, names expected with their counts, names that must not be listed
CASES = {
    "full name counted once per mention": (["Gérard Larcher préside. Puis Gérard Larcher parle."], {"Gérard Larcher": 2}, {"Gérard", "Larcher", "Puis"}),
    "phrase opener dropped": (["Selon Jean Dupont, rien. Mardi Jean Dupont est venu."], {"Jean Dupont": 2}, {"Selon Jean Dupont", "Mardi Jean Dupont"}),
    "article kept inside a sentence": (["Selon Le Figaro, oui ; d’après Le Figaro, non."], {"Le Figaro": 2}, {"Figaro"}),
    "article dropped at a sentence start": (["Le Paris Saint-Germain gagne. Le Paris Saint-Germain perd."], {"Paris Saint-Germain": 2}, {"Le Paris Saint-Germain"}),
    "partly covered name is still new": (["Le Paris Saint-Germain et le Paris Saint-Germain."], {"Paris Saint-Germain": 2}, {"Paris"}),
    "covered by an alias": (["Kiev et Poutine. Kiev et Poutine."], {}, {"Kiev", "Poutine"}),
    "capitalised only at sentence starts": (["Cependant rien. Cependant tout."], {}, {"Cependant"}),
    "below the minimum count": (["Prigojine a parlé."], {}, {"Prigojine"}),
    "across texts": (["Prigojine a parlé.", "Puis Prigojine a disparu."], {"Prigojine": 2}, set()),
}  # fmt: skip


@pytest.mark.parametrize("case", list(CASES))
def test_suggest_cases(case: str) -> None:
    texts, expected, absent = CASES[case]
    suggested = dict(suggest_new_topics(texts, VOCABULARY, min_count=2))
    assert {name: suggested.get(name) for name in expected} == expected, suggested
    assert not absent & set(suggested), suggested


def test_most_frequent_first() -> None:
    text = "Soujda, Soujda et Soujda ; Voronej et Voronej ; Zaolechenka."
    assert suggest_new_topics([text], VOCABULARY, 1) == [
        ("Soujda", 3),
        ("Voronej", 2),
        ("Zaolechenka", 1),
    ]
