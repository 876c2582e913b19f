"""Issue 4: every vocabulary error is reported with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronique.content.errors import InvalidContentError
from chronique.topics import load_vocabulary

GOOD = """\
- name: Ukraine
  slug: ukraine
  kind: place
  aliases: [ukrainien, Kiev]
  description: Un pays.
- name: Russie
  slug: russie
  kind: place
  aliases: [russe]
  description: Un autre pays.
  see_also: [ukraine]
"""

# case: (text, line, message fragment)
CASES = {
    "duplicate slug": (GOOD.replace("slug: russie", "slug: ukraine"), 7, "duplicate slug 'ukraine'"),
    "alias claimed twice": (GOOD.replace("aliases: [russe]", "aliases: [russe, kiev]"), 9, "alias 'kiev' is already claimed by 'Ukraine'"),
    "names slugify alike": (GOOD + "- {name: ukraine, slug: ukraine-2, kind: place, description: Double.}\n", 12, "differ only by case or accents"),
    "accented names alike": ("- {name: Élection, slug: a, kind: theme, description: A.}\n- {name: election, slug: b, kind: theme, description: B.}\n", 2, "differ only by case or accents"),
    "unknown kind": (GOOD.replace("kind: place\n  aliases: [russe]", "kind: country\n  aliases: [russe]"), 8, "unknown kind 'country'"),
    "bad slug": (GOOD.replace("slug: russie", "slug: Russie Fédérale"), 7, "is not a valid slug"),
    "missing description": (GOOD.replace("  description: Un autre pays.\n", ""), 6, "description: missing or not a text"),
    "unknown field": (GOOD.replace("  see_also: [ukraine]", "  voir_aussi: [ukraine]"), 11, "unknown field"),
    "see_also unknown": (GOOD.replace("see_also: [ukraine]", "see_also: [biélorussie]"), 11, "see_also names no topic"),
    "aliases not a list": (GOOD.replace("aliases: [russe]", "aliases: russe"), 9, "aliases must be a list"),
    "entry not a mapping": (GOOD + "- Chine\n", 12, "a topic must be a mapping"),
    "not a list": ("name: Ukraine\n", 1, "must be a list of topics"),
    "broken YAML": (GOOD.replace("aliases: [russe]", "aliases: [russe"), 10, "invalid YAML"),
    "field given twice": (GOOD.replace("  description: Un autre pays.", "  description: Un autre pays.\n  slug: russie-2"), 11, "field 'slug' given twice"),
    "yaml alias bomb": ("- &a {name: A, slug: a, kind: theme, description: A.}\n- *a\n", 2, "aliases (*name) are not allowed"),
}  # fmt: skip


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "topics.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_vocabulary_loads(tmp_path: Path) -> None:
    vocabulary = load_vocabulary(write(tmp_path, GOOD))
    assert [t.slug for t in vocabulary] == ["ukraine", "russie"]
    assert vocabulary.get("Russie").see_also == ("ukraine",)
    assert vocabulary.closest("Ukrainee").name == "Ukraine"
    assert vocabulary.closest("kiev").name == "Ukraine"
    assert vocabulary.closest("Japon") is None


@pytest.mark.parametrize("case", list(CASES))
def test_each_error_names_its_line(tmp_path: Path, case: str) -> None:
    text, line, fragment = CASES[case]
    path = write(tmp_path, text)
    with pytest.raises(InvalidContentError) as caught:
        load_vocabulary(path)
    lines = [str(error) for error in caught.value.errors]
    assert any(f"{path}:{line}:" in text and fragment in text for text in lines), lines


def test_missing_file_is_an_empty_vocabulary(tmp_path: Path) -> None:
    assert len(load_vocabulary(tmp_path / "absent.yml")) == 0


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    text = GOOD.replace("kind: place\n  aliases: [russe]", "kind: pays\n  aliases: [russe]")
    path = write(tmp_path, text + "- Chine\n- {name: Japon, slug: Japon, kind: place}\n")
    with pytest.raises(InvalidContentError) as caught:
        load_vocabulary(path)
    found = [(error.line, error.message) for error in caught.value.errors]
    assert [line for line, _ in found] == [8, 12, 13, 13]
    assert "unknown kind 'pays'" in found[0][1]
    assert "a topic must be a mapping" in found[1][1]
    assert {found[2][1], found[3][1]} == {
        "description: missing or not a text",
        "'Japon' is not a valid slug",
    }


def test_shipped_vocabulary_has_no_ambiguous_titles_or_first_names() -> None:
    vocabulary = load_vocabulary(Path(__file__).parents[2] / "content" / "topics.yml")
    forms = {form.casefold() for topic in vocabulary for form in topic.aliases}
    for ambiguous in ("président américain", "chef de l’état", "président de la république"):
        assert ambiguous not in forms
    assert vocabulary.get("François Hollande") is vocabulary.closest("Hollande")
    assert vocabulary.closest("Francois Holande").slug == "francois-hollande"


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "topics.yml"
    path.write_bytes(GOOD.replace("Un pays.", "Un pays d’Europe.").encode("cp1252"))
    with pytest.raises(InvalidContentError, match="not valid UTF-8"):
        load_vocabulary(path)
