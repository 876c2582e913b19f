"""The front-matter writer must write exactly what yaml.dump writes, or leave it to yaml.dump."""

from __future__ import annotations

import random

import pytest
import yaml

from chronique.frontmatter import (
    _fast_yaml,
    _PlainDumper,
    _without_timestamp_resolver,
    dump_front_matter,
    parse_front_matter,
)

#: Pieces that change how a scalar is written: indicators, quotes, resolvable words,
#: French typography, spaces where they matter, characters YAML will not write plain.
PIECES = [
    "Ukraine",
    "la Russie",
    "Koursk",
    " : ",
    ": ",
    ":",
    " #",
    "#",
    "# ",
    ",",
    ", ",
    "[",
    "]",
    "{",
    "}",
    "?",
    "? ",
    "-",
    "- ",
    "--- ",
    "...",
    "'",
    "’",
    '"',
    "«",
    "»",
    "\u00a0",
    "\u202f",
    "&",
    "*",
    "!",
    "|",
    ">",
    "%",
    "@",
    "`",
    "~",
    "yes",
    "No",
    "ON",
    "off",
    "true",
    "False",
    "null",
    "Null",
    "NULL",
    "y",
    "n",
    "2025",
    "3.5",
    "1e5",
    "0x1F",
    "0b101",
    "12:30",
    "1_000",
    "+1",
    "-2",
    ".5",
    ".inf",
    ".NaN",
    "<<",
    "=",
    "2025-03-15T00:00:00+01:00",
    "é",
    "Œ",
    "ﬁ",
    "北京",
    " ",
    "  ",
    "",
    "https://example.org/a?b=c#d",
    "Éditorial",
]
#: Characters the writer leaves to yaml.dump (escaped, or styles it does not reproduce).
ODD_PIECES = ["😀", "\t", "\n", "\r", "\x85", "\u2028", "\ufeff", "\x7f", "\x00"]


class _PythonEmitterDumper(yaml.SafeDumper):
    """PyYAML's pure-Python emitter, for machines where libyaml is missing."""


_without_timestamp_resolver(_PythonEmitterDumper)
DUMPERS = [_PlainDumper, _PythonEmitterDumper]


def _random_front_matter(rng: random.Random, pieces: list[str]) -> dict[str, object]:
    def value() -> str:
        return "".join(rng.choices(pieces, k=rng.randrange(0, 5)))

    data: dict[str, object] = {}
    for key in ("title", "subtitle", "date", "category", "summary", "lang", "slug"):
        if rng.random() < 0.8:
            data[key] = value()
    data["tags"] = [value() for _ in range(rng.randrange(0, 4))]
    if rng.random() < 0.5:
        data["authors"] = (value(),)
    if rng.random() < 0.8:
        data["source"] = {k: value() for k in ("name", "url", "sha256") if rng.random() < 0.7}
    return data


def _yaml_dump(data: object, dumper: type = _PlainDumper) -> str:
    return yaml.dump(
        data,
        Dumper=dumper,
        allow_unicode=True,
        sort_keys=False,
        width=10_000,
        default_flow_style=None,
    )


def _front_matter_text(data: object) -> str:
    return dump_front_matter(data, "Corps.").removeprefix("---\n").split("---\n\n")[0]  # type: ignore[arg-type]


def test_writer_matches_yaml_dump_on_random_front_matter() -> None:
    rng = random.Random(3)
    cases = [_random_front_matter(rng, PIECES) for _ in range(3000)]
    cases += [_random_front_matter(rng, PIECES + ODD_PIECES) for _ in range(1000)]
    mismatches = [data for data in cases if _front_matter_text(data) != _yaml_dump(data)]
    assert mismatches == []
    # Most ordinary cases are the writer's own, so the comparison is not yaml.dump's with itself.
    assert sum(_fast_yaml(data) is not None for data in cases[:3000]) > 1500


@pytest.mark.parametrize("dumper", DUMPERS, ids=["libyaml", "python"])
def test_writer_agrees_with_both_emitters(dumper: type) -> None:
    rng = random.Random(5)
    cases = [_random_front_matter(rng, PIECES) for _ in range(1000)]
    written = [(data, _fast_yaml(data)) for data in cases]
    mismatches = [d for d, text in written if text is not None and text != _yaml_dump(d, dumper)]
    assert mismatches == []


@pytest.mark.parametrize(
    "data",
    [
        {"title": "Conflit en Ukraine : la Russie reprend des villages", "tags": ["Ukraine"]},
        {"title": "« Nous tiendrons », dit-il", "category": "Monde", "tags": []},
        {"title": "On", "lang": "fr", "source": {"sha256": "0123456789"}},
        {"title": "Titre", "source": {"url": "https://example.org/a", "name": "Le Site"}},
        {"title": "Titre", "count": 3, "draft": False, "empty": None},  # other types
        {"title": "Ligne\nsuivante", "nested": {"a": {"b": "c"}}},
        {"title": "x" * 20_000},
        {"Title Case Key": "v", "yes": "no"},
    ],
)
def test_writer_matches_yaml_dump_on_chosen_front_matter(data: dict[str, object]) -> None:
    assert _front_matter_text(data) == _yaml_dump(data)


def test_written_front_matter_reads_back(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(4)
    for _ in range(300):
        data = _random_front_matter(rng, PIECES + ODD_PIECES)
        if not data.get("title"):
            continue
        parsed = parse_front_matter(tmp_path / "a.md", dump_front_matter(data, "Corps."))
        assert parsed.data == {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}
