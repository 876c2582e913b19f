"""Written front-matter reads back as it was, in DESIGN.md's layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronique.content.frontmatter import FrontMatter, dump_front_matter, parse_front_matter

#: Values whose plain form YAML would read as something else, or cannot hold.
TRICKY_VALUES = [
    "Conflit en Ukraine : la Russie reprend des villages",
    "« Nous tiendrons », dit-il",
    "yes",
    "No",
    "null",
    "~",
    "2025",
    "3.5",
    "0x1F",
    "12:30",
    "- tiret en tête",
    "? question",
    "# pas un commentaire",
    "a #b",
    "[crochets]",
    "{accolades}",
    "'apostrophes' et \"guillemets\"",
    "  espaces autour  ",
    "",
    "Ligne\nsuivante",
    "tab\tulation",
    "émoji 😀",
    "https://example.org/a?b=c#d",
    "x" * 20_000,
]


def _read_back(text: str) -> FrontMatter:
    parsed = parse_front_matter(Path("a.md"), text)
    assert isinstance(parsed, FrontMatter), parsed
    return parsed


@pytest.mark.parametrize("value", TRICKY_VALUES)
def test_every_string_reads_back_as_written(value: str) -> None:
    data = {"title": value, "tags": [value, "Ukraine"], "source": {"name": value}}
    assert _read_back(dump_front_matter(data, "Corps.")).data == data


def test_keys_keep_their_order_and_lists_their_flow_style() -> None:
    data = {
        "title": "Titre",
        "date": "2025-03-15T00:00:00+01:00",
        "category": "Monde",
        "tags": ["Ukraine", "Russie"],
        "lang": "fr",
        "slug": "titre",
        "source": {"name": "Le Site", "sha256": "0123abcd"},
    }
    text = dump_front_matter(data, "Corps du texte.\n\n")
    assert text == (
        "---\n"
        "title: Titre\n"
        "date: 2025-03-15T00:00:00+01:00\n"
        "category: Monde\n"
        "tags: [Ukraine, Russie]\n"
        "lang: fr\n"
        "slug: titre\n"
        "source: {name: Le Site, sha256: 0123abcd}\n"
        "---\n\n"
        "Corps du texte.\n"
    )
    assert list(_read_back(text).data) == list(data)


def test_dates_stay_strings_when_read_back() -> None:
    data = {
        "title": "T",
        "date": "2025-03-15T00:00:00+01:00",
        "source": {"retrieved": "2025-03-16"},
    }
    assert _read_back(dump_front_matter(data, "")).data == data


def test_unicode_is_written_as_itself() -> None:
    data = {"title": "L’Œuvre d’Ève à l’Élysée", "tags": ["Pékin", "北京", "Москва"]}
    text = dump_front_matter(data, "Été.")
    for word in ("L’Œuvre d’Ève à l’Élysée", "Pékin", "北京", "Москва", "Été."):
        assert word in text
    assert "\\u" not in text and "\\x" not in text


def test_a_value_used_twice_is_written_twice_not_as_an_alias() -> None:
    names = ["Anne Martin", "Paul Durand"]
    data = {"title": "T", "authors": names, "tags": names}
    text = dump_front_matter(data, "")
    assert "&" not in text and "*" not in text
    assert _read_back(text).data == data  # the reader refuses aliases
