"""The controlled vocabulary of topics (``content/topics.yml``), loaded and checked once."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from chronique.content.errors import ContentError, InvalidContentError
from chronique.content.frontmatter import (
    compose_strict,
    construct_strict,
    yaml_error_mark,
    yaml_problem,
)
from chronique.content.slugs import slug_problem, slugify
from chronique.folding import fold

KINDS = ("person", "place", "organisation", "event", "theme")
REQUIRED_KEYS = ("name", "slug", "kind", "description")
OPTIONAL_KEYS = ("aliases", "see_also")


@dataclass(frozen=True)
class Topic:
    """One subject readers can follow; ``aliases`` are the surface forms that mean it."""

    name: str
    slug: str
    kind: str
    aliases: tuple[str, ...]
    description: str
    see_also: tuple[str, ...] = ()

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """The name and every alias: what tagging looks for in a text."""
        return (self.name, *self.aliases)


class Vocabulary:
    """An immutable collection of topics with lookups by name, slug and nearest spelling."""

    def __init__(self, topics: tuple[Topic, ...] = ()) -> None:
        self.topics = topics
        self._by_name = {t.name: t for t in topics}
        self._by_slug = {t.slug: t for t in topics}
        self._by_form = {fold(form): t for t in topics for form in t.surface_forms}

    def get(self, name: str) -> Topic | None:
        return self._by_name.get(name)

    def by_slug(self, slug: str) -> Topic | None:
        return self._by_slug.get(slug)

    def closest(self, name: str) -> Topic | None:
        """The topic a misspelt or alternative *name* most likely means, if any is close."""
        folded = fold(name)
        if folded in self._by_form:
            return self._by_form[folded]
        match = difflib.get_close_matches(folded, list(self._by_form), n=1, cutoff=0.75)
        return self._by_form[match[0]] if match else None

    def __iter__(self) -> Iterator[Topic]:
        return iter(self.topics)

    def __len__(self) -> int:
        return len(self.topics)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name


@dataclass
class _Entry:
    """One YAML entry with where its keys stand, for error messages."""

    path: Path
    node: yaml.MappingNode
    data: dict[str, Any]

    @property
    def line(self) -> int:
        return self.node.start_mark.line + 1

    def line_of(self, key: str) -> int:
        for key_node, _ in self.node.value:
            if key_node.value == key:
                return key_node.start_mark.line + 1
        return self.line

    def error(self, key: str | None, message: str, hint: str | None = None) -> ContentError:
        line = self.line_of(key) if key else self.line
        return ContentError(self.path, message, field=key, line=line, hint=hint)


def load_vocabulary(path: Path) -> Vocabulary:
    """Load *path*; raise InvalidContentError listing every problem with its line.

    A missing file is an empty vocabulary: a new archive may start without topics.
    """
    path = Path(path)
    if not path.exists():
        return Vocabulary()
    entries, errors = _read_entries(path)
    topics: list[tuple[_Entry, Topic]] = []
    for entry in entries:
        topic = _topic(entry, errors)
        if topic is not None:
            topics.append((entry, topic))
    errors.extend(_cross_check(topics))
    if errors:
        raise InvalidContentError(sorted(errors, key=lambda e: e.line))
    return Vocabulary(tuple(topic for _, topic in topics))


def _read_entries(path: Path) -> tuple[list[_Entry], list[ContentError]]:
    """The file's entries, and an error for each item of its list that is not a mapping.

    Unreadable YAML, or a file that is not a list, stops here: nothing else can be checked.
    """
    try:
        text = path.read_text(encoding="utf-8")
        root = compose_strict(text)
    except UnicodeDecodeError:
        raise InvalidContentError([ContentError(path, "not valid UTF-8")]) from None
    except yaml.YAMLError as exc:
        line, col = yaml_error_mark(exc) or (0, 0)
        message = f"invalid YAML: {yaml_problem(exc)}"
        raise InvalidContentError(
            [ContentError(path, message, line=line + 1, col=col + 1)]
        ) from None
    if root is None:
        return [], []
    if not isinstance(root, yaml.SequenceNode):
        raise InvalidContentError(
            [
                ContentError(
                    path,
                    "topics.yml must be a list of topics",
                    line=1,
                    hint="start each topic with '- name: …'",
                )
            ]
        )
    entries: list[_Entry] = []
    errors: list[ContentError] = []
    for node in root.value:
        if not isinstance(node, yaml.MappingNode):
            errors.append(
                ContentError(
                    path, "a topic must be a mapping of fields", line=node.start_mark.line + 1
                )
            )
            continue
        data = construct_strict(node)
        entries.append(_Entry(path, node, data))
    return entries, errors


def _text_list(entry: _Entry, key: str, errors: list[ContentError]) -> tuple[str, ...]:
    value = entry.data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        errors.append(entry.error(key, f"{key} must be a list of texts"))
        return ()
    return tuple(v.strip() for v in value)


#: A tag, a comment or a character reference: what would be markup in a name or description.
_MARKUP = re.compile(r"<[A-Za-z/!?]|&#?\w+;")


def _topic(entry: _Entry, errors: list[ContentError]) -> Topic | None:
    before = len(errors)
    for key in entry.data:
        if key not in REQUIRED_KEYS + OPTIONAL_KEYS:
            errors.append(
                entry.error(
                    str(key),
                    "unknown field",
                    f"topics take {', '.join(REQUIRED_KEYS + OPTIONAL_KEYS)}",
                )
            )
    for key in REQUIRED_KEYS:
        value = entry.data.get(key)
        if not isinstance(value, str) or not value.strip():
            errors.append(
                entry.error(key if key in entry.data else None, f"{key}: missing or not a text")
            )
    for key in ("name", "description"):
        value = entry.data.get(key)
        if isinstance(value, str) and _MARKUP.search(value):
            errors.append(
                entry.error(
                    key,
                    f"{key} holds markup ('{_MARKUP.search(value).group()}…')",  # type: ignore[union-attr]
                    "write plain text: pages, feeds and the search index show it as text",
                )
            )
    kind, slug = entry.data.get("kind"), entry.data.get("slug")
    if isinstance(kind, str) and kind not in KINDS:
        errors.append(
            entry.error("kind", f"unknown kind '{kind}'", f"use one of {', '.join(KINDS)}")
        )
    if isinstance(slug, str) and (problem := slug_problem(slug)):
        errors.append(entry.error("slug", *problem))
    aliases = _text_list(entry, "aliases", errors)
    see_also = _text_list(entry, "see_also", errors)
    if len(errors) > before or not isinstance(slug, str) or not isinstance(kind, str):
        return None
    return Topic(
        name=entry.data["name"].strip(),
        slug=slug.strip(),
        kind=kind,
        aliases=aliases,
        description=" ".join(entry.data["description"].split()),
        see_also=see_also,
    )


def _cross_check(topics: list[tuple[_Entry, Topic]]) -> list[ContentError]:
    """Slugs unique, names distinct once slugified, each alias claimed once, see_also known."""
    errors: list[ContentError] = []
    slugs: dict[str, Topic] = {}
    name_slugs: dict[str, Topic] = {}
    forms: dict[str, Topic] = {}
    for entry, topic in topics:
        if topic.slug in slugs:
            errors.append(
                entry.error(
                    "slug",
                    f"duplicate slug '{topic.slug}', already used by '{slugs[topic.slug].name}'",
                )
            )
        slugs.setdefault(topic.slug, topic)
        name_key = slugify(topic.name)
        if name_key in name_slugs:
            errors.append(
                entry.error(
                    "name",
                    f"'{topic.name}' and '{name_slugs[name_key].name}' differ only by case or accents",
                )
            )
        name_slugs.setdefault(name_key, topic)
        for form in dict.fromkeys(fold(f) for f in topic.surface_forms):
            owner = forms.setdefault(form, topic)
            if owner is not topic:
                errors.append(
                    entry.error("aliases", f"alias '{form}' is already claimed by '{owner.name}'")
                )
    for entry, topic in topics:
        for slug in topic.see_also:
            if slug not in slugs:
                errors.append(entry.error("see_also", f"see_also names no topic: '{slug}'"))
    return errors
