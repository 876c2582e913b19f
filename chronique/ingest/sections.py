"""The article's section: the page's own label mapped to one of the archive's sections.

Sites name their sections their own way ("Planète", "Idées", "Société > Santé").
``CHRONIQUE_SECTION_MAP`` maps those labels to the archive's sections once, for
every page: keys are compared case- and accent-insensitively and may name the
source ("Le Monde: Idées", or a nested mapping per source name or host). A
hierarchical label is tried whole, then part by part from the most specific. A
configured section name always stands for itself.

Pages whose label is not mapped get the editor's ``--category``, else
``CHRONIQUE_DEFAULT_SECTION`` when the editor configured one, else are refused
with the label they gave; the batch report lists those labels for the editor.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from chronique.config import SectionMapSetting
from chronique.content.model import CategorySource
from chronique.folding import fold, source_key
from chronique.ingest.page import sections_by_fold

#: Between the levels of a label: "Société > Santé", "International / Europe", "A › B".
_LEVELS = re.compile(r"\s*[>›»→|/·]\s*")
#: "Le Monde: Idées": the source, then the label (French spacing before the colon allowed).
_SOURCE_KEY = re.compile(r"(?P<source>[^:]+?)\s*:\s*(?P<label>.+)")


class SectionMapError(ValueError):
    """CHRONIQUE_SECTION_MAP or CHRONIQUE_DEFAULT_SECTION cannot be used as written."""


@dataclass(frozen=True)
class SectionChoice:
    """The section an article goes to and who chose it; no section when it is refused."""

    category: str | None
    source: CategorySource | None
    unmapped_label: str | None = None  # the page's label that nothing mapped


@dataclass(frozen=True)
class SectionMap:
    """The archive's sections and the editor's map of source labels, ready for lookups."""

    sections: tuple[str, ...] = ()
    labels: Mapping[str, str] = field(default_factory=dict)  # folded label -> section
    by_source: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # per source
    default: str | None = None

    @classmethod
    def build(
        cls, raw: SectionMapSetting, sections: Sequence[str], default: str | None = None
    ) -> SectionMap:
        """Check and fold the settings; SectionMapError says which entry is wrong."""
        sections = tuple(sections)
        check = _EntryCheck(sections)
        labels: dict[str, str] = {}
        by_source: dict[str, dict[str, str]] = {}
        for key, value in raw.items():
            if isinstance(value, Mapping):
                source = check.key(key, f"source {key!r}")
                for label, section in value.items():
                    entry = f"{key!r}: {label!r}"
                    check.add(by_source.setdefault(source_key(source), {}), label, section, entry)
                continue
            qualified = _SOURCE_KEY.fullmatch(check.key(key, repr(key)))
            if qualified:
                target = by_source.setdefault(source_key(qualified["source"]), {})
                check.add(target, qualified["label"], value, repr(key))
            else:
                check.add(labels, key, value, repr(key))
        if default is not None:
            default = check.section(default, "CHRONIQUE_DEFAULT_SECTION")
        return cls(sections, labels, by_source, default)

    def lookup(self, label: str, sources: Sequence[str] = ()) -> tuple[str, CategorySource] | None:
        """The section *label* stands for, and whether the page or the map says so."""
        known = sections_by_fold(self.sections)
        source_maps = [self._source_map(source) for source in sources]
        for candidate in label_levels(label):
            key = fold(candidate)
            if key in known:
                return known[key], "page"
            for mapping in (*source_maps, self.labels):
                if key in mapping:
                    return mapping[key], "map"
        if not self.sections:  # an archive without a list of sections takes any label
            return _most_specific_level(label), "page"
        return None

    def choose(
        self, labels: Sequence[str], sources: Sequence[str] = (), editor: str | None = None
    ) -> SectionChoice:
        """The first label the sections or the map know; else the editor's section, else
        the default one; else no section (the caller refuses the page)."""
        labels = [label for label in dict.fromkeys(labels) if label and label.strip()]
        for label in labels:
            found = self.lookup(label, sources)
            if found is not None:
                return SectionChoice(*found)
        unmapped = labels[0].strip() if labels else None
        if editor is not None:
            return SectionChoice(editor, "editor", unmapped)
        if self.default is not None:
            return SectionChoice(self.default, "default", unmapped)
        return SectionChoice(None, None, unmapped)

    def _source_map(self, source: str) -> Mapping[str, str]:
        return self.by_source.get(source_key(source), {})


def label_levels(label: str) -> list[str]:
    """*label* whole, then its levels from the most specific: 'Société > Santé' ->
    ['Société > Santé', 'Santé', 'Société'].

    A breadcrumb copied without its separators ('Accueil Économie Conjoncture') has its
    levels only as runs of words: those come last, the longest and rightmost first.
    """
    levels = [part for part in _LEVELS.split(label.strip()) if part]
    words = label.split() if len(levels) == 1 else []
    runs = [
        " ".join(words[start : start + size])
        for size in range(len(words) - 1, 0, -1)
        for start in range(len(words) - size, -1, -1)
    ]
    return list(dict.fromkeys([label.strip(), *reversed(levels), *runs]))


def _most_specific_level(label: str) -> str:
    levels = [part for part in _LEVELS.split(label.strip()) if part]
    return levels[-1] if levels else label.strip()


@dataclass
class _EntryCheck:
    """Validates map entries one by one, naming the entry that is wrong."""

    sections: tuple[str, ...]

    def key(self, key: object, entry: str) -> str:
        if not isinstance(key, str) or not key.strip():
            raise SectionMapError(f"CHRONIQUE_SECTION_MAP: {entry} is not a label")
        return key

    def section(self, value: object, entry: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise SectionMapError(f"{entry} must name a section, found {value!r}")
        if not self.sections:
            return value.strip()
        known = sections_by_fold(self.sections)
        if fold(value) not in known:
            raise SectionMapError(
                f"{entry}: '{value}' is not a configured section ({', '.join(self.sections)})"
            )
        return known[fold(value)]

    def add(self, target: dict[str, str], label: object, value: object, entry: str) -> None:
        key = fold(self.key(label, entry))
        section = self.section(value, f"CHRONIQUE_SECTION_MAP {entry}")
        known = sections_by_fold(self.sections)
        if key in known and known[key] != section:
            raise SectionMapError(
                f"CHRONIQUE_SECTION_MAP {entry}: '{known[key]}' is a section of the archive "
                "and always stands for itself"
            )
        if target.get(key, section) != section:
            raise SectionMapError(
                f"CHRONIQUE_SECTION_MAP {entry}: the same label is mapped to both "
                f"'{target[key]}' and '{section}'"
            )
        target[key] = section
